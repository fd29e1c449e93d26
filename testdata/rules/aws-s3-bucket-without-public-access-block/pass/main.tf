# Linked by reference, by name, and through the bucket policy it is chained after.
resource "aws_s3_bucket" "menus" {
  bucket = "where2eat-menus"
}

resource "aws_s3_bucket_public_access_block" "menus" {
  bucket                  = aws_s3_bucket.menus.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "photos" {
  bucket = "where2eat-photos"
}

resource "aws_s3_bucket_public_access_block" "photos" {
  bucket                  = "where2eat-photos"
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "logs" {
  count  = 1
  bucket = "where2eat-logs"
}

resource "aws_s3_bucket_policy" "logs" {
  count  = 1
  bucket = aws_s3_bucket.logs[0].id
  policy = jsonencode({
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "arn:aws:s3:::where2eat-logs/*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_s3_bucket_public_access_block" "logs" {
  count                   = 1
  bucket                  = aws_s3_bucket_policy.logs[0].id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

# The module creates its block by default.
module "uploads" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"
  bucket  = "where2eat-uploads"
}
