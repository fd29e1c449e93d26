package gatepost.rules.gha_hardcoded_container_credentials_test

import data.gatepost.rules.gha_hardcoded_container_credentials as rule

job(attrs) := {"by_type": {"github.job": [{"address": "j", "attrs": attrs}]}}

test_literal_password_is_denied if {
	some f in rule.deny with input as job({"container": {"image": "x", "credentials": {"username": "u", "password": "hackme"}}})
	f.pointer == "/container/credentials"
}

test_service_password_is_denied if {
	some f in rule.deny with input as job({"services": {"db": {"image": "x", "credentials": {"username": "u", "password": "p"}}}})
	f.pointer == "/services/db/credentials"
}

test_secret_reference_passes if {
	count(rule.deny) == 0 with input as job({"container": {"image": "x", "credentials": {"password": "${{ secrets.P }}"}}})
}
