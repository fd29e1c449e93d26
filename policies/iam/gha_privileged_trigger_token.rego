# METADATA
# title: Workflow on a privileged trigger has a writable token
# description: |
#   pull_request_target, workflow_run and issue_comment workflows run in the base
#   repository with its secrets, on events strangers can raise. With write-all or the
#   default scopes, anything that runs there can push code, publish releases and change
#   settings through the GITHUB_TOKEN.
# related_resources:
#   - https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/
# custom:
#   id: gha-privileged-trigger-token
#   family: iam
#   severity: high
#   fix: 'Declare "permissions: {}" on the workflow and grant each job only the read or write scopes it needs.'
#   types: [github.workflow]
package gatepost.rules.gha_privileged_trigger_token

import data.gatepost.lib.gha

broad(r) := ["/permissions", "permissions: write-all"] if r.attrs.permissions == "write-all"

broad(r) := ["", "no permissions, so the default token scopes"] if not "permissions" in object.keys(r.attrs)

deny contains finding if {
	some r in input.by_type["github.workflow"]
	some t in gha.triggers(r.attrs.on) & data.gatepost.lib.gha.privileged_triggers
	b := broad(r)
	finding := {
		"address": r.address,
		"pointer": b[0],
		"message": sprintf("the workflow runs on %s with %s", [t, b[1]]),
	}
}
