# METADATA
# title: Container runs privileged
# description: |
#   A privileged container has every capability and the host's devices: a compromise of the
#   app is a compromise of the node and of every other app on it. (Pod-security guardrails
#   belong to the hygiene family: they harden a workload rather than spend or grant
#   anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-privileged-container
#   family: hygiene
#   severity: high
#   fix: 'Remove securityContext.privileged (or set it to false) and add only the capabilities the process needs.'
#   types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_privileged_container

import data.gatepost.lib.k8s

deny contains finding if {
	some c in data.gatepost.lib.k8s.containers
	k8s.container_sc(c).privileged == true
	finding := {
		"address": c.resource.address,
		"pointer": sprintf("%s/securityContext/privileged", [c.pointer]),
		"message": sprintf("container %q runs privileged", [object.get(c.container, "name", "")]),
	}
}
