# METADATA
# title: S3 ACL grant to everyone, or lets a group rewrite the ACL
# description: |
#   A grant to the AllUsers or AuthenticatedUsers group makes the bucket readable (or
#   writable) by anyone. WRITE_ACP or FULL_CONTROL granted to any group lets its members
#   rewrite the ACL, and so make the bucket public.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#specifying-grantee-predefined-groups
# custom:
#   id: aws-s3-acl-public-grant
#   family: storage
#   severity: high
#   fix: 'Remove the group grant; keep object ownership BucketOwnerEnforced and grant access through IAM or a bucket policy naming principals.'
#   types: [aws_s3_bucket, aws_s3_bucket_acl, module]
package gatepost.rules.aws_s3_acl_public_grant

import data.gatepost.lib.iam

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

# {resource, pointer, uri, permissions} for every grant form: aws_s3_bucket.grant (v3),
# aws_s3_bucket_acl.access_control_policy.grant.grantee, and the s3-bucket module's `grant`.
grants contains g if {
	some r in input.by_type.aws_s3_bucket
	some i, gr in r.attrs.grant
	g := {"resource": r, "pointer": sprintf("/grant/%d", [i]), "uri": gr.uri, "permissions": iam.as_list(gr.permissions)}
}

grants contains g if {
	some r in input.by_type.aws_s3_bucket_acl
	some i, acp in r.attrs.access_control_policy
	some j, gr in acp.grant
	some grantee in gr.grantee
	g := {"resource": r, "pointer": sprintf("/access_control_policy/%d/grant/%d", [i, j]), "uri": grantee.uri, "permissions": [gr.permission]}
}

grants contains g if {
	some r in input.by_type.module
	iam.is_s3_bucket_module(r)
	some i, gr in r.attrs.grant
	g := {"resource": r, "pointer": sprintf("/grant/%d", [i]), "uri": gr.uri, "permissions": iam.as_list(gr.permission)}
}

deny contains finding if {
	some g in grants
	g.uri in public_groups
	finding := {
		"address": g.resource.address,
		"pointer": g.pointer,
		"message": sprintf("%s grants %v to %s", [g.resource.address, g.permissions, group_name(g.uri)]),
	}
}

deny contains finding if {
	some g in grants
	not g.uri in public_groups
	some p in g.permissions
	p in {"WRITE_ACP", "FULL_CONTROL"}
	finding := {
		"address": g.resource.address,
		"pointer": g.pointer,
		"message": sprintf("%s grants %s to the group %s, which can then rewrite the ACL", [g.resource.address, p, group_name(g.uri)]),
	}
}

group_name(uri) := regex.replace(uri, `^.*/`, "")
