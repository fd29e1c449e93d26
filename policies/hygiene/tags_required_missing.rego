# METADATA
# title: Required ownership tags or labels are missing
# description: |
#   Without app, owner, environment and cost-center tags nobody can tell who pays for a
#   resource, whom to ask before deleting it, or which environment it serves; orphaned
#   micro-app resources then run for months. Checked on every taggable AWS, GCP and Azure
#   resource (effective tags: AWS `tags` over the provider's `default_tags`, GCP `labels` over
#   `default_labels`, Azure `tags`) and on Kubernetes namespaces and workloads (their own
#   labels and their pod template's). Types that cannot carry tags are not checked.
#   Configuration: `hygiene.required_tags` (default app, owner, env, cost-center) and
#   `hygiene.tag_patterns`, a map from tag to the regular expression its value must match
#   (default none). Unresolved values are not judged.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/resource-tagging
#   - https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/
# custom:
#   id: tags-required-missing
#   family: hygiene
#   severity: low
#   fix: 'Add the missing tags, once for all AWS resources in the provider block: default_tags { tags = { app = "...", owner = "...", env = "...", cost-center = "..." } } (GCP: default_labels; Kubernetes: metadata.labels and the pod template labels).'
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
package gatepost.rules.tags_required_missing

import data.gatepost.lib.tags

required := object.get(input.config, ["hygiene", "required_tags"], [])

patterns := object.get(input.config, ["hygiene", "tag_patterns"], {})

# What is wrong with one tag set, as phrases; empty when nothing is.
# One function of comprehensions and builtins: on a large monorepo this runs once per
# resource, and each call of a Rego function costs about as much as the check itself.
problems(set) := array.concat(array.concat(
	[sprintf("missing %s", [concat(", ", missing)]) | count(missing) > 0],
	[sprintf("empty %s", [concat(", ", empty)]) | count(empty) > 0],
), mismatched) if {
	present := object.keys(set)
	missing := [k | some k in required; not k in present]
	blank := {k | some k, v in set; v == null} | {k | some k, v in set; is_string(v); trim_space(v) == ""}
	empty := [k | some k in required; k in blank]
	mismatched := [sprintf("%s %q does not match %s", [k, v, p]) |
		some k, p in patterns
		v := set[k]
		is_string(v)
		not startswith(v, "${")
		not regex.match(p, v)
	]
}

deny contains finding if {
	some r in data.gatepost.lib.tags.cloud_resources
	set := r.links.tags.effective
	ps := problems(set)
	count(ps) > 0
	finding := {
		"address": r.address,
		"pointer": tags.pointer(r),
		"message": sprintf("%s tags: %s", [r.address, concat("; ", ps)]),
	}
}

deny contains finding if {
	some item in data.gatepost.lib.tags.k8s_label_sets
	is_object(item.labels)
	ps := problems(item.labels)
	count(ps) > 0
	finding := {
		"address": item.r.address,
		"pointer": item.pointer,
		"message": sprintf("%s %s %s: %s", [item.r.type, object.get(item.r.attrs, ["metadata", "name"], ""), item.what, concat("; ", ps)]),
	}
}
