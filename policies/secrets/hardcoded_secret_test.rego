package gatepost.rules.hardcoded_secret_test

import data.gatepost.rules.hardcoded_secret as rule

cand(conf) := {"file": "a.env", "line": 3, "column": 5, "fingerprint": "f", "confidence": conf, "description": "AWS access key ID", "preview": "AKIA… (20 chars)"}

test_high_confidence_is_critical if {
	d := rule.deny with input as {"facts": {"secrets": [cand("high")]}}
	some f in d
	f.severity == "critical"
	f.line == 3
}

test_no_candidates_no_findings if {
	count(rule.deny) == 0 with input as {"facts": {"secrets": []}}
}

test_identifiers_are_silent_by_default if {
	count(rule.deny) == 0 with input as {"facts": {"secrets": [cand("info")]}, "config": {"secrets": {"report_identifiers": false}}}
	count(rule.deny) == 0 with input as {"facts": {"secrets": [cand("info")]}}
}

test_identifiers_reported_when_configured if {
	d := rule.deny with input as {"facts": {"secrets": [cand("info")]}, "config": {"secrets": {"report_identifiers": true}}}
	some f in d
	f.severity == "info"
}
