package gatepost.rules.gha_template_injection_test

import data.gatepost.rules.gha_template_injection as rule

job(step, exprs) := {"by_type": {"github.job": [{"address": "j", "file": "w.yml", "attrs": {"steps": [step]}, "links": {"expressions": exprs}}]}}

expr(pointer, path, line) := {"pointer": pointer, "line": line, "column": 1, "expression": path, "contexts": [{"path": path, "line": line, "column": 9}]}

test_issue_title_in_run_is_denied_on_its_line if {
	inp := job({"run": "echo x"}, [expr("/steps/0/run", "github.event.issue.title", 7)])
	some f in rule.deny with input as inp
	f.line == 7
	f.column == 9
}

test_github_script_input_is_a_sink if {
	inp := job({"uses": "actions/github-script@v7", "with": {"script": "x"}}, [expr("/steps/0/with/script", "github.head_ref", 3)])
	count(rule.deny) == 1 with input as inp
}

test_sha_is_not_attacker_text if {
	inp := job({"run": "echo x"}, [expr("/steps/0/run", "github.event.pull_request.head.sha", 7)])
	count(rule.deny) == 0 with input as inp
}

test_expression_outside_a_sink_passes if {
	inp := job({"uses": "some/action@v1", "with": {"title": "x"}}, [expr("/steps/0/with/title", "github.event.issue.title", 3)])
	count(rule.deny) == 0 with input as inp
}
