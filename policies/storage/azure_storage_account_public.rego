# METADATA
# title: Azure storage account allows anonymous blob access or is open to every network
# description: |
#   allow_nested_items_to_be_public (allow_blob_public_access before azurerm 3.0) = true
#   lets containers be made anonymous. A network rule set whose default action is Allow, an
#   IP rule of 0.0.0.0/0, or public network access turned on with no deny rules lets any
#   address on the internet reach the account's endpoints.
# related_resources:
#   - https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent
#   - https://learn.microsoft.com/azure/storage/common/storage-network-security
# custom:
#   id: azure-storage-account-public
#   family: storage
#   severity: high
#   fix: 'Set allow_nested_items_to_be_public = false and network_rules { default_action = "Deny" } with the subnets and addresses the app uses.'
#   types: [azurerm_storage_account, azurerm_storage_account_network_rules]
package gatepost.rules.azure_storage_account_public

deny contains finding if {
	some r in input.by_type.azurerm_storage_account
	some key in ["allow_nested_items_to_be_public", "allow_blob_public_access"]
	r.attrs[key] == true
	finding := {
		"address": r.address,
		"pointer": sprintf("/%s", [key]),
		"message": sprintf("%s allows anonymous blob access (%s = true)", [r.address, key]),
	}
}

# Network rules, inline or as their own resource.
rule_sets contains s if {
	some r in input.by_type.azurerm_storage_account
	some i, n in r.attrs.network_rules
	s := {"resource": r, "pointer": sprintf("/network_rules/%d", [i]), "rules": n}
}

rule_sets contains s if {
	some r in input.by_type.azurerm_storage_account_network_rules
	s := {"resource": r, "pointer": "", "rules": r.attrs}
}

deny contains finding if {
	some s in rule_sets
	s.rules.default_action == "Allow"
	finding := {
		"address": s.resource.address,
		"pointer": concat("", [s.pointer, "/default_action"]),
		"message": sprintf("%s lets every network in (default_action = \"Allow\")", [s.resource.address]),
	}
}

deny contains finding if {
	some s in rule_sets
	some i, ip in s.rules.ip_rules
	ip in {"0.0.0.0/0", "0.0.0.0", "*", "Internet"}
	finding := {
		"address": s.resource.address,
		"pointer": sprintf("%s/ip_rules/%d", [s.pointer, i]),
		"message": sprintf("%s allows every address (%q)", [s.resource.address, ip]),
	}
}

deny contains finding if {
	some r in input.by_type.azurerm_storage_account
	r.attrs.public_network_access_enabled == true
	count(object.get(r.attrs, "network_rules", [])) == 0
	finding := {
		"address": r.address,
		"pointer": "/public_network_access_enabled",
		"message": sprintf("%s turns public network access on without network rules", [r.address]),
	}
}
