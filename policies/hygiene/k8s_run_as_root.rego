# METADATA
# title: Container may run as root
# description: |
#   A container runs as root unless its effective runAsUser (the container's, else the
#   pod's) is non-zero or runAsNonRoot is true; root in a container is one kernel bug away
#   from root on the node. (Pod-security guardrails belong to the hygiene family: they
#   harden a workload rather than spend or grant anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-run-as-root
#   family: hygiene
#   severity: medium
#   fix: 'Set securityContext.runAsNonRoot: true and a non-zero runAsUser (pod level, or per container), and build the image with a non-root USER.'
#   types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_run_as_root

import data.gatepost.lib.k8s

# The container's setting, else the pod's. Two exclusive definitions rather than `else`: the
# compiled form does not fall through to `else` when a body's assignment is undefined.
effective(c, field) := k8s.container_sc(c)[field]

effective(c, field) := k8s.pod_sc(c)[field] if not field in object.keys(k8s.container_sc(c))

root(c) if effective(c, "runAsUser") == 0

root(c) if {
	not effective(c, "runAsUser")
	not effective(c, "runAsUser") == 0
	not effective(c, "runAsNonRoot") == true
}

pointer(c) := sprintf("%s/securityContext/runAsUser", [c.pointer]) if {
	k8s.container_sc(c).runAsUser == 0
} else := sprintf("%s/securityContext/runAsUser", [c.resource.links.pod_pointer]) if {
	k8s.pod_sc(c).runAsUser == 0
	not k8s.container_sc(c).runAsUser
} else := k8s.at(c, [["securityContext", "runAsNonRoot"], ["securityContext"]])

placeholder(c) if {
	some field in ["runAsUser", "runAsNonRoot"]
	some base in [c.pointer, c.resource.links.pod_pointer]
	k8s.unresolved(c.resource, sprintf("%s/securityContext/%s", [base, field]))
}

deny contains finding if {
	some c in data.gatepost.lib.k8s.containers
	root(c)
	not placeholder(c)
	finding := {
		"address": c.resource.address,
		"pointer": pointer(c),
		"message": sprintf("container %q may run as root (no non-zero runAsUser and no runAsNonRoot: true)", [object.get(c.container, "name", "")]),
	}
}
