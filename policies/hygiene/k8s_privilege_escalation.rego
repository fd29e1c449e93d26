# METADATA
# title: Container allows privilege escalation
# description: |
#   Unless allowPrivilegeEscalation is false, a process can gain more privileges than its
#   parent (setuid binaries, file capabilities); Kubernetes defaults it to true. The
#   restricted Pod Security Standard requires false. (Pod-security guardrails belong to the
#   hygiene family: they harden a workload rather than spend or grant anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-privilege-escalation
#   family: hygiene
#   severity: medium
#   fix: 'Set securityContext.allowPrivilegeEscalation: false on every container.'
#   types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_privilege_escalation

import data.gatepost.lib.k8s

deny contains finding if {
	some c in data.gatepost.lib.k8s.containers
	object.get(k8s.container_sc(c), "allowPrivilegeEscalation", true) != false
	not k8s.unresolved(c.resource, sprintf("%s/securityContext/allowPrivilegeEscalation", [c.pointer]))
	finding := {
		"address": c.resource.address,
		"pointer": k8s.at(c, [["securityContext", "allowPrivilegeEscalation"], ["securityContext"]]),
		"message": sprintf("container %q does not set allowPrivilegeEscalation: false", [object.get(c.container, "name", "")]),
	}
}
