resource "aws_iam_role" "anyone" {
  name = "anyone"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" } # expect: aws-iam-role-trust-too-broad
    }]
  })
}

resource "aws_iam_role" "partner" {
  name = "partner"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::987654321098:root" } # expect: aws-iam-role-trust-too-broad
    }]
  })
}
