resource "aws_s3_bucket" "menus" {
  bucket = "menus"
  acl    = "public-read" # expect: aws-s3-public-acl
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = "uploads"
  acl    = "public-read-write" # expect: aws-s3-public-acl
}
