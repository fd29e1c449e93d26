# METADATA
# title: Pod shares the host network, PID or IPC namespace
# description: |
#   hostNetwork lets a pod bind node ports and sniff node traffic, hostPID lets it see and
#   signal every process on the node, hostIPC lets it read other processes' shared memory.
#   (Pod-security guardrails belong to the hygiene family: they harden a workload rather
#   than spend or grant anything.)
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-host-namespaces
#   family: hygiene
#   severity: high
#   fix: 'Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false).'
#   types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_host_namespaces

import data.gatepost.lib.k8s

deny contains finding if {
	some r in data.gatepost.lib.k8s.workloads
	spec := k8s.pod_spec(r)
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	spec[field] == true
	finding := {
		"address": r.address,
		"pointer": sprintf("%s/%s", [r.links.pod_pointer, field]),
		"message": sprintf("%s %s sets %s: true", [r.type, k8s.name(r), field]),
	}
}
