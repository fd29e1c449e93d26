# METADATA
# title: GCS bucket keeps legacy object ACLs (uniform bucket-level access off)
# description: |
#   Without uniform bucket-level access every object can carry its own ACL, so one upload
#   with a public ACL publishes that object whatever the bucket's IAM says. It is off unless
#   set.
# related_resources:
#   - https://cloud.google.com/storage/docs/uniform-bucket-level-access
# custom:
#   id: gcp-storage-uniform-access-disabled
#   family: storage
#   severity: medium
#   fix: 'Set uniform_bucket_level_access = true and grant access with IAM.'
#   types: [google_storage_bucket]
package gatepost.rules.gcp_storage_uniform_access_disabled

deny contains finding if {
	some r in input.by_type.google_storage_bucket
	object.get(r.attrs, "uniform_bucket_level_access", false) == false
	finding := {
		"address": r.address,
		"pointer": "/uniform_bucket_level_access",
		"message": sprintf("%s allows per-object ACLs (uniform_bucket_level_access is not true)", [r.address]),
	}
}
