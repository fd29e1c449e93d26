# METADATA
# title: Credential written in GitLab CI variables
# description: |
#   A `variables:` entry (global or job level) whose name says it holds a credential
#   (password, secret, token, api key, private key...) and whose value is a literal, not a
#   `$VARIABLE` reference. Everyone who can read the repository can read it, and it stays
#   in the history after it is removed. Credentials belong in the project's CI/CD settings
#   as masked (and, for deployments, protected) variables. Service-container variables
#   (`services: - variables:`) are left out: they configure throwaway test databases.
# related_resources:
#   - https://docs.gitlab.com/ci/variables/
#   - https://docs.gitlab.com/ci/yaml/#variables
# custom:
#   id: gitlab-hardcoded-variable
#   family: secrets
#   severity: high
#   fix: 'Delete the value from .gitlab-ci.yml, rotate it, and add it under Settings > CI/CD > Variables as a masked variable; jobs read it as $NAME unchanged.'
#   types: [gitlab.pipeline, gitlab.job]
package gatepost.rules.gitlab_hardcoded_variable

import data.gatepost.lib.credentials
import data.gatepost.lib.gitlab

# Global variables, reported on the pipeline.
entries contains e if {
	some r in input.by_type["gitlab.pipeline"]
	is_object(r.attrs.variables)
	some name, v in r.attrs.variables
	e := {"r": r, "name": name, "v": v, "pointer": sprintf("/variables/%s", [name])}
}

# Job variables, reported on the job that writes them (not on the jobs that inherit them).
entries contains e if {
	some r in input.by_type["gitlab.job"]
	is_object(r.attrs.variables)
	some name, v in r.attrs.variables
	p := sprintf("/variables/%s", [name])
	not gitlab.inherited(r, p)
	e := {"r": r, "name": name, "v": v, "pointer": p}
}

# `NAME: value` or `NAME: {value: ..., description: ...}`.
value_of(e) := [e.v, e.pointer] if is_string(e.v)

value_of(e) := [e.v.value, concat("", [e.pointer, "/value"])] if is_string(e.v.value)

deny contains finding if {
	some e in entries
	credentials.is_credential_name(e.name)
	[v, pointer] := value_of(e)
	credentials.literal_value(v)
	not gitlab.has_variable(v)
	finding := {
		"address": e.r.address,
		"pointer": pointer,
		"message": sprintf("variable %s holds a literal credential; anyone who can read the repository can use it", [e.name]),
	}
}
