# METADATA
# title: Service account is bound to a wildcard role
# description: |
#   A service account bound to a Role or ClusterRole (found in the scan) whose rules use "*"
#   for verbs, resources or API groups can do anything those wildcards reach, secrets
#   included; every pod running as that account carries the power. The role itself is
#   reported by k8s-rbac-wildcard; this rule names who holds it.
# related_resources:
#   - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: k8s-service-account-wildcard
#   family: iam
#   severity: high
#   fix: 'Bind the service account to a role that lists the apiGroups, resources and verbs it uses, or split the wildcard role.'
#   types: [ClusterRoleBinding, RoleBinding]
package gatepost.rules.k8s_service_account_wildcard

# Roles in the scan with a wildcard, keyed by [kind, namespace, name] (namespace "" for ClusterRoles).
wildcard_roles contains [kind, ns, name] if {
	some kind in ["Role", "ClusterRole"]
	some r in input.by_type[kind]
	some rule in object.get(r.attrs, "rules", [])
	some field in ["verbs", "resources", "apiGroups"]
	"*" in object.get(rule, field, [])
	ns := {true: object.get(r.links, "namespace", "default"), false: ""}[kind == "Role"]
	name := r.attrs.metadata.name
}

role_key(b) := ["Role", object.get(b.links, "namespace", "default"), b.attrs.roleRef.name] if b.attrs.roleRef.kind == "Role"

role_key(b) := ["ClusterRole", "", b.attrs.roleRef.name] if b.attrs.roleRef.kind == "ClusterRole"

deny contains finding if {
	some kind in ["ClusterRoleBinding", "RoleBinding"]
	some b in input.by_type[kind]
	role_key(b) in wildcard_roles
	some i, s in object.get(b.attrs, "subjects", [])
	s.kind == "ServiceAccount"
	finding := {
		"address": b.address,
		"pointer": sprintf("/subjects/%d", [i]),
		"message": sprintf("service account %v/%v is bound by %s %s to %s %s, which grants \"*\"", [object.get(s, "namespace", object.get(b.links, "namespace", "default")), s.name, kind, object.get(b.attrs, ["metadata", "name"], ""), b.attrs.roleRef.kind, b.attrs.roleRef.name]),
	}
}
