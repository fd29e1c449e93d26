resource "aws_s3_bucket_public_access_block" "menus" { # expect: aws-s3-public-access-block-disabled
  bucket                  = "menus"
  block_public_acls       = true
  ignore_public_acls      = false # expect: aws-s3-public-access-block-disabled
  block_public_policy     = true
}
