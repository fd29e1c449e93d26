# METADATA
# title: Reusable workflow receives every secret
# description: |
#   secrets: inherit passes all of the caller's secrets to the called workflow, whatever it
#   needs; a compromised or changed reusable workflow can read them all.
# related_resources:
#   - https://docs.github.com/actions/sharing-automations/reusing-workflows#passing-secrets-to-nested-workflows
# custom:
#   id: gha-secrets-inherit
#   family: secrets
#   severity: medium
#   fix: 'List the secrets the called workflow needs: "secrets: {token: ${{ secrets.DEPLOY_TOKEN }}}".'
#   types: [github.job]
package gatepost.rules.gha_secrets_inherit

deny contains finding if {
	some r in input.by_type["github.job"]
	r.attrs.secrets == "inherit"
	is_string(r.attrs.uses)
	finding := {
		"address": r.address,
		"pointer": "/uses",
		"message": sprintf("job %s passes every secret to %s (secrets: inherit)", [r.links.id, r.attrs.uses]),
	}
}
