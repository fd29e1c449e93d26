package gatepost.rules.azure_role_definition_wildcard_test

import data.gatepost.rules.azure_role_definition_wildcard as rule

role(actions) := {"by_type": {"azurerm_role_definition": [{"address": "r", "attrs": {"permissions": [{"actions": actions}]}}]}}

test_star_is_denied if {
	d := rule.deny with input as role(["*"])
	some f in d
	f.pointer == "/permissions/0/actions/0"
}

test_role_definition_write_is_denied if {
	count(rule.deny) == 1 with input as role(["Microsoft.Authorization/roleDefinitions/write"])
}

test_read_passes if {
	count(rule.deny) == 0 with input as role(["Microsoft.Authorization/roleDefinitions/read"])
}

test_owner_on_subscription_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"azurerm_role_assignment": [{"address": "a", "attrs": {"role_definition_name": "Owner", "scope": "/subscriptions/0000"}}]}}
}

test_owner_on_resource_group_passes if {
	count(rule.deny) == 0 with input as {"by_type": {"azurerm_role_assignment": [{"address": "a", "attrs": {"role_definition_name": "Owner", "scope": "/subscriptions/0000/resourceGroups/app"}}]}}
}
