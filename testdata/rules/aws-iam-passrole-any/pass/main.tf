resource "aws_iam_role_policy" "deployer" {
  role = "deployer"
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:PassRole"]
      Resource = "arn:aws:iam::123456789012:role/app-task"
    }]
  })
}
