//! AWS resources. Prices are Linux / shared tenancy / on-demand; see the module docs of
//! `cost` for every default assumed.

use super::item::{need, tryp, Item, Outcome, V};
use serde_json::Value;

/// `None` when the type is not one the estimator knows (it is then ignored).
pub(crate) fn price(it: &mut Item) -> Option<Outcome> {
    Some(match it.r.type_.as_str() {
        "aws_instance" => instance(it),
        "aws_ebs_volume" => ebs_volume(it),
        "aws_db_instance" => db_instance(it),
        "aws_rds_cluster" => rds_cluster(it),
        "aws_rds_cluster_instance" => rds_cluster_instance(it),
        "aws_nat_gateway" => nat_gateway(it),
        "aws_lb" | "aws_alb" => load_balancer(it),
        "aws_elb" => fixed(it, "Classic load balancer", "elb", "classic"),
        "aws_eip" => fixed(it, "Public IPv4 address", "eip", "public-ipv4"),
        "aws_eks_cluster" => fixed(it, "EKS cluster", "eks", "cluster"),
        "aws_eks_node_group" => eks_node_group(it),
        "aws_ecs_service" => ecs_service(it),
        "aws_elasticache_cluster" => elasticache(it),
        "aws_kms_key" => monthly(it, "KMS key", "kms", "key"),
        "aws_secretsmanager_secret" => monthly(it, "Secret", "secretsmanager", "secret"),
        "aws_route53_zone" => monthly(it, "Hosted zone", "route53", "hosted-zone"),
        "aws_vpc_endpoint" => vpc_endpoint(it),
        "aws_cloudwatch_log_group" => log_group(it),
        "aws_dynamodb_table" => dynamodb(it),
        "aws_autoscaling_group" => autoscaling_group(it),
        "aws_lambda_function" => lambda(it),
        "aws_sqs_queue" => sqs(it),
        "aws_s3_bucket" => s3(it),
        _ => return None,
    })
}

fn fixed(it: &mut Item, name: &str, service: &str, key: &str) -> Outcome {
    tryp!(it.add_hourly(name, 1.0, service, key));
    Outcome::Priced
}

fn monthly(it: &mut Item, name: &str, service: &str, key: &str) -> Outcome {
    tryp!(it.add(name, 1.0, service, key));
    Outcome::Priced
}

/// Attrs of a linked resource (`links[name]` is either its attrs or `{attrs: ...}`).
fn linked<'a>(it: &Item<'a>, name: &str) -> Option<&'a Value> {
    let l = it.r.links.get(name)?;
    Some(l.get("attrs").unwrap_or(l))
}

fn ec2_hours(it: &mut Item, instance_type: &str, count: f64) -> Result<(), String> {
    it.add_hourly(
        &format!("Instance usage (Linux, on-demand, {instance_type})"),
        count,
        "ec2",
        instance_type,
    )
}

/// One EBS volume: storage plus the provisioned IOPS / throughput extras.
fn ebs(
    it: &mut Item,
    label: &str,
    vtype: &str,
    size: f64,
    iops: Option<f64>,
    throughput: Option<f64>,
) -> Result<(), String> {
    it.add(&format!("{label} storage ({vtype})"), size, "ebs", vtype)?;
    match vtype {
        // gp3 includes 3000 IOPS and 125 MB/s.
        "gp3" => {
            if let Some(i) = iops.filter(|i| *i > 3000.0) {
                it.add(
                    &format!("{label} provisioned IOPS above 3000"),
                    i - 3000.0,
                    "ebs",
                    "gp3-iops",
                )?;
            }
            if let Some(t) = throughput.filter(|t| *t > 125.0) {
                it.add(
                    &format!("{label} throughput above 125 MB/s"),
                    t - 125.0,
                    "ebs",
                    "gp3-throughput",
                )?;
            }
        }
        "io1" | "io2" => {
            let i = iops.unwrap_or(0.0);
            it.add(
                &format!("{label} provisioned IOPS"),
                i,
                "ebs",
                &format!("{vtype}-iops"),
            )?;
        }
        _ => {}
    }
    Ok(())
}

fn instance(it: &mut Item) -> Outcome {
    let itype = need!(it.str("/instance_type"), "instance_type");
    if let Some(t) = it.str("/tenancy").or(String::new()) {
        if t == "dedicated" || t == "host" {
            return Outcome::NotPriced(format!("{t} tenancy is not in the price table"));
        }
    }
    tryp!(ec2_hours(it, &itype, 1.0));
    // Root volume: 8 GB gp2 is what the common AMIs give when root_block_device is unset.
    let has_root = matches!(it.read("/root_block_device/0"), V::Some(_));
    let size = it.num("/root_block_device/0/volume_size");
    let vtype = it.str("/root_block_device/0/volume_type");
    let (size, vtype) = match (size, vtype) {
        (V::Unresolved, _) | (_, V::Unresolved) => (None, None),
        (s, t) => {
            let s = match s {
                V::Some(s) => s,
                _ => {
                    it.assume("root volume size not set: assuming 8 GB (AMI default)");
                    8.0
                }
            };
            let t = match t {
                V::Some(t) => t,
                _ => {
                    it.assume(if has_root {
                        "root volume type not set: assuming gp2"
                    } else {
                        "no root_block_device: assuming 8 GB gp2 root volume"
                    });
                    "gp2".to_string()
                }
            };
            (Some(s), Some(t))
        }
    };
    if let (Some(s), Some(t)) = (size, vtype) {
        let iops = it
            .num("/root_block_device/0/iops")
            .or(0.0)
            .filter(|v| *v > 0.0);
        let tp = it
            .num("/root_block_device/0/throughput")
            .or(0.0)
            .filter(|v| *v > 0.0);
        tryp!(ebs(it, "Root volume", &t, s, iops, tp));
    }
    let n = match it.len("/ebs_block_device") {
        V::Some(n) => n,
        _ => 0,
    };
    for i in 0..n {
        let p = format!("/ebs_block_device/{i}");
        let size = match it.num(&format!("{p}/volume_size")) {
            V::Some(s) => s,
            V::Missing => {
                it.assume(format!(
                    "ebs_block_device {i}: no volume_size (snapshot size), not counted"
                ));
                continue;
            }
            V::Unresolved => continue,
        };
        let t = it
            .str(&format!("{p}/volume_type"))
            .or("gp2".into())
            .unwrap_or_else(|| "gp2".into());
        let iops = it.num(&format!("{p}/iops")).or(0.0).filter(|v| *v > 0.0);
        let tp = it
            .num(&format!("{p}/throughput"))
            .or(0.0)
            .filter(|v| *v > 0.0);
        tryp!(ebs(
            it,
            &format!("EBS block device {i}"),
            &t,
            size,
            iops,
            tp
        ));
    }
    it.assume("Linux, shared tenancy, on-demand");
    Outcome::Priced
}

fn ebs_volume(it: &mut Item) -> Outcome {
    let size = need!(it.num("/size"), "size");
    let t = match it.str("/type") {
        V::Some(t) => t,
        V::Missing => {
            it.assume("volume type not set: assuming gp2");
            "gp2".into()
        }
        V::Unresolved => return Outcome::NotPriced("type is not statically known".into()),
    };
    let iops = it.num("/iops").or(0.0).filter(|v| *v > 0.0);
    let tp = it.num("/throughput").or(0.0).filter(|v| *v > 0.0);
    tryp!(ebs(it, "EBS volume", &t, size, iops, tp));
    Outcome::Priced
}

/// Normalize an RDS engine name to the table's engine key.
fn rds_engine(it: &mut Item, engine: &str) -> Result<String, String> {
    Ok(match engine {
        "postgres" | "mysql" | "aurora-postgresql" | "aurora-mysql" => engine.to_string(),
        "aurora" => "aurora-mysql".into(),
        "mariadb" => {
            it.assume("MariaDB is listed at the MySQL instance prices");
            "mysql".into()
        }
        e => {
            return Err(format!(
                "engine {e:?} is not in the price table (license-included engines are not priced)"
            ))
        }
    })
}

fn db_instance(it: &mut Item) -> Outcome {
    let class = need!(it.str("/instance_class"), "instance_class");
    let engine = need!(it.str("/engine"), "engine");
    let engine = tryp!(rds_engine(it, &engine));
    let multi_az = need!(it.bool("/multi_az").default_to(false), "multi_az");
    let factor = if multi_az { 2.0 } else { 1.0 };
    let az = if multi_az { "Multi-AZ" } else { "Single-AZ" };
    tryp!(it.add_hourly(
        &format!("Database instance ({engine}, {class}, {az})"),
        factor,
        "rds",
        &format!("{engine}:{class}")
    ));
    let storage = need!(it.num("/allocated_storage"), "allocated_storage");
    let iops = it.num("/iops").or(0.0).filter(|v| *v > 0.0);
    let stype = match it.str("/storage_type") {
        V::Some(s) => s,
        V::Missing => {
            let t = if iops.is_some() { "io1" } else { "gp2" };
            it.assume(format!("storage_type not set: assuming {t}"));
            t.into()
        }
        V::Unresolved => return Outcome::NotPriced("storage_type is not statically known".into()),
    };
    tryp!(it.add(
        &format!("Database storage ({stype}, {az})"),
        storage * factor,
        "rds-storage",
        &stype
    ));
    if stype == "io1" {
        tryp!(it.add(
            "Provisioned IOPS",
            iops.unwrap_or(0.0) * factor,
            "rds-storage",
            "io1-iops"
        ));
    }
    if multi_az {
        it.assume("Multi-AZ doubles instance hours and storage");
    }
    Outcome::Priced
}

fn rds_cluster(it: &mut Item) -> Outcome {
    let engine = it.str("/engine").or("aurora".into()).unwrap_or_default();
    if !engine.starts_with("aurora") {
        return Outcome::NotPriced(format!(
            "engine {engine:?} (Multi-AZ DB cluster) is not in the price table"
        ));
    }
    // Instances are separate aws_rds_cluster_instance resources; the cluster itself bills
    // storage and I/O by use.
    match it.usage("storage_gb") {
        Some(gb) => {
            tryp!(it.add("Aurora storage", gb, "rds-storage", "aurora"));
            Outcome::Priced
        }
        None => Outcome::UsageBased,
    }
}

fn rds_cluster_instance(it: &mut Item) -> Outcome {
    let class = need!(it.str("/instance_class"), "instance_class");
    let engine = match it.str("/engine") {
        V::Some(e) => e,
        V::Missing => {
            let from_cluster = linked(it, "cluster")
                .and_then(|c| c.get("engine"))
                .and_then(Value::as_str)
                .map(String::from);
            match from_cluster {
                Some(e) => e,
                None => {
                    it.assume("engine not set: assuming aurora-mysql");
                    "aurora-mysql".into()
                }
            }
        }
        V::Unresolved => return Outcome::NotPriced("engine is not statically known".into()),
    };
    let engine = tryp!(rds_engine(it, &engine));
    tryp!(it.add_hourly(
        &format!("Aurora instance ({engine}, {class})"),
        1.0,
        "rds",
        &format!("{engine}:{class}")
    ));
    Outcome::Priced
}

fn nat_gateway(it: &mut Item) -> Outcome {
    if let Some(V::Some(cnt)) = Some(it.str("/connectivity_type")) {
        if cnt == "private" {
            it.assume("private NAT gateway billed like a public one");
        }
    }
    tryp!(it.add_hourly("NAT gateway", 1.0, "nat", "gateway"));
    match it.usage("monthly_data_gb") {
        Some(gb) => tryp!(it.add("Data processed", gb, "nat", "data")),
        None => it.assume("data processing ($ per GB) is usage-based and not included"),
    }
    Outcome::Priced
}

fn load_balancer(it: &mut Item) -> Outcome {
    let t = match it.str("/load_balancer_type") {
        V::Some(t) => t,
        V::Missing => {
            it.assume("load_balancer_type not set: application");
            "application".into()
        }
        V::Unresolved => {
            return Outcome::NotPriced("load_balancer_type is not statically known".into())
        }
    };
    if t != "application" && t != "network" {
        return Outcome::NotPriced(format!(
            "load balancer type {t:?} is not in the price table"
        ));
    }
    tryp!(it.add_hourly(&format!("{t} load balancer"), 1.0, "elb", &t));
    match it.usage("lcu") {
        Some(lcu) => tryp!(it.add_hourly(
            "Load balancer capacity units (average)",
            lcu,
            "elb",
            &format!("{t}-lcu")
        )),
        None => it.assume("capacity units (LCU) are usage-based and not included"),
    }
    Outcome::Priced
}

fn eks_node_group(it: &mut Item) -> Outcome {
    let itype = match it.str("/instance_types/0") {
        V::Some(t) => t,
        V::Missing => {
            it.assume("instance_types not set: EKS default t3.medium");
            "t3.medium".into()
        }
        V::Unresolved => {
            return Outcome::NotPriced("instance_types is not statically known".into())
        }
    };
    let n = need!(
        it.num("/scaling_config/0/desired_size"),
        "scaling_config.desired_size"
    );
    tryp!(ec2_hours(it, &itype, n));
    let disk = match it.num("/disk_size") {
        V::Some(d) => d,
        _ => {
            it.assume("disk_size not set: EKS default 20 GB gp2 per node");
            20.0
        }
    };
    tryp!(it.add("Node disks (gp2)", disk * n, "ebs", "gp2"));
    Outcome::Priced
}

fn ecs_service(it: &mut Item) -> Outcome {
    let launch = it.str("/launch_type").or("EC2".into()).unwrap_or_default();
    let fargate_strategy = matches!(it.str("/capacity_provider_strategy/0/capacity_provider"), V::Some(ref s) if s.starts_with("FARGATE"));
    if launch != "FARGATE" && !fargate_strategy {
        it.assume("EC2 launch type: runs on instances priced with their own resources");
        return Outcome::Priced;
    }
    let n = need!(it.num("/desired_count").default_to(1.0), "desired_count");
    let Some(td) = linked(it, "task_definition") else {
        return Outcome::NotPriced("task definition not resolvable: cpu/memory unknown".into());
    };
    let cpu = match it.read_in(td, "/cpu", "/task_definition/cpu") {
        V::Some(v) => super::item::num_of(v),
        _ => None,
    };
    let mem = match it.read_in(td, "/memory", "/task_definition/memory") {
        V::Some(v) => super::item::num_of(v),
        _ => None,
    };
    let (Some(cpu), Some(mem)) = (cpu, mem) else {
        return Outcome::NotPriced("task definition cpu/memory not statically known".into());
    };
    tryp!(it.add_hourly("Fargate vCPU", n * cpu / 1024.0, "fargate", "vcpu"));
    tryp!(it.add_hourly("Fargate memory (GB)", n * mem / 1024.0, "fargate", "memory"));
    it.assume("Fargate Linux/x86, tasks running all month");
    Outcome::Priced
}

fn elasticache(it: &mut Item) -> Outcome {
    let node = need!(it.str("/node_type"), "node_type");
    let n = need!(
        it.num("/num_cache_nodes").default_to(1.0),
        "num_cache_nodes"
    );
    tryp!(it.add_hourly(&format!("Cache nodes ({node})"), n, "elasticache", &node));
    Outcome::Priced
}

fn vpc_endpoint(it: &mut Item) -> Outcome {
    let t = need!(
        it.str("/vpc_endpoint_type").default_to("Gateway".into()),
        "vpc_endpoint_type"
    );
    match t.as_str() {
        "Gateway" => {
            it.assume("Gateway endpoints (S3, DynamoDB) are free");
            Outcome::Priced
        }
        "Interface" => {
            let azs = match it.len("/subnet_ids") {
                V::Some(n) if n > 0 => n,
                V::Unresolved => {
                    return Outcome::NotPriced(
                        "subnet_ids is not statically known (one charge per AZ)".into(),
                    )
                }
                _ => {
                    it.assume("no subnet_ids: assuming one AZ");
                    1
                }
            };
            tryp!(it.add_hourly(
                "Interface endpoint (per AZ)",
                azs as f64,
                "vpce",
                "interface"
            ));
            it.assume("data processed ($ per GB) is usage-based and not included");
            Outcome::Priced
        }
        other => Outcome::NotPriced(format!("endpoint type {other:?} is not in the price table")),
    }
}

fn log_group(it: &mut Item) -> Outcome {
    let ingested = it.usage("monthly_gb_ingested");
    let stored = it.usage("storage_gb");
    if ingested.is_none() && stored.is_none() {
        return Outcome::UsageBased;
    }
    if let Some(g) = ingested {
        tryp!(it.add("Log ingestion", g, "logs", "ingestion"));
    }
    if let Some(g) = stored {
        tryp!(it.add("Log storage", g, "logs", "storage"));
    }
    Outcome::Priced
}

fn dynamodb(it: &mut Item) -> Outcome {
    let mode = need!(
        it.str("/billing_mode").default_to("PROVISIONED".into()),
        "billing_mode"
    );
    if mode == "PAY_PER_REQUEST" {
        let w = it.usage("monthly_write_requests");
        let r = it.usage("monthly_read_requests");
        if w.is_none() && r.is_none() {
            return Outcome::UsageBased;
        }
        tryp!(it.add(
            "Write request units (millions)",
            w.unwrap_or(0.0) / 1e6,
            "dynamodb",
            "write-requests"
        ));
        tryp!(it.add(
            "Read request units (millions)",
            r.unwrap_or(0.0) / 1e6,
            "dynamodb",
            "read-requests"
        ));
        return Outcome::Priced;
    }
    let w = need!(it.num("/write_capacity"), "write_capacity");
    let r = need!(it.num("/read_capacity"), "read_capacity");
    tryp!(it.add_hourly("Provisioned write capacity units", w, "dynamodb", "wcu"));
    tryp!(it.add_hourly("Provisioned read capacity units", r, "dynamodb", "rcu"));
    it.assume("storage ($ per GB-month) is usage-based and not included; free tier not applied");
    Outcome::Priced
}

fn autoscaling_group(it: &mut Item) -> Outcome {
    let n = match it.num("/desired_capacity") {
        V::Some(n) => n,
        V::Unresolved => {
            return Outcome::NotPriced("desired_capacity is not statically known".into())
        }
        V::Missing => match it.num("/min_size") {
            V::Some(n) => {
                it.assume("desired_capacity not set: using min_size");
                n
            }
            _ => {
                return Outcome::NotPriced(
                    "desired_capacity / min_size not statically known".into(),
                )
            }
        },
    };
    let from_template = linked(it, "launch_template").map(|lt| (lt, "/instance_type"));
    let from_config = linked(it, "launch_configuration").map(|lc| (lc, "/instance_type"));
    let Some((root, ptr)) = from_template.or(from_config) else {
        return Outcome::NotPriced("launch template not resolvable: instance type unknown".into());
    };
    let itype = match it.read_in(root, ptr, "/launch_template/instance_type") {
        V::Some(Value::String(s)) => s.clone(),
        _ => {
            return Outcome::NotPriced("launch template instance_type not statically known".into())
        }
    };
    tryp!(ec2_hours(it, &itype, n));
    it.assume("instance volumes of the launch template are not counted");
    Outcome::Priced
}

fn lambda(it: &mut Item) -> Outcome {
    let Some(req) = it.usage("monthly_requests") else {
        return Outcome::UsageBased;
    };
    let ms = it.usage("average_duration_ms").unwrap_or_else(|| {
        it.assume("average_duration_ms not in usage file: assuming 100 ms");
        100.0
    });
    let mem = match it.num("/memory_size") {
        V::Some(m) => m,
        _ => {
            it.assume("memory_size not set: 128 MB");
            128.0
        }
    };
    tryp!(it.add("Requests (millions)", req / 1e6, "lambda", "requests"));
    tryp!(it.add(
        "Duration",
        req * ms / 1000.0 * mem / 1024.0,
        "lambda",
        "duration"
    ));
    it.assume("x86, free tier not applied");
    Outcome::Priced
}

fn sqs(it: &mut Item) -> Outcome {
    let Some(req) = it.usage("monthly_requests") else {
        return Outcome::UsageBased;
    };
    tryp!(it.add("Requests (millions)", req / 1e6, "sqs", "requests"));
    Outcome::Priced
}

fn s3(it: &mut Item) -> Outcome {
    let gb = it.usage("storage_gb");
    let put = it.usage("monthly_put_requests");
    let get = it
        .usage("monthly_get_requests")
        .or(it.usage("monthly_requests"));
    if gb.is_none() && put.is_none() && get.is_none() {
        return Outcome::UsageBased;
    }
    tryp!(it.add(
        "Standard storage",
        gb.unwrap_or(0.0),
        "s3",
        "standard-storage"
    ));
    if let Some(p) = put {
        tryp!(it.add(
            "PUT/COPY/POST/LIST requests (thousands)",
            p / 1000.0,
            "s3",
            "put-requests"
        ));
    }
    if let Some(g) = get {
        tryp!(it.add("GET requests (thousands)", g / 1000.0, "s3", "get-requests"));
    }
    it.assume("S3 Standard storage class");
    Outcome::Priced
}
