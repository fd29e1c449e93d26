resource "aws_instance" "api" {
  instance_type = "t3.small"
}
