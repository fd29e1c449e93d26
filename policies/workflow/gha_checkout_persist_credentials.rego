# METADATA
# title: actions/checkout leaves the token in .git/config
# description: |
#   By default actions/checkout writes the GITHUB_TOKEN into .git/config so later git
#   commands can push. Any later step (or an uploaded artifact of the workspace) can read
#   it from there.
# related_resources:
#   - https://github.com/actions/checkout#usage
# custom:
#   id: gha-checkout-persist-credentials
#   family: workflow
#   severity: medium
#   fix: 'Add "with: {persist-credentials: false}" to the checkout step, and pass a token explicitly to the one step that pushes.'
#   types: [github.job, github.action]
package gatepost.rules.gha_checkout_persist_credentials

import data.gatepost.lib.gha

disabled(s) if s["with"]["persist-credentials"] == false

disabled(s) if {
	is_string(s["with"]["persist-credentials"])
	lower(s["with"]["persist-credentials"]) == "false"
}

uploads(r) if {
	is_array(r.attrs.steps)
	some s in r.attrs.steps
	gha.action_name(s) == "actions/upload-artifact"
}

severity(r) := "medium" if uploads(r)

severity(r) := "low" if not uploads(r)

deny contains finding if {
	some s in data.gatepost.lib.gha.steps
	gha.action_name(s.step) == "actions/checkout"
	not disabled(s.step)
	not gha.is_expression(s.step["with"])
	finding := {
		"address": s.r.address,
		"pointer": s.pointer,
		"severity": severity(s.r),
		"message": "actions/checkout persists the token in .git/config (persist-credentials is not false)",
	}
}
