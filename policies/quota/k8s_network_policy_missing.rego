# METADATA
# title: Workload is not covered by any NetworkPolicy
# description: |
#   Pods that no NetworkPolicy selects accept traffic from every pod in the cluster and can
#   reach anything. A namespace that runs workloads without any NetworkPolicy is reported
#   once, on its first workload; when the namespace has policies, each workload none of them
#   selects is reported. NetworkPolicies sit with quotas as the per-namespace isolation
#   every micro-app ships with.
# related_resources:
#   - https://kubernetes.io/docs/concepts/services-networking/network-policies/
# custom:
#   id: k8s-network-policy-missing
#   family: quota
#   severity: medium
#   fix: 'Add a NetworkPolicy to the namespace: a default deny (podSelector: {}, policyTypes [Ingress, Egress]) plus policies that allow the traffic each workload needs.'
#   types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, PodTemplate, Configuration, Revision, Rollout, Service]
package gatepost.rules.k8s_network_policy_missing

import data.gatepost.lib.k8s

running(r) if r.type != "PodTemplate"

deny contains finding if {
	some r in data.gatepost.lib.k8s.workloads
	running(r)
	ns := r.links.namespace_policies
	count(ns.network_policies) == 0
	ns.first_workload == r.address
	finding := {
		"address": r.address,
		"pointer": "/metadata/name",
		"message": sprintf("namespace %q runs %s %s but has no NetworkPolicy in the scanned files", [ns.name, r.type, k8s.name(r)]),
	}
}

deny contains finding if {
	some r in data.gatepost.lib.k8s.workloads
	running(r)
	count(r.links.namespace_policies.network_policies) > 0
	count(r.links.network_policies) == 0
	finding := {
		"address": r.address,
		"pointer": "/metadata/name",
		"message": sprintf("no NetworkPolicy in namespace %q selects the pods of %s %s", [r.links.namespace_policies.name, r.type, k8s.name(r)]),
	}
}
