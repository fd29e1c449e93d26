package gatepost.rules.cost_disallowed_instance_type_test

import data.gatepost.rules.cost_disallowed_instance_type as rule

inst(t) := {"config": {}, "by_type": {"aws_instance": [{"address": "i", "attrs": {"instance_type": t}}]}}

test_gpu_is_denied if {
	count(rule.deny) == 1 with input as inst("p4d.24xlarge")
}

test_metal_is_denied if {
	count(rule.deny) == 1 with input as inst("m5.metal")
}

test_small_passes if {
	count(rule.deny) == 0 with input as inst("t3.small")
}

test_large_but_not_huge_passes if {
	count(rule.deny) == 0 with input as inst("m5.2xlarge")
}
