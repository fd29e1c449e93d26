resource "aws_s3_bucket_policy" "menus" {
  bucket = "menus"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudfront.amazonaws.com" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::menus/*"
      Condition = { StringEquals = { "aws:SourceArn" = "arn:aws:cloudfront::123456789012:distribution/E1" } }
    }]
  })
}
