resource "aws_iam_policy" "reader" {
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::menus/*" },
      { Effect = "Deny", Action = "*", Resource = "*" },
    ]
  })
}
