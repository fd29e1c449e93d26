# METADATA
# title: Job runs on a self-hosted runner
# description: |
#   Self-hosted runners keep state between jobs and sit inside your network. A job that any
#   pull request or issue can start lets strangers run code there; on a public repository
#   forks can target the runner too.
# related_resources:
#   - https://docs.github.com/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#self-hosted-runner-security
# custom:
#   id: gha-self-hosted-runner
#   family: workflow
#   severity: medium
#   fix: 'Run untrusted events on GitHub-hosted runners; keep self-hosted runners for private repositories or for trusted triggers (push to protected branches, workflow_dispatch), ideally ephemeral.'
#   types: [github.job]
package gatepost.rules.gha_self_hosted_runner

import data.gatepost.lib.gha

self_hosted(v) if {
	is_string(v)
	contains(lower(v), "self-hosted")
}

self_hosted(v) if {
	is_array(v)
	some x in v
	self_hosted(x)
}

# Runner groups and label sets are how self-hosted (or larger paid) runners are chosen.
self_hosted(v) if {
	is_object(v)
	some k in ["group", "labels"]
	k in object.keys(v)
}

# runs-on: ${{ matrix.x }} and the matrix (or an include) lists a self-hosted label.
matrix_self_hosted(r) if {
	is_object(r.attrs.strategy.matrix)
	some k, vals in r.attrs.strategy.matrix
	not k in {"exclude", "include"}
	is_array(vals)
	some v in vals
	self_hosted(v)
	not excluded(r.attrs.strategy.matrix, k, v)
}

excluded(matrix, k, v) if {
	some ex in matrix.exclude
	ex[k] == v
}

matrix_self_hosted(r) if {
	is_array(r.attrs.strategy.matrix.include)
	some inc in r.attrs.strategy.matrix.include
	is_object(inc)
	some _, v in inc
	self_hosted(v)
}

uses_self_hosted(r) if self_hosted(r.attrs["runs-on"])

uses_self_hosted(r) if {
	gha.is_expression(r.attrs["runs-on"])
	contains(r.attrs["runs-on"], "matrix.")
	matrix_self_hosted(r)
}

severity(r) := "high" if count(gha.job_triggers(r) & data.gatepost.lib.gha.public_triggers) > 0

severity(r) := "medium" if count(gha.job_triggers(r) & data.gatepost.lib.gha.public_triggers) == 0

deny contains finding if {
	some r in input.by_type["github.job"]
	uses_self_hosted(r)
	finding := {
		"address": r.address,
		"pointer": "/runs-on",
		"severity": severity(r),
		"message": sprintf("job %s runs on a self-hosted runner", [r.links.id]),
	}
}
