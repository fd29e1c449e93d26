# METADATA
# title: Third-party action or reusable workflow is not pinned to a commit
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
	startswith(lower(uses), lower(concat("", [owner, "/"])))
}

pinned(uses) if regex.match(`@[0-9a-f]{40}$`, uses)

# Local actions need no pin; docker:// images are the unpinned-image rule's business.
local_or_docker(uses) if startswith(uses, "./")

local_or_docker(uses) if startswith(uses, "docker://")

# Heads are bound in the body: a head that reads a missing key would void the whole set.
uses_entries contains e if {
	some s in data.gatepost.lib.gha.steps
	is_string(s.step.uses)
	e := {"r": s.r, "uses": trim_space(s.step.uses), "pointer": concat("", [s.pointer, "/uses"])}
}

# A job that calls a reusable workflow.
uses_entries contains e if {
	some r in input.by_type["github.job"]
	is_string(r.attrs.uses)
	e := {"r": r, "uses": trim_space(r.attrs.uses), "pointer": "/uses"}
}

deny contains finding if {
	some e in uses_entries
	contains(e.uses, "@")
	not local_or_docker(e.uses)
	not trusted(e.uses)
	not pinned(e.uses)
	finding := {
		"address": e.r.address,
		"pointer": e.pointer,
		"message": sprintf("%q is not pinned to a commit SHA", [e.uses]),
	}
}
