# METADATA
# title: Production deploy job without a GitHub environment
# description: |
#   GitHub's environments are where required reviewers, wait timers, branch restrictions and
#   environment-scoped secrets live. A production deploy job without `environment:` skips
#   every one of them: any push that reaches the workflow deploys. A job counts as a
#   production deploy when its id or name says prod, production or release, or when it is a
#   deploy job (id or name contains deploy, and not preview, staging, review, dev or test) of a
#   workflow that runs on pushes to main or master. Jobs that call reusable workflows are not
#   checked (the called workflow declares the environment).
# related_resources:
#   - https://docs.github.com/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment
# custom:
#   id: prod-deploy-without-environment
#   family: hygiene
#   severity: medium
#   fix: 'Add environment: production to the job and configure required reviewers and branch protection for that environment in the repository settings; move the deploy secrets to the environment.'
#   types: [github.job]
package gatepost.rules.prod_deploy_without_environment

import data.gatepost.lib.gha

names(job) := [n |
	some n in [job.links.id, object.get(job.attrs, "name", "")]
	is_string(n)
]

# Words of a name, lower-cased (plain string builtins: case-insensitive regexes are slow to
# compile).
words(n) := {w | some w in regex.split(`[^a-z]+`, lower(n))}

says_prod(job) if {
	some n in names(job)
	some w in {"prod", "production", "release"}
	w in words(n)
}

deploy_to_main(job) if {
	some n in names(job)
	contains(lower(n), "deploy")
	not other_env(job)
	pushes_to_main(job.links.workflow.on)
}

other_env(job) if {
	some n in names(job)
	some w in ["preview", "staging", "review", "dev", "test"]
	contains(lower(n), w)
}

main_branches := {"main", "master", "*", "**"}

pushes_to_main(on) if {
	"push" in gha.triggers(on)
	not is_object(on)
}

pushes_to_main(on) if {
	is_object(on)
	"push" in object.keys(on)
	not is_object(on.push)
}

pushes_to_main(on) if {
	is_object(on.push)
	not "branches" in object.keys(on.push)
	not "branches-ignore" in object.keys(on.push)
}

pushes_to_main(on) if {
	some b in on.push.branches
	b in main_branches
}

has_environment(job) if {
	e := job.attrs.environment
	e != null
	e != ""
}

deny contains finding if {
	some job in input.by_type["github.job"]
	not job.attrs.uses
	not has_environment(job)
	some why in reasons(job)
	finding := {
		"address": job.address,
		"pointer": "",
		"message": sprintf("job %s %s but has no environment, so no approval gate or branch rule applies", [job.links.id, why]),
	}
}

reasons(job) := {"deploys to production"} if says_prod(job)

reasons(job) := {"deploys on every push to main"} if {
	not says_prod(job)
	deploy_to_main(job)
}
