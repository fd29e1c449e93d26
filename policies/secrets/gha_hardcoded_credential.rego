# METADATA
# title: Credential written in a GitHub workflow's env or with inputs
# description: |
#   An `env:` entry (workflow, job or step), a step's `with:` input, or a `with:` or
#   `secrets:` value passed to a reusable workflow, whose name says it holds a credential
#   (password, token, secret, api key, private key...) and whose value is a literal rather
#   than a `${{ secrets.* }}` expression - e.g. `password: hunter2` on docker/login-action.
#   Everyone who can read the repository can read it, and it stays in the history after it
#   is removed. Container and service credentials have their own rule; service
#   containers' `env:` is left out (it configures throwaway test databases).
# related_resources:
#   - https://docs.github.com/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions
# custom:
#   id: gha-hardcoded-credential
#   family: secrets
#   severity: high
#   fix: 'Store the value as a repository or environment secret and reference it, e.g. "password: ${{ secrets.REGISTRY_PASSWORD }}"; rotate the exposed one.'
#   types: [github.workflow, github.job, github.action]
package gatepost.rules.gha_hardcoded_credential

import data.gatepost.lib.credentials
import data.gatepost.lib.gha

entries contains e if {
	some r in input.by_type["github.workflow"]
	is_object(r.attrs.env)
	some k, v in r.attrs.env
	e := {"address": r.address, "key": k, "v": v, "pointer": sprintf("/env/%s", [k])}
}

entries contains e if {
	some r in input.by_type["github.job"]
	is_object(r.attrs.env)
	some k, v in r.attrs.env
	e := {"address": r.address, "key": k, "v": v, "pointer": sprintf("/env/%s", [k])}
}

# Inputs and secrets handed to a reusable workflow (`jobs.<id>.uses` with `with:`/`secrets:`).
entries contains e if {
	some r in input.by_type["github.job"]
	some field in ["with", "secrets"]
	is_object(r.attrs[field])
	some k, v in r.attrs[field]
	e := {"address": r.address, "key": k, "v": v, "pointer": sprintf("/%s/%s", [field, k])}
}

entries contains e if {
	some s in data.gatepost.lib.gha.steps
	some field in ["env", "with"]
	is_object(s.step[field])
	some k, v in s.step[field]
	e := {"address": s.r.address, "key": k, "v": v, "pointer": sprintf("%s/%s/%s", [s.pointer, field, k])}
}

deny contains finding if {
	some e in entries
	credentials.is_credential_name(e.key)
	credentials.literal_value(e.v)
	not gha.is_expression(e.v)
	not startswith(trim_space(e.v), "$")
	finding := {
		"address": e.address,
		"pointer": e.pointer,
		"message": sprintf("%s is a literal credential; anyone who can read the repository can use it", [e.key]),
	}
}
