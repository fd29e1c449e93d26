resource "aws_s3_bucket" "site" {
  bucket = "where2eat-site"
  website { # expect: aws-s3-website-public
    index_document = "index.html"
  }
}
