# Helpers for AWS IAM policy documents. The normalizer has already turned every form a
# policy can be written in (JSON string, heredoc, jsonencode, aws_iam_policy_document) into
# the same JSON object, so these only smooth over AWS's "string or list" fields and say where
# each policy lives.
package gatepost.lib.iam

# as_list(x) is x as an array: AWS allows a single string wherever a list is allowed.
as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

# statements(doc, base) lists {pointer, index, statement} for a policy document at JSON
# pointer base.
statements(doc, base) := [{"pointer": sprintf("%s/Statement/%d", [base, i]), "index": i, "statement": s} |
	some i, s in doc.Statement
] if is_array(doc.Statement)

statements(doc, base) := [{"pointer": sprintf("%s/Statement", [base]), "index": 0, "statement": doc.Statement}] if {
	is_object(doc.Statement)
}

allows(s) if object.get(s, "Effect", "Allow") == "Allow"

# Key of the action list in a statement and its values, for Allow statements.
allowed_actions(s) := as_list(s.Action) if {
	allows(s)
	s.Action
}

wildcard_action(a) if a == "*"

wildcard_action(a) if {
	is_string(a)
	endswith(a, ":*")
}

# JSON pointer of a statement field (AWS key: Action, NotAction, Principal, ...), optionally
# of element i of it. aws_iam_policy_document data sources are located in their HCL blocks
# (statement/actions/principals), the others in the JSON document.
hcl_keys := {
	"Action": "actions", "NotAction": "not_actions", "Resource": "resources",
	"NotResource": "not_resources", "Principal": "principals", "NotPrincipal": "not_principals",
	"Condition": "condition", "Effect": "effect",
}

field_pointer(p, st, key) := sprintf("/statement/%d/%s", [st.index, hcl_keys[key]]) if {
	p.kind == "document"
	located_in_blocks(p.resource)
}

field_pointer(p, _, _) := "" if {
	p.kind == "document"
	not located_in_blocks(p.resource)
}

field_pointer(p, st, key) := sprintf("%s/%s", [st.pointer, key]) if p.kind != "document"

element_pointer(p, st, key, i) := sprintf("%s/%d", [field_pointer(p, st, key), i]) if {
	p.kind != "document"
	is_array(st.statement[key])
}

element_pointer(p, st, key, i) := sprintf("%s/%d", [field_pointer(p, st, key), i]) if {
	p.kind == "document"
	located_in_blocks(p.resource)
}

element_pointer(p, st, key, _) := field_pointer(p, st, key) if {
	p.kind != "document"
	not is_array(st.statement[key])
}

element_pointer(p, st, key, _) := field_pointer(p, st, key) if {
	p.kind == "document"
	not located_in_blocks(p.resource)
}

# Statement i of the rendered document is statement block i only without merged sources.
located_in_blocks(d) if {
	not d.attrs.source_policy_documents
	not d.attrs.source_json
}

# A policy attribute whose value is exactly a policy-document data source's rendering: it is
# reported once, on the data source, where the statement lines are.
from_document(r, doc) if [r.app, doc] in rendered_documents

# Every data source's rendering, by app, gathered once: a lookup per policy instead of a
# scan of all data sources per policy.
rendered_documents contains [d.app, d.links.document] if {
	some d in input.by_type.aws_iam_policy_document
	d.links.document
}

# A call to the terraform-aws-modules/s3-bucket module whose code is not in the model. Once
# expanded (`terraform init` left it on disk), rules see the bucket it creates instead.
is_s3_bucket_module(r) if {
	contains(r.attrs.source, "terraform-aws-modules/s3-bucket")
	not r.links.module_dir
}

# Identity policies (attached to users, groups, roles, permission sets) and standalone
# policy-document data sources. Heads are bound in the body: a head that reads a missing key
# would void the whole collection. Policies are gathered in arrays, not sets: a set of
# objects holding whole resources costs a deep comparison per insertion.
identity_policy_attrs := {
	"aws_iam_policy": "policy", "aws_iam_role_policy": "policy", "aws_iam_user_policy": "policy",
	"aws_iam_group_policy": "policy", "aws_ssoadmin_permission_set_inline_policy": "inline_policy",
}

identity_policies := array.concat(array.concat(identity_policies_by_attr, identity_policies_inline), identity_policies_documents)

identity_policies_by_attr := [p |
	some t, attr in identity_policy_attrs
	some r in input.by_type[t]
	doc := r.attrs[attr]
	is_object(doc)
	not from_document(r, doc)
	p := {"resource": r, "pointer": sprintf("/%s", [attr]), "doc": doc, "kind": "identity"}
]

identity_policies_inline := [p |
	some r in input.by_type.aws_iam_role
	some i, ip in r.attrs.inline_policy
	is_object(ip.policy)
	not from_document(r, ip.policy)
	p := {"resource": r, "pointer": sprintf("/inline_policy/%d/policy", [i]), "doc": ip.policy, "kind": "identity"}
]

identity_policies_documents := [p |
	some d in input.by_type.aws_iam_policy_document
	is_object(d.links.document)
	p := {"resource": d, "pointer": "", "doc": d.links.document, "kind": "document"}
]

# Trust policies: who may assume a role.
trust_policies := [p |
	some r in input.by_type.aws_iam_role
	is_object(r.attrs.assume_role_policy)
	p := {"resource": r, "pointer": "/assume_role_policy", "doc": r.attrs.assume_role_policy, "kind": "trust"}
]

# Resource policies: who may use a resource. `service` tells S3 (family storage) apart.
resource_policy_attrs := {
	"aws_s3_bucket_policy": ["s3", "policy"], "aws_s3_bucket": ["s3", "policy"],
	"aws_sns_topic_policy": ["sns", "policy"], "aws_sns_topic": ["sns", "policy"],
	"aws_sqs_queue_policy": ["sqs", "policy"], "aws_sqs_queue": ["sqs", "policy"],
	"aws_kms_key": ["kms", "policy"], "aws_ecr_repository_policy": ["ecr", "policy"],
	"aws_secretsmanager_secret_policy": ["secretsmanager", "policy"],
	"aws_secretsmanager_secret": ["secretsmanager", "policy"],
	"aws_efs_file_system_policy": ["efs", "policy"], "aws_backup_vault_policy": ["backup", "policy"],
	"aws_api_gateway_rest_api_policy": ["apigateway", "policy"],
	"aws_elasticsearch_domain_policy": ["es", "access_policies"],
	"aws_opensearch_domain_policy": ["es", "access_policies"],
}

resource_policy_types := object.keys(resource_policy_attrs) | {"module"}

resource_policies := array.concat(resource_policies_by_attr, resource_policies_modules)

resource_policies_by_attr := [p |
	some t, spec in resource_policy_attrs
	some r in input.by_type[t]
	doc := r.attrs[spec[1]]
	is_object(doc)
	p := {"resource": r, "pointer": sprintf("/%s", [spec[1]]), "doc": doc, "kind": "resource", "service": spec[0]}
]

# The s3-bucket module applies its `policy` input only with attach_policy = true (default
# false); without it the document is never attached to the bucket.
resource_policies_modules := [p |
	some r in input.by_type.module
	is_s3_bucket_module(r)
	r.attrs.attach_policy in {true, "true"}
	is_object(r.attrs.policy)
	p := {"resource": r, "pointer": "/policy", "doc": r.attrs.policy, "kind": "resource", "service": "s3"}
]

# The anonymous principal: "*", {"AWS": "*"} or an account wildcard.
public_principal(p) if p == "*"

public_principal(p) if {
	is_object(p)
	some a in as_list(object.get(p, "AWS", []))
	any_account(a)
}

any_account(a) if a == "*"

any_account(a) if regex.match(`^arn:aws[a-z-]*:iam::\*:`, a)

# Condition keys that tie a wildcard principal to an account, organization, network
# endpoint or calling resource. aws:SourceIp does not: anyone on that network, signed in or
# not, is still let in.
restricting_keys := {
	"aws:sourceaccount", "aws:sourceowner", "aws:sourcearn", "aws:sourcevpc", "aws:sourcevpce",
	"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
	"aws:sourceorgid", "aws:sourceorgpaths", "aws:userid", "aws:username", "aws:principalservicename",
	"kms:calleraccount", "kms:viaservice", "sts:externalid",
}

restricted(s) if {
	some _, tests in s.Condition
	some key, v in tests
	lower(key) in restricting_keys
	not "*" in as_list(v)
}

# Allow statements that let anyone in, without a condition that narrows who.
open_to_anyone(s) if {
	allows(s)
	public_principal(s.Principal)
	not restricted(s)
}
