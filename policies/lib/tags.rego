# Tags and labels of cloud resources and Kubernetes objects, for the hygiene rules.
#
# A resource's effective tags are what the cloud will actually carry: AWS `tags` merged over
# the provider's `default_tags`, GCP `labels` merged over the provider's `default_labels`,
# Azure `tags`. The normalizer computes them into `links.tags` of every taggable Terraform
# resource (which types carry tags, and where, is decided there); unresolved values stay
# `${...}` strings and are never judged. Rules read `r.links.tags.effective` directly (it is
# absent when unresolved values leave the tags unknown): a function call per resource is
# measurable on a large monorepo.
package gatepost.lib.tags

# Kubernetes kinds whose labels are checked, and which of them carry a pod template.
k8s_labelled := {"Namespace", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"}

k8s_workloads := k8s_labelled - {"Namespace"}

# Every taggable Terraform resource present. An array, not a set: a set of whole resources
# costs a deep comparison of objects per insertion.
cloud_resources := [r |
	some rs in input.by_type
	some r in rs
	r.links.tags
]

# JSON pointer of a path (`["settings", 0, "user_labels"]` -> `/settings/0/user_labels`).
pointer_of(path) := concat("", [sprintf("/%v", [p]) | some p in path])

is_unresolved(v) if {
	is_string(v)
	startswith(v, "${")
}

# pointer(r): where the resource keeps its own tags or labels.
pointer(r) := r.links.tags.pointer

# located_value(r, key): {"address", "pointer", "value"} of where the tag's effective value
# is written: the resource's own tags, else the provider's defaults.
located_value(r, key) := v if {
	at := r.links.tags.at[key]
	v := {"address": written_by(r, at), "pointer": at.pointer, "value": at.value}
}

written_by(r, at) := r.links.provider.address if at.provider

written_by(r, at) := r.address if not at.provider

# Kubernetes label sets to check: {r, labels, pointer, what}. Workloads are checked on their
# own metadata and on their pod template, which is what cost and ownership tools read.
k8s_label_sets := array.concat(k8s_own_labels, k8s_template_labels)

k8s_own_labels := [item |
	some kind in k8s_labelled
	some r in input.by_type[kind]
	labels := object.get(r.attrs, ["metadata", "labels"], {})
	item := {"r": r, "labels": labels, "pointer": "/metadata/labels", "what": "labels"}
]

k8s_template_labels := [item |
	some kind in k8s_labelled
	kind != "Pod"
	some r in input.by_type[kind]
	is_array(r.links.pod_path)
	template := array.slice(r.links.pod_path, 0, count(r.links.pod_path) - 1)
	labels := object.get(r.attrs, array.concat(template, ["metadata", "labels"]), {})
	item := {"r": r, "labels": labels, "pointer": sprintf("%s/metadata/labels", [pointer_of(template)]), "what": "pod template labels"}
]

# A value that is missing in substance: null, or a string of only white space.
blank(v) if v == null

blank(v) if {
	is_string(v)
	trim_space(v) == ""
}

# Dates: `days(s)` is the day number (days since 1970-01-01) of a valid ISO date
# `YYYY-MM-DD`, undefined for anything else. Pure arithmetic, so no time builtins are needed.
days_from_civil(y, m, d) := n if {
	y2 := march_year(y, m)
	era := floor(y2 / 400)
	yoe := y2 - (era * 400)
	doy := (floor(((153 * march_month(m)) + 2) / 5) + d) - 1
	doe := (((yoe * 365) + floor(yoe / 4)) - floor(yoe / 100)) + doy
	n := ((era * 146097) + doe) - 719468
}

march_year(y, m) := y - 1 if m <= 2

march_year(y, m) := y if m > 2

march_month(m) := m + 9 if m <= 2

march_month(m) := m - 3 if m > 2

days_in_month(y, m) := days_from_civil(y + 1, 1, 1) - days_from_civil(y, 12, 1) if m == 12

days_in_month(y, m) := days_from_civil(y, m + 1, 1) - days_from_civil(y, m, 1) if m < 12

days(s) := n if {
	is_string(s)
	# The shape rules out zero parts, so no part is all zeros once leading zeros are trimmed
	# (to_number rejects leading zeros).
	regex.match(`^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`, s)
	parts := split(s, "-")
	y := to_number(parts[0])
	m := to_number(trim_left(parts[1], "0"))
	d := to_number(trim_left(parts[2], "0"))
	d <= days_in_month(y, m)
	n := days_from_civil(y, m, d)
}
