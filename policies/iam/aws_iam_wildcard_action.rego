# METADATA
# title: IAM policy allows every action of a service, or of all services
# description: |
#   A policy that allows "*" or "service:*" grants every present and future action,
#   including ones that delete data or change permissions. Micro-apps need a handful of
#   named actions.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: aws-iam-wildcard-action
#   family: iam
#   severity: high
#   fix: 'List the specific actions the app calls, e.g. "s3:GetObject", "s3:PutObject".'
#   types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document, aws_ssoadmin_permission_set_inline_policy]
package gatepost.rules.aws_iam_wildcard_action

import data.gatepost.lib.iam

# Identity policies and trust policies; statements naming a Principal in a policy-document
# data source are resource-policy statements, judged where the document is used.
deny contains finding if {
	some p in array.concat(data.gatepost.lib.iam.identity_policies, data.gatepost.lib.iam.trust_policies)
	some st in iam.statements(p.doc, p.pointer)
	not principal_statement(p, st.statement)
	actions := iam.allowed_actions(st.statement)
	some i, a in actions
	iam.wildcard_action(a)
	finding := {
		"address": p.resource.address,
		"pointer": iam.element_pointer(p, st, "Action", i),
		"message": sprintf("%s allows action %q", [p.resource.address, a]),
	}
}

principal_statement(p, s) if {
	p.kind == "document"
	s.Principal
}
