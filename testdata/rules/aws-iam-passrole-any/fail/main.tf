resource "aws_iam_role_policy" "deployer" {
  role = "deployer"
  policy = jsonencode({
    Statement = [{
      Effect = "Allow"
      Action = [
        "iam:PassRole", # expect: aws-iam-passrole-any
      ]
      Resource = "*"
    }]
  })
}
