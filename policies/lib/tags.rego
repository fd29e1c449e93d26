# Tags and labels of cloud resources and Kubernetes objects, for the hygiene rules.
#
# A resource's effective tags are what the cloud will actually carry: AWS `tags` merged over
# the provider's `default_tags` (the normalizer's `tags_all`), GCP `labels` merged over the
# provider's `default_labels`, Azure `tags`. Unresolved values stay `${...}` strings and are
# never judged.
package gatepost.lib.tags

# Types whose tags sit in `tags`. Types that cannot carry tags (policy attachments, bucket
# ACLs and public-access blocks, IAM bindings, DNS records, role assignments) are left out on
# purpose: a rule must not ask for what the API cannot store.
aws_tagged := {
	"aws_instance", "aws_launch_template", "aws_ebs_volume", "aws_eip", "aws_ami",
	"aws_s3_bucket",
	"aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance", "aws_db_subnet_group",
	"aws_db_parameter_group", "aws_dynamodb_table", "aws_docdb_cluster", "aws_neptune_cluster",
	"aws_redshift_cluster", "aws_elasticache_cluster", "aws_elasticache_replication_group",
	"aws_elasticache_subnet_group", "aws_opensearch_domain", "aws_elasticsearch_domain",
	"aws_efs_file_system",
	"aws_sqs_queue", "aws_sns_topic", "aws_kinesis_stream", "aws_msk_cluster", "aws_mq_broker",
	"aws_cloudwatch_event_rule", "aws_sfn_state_machine",
	"aws_lambda_function", "aws_apprunner_service", "aws_lightsail_instance",
	"aws_ecs_cluster", "aws_ecs_service", "aws_ecs_task_definition", "aws_ecr_repository",
	"aws_eks_cluster", "aws_eks_node_group",
	"aws_lb", "aws_alb", "aws_elb", "aws_lb_target_group", "aws_lb_listener",
	"aws_api_gateway_rest_api", "aws_apigatewayv2_api", "aws_cloudfront_distribution",
	"aws_vpc", "aws_subnet", "aws_security_group", "aws_internet_gateway", "aws_nat_gateway",
	"aws_route_table", "aws_vpc_endpoint", "aws_network_acl", "aws_wafv2_web_acl",
	"aws_kms_key", "aws_secretsmanager_secret", "aws_ssm_parameter", "aws_acm_certificate",
	"aws_iam_role", "aws_iam_policy", "aws_iam_user", "aws_iam_instance_profile",
	"aws_cognito_user_pool", "aws_route53_zone",
	"aws_cloudwatch_log_group", "aws_cloudwatch_metric_alarm", "aws_codebuild_project",
	"aws_backup_vault", "aws_glue_job", "aws_athena_workgroup",
	"azurerm_resource_group", "azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine",
	"azurerm_virtual_machine", "azurerm_managed_disk", "azurerm_storage_account",
	"azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool",
	"azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server", "azurerm_mssql_server",
	"azurerm_mssql_database", "azurerm_cosmosdb_account", "azurerm_redis_cache",
	"azurerm_key_vault", "azurerm_virtual_network", "azurerm_network_security_group",
	"azurerm_public_ip", "azurerm_network_interface", "azurerm_lb", "azurerm_application_gateway",
	"azurerm_private_endpoint", "azurerm_dns_zone", "azurerm_container_registry",
	"azurerm_container_app", "azurerm_container_app_environment", "azurerm_container_group",
	"azurerm_service_plan", "azurerm_app_service_plan", "azurerm_app_service",
	"azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_function_app",
	"azurerm_linux_function_app", "azurerm_servicebus_namespace", "azurerm_eventhub_namespace",
	"azurerm_log_analytics_workspace", "azurerm_application_insights",
	"azurerm_user_assigned_identity",
}

# GCP types whose labels sit in `labels` (the ones the provider's default_labels reach).
gcp_labelled := {
	"google_compute_instance", "google_compute_disk", "google_compute_image",
	"google_compute_snapshot", "google_compute_address", "google_compute_forwarding_rule",
	"google_storage_bucket", "google_bigquery_dataset", "google_bigquery_table",
	"google_redis_instance", "google_filestore_instance", "google_spanner_instance",
	"google_pubsub_topic", "google_pubsub_subscription",
	"google_cloudfunctions_function", "google_cloudfunctions2_function",
	"google_cloud_run_v2_service", "google_cloud_run_v2_job",
	"google_kms_crypto_key", "google_secret_manager_secret",
	"google_artifact_registry_repository", "google_dataproc_cluster",
}

# GCP types that keep their labels elsewhere, and where.
gcp_label_paths := {
	"google_sql_database_instance": ["settings", 0, "user_labels"],
	"google_container_cluster": ["resource_labels"],
	"google_container_node_pool": ["node_config", 0, "resource_labels"],
	"google_cloud_run_service": ["metadata", 0, "labels"],
}

# tag_path[type] is where a taggable type keeps its tags, as a path into attrs. A function
# of the type rather than an object of every taggable type: building that object cost each
# rule more than its own work on a small app.
tag_path(t) := ["tags"] if {
	t in aws_tagged
} else := ["labels"] if {
	t in gcp_labelled
} else := gcp_label_paths[t]

taggable_types := (aws_tagged | gcp_labelled) | {t | some t, _ in gcp_label_paths}

# Kubernetes kinds whose labels are checked, and which of them carry a pod template.
k8s_labelled := {"Namespace", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"}

k8s_workloads := k8s_labelled - {"Namespace"}

# Every taggable Terraform resource present (the types present are few; the taggable ones many).
cloud_resources contains r if {
	some t, rs in input.by_type
	tag_path(t)
	some r in rs
	r.kind == "terraform.resource"
}

pointer_of(path) := concat("", [sprintf("/%v", [p]) | some p in path])

is_unresolved(v) if {
	is_string(v)
	startswith(v, "${")
}

# The resource's own tag map is unresolved (a `${...}` string or a listed pointer).
own_unresolved(r) if is_unresolved(object.get(r.attrs, tag_path(r.type), null))

own_unresolved(r) if {
	ptr := pointer_of(tag_path(r.type))
	some u in object.get(r, "unresolved", [])
	u == ptr
}

# The provider's default tags or labels, when set; a string means unresolved.
provider_defaults(r) := d if {
	startswith(r.type, "aws_")
	d := r.links.provider.default_tags
} else := d if {
	tag_path(r.type) == ["labels"]
	d := r.links.provider.default_labels
}

# Where the provider defaults were written, for reporting a value inherited from them.
provider_pointer(r) := "/default_tags/0/tags" if startswith(r.type, "aws_")

provider_pointer(r) := "/default_labels" if startswith(r.type, "google_")

# Tags cannot be known: the own map or the provider defaults are unresolved.
unknown(r) if own_unresolved(r)

unknown(r) if is_string(provider_defaults(r))

own_tags(r) := t if {
	t := object.get(r.attrs, tag_path(r.type), {})
	is_object(t)
} else := {}

# effective(r): the tags the cloud resource will carry, provider defaults included.
effective(r) := t if {
	not unknown(r)
	d := object.get(r, ["links", "provider"], {})
	defaults := object.get(d, "default_tags", null)
	startswith(r.type, "aws_")
	is_object(defaults)
	t := object.union(defaults, own_tags(r))
} else := t if {
	not unknown(r)
	defaults := object.get(r, ["links", "provider", "default_labels"], null)
	tag_path(r.type) == ["labels"]
	is_object(defaults)
	t := object.union(defaults, own_tags(r))
} else := t if {
	not unknown(r)
	t := own_tags(r)
}

# located_value(r, key): {"address", "pointer", "value"} of where the tag's effective value
# is written: the resource's own tags, else the provider's defaults.
located_value(r, key) := v if {
	own := own_tags(r)
	key in object.keys(own)
	v := {"address": r.address, "pointer": sprintf("%s/%s", [pointer_of(tag_path(r.type)), key]), "value": own[key]}
} else := v if {
	d := provider_defaults(r)
	is_object(d)
	key in object.keys(d)
	v := {"address": r.links.provider.address, "pointer": sprintf("%s/%s", [provider_pointer(r), key]), "value": d[key]}
}

# Kubernetes label sets to check: {r, labels, pointer, what}. Workloads are checked on their
# own metadata and on their pod template, which is what cost and ownership tools read.
k8s_label_sets contains item if {
	some kind in k8s_labelled
	some r in input.by_type[kind]
	labels := object.get(r.attrs, ["metadata", "labels"], {})
	item := {"r": r, "labels": labels, "pointer": "/metadata/labels", "what": "labels"}
}

k8s_label_sets contains item if {
	some kind in k8s_labelled
	kind != "Pod"
	some r in input.by_type[kind]
	is_array(r.links.pod_path)
	template := array.slice(r.links.pod_path, 0, count(r.links.pod_path) - 1)
	labels := object.get(r.attrs, array.concat(template, ["metadata", "labels"]), {})
	item := {"r": r, "labels": labels, "pointer": sprintf("%s/metadata/labels", [pointer_of(template)]), "what": "pod template labels"}
}

# A value that is present and not blank.
filled(v) if is_unresolved(v)

filled(v) if {
	is_string(v)
	trim_space(v) != ""
}

filled(v) if {
	not is_string(v)
	v != null
}

# Dates: `days(s)` is the day number (days since 1970-01-01) of a valid ISO date
# `YYYY-MM-DD`, undefined for anything else. Pure arithmetic, so no time builtins are needed.
days_from_civil(y, m, d) := n if {
	y2 := march_year(y, m)
	era := floor(y2 / 400)
	yoe := y2 - (era * 400)
	doy := (floor(((153 * march_month(m)) + 2) / 5) + d) - 1
	doe := (((yoe * 365) + floor(yoe / 4)) - floor(yoe / 100)) + doy
	n := ((era * 146097) + doe) - 719468
}

march_year(y, m) := y - 1 if m <= 2

march_year(y, m) := y if m > 2

march_month(m) := m + 9 if m <= 2

march_month(m) := m - 3 if m > 2

days_in_month(y, m) := days_from_civil(y + 1, 1, 1) - days_from_civil(y, 12, 1) if m == 12

days_in_month(y, m) := days_from_civil(y, m + 1, 1) - days_from_civil(y, m, 1) if m < 12

days(s) := n if {
	is_string(s)
	# The shape rules out zero parts, so no part is all zeros once leading zeros are trimmed
	# (to_number rejects leading zeros).
	regex.match(`^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`, s)
	parts := split(s, "-")
	y := to_number(parts[0])
	m := to_number(trim_left(parts[1], "0"))
	d := to_number(trim_left(parts[2], "0"))
	d <= days_in_month(y, m)
	n := days_from_civil(y, m, d)
}
