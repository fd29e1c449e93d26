# METADATA
# title: Deprecated workflow commands are re-enabled
# description: |
#   ACTIONS_ALLOW_UNSECURE_COMMANDS turns back on the ::set-env and ::add-path commands,
#   which let anything printed to the log (a test name, a file's content) set environment
#   variables and PATH for the following steps.
# related_resources:
#   - https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/
# custom:
#   id: gha-insecure-commands
#   family: workflow
#   severity: high
#   fix: 'Remove ACTIONS_ALLOW_UNSECURE_COMMANDS and write to $GITHUB_ENV / $GITHUB_PATH files instead.'
#   types: [github.workflow, github.job, github.action]
package gatepost.rules.gha_insecure_commands

import data.gatepost.lib.gha

envs contains e if {
	some t in ["github.workflow", "github.job"]
	some r in input.by_type[t]
	e := {"r": r, "env": r.attrs.env, "pointer": "/env"}
}

envs contains e if {
	some s in data.gatepost.lib.gha.steps
	e := {"r": s.r, "env": s.step.env, "pointer": concat("", [s.pointer, "/env"])}
}

enabled(v) if v == true

enabled(v) if {
	is_string(v)
	lower(trim_space(v)) == "true"
}

deny contains finding if {
	some e in envs
	enabled(e.env.ACTIONS_ALLOW_UNSECURE_COMMANDS)
	finding := {
		"address": e.r.address,
		"pointer": e.pointer,
		"message": "ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables ::set-env and ::add-path",
	}
}

# The whole env comes from an expression: it may set the variable.
deny contains finding if {
	some e in envs
	gha.is_expression(e.env)
	finding := {
		"address": e.r.address,
		"pointer": e.pointer,
		"severity": "low",
		"message": sprintf("env is computed by %s and may set ACTIONS_ALLOW_UNSECURE_COMMANDS", [e.env]),
	}
}
