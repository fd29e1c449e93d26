# METADATA
# title: Preview or staging deploy uses long-lived cloud keys instead of OIDC
# description: |
#   Preview and staging deploys run on every pull request and branch, often with code nobody
#   has reviewed yet. A long-lived access key stored in repository secrets works from anywhere
#   until someone rotates it; a leaked preview key is a standing credential. GitHub's OIDC
#   token (permissions id-token: write, then role-to-assume / workload identity provider /
#   federated client id) gives the job short-lived credentials scoped to the repository and
#   environment. A job counts as a preview deploy when its id, name or environment matches
#   preview, staging or review. Reported: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
#   GOOGLE_CREDENTIALS, ARM_CLIENT_SECRET or AZURE_CLIENT_SECRET read from secrets (in
#   workflow, job or step env, or any value), and the key inputs of
#   aws-actions/configure-aws-credentials, google-github-actions/auth and azure/login.
# related_resources:
#   - https://docs.github.com/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect
# custom:
#   id: preview-long-lived-cloud-keys
#   family: hygiene
#   severity: high
#   fix: 'Grant permissions: id-token: write on the job and authenticate with OIDC (aws-actions/configure-aws-credentials with role-to-assume, google-github-actions/auth with workload_identity_provider, azure/login with client-id and no secret), then delete the stored keys.'
#   types: [github.job]
package gatepost.rules.preview_long_lived_cloud_keys

import data.gatepost.lib.gha

preview_words := ["preview", "staging", "review"]

key_names := {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "GOOGLE_CREDENTIALS", "ARM_CLIENT_SECRET", "AZURE_CLIENT_SECRET"}

# Inputs of the official login actions that take a long-lived key.
key_inputs := {
	"aws-actions/configure-aws-credentials": {"aws-access-key-id", "aws-secret-access-key"},
	"google-github-actions/auth": {"credentials_json"},
	"azure/login": {"creds"},
}

environment_name(job) := n if {
	n := object.get(job.attrs, "environment", null)
	is_string(n)
} else := n if {
	n := object.get(job.attrs, ["environment", "name"], null)
	is_string(n)
} else := ""

labels(job) := [l |
	some l in [job.links.id, object.get(job.attrs, "name", ""), environment_name(job)]
	is_string(l)
]

preview_jobs contains job if {
	some job in input.by_type["github.job"]
	some l in labels(job)
	some w in preview_words
	contains(lower(l), w)
}

# Jobs are matched by address: comparing whole job objects is slow.
preview_addresses := {job.address | some job in preview_jobs}

from_secrets(v) if {
	is_string(v)
	regex.match(`secrets\s*\.\s*[A-Za-z_]`, v)
}

names_key_secret(v) if {
	is_string(v)
	regex.match(`secrets\s*\.\s*(aws_access_key_id|aws_secret_access_key|google_credentials|arm_client_secret|azure_client_secret)\b`, lower(v))
}

# An env entry that hands a long-lived key to the job.
key_env(name, v) if {
	upper(name) in key_names
	from_secrets(v)
}

key_env(name, v) if names_key_secret(v)

message(job, what) := sprintf("preview deploy job %s authenticates with %s, a long-lived key from secrets; use OIDC (id-token: write + role-to-assume)", [job.links.id, what])

# Job-level env.
deny contains finding if {
	some job in preview_jobs
	some name, v in object.get(job.attrs, "env", {})
	key_env(name, v)
	finding := {"address": job.address, "pointer": sprintf("/env/%s", [name]), "message": message(job, name)}
}

# Workflow-level env reaches every job, the preview one included.
deny contains finding if {
	some job in preview_jobs
	some name, v in object.get(job.links.workflow, "env", {})
	key_env(name, v)
	finding := {
		"address": job.links.workflow.address,
		"pointer": sprintf("/env/%s", [name]),
		"message": sprintf("workflow env %s hands a long-lived key from secrets to the preview deploy jobs; use OIDC (id-token: write + role-to-assume)", [name]),
	}
}

# Step env.
deny contains finding if {
	some item in data.gatepost.lib.gha.steps
	item.r.address in preview_addresses
	some name, v in object.get(item.step, "env", {})
	key_env(name, v)
	finding := {"address": item.r.address, "pointer": sprintf("%s/env/%s", [item.pointer, name]), "message": message(item.r, name)}
}

# Key inputs of the cloud login actions, and any other input naming a key secret.
deny contains finding if {
	some item in data.gatepost.lib.gha.steps
	item.r.address in preview_addresses
	some input_name, v in object.get(item.step, "with", {})
	key_input(item.step, input_name, v)
	finding := {"address": item.r.address, "pointer": sprintf("%s/with/%s", [item.pointer, input_name]), "message": message(item.r, input_name)}
}

key_input(step, name, v) if {
	name in key_inputs[gha.action_name(step)]
	from_secrets(v)
}

key_input(_, _, v) if names_key_secret(v)
