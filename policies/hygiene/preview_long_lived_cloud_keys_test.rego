package gatepost.rules.preview_long_lived_cloud_keys_test

import data.gatepost.rules.preview_long_lived_cloud_keys as rule

job(id, attrs, wf_env) := {"by_type": {"github.job": [{"kind": "github.job", "type": "github.job", "address": sprintf("wf#%s", [id]), "attrs": attrs, "links": {"id": id, "workflow": {"address": "wf", "env": wf_env}}}]}}

test_configure_aws_credentials_with_keys if {
	steps := [{"uses": "aws-actions/configure-aws-credentials@v4", "with": {"aws-access-key-id": "${{ secrets.AWS_ACCESS_KEY_ID }}", "aws-secret-access-key": "${{ secrets.AWS_SECRET_ACCESS_KEY }}", "aws-region": "us-east-1"}}]
	d := rule.deny with input as job("deploy", {"environment": "preview", "steps": steps}, {})
	count(d) == 2
	some f in d
	f.pointer == "/steps/0/with/aws-access-key-id"
}

test_job_and_step_env if {
	attrs := {"env": {"GOOGLE_CREDENTIALS": "${{ secrets.GCP_SA_KEY }}"}, "steps": [{"run": "x", "env": {"ARM_CLIENT_SECRET": "${{ secrets.ARM_CLIENT_SECRET }}"}}]}
	d := rule.deny with input as job("deploy-staging", attrs, {})
	count(d) == 2
}

test_workflow_env_is_reported_on_the_workflow if {
	d := rule.deny with input as job("review-app", {"steps": []}, {"AWS_SECRET_ACCESS_KEY": "${{ secrets.KEY }}"})
	some f in d
	f.address == "wf"
	f.pointer == "/env/AWS_SECRET_ACCESS_KEY"
}

test_oidc_and_non_preview_jobs_pass if {
	oidc := [{"uses": "aws-actions/configure-aws-credentials@v4", "with": {"role-to-assume": "arn:aws:iam::1:role/x", "aws-region": "us-east-1"}}]
	count(rule.deny) == 0 with input as job("deploy-preview", {"permissions": {"id-token": "write"}, "steps": oidc}, {})
	keys := [{"uses": "aws-actions/configure-aws-credentials@v4", "with": {"aws-access-key-id": "${{ secrets.AWS_ACCESS_KEY_ID }}"}}]
	count(rule.deny) == 0 with input as job("build", {"steps": keys}, {})
}

test_environment_object_name_counts if {
	attrs := {"environment": {"name": "staging", "url": "https://x"}, "env": {"AWS_ACCESS_KEY_ID": "${{ secrets.AWS_ACCESS_KEY_ID }}"}}
	count(rule.deny) == 1 with input as job("ship", attrs, {})
}

test_plain_values_are_not_keys if {
	count(rule.deny) == 0 with input as job("preview", {"env": {"AWS_ACCESS_KEY_ID": "AKIAEXAMPLE"}}, {})
}
