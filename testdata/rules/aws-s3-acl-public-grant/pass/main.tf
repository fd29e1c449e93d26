resource "aws_s3_bucket_acl" "logs" {
  bucket = "logs"
  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/s3/LogDelivery"
      }
      permission = "WRITE"
    }
    owner {
      id = "owner"
    }
  }
}
