provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { app = "menus", owner = "lunch-team@example.com", env = "dev" }
  }
}

# cost-center is set but empty
resource "aws_s3_bucket" "photos" {
  bucket = "menus-photos"
  tags   = { "cost-center" = "" } # expect: tags-required-missing
}

# No tags of its own: the provider's defaults lack cost-center
resource "aws_iam_role" "api" { # expect: tags-required-missing
  name               = "menus-api"
  assume_role_policy = "{}"
}

# Cannot carry tags: not reported
resource "aws_s3_bucket_public_access_block" "photos" {
  bucket            = aws_s3_bucket.photos.id
  block_public_acls = true
}
