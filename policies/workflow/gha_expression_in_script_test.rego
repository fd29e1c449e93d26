package gatepost.rules.gha_expression_in_script_test

import data.gatepost.rules.gha_expression_in_script as rule

job(exprs) := {"by_type": {"github.job": [{"address": "j", "file": "w.yml", "attrs": {"steps": [{"run": "x"}]}, "links": {"expressions": exprs}}]}}

test_input_in_run_is_medium if {
	inp := job([{"pointer": "/steps/0/run", "line": 4, "column": 1, "expression": "inputs.x", "contexts": [{"path": "inputs.x", "line": 4, "column": 5}]}])
	some f in rule.deny with input as inp
	f.severity == "medium"
}

test_literal_expression_is_low if {
	inp := job([{"pointer": "/steps/0/run", "line": 4, "column": 1, "expression": "'a'", "contexts": []}])
	some f in rule.deny with input as inp
	f.severity == "low"
	f.line == 4
}

test_attacker_text_is_left_to_template_injection if {
	inp := job([{"pointer": "/steps/0/run", "line": 4, "column": 1, "expression": "github.head_ref", "contexts": [{"path": "github.head_ref", "line": 4, "column": 5}]}])
	count(rule.deny) == 0 with input as inp
}
