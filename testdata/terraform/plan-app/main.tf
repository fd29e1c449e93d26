variable "acl" {}
variable "workers" {}

resource "aws_s3_bucket" "menus" {
  bucket = "where2eat-menus"
  acl    = var.acl
}

resource "aws_instance" "worker" {
  count         = var.workers
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}
