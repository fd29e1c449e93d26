package gatepost.rules.gitlab_mr_pipeline_secrets_test

import data.gatepost.rules.gitlab_mr_pipeline_secrets as rule

mr_rule := {"if": "$CI_PIPELINE_SOURCE == \"merge_request_event\""}

job(attrs, links) := {"by_type": {"gitlab.job": [{"address": "ci#deploy", "attrs": attrs, "links": object.union({"id": "deploy"}, links)}]}}

test_mr_job_reading_a_project_token_is_denied if {
	some f in rule.deny with input as job({"rules": [mr_rule], "script": ["curl -H \"PRIVATE-TOKEN: $DEPLOY_TOKEN\" https://x"]}, {})
	f.pointer == "/rules/0"
	contains(f.message, "$DEPLOY_TOKEN")
}

test_only_merge_requests_with_secrets_keyword if {
	some f in rule.deny with input as job({"only": ["merge_requests"], "secrets": {"DB": {"vault": "db/pw@ops"}}, "script": ["make"]}, {})
	f.pointer == "/only"
}

test_workflow_rules_admit_mr_for_jobs_without_rules if {
	some f in rule.deny with input as job({"script": ["aws s3 sync . s3://b --profile x", "echo ${AWS_SECRET_ACCESS_KEY}"]}, {"workflow": {"workflow": {"rules": [mr_rule]}}})
	f.pointer == ""
}

test_inherited_mr_rule_is_reported_on_the_job if {
	some f in rule.deny with input as job({"rules": [mr_rule], "id_tokens": {"T": {"aud": "x"}}}, {"inherited": {"/rules": "ci#.mr"}})
	f.pointer == ""
}

test_fork_guard_passes if {
	guard := {"if": "$CI_MERGE_REQUEST_SOURCE_PROJECT_ID != $CI_PROJECT_ID", "when": "never"}
	count(rule.deny) == 0 with input as job({"rules": [guard, mr_rule], "script": ["echo $API_TOKEN"]}, {})
}

test_no_credentials_or_no_mr_passes if {
	count(rule.deny) == 0 with input as job({"rules": [mr_rule], "script": ["docker login -u x -p $CI_JOB_TOKEN", "echo $CI_COMMIT_SHA"]}, {})
	count(rule.deny) == 0 with input as job({"rules": [{"if": "$CI_COMMIT_BRANCH == \"main\""}], "script": ["echo $API_TOKEN"]}, {})
	count(rule.deny) == 0 with input as job({"rules": [object.union(mr_rule, {"when": "never"})], "script": ["echo $API_TOKEN"]}, {})
}

test_variables_defined_in_the_file_are_not_project_secrets if {
	count(rule.deny) == 0 with input as job({"rules": [mr_rule], "variables": {"DB_PASSWORD": "test"}, "script": ["psql -p $DB_PASSWORD"]}, {})
}

test_hidden_templates_are_skipped if {
	count(rule.deny) == 0 with input as job({"rules": [mr_rule], "script": ["echo $API_TOKEN"]}, {"hidden": true})
}

test_except_merge_requests_opts_out_of_workflow_mr_pipelines if {
	count(rule.deny) == 0 with input as job({"except": ["merge_requests"], "script": ["echo $API_TOKEN"]}, {"workflow": {"workflow": {"rules": [mr_rule]}}})
}
