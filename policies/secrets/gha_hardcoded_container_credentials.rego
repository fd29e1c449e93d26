# METADATA
# title: Registry password written in the workflow
# description: |
#   A password in container.credentials or services.*.credentials is readable by everyone
#   who can read the repository, and stays in its history after it is removed.
# related_resources:
#   - https://docs.github.com/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idcontainercredentials
# custom:
#   id: gha-hardcoded-container-credentials
#   family: secrets
#   severity: high
#   fix: 'Store the password as a secret and reference it: "password: ${{ secrets.REGISTRY_PASSWORD }}"; rotate the exposed one.'
#   types: [github.job]
package gatepost.rules.gha_hardcoded_container_credentials

import data.gatepost.lib.gha

credentials contains e if {
	some r in input.by_type["github.job"]
	e := {"r": r, "c": r.attrs.container.credentials, "pointer": "/container/credentials"}
}

credentials contains e if {
	some r in input.by_type["github.job"]
	is_object(r.attrs.services)
	some name, svc in r.attrs.services
	e := {"r": r, "c": svc.credentials, "pointer": sprintf("/services/%s/credentials", [name])}
}

deny contains finding if {
	some e in credentials
	is_string(e.c.password)
	e.c.password != ""
	not gha.is_expression(e.c.password)
	finding := {
		"address": e.r.address,
		"pointer": e.pointer,
		"message": "the registry password is written in the workflow",
	}
}
