# METADATA
# title: Binding grants cluster-admin
# description: |
#   A RoleBinding or ClusterRoleBinding to the cluster-admin ClusterRole gives its subjects
#   every permission (in the namespace, or in the whole cluster): a leaked service-account
#   token then owns the cluster.
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: k8s-cluster-admin-binding
#   family: iam
#   severity: critical
#   fix: 'Bind a Role that lists only the resources and verbs the subject needs instead of cluster-admin.'
#   types: [ClusterRoleBinding, RoleBinding]
package gatepost.rules.k8s_cluster_admin_binding

deny contains finding if {
	some kind in ["ClusterRoleBinding", "RoleBinding"]
	some r in input.by_type[kind]
	r.attrs.roleRef.kind == "ClusterRole"
	r.attrs.roleRef.name == "cluster-admin"
	subjects := [sprintf("%v %v", [object.get(s, "kind", ""), object.get(s, "name", "")]) | some s in object.get(r.attrs, "subjects", [])]
	finding := {
		"address": r.address,
		"pointer": "/roleRef/name",
		"message": sprintf("%s %s grants cluster-admin to %s", [kind, object.get(r.attrs, ["metadata", "name"], ""), concat(", ", subjects)]),
	}
}
