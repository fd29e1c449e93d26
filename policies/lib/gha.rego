# Helpers for GitHub Actions workflows (github.workflow, github.job) and composite actions
# (github.action). Jobs link their workflow's settings in links.workflow; the normalizer
# locates every ${{ }} expression in links.expressions.
package gatepost.lib.gha

# steps lists {r, step, pointer} for each step of a job or of a composite action. An array,
# not a set: a set of objects holding whole jobs costs a deep comparison per insertion.
steps := array.concat(array.concat(job_steps, parallel_steps), action_steps)

job_steps := [item |
	some r in input.by_type["github.job"]
	is_array(r.attrs.steps)
	some i, s in r.attrs.steps
	item := {"r": r, "step": s, "pointer": sprintf("/steps/%d", [i])}
]

# Steps grouped under `parallel:` run like any other step.
parallel_steps := [item |
	some r in input.by_type["github.job"]
	is_array(r.attrs.steps)
	some i, group in r.attrs.steps
	is_array(group.parallel)
	some j, s in group.parallel
	item := {"r": r, "step": s, "pointer": sprintf("/steps/%d/parallel/%d", [i, j])}
]

action_steps := [item |
	some r in input.by_type["github.action"]
	is_array(r.attrs.runs.steps)
	some i, s in r.attrs.runs.steps
	item := {"r": r, "step": s, "pointer": sprintf("/runs/steps/%d", [i])}
]

# The action a step uses, lower-cased and without its ref ("actions/checkout").
action_name(s) := lower(trim_space(split(s.uses, "@")[0])) if is_string(s.uses)

# Triggers of a workflow's `on`, whatever its form, with the pointer of each.
on_entries(on) := {[on, "/on"]} if is_string(on)

on_entries(on) := {[t, sprintf("/on/%d", [i])] | some i, t in on} if is_array(on)

on_entries(on) := {[t, sprintf("/on/%s", [t])] | some t, _ in on} if is_object(on)

triggers(on) := {t | some e in on_entries(on); t := e[0]}

# The triggers of the workflow a job belongs to.
job_triggers(r) := triggers(r.links.workflow.on)

# Triggers that run with the base repository's secrets and token on events anyone can raise.
privileged_triggers := {"pull_request_target", "workflow_run", "issue_comment"}

# Triggers that run code or data from forks and strangers.
public_triggers := privileged_triggers | {"pull_request", "pull_request_review", "pull_request_review_comment", "issues", "discussion", "discussion_comment"}

is_expression(v) if {
	is_string(v)
	contains(v, "${{")
}
