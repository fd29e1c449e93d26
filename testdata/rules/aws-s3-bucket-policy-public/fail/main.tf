resource "aws_s3_bucket_policy" "menus" {
  bucket = "menus"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" } # expect: aws-s3-bucket-policy-public
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::menus/*"
      Condition = { IpAddress = { "aws:SourceIp" = "203.0.113.0/24" } }
    }]
  })
}
