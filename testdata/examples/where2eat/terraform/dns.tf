resource "cloudflare_record" "app" {
  zone_id = var.cloudflare_zone_id
  name    = "where2eat"
  type    = "CNAME"
  value   = "where2eat.apps.example.com"
  proxied = true
}

resource "tls_private_key" "acme" {
  algorithm = "RSA"
}

resource "acme_registration" "reg" {
  account_key_pem = tls_private_key.acme.private_key_pem
  email_address   = "lunch-team@example.com"
}

resource "acme_certificate" "app" {
  account_key_pem = acme_registration.reg.account_key_pem
  common_name     = "where2eat.example.com"
  dns_challenge {
    provider = "cloudflare"
  }
}
