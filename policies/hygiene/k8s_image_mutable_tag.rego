# METADATA
# title: Container image has no tag or uses latest
# description: |
#   An image without a tag means :latest, which moves: two nodes can run different code
#   under the same manifest, and a rollback does not roll anything back. (Pod-security
#   guardrails belong to the hygiene family: they harden a workload rather than spend or
#   grant anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/containers/images/#image-names
# custom:
#   id: k8s-image-mutable-tag
#   family: hygiene
#   severity: medium
#   fix: 'Pin the image to a version tag and, better, its digest (image: registry/app:1.4.2@sha256:...).'
#   types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_image_mutable_tag

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

deny contains finding if {
	some i in images
	not digest(i.image)
	version(i.image) in {"", "latest"}
	finding := {
		"address": i.c.resource.address,
		"pointer": i.pointer,
		"message": sprintf("container %q uses image %q, which has no fixed version", [object.get(i.c.container, "name", ""), i.image]),
	}
}

version(image) := tag(image)

version(image) := "" if not tag(image)
