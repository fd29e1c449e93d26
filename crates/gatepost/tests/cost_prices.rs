//! Cost estimates checked against published unit prices written out literally here.

use gatepost::cost::{estimate, price_table_info, CostOptions, CostReport};
use gatepost::model::Resource;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

const H: f64 = 730.0;

fn res(type_: &str, name: &str, attrs: Value) -> Resource {
    Resource {
        kind: "terraform.resource".into(),
        type_: type_.into(),
        address: format!("{type_}.{name}"),
        app: "apps/test".into(),
        file: "main.tf".into(),
        line: 1,
        column: 1,
        attrs,
        unresolved: Vec::new(),
        links: Map::new(),
        spans: BTreeMap::new(),
    }
}

fn with_region(mut r: Resource, region: &str) -> Resource {
    let provider = r.type_.split('_').next().unwrap().to_string();
    r.links.insert(
        "provider".into(),
        json!({"name": provider, "region": region}),
    );
    r
}

fn link(mut r: Resource, name: &str, attrs: Value) -> Resource {
    r.links.insert(name.into(), json!({ "attrs": attrs }));
    r
}

fn run(rs: Vec<Resource>) -> CostReport {
    estimate(&rs, &CostOptions::default())
}

fn only_item_monthly(r: Resource) -> f64 {
    let address = r.address.clone();
    let rep = run(vec![r]);
    let app = &rep.apps[0];
    assert!(
        app.not_priced.is_empty(),
        "{address} not priced: {:?}",
        app.not_priced
    );
    assert_eq!(app.items.len(), 1);
    app.items[0].monthly
}

#[test]
fn priced_configurations_match_published_unit_prices() {
    let aws = |t, a| res(t, "x", a);
    let cases: Vec<(&str, Resource, f64)> = vec![
        // ---- AWS ----
        (
            "t3.micro + default 8 GB gp2 root",
            with_region(
                aws("aws_instance", json!({"instance_type": "t3.micro"})),
                "us-east-1",
            ),
            0.0104 * H + 8.0 * 0.10,
        ),
        (
            "t3.small eu-west-1 20 GB gp3",
            with_region(
                aws(
                    "aws_instance",
                    json!({"instance_type": "t3.small", "root_block_device": [{"volume_size": 20, "volume_type": "gp3"}]}),
                ),
                "eu-west-1",
            ),
            0.0228 * H + 20.0 * 0.088,
        ),
        (
            "m5.large us-west-2 + 100 GB gp3 data",
            with_region(
                aws(
                    "aws_instance",
                    json!({"instance_type": "m5.large", "root_block_device": [{"volume_size": 50}], "ebs_block_device": [{"device_name": "/dev/sdf", "volume_size": 100, "volume_type": "gp3"}]}),
                ),
                "us-west-2",
            ),
            0.096 * H + 50.0 * 0.10 + 100.0 * 0.08,
        ),
        (
            "t4g.micro eu-central-1",
            with_region(
                aws("aws_instance", json!({"instance_type": "t4g.micro"})),
                "eu-central-1",
            ),
            0.0096 * H + 8.0 * 0.119,
        ),
        (
            "c5.large us-east-2 io1 root",
            with_region(
                aws(
                    "aws_instance",
                    json!({"instance_type": "c5.large", "root_block_device": [{"volume_size": 30, "volume_type": "io1", "iops": 1000}]}),
                ),
                "us-east-2",
            ),
            0.085 * H + 30.0 * 0.125 + 1000.0 * 0.065,
        ),
        (
            "r5.large eu-west-1",
            with_region(
                aws(
                    "aws_instance",
                    json!({"instance_type": "r5.large", "root_block_device": [{"volume_size": 8, "volume_type": "gp2"}]}),
                ),
                "eu-west-1",
            ),
            0.141 * H + 8.0 * 0.11,
        ),
        (
            "gp3 500 GB 6000 IOPS 250 MB/s",
            with_region(
                aws(
                    "aws_ebs_volume",
                    json!({"size": 500, "type": "gp3", "iops": 6000, "throughput": 250}),
                ),
                "us-east-1",
            ),
            500.0 * 0.08 + 3000.0 * 0.005 + 125.0 * 0.04,
        ),
        (
            "st1 1 TB eu-west-1",
            with_region(
                aws("aws_ebs_volume", json!({"size": 1000, "type": "st1"})),
                "eu-west-1",
            ),
            1000.0 * 0.05,
        ),
        (
            "io2 100 GB 2000 IOPS",
            with_region(
                aws(
                    "aws_ebs_volume",
                    json!({"size": 100, "type": "io2", "iops": 2000}),
                ),
                "us-east-1",
            ),
            100.0 * 0.125 + 2000.0 * 0.065,
        ),
        (
            "rds postgres db.t3.micro 20 GB",
            with_region(
                aws(
                    "aws_db_instance",
                    json!({"engine": "postgres", "instance_class": "db.t3.micro", "allocated_storage": 20}),
                ),
                "us-east-1",
            ),
            0.018 * H + 20.0 * 0.115,
        ),
        (
            "rds mysql db.m5.large multi-AZ",
            with_region(
                aws(
                    "aws_db_instance",
                    json!({"engine": "mysql", "instance_class": "db.m5.large", "allocated_storage": 100, "storage_type": "gp2", "multi_az": true}),
                ),
                "us-east-1",
            ),
            2.0 * 0.171 * H + 2.0 * 100.0 * 0.115,
        ),
        (
            "rds postgres eu-west-1 db.t3.small",
            with_region(
                aws(
                    "aws_db_instance",
                    json!({"engine": "postgres", "instance_class": "db.t3.small", "allocated_storage": 50, "storage_type": "gp2"}),
                ),
                "eu-west-1",
            ),
            0.038 * H + 50.0 * 0.127,
        ),
        (
            "aurora-postgresql db.r6g.large",
            with_region(
                aws(
                    "aws_rds_cluster_instance",
                    json!({"engine": "aurora-postgresql", "instance_class": "db.r6g.large"}),
                ),
                "us-east-1",
            ),
            0.26 * H,
        ),
        (
            "nat us-east-1",
            with_region(aws("aws_nat_gateway", json!({})), "us-east-1"),
            0.045 * H,
        ),
        (
            "nat eu-central-1",
            with_region(aws("aws_nat_gateway", json!({})), "eu-central-1"),
            0.052 * H,
        ),
        (
            "alb",
            with_region(
                aws("aws_lb", json!({"load_balancer_type": "application"})),
                "us-east-1",
            ),
            0.0225 * H,
        ),
        (
            "nlb eu-west-1",
            with_region(
                aws("aws_lb", json!({"load_balancer_type": "network"})),
                "eu-west-1",
            ),
            0.0252 * H,
        ),
        (
            "classic elb",
            with_region(aws("aws_elb", json!({})), "us-east-1"),
            0.025 * H,
        ),
        (
            "eip",
            with_region(aws("aws_eip", json!({"domain": "vpc"})), "ap-southeast-2"),
            0.005 * H,
        ),
        (
            "eks cluster",
            with_region(aws("aws_eks_cluster", json!({"name": "c"})), "eu-west-1"),
            0.10 * H,
        ),
        (
            "eks node group 3 x t3.large",
            with_region(
                aws(
                    "aws_eks_node_group",
                    json!({"instance_types": ["t3.large"], "scaling_config": [{"desired_size": 3, "min_size": 1, "max_size": 5}]}),
                ),
                "us-east-1",
            ),
            3.0 * 0.0832 * H + 3.0 * 20.0 * 0.10,
        ),
        (
            "ecs fargate 2 x 0.5 vCPU 1 GB",
            link(
                with_region(
                    aws(
                        "aws_ecs_service",
                        json!({"launch_type": "FARGATE", "desired_count": 2}),
                    ),
                    "us-east-1",
                ),
                "task_definition",
                json!({"cpu": "512", "memory": "1024"}),
            ),
            2.0 * (0.5 * 0.04048 + 1.0 * 0.004445) * H,
        ),
        (
            "elasticache 2 x cache.t3.micro",
            with_region(
                aws(
                    "aws_elasticache_cluster",
                    json!({"node_type": "cache.t3.micro", "num_cache_nodes": 2, "engine": "redis"}),
                ),
                "us-east-1",
            ),
            2.0 * 0.017 * H,
        ),
        (
            "kms key",
            with_region(aws("aws_kms_key", json!({})), "eu-central-1"),
            1.0,
        ),
        (
            "secret",
            with_region(
                aws("aws_secretsmanager_secret", json!({"name": "s"})),
                "us-east-1",
            ),
            0.40,
        ),
        (
            "route53 zone",
            with_region(
                aws("aws_route53_zone", json!({"name": "example.com"})),
                "us-east-1",
            ),
            0.50,
        ),
        (
            "interface endpoint in 3 AZs",
            with_region(
                aws(
                    "aws_vpc_endpoint",
                    json!({"vpc_endpoint_type": "Interface", "subnet_ids": ["a", "b", "c"]}),
                ),
                "us-east-1",
            ),
            3.0 * 0.01 * H,
        ),
        (
            "dynamodb provisioned 5/5",
            with_region(
                aws(
                    "aws_dynamodb_table",
                    json!({"billing_mode": "PROVISIONED", "read_capacity": 5, "write_capacity": 5}),
                ),
                "us-east-1",
            ),
            5.0 * 0.00065 * H + 5.0 * 0.00013 * H,
        ),
        (
            "asg 2 x t3.medium via launch template",
            link(
                with_region(
                    aws(
                        "aws_autoscaling_group",
                        json!({"desired_capacity": 2, "min_size": 1, "max_size": 4}),
                    ),
                    "us-east-1",
                ),
                "launch_template",
                json!({"instance_type": "t3.medium"}),
            ),
            2.0 * 0.0416 * H,
        ),
        // ---- GCP ----
        (
            "e2-medium us-central1 + 10 GB pd-standard",
            res(
                "google_compute_instance",
                "x",
                json!({"machine_type": "e2-medium", "zone": "us-central1-a"}),
            ),
            (1.0 * 0.02181159 + 4.0 * 0.00292353) * H + 10.0 * 0.04,
        ),
        (
            "n1-standard-1 europe-west4 with 30% SUD",
            res(
                "google_compute_instance",
                "x",
                json!({"machine_type": "n1-standard-1", "zone": "europe-west4-b", "boot_disk": [{"initialize_params": [{"size": 20, "type": "pd-standard"}]}]}),
            ),
            (1.0 * 0.034802 + 3.75 * 0.004664) * H * 0.70 + 20.0 * 0.044,
        ),
        (
            "n2-standard-2 us-central1 with 20% SUD + 50 GB pd-ssd",
            res(
                "google_compute_instance",
                "x",
                json!({"machine_type": "n2-standard-2", "zone": "us-central1-c", "boot_disk": [{"initialize_params": [{"size": 50, "type": "pd-ssd"}]}]}),
            ),
            (2.0 * 0.031611 + 8.0 * 0.004237) * H * 0.80 + 50.0 * 0.17,
        ),
        (
            "pd-ssd 100 GB (region from provider)",
            with_region(
                res(
                    "google_compute_disk",
                    "x",
                    json!({"type": "pd-ssd", "size": 100}),
                ),
                "us-central1",
            ),
            100.0 * 0.17,
        ),
        (
            "static external address",
            res(
                "google_compute_address",
                "x",
                json!({"region": "us-central1"}),
            ),
            0.005 * H,
        ),
        (
            "gke zonal cluster without default pool",
            res(
                "google_container_cluster",
                "x",
                json!({"location": "us-central1-a", "remove_default_node_pool": true, "initial_node_count": 1}),
            ),
            0.10 * H,
        ),
        (
            "gke pool 2 x e2-standard-4 zonal",
            res(
                "google_container_node_pool",
                "x",
                json!({"location": "us-central1-a", "node_count": 2, "node_config": [{"machine_type": "e2-standard-4"}]}),
            ),
            2.0 * (4.0 * 0.02181159 + 16.0 * 0.00292353) * H + 2.0 * 100.0 * 0.10,
        ),
        (
            "cloud sql db-custom-2-7680 20 GB",
            res(
                "google_sql_database_instance",
                "x",
                json!({"region": "us-central1", "settings": [{"tier": "db-custom-2-7680", "disk_size": 20}]}),
            ),
            (2.0 * 0.0413 + 7.5 * 0.007) * H + 20.0 * 0.17,
        ),
        (
            "cloud sql db-f1-micro regional",
            res(
                "google_sql_database_instance",
                "x",
                json!({"region": "us-central1", "settings": [{"tier": "db-f1-micro", "availability_type": "REGIONAL"}]}),
            ),
            2.0 * 0.0105 * H + 2.0 * 10.0 * 0.17,
        ),
        (
            "memorystore basic 2 GB",
            res(
                "google_redis_instance",
                "x",
                json!({"region": "us-central1", "tier": "BASIC", "memory_size_gb": 2}),
            ),
            2.0 * 0.049 * H,
        ),
        (
            "cloud run v2 min 1 instance 1 vCPU 512Mi",
            res(
                "google_cloud_run_v2_service",
                "x",
                json!({"location": "us-central1", "template": [{"scaling": [{"min_instance_count": 1}], "containers": [{"resources": [{"limits": {"cpu": "1", "memory": "512Mi"}}]}]}]}),
            ),
            H * 3600.0 * (0.000018 + 0.5 * 0.000002),
        ),
        (
            "cloud nat one VM",
            res(
                "google_compute_router_nat",
                "x",
                json!({"region": "us-central1"}),
            ),
            0.0014 * H,
        ),
        // ---- Azure ----
        (
            "B2s eastus + 30 GB Premium P4",
            res(
                "azurerm_linux_virtual_machine",
                "x",
                json!({"size": "Standard_B2s", "location": "eastus", "os_disk": [{"storage_account_type": "Premium_LRS", "caching": "ReadWrite"}]}),
            ),
            0.0416 * H + 5.28,
        ),
        (
            "Windows D2s_v3 East US + 127 GB P10",
            res(
                "azurerm_windows_virtual_machine",
                "x",
                json!({"size": "Standard_D2s_v3", "location": "East US", "os_disk": [{"storage_account_type": "Premium_LRS"}]}),
            ),
            0.188 * H + 19.71,
        ),
        (
            "managed disk Standard_LRS 100 GB (S10)",
            res(
                "azurerm_managed_disk",
                "x",
                json!({"location": "eastus", "storage_account_type": "Standard_LRS", "disk_size_gb": 100}),
            ),
            5.89,
        ),
        (
            "aks standard tier 3 x D2s_v3",
            res(
                "azurerm_kubernetes_cluster",
                "x",
                json!({"location": "eastus", "sku_tier": "Standard", "default_node_pool": [{"name": "default", "vm_size": "Standard_D2s_v3", "node_count": 3}]}),
            ),
            0.10 * H + 3.0 * 0.096 * H,
        ),
        (
            "aks pool 2 x D2s_v3 westeurope (via cluster link)",
            link(
                res(
                    "azurerm_kubernetes_cluster_node_pool",
                    "x",
                    json!({"vm_size": "Standard_D2s_v3", "node_count": 2}),
                ),
                "kubernetes_cluster",
                json!({"location": "westeurope"}),
            ),
            2.0 * 0.12 * H,
        ),
        (
            "service plan Linux B1",
            res(
                "azurerm_service_plan",
                "x",
                json!({"location": "eastus", "os_type": "Linux", "sku_name": "B1"}),
            ),
            0.018 * H,
        ),
        (
            "postgres flexible B1ms 32 GB",
            res(
                "azurerm_postgresql_flexible_server",
                "x",
                json!({"location": "eastus", "sku_name": "B_Standard_B1ms", "storage_mb": 32768}),
            ),
            0.017 * H + 32.0 * 0.115,
        ),
        (
            "mssql S0",
            res(
                "azurerm_mssql_database",
                "x",
                json!({"location": "eastus", "sku_name": "S0"}),
            ),
            14.72,
        ),
        (
            "redis Standard C1",
            res(
                "azurerm_redis_cache",
                "x",
                json!({"location": "eastus", "sku_name": "Standard", "family": "C", "capacity": 1}),
            ),
            0.138 * H,
        ),
        (
            "public ip Standard",
            res(
                "azurerm_public_ip",
                "x",
                json!({"location": "eastus", "sku": "Standard", "allocation_method": "Static"}),
            ),
            0.005 * H,
        ),
        (
            "container registry Basic",
            res(
                "azurerm_container_registry",
                "x",
                json!({"location": "eastus", "sku": "Basic"}),
            ),
            0.167 * H / 24.0,
        ),
    ];
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut failures = Vec::new();
    for (name, r, expected) in cases {
        let got = only_item_monthly(r);
        if (got - expected).abs() > expected.abs() * 0.01 {
            failures.push(format!("{name}: got {got}, expected {expected:.4}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn unresolved_instance_type_is_not_priced_and_makes_a_lower_bound() {
    let mut r = with_region(
        res(
            "aws_instance",
            "web",
            json!({"instance_type": "${var.instance_type}"}),
        ),
        "us-east-1",
    );
    r.unresolved = vec!["/instance_type".into()];
    let ok = with_region(
        res("aws_instance", "ok", json!({"instance_type": "t3.micro"})),
        "us-east-1",
    );
    let rep = run(vec![r, ok]);
    let app = &rep.apps[0];
    assert!(app.lower_bound);
    assert_eq!(app.not_priced.len(), 1);
    assert_eq!(app.not_priced[0].address, "aws_instance.web");
    assert!(
        app.not_priced[0].reason.contains("instance_type"),
        "{}",
        app.not_priced[0].reason
    );
    assert_eq!(app.items.len(), 1);
    assert!((app.monthly - (0.0104 * H + 0.8)).abs() < 0.01);
}

#[test]
fn unresolved_optional_value_keeps_the_item_but_marks_lower_bound() {
    let mut r = with_region(
        res(
            "aws_instance",
            "web",
            json!({"instance_type": "t3.micro", "root_block_device": [{"volume_size": "${var.disk}"}]}),
        ),
        "us-east-1",
    );
    r.unresolved = vec!["/root_block_device/0/volume_size".into()];
    let rep = run(vec![r]);
    let app = &rep.apps[0];
    assert!(app.lower_bound);
    assert_eq!(
        app.items[0].unresolved,
        vec!["/root_block_device/0/volume_size".to_string()]
    );
    assert!((app.items[0].monthly - 0.0104 * H).abs() < 0.01);
}

#[test]
fn multi_az_doubles_instance_and_storage() {
    let db = |multi: bool| {
        with_region(
            res(
                "aws_db_instance",
                "db",
                json!({"engine": "postgres", "instance_class": "db.t3.medium", "allocated_storage": 50, "multi_az": multi}),
            ),
            "us-east-1",
        )
    };
    let single = only_item_monthly(db(false));
    let multi = only_item_monthly(db(true));
    assert!((single - (0.072 * H + 50.0 * 0.115)).abs() < 0.01);
    assert!((multi - 2.0 * single).abs() < 0.02);
}

#[test]
fn count_expanded_resources_are_each_priced() {
    let mut rs = Vec::new();
    for i in 0..3 {
        let mut r = with_region(
            res("aws_instance", "web", json!({"instance_type": "t3.small"})),
            "us-east-1",
        );
        r.address = format!("module.app.aws_instance.web[{i}]");
        rs.push(r);
    }
    let rep = run(rs);
    let app = &rep.apps[0];
    assert_eq!(app.items.len(), 3);
    let each = 0.0208 * H + 0.8;
    assert!((app.monthly - 3.0 * each).abs() < 0.03);
    let addrs: Vec<_> = app.items.iter().map(|i| i.address.as_str()).collect();
    assert_eq!(
        addrs,
        [
            "module.app.aws_instance.web[0]",
            "module.app.aws_instance.web[1]",
            "module.app.aws_instance.web[2]"
        ]
    );
}

#[test]
fn usage_based_items_are_zero_with_an_assumption_until_a_usage_file_is_given() {
    let rs = vec![
        with_region(
            res("aws_s3_bucket", "assets", json!({"bucket": "assets"})),
            "us-east-1",
        ),
        with_region(
            res("aws_lambda_function", "api", json!({"memory_size": 512})),
            "us-east-1",
        ),
        with_region(res("aws_sqs_queue", "jobs", json!({})), "us-east-1"),
    ];
    let rep = estimate(&rs, &CostOptions::default());
    let app = &rep.apps[0];
    assert_eq!(app.items.len(), 3);
    assert!(app.not_priced.is_empty());
    assert!(!app.lower_bound);
    assert_eq!(app.monthly, 0.0);
    for i in &app.items {
        assert!(
            i.assumptions
                .iter()
                .any(|a| a == "usage-based; supply a usage file"),
            "{:?}",
            i.assumptions
        );
    }

    let opts = CostOptions {
        prices: None,
        default_region: None,
        usage: Some(json!({
            "aws_s3_bucket.assets": {"storage_gb": 100, "monthly_get_requests": 1_000_000},
            "aws_lambda_function.api": {"monthly_requests": 2_000_000, "average_duration_ms": 200},
        })),
    };
    let rep = estimate(&rs, &opts);
    let app = &rep.apps[0];
    let get = |a: &str| app.items.iter().find(|i| i.address == a).unwrap().monthly;
    assert!((get("aws_s3_bucket.assets") - (100.0 * 0.023 + 1000.0 * 0.0004)).abs() < 0.01);
    let gb_s = 2_000_000.0 * 0.2 * 0.5;
    assert!((get("aws_lambda_function.api") - (2.0 * 0.20 + gb_s * 0.0000166667)).abs() < 0.01);
    assert_eq!(get("aws_sqs_queue.jobs"), 0.0);
}

#[test]
fn unknown_region_is_not_priced() {
    let rep = run(vec![
        with_region(
            res("aws_instance", "web", json!({"instance_type": "t3.micro"})),
            "xx-mars-1",
        ),
        res(
            "azurerm_linux_virtual_machine",
            "vm",
            json!({"size": "Standard_B2s", "location": "moonbase"}),
        ),
    ]);
    let app = &rep.apps[0];
    assert!(app.items.is_empty());
    assert_eq!(app.not_priced.len(), 2);
    assert!(
        app.not_priced.iter().all(|n| n.reason.contains("region")),
        "{:?}",
        app.not_priced
    );
    assert!(app.lower_bound);
    assert_eq!(app.monthly, 0.0);
}

#[test]
fn unknown_instance_class_is_not_priced() {
    let rep = run(vec![with_region(
        res(
            "aws_instance",
            "web",
            json!({"instance_type": "z9.enormous"}),
        ),
        "us-east-1",
    )]);
    assert!(rep.apps[0].not_priced[0].reason.contains("z9.enormous"));
}

#[test]
fn region_defaults_are_recorded() {
    let r = res("aws_instance", "web", json!({"instance_type": "t3.micro"}));
    let rep = run(vec![r.clone()]);
    let item = &rep.apps[0].items[0];
    assert_eq!(item.region, "us-east-1");
    assert!(item.assumptions.iter().any(|a| a.contains("us-east-1")));
    let opts = CostOptions {
        prices: None,
        default_region: Some("eu-west-1".into()),
        usage: None,
    };
    let rep = estimate(&[r], &opts);
    assert_eq!(rep.apps[0].items[0].region, "eu-west-1");
    // An AWS-shaped default is not applied to Azure.
    let vm = res(
        "azurerm_linux_virtual_machine",
        "vm",
        json!({"size": "Standard_B1s"}),
    );
    let rep = estimate(&[vm], &opts);
    assert_eq!(rep.apps[0].items[0].region, "eastus");
}

#[test]
fn unknown_types_and_other_kinds_are_ignored_and_apps_sorted() {
    let mut k8s = res("aws_instance", "k", json!({"instance_type": "t3.micro"}));
    k8s.kind = "k8s.object".into();
    let unknown = res("aws_iam_role", "r", json!({}));
    let mut b = with_region(res("aws_nat_gateway", "n", json!({})), "us-east-1");
    b.app = "apps/b".into();
    let mut a = with_region(res("aws_eip", "e", json!({})), "us-east-1");
    a.app = "apps/a".into();
    let mut a2 = with_region(res("aws_nat_gateway", "n", json!({})), "us-east-1");
    a2.app = "apps/a".into();
    let rep = run(vec![k8s, unknown, b, a, a2]);
    let names: Vec<_> = rep.apps.iter().map(|a| a.app.as_str()).collect();
    assert_eq!(names, ["apps/a", "apps/b"]);
    let items: Vec<_> = rep.apps[0]
        .items
        .iter()
        .map(|i| i.address.as_str())
        .collect();
    assert_eq!(items, ["aws_nat_gateway.n", "aws_eip.e"]);
    assert!((rep.apps[0].monthly - (0.045 * H + 0.005 * H)).abs() < 0.01);
}

#[test]
fn ecs_service_without_task_definition_is_not_priced() {
    let rep = run(vec![with_region(
        res(
            "aws_ecs_service",
            "s",
            json!({"launch_type": "FARGATE", "desired_count": 1}),
        ),
        "us-east-1",
    )]);
    assert!(rep.apps[0].not_priced[0].reason.contains("task definition"));
}

#[test]
fn price_table_info_counts_points() {
    let info = price_table_info();
    assert!(info.price_points > 10_000);
    assert_eq!(info.per_provider.values().sum::<usize>(), info.price_points);
    assert!(info.sources.contains_key("libcloud-3.9.1"));
    assert!(info.regions["aws"].contains(&"us-east-1".to_string()));
    assert_eq!(info.hours_per_month, 730.0);
}
