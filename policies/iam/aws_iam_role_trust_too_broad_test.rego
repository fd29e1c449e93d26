package gatepost.rules.aws_iam_role_trust_too_broad_test

import data.gatepost.rules.aws_iam_role_trust_too_broad as rule

role(st) := {"by_type": {"aws_iam_role": [{"address": "r", "attrs": {"assume_role_policy": {"Statement": st}}}]}}

test_anyone_is_denied if {
	d := rule.deny with input as role({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com", "AWS": "*"}})
	some f in d
	f.pointer == "/assume_role_policy/Statement/Principal"
}

test_other_account_without_external_id_is_denied if {
	d := rule.deny with input as role([{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::987654321145:root"}, "Condition": {"StringEquals": {"sts:ExternalId": ""}}}])
	some f in d
	f.severity == "medium"
}

test_external_id_passes if {
	count(rule.deny) == 0 with input as role([{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::987654321145:root"}, "Condition": {"StringEquals": {"sts:ExternalId": "98765"}}}])
}

test_mfa_passes if {
	count(rule.deny) == 0 with input as role([{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::987654321145:root"}, "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}])
}

test_service_principal_passes if {
	count(rule.deny) == 0 with input as role([{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}}])
}
