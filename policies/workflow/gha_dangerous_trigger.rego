# METADATA
# title: Workflow runs on a trigger that gives strangers' events the repository's secrets
# description: |
#   pull_request_target, workflow_run and issue_comment run in the context of the base
#   repository, with its secrets and a token that can write, on events anyone can raise.
#   Checking out or running the pull request's code there hands that access to its author.
# related_resources:
#   - https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/
# custom:
#   id: gha-dangerous-trigger
#   family: workflow
#   severity: medium
#   fix: 'Use pull_request (no secrets) for untrusted code; if you need pull_request_target or workflow_run, never check out or run the head ref, and keep permissions read-only.'
#   types: [github.workflow, github.job]
package gatepost.rules.gha_dangerous_trigger

import data.gatepost.lib.gha

untrusted_ref(v) if {
	is_string(v)
	some p in ["github.event.pull_request.head", "github.head_ref", "github.event.workflow_run.head", "refs/pull/", "github.event.issue.pull_request"]
	contains(v, p)
}

# Workflows (by address) with a job that checks out the code that triggered it. Sets of
# addresses built in one pass over the jobs keep this linear in the number of jobs.
untrusted_workflows contains j.links.workflow.address if {
	some j in input.by_type["github.job"]
	is_array(j.attrs.steps)
	some s in j.attrs.steps
	untrusted_ref(s["with"].ref)
}

runs_untrusted(w) if w.address in untrusted_workflows

severity(w) := "high" if runs_untrusted(w)

severity(w) := "medium" if not runs_untrusted(w)

event_only_actions := {"actions/labeler", "actions/first-interaction"}

job_event_only(j) if {
	is_array(j.attrs.steps)
	every s in j.attrs.steps {
		gha.action_name(s) in event_only_actions
	}
}

workflows_with_jobs contains j.links.workflow.address if some j in input.by_type["github.job"]

workflows_with_other_jobs contains j.links.workflow.address if {
	some j in input.by_type["github.job"]
	not job_event_only(j)
}

# Every job of the workflow only runs actions that read the event (labels, greetings).
event_only(w) if {
	w.address in workflows_with_jobs
	not w.address in workflows_with_other_jobs
}

deny contains finding if {
	some w in input.by_type["github.workflow"]
	some e in gha.on_entries(w.attrs.on)
	e[0] in data.gatepost.lib.gha.privileged_triggers
	not event_only(w)
	finding := {
		"address": w.address,
		"pointer": e[1],
		"severity": severity(w),
		"message": message(e[0], severity(w)),
	}
}

message(t, "high") := sprintf("%s runs with the repository's secrets and a job checks out the untrusted head", [t])

message(t, "medium") := sprintf("%s runs with the repository's secrets on events anyone can raise", [t])
