//! Google Cloud resources. Compute Engine machine types are priced from the per-vCPU and
//! per-GB rates of their family, as Google publishes them.

use super::item::{need, tryp, Item, Outcome, V};
use crate::model::Resource;

pub(crate) fn price(it: &mut Item) -> Option<Outcome> {
    Some(match it.r.type_.as_str() {
        "google_compute_instance" => compute_instance(it),
        "google_compute_disk" => disk(it),
        "google_compute_address" => address(it),
        "google_container_cluster" => container_cluster(it),
        "google_container_node_pool" => node_pool(it),
        "google_sql_database_instance" => sql_instance(it),
        "google_redis_instance" => redis(it),
        "google_cloud_run_service" | "google_cloud_run_v2_service" => cloud_run(it),
        "google_cloudfunctions_function" | "google_cloudfunctions2_function" => functions(it),
        "google_compute_router_nat" => router_nat(it),
        "google_storage_bucket" => bucket(it),
        _ => return None,
    })
}

/// `zone` (minus its letter), else `region`, else a region-shaped `location`.
pub(crate) fn resource_region(r: &Resource) -> Option<String> {
    let s = |k: &str| {
        r.attrs
            .get(k)
            .and_then(|v| v.as_str())
            .filter(|s| !s.contains("${") && !s.is_empty())
    };
    if let Some(z) = s("zone") {
        return Some(zone_region(z));
    }
    if let Some(reg) = s("region") {
        return Some(reg.to_string());
    }
    s("location").map(|l| {
        if is_zone(l) {
            zone_region(l)
        } else {
            l.to_string()
        }
    })
}

fn is_zone(s: &str) -> bool {
    s.matches('-').count() == 2
}

fn zone_region(z: &str) -> String {
    match z.rfind('-') {
        Some(i) if is_zone(z) => z[..i].to_string(),
        _ => z.to_string(),
    }
}

/// (family, billed vCPUs, memory GB) of a predefined machine type.
fn machine_shape(mt: &str) -> Option<(String, f64, f64)> {
    let fixed = |f: &str, c: f64, m: f64| Some((f.to_string(), c, m));
    match mt {
        // Shared-core E2: billed for a fraction of 2 vCPUs.
        "e2-micro" => return fixed("e2", 0.25, 1.0),
        "e2-small" => return fixed("e2", 0.5, 2.0),
        "e2-medium" => return fixed("e2", 1.0, 4.0),
        _ => {}
    }
    let parts: Vec<&str> = mt.split('-').collect();
    if parts.len() != 3 {
        return None;
    }
    let (family, class, n) = (parts[0], parts[1], parts[2].parse::<f64>().ok()?);
    let per_cpu = match (family, class) {
        ("n1", "standard") => 3.75,
        ("n1", "highmem") => 6.5,
        ("n1", "highcpu") => 0.9,
        ("n2" | "n2d" | "e2", "standard") => 4.0,
        ("n2" | "n2d" | "e2", "highmem") => 8.0,
        ("n2" | "n2d" | "e2", "highcpu") => 1.0,
        ("c2", "standard") => 4.0,
        _ => return None,
    };
    Some((family.to_string(), n, n * per_cpu))
}

/// Sustained-use discount for a VM running the whole month (Google applies it
/// automatically to N1, N2, N2D and C2; E2 and shared-core types get none).
fn sustained_use_discount(family: &str) -> f64 {
    match family {
        "n1" => 0.30,
        "n2" | "n2d" | "c2" => 0.20,
        _ => 0.0,
    }
}

/// Machine hours for `count` VMs of `machine_type`, with the sustained-use discount.
fn machine(it: &mut Item, machine_type: &str, count: f64) -> Result<(), String> {
    if machine_type == "f1-micro" || machine_type == "g1-small" {
        it.add_hourly(
            &format!("{machine_type} instances"),
            count,
            "gce-fixed",
            machine_type,
        )?;
        it.assume("sustained-use discount applies to f1/g1 in the real bill but is not modelled");
        return Ok(());
    }
    let (family, cpus, mem) = machine_shape(machine_type)
        .ok_or_else(|| format!("machine type {machine_type:?} is not a known predefined type"))?;
    let start = it.line_items.len();
    it.add_hourly(
        &format!("{machine_type} vCPUs"),
        count * cpus,
        "gce-cpu",
        &family,
    )?;
    it.add_hourly(
        &format!("{machine_type} memory (GB)"),
        count * mem,
        "gce-ram",
        &family,
    )?;
    let sud = sustained_use_discount(&family);
    if sud > 0.0 {
        let base: f64 = it.line_items[start..].iter().map(|l| l.monthly).sum();
        it.push(
            &format!("Sustained-use discount ({}%)", (sud * 100.0).round()),
            1.0,
            "month",
            -base * sud,
        );
        it.assume(format!(
            "full-month sustained-use discount of {}% for {family}",
            (sud * 100.0).round()
        ));
    }
    Ok(())
}

fn disk_line(it: &mut Item, label: &str, dtype: &str, size: f64) -> Result<(), String> {
    it.add(&format!("{label} ({dtype})"), size, "gce-disk", dtype)
}

fn compute_instance(it: &mut Item) -> Outcome {
    let mt = need!(it.str("/machine_type"), "machine_type");
    tryp!(machine(it, &mt, 1.0));
    let p = "/boot_disk/0/initialize_params/0";
    let size = match it.num(&format!("{p}/size")) {
        V::Some(s) => Some(s),
        V::Missing => {
            it.assume("boot disk size not set: 10 GB (image default)");
            Some(10.0)
        }
        V::Unresolved => None,
    };
    let dtype = match it.str(&format!("{p}/type")) {
        V::Some(t) => Some(t),
        V::Missing => {
            it.assume("boot disk type not set: pd-standard");
            Some("pd-standard".into())
        }
        V::Unresolved => None,
    };
    if let (Some(s), Some(t)) = (size, dtype) {
        tryp!(disk_line(it, "Boot disk", &t, s));
    }
    Outcome::Priced
}

fn disk(it: &mut Item) -> Outcome {
    let t = need!(it.str("/type").default_to("pd-standard".into()), "type");
    let size = match it.num("/size") {
        V::Some(s) => s,
        V::Missing => {
            it.assume("size not set: 10 GB");
            10.0
        }
        V::Unresolved => return Outcome::NotPriced("size is not statically known".into()),
    };
    tryp!(disk_line(it, "Persistent disk", &t, size));
    Outcome::Priced
}

fn address(it: &mut Item) -> Outcome {
    let t = need!(
        it.str("/address_type").default_to("EXTERNAL".into()),
        "address_type"
    );
    if t == "INTERNAL" {
        it.assume("internal addresses are free");
        return Outcome::Priced;
    }
    it.assume("static external IPv4 assumed attached to a running VM ($0.01/h when unused)");
    tryp!(it.add_hourly("External IPv4 address (in use)", 1.0, "address", "in-use"));
    Outcome::Priced
}

/// Zones a pool's node count is multiplied by: `node_locations`, else 3 for a regional
/// location, else 1.
fn zones(it: &mut Item) -> f64 {
    if let V::Some(n) = it.len("/node_locations") {
        if n > 0 {
            return n as f64;
        }
    }
    let loc = it.str("/location").or(String::new()).unwrap_or_default();
    if !loc.is_empty() && !is_zone(&loc) {
        it.assume("regional location: node count runs in each of 3 zones");
        3.0
    } else {
        1.0
    }
}

fn nodes(it: &mut Item, node_config: &str, per_zone: f64) -> Outcome {
    let mt = match it.str(&format!("{node_config}/machine_type")) {
        V::Some(m) => m,
        V::Missing => {
            it.assume("node machine_type not set: GKE default e2-medium");
            "e2-medium".into()
        }
        V::Unresolved => {
            return Outcome::NotPriced("node machine_type is not statically known".into())
        }
    };
    let n = per_zone * zones(it);
    tryp!(machine(it, &mt, n));
    let disk = match it.num(&format!("{node_config}/disk_size_gb")) {
        V::Some(d) => d,
        _ => {
            it.assume("node disk_size_gb not set: 100 GB");
            100.0
        }
    };
    let dtype = match it.str(&format!("{node_config}/disk_type")) {
        V::Some(d) => d,
        _ => {
            it.assume("node disk_type not set: pd-balanced");
            "pd-balanced".into()
        }
    };
    tryp!(disk_line(it, "Node boot disks", &dtype, disk * n));
    Outcome::Priced
}

fn container_cluster(it: &mut Item) -> Outcome {
    if let V::Some(true) = it.bool("/enable_autopilot") {
        tryp!(it.add_hourly("GKE cluster management", 1.0, "gke", "cluster"));
        it.assume("Autopilot pod resources are usage-based and not included");
        return Outcome::Priced;
    }
    tryp!(it.add_hourly("GKE cluster management", 1.0, "gke", "cluster"));
    it.assume(
        "GKE free-tier credit (one zonal or Autopilot cluster per billing account) not applied",
    );
    if let V::Some(true) = it.bool("/remove_default_node_pool") {
        return Outcome::Priced;
    }
    let n = need!(
        it.num("/initial_node_count").default_to(1.0),
        "initial_node_count"
    );
    nodes(it, "/node_config/0", n)
}

fn node_pool(it: &mut Item) -> Outcome {
    let n = match it.num("/node_count") {
        V::Some(n) => n,
        V::Unresolved => return Outcome::NotPriced("node_count is not statically known".into()),
        V::Missing => match it.num("/autoscaling/0/min_node_count") {
            V::Some(n) => {
                it.assume("autoscaling pool: priced at min_node_count");
                n
            }
            _ => need!(
                it.num("/initial_node_count").default_to(1.0),
                "initial_node_count"
            ),
        },
    };
    nodes(it, "/node_config/0", n)
}

fn sql_instance(it: &mut Item) -> Outcome {
    let tier = need!(it.str("/settings/0/tier"), "settings.tier");
    let ha = matches!(it.str("/settings/0/availability_type"), V::Some(ref s) if s == "REGIONAL");
    let f = if ha { 2.0 } else { 1.0 };
    if ha {
        it.assume("REGIONAL (high availability) doubles instance and storage");
    }
    if let Some(rest) = tier.strip_prefix("db-custom-") {
        let mut p = rest.split('-');
        let cpus = p.next().and_then(|c| c.parse::<f64>().ok());
        let mb = p.next().and_then(|m| m.parse::<f64>().ok());
        let (Some(c), Some(mb)) = (cpus, mb) else {
            return Outcome::NotPriced(format!("tier {tier:?} is not a db-custom-CPUS-MB tier"));
        };
        tryp!(it.add_hourly("Cloud SQL vCPUs", c * f, "cloudsql", "custom-vcpu"));
        tryp!(it.add_hourly(
            "Cloud SQL memory (GB)",
            mb / 1024.0 * f,
            "cloudsql",
            "custom-memory"
        ));
    } else {
        tryp!(it.add_hourly(
            &format!("Cloud SQL instance ({tier})"),
            f,
            "cloudsql",
            &tier
        ));
    }
    let size = match it.num("/settings/0/disk_size") {
        V::Some(s) => s,
        _ => {
            it.assume("disk_size not set: 10 GB");
            10.0
        }
    };
    let dt = it
        .str("/settings/0/disk_type")
        .or("PD_SSD".into())
        .unwrap_or_else(|| "PD_SSD".into());
    tryp!(it.add(
        &format!("Cloud SQL storage ({dt})"),
        size * f,
        "cloudsql-storage",
        &dt
    ));
    it.assume("Enterprise edition; database engine licence (SQL Server) not included");
    Outcome::Priced
}

fn redis(it: &mut Item) -> Outcome {
    let tier = need!(it.str("/tier").default_to("BASIC".into()), "tier");
    let gb = need!(it.num("/memory_size_gb"), "memory_size_gb");
    // Memorystore bills per GB-hour at a rate set by the capacity tier.
    let cap = match gb {
        g if g <= 4.0 => "M1",
        g if g <= 10.0 => "M2",
        g if g <= 35.0 => "M3",
        g if g <= 100.0 => "M4",
        _ => "M5",
    };
    tryp!(it.add_hourly(
        &format!("Memorystore {tier} {cap} (GB)"),
        gb,
        "redis",
        &format!("{tier}:{cap}")
    ));
    Outcome::Priced
}

fn quantity(s: &str, suffixes: &[(&str, f64)]) -> Option<f64> {
    for (suf, mult) in suffixes {
        if let Some(n) = s.strip_suffix(suf) {
            return n.parse::<f64>().ok().map(|v| v * mult);
        }
    }
    s.parse().ok()
}

fn cloud_run(it: &mut Item) -> Outcome {
    let v2 = it.r.type_ == "google_cloud_run_v2_service";
    let min = if v2 {
        it.num("/template/0/scaling/0/min_instance_count")
    } else {
        it.num("/template/0/metadata/0/annotations/autoscaling.knative.dev~1minScale")
    };
    let min = match min {
        V::Some(m) if m > 0.0 => m,
        V::Unresolved => {
            return Outcome::NotPriced("minimum instances not statically known".into())
        }
        _ => return Outcome::UsageBased,
    };
    let limits = if v2 {
        "/template/0/containers/0/resources/0/limits"
    } else {
        "/template/0/spec/0/containers/0/resources/0/limits"
    };
    let cpu = match it.str(&format!("{limits}/cpu")) {
        V::Some(c) => need!(
            quantity(&c, &[("m", 0.001)]).map_or(V::Missing, V::Some),
            "cpu limit"
        ),
        _ => {
            it.assume("cpu limit not set: 1 vCPU");
            1.0
        }
    };
    let mem = match it.str(&format!("{limits}/memory")) {
        V::Some(m) => need!(
            quantity(
                &m,
                &[
                    ("Gi", 1.0),
                    ("Mi", 1.0 / 1024.0),
                    ("G", 1e9 / 1073741824.0),
                    ("M", 1e6 / 1073741824.0)
                ]
            )
            .map_or(V::Missing, V::Some),
            "memory limit"
        ),
        _ => {
            it.assume("memory limit not set: 512 MiB");
            0.5
        }
    };
    let secs = super::HOURS_PER_MONTH * 3600.0;
    tryp!(it.add(
        "Minimum instances vCPU-seconds",
        min * cpu * secs,
        "run",
        "vcpu"
    ));
    tryp!(it.add(
        "Minimum instances GiB-seconds",
        min * mem * secs,
        "run",
        "memory"
    ));
    it.assume("minimum instances billed always-on at instance-based rates; requests above them are usage-based");
    Outcome::Priced
}

fn functions(it: &mut Item) -> Outcome {
    let Some(req) = it.usage("monthly_requests") else {
        return Outcome::UsageBased;
    };
    tryp!(it.add(
        "Invocations (millions)",
        req / 1e6,
        "functions",
        "invocations"
    ));
    it.assume("compute time is usage-based and not included; free tier not applied");
    Outcome::Priced
}

fn router_nat(it: &mut Item) -> Outcome {
    let vms = it.usage("vm_count").unwrap_or_else(|| {
        it.assume("vm_count not in usage file: assuming 1 VM uses the gateway");
        1.0
    });
    // Cloud NAT charges per VM up to 32 VMs, then a flat hourly maximum.
    if vms > 32.0 {
        tryp!(it.add_hourly("NAT gateway (more than 32 VMs)", 1.0, "nat", "max"));
    } else {
        tryp!(it.add_hourly("NAT gateway (per VM)", vms, "nat", "vm"));
    }
    if let Some(gb) = it.usage("monthly_data_gb") {
        tryp!(it.add("Data processed", gb, "nat", "data"));
    } else {
        it.assume("data processing ($ per GB) is usage-based and not included");
    }
    Outcome::Priced
}

fn bucket(it: &mut Item) -> Outcome {
    let Some(gb) = it.usage("storage_gb") else {
        return Outcome::UsageBased;
    };
    let class = it
        .str("/storage_class")
        .or("STANDARD".into())
        .unwrap_or_default();
    if class != "STANDARD" {
        return Outcome::NotPriced(format!("storage class {class:?} is not in the price table"));
    }
    // Multi-region buckets (location US/EU/ASIA) carry their own rate.
    let loc = it
        .str("/location")
        .or(String::new())
        .unwrap_or_default()
        .to_uppercase();
    if matches!(loc.as_str(), "US" | "EU" | "ASIA") {
        it.region = loc;
    }
    tryp!(it.add("Standard storage", gb, "gcs", "standard-storage"));
    it.assume("operations and egress are usage-based and not included");
    Outcome::Priced
}
