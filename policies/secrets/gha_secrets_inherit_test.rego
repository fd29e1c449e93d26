package gatepost.rules.gha_secrets_inherit_test

import data.gatepost.rules.gha_secrets_inherit as rule

job(attrs) := {"by_type": {"github.job": [{"address": "j", "attrs": attrs, "links": {"id": "a"}}]}}

test_inherit_is_denied if {
	some f in rule.deny with input as job({"uses": "o/r/.github/workflows/x.yml@main", "secrets": "inherit"})
	f.pointer == "/uses"
}

test_explicit_secrets_pass if {
	count(rule.deny) == 0 with input as job({"uses": "o/r/.github/workflows/x.yml@main", "secrets": {"t": "${{ secrets.T }}"}})
}
