module "store" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.0.0"
  bucket  = "menus"
  acl     = "public-read"
}
