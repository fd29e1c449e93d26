# METADATA
# title: NetworkPolicy selects no pods
# description: |
#   A NetworkPolicy whose podSelector matches none of the workloads in its namespace
#   protects nothing, usually because of a typo in a label; the workloads it was meant for
#   stay open. Only reported when the scan holds workloads of that namespace, with label
#   selectors evaluated as Kubernetes does (matchLabels and matchExpressions).
# related_resources:
#   - https://kubernetes.io/docs/concepts/services-networking/network-policies/
# custom:
#   id: k8s-network-policy-selects-nothing
#   family: quota
#   severity: medium
#   fix: 'Fix spec.podSelector so that it matches the labels of the pods it should isolate (or use podSelector: {} for the whole namespace).'
#   types: [NetworkPolicy]
package gatepost.rules.k8s_network_policy_selects_nothing

deny contains finding if {
	some r in input.by_type.NetworkPolicy
	r.links.namespace_policies.workloads > 0
	count(r.links.selected_workloads) == 0
	sel := object.get(r.attrs, ["spec", "podSelector"], {})
	pointer := first_selector_pointer(sel)
	finding := {
		"address": r.address,
		"pointer": pointer,
		"message": sprintf("NetworkPolicy %s selects none of the %d workloads of namespace %q", [r.attrs.metadata.name, r.links.namespace_policies.workloads, r.links.namespace_policies.name]),
	}
}

first_selector_pointer(sel) := sprintf("/spec/podSelector/matchLabels/%s", [k]) if {
	keys := [k | some k, _ in object.get(sel, "matchLabels", {})]
	count(keys) > 0
	k := keys[0]
} else := "/spec/podSelector"
