# METADATA
# title: Container image reference is invalid
# description: |
#   An image reference that does not follow the registry/name:tag@digest grammar (upper-case
#   repository, spaces, empty) can never be pulled: the pod stays in InvalidImageName or
#   ImagePullBackOff. Template placeholders ($IMAGE, ${TAG}) are not judged. (Pod-security
#   guardrails belong to the hygiene family: they harden a workload rather than spend or
#   grant anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/containers/images/#image-names
# custom:
#   id: k8s-image-invalid
#   family: hygiene
#   severity: medium
#   fix: 'Write the image as [registry[:port]/]repository[:tag][@sha256:digest] with a lower-case repository.'
#   types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_image_invalid

import data.gatepost.lib.k8s

images contains item if {
	some c in data.gatepost.lib.k8s.containers
	is_string(c.container.image)
	ptr := sprintf("%s/image", [c.pointer])
	not k8s.unresolved(c.resource, ptr)
	item := {"c": c, "image": c.container.image, "pointer": ptr}
}

# The last path segment (name[:tag]) before any digest.
last_segment(image) := s if {
	parts := split(split(image, "@")[0], "/")
	s := parts[count(parts) - 1]
}

tag(image) := t if {
	seg := last_segment(image)
	contains(seg, ":")
	t := split(seg, ":")[1]
}

digest(image) if contains(image, "@")

component := `[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`

reference := concat("", [
	`^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?/)?`,
	component, `(?:/`, component, `)*`,
	`(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?`,
	`(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
])

deny contains finding if {
	some i in images
	not regex.match(reference, i.image)
	finding := {
		"address": i.c.resource.address,
		"pointer": i.pointer,
		"message": sprintf("container %q has the invalid image reference %q", [object.get(i.c.container, "name", ""), i.image]),
	}
}
