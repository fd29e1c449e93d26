# METADATA
# title: GitLab CI includes configuration that is not pinned
# description: |
#   `include:` (and a trigger job's `trigger: include:`) pulls pipeline configuration from
#   elsewhere each time a pipeline starts. A remote URL without `integrity:`, a `project:`
#   include with no `ref:` (its default branch) or a branch `ref:`, and a CI/CD
#   `component:` at a branch or `~latest` all let whoever controls that source change what
#   runs here, with this project's variables and runners. Only a 40-hex commit SHA or a
#   version-like tag (v1.2.3, 2.0) counts as pinned. Refs written with `$VARIABLES` are not
#   judged; local files and GitLab's own templates are not reported.
# related_resources:
#   - https://docs.gitlab.com/ci/yaml/#include
#   - https://docs.gitlab.com/ci/components/
# custom:
#   id: gitlab-unpinned-include
#   family: workflow
#   severity: high
#   fix: 'Pin it: "ref: <40-hex commit SHA>" or a release tag for project includes, "component: .../name@1.2.3" for components, and copy remote files into the repository (or add integrity: sha256-...).'
#   types: [gitlab.pipeline, gitlab.job]
package gatepost.rules.gitlab_unpinned_include

import data.gatepost.lib.gitlab

# (resource, include value, pointer) for the pipeline's include: and trigger: include:.
roots contains [r, r.attrs.include, "/include"] if {
	some r in input.by_type["gitlab.pipeline"]
	r.attrs.include
}

roots contains [r, r.attrs.trigger.include, "/trigger/include"] if {
	some r in input.by_type["gitlab.job"]
	not gitlab.inherited(r, "/trigger")
	r.attrs.trigger.include
}

entries contains [r, v, pointer] if {
	some [r, v, pointer] in roots
	not is_array(v)
}

entries contains [r, v, sprintf("%s/%d", [pointer, i])] if {
	some [r, list, pointer] in roots
	is_array(list)
	some i, v in list
}

pinned_ref(ref) if regex.match(`^[0-9a-f]{40}$`, ref)

pinned_ref(ref) if regex.match(`^(refs/tags/)?v?[0-9]+(\.[0-9]+)*([-+][0-9A-Za-z.+-]+)?$`, ref)

remote_url(s) if regex.match(`^https?://`, trim_space(s))

problems contains [r, pointer, sprintf("remote configuration %s is fetched unpinned at every pipeline", [v])] if {
	some [r, v, pointer] in entries
	is_string(v)
	remote_url(v)
}

problems contains [r, concat("", [pointer, "/remote"]), sprintf("remote configuration %s is fetched unpinned at every pipeline", [v.remote])] if {
	some [r, v, pointer] in entries
	is_string(v.remote)
	not v.integrity
}

problems contains [r, concat("", [pointer, "/project"]), sprintf("project %s is included at its default branch, which its maintainers can change at any time", [v.project])] if {
	some [r, v, pointer] in entries
	is_string(v.project)
	not v.ref
}

problems contains [r, concat("", [pointer, "/ref"]), sprintf("project %s is included at %q, a branch or moving ref, not a commit SHA or release tag", [v.project, v.ref])] if {
	some [r, v, pointer] in entries
	is_string(v.project)
	is_string(v.ref)
	not gitlab.has_variable(v.ref)
	not pinned_ref(trim_space(v.ref))
}

# A component's version is after the last "@"; none means its default branch.
component_version(c) := parts[count(parts) - 1] if {
	parts := split(c, "@")
	count(parts) > 1
} else := ""

problems contains [r, concat("", [pointer, "/component"]), sprintf("component %s is not pinned to a release or commit", [v.component])] if {
	some [r, v, pointer] in entries
	is_string(v.component)
	version := component_version(v.component)
	not gitlab.has_variable(version)
	not pinned_ref(version)
}

deny contains finding if {
	some [r, pointer, message] in problems
	finding := {"address": r.address, "pointer": pointer, "message": message}
}
