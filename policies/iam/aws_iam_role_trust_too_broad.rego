# METADATA
# title: Role can be assumed by anyone, or by another account without ExternalId or MFA
# description: |
#   A trust policy (assume_role_policy) that names the principal "*" lets any AWS account
#   assume the role. One that names another account's root or users without an sts:ExternalId
#   or aws:MultiFactorAuthPresent condition is open to the confused-deputy problem and to any
#   identity in that account.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
# custom:
#   id: aws-iam-role-trust-too-broad
#   family: iam
#   severity: high
#   fix: 'Trust named roles or services; for another account add a Condition on sts:ExternalId (third parties) or aws:MultiFactorAuthPresent = "true" (people).'
#   types: [aws_iam_role]
package gatepost.rules.aws_iam_role_trust_too_broad

import data.gatepost.lib.iam

deny contains finding if {
	some p in data.gatepost.lib.iam.trust_policies
	some st in iam.statements(p.doc, p.pointer)
	iam.allows(st.statement)
	iam.public_principal(st.statement.Principal)
	not iam.restricted(st.statement)
	finding := {
		"address": p.resource.address,
		"pointer": sprintf("%s/Principal", [st.pointer]),
		"message": sprintf("%s can be assumed by any AWS principal (\"*\")", [p.resource.address]),
	}
}

deny contains finding if {
	some p in data.gatepost.lib.iam.trust_policies
	some st in iam.statements(p.doc, p.pointer)
	iam.allows(st.statement)
	not iam.public_principal(st.statement.Principal)
	is_object(st.statement.Principal)
	some arn in iam.as_list(object.get(st.statement.Principal, "AWS", []))
	account_principal(arn)
	not guarded(st.statement)
	finding := {
		"address": p.resource.address,
		"pointer": sprintf("%s/Principal", [st.pointer]),
		"message": sprintf("%s trusts %q without an sts:ExternalId or MFA condition", [p.resource.address, arn]),
		"severity": "medium",
	}
}

# An IAM ARN or bare account id; unresolved references are never judged.
account_principal(arn) if {
	is_string(arn)
	not startswith(arn, "${")
	regex.match(`^(arn:aws[a-z-]*:iam::|[0-9]{12}$)`, arn)
}

guarded(s) if {
	some _, tests in s.Condition
	some key, v in tests
	lower(key) == "sts:externalid"
	some x in iam.as_list(v)
	x != ""
}

guarded(s) if {
	some _, tests in s.Condition
	some key, v in tests
	lower(key) == "aws:multifactorauthpresent"
	some x in iam.as_list(v)
	lower(sprintf("%v", [x])) == "true"
}
