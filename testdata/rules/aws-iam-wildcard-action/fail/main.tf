resource "aws_iam_policy" "admin" {
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = "*" # expect: aws-iam-wildcard-action
      Resource = "*"
    }]
  })
}

resource "aws_iam_role" "app" {
  name = "app"
  inline_policy {
    name = "s3"
    policy = jsonencode({
      Statement = [{
        Effect = "Allow"
        Action = [
          "s3:GetObject",
          "s3:*", # expect: aws-iam-wildcard-action
        ]
      }]
    })
  }
}
