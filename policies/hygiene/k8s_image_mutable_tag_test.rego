package gatepost.rules.k8s_image_mutable_tag_test

import data.gatepost.rules.k8s_image_mutable_tag as rule

pod(image) := {"by_type": {"Pod": [{"address": "p", "attrs": {"spec": {"containers": [{"name": "a", "image": image}]}}, "links": {"pod_path": ["spec"], "pod_pointer": "/spec"}, "unresolved": ["/spec/containers/0/image"]}]}}

pod_known(image) := {"by_type": {"Pod": [{"address": "p", "attrs": {"spec": {"containers": [{"name": "a", "image": image}]}}, "links": {"pod_path": ["spec"], "pod_pointer": "/spec"}}]}}

test_untagged_and_latest_are_denied if {
	count(rule.deny) == 1 with input as pod_known("nginx")
	count(rule.deny) == 1 with input as pod_known("registry:5000/team/nginx:latest")
}

test_versions_digests_and_placeholders_pass if {
	count(rule.deny) == 0 with input as pod_known("registry:5000/nginx:1.25")
	count(rule.deny) == 0 with input as pod_known("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
	count(rule.deny) == 0 with input as pod("$IMAGE")
}
