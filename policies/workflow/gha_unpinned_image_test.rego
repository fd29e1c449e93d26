package gatepost.rules.gha_unpinned_image_test

import data.gatepost.rules.gha_unpinned_image as rule

job(attrs) := {"by_type": {"github.job": [{"address": "j", "attrs": attrs}]}}

test_untagged_container_is_high if {
	some f in rule.deny with input as job({"container": "node"})
	f.severity == "high"
	f.pointer == "/container"
}

test_latest_service_is_high if {
	some f in rule.deny with input as job({"services": {"db": {"image": "postgres:latest"}}})
	f.pointer == "/services/db/image"
	f.severity == "high"
}

test_tag_only_is_low if {
	some f in rule.deny with input as job({"container": {"image": "registry:5000/app:1.2"}})
	f.severity == "low"
}

test_digest_passes if {
	count(rule.deny) == 0 with input as job({"container": "node:20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
}

test_docker_step_is_checked if {
	some f in rule.deny with input as job({"steps": [{"uses": "docker://alpine"}]})
	f.pointer == "/steps/0/uses"
}
