resource "aws_s3_bucket" "menus" {
  bucket = "menus"
  acl    = "private"
}
