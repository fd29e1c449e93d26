resource "aws_s3_bucket" "menus" {
  bucket = "where2eat-menus"
  acl    = "public-read" # gatepost:ignore[aws-s3-public-acl] static menu pages are public by design
}

# gatepost:ignore[aws-s3-public-acl]: public photo gallery, approved in review #41
resource "aws_s3_bucket" "photos" {
  bucket = "where2eat-photos"
  acl    = "public-read"
}
