# METADATA
# title: S3 bucket has no public access block
# description: |
#   Without an aws_s3_bucket_public_access_block, nothing in the configuration stops a later
#   ACL or bucket policy from publishing the bucket. AWS turns the four settings on for new
#   buckets since April 2023, but that default is not in the code: an older or imported
#   bucket has none, and a console change that turns them off leaves no diff. An
#   aws_s3_account_public_access_block with all four settings on, anywhere in the scan,
#   protects every bucket. The s3-bucket module creates its block unless
#   attach_public_policy = false.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: aws-s3-bucket-without-public-access-block
#   family: storage
#   severity: low
#   fix: 'Add an aws_s3_bucket_public_access_block for the bucket with block_public_acls, ignore_public_acls, block_public_policy and restrict_public_buckets true, or set them once for the account with aws_s3_account_public_access_block.'
#   types: [aws_s3_bucket, module]
package gatepost.rules.aws_s3_bucket_without_public_access_block

import data.gatepost.lib.iam

settings := ["block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"]

deny contains finding if {
	not account_blocked
	some r in input.by_type.aws_s3_bucket
	not has_block(r)
	not unlinked_block(r.app)
	finding := {
		"address": r.address,
		"pointer": "",
		"message": sprintf("%s has no aws_s3_bucket_public_access_block, and no account-level block covers it", [r.address]),
	}
}

deny contains finding if {
	not account_blocked
	some r in input.by_type.module
	iam.is_s3_bucket_module(r)
	r.attrs.attach_public_policy in {false, "false"}
	not r.attrs.create_bucket in {false, "false"}
	finding := {
		"address": r.address,
		"pointer": "/attach_public_policy",
		"message": sprintf("%s creates its bucket without a public access block (attach_public_policy = false)", [r.address]),
	}
}

has_block(r) if count(r.links.aws_s3_bucket_public_access_block) > 0

# A block whose bucket could not be resolved may well be this bucket's: never guess.
unlinked_block(app) if {
	some b in input.by_type.aws_s3_bucket_public_access_block
	b.app == app
	not b.links.bucket
}

# Unresolved settings are not judged: only an explicit or default false breaks the cover.
account_blocked if {
	some b in input.by_type.aws_s3_account_public_access_block
	every s in settings {
		object.get(b.attrs, s, false) != false
	}
}
