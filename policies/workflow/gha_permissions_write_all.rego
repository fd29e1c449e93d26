# METADATA
# title: Workflow grants the token write access to everything
# description: |
#   permissions: write-all gives every step's GITHUB_TOKEN write access to code, packages,
#   releases and more; a compromised action or injected command can then push to the repo.
# related_resources:
#   - https://docs.github.com/actions/security-guides/automatic-token-authentication#modifying-the-permissions-for-the-github_token
# custom:
#   id: gha-permissions-write-all
#   family: workflow
#   severity: high
#   fix: 'Set permissions to the scopes the job needs, e.g. "permissions: {contents: read}", and grant writes per job.'
#   types: [github.workflow, github.job]
package gatepost.rules.gha_permissions_write_all

deny contains finding if {
	some t in ["github.workflow", "github.job"]
	some r in input.by_type[t]
	r.attrs.permissions == "write-all"
	finding := {
		"address": r.address,
		"pointer": "/permissions",
		"message": sprintf("%s sets permissions: write-all", [where(t)]),
	}
}

where("github.workflow") := "the workflow"

where("github.job") := "the job"
