# METADATA
# title: Container adds Linux capabilities
# description: |
#   Capabilities beyond NET_BIND_SERVICE widen what a compromised process can do to the
#   node: SYS_ADMIN is nearly root, NET_RAW allows spoofing and sniffing, NET_ADMIN
#   reconfigures networking. (Pod-security guardrails belong to the hygiene family: they
#   harden a workload rather than spend or grant anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-capabilities-added
#   family: hygiene
#   severity: medium
#   fix: 'Remove the capability from securityContext.capabilities.add; keep drop: [ALL] and add back only NET_BIND_SERVICE if the process binds a low port.'
#   types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_capabilities_added

import data.gatepost.lib.k8s

dangerous := {"ALL", "SYS_ADMIN", "NET_RAW", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH", "SYS_RAWIO", "BPF", "PERFMON"}

deny contains finding if {
	some c in data.gatepost.lib.k8s.containers
	some j, cap in k8s.container_sc(c).capabilities.add
	name := upper(trim_prefix(upper(cap), "CAP_"))
	name != "NET_BIND_SERVICE"
	finding := {
		"address": c.resource.address,
		"pointer": sprintf("%s/securityContext/capabilities/add/%d", [c.pointer, j]),
		"message": sprintf("container %q adds the %s capability", [object.get(c.container, "name", ""), name]),
		"severity": severity(name),
	}
}

severity(name) := "high" if name in dangerous

severity(name) := "medium" if not name in dangerous
