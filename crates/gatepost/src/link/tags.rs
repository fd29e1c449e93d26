//! Effective tags: each taggable Terraform resource gets `links.tags`, its own tags merged
//! with its provider's defaults, and where each key is written. The hygiene rules read that
//! instead of re-deriving it per rule in Rego (which cost more than all the other rules of a
//! small app together).
//!
//! `links.tags` = `{"pointer": "/tags", "effective": {key: value}, "at": {key: {"pointer",
//! "value", "provider"}}}`. `effective` is absent when it cannot be known: the resource's own
//! tags or the provider's defaults are unresolved expressions. `at` locates a key on the
//! resource (`provider: false`) or on its provider block (`provider: true`), own keys first.

use crate::model::Resource;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// Types whose tags sit in `tags`: AWS and Azure.
#[rustfmt::skip]
const TAGGED: &[&str] = &[
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
];

/// Google types whose labels sit in `labels`.
#[rustfmt::skip]
const LABELLED: &[&str] = &[
    "google_compute_instance", "google_compute_disk", "google_compute_image",
    "google_compute_snapshot", "google_compute_address", "google_compute_forwarding_rule",
    "google_storage_bucket", "google_bigquery_dataset", "google_bigquery_table",
    "google_redis_instance", "google_filestore_instance", "google_spanner_instance",
    "google_pubsub_topic", "google_pubsub_subscription",
    "google_cloudfunctions_function", "google_cloudfunctions2_function",
    "google_cloud_run_v2_service", "google_cloud_run_v2_job",
    "google_kms_crypto_key", "google_secret_manager_secret",
    "google_artifact_registry_repository", "google_dataproc_cluster",
];

/// Google types whose labels sit elsewhere (and take no provider `default_labels`).
const LABELS_AT: &[(&str, &str)] = &[
    ("google_sql_database_instance", "/settings/0/user_labels"),
    ("google_container_cluster", "/resource_labels"),
    (
        "google_container_node_pool",
        "/node_config/0/resource_labels",
    ),
    ("google_cloud_run_service", "/metadata/0/labels"),
];

/// Where a type keeps its tags or labels (a JSON pointer into `attrs`), if it has any.
pub fn tag_pointer(type_: &str) -> Option<&'static str> {
    static POINTERS: std::sync::LazyLock<HashMap<&str, &str>> = std::sync::LazyLock::new(|| {
        TAGGED
            .iter()
            .map(|t| (*t, "/tags"))
            .chain(LABELLED.iter().map(|t| (*t, "/labels")))
            .chain(LABELS_AT.iter().copied())
            .collect()
    });
    POINTERS.get(type_).copied()
}

/// Every type that carries tags or labels.
pub fn taggable_types() -> impl Iterator<Item = &'static str> {
    TAGGED
        .iter()
        .chain(LABELLED)
        .copied()
        .chain(LABELS_AT.iter().map(|(t, _)| *t))
}

fn is_unresolved(v: &Value) -> bool {
    v.as_str().is_some_and(|s| s.starts_with("${"))
}

/// The provider defaults that apply to a resource, and where they are written in the
/// provider block: AWS `default_tags`, Google `default_labels` for `labels` types.
fn provider_defaults<'a>(r: &'a Resource, pointer: &str) -> Option<(&'a Value, &'static str)> {
    let provider = r.links.get("provider")?;
    if r.type_.starts_with("aws_") {
        Some((provider.get("default_tags")?, "/default_tags/0/tags"))
    } else if pointer == "/labels" {
        Some((provider.get("default_labels")?, "/default_labels"))
    } else {
        None
    }
}

/// `links.tags` for one resource, or None when its type carries no tags.
fn effective_tags(r: &Resource) -> Option<Value> {
    if r.kind != "terraform.resource" {
        return None;
    }
    let pointer = tag_pointer(&r.type_)?;
    let own_value = r.attrs.pointer(pointer);
    let own_unknown =
        own_value.is_some_and(is_unresolved) || r.unresolved.iter().any(|u| u == pointer);
    let empty = Map::new();
    let own = own_value.and_then(Value::as_object).unwrap_or(&empty);
    let defaults = provider_defaults(r, pointer);
    let defaults_unknown = defaults.is_some_and(|(d, _)| d.is_string());

    let mut at = Map::new();
    if let Some((Value::Object(d), base)) = defaults {
        for (k, v) in d {
            at.insert(
                k.clone(),
                json!({"pointer": format!("{base}/{k}"), "value": v, "provider": true}),
            );
        }
    }
    for (k, v) in own {
        at.insert(
            k.clone(),
            json!({"pointer": format!("{pointer}/{k}"), "value": v, "provider": false}),
        );
    }
    let mut out = json!({"pointer": pointer, "at": at});
    if !own_unknown && !defaults_unknown {
        let mut effective = match defaults {
            Some((Value::Object(d), _)) => d.clone(),
            _ => Map::new(),
        };
        effective.extend(own.iter().map(|(k, v)| (k.clone(), v.clone())));
        out["effective"] = Value::Object(effective);
    }
    Some(out)
}

/// Give every taggable resource its `links.tags` (after providers are joined). Each
/// resource reads only itself, so they are done side by side.
pub fn link(resources: &mut [Resource]) {
    crate::par::map_mut(resources, |r| {
        if let Some(t) = effective_tags(r) {
            r.links.insert("tags".into(), t);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource(type_: &str, attrs: Value, provider: Value, unresolved: &[&str]) -> Resource {
        Resource {
            kind: "terraform.resource".into(),
            type_: type_.into(),
            address: format!("{type_}.x"),
            app: "app".into(),
            file: "main.tf".into(),
            line: 1,
            column: 1,
            attrs,
            unresolved: unresolved.iter().map(|s| s.to_string()).collect(),
            links: [("provider".to_string(), provider)].into_iter().collect(),
            spans: Default::default(),
        }
    }

    fn tags_of(r: Resource) -> Value {
        let mut rs = [r];
        link(&mut rs);
        rs[0].links.get("tags").cloned().unwrap_or(Value::Null)
    }

    #[test]
    fn own_tags_win_over_provider_defaults_and_each_key_is_located() {
        let t = tags_of(resource(
            "aws_s3_bucket",
            json!({"tags": {"env": "dev"}}),
            json!({"address": "provider.aws", "default_tags": {"env": "prod", "team": "food"}}),
            &[],
        ));
        assert_eq!(t["pointer"], "/tags");
        assert_eq!(t["effective"], json!({"env": "dev", "team": "food"}));
        assert_eq!(
            t["at"]["env"],
            json!({"pointer": "/tags/env", "value": "dev", "provider": false})
        );
        assert_eq!(
            t["at"]["team"],
            json!({"pointer": "/default_tags/0/tags/team", "value": "food", "provider": true})
        );
    }

    #[test]
    fn unresolved_tags_or_defaults_leave_the_effective_set_unknown() {
        let own = tags_of(resource(
            "aws_instance",
            json!({"tags": "${var.tags}"}),
            json!({}),
            &["/tags"],
        ));
        assert!(own.get("effective").is_none(), "{own}");
        let listed = tags_of(resource(
            "aws_instance",
            json!({"tags": {}}),
            json!({}),
            &["/tags"],
        ));
        assert!(listed.get("effective").is_none(), "{listed}");
        let defaults = tags_of(resource(
            "aws_instance",
            json!({"tags": {"env": "dev"}}),
            json!({"default_tags": "${local.tags}"}),
            &[],
        ));
        assert!(defaults.get("effective").is_none(), "{defaults}");
        // Known keys are still located.
        assert_eq!(defaults["at"]["env"]["pointer"], "/tags/env");
    }

    #[test]
    fn google_labels_take_default_labels_only_where_they_sit_in_labels() {
        let bucket = tags_of(resource(
            "google_storage_bucket",
            json!({"labels": {"app": "menus"}}),
            json!({"address": "provider.google", "default_labels": {"team": "food"}}),
            &[],
        ));
        assert_eq!(bucket["effective"], json!({"app": "menus", "team": "food"}));
        assert_eq!(bucket["at"]["team"]["pointer"], "/default_labels/team");
        let sql = tags_of(resource(
            "google_sql_database_instance",
            json!({"settings": [{"user_labels": {"app": "menus"}}]}),
            json!({"default_labels": {"team": "food"}}),
            &[],
        ));
        assert_eq!(sql["pointer"], "/settings/0/user_labels");
        assert_eq!(sql["effective"], json!({"app": "menus"}));
    }

    #[test]
    fn azure_takes_no_provider_defaults_and_untaggable_types_get_nothing() {
        let rg = tags_of(resource(
            "azurerm_resource_group",
            json!({}),
            json!({"default_tags": {"team": "food"}}),
            &[],
        ));
        assert_eq!(rg["effective"], json!({}));
        let record = tags_of(resource(
            "aws_route53_record",
            json!({}),
            json!({"default_tags": {"team": "food"}}),
            &[],
        ));
        assert_eq!(record, Value::Null);
    }
}
