package gatepost.rules.azure_storage_account_public_test

import data.gatepost.rules.azure_storage_account_public as rule

account(attrs) := {"by_type": {"azurerm_storage_account": [{"address": "a", "attrs": attrs}]}}

test_nested_items_public_is_denied if {
	count(rule.deny) == 1 with input as account({"allow_nested_items_to_be_public": true})
}

test_default_allow_is_denied if {
	d := rule.deny with input as account({"network_rules": [{"default_action": "Allow"}]})
	some f in d
	f.pointer == "/network_rules/0/default_action"
}

test_any_address_rule_is_denied if {
	count(rule.deny) == 1 with input as account({"network_rules": [{"default_action": "Deny", "ip_rules": ["0.0.0.0/0"]}]})
}

test_separate_rules_resource_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"azurerm_storage_account_network_rules": [{"address": "n", "attrs": {"default_action": "Allow"}}]}}
}

test_deny_with_named_addresses_passes if {
	count(rule.deny) == 0 with input as account({"allow_nested_items_to_be_public": false, "network_rules": [{"default_action": "Deny", "ip_rules": ["100.0.0.1"]}]})
}

test_public_network_access_without_rules_is_denied if {
	count(rule.deny) == 1 with input as account({"public_network_access_enabled": true})
}
