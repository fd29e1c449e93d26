# METADATA
# title: Azure storage container allows anonymous reads
# description: |
#   container_access_type "blob" lets anyone read blobs by URL and "container" also lets
#   them list the container's contents.
# related_resources:
#   - https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent
# custom:
#   id: azure-storage-container-public
#   family: storage
#   severity: high
#   fix: 'Set container_access_type = "private" and hand out SAS tokens or use a CDN with private origin access.'
#   types: [azurerm_storage_container]
package gatepost.rules.azure_storage_container_public

deny contains finding if {
	some r in input.by_type.azurerm_storage_container
	r.attrs.container_access_type in {"blob", "container"}
	finding := {
		"address": r.address,
		"pointer": "/container_access_type",
		"message": sprintf("%s allows anonymous access (%q)", [r.address, r.attrs.container_access_type]),
	}
}
