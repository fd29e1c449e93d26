resource "aws_s3_bucket_acl" "menus" {
  bucket = "menus"
  access_control_policy {
    grant { # expect: aws-s3-acl-public-grant
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "READ"
    }
    owner {
      id = "owner"
    }
  }
}
