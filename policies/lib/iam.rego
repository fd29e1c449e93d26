# Helpers for AWS IAM policy documents. The normalizer has already turned every form a
# policy can be written in (JSON string, heredoc, jsonencode, aws_iam_policy_document) into
# the same JSON object, so these only smooth over AWS's "string or list" fields.
package gatepost.lib.iam

# as_list(x) is x as an array: AWS allows a single string wherever a list is allowed.
as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

# statements(doc, base) lists {pointer, statement} for a policy document at JSON pointer base.
statements(doc, base) := [{"pointer": sprintf("%s/Statement/%d", [base, i]), "statement": s} |
	some i, s in doc.Statement
] if is_array(doc.Statement)

statements(doc, base) := [{"pointer": sprintf("%s/Statement", [base]), "statement": doc.Statement}] if {
	is_object(doc.Statement)
}

# Key of the action list in a statement and its values, for Allow statements.
allowed_actions(s) := as_list(s.Action) if {
	object.get(s, "Effect", "Allow") == "Allow"
	s.Action
}

wildcard_action(a) if a == "*"

wildcard_action(a) if {
	is_string(a)
	endswith(a, ":*")
}

# Policies attached to identities, keyed by the attribute that holds the document.
# Heads are bound in the body: a head that reads a missing key would void the whole set.
identity_policies contains p if {
	some t in ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]
	some r in input.by_type[t]
	is_object(r.attrs.policy)
	p := {"resource": r, "pointer": "/policy", "doc": r.attrs.policy}
}

identity_policies contains p if {
	some r in input.by_type.aws_iam_role
	some i, ip in r.attrs.inline_policy
	is_object(ip.policy)
	p := {"resource": r, "pointer": sprintf("/inline_policy/%d/policy", [i]), "doc": ip.policy}
}
