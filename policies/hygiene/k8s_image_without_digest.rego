# METADATA
# title: Container image is pinned by tag but not by digest
# description: |
#   A tag can be pushed again: only a digest names exactly the image that was reviewed and
#   scanned. (Images with no tag or :latest are reported by k8s-image-mutable-tag instead.)
#   (Pod-security guardrails belong to the hygiene family: they harden a workload rather
#   than spend or grant anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/containers/images/#image-names
# custom:
#   id: k8s-image-without-digest
#   family: hygiene
#   severity: low
#   fix: 'Append the digest to the image reference (image: registry/app:1.4.2@sha256:...), e.g. with crane digest or docker buildx imagetools inspect.'
#   types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_image_without_digest

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
	t := tag(i.image)
	t != "latest"
	finding := {
		"address": i.c.resource.address,
		"pointer": i.pointer,
		"message": sprintf("container %q uses image %q without a digest", [object.get(i.c.container, "name", ""), i.image]),
	}
}
