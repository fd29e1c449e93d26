provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      app          = "menus"
      "expires-on" = "2024-12-31" # expect: expiry-tag-invalid
    }
  }
}

# Inherits the expired date: reported once, at the provider
resource "aws_s3_bucket" "photos" {
  bucket = "menus-photos"
}

resource "aws_sqs_queue" "votes" {
  name = "menus-votes"
  tags = { "expires-on" = "2099-01-01" } # expect: expiry-tag-invalid
}

resource "aws_sns_topic" "events" {
  name = "menus-events"
  tags = { "expires-on" = "end of Q3" } # expect: expiry-tag-invalid
}
