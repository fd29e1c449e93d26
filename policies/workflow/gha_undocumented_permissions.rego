# METADATA
# title: Token permission without a comment saying why
# description: |
#   Each scope granted to the GITHUB_TOKEN widens what a compromised step can do. A short
#   comment next to the scope tells reviewers why it is needed and makes it easy to drop
#   when it no longer is. contents: read alone needs no explanation.
# related_resources:
#   - https://docs.github.com/actions/writing-workflows/workflow-syntax-for-github-actions#permissions
# custom:
#   id: gha-undocumented-permissions
#   family: workflow
#   severity: low
#   fix: 'Add a trailing comment to the scope, e.g. "id-token: write # publish to PyPI with trusted publishing".'
#   types: [github.workflow, github.job]
package gatepost.rules.gha_undocumented_permissions

documented(r, pointer) if trim_space(r.links.comments[pointer]) != ""

deny contains finding if {
	some t in ["github.workflow", "github.job"]
	some r in input.by_type[t]
	is_object(r.attrs.permissions)
	some scope, level in r.attrs.permissions
	not [scope, level] == ["contents", "read"]
	level != "none"
	pointer := sprintf("/permissions/%s", [scope])
	not documented(r, pointer)
	finding := {
		"address": r.address,
		"pointer": pointer,
		"message": sprintf("%s: %s has no comment saying why it is needed", [scope, level]),
	}
}
