# A micro-app built from one local module, called three ways.
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { team = "food" }
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

locals {
  env = terraform.workspace == "default" ? "dev" : terraform.workspace
}

module "web" {
  source = "./modules/microapp"
  name   = "web-${local.env}"
  acl    = "public-read"
}

module "worker" {
  source   = "./modules/microapp"
  for_each = toset(["jobs", "mail"])
  name     = each.key
}

module "replica" {
  source = "./modules/microapp"
  count  = 1
  name   = "replica-${count.index}"
  providers = {
    aws = aws.west
  }
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"
  name    = "where2eat-${local.env}"
  cidr    = "10.0.0.0/16"
}

resource "aws_ssm_parameter" "bucket" {
  name  = "/web/bucket"
  type  = "String"
  value = module.web.bucket_name
}
