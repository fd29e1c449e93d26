# METADATA
# title: IAM policy allows everything except a list (Allow with NotAction)
# description: |
#   "Effect": "Allow" with "NotAction" grants every action that is not listed, including
#   every action AWS adds later. On a resource policy it does so for whoever the principal is.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
# custom:
#   id: aws-iam-not-action-allow
#   family: iam
#   severity: high
#   fix: 'Replace NotAction with an Action list of what the app calls; keep NotAction only in Deny statements.'
#   types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document, aws_ssoadmin_permission_set_inline_policy, aws_s3_bucket_policy, aws_s3_bucket, aws_sns_topic_policy, aws_sns_topic, aws_sqs_queue_policy, aws_sqs_queue, aws_kms_key, aws_ecr_repository_policy, aws_secretsmanager_secret_policy, aws_secretsmanager_secret, aws_efs_file_system_policy, aws_backup_vault_policy, aws_api_gateway_rest_api_policy, aws_elasticsearch_domain_policy, aws_opensearch_domain_policy, module]
package gatepost.rules.aws_iam_not_action_allow

import data.gatepost.lib.iam

deny contains finding if {
	some p in array.concat(array.concat(data.gatepost.lib.iam.identity_policies, data.gatepost.lib.iam.trust_policies), data.gatepost.lib.iam.resource_policies)
	some st in iam.statements(p.doc, p.pointer)
	iam.allows(st.statement)
	st.statement.NotAction
	finding := {
		"address": p.resource.address,
		"pointer": iam.field_pointer(p, st, "NotAction"),
		"message": sprintf("%s allows every action except %v", [p.resource.address, iam.as_list(st.statement.NotAction)]),
	}
}
