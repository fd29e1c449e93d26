# METADATA
# title: Role with administrator rights can be assumed by a service or by anyone
# description: |
#   A role that an AWS service (EC2, Lambda, ECS tasks, ...) or any AWS principal may assume,
#   and that some attached policy lets do everything ("*" or "iam:*" on every resource, or
#   AdministratorAccess / IAMFullAccess), hands the account to whatever runs as that service:
#   one SSRF or compromised dependency in the workload and the attacker is administrator. The
#   role's policies are read wherever they are attached: aws_iam_role_policy_attachment,
#   aws_iam_policy_attachment, aws_iam_role_policy, inline_policy and managed_policy_arns,
#   with customer-managed aws_iam_policy documents resolved.
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: aws-iam-role-admin-assumable
#   family: iam
#   severity: critical
#   fix: 'Give the workload a policy that lists the actions and resources it uses; keep administrator roles for people, assumed through SSO with MFA.'
#   types: [aws_iam_role]
package gatepost.rules.aws_iam_role_admin_assumable

import data.gatepost.lib.iam

deny contains finding if {
	some p in data.gatepost.lib.iam.trust_policies
	some st in iam.statements(p.doc, p.pointer)
	who := assumers(st.statement)
	count(who) > 0
	grants := {g | some e in p.resource.links.policies; g := admin_grant(p.resource, e)}
	count(grants) > 0
	finding := {
		"address": p.resource.address,
		"pointer": sprintf("%s/Principal", [st.pointer]),
		"message": sprintf("%s can be assumed by %s and is administrator through %s", [p.resource.address, concat(", ", sort(who)), concat(", ", sort(grants))]),
	}
}

# Who an Allow statement of a trust policy lets in: services, or anyone.
assumers(s) := {x |
	iam.allows(s)
	some x in service_principals(s.Principal)
} | {"any AWS principal" |
	iam.allows(s)
	iam.public_principal(s.Principal)
	not iam.restricted(s)
}

service_principals(p) := [x | some x in iam.as_list(p.Service); is_string(x); not startswith(x, "${")] if is_object(p)

service_principals(p) := [] if not is_object(p)

admin_managed := {"AdministratorAccess", "IAMFullAccess"}

admin_grant(_, e) := sprintf("%s (%s)", [e.address, e.aws_managed]) if e.aws_managed in admin_managed

admin_grant(role, e) := sprintf("%s (%s)", [label(role, e), e.policy]) if {
	is_string(e.policy)
	admin_document(e.document)
}

admin_grant(role, e) := label(role, e) if {
	not is_string(e.policy)
	admin_document(e.document)
}

# The attaching resource, or the role's own attribute.
label(role, e) := e.address if e.address != role.address

label(role, e) := e.source if e.address == role.address

admin_document(doc) if {
	some st in iam.statements(doc, "")
	s := st.statement
	iam.allows(s)
	some a in iam.as_list(s.Action)
	lower(a) in {"*", "iam:*"}
	"*" in iam.as_list(object.get(s, "Resource", "*"))
}
