variable "owner" {}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { app = "menus", owner = var.owner, env = "dev", "cost-center" = "cc-42" }
  }
}

resource "aws_s3_bucket" "photos" {
  bucket = "menus-photos"
}

resource "aws_iam_role" "api" {
  name               = "menus-api"
  assume_role_policy = "{}"
  tags               = { env = "prod" }
}

resource "aws_iam_role_policy" "api" {
  role   = aws_iam_role.api.id
  policy = "{}"
}

resource "aws_route53_record" "www" {
  zone_id = "Z1"
  name    = "www"
  type    = "CNAME"
  records = ["menus.example.com"]
}
