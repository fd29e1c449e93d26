resource "aws_lambda_function" "tally" { # expect: expiry-tag-invalid
  function_name = "tally"
  role          = "arn:aws:iam::123456789012:role/tally"
  runtime       = "python3.12"
  handler       = "main.handler"
}
