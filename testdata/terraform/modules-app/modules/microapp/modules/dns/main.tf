variable "name" {}
variable "zone" {}
variable "target" {}
variable "ttl" {
  default = 300
}

resource "aws_route53_record" "this" {
  name    = "${var.name}.${var.zone}"
  type    = "CNAME"
  ttl     = var.ttl
  records = [var.target]
  zone_id = data.aws_route53_zone.this.zone_id
}

data "aws_route53_zone" "this" {
  name = var.zone
}

output "fqdn" {
  value = aws_route53_record.this.name
}
