provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { app = "menus", "expires-on" = "2025-06-30" }
  }
}

resource "aws_s3_bucket" "photos" {
  bucket = "menus-photos"
}

variable "expires_on" {}

resource "aws_sqs_queue" "votes" {
  name = "menus-votes"
  tags = { "expires-on" = var.expires_on }
}

resource "aws_s3_bucket_policy" "photos" {
  bucket = aws_s3_bucket.photos.id
  policy = "{}"
}
