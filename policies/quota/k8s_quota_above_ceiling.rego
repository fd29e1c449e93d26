# METADATA
# title: ResourceQuota is above the per-app ceiling
# description: |
#   Each micro-app namespace gets at most the configured quota (input.config.quota: by
#   default requests.cpu 2, limits.cpu 4, requests.memory 4Gi, limits.memory 8Gi). A larger
#   ResourceQuota lets one app claim capacity budgeted for others. Values are compared
#   exactly, after parsing Kubernetes quantities (500m, 1.5, 4Gi, 1e3).
# related_resources:
#   - https://kubernetes.io/docs/concepts/policy/resource-quotas/
# custom:
#   id: k8s-quota-above-ceiling
#   family: quota
#   severity: medium
#   fix: 'Lower the ResourceQuota hard value to the ceiling, or raise the ceiling for this app in the gatepost configuration (quota.<resource>).'
#   types: [ResourceQuota]
package gatepost.rules.k8s_quota_above_ceiling

# The hard key as written: `cpu` and `memory` mean requests.cpu and requests.memory.
written(hard, key) := key if hard[key]

written(hard, key) := trim_prefix(key, "requests.") if {
	not hard[key]
	hard[trim_prefix(key, "requests.")]
}

deny contains finding if {
	some r in input.by_type.ResourceQuota
	some key, value in r.links.quantities
	ceiling := input.config.quota_canonical[key]
	value > ceiling
	hard := r.attrs.spec.hard
	w := written(hard, key)
	finding := {
		"address": r.address,
		"pointer": sprintf("/spec/hard/%s", [w]),
		"message": sprintf("ResourceQuota %s sets %s to %v, above the per-app ceiling of %v", [r.attrs.metadata.name, w, hard[w], input.config.quota[key]]),
	}
}
