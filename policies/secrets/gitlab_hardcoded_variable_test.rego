package gatepost.rules.gitlab_hardcoded_variable_test

import data.gatepost.rules.gitlab_hardcoded_variable as rule

pipeline(vars) := {"by_type": {"gitlab.pipeline": [{"address": "ci", "attrs": {"variables": vars}}]}}

job(attrs, links) := {"by_type": {"gitlab.job": [{"address": "ci#j", "attrs": attrs, "links": links}]}}

test_global_literal_password_is_denied if {
	some f in rule.deny with input as pipeline({"DB_PASSWORD": "hunter2", "DB_HOST": "db"})
	f.pointer == "/variables/DB_PASSWORD"
	count(rule.deny) == 1 with input as pipeline({"DB_PASSWORD": "hunter2", "DB_HOST": "db"})
}

test_expanded_form_points_at_value if {
	some f in rule.deny with input as pipeline({"apiKey": {"value": "abc123", "description": "x"}})
	f.pointer == "/variables/apiKey/value"
}

test_job_literal_token_is_denied if {
	some f in rule.deny with input as job({"variables": {"NPM_TOKEN": "npm_abcdef"}}, {})
	f.address == "ci#j"
}

test_references_and_settings_pass if {
	count(rule.deny) == 0 with input as pipeline({
		"DB_PASSWORD": "$DB_PASSWORD_MASKED",
		"TOKEN": "${CI_JOB_TOKEN}",
		"TOKEN_URL": "https://example.com/token",
		"SECRET_DETECTION_DISABLED": "true",
		"PASSWORD_FILE": "/run/secrets/pw",
		"CACHE_KEY": "deps-v1",
		"EMPTY_SECRET": "",
	})
}

test_inherited_variables_are_reported_where_written if {
	count(rule.deny) == 0 with input as job({"variables": {"API_TOKEN": "abc"}}, {"inherited": {"/variables": "ci"}})
}
