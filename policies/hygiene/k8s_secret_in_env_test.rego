package gatepost.rules.k8s_secret_in_env_test

import data.gatepost.rules.k8s_secret_in_env as rule

pod(c) := {"by_type": {"Pod": [{"address": "p", "attrs": {"spec": {"containers": [c]}}, "links": {"pod_path": ["spec"], "pod_pointer": "/spec"}}]}}

test_secret_key_ref_and_env_from_are_denied if {
	d := rule.deny with input as pod({"name": "a", "env": [{"name": "X", "value": "1"}, {"name": "P", "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}}], "envFrom": [{"secretRef": {"name": "s"}}]})
	count(d) == 2
	some f in d
	f.pointer == "/spec/containers/0/env/1/valueFrom/secretKeyRef"
}

test_config_map_env_passes if {
	count(rule.deny) == 0 with input as pod({"name": "a", "envFrom": [{"configMapRef": {"name": "c"}}]})
}
