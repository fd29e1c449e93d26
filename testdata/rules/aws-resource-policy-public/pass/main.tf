resource "aws_sqs_queue_policy" "orders" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = "arn:aws:sqs:eu-west-1:123456789012:orders"
      Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:eu-west-1:123456789012:orders" } }
    }]
  })
}

resource "aws_lambda_permission" "events" {
  statement_id  = "events"
  action        = "lambda:InvokeFunction"
  function_name = "hook"
  principal     = "events.amazonaws.com"
}
