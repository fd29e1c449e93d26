resource "aws_iam_role" "task" {
  name = "task"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role" "partner" {
  name = "partner"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::987654321098:root" }
      Condition = { StringEquals = { "sts:ExternalId" = "where2eat-7f3a" } }
    }]
  })
}
