package gatepost.rules.disallowed_type_for_env_test

import data.gatepost.rules.disallowed_type_for_env as rule

config := {"hygiene": {"env_tag": "env", "app_envs": {"cfg-app": "dev"}, "allowed_types": {"dev": ["t3.*", "db.t4g.*", "e2-*", "Standard_B*"]}}}

# A resource as the normalizer links it: its own `tags` are its effective tags.
res(type, app, attrs) := {"config": config, "by_type": {type: [{"kind": "terraform.resource", "type": type, "address": "r", "app": app, "attrs": attrs, "unresolved": [], "links": {"tags": {"pointer": "/tags", "effective": object.get(attrs, "tags", {}), "at": {}}}}]}}

test_dev_instance_outside_the_list if {
	d := rule.deny with input as res("aws_instance", "a", {"instance_type": "m5.large", "tags": {"env": "dev"}})
	some f in d
	f.pointer == "/instance_type"
}

test_dev_instance_inside_the_list if {
	count(rule.deny) == 0 with input as res("aws_instance", "a", {"instance_type": "t3.small", "tags": {"env": "Dev"}})
	count(rule.deny) == 0 with input as res("aws_db_instance", "a", {"instance_class": "db.t4g.micro", "tags": {"env": "dev"}})
	count(rule.deny) == 0 with input as res("azurerm_linux_virtual_machine", "a", {"size": "Standard_B2s", "tags": {"env": "dev"}})
}

test_unrestricted_env_and_unknown_env_pass if {
	count(rule.deny) == 0 with input as res("aws_instance", "a", {"instance_type": "m5.large", "tags": {"env": "prod"}})
	count(rule.deny) == 0 with input as res("aws_instance", "a", {"instance_type": "m5.large"})
}

test_env_from_app_config if {
	count(rule.deny) == 1 with input as res("google_container_node_pool", "cfg-app", {"node_config": [{"machine_type": "n2-standard-8"}]})
	count(rule.deny) == 0 with input as res("google_container_node_pool", "cfg-app", {"node_config": [{"machine_type": "e2-medium"}]})
}

test_node_group_types_each if {
	d := rule.deny with input as res("aws_eks_node_group", "cfg-app", {"instance_types": ["t3.medium", "c5.large"]})
	count(d) == 1
	some f in d
	f.pointer == "/instance_types/1"
}

test_unresolved_size_is_not_judged if {
	count(rule.deny) == 0 with input as res("aws_instance", "cfg-app", {"instance_type": "${var.size}"})
}
