# METADATA
# title: IAM policy lets its holder pass any role
# description: |
#   iam:PassRole on "*" lets the holder hand any role in the account, including
#   administrator roles, to a service it launches (EC2, Lambda, ECS), and so act with that
#   role's permissions.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
# custom:
#   id: aws-iam-passrole-any
#   family: iam
#   severity: high
#   fix: 'Limit Resource to the ARNs of the roles the app passes, and add an iam:PassedToService condition.'
#   types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document, aws_ssoadmin_permission_set_inline_policy]
package gatepost.rules.aws_iam_passrole_any

import data.gatepost.lib.iam

deny contains finding if {
	some p in data.gatepost.lib.iam.identity_policies
	some st in iam.statements(p.doc, p.pointer)
	some i, a in iam.allowed_actions(st.statement)
	passes_roles(a)
	"*" in iam.as_list(st.statement.Resource)
	finding := {
		"address": p.resource.address,
		"pointer": iam.element_pointer(p, st, "Action", i),
		"message": sprintf("%s allows %q on every role (Resource \"*\")", [p.resource.address, a]),
	}
}

# Action names are case-insensitive; "iam:Pass*" matches PassRole too. "*" and "iam:*" are
# reported by aws-iam-wildcard-action.
passes_roles(a) if lower(a) in {"iam:passrole", "iam:pass*"}
