# METADATA
# title: Workloads request more than their namespace quota allows
# description: |
#   The sum of every workload's requests (or limits) in a namespace, times its replicas, is
#   above the namespace's ResourceQuota: the API server will refuse some of the pods, so a
#   rollout stalls half-way. Sums use exact quantity arithmetic; a pod counts the larger of
#   its containers' sum and its largest init container, and a missing request counts as its
#   limit. A DaemonSet counts as one pod.
# related_resources:
#   - https://kubernetes.io/docs/concepts/policy/resource-quotas/
# custom:
#   id: k8s-workloads-exceed-quota
#   family: quota
#   severity: high
#   fix: 'Lower the requests or replicas of the workloads in the namespace, or raise the ResourceQuota (within the per-app ceiling).'
#   types: [ResourceQuota]
package gatepost.rules.k8s_workloads_exceed_quota

# hard key -> (which namespace total, resource)
totals := {
	"requests.cpu": ["total_requests", "cpu"],
	"requests.memory": ["total_requests", "memory"],
	"limits.cpu": ["total_limits", "cpu"],
	"limits.memory": ["total_limits", "memory"],
}

written(hard, key) := key if hard[key]

written(hard, key) := trim_prefix(key, "requests.") if {
	not hard[key]
	hard[trim_prefix(key, "requests.")]
}

deny contains finding if {
	some r in input.by_type.ResourceQuota
	not r.links.scoped
	some key, allowed in r.links.quantities
	[total, res] := totals[key]
	used := r.links.namespace_policies[total][res]
	used > allowed
	w := written(r.attrs.spec.hard, key)
	unit := {"cpu": "m", "memory": " bytes"}[res]
	finding := {
		"address": r.address,
		"pointer": sprintf("/spec/hard/%s", [w]),
		"message": sprintf("workloads in namespace %q need %v%s of %s (summed over replicas), more than ResourceQuota %s allows (%v%s)", [r.links.namespace_policies.name, used, unit, key, r.attrs.metadata.name, allowed, unit]),
	}
}
