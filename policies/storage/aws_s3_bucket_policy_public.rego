# METADATA
# title: S3 bucket policy lets anyone in
# description: |
#   A bucket policy statement that allows the principal "*" (or {"AWS": "*"}) without a
#   condition on the caller's account, organization or VPC endpoint lets anyone on the
#   internet read, list, write or delete, depending on the actions. A source-IP condition does
#   not count: anyone on that network is still let in without signing in.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
# custom:
#   id: aws-s3-bucket-policy-public
#   family: storage
#   severity: high
#   fix: 'Name the principals, or add a condition on aws:SourceVpce, aws:PrincipalOrgID or aws:SourceArn; for public websites use CloudFront with origin access control.'
#   types: [aws_s3_bucket_policy, aws_s3_bucket, module]
package gatepost.rules.aws_s3_bucket_policy_public

import data.gatepost.lib.iam

deny contains finding if {
	some p in data.gatepost.lib.iam.resource_policies
	p.service == "s3"
	some st in iam.statements(p.doc, p.pointer)
	iam.open_to_anyone(st.statement)
	finding := {
		"address": p.resource.address,
		"pointer": iam.field_pointer(p, st, "Principal"),
		"message": sprintf("%s allows %v to anyone (Principal \"*\")", [p.resource.address, iam.as_list(object.get(st.statement, "Action", object.get(st.statement, "NotAction", [])))]),
	}
}
