data "aws_iam_policy_document" "ec2_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

# Attached AWS-managed policy.
resource "aws_iam_role" "api" {
  name               = "where2eat-api"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json # expect: aws-iam-role-admin-assumable
}

resource "aws_iam_role_policy_attachment" "api_admin" {
  role       = aws_iam_role.api.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# A customer-managed policy attached by reference, through aws_iam_policy_attachment.
resource "aws_iam_role" "worker" {
  name_prefix = "worker-"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" } # expect: aws-iam-role-admin-assumable
    }]
  })
}

resource "aws_iam_policy" "everything" {
  name = "everything"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_policy_attachment" "everything" {
  name       = "everything"
  roles      = [aws_iam_role.worker.id]
  policy_arn = aws_iam_policy.everything.arn
}

# Inline, on the role itself.
resource "aws_iam_role" "jobs" {
  name = "jobs"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" } # expect: aws-iam-role-admin-assumable
    }]
  })
  inline_policy {
    name   = "iam"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "iam:*", Resource = "*" }] })
  }
}
