resource "aws_sqs_queue_policy" "orders" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*" # expect: aws-resource-policy-public
      Action    = "sqs:SendMessage"
      Resource  = "arn:aws:sqs:eu-west-1:123456789012:orders"
    }]
  })
}

resource "aws_lambda_permission" "hook" {
  statement_id  = "hook"
  action        = "lambda:InvokeFunction"
  function_name = "hook"
  principal     = "*" # expect: aws-resource-policy-public
}
