resource "aws_iam_role" "api" {
  name = "where2eat-api"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

# Planted: the copilot "fixed" an AccessDenied by allowing everything.
resource "aws_iam_role_policy" "api" {
  name = "where2eat-api"
  role = aws_iam_role.api.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
}
EOF
}

data "aws_iam_policy_document" "menus_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.menus.arn}/*"]
  }
}

resource "aws_iam_policy" "menus_read" {
  name   = "where2eat-menus-read"
  policy = data.aws_iam_policy_document.menus_read.json
}
