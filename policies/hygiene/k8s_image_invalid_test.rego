package gatepost.rules.k8s_image_invalid_test

import data.gatepost.rules.k8s_image_invalid as rule

pod(image) := {"by_type": {"Pod": [{"address": "p", "attrs": {"spec": {"containers": [{"name": "a", "image": image}]}}, "links": {"pod_path": ["spec"], "pod_pointer": "/spec"}}]}}

test_invalid_references_are_denied if {
	count(rule.deny) == 1 with input as pod("Nginx:1.0")
	count(rule.deny) == 1 with input as pod("nginx 1.0")
	count(rule.deny) == 1 with input as pod("")
}

test_valid_references_pass if {
	count(rule.deny) == 0 with input as pod("nginx")
	count(rule.deny) == 0 with input as pod("registry.example.com:5000/team/app_x:v1.2-rc1")
	count(rule.deny) == 0 with input as pod("ghcr.io/o/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
}
