package gatepost.rules.k8s_image_without_digest_test

import data.gatepost.rules.k8s_image_without_digest as rule

pod(image) := {"by_type": {"Pod": [{"address": "p", "attrs": {"spec": {"containers": [{"name": "a", "image": image}]}}, "links": {"pod_path": ["spec"], "pod_pointer": "/spec"}}]}}

test_tag_without_digest_is_denied if {
	count(rule.deny) == 1 with input as pod("nginx:1.25")
}

test_digest_and_untagged_pass if {
	count(rule.deny) == 0 with input as pod("nginx:1.25@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
	count(rule.deny) == 0 with input as pod("nginx")
}
