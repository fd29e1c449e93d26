package gatepost.rules.gha_checkout_persist_credentials_test

import data.gatepost.rules.gha_checkout_persist_credentials as rule

job(steps) := {"by_type": {"github.job": [{"address": "j", "attrs": {"steps": steps}}]}}

test_default_checkout_is_denied if {
	some f in rule.deny with input as job([{"uses": "actions/checkout@v4"}])
	f.pointer == "/steps/0"
	f.severity == "low"
}

test_uploading_job_is_medium if {
	some f in rule.deny with input as job([{"uses": "actions/checkout@v4"}, {"uses": "actions/upload-artifact@v4"}])
	f.severity == "medium"
}

test_persist_false_passes if {
	count(rule.deny) == 0 with input as job([{"uses": "actions/checkout@v4", "with": {"persist-credentials": "false"}}])
}
