# METADATA
# title: Kubernetes role grants wildcard verbs, resources or API groups
# description: |
#   A Role or ClusterRole rule with "*" grants every verb or every resource, including
#   secrets and the ability to escalate privileges. App service accounts need a short list.
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: k8s-rbac-wildcard
#   family: iam
#   severity: high
#   fix: 'Name the apiGroups, resources and verbs the workload uses instead of "*".'
#   types: [Role, ClusterRole]
package gatepost.rules.k8s_rbac_wildcard

deny contains finding if {
	some kind in ["Role", "ClusterRole"]
	some r in input.by_type[kind]
	some i, rule in r.attrs.rules
	some field in ["verbs", "resources", "apiGroups"]
	some j, v in rule[field]
	v == "*"
	finding := {
		"address": r.address,
		"pointer": sprintf("/rules/%d/%s/%d", [i, field, j]),
		"message": sprintf("%s %s grants \"*\" in %s", [kind, r.attrs.metadata.name, field]),
	}
}
