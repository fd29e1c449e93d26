# METADATA
# title: Untrusted data written to GITHUB_ENV or GITHUB_PATH
# description: |
#   Lines written to $GITHUB_ENV become environment variables of every later step (and
#   $GITHUB_PATH entries come first in PATH). In a workflow that runs on strangers'
#   events, or in an action anyone can call, a variable value can set LD_PRELOAD,
#   NODE_OPTIONS or BASH_ENV and run code in the following steps.
# related_resources:
#   - https://docs.github.com/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections
# custom:
#   id: gha-github-env
#   family: workflow
#   severity: high
#   fix: 'Do not write event data to $GITHUB_ENV / $GITHUB_PATH; use step outputs ($GITHUB_OUTPUT) and pass them explicitly.'
#   types: [github.job, github.action]
package gatepost.rules.gha_github_env

import data.gatepost.lib.gha

targets := ["GITHUB_ENV", "GITHUB_PATH"]

# Spellings of the target itself, removed before asking whether the line is dynamic.
target_spellings := ["${GITHUB_ENV}", "$GITHUB_ENV", "$env:GITHUB_ENV", "%GITHUB_ENV%", "${GITHUB_PATH}", "$GITHUB_PATH", "$env:GITHUB_PATH", "%GITHUB_PATH%"]

strip_targets(l) := s if {
	s := strings.replace_n({t: "" | some t in target_spellings}, l)
}

# A line that appends something computed (a variable, a command, an expression).
dynamic_write(line) if {
	some t in targets
	contains(line, t)
	contains(line, ">")
	rest := strip_targets(line)
	regex.match(`\$|%[A-Za-z_]+%|\x60`, rest)
}

exposed(s) if s.r.type == "github.action"

exposed(s) if {
	s.r.type == "github.job"
	count(gha.job_triggers(s.r) & data.gatepost.lib.gha.privileged_triggers) > 0
}

deny contains finding if {
	some s in data.gatepost.lib.gha.steps
	is_string(s.step.run)
	exposed(s)
	some line in split(s.step.run, "\n")
	dynamic_write(line)
	finding := {
		"address": s.r.address,
		"pointer": concat("", [s.pointer, "/run"]),
		"message": sprintf("the script appends computed data to the environment file: %s", [trim_space(line)]),
	}
}
