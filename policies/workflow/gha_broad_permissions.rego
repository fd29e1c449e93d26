# METADATA
# title: Token permissions broader than a job needs
# description: |
#   Write scopes granted at the workflow level reach every job, including those that only
#   build or test; read-all grants every read scope (packages, security events, ...). A
#   compromised step can use all of them.
# related_resources:
#   - https://docs.github.com/actions/writing-workflows/workflow-syntax-for-github-actions#permissions
# custom:
#   id: gha-broad-permissions
#   family: workflow
#   severity: medium
#   fix: 'Set "permissions: {}" or "{contents: read}" on the workflow and grant each write scope only on the job that needs it.'
#   types: [github.workflow, github.job]
package gatepost.rules.gha_broad_permissions

deny contains finding if {
	some t in ["github.workflow", "github.job"]
	some r in input.by_type[t]
	r.attrs.permissions == "read-all"
	finding := {
		"address": r.address,
		"pointer": "/permissions",
		"message": "permissions: read-all grants every read scope",
	}
}

deny contains finding if {
	some r in input.by_type["github.workflow"]
	is_object(r.attrs.permissions)
	some scope, level in r.attrs.permissions
	level == "write"
	finding := {
		"address": r.address,
		"pointer": sprintf("/permissions/%s", [scope]),
		"message": sprintf("%s: write is granted to every job of the workflow", [scope]),
	}
}
