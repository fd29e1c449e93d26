# METADATA
# title: AdministratorAccess is attached to an identity
# description: |
#   The AWS managed policy AdministratorAccess allows every action on every resource. A
#   micro-app's role or user never needs it, and a leaked credential with it owns the account.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html
# custom:
#   id: aws-iam-admin-policy-attached
#   family: iam
#   severity: critical
#   fix: 'Attach a policy that lists the actions and resources the app uses instead of AdministratorAccess.'
#   types: [aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment, aws_iam_role, aws_ssoadmin_managed_policy_attachment]
package gatepost.rules.aws_iam_admin_policy_attached

attachment_attrs := {
	"aws_iam_role_policy_attachment": "policy_arn", "aws_iam_user_policy_attachment": "policy_arn",
	"aws_iam_group_policy_attachment": "policy_arn", "aws_iam_policy_attachment": "policy_arn",
	"aws_ssoadmin_managed_policy_attachment": "managed_policy_arn",
}

deny contains finding if {
	some t, attr in attachment_attrs
	some r in input.by_type[t]
	admin(r.attrs[attr])
	finding := {
		"address": r.address,
		"pointer": sprintf("/%s", [attr]),
		"message": sprintf("%s attaches AdministratorAccess", [r.address]),
	}
}

deny contains finding if {
	some r in input.by_type.aws_iam_role
	some i, arn in r.attrs.managed_policy_arns
	admin(arn)
	finding := {
		"address": r.address,
		"pointer": sprintf("/managed_policy_arns/%d", [i]),
		"message": sprintf("%s has AdministratorAccess among its managed policies", [r.address]),
	}
}

admin(arn) if regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`, arn)
