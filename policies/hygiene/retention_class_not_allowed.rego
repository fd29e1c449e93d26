# METADATA
# title: Retention class tag has a value outside the allowed list
# description: |
#   A retention class tells backup, lifecycle and clean-up tooling how long data may be kept.
#   A value the tooling does not know (a typo, "forever") silently opts the resource out of
#   every retention policy. Checked where the tag is present: on taggable cloud resources
#   (effective tags, provider defaults included) and on Kubernetes namespaces. Configuration:
#   `hygiene.retention_tag` (default `retention`) and `hygiene.allowed_retention` (default
#   ephemeral, short, standard, long; an empty list turns the check off). Whether the tag is
#   required at all is up to `hygiene.required_tags`.
# custom:
#   id: retention-class-not-allowed
#   family: hygiene
#   severity: low
#   fix: 'Set the retention tag to one of the allowed classes (by default: ephemeral, short, standard, long), or add the class to hygiene.allowed_retention once the data owners have defined it.'
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
#     google_sql_database_instance, google_storage_bucket, Namespace]
package gatepost.rules.retention_class_not_allowed

import data.gatepost.lib.tags

key := object.get(input.config, ["hygiene", "retention_tag"], "retention")

allowed := object.get(input.config, ["hygiene", "allowed_retention"], [])

not_allowed(v) if {
	count(allowed) > 0
	not tags.is_unresolved(v)
	not v in allowed
}

message(v) := sprintf("%s %v is not an allowed retention class (%s)", [key, v, concat(", ", allowed)])

deny contains finding if {
	some r in data.gatepost.lib.tags.cloud_resources
	r.links.tags.effective
	at := tags.located_value(r, key)
	not_allowed(at.value)
	finding := {"address": at.address, "pointer": at.pointer, "message": message(at.value)}
}

deny contains finding if {
	some r in input.by_type.Namespace
	v := r.attrs.metadata.labels[key]
	not_allowed(v)
	finding := {
		"address": r.address,
		"pointer": sprintf("/metadata/labels/%s", [key]),
		"message": message(v),
	}
}
