package gatepost.rules.suppression_without_reason_test

import data.gatepost.rules.suppression_without_reason as rule

supp(reason) := {"file": "main.tf", "line": 7, "column": 30, "rules": ["aws-s3-public-acl", "k8s-rbac-wildcard"], "reason": reason}

test_missing_reason_is_reported if {
	d := rule.deny with input as {"facts": {"suppressions": [supp("")]}}
	some f in d
	f.line == 7
	f.column == 30
	contains(f.message, "aws-s3-public-acl, k8s-rbac-wildcard")
}

test_blank_reason_is_reported if {
	count(rule.deny) == 1 with input as {"facts": {"suppressions": [supp("   ")]}}
}

test_reason_given_is_fine if {
	count(rule.deny) == 0 with input as {"facts": {"suppressions": [supp("public website, reviewed")]}}
}

test_no_suppressions_no_findings if {
	count(rule.deny) == 0 with input as {"facts": {}}
}
