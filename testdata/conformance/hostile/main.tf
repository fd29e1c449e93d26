# Invalid HCL: an unclosed block and a stray brace.
resource "aws_s3_bucket" "broken" {
  bucket = "half
  acl = public-read
}}
