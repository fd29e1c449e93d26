# METADATA
# title: S3 public access block turns a protection off
# description: |
#   block_public_acls, ignore_public_acls, block_public_policy and restrict_public_buckets
#   are what stops a stray ACL or bucket policy from publishing the bucket. Each one left
#   false (or unset, which means false on the resource and in the s3-bucket module before
#   4.0) is a protection turned off, for the bucket or, on the account-level block, for every
#   bucket in the account.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: aws-s3-public-access-block-disabled
#   family: storage
#   severity: medium
#   fix: 'Set block_public_acls, ignore_public_acls, block_public_policy and restrict_public_buckets to true; serve public content through CloudFront with origin access control.'
#   types: [aws_s3_bucket_public_access_block, aws_s3_account_public_access_block, module]
package gatepost.rules.aws_s3_public_access_block_disabled

import data.gatepost.lib.iam

settings := ["block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"]

deny contains finding if {
	some t in ["aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"]
	some r in input.by_type[t]
	some s in settings
	object.get(r.attrs, s, false) == false
	finding := {
		"address": r.address,
		"pointer": sprintf("/%s", [s]),
		"message": sprintf("%s leaves %s %s", [r.address, s, state(r.attrs, s)]),
	}
}

# The module's inputs defaulted to false before version 4.0.0 and to true since.
deny contains finding if {
	some r in input.by_type.module
	iam.is_s3_bucket_module(r)
	some s in settings
	object.get(r.attrs, s, module_default(r)) == false
	finding := {
		"address": r.address,
		"pointer": sprintf("/%s", [s]),
		"message": sprintf("%s leaves %s %s", [r.address, s, state(r.attrs, s)]),
	}
}

module_default(r) := false if regex.match(`^[~>=^ ]*[0-3]\.`, r.attrs.version)

module_default(r) := true if not regex.match(`^[~>=^ ]*[0-3]\.`, r.attrs.version)

state(attrs, s) := "false" if attrs[s] == false

state(attrs, s) := "unset (false)" if not has_key(attrs, s)

has_key(o, k) if _ = o[k]
