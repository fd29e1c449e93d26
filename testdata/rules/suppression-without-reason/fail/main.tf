resource "aws_s3_bucket" "menus" {
  bucket = "where2eat-menus"
  acl    = "public-read" # gatepost:ignore[aws-s3-public-acl]
}

# gatepost:ignore[aws-s3-public-acl]
resource "aws_s3_bucket" "photos" {
  bucket = "where2eat-photos"
  acl    = "public-read"
}
