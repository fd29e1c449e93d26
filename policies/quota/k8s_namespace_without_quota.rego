# METADATA
# title: Namespace has no ResourceQuota or LimitRange
# description: |
#   Without a ResourceQuota (or at least a LimitRange) one app's runaway deployment can take
#   the whole cluster's CPU and memory. Each micro-app namespace carries its own quota.
# related_resources:
#   - https://kubernetes.io/docs/concepts/policy/resource-quotas/
# custom:
#   id: k8s-namespace-without-quota
#   family: quota
#   severity: medium
#   fix: 'Add a ResourceQuota to the namespace (e.g. requests.cpu "2", limits.memory 8Gi) and a LimitRange with default requests and limits.'
#   types: [Namespace]
package gatepost.rules.k8s_namespace_without_quota

deny contains finding if {
	some r in input.by_type.Namespace
	count(r.links.namespace_policies.resource_quotas) == 0
	count(r.links.namespace_policies.limit_ranges) == 0
	finding := {
		"address": r.address,
		"pointer": "/metadata/name",
		"message": sprintf("namespace %q has no ResourceQuota or LimitRange in the scanned files", [r.attrs.metadata.name]),
	}
}
