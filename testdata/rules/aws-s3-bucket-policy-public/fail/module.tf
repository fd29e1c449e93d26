module "uploads" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"

  bucket        = "uploads"
  attach_policy = true
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*" # expect: aws-s3-bucket-policy-public
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::uploads/*"
    }]
  })
}
