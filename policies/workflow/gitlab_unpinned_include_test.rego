package gatepost.rules.gitlab_unpinned_include_test

import data.gatepost.rules.gitlab_unpinned_include as rule

pipeline(include) := {"by_type": {"gitlab.pipeline": [{"address": "ci", "attrs": {"include": include}}]}}

pointers(inp) := {f.pointer | some f in rule.deny with input as inp}

test_plain_remote_url_is_denied if {
	pointers(pipeline("https://example.com/ci.yml")) == {"/include"}
}

test_unpinned_forms_are_denied if {
	pointers(pipeline([
		{"remote": "https://example.com/ci.yml"},
		{"project": "group/templates", "file": "/ci.yml"},
		{"project": "group/templates", "ref": "main", "file": "/ci.yml"},
		{"component": "$CI_SERVER_FQDN/group/comp/build@~latest"},
		{"component": "gitlab.com/group/comp/build"},
		"http://example.com/other.yml",
	])) == {"/include/0/remote", "/include/1/project", "/include/2/ref", "/include/3/component", "/include/4/component", "/include/5"}
}

test_pinned_and_local_forms_pass if {
	count(rule.deny) == 0 with input as pipeline([
		"/ci/build.yml",
		{"local": "/ci/test.yml"},
		{"template": "Auto-DevOps.gitlab-ci.yml"},
		{"project": "group/templates", "ref": "v1.4.2", "file": "/ci.yml"},
		{"project": "group/templates", "ref": "0123456789abcdef0123456789abcdef01234567", "file": "/ci.yml"},
		{"project": "group/templates", "ref": "$TEMPLATES_REF", "file": "/ci.yml"},
		{"remote": "https://example.com/ci.yml", "integrity": "sha256-L3/GAoKaw0Arw6hDCKeKQlV1QPEgHYxGBHsH4zG1IY8="},
		{"component": "$CI_SERVER_FQDN/group/comp/build@1.0.3"},
	])
}

test_trigger_include_of_a_job if {
	inp := {"by_type": {"gitlab.job": [{"address": "ci#t", "attrs": {"trigger": {"include": [{"project": "g/p", "ref": "develop", "file": "x.yml"}]}}}]}}
	pointers(inp) == {"/trigger/include/0/ref"}
}
