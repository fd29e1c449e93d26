package gatepost.rules.azure_storage_container_public_test

import data.gatepost.rules.azure_storage_container_public as rule

container(t) := {"by_type": {"azurerm_storage_container": [{"address": "c", "attrs": {"container_access_type": t}}]}}

test_blob_access_is_denied if {
	count(rule.deny) == 1 with input as container("blob")
}

test_private_passes if {
	count(rule.deny) == 0 with input as container("private")
}
