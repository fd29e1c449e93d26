# METADATA
# title: GCS bucket or BigQuery dataset is public
# description: |
#   allUsers is anyone on the internet and allAuthenticatedUsers anyone with a Google
#   account. A bucket, object ACL or dataset granted to either publishes its data.
# related_resources:
#   - https://cloud.google.com/storage/docs/access-control/making-data-public
# custom:
#   id: gcp-storage-public
#   family: storage
#   severity: high
#   fix: 'Grant roles to named service accounts or groups; serve public files through a load balancer or signed URLs.'
#   types: [google_storage_bucket_iam_member, google_storage_bucket_iam_binding, google_storage_bucket_iam_policy, google_storage_bucket_acl, google_storage_default_object_acl, google_storage_object_acl, google_storage_bucket_access_control, google_storage_default_object_access_control, google_storage_object_access_control, google_bigquery_dataset, google_bigquery_dataset_iam_member, google_bigquery_dataset_iam_binding, google_bigquery_dataset_iam_policy, google_bigquery_dataset_access, google_bigquery_table_iam_member, google_bigquery_table_iam_binding, google_iam_policy]
package gatepost.rules.gcp_storage_public

storage(t) if startswith(t, "google_storage_")

storage(t) if startswith(t, "google_bigquery_")

deny contains finding if {
	some g in data.gatepost.lib.gcp.grants
	storage(g.resource.type)
	g.member in data.gatepost.lib.gcp.public_members
	finding := {
		"address": g.resource.address,
		"pointer": g.pointer,
		"message": sprintf("%s grants %s to %s", [g.resource.address, g.role, g.member]),
	}
}

# Legacy ACLs: role_entity = ["READER:allUsers"], entity = "allUsers".
deny contains finding if {
	some t in ["google_storage_bucket_acl", "google_storage_default_object_acl", "google_storage_object_acl"]
	some r in input.by_type[t]
	some i, e in r.attrs.role_entity
	some m in data.gatepost.lib.gcp.public_members
	endswith(e, concat(":", ["", m]))
	finding := {
		"address": r.address,
		"pointer": sprintf("/role_entity/%d", [i]),
		"message": sprintf("%s grants %q", [r.address, e]),
	}
}

deny contains finding if {
	some t in ["google_storage_bucket_access_control", "google_storage_default_object_access_control", "google_storage_object_access_control"]
	some r in input.by_type[t]
	r.attrs.entity in data.gatepost.lib.gcp.public_members
	finding := {
		"address": r.address,
		"pointer": "/entity",
		"message": sprintf("%s grants %s to %s", [r.address, object.get(r.attrs, "role", "access"), r.attrs.entity]),
	}
}

# BigQuery access blocks: special_group / iam_member.
deny contains finding if {
	some r in input.by_type.google_bigquery_dataset
	some i, a in r.attrs.access
	some key in ["special_group", "iam_member"]
	a[key] in data.gatepost.lib.gcp.public_members
	finding := {
		"address": r.address,
		"pointer": sprintf("/access/%d/%s", [i, key]),
		"message": sprintf("%s gives %s access to %s", [r.address, object.get(a, "role", "some"), a[key]]),
	}
}

deny contains finding if {
	some r in input.by_type.google_bigquery_dataset_access
	some key in ["special_group", "iam_member"]
	r.attrs[key] in data.gatepost.lib.gcp.public_members
	finding := {
		"address": r.address,
		"pointer": sprintf("/%s", [key]),
		"message": sprintf("%s gives access to %s", [r.address, r.attrs[key]]),
	}
}
