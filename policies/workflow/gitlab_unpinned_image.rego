# METADATA
# title: GitLab CI image is not pinned
# description: |
#   An `image:` or `services:` entry (global, `default:`, or job level; string or
#   `{name: ...}` form) with no tag or the tag `latest`, and no digest, runs whatever the
#   registry serves when the job starts: a compromised or broken push reaches the pipeline
#   at once, and a build cannot be reproduced. Images named through a `$VARIABLE` are not
#   judged. An inherited image is reported once, where it is written.
# related_resources:
#   - https://docs.gitlab.com/ci/yaml/#image
#   - https://docs.gitlab.com/ci/yaml/#services
# custom:
#   id: gitlab-unpinned-image
#   family: workflow
#   severity: high
#   fix: 'Pin a version and a digest, e.g. "image: node:20.11.1@sha256:<digest>"; at the very least use a version tag instead of latest.'
#   types: [gitlab.pipeline, gitlab.job]
package gatepost.rules.gitlab_unpinned_image

import data.gatepost.lib.gitlab

# (resource, prefix) of every place image/services can be written.
scopes contains [r, ""] if some r in input.by_type["gitlab.pipeline"]

scopes contains [r, "/default"] if {
	some r in input.by_type["gitlab.pipeline"]
	is_object(r.attrs["default"])
}

scopes contains [r, ""] if some r in input.by_type["gitlab.job"]

attrs_at(r, "") := r.attrs

attrs_at(r, "/default") := r.attrs["default"]

images contains e if {
	some [r, prefix] in scopes
	a := attrs_at(r, prefix)
	ref := gitlab.image_ref(a.image, concat("", [prefix, "/image"]))
	e := {"r": r, "image": ref[0], "pointer": ref[1]}
}

images contains e if {
	some [r, prefix] in scopes
	a := attrs_at(r, prefix)
	is_array(a.services)
	some i, s in a.services
	ref := gitlab.image_ref(s, sprintf("%s/services/%d", [prefix, i]))
	e := {"r": r, "image": ref[0], "pointer": ref[1]}
}

# The tag of an image reference; "" when there is none (a ":" before the last "/" is a port).
tag(image) := t if {
	parts := split(image, "/")
	name := parts[count(parts) - 1]
	contains(name, ":")
	t := split(name, ":")[1]
} else := ""

problem(image) := "has no tag and no digest" if tag(image) == ""

problem(image) := "uses the moving tag latest" if tag(image) == "latest"

deny contains finding if {
	some e in images
	e.image != ""
	not gitlab.has_variable(e.image)
	not contains(e.image, "@sha256:")
	not gitlab.inherited(e.r, e.pointer)
	p := problem(trim_space(e.image))
	finding := {
		"address": e.r.address,
		"pointer": e.pointer,
		"message": sprintf("image %q %s", [e.image, p]),
	}
}
