package gatepost.rules.aws_iam_role_admin_assumable_test

import data.gatepost.rules.aws_iam_role_admin_assumable as rule

trust(principal) := {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": principal}]}

role(principal, policies) := {"by_type": {"aws_iam_role": [{
	"address": "aws_iam_role.app",
	"attrs": {"assume_role_policy": trust(principal)},
	"links": {"policies": policies},
}]}}

star := {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}

attached(extra) := object.union({"source": "aws_iam_role_policy_attachment", "address": "aws_iam_role_policy_attachment.a", "policy": null, "aws_managed": null, "document": null}, extra)

test_service_role_with_admin_managed_policy_is_denied if {
	d := rule.deny with input as role({"Service": "ec2.amazonaws.com"}, [attached({"aws_managed": "AdministratorAccess"})])
	count(d) == 1
	some f in d
	f.pointer == "/assume_role_policy/Statement/0/Principal"
	contains(f.message, "ec2.amazonaws.com")
	contains(f.message, "AdministratorAccess")
}

test_customer_policy_document_is_read if {
	e := attached({"policy": "aws_iam_policy.p", "document": star})
	d := rule.deny with input as role({"Service": ["lambda.amazonaws.com"]}, [e])
	some f in d
	contains(f.message, "aws_iam_policy.p")
}

test_anyone_with_iam_star_is_denied if {
	doc := {"Statement": {"Effect": "Allow", "Action": ["iam:*"], "Resource": ["*"]}}
	count(rule.deny) == 1 with input as role("*", [attached({"source": "inline_policy", "address": "aws_iam_role.app", "document": doc})])
}

test_named_account_is_not_broad if {
	count(rule.deny) == 0 with input as role({"AWS": "arn:aws:iam::123456789012:root"}, [attached({"aws_managed": "AdministratorAccess"})])
}

test_scoped_permissions_pass if {
	doc := {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::menus/*"}, {"Effect": "Deny", "Action": "*", "Resource": "*"}]}
	count(rule.deny) == 0 with input as role({"Service": "ec2.amazonaws.com"}, [attached({"document": doc}), attached({"aws_managed": "ReadOnlyAccess"})])
}

test_role_without_policies_passes if {
	count(rule.deny) == 0 with input as role({"Service": "ec2.amazonaws.com"}, [])
}
