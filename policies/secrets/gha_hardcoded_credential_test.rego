package gatepost.rules.gha_hardcoded_credential_test

import data.gatepost.rules.gha_hardcoded_credential as rule

job(attrs) := {"by_type": {"github.job": [{"address": "j", "attrs": attrs}]}}

pointers(inp) := {f.pointer | some f in rule.deny with input as inp}

test_login_password_input_is_denied if {
	pointers(job({"steps": [{"uses": "docker/login-action@v3", "with": {"username": "me", "password": "hunter2"}}]})) == {"/steps/0/with/password"}
}

test_env_at_every_level_is_denied if {
	inp := {"by_type": {
		"github.workflow": [{"address": "w", "attrs": {"env": {"API_KEY": "abc123"}}}],
		"github.job": [{"address": "j", "attrs": {"env": {"NPM_TOKEN": "npm_x"}, "steps": [{"run": "x", "env": {"dbPassword": "p4ss"}}]}}],
	}}
	pointers(inp) == {"/env/API_KEY", "/env/NPM_TOKEN", "/steps/0/env/dbPassword"}
}

test_secrets_expressions_and_non_credentials_pass if {
	count(rule.deny) == 0 with input as job({
		"env": {"GITHUB_TOKEN": "${{ secrets.GITHUB_TOKEN }}", "TOKEN_URL": "https://x/token", "SECRET_SCAN": "false"},
		"steps": [
			{"uses": "actions/cache@v4", "with": {"key": "deps-v1", "path": "~/.npm"}},
			{"uses": "docker/login-action@v3", "with": {"password": "${{ secrets.P }}", "username": "me"}},
			{"uses": "x/y@v1", "with": {"token": "", "password-file": "/tmp/pw", "ssh-key": "$SSH_KEY"}},
		],
	})
}

test_composite_action_steps if {
	inp := {"by_type": {"github.action": [{"address": "a", "attrs": {"runs": {"using": "composite", "steps": [{"uses": "x/y@v1", "with": {"api-key": "k-123"}}]}}}]}}
	pointers(inp) == {"/runs/steps/0/with/api-key"}
}

test_reusable_workflow_inputs_and_secrets if {
	pointers(job({"uses": "org/repo/.github/workflows/deploy.yml@v1", "with": {"env": "prod"}, "secrets": {"deploy-token": "ghp_literal", "other": "${{ secrets.X }}"}})) == {"/secrets/deploy-token"}
	count(rule.deny) == 0 with input as job({"uses": "org/repo/.github/workflows/deploy.yml@v1", "secrets": "inherit"})
}
