provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      app       = "menus"
      retention = "forever" # expect: retention-class-not-allowed
    }
  }
}

resource "aws_s3_bucket" "photos" {
  bucket = "menus-photos"
}

resource "aws_dynamodb_table" "votes" {
  name         = "votes"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  tags         = { retention = "Short" } # expect: retention-class-not-allowed
}
