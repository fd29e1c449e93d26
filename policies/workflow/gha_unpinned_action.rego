# METADATA
# title: Third-party action is not pinned to a commit
# description: |
#   A tag or branch can be moved by whoever controls the action's repository, so the code
#   your pipeline runs (with its secrets) can change without any change in your repo.
# related_resources:
#   - https://docs.github.com/actions/security-guides/security-hardening-for-github-actions#using-third-party-actions
# custom:
#   id: gha-unpinned-action
#   family: workflow
#   severity: medium
#   fix: 'Pin the action to a full 40-character commit SHA and keep the version in a comment, e.g. "uses: owner/action@<sha> # v4.1.0".'
#   types: [github.job, github.action]
package gatepost.rules.gha_unpinned_action

trusted(uses) if {
	some owner in input.config.workflow.trusted_action_owners
	startswith(uses, concat("", [owner, "/"]))
}

pinned(uses) if regex.match(`@[0-9a-f]{40}$`, uses)

local_or_docker(uses) if startswith(uses, "./")

local_or_docker(uses) if startswith(uses, "docker://")

# Heads are bound in the body: a head that reads a missing key would void the whole set.
steps contains step if {
	some r in input.by_type["github.job"]
	some i, s in r.attrs.steps
	step := {"r": r, "uses": s.uses, "pointer": sprintf("/steps/%d/uses", [i])}
}

steps contains step if {
	some r in input.by_type["github.action"]
	some i, s in r.attrs.runs.steps
	step := {"r": r, "uses": s.uses, "pointer": sprintf("/runs/steps/%d/uses", [i])}
}

# A job that calls a reusable workflow.
steps contains step if {
	some r in input.by_type["github.job"]
	step := {"r": r, "uses": r.attrs.uses, "pointer": "/uses"}
}

deny contains finding if {
	some s in steps
	is_string(s.uses)
	not local_or_docker(s.uses)
	not trusted(s.uses)
	not pinned(s.uses)
	finding := {
		"address": s.r.address,
		"pointer": s.pointer,
		"message": sprintf("%q is not pinned to a commit SHA", [s.uses]),
	}
}
