# METADATA
# title: Workflow runs with the default token permissions
# description: |
#   Without a permissions block the GITHUB_TOKEN gets the repository's default scopes, which
#   on many repositories (and all older ones) include write access to contents, packages and
#   more. Declaring permissions on the workflow (or on every job) bounds what a compromised
#   step can do, whatever the repository setting.
# related_resources:
#   - https://docs.github.com/actions/security-guides/automatic-token-authentication#permissions-for-the-github_token
# custom:
#   id: gha-default-permissions
#   family: workflow
#   severity: medium
#   fix: 'Add "permissions: {}" (or "{contents: read}") at the top of the workflow and grant more per job.'
#   types: [github.workflow, github.job]
package gatepost.rules.gha_default_permissions

deny contains finding if {
	some r in input.by_type["github.workflow"]
	not "permissions" in object.keys(r.attrs)
	finding := {
		"address": r.address,
		"pointer": "",
		"message": "the workflow declares no permissions, so its jobs get the repository's default token scopes",
	}
}

deny contains finding if {
	some r in input.by_type["github.job"]
	not "permissions" in object.keys(r.attrs)
	not "permissions" in object.keys(r.links.workflow)
	finding := {
		"address": r.address,
		"pointer": "",
		"message": sprintf("job %s runs with the default token scopes (no permissions on the job or the workflow)", [r.links.id]),
	}
}
