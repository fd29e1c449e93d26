# METADATA
# title: Expiry tag is missing, unparsable, past or too far out
# description: |
#   Micro-apps are meant to be short-lived; an expiry date is what lets a clean-up job (or a
#   person) remove one that nobody renewed. A Terraform app carries the date on every taggable
#   cloud resource (effective tags, so one entry in the provider's `default_tags` or
#   `default_labels` covers all of them); a Kubernetes app carries it as a label of its
#   namespace, or, when no Namespace object in the scan declares the namespace its workloads
#   run in, as a label of one of its workloads (own or pod template labels); such an app (one
#   directory and namespace) with none is reported once, on its first workload. The value must be an ISO date (YYYY-MM-DD), not in the past and at most
#   `hygiene.max_expiry_days` (default 180) days after today. Configuration:
#   `hygiene.expiry_tag` (default `expires-on`), `hygiene.max_expiry_days`, and `today`
#   (YYYY-MM-DD, set from the system clock unless configured). A value inherited from the
#   provider is reported once, at the provider.
# custom:
#   id: expiry-tag-invalid
#   family: hygiene
#   severity: medium
#   fix: 'Tag the app with its end date, e.g. default_tags { tags = { expires-on = "2025-09-30" } } in the provider, or the label expires-on: "2025-09-30" on the namespace (or, with no Namespace object, on a workload); renew it before it passes.'
#   types: [aws_acm_certificate, aws_alb, aws_ami, aws_api_gateway_rest_api, aws_apigatewayv2_api,
#     aws_apprunner_service, aws_athena_workgroup, aws_backup_vault,
#     aws_cloudfront_distribution, aws_cloudwatch_event_rule, aws_cloudwatch_log_group,
#     aws_cloudwatch_metric_alarm, aws_codebuild_project, aws_cognito_user_pool,
#     aws_db_instance, aws_db_parameter_group, aws_db_subnet_group, aws_docdb_cluster,
#     aws_dynamodb_table, aws_ebs_volume, aws_ecr_repository, aws_ecs_cluster, aws_ecs_service,
#     aws_ecs_task_definition, aws_efs_file_system, aws_eip, aws_eks_cluster,
#     aws_eks_node_group, aws_elasticache_cluster, aws_elasticache_replication_group,
#     aws_elasticache_subnet_group, aws_elasticsearch_domain, aws_elb, aws_glue_job,
#     aws_iam_instance_profile, aws_iam_policy, aws_iam_role, aws_iam_user, aws_instance,
#     aws_internet_gateway, aws_kinesis_stream, aws_kms_key, aws_lambda_function,
#     aws_launch_template, aws_lb, aws_lb_listener, aws_lb_target_group, aws_lightsail_instance,
#     aws_mq_broker, aws_msk_cluster, aws_nat_gateway, aws_neptune_cluster, aws_network_acl,
#     aws_opensearch_domain, aws_rds_cluster, aws_rds_cluster_instance, aws_redshift_cluster,
#     aws_route53_zone, aws_route_table, aws_s3_bucket, aws_secretsmanager_secret,
#     aws_security_group, aws_sfn_state_machine, aws_sns_topic, aws_sqs_queue,
#     aws_ssm_parameter, aws_subnet, aws_vpc, aws_vpc_endpoint, aws_wafv2_web_acl,
#     azurerm_app_service, azurerm_app_service_plan, azurerm_application_gateway,
#     azurerm_application_insights, azurerm_container_app, azurerm_container_app_environment,
#     azurerm_container_group, azurerm_container_registry, azurerm_cosmosdb_account,
#     azurerm_dns_zone, azurerm_eventhub_namespace, azurerm_function_app, azurerm_key_vault,
#     azurerm_kubernetes_cluster, azurerm_kubernetes_cluster_node_pool, azurerm_lb,
#     azurerm_linux_function_app, azurerm_linux_virtual_machine, azurerm_linux_web_app,
#     azurerm_log_analytics_workspace, azurerm_managed_disk, azurerm_mssql_database,
#     azurerm_mssql_server, azurerm_mysql_flexible_server, azurerm_network_interface,
#     azurerm_network_security_group, azurerm_postgresql_flexible_server,
#     azurerm_private_endpoint, azurerm_public_ip, azurerm_redis_cache, azurerm_resource_group,
#     azurerm_service_plan, azurerm_servicebus_namespace, azurerm_storage_account,
#     azurerm_user_assigned_identity, azurerm_virtual_machine, azurerm_virtual_network,
#     azurerm_windows_virtual_machine, azurerm_windows_web_app,
#     google_artifact_registry_repository, google_bigquery_dataset, google_bigquery_table,
#     google_cloud_run_service, google_cloud_run_v2_job, google_cloud_run_v2_service,
#     google_cloudfunctions2_function, google_cloudfunctions_function, google_compute_address,
#     google_compute_disk, google_compute_forwarding_rule, google_compute_image,
#     google_compute_instance, google_compute_snapshot, google_container_cluster,
#     google_container_node_pool, google_dataproc_cluster, google_filestore_instance,
#     google_kms_crypto_key, google_pubsub_subscription, google_pubsub_topic,
#     google_redis_instance, google_secret_manager_secret, google_spanner_instance,
#     google_sql_database_instance, google_storage_bucket, Namespace, Deployment, StatefulSet,
#     DaemonSet, ReplicaSet, Job, CronJob, Pod]
package gatepost.rules.expiry_tag_invalid

import data.gatepost.lib.tags

key := object.get(input.config, ["hygiene", "expiry_tag"], "expires-on")

max_days := object.get(input.config, ["hygiene", "max_expiry_days"], 180)

today := object.get(input.config, "today", "")

# Today's day number, computed once rather than per value checked.
today_days := tags.days(today)

# Why an expiry value is wrong; undefined when it is fine or cannot be known.
value_problem(v) := "is not a date in YYYY-MM-DD form" if {
	not tags.is_unresolved(v)
	not tags.days(v)
} else := msg if {
	tags.days(v) < today_days
	msg := sprintf("has passed (today is %s)", [today])
} else := msg if {
	(tags.days(v) - today_days) > max_days
	msg := sprintf("is more than %d days after today (%s)", [max_days, today])
}

deny contains finding if {
	some r in data.gatepost.lib.tags.cloud_resources
	set := r.links.tags.effective
	not key in object.keys(set)
	finding := {
		"address": r.address,
		"pointer": tags.pointer(r),
		"message": sprintf("%s has no %s tag: nothing says when this app may be removed", [r.address, key]),
	}
}

deny contains finding if {
	some r in data.gatepost.lib.tags.cloud_resources
	r.links.tags.effective
	at := tags.located_value(r, key)
	problem := value_problem(at.value)
	finding := {
		"address": at.address,
		"pointer": at.pointer,
		"message": sprintf("%s %v %s", [key, at.value, problem]),
	}
}

deny contains finding if {
	some r in input.by_type.Namespace
	labels := object.get(r.attrs, ["metadata", "labels"], {})
	not key in object.keys(labels)
	finding := {
		"address": r.address,
		"pointer": "/metadata/labels",
		"message": sprintf("namespace %s has no %s label: nothing says when this app may be removed", [object.get(r.attrs, ["metadata", "name"], ""), key]),
	}
}

deny contains finding if {
	some r in input.by_type.Namespace
	v := r.attrs.metadata.labels[key]
	problem := value_problem(v)
	finding := {
		"address": r.address,
		"pointer": sprintf("/metadata/labels/%s", [key]),
		"message": sprintf("%s %v %s", [key, v, problem]),
	}
}

# Workloads whose namespace no Namespace object in the scan declares: their app is the
# directory and namespace they share, and the date sits on the workloads' labels.
declared_namespaces := {object.get(n.attrs, ["metadata", "name"], "") | some n in input.by_type.Namespace}

undeclared_workloads contains r if {
	some kind in data.gatepost.lib.tags.k8s_workloads
	some r in input.by_type[kind]
	ns := object.get(r, ["links", "namespace"], "default")
	not ns in declared_namespaces
}

# [address, pointer of the label set, value] of each expiry label on such a workload.
workload_expiry contains [s.r.address, s.pointer, s.labels[key]] if {
	some s in data.gatepost.lib.tags.k8s_label_sets
	s.r.type != "Namespace"
	key in object.keys(s.labels)
}

app_of(r) := [r.app, object.get(r, ["links", "namespace"], "default")]

undeclared_addresses := {r.address | some r in undeclared_workloads}

# Apps with an expiry label on at least one of their workloads (sets, not nested loops: a
# large cluster repo has thousands of workloads).
apps_with_expiry := {app_of(r) | some r in undeclared_workloads; r.address in expiry_addresses}

expiry_addresses := {e[0] | some e in workload_expiry}

# [app, file, line, address] of every such workload, sorted: the first of each app is where
# a missing label is reported.
members := sort([[app_of(r), r.file, r.line, r.address] | some r in undeclared_workloads])

deny contains finding if {
	some i, m in members
	not m[0] in apps_with_expiry
	first_of_app(i)
	finding := {
		"address": m[3],
		"pointer": "/metadata/labels",
		"message": sprintf("app %s (namespace %s, declared by no Namespace object) has no %s label on any workload: nothing says when it may be removed", [m[0][0], m[0][1], key]),
	}
}

first_of_app(i) if i == 0

first_of_app(i) if {
	i > 0
	members[i - 1][0] != members[i][0]
}

deny contains finding if {
	some e in workload_expiry
	e[0] in undeclared_addresses
	problem := value_problem(e[2])
	finding := {
		"address": e[0],
		"pointer": sprintf("%s/%s", [e[1], key]),
		"message": sprintf("%s %v %s", [key, e[2], problem]),
	}
}
