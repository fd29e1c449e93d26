# METADATA
# title: Container image is not pinned to a digest
# description: |
#   A job container, service container or docker:// step image without a digest runs
#   whatever the tag points to when the job starts; ":latest" or no tag at all changes
#   with every push to the registry. A tag alone can also be moved.
# related_resources:
#   - https://docs.github.com/actions/using-jobs/running-jobs-in-a-container
# custom:
#   id: gha-unpinned-image
#   family: workflow
#   severity: high
#   fix: 'Pin the image by digest, e.g. "image: ghcr.io/org/app:1.2.3@sha256:<digest>".'
#   types: [github.job, github.action]
package gatepost.rules.gha_unpinned_image

import data.gatepost.lib.gha

images contains e if {
	some r in input.by_type["github.job"]
	is_string(r.attrs.container)
	e := {"r": r, "image": r.attrs.container, "pointer": "/container"}
}

images contains e if {
	some r in input.by_type["github.job"]
	e := {"r": r, "image": r.attrs.container.image, "pointer": "/container/image"}
}

images contains e if {
	some r in input.by_type["github.job"]
	is_object(r.attrs.services)
	some name, svc in r.attrs.services
	e := {"r": r, "image": service_image(svc), "pointer": service_pointer(name, svc)}
}

images contains e if {
	some s in data.gatepost.lib.gha.steps
	is_string(s.step.uses)
	startswith(s.step.uses, "docker://")
	e := {"r": s.r, "image": substring(s.step.uses, 9, -1), "pointer": concat("", [s.pointer, "/uses"])}
}

images contains e if {
	some r in input.by_type["github.action"]
	is_string(r.attrs.runs.image)
	startswith(r.attrs.runs.image, "docker://")
	e := {"r": r, "image": substring(r.attrs.runs.image, 9, -1), "pointer": "/runs/image"}
}

service_image(svc) := svc if is_string(svc)

service_image(svc) := svc.image if is_object(svc)

service_pointer(name, svc) := sprintf("/services/%s", [name]) if is_string(svc)

service_pointer(name, svc) := sprintf("/services/%s/image", [name]) if is_object(svc)

# The tag of an image reference; "" when there is none (a ":" before the last "/" is a port).
tag(image) := t if {
	last := regex.split(`/`, image)
	name := last[count(last) - 1]
	contains(name, ":")
	parts := split(name, ":")
	t := parts[count(parts) - 1]
} else := ""

# The values a matrix key takes, from its list and from include entries.
matrix_values(r, key) := {v |
	vals := r.attrs.strategy.matrix[key]
	is_array(vals)
	some v in vals
} | {v |
	incs := r.attrs.strategy.matrix.include
	is_array(incs)
	some inc in incs
	v := inc[key]
}

# An expression image is acceptable only when it reads matrix values that are all pinned.
matrix_pinned(r, image) if {
	keys := [m[1] | some m in regex.find_all_string_submatch_n(`matrix\.([A-Za-z0-9_-]+)`, image, -1)]
	count(keys) > 0
	without := regex.replace(image, `matrix\.[A-Za-z0-9_-]+`, "")
	not regex.match(`[A-Za-z_]+\.[A-Za-z_]`, without)
	every k in keys {
		vals := matrix_values(r, k)
		count(vals) > 0
		every v in vals {
			is_string(v)
			contains(v, "@sha256:")
		}
	}
}

problem(image) := ["is chosen by an expression, so its pin cannot be checked", "low"] if gha.is_expression(image)

problem(image) := ["has no tag and no digest", "high"] if {
	not gha.is_expression(image)
	not contains(image, "@sha256:")
	tag(image) == ""
}

problem(image) := ["uses the moving tag latest", "high"] if {
	not gha.is_expression(image)
	not contains(image, "@sha256:")
	tag(image) == "latest"
}

problem(image) := ["is pinned by tag only; tags can be moved", "low"] if {
	not gha.is_expression(image)
	not contains(image, "@sha256:")
	not tag(image) in {"", "latest"}
}

deny contains finding if {
	some e in images
	is_string(e.image)
	e.image != ""
	not matrix_pinned(e.r, e.image)
	p := problem(e.image)
	finding := {
		"address": e.r.address,
		"pointer": e.pointer,
		"message": sprintf("image %q %s", [e.image, p[0]]),
		"severity": p[1],
	}
}
