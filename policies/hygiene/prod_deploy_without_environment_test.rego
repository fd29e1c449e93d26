package gatepost.rules.prod_deploy_without_environment_test

import data.gatepost.rules.prod_deploy_without_environment as rule

job(id, attrs, on) := {"by_type": {"github.job": [{"kind": "github.job", "type": "github.job", "address": id, "attrs": attrs, "links": {"id": id, "workflow": {"on": on}}}]}}

test_prod_job_without_environment if {
	count(rule.deny) == 1 with input as job("deploy-prod", {"runs-on": "x"}, "workflow_dispatch")
	count(rule.deny) == 1 with input as job("ship", {"name": "Release", "runs-on": "x"}, "workflow_dispatch")
}

test_environment_passes if {
	count(rule.deny) == 0 with input as job("deploy-prod", {"environment": "production"}, "push")
	count(rule.deny) == 0 with input as job("deploy-prod", {"environment": {"name": "production"}}, "push")
}

test_deploy_on_push_to_main if {
	count(rule.deny) == 1 with input as job("deploy", {}, {"push": {"branches": ["main"]}})
	count(rule.deny) == 1 with input as job("deploy", {}, ["push", "pull_request"])
	count(rule.deny) == 1 with input as job("deploy", {}, {"push": null})
}

test_deploy_elsewhere_passes if {
	count(rule.deny) == 0 with input as job("deploy", {}, {"push": {"branches": ["develop"]}})
	count(rule.deny) == 0 with input as job("deploy", {}, "pull_request")
	count(rule.deny) == 0 with input as job("deploy-preview", {}, "push")
	count(rule.deny) == 0 with input as job("build", {}, "push")
}

test_products_are_not_prod if {
	count(rule.deny) == 0 with input as job("build-products", {}, "workflow_dispatch")
}

test_reusable_workflow_callers_are_skipped if {
	count(rule.deny) == 0 with input as job("deploy-prod", {"uses": "org/repo/.github/workflows/d.yml@main"}, "push")
}
