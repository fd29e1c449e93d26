# Helpers for GitLab CI (gitlab.pipeline, gitlab.job). Jobs are effective: extends:,
# default: and global variables are merged in, and links.inherited maps each inherited
# pointer to the address that writes it, so a rule reports a value once, where it is written.
package gatepost.lib.gitlab

# The pointer, or one of its ancestors, holds a value the job inherits.
inherited(r, pointer) if {
	some q, _ in r.links.inherited
	pointer == q
}

inherited(r, pointer) if {
	some q, _ in r.links.inherited
	startswith(pointer, concat("", [q, "/"]))
}

hidden(r) if r.links.hidden == true

# A value GitLab expands from a variable ("$NAME", "${NAME}"): never judged as a literal.
has_variable(v) if contains(v, "$")

# The image name of an `image:` or `services:` entry, string or {name: ...}, and its pointer.
image_ref(v, pointer) := [v, pointer] if is_string(v)

image_ref(v, pointer) := [v.name, concat("", [pointer, "/name"])] if is_string(v.name)

# The `rules:` entries that let the job run in merge request pipelines.
mr_condition(cond) if {
	is_string(cond)
	regex.match(`\$\{?CI_PIPELINE_SOURCE\}?\s*(==\s*["']merge_request_event["']|=~\s*/[^/]*merge_request_event)`, cond)
}

mr_condition(cond) if {
	is_string(cond)
	regex.match(`^\s*\$\{?CI_MERGE_REQUEST_I?ID\}?\s*($|&&|\)|\|\|)`, cond)
}

mr_rule(rule) if {
	mr_condition(rule["if"])
	not rule.when == "never"
}

# A condition that tells a fork's merge request from the project's own.
fork_guard(cond) if {
	is_string(cond)
	regex.match(`CI_MERGE_REQUEST_SOURCE_PROJECT_(ID|PATH|URL)`, cond)
}
