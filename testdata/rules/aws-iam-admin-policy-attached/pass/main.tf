resource "aws_iam_role_policy_attachment" "app" {
  role       = "app"
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}
