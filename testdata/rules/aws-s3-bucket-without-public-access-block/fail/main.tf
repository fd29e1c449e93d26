resource "aws_s3_bucket" "menus" { # expect: aws-s3-bucket-without-public-access-block
  bucket = "where2eat-menus"
}

# This block belongs to another bucket.
resource "aws_s3_bucket" "photos" {
  bucket = "where2eat-photos"
}

resource "aws_s3_bucket_public_access_block" "photos" {
  bucket                  = aws_s3_bucket.photos.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

module "uploads" {
  source               = "terraform-aws-modules/s3-bucket/aws"
  version              = "4.1.0"
  bucket               = "where2eat-uploads"
  attach_public_policy = false # expect: aws-s3-bucket-without-public-access-block
}

# An account-level block with a protection off covers nothing.
resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = false
}
