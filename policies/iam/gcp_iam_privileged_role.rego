# METADATA
# title: GCP grant of a basic (owner/editor) or administrator role
# description: |
#   roles/owner and roles/editor grant nearly every permission in the project. Project-level
#   *Admin roles (roles/iam.serviceAccountAdmin, roles/container.admin...) let the holder
#   administer a whole service and often escalate further. Apps need predefined roles scoped
#   to the resources they use.
# related_resources:
#   - https://cloud.google.com/iam/docs/using-iam-securely#least_privilege
# custom:
#   id: gcp-iam-privileged-role
#   family: iam
#   severity: high
#   fix: 'Grant a narrow predefined role (e.g. roles/storage.objectViewer) on the resource the app uses instead of a basic or project-wide admin role.'
#   types: [google_project_iam_member, google_project_iam_binding, google_folder_iam_member, google_folder_iam_binding, google_organization_iam_member, google_organization_iam_binding, google_iam_policy, google_project_iam_policy]
package gatepost.rules.gcp_iam_privileged_role

import data.gatepost.lib.gcp

# Resource-level grants (a bucket's storage.admin) are scoped already; the hierarchy levels
# and free-standing policies are what this rule judges.
scoped_prefixes := ["google_project_iam_", "google_folder_iam_", "google_organization_iam_", "google_iam_policy"]

deny contains finding if {
	some g in data.gatepost.lib.gcp.grants
	some prefix in scoped_prefixes
	startswith(g.resource.type, prefix)
	gcp.admin_role(g.role)
	finding := {
		"address": g.resource.address,
		"pointer": role_pointer(g),
		"message": sprintf("%s grants %s to %s", [g.resource.address, g.role, g.member]),
	}
}

role_pointer(g) := "/role" if not g.resource.type == "google_iam_policy"

role_pointer(g) := regex.replace(g.pointer, `/members?(/[0-9]+)?$`, "/role") if g.resource.type == "google_iam_policy"
