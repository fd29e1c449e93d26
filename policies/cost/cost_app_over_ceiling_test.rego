package gatepost.rules.cost_app_over_ceiling_test

import data.gatepost.rules.cost_app_over_ceiling as rule

inp(monthly, approved) := {
	"config": {"cost": {"monthly_ceiling": 50, "app_ceilings": {}, "approved_apps": approved, "approval_tag": "cost-approved-by"}},
	"by_type": {},
	"facts": {"costs": {"apps": [{"app": "a", "monthly": monthly, "lower_bound": false, "items": [{"address": "aws_instance.big", "monthly": monthly}]}]}},
}

test_over_ceiling_is_denied if {
	d := rule.deny with input as inp(140.16, [])
	some f in d
	f.address == "aws_instance.big"
	f.severity == "high"
}

test_approved_app_is_informational if {
	d := rule.deny with input as inp(140.16, ["a"])
	some f in d
	f.severity == "info"
}

test_under_ceiling_passes if {
	count(rule.deny) == 0 with input as inp(8.39, [])
}
