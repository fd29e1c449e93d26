# METADATA
# title: GitLab job reads credentials in merge request pipelines open to forks
# description: |
#   A merge request pipeline runs the code of the MR's source branch. For a fork's MR, a
#   maintainer can run that pipeline in this project (Run pipeline on the MR), and its jobs
#   then get this project's runners and CI/CD variables - every variable that is not
#   protected, plus `secrets:` and `id_tokens:` - while executing the fork author's code.
#   Static approximation: a job that is not a hidden template is reported when
#   (1) it runs in merge request pipelines: one of its `rules:` matches
#   `$CI_PIPELINE_SOURCE == "merge_request_event"` (or `$CI_MERGE_REQUEST_IID`) without
#   `when: never`, or `only:` lists `merge_requests`, or it has no `rules:`/`only:` and the
#   pipeline's `workflow: rules:` admit merge request pipelines;
#   (2) neither its rules nor `workflow: rules:` look at
#   `$CI_MERGE_REQUEST_SOURCE_PROJECT_ID/PATH/URL` (the way to tell a fork's MR apart);
#   (3) it reads a credential: `secrets:`, `id_tokens:`, `$CI_DEPLOY_PASSWORD`, or a
#   `$VARIABLE` whose name says it is a credential and that the file does not define
#   itself (so it comes from the project's CI/CD settings). GitLab's per-job predefined
#   variables (`$CI_JOB_TOKEN`, `$CI_REGISTRY_PASSWORD`) are not counted.
# related_resources:
#   - https://docs.gitlab.com/ci/pipelines/merge_request_pipelines/
#   - https://docs.gitlab.com/ci/variables/#cicd-variable-security
# custom:
#   id: gitlab-mr-pipeline-secrets
#   family: workflow
#   severity: high
#   fix: 'Keep credentials out of merge request jobs: run deploy/publish jobs only on protected branches or tags (if: $CI_COMMIT_REF_PROTECTED == "true") with protected variables, or skip fork MRs with a rule on $CI_MERGE_REQUEST_SOURCE_PROJECT_ID != $CI_PROJECT_ID (when: never).'
#   types: [gitlab.job]
package gatepost.rules.gitlab_mr_pipeline_secrets

import data.gatepost.lib.credentials
import data.gatepost.lib.gitlab

jobs contains r if {
	some r in input.by_type["gitlab.job"]
	not gitlab.hidden(r)
}

# Where the job is told to run in merge request pipelines ("" = the job header).
own_or_header(r, p) := p if not gitlab.inherited(r, p)

own_or_header(r, p) := "" if gitlab.inherited(r, p)

only_refs(r) := r.attrs.only if is_array(r.attrs.only)

only_refs(r) := r.attrs.only.refs if is_array(r.attrs.only.refs)

mr_triggers(r) := {own_or_header(r, sprintf("/rules/%d", [i])) |
	some i, rule in r.attrs.rules
	gitlab.mr_rule(rule)
} | {own_or_header(r, "/only") | "merge_requests" in only_refs(r)} | {"" |
	not r.attrs.rules
	not r.attrs.only
	not r.attrs.except
	some rule in r.links.workflow.workflow.rules
	gitlab.mr_rule(rule)
}

fork_aware(r) if {
	some rule in r.attrs.rules
	gitlab.fork_guard(rule["if"])
}

fork_aware(r) if {
	some rule in r.links.workflow.workflow.rules
	gitlab.fork_guard(rule["if"])
}

# Every string the job's shell sees: its scripts (a nested list comes from !reference) and
# its variables' values (plain or {value: ...}).
texts(r) := {s |
	some k in ["before_script", "script", "after_script", "variables"]
	some s in strings_in(r.attrs[k])
}

strings_in(v) := {v} if is_string(v)

strings_in(v) := {s | some x in v; is_string(x); s := x} | {s | some x in v; is_array(x); some s in x; is_string(s)} | {s | some x in v; is_string(x.value); s := x.value} if not is_string(v)

# Variables the file itself sets to a literal: not project CI/CD variables.
defined_here(r) := {name |
	some name, v in r.attrs.variables
	is_string(v)
	not gitlab.has_variable(v)
} | {name |
	some name, v in r.attrs.variables
	is_string(v.value)
	not gitlab.has_variable(v.value)
}

# GitLab's own per-job credentials, not project secrets.
job_scoped := {"CI_JOB_TOKEN", "CI_REGISTRY_PASSWORD", "CI_DEPENDENCY_PROXY_PASSWORD", "CI_JOB_JWT", "CI_JOB_JWT_V1", "CI_JOB_JWT_V2"}

referenced(r) := {m[1] |
	some s in texts(r)
	some m in regex.find_all_string_submatch_n(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`, s, -1)
}

credentials_read(r) := {sprintf("$%s", [n]) |
	some n in referenced(r)
	credentials.is_credential_name(n)
	not n in defined_here(r)
	not n in job_scoped
} | {"$CI_DEPLOY_PASSWORD" | "CI_DEPLOY_PASSWORD" in referenced(r)} | {sprintf("%s:", [k]) |
	some k in ["secrets", "id_tokens"]
	count(r.attrs[k]) > 0
}

deny contains finding if {
	some r in jobs
	triggers := mr_triggers(r)
	count(triggers) > 0
	pointer := sort(triggers)[0]
	not fork_aware(r)
	read := credentials_read(r)
	count(read) > 0
	finding := {
		"address": r.address,
		"pointer": pointer,
		"message": sprintf("job %s runs in merge request pipelines, which can run a fork's code in this project, and reads %s", [r.links.id, concat(", ", sort(read))]),
	}
}
