# Where workflow expressions become code: `run:` scripts and the script inputs of actions
# that evaluate them (github-script, docker-run, yq, Azure CLI/PowerShell, ...).
package gatepost.lib.gha_script

import data.gatepost.lib.gha

# action -> inputs whose text is executed.
script_inputs := {
	"actions/github-script": {"script"},
	"addnab/docker-run-action": {"run", "options"},
	"mikefarah/yq": {"cmd"},
	"azure/cli": {"inlinescript"},
	"azure/powershell": {"inlinescript"},
	"appleboy/ssh-action": {"script"},
	"jannekem/run-python-script-action": {"script"},
	"amadevus/pwsh-script": {"script"},
	"tibdex/backport": {"title_template", "body_template"},
	"cardinalby/js-eval-action": {"expression"},
}

sinks contains e if {
	some s in data.gatepost.lib.gha.steps
	is_string(s.step.run)
	e := {"r": s.r, "pointer": concat("", [s.pointer, "/run"]), "sink": "a run script"}
}

sinks contains e if {
	some s in data.gatepost.lib.gha.steps
	inputs := script_inputs[gha.action_name(s.step)]
	is_object(s.step.with)
	some k, _ in s.step.with
	lower(k) in inputs
	e := {"r": s.r, "pointer": sprintf("%s/with/%s", [s.pointer, k]), "sink": sprintf("the %s input of %s", [k, gha.action_name(s.step)])}
}

# {r, pointer, sink, expression} for each expression in a sink.
expansions contains x if {
	some e in sinks
	some ex in e.r.links.expressions
	ex.pointer == e.pointer
	x := {"r": e.r, "pointer": e.pointer, "sink": e.sink, "expression": ex}
}

# Parts of an event that anyone who opens an issue, pull request, comment or branch writes.
# Identifiers, numbers, hashes, dates and flags are not text.
attacker_controlled(path) if path == "github.head_ref"

attacker_controlled(path) if {
	startswith(path, "github.event")
	not safe_event_field(path)
}

safe_event_field(path) if {
	parts := split(path, ".")
	last := parts[count(parts) - 1]
	safe_field(last)
}

safe_event_field(path) if startswith(path, "github.event_")

safe_field(f) if f in {"sha", "id", "number", "fork", "node_id", "size", "draft", "merged", "locked", "state", "run_id", "run_number", "run_attempt", "private", "action", "commits", "additions", "deletions", "changed_files", "comments", "forced", "created", "deleted"}

safe_field(f) if endswith(f, "_sha")

safe_field(f) if endswith(f, "_id")

safe_field(f) if endswith(f, "_at")

safe_field(f) if endswith(f, "_count")

safe_field(f) if endswith(f, "_url")
