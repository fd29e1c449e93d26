resource "aws_iam_policy" "guard" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Deny"
      NotAction = ["s3:GetObject"]
      Resource  = "arn:aws:s3:::menus/*"
    }]
  })
}
