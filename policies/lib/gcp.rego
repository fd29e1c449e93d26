# Helpers for GCP IAM grants. Grants come as *_iam_member (member), *_iam_binding (members),
# and data "google_iam_policy" binding blocks applied through *_iam_policy resources.
package gatepost.lib.gcp

public_members := {"allUsers", "allAuthenticatedUsers"}

# Every grant as {resource, role, member, pointer}; KICS-style files also write `members`
# on *_iam_member, so both spellings are read. Heads are bound in the body.
grants contains g if {
	some t, rs in input.by_type
	regex.match(`^google_.+_iam_(member|binding)$`, t)
	some r in rs
	some m in members(r.attrs)
	g := {"resource": r, "role": r.attrs.role, "member": m.value, "pointer": m.pointer}
}

# Bindings of a google_iam_policy data source: on the resource that applies it when there is
# one (links.policy_data), else on the data source itself.
grants contains g if {
	some t, rs in input.by_type
	endswith(t, "_iam_policy")
	t != "google_iam_policy"
	some r in rs
	some i, b in r.links.policy_data.attrs.binding
	some m in members(b)
	g := {"resource": r, "role": b.role, "member": m.value, "pointer": "/policy_data", "binding": i}
}

grants contains g if {
	some d in input.by_type.google_iam_policy
	not d.links.used_by
	some i, b in d.attrs.binding
	some m in members(b)
	g := {"resource": d, "role": b.role, "member": m.value, "pointer": sprintf("/binding/%d%s", [i, m.pointer])}
}

members(a) := ({m | is_string(a.member); m := {"value": a.member, "pointer": "/member"}} | {m |
	is_string(a.members)
	m := {"value": a.members, "pointer": "/members"}
}) | {m |
	is_array(a.members)
	some i, v in a.members
	m := {"value": v, "pointer": sprintf("/members/%d", [i])}
}

# Basic roles that grant (nearly) everything in the project.
primitive_roles := {"roles/owner", "roles/editor"}

admin_role(role) if primitive_roles[role]

admin_role(role) if {
	is_string(role)
	endswith(lower(role), "admin")
}
