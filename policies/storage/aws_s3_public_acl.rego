# METADATA
# title: S3 bucket ACL makes objects public
# description: |
#   The canned ACLs public-read, public-read-write and authenticated-read let anyone on the
#   internet (or any AWS account) list and read the bucket, and public-read-write lets them
#   write to it too.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl
# custom:
#   id: aws-s3-public-acl
#   family: storage
#   severity: high
#   fix: 'Use acl = "private" (or drop the ACL and keep object ownership BucketOwnerEnforced); serve public files through CloudFront with origin access control.'
#   types: [aws_s3_bucket, aws_s3_bucket_acl, module]
package gatepost.rules.aws_s3_public_acl

import data.gatepost.lib.iam

public_acls := {"public-read", "public-read-write", "authenticated-read"}

deny contains finding if {
	some t in ["aws_s3_bucket", "aws_s3_bucket_acl"]
	some r in input.by_type[t]
	r.attrs.acl in public_acls
	finding := {
		"address": r.address,
		"pointer": "/acl",
		"message": sprintf("%s uses the public canned ACL %q", [r.address, r.attrs.acl]),
	}
}

# The terraform-aws-modules/s3-bucket module passes `acl` to the bucket it creates.
deny contains finding if {
	some r in input.by_type.module
	iam.is_s3_bucket_module(r)
	r.attrs.acl in public_acls
	finding := {
		"address": r.address,
		"pointer": "/acl",
		"message": sprintf("%s creates a bucket with the public canned ACL %q", [r.address, r.attrs.acl]),
	}
}
