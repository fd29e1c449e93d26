provider "aws" {
  region = "us-east-1"
}

resource "aws_instance" "api" { # expect: cost-app-over-ceiling
  instance_type = "m5.xlarge"
}

resource "aws_instance" "worker" {
  instance_type = "t3.micro"
}
