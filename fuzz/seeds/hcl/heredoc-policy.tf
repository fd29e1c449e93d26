resource "aws_s3_bucket" "b" {
  acl = "${var.x}"
  tags = { a = [1, 2] }
  policy = <<EOF
{"Statement": [{"Effect": "Allow", "Action": "*"}]}
EOF
}
