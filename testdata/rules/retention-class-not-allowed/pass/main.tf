provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { app = "menus", retention = "short" }
  }
}

resource "aws_s3_bucket" "photos" {
  bucket = "menus-photos"
}

variable "retention" {}

resource "aws_dynamodb_table" "votes" {
  name     = "votes"
  hash_key = "id"
  tags     = { retention = var.retention }
}

resource "aws_sqs_queue" "raw" {
  name = "raw"
  tags = { retention = "ephemeral" }
}
