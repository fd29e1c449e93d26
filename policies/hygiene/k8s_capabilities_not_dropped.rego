# METADATA
# title: Container does not drop all capabilities
# description: |
#   Containers start with a default set of capabilities, NET_RAW among them (packet spoofing
#   on the pod network). The restricted Pod Security Standard requires drop: [ALL], adding
#   back only what the process needs. (Pod-security guardrails belong to the hygiene family:
#   they harden a workload rather than spend or grant anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-capabilities-not-dropped
#   family: hygiene
#   severity: low
#   fix: 'Add securityContext.capabilities.drop: ["ALL"] to every container (and add back NET_BIND_SERVICE only if needed).'
#   types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_capabilities_not_dropped

import data.gatepost.lib.k8s

dropped(c) := {upper(x) | some x in k8s.container_sc(c).capabilities.drop; is_string(x)}

deny contains finding if {
	some c in data.gatepost.lib.k8s.containers
	not "ALL" in dropped(c)
	keeps := [x | some x in ["NET_RAW"]; not x in dropped(c)]
	note := {true: " (NET_RAW stays available)", false: ""}[count(keeps) > 0]
	finding := {
		"address": c.resource.address,
		"pointer": k8s.at(c, [["securityContext", "capabilities", "drop"], ["securityContext", "capabilities"], ["securityContext"]]),
		"message": sprintf("container %q does not drop ALL capabilities%s", [object.get(c.container, "name", ""), note]),
	}
}
