# METADATA
# title: S3 static website hosting on a bucket that is not locked down
# description: |
#   The S3 website endpoint serves only objects anyone can read, over plain HTTP, so hosting a
#   website means making the bucket public. Unless a public access block with all four
#   settings on is linked to the bucket, the website configuration is a public bucket in
#   waiting.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteAccessPermissionsReqd.html
# custom:
#   id: aws-s3-website-public
#   family: storage
#   severity: medium
#   fix: 'Serve the site through CloudFront with origin access control from a private bucket, and block all public access on the bucket.'
#   types: [aws_s3_bucket, aws_s3_bucket_website_configuration, module]
package gatepost.rules.aws_s3_website_public

import data.gatepost.lib.iam

settings := ["block_public_acls", "ignore_public_acls", "block_public_policy", "restrict_public_buckets"]

deny contains finding if {
	some r in input.by_type.aws_s3_bucket
	count(object.get(r.attrs, "website", [])) > 0
	not locked(object.get(r.links, "aws_s3_bucket_public_access_block", []))
	finding := {
		"address": r.address,
		"pointer": "/website/0",
		"message": sprintf("%s hosts a static website and has no public access block", [r.address]),
	}
}

# A website configuration is reported on its bucket when it is linked (the bucket is what
# becomes public), else on the configuration itself.
deny contains finding if {
	some w in input.by_type.aws_s3_bucket_website_configuration
	some b in input.by_type.aws_s3_bucket
	b.address == w.links.bucket.address
	b.app == w.app
	not locked(object.get(b.links, "aws_s3_bucket_public_access_block", []))
	finding := {
		"address": b.address,
		"pointer": "",
		"message": sprintf("%s hosts a static website (%s) and has no public access block", [b.address, w.address]),
	}
}

deny contains finding if {
	some w in input.by_type.aws_s3_bucket_website_configuration
	not w.links.bucket
	finding := {
		"address": w.address,
		"pointer": "",
		"message": sprintf("%s hosts a static website on a bucket without a public access block", [w.address]),
	}
}

deny contains finding if {
	some r in input.by_type.module
	iam.is_s3_bucket_module(r)
	count(object.get(r.attrs, "website", {})) > 0
	some s in settings
	not r.attrs[s] == true
	finding := {
		"address": r.address,
		"pointer": "/website",
		"message": sprintf("%s hosts a static website and leaves %s off", [r.address, s]),
	}
}

locked(blocks) if {
	some b in blocks
	every s in settings {
		b.attrs[s] == true
	}
}
