package gatepost.rules.gitlab_unpinned_image_test

import data.gatepost.rules.gitlab_unpinned_image as rule

pipeline(attrs) := {"by_type": {"gitlab.pipeline": [{"address": "ci", "attrs": attrs}]}}

job(attrs, links) := {"by_type": {"gitlab.job": [{"address": "ci#j", "attrs": attrs, "links": links}]}}

pointers(inp) := {f.pointer | some f in rule.deny with input as inp}

test_untagged_and_latest_are_denied if {
	pointers(pipeline({
		"image": "ruby",
		"services": ["postgres:latest", {"name": "redis:7.2", "alias": "cache"}, {"name": "registry.example.com:5000/team/tool"}],
		"default": {"image": {"name": "node:latest", "entrypoint": [""]}},
	})) == {"/image", "/services/0", "/services/2/name", "/default/image/name"}
}

test_pinned_tag_digest_and_variables_pass if {
	count(rule.deny) == 0 with input as job({
		"image": "ruby:3.3",
		"services": ["postgres@sha256:0123abcd", "$CI_REGISTRY_IMAGE", {"name": "${CI_REGISTRY}/x:latest"}],
	}, {})
}

test_registry_port_is_not_a_tag if {
	pointers(job({"image": "registry.example.com:5000/app"}, {})) == {"/image"}
}

test_inherited_image_is_reported_where_written if {
	count(rule.deny) == 0 with input as job({"image": "ruby:latest"}, {"inherited": {"/image": "ci#.base"}})
}
