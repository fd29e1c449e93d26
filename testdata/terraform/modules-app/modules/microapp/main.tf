variable "name" {}

variable "acl" {
  default = "private"
}

variable "zone" {
  default = "example.com"
}

locals {
  bucket = "w2e-${var.name}"
  tags   = merge({ app = "where2eat" }, { component = var.name })
}

resource "aws_s3_bucket" "this" {
  bucket = local.bucket
  acl    = var.acl
  tags   = local.tags
}

module "dns" {
  source = "./modules/dns"
  name   = var.name
  zone   = var.zone
  target = aws_s3_bucket.this.bucket
}

output "bucket_name" {
  value = aws_s3_bucket.this.bucket
}

output "fqdn" {
  value = module.dns.fqdn
}
