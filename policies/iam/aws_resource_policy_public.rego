# METADATA
# title: Resource policy lets anyone use the resource
# description: |
#   A topic, queue, key, repository or secret policy that allows the principal "*" without
#   a condition tying it to an account, organization or calling resource lets anyone on the
#   internet use it. Allowing every action ("*") to "*" is too broad even with a condition.
#   A Lambda permission with principal "*" and no source_account lets any account invoke the
#   function. S3 bucket policies are reported by aws-s3-bucket-policy-public.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
# custom:
#   id: aws-resource-policy-public
#   family: iam
#   severity: high
#   fix: 'Name the principals (account, role or service), or add a condition on aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID.'
#   types: [aws_s3_bucket_policy, aws_s3_bucket, aws_sns_topic_policy, aws_sns_topic, aws_sqs_queue_policy, aws_sqs_queue, aws_kms_key, aws_ecr_repository_policy, aws_secretsmanager_secret_policy, aws_secretsmanager_secret, aws_efs_file_system_policy, aws_backup_vault_policy, aws_api_gateway_rest_api_policy, aws_elasticsearch_domain_policy, aws_opensearch_domain_policy, module, aws_lambda_permission]
package gatepost.rules.aws_resource_policy_public

import data.gatepost.lib.iam

deny contains finding if {
	some p in data.gatepost.lib.iam.resource_policies
	p.service != "s3"
	some st in iam.statements(p.doc, p.pointer)
	iam.open_to_anyone(st.statement)
	finding := {
		"address": p.resource.address,
		"pointer": iam.field_pointer(p, st, "Principal"),
		"message": sprintf("%s allows any principal (\"*\") without a restricting condition", [p.resource.address]),
	}
}

# Every action to anyone: reported even when a condition narrows who, since the condition is
# then the only guard of every operation, including changing the policy itself.
deny contains finding if {
	some p in data.gatepost.lib.iam.resource_policies
	some st in iam.statements(p.doc, p.pointer)
	iam.allows(st.statement)
	iam.public_principal(st.statement.Principal)
	some i, a in iam.allowed_actions(st.statement)
	a == "*"
	not unrestricted_s3(p, st.statement)
	finding := {
		"address": p.resource.address,
		"pointer": iam.element_pointer(p, st, "Action", i),
		"message": sprintf("%s allows every action to any principal (\"*\")", [p.resource.address]),
	}
}

deny contains finding if {
	some r in input.by_type.aws_lambda_permission
	r.attrs.principal == "*"
	not r.attrs.source_account
	not r.attrs.principal_org_id
	finding := {
		"address": r.address,
		"pointer": "/principal",
		"message": sprintf("%s lets any principal invoke the function (no source_account)", [r.address]),
	}
}

# A public S3 statement without condition is aws-s3-bucket-policy-public's finding already.
unrestricted_s3(p, s) if {
	p.service == "s3"
	iam.open_to_anyone(s)
}
