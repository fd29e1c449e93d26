# METADATA
# title: GCP resource granted to allUsers or allAuthenticatedUsers
# description: |
#   allUsers is anyone on the internet and allAuthenticatedUsers is anyone with a Google
#   account. A key, topic, service account or function granted to either is public. Storage
#   buckets and BigQuery datasets are reported by gcp-storage-public.
# related_resources:
#   - https://cloud.google.com/iam/docs/principals-overview#all-users
# custom:
#   id: gcp-iam-public-member
#   family: iam
#   severity: high
#   fix: 'Grant the role to named service accounts or groups instead of allUsers / allAuthenticatedUsers.'
#   types: [google_project_iam_member, google_project_iam_binding, google_service_account_iam_member, google_service_account_iam_binding, google_service_account_iam_policy, google_kms_crypto_key_iam_member, google_kms_crypto_key_iam_binding, google_kms_crypto_key_iam_policy, google_kms_key_ring_iam_member, google_kms_key_ring_iam_binding, google_kms_key_ring_iam_policy, google_pubsub_topic_iam_member, google_pubsub_topic_iam_binding, google_pubsub_subscription_iam_member, google_pubsub_subscription_iam_binding, google_cloud_run_service_iam_member, google_cloud_run_service_iam_binding, google_cloudfunctions_function_iam_member, google_cloudfunctions_function_iam_binding, google_secret_manager_secret_iam_member, google_secret_manager_secret_iam_binding, google_artifact_registry_repository_iam_member, google_artifact_registry_repository_iam_binding, google_iam_policy]
package gatepost.rules.gcp_iam_public_member

deny contains finding if {
	some g in data.gatepost.lib.gcp.grants
	g.member in data.gatepost.lib.gcp.public_members
	not storage(g.resource.type)
	finding := {
		"address": g.resource.address,
		"pointer": g.pointer,
		"message": sprintf("%s grants %s to %s", [g.resource.address, g.role, g.member]),
	}
}

storage(t) if startswith(t, "google_storage_")

storage(t) if startswith(t, "google_bigquery_")
