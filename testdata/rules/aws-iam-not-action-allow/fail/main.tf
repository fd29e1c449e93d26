resource "aws_iam_policy" "everything_but" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      NotAction = ["iam:*"] # expect: aws-iam-not-action-allow
      Resource  = "*"
    }]
  })
}
