//! Azure resources. VM sizes and disks are looked up by the names Terraform uses,
//! normalized to the table's keys (`Standard_D2s_v3` -> `standardd2sv3`).

use super::item::{need, tryp, Item, Outcome, V};
use crate::model::Resource;

pub(crate) fn price(it: &mut Item) -> Option<Outcome> {
    Some(match it.r.type_.as_str() {
        "azurerm_linux_virtual_machine" => vm(it, false),
        "azurerm_windows_virtual_machine" => vm(it, true),
        "azurerm_managed_disk" => managed_disk(it),
        "azurerm_kubernetes_cluster" => aks(it),
        "azurerm_kubernetes_cluster_node_pool" => aks_pool(it),
        "azurerm_service_plan" => service_plan(it),
        "azurerm_postgresql_flexible_server" => flexible(it, "postgres-flexible"),
        "azurerm_mysql_flexible_server" => flexible(it, "mysql-flexible"),
        "azurerm_mssql_database" => mssql(it),
        "azurerm_redis_cache" => redis(it),
        "azurerm_public_ip" => public_ip(it),
        "azurerm_container_registry" => registry(it),
        _ => return None,
    })
}

/// "East US" / "eastus" -> "eastus".
fn normalize_location(l: &str) -> String {
    l.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// `location` on the resource, else on a linked parent (a node pool's cluster).
pub(crate) fn resource_region(r: &Resource) -> Option<String> {
    let known = |v: Option<&serde_json::Value>| {
        v.and_then(|v| v.as_str())
            .filter(|s| !s.contains("${") && !s.is_empty())
            .map(normalize_location)
    };
    known(r.attrs.get("location")).or_else(|| {
        r.links
            .values()
            .find_map(|l| known(l.get("attrs").unwrap_or(l).get("location")))
    })
}

fn size_key(size: &str) -> String {
    size.chars()
        .filter(|c| *c != '_')
        .collect::<String>()
        .to_lowercase()
}

fn vm_hours(it: &mut Item, size: &str, count: f64, windows: bool) -> Result<(), String> {
    let (service, os) = if windows {
        ("vm-windows", "Windows")
    } else {
        ("vm-linux", "Linux")
    };
    it.add_hourly(
        &format!("{size} ({os}, pay-as-you-go)"),
        count,
        service,
        &size_key(size),
    )
}

/// Managed disks bill by the smallest published tier that holds the size.
fn disk_tier(account_type: &str, gb: f64) -> Option<String> {
    let letter = match account_type {
        "Premium_LRS" => "P",
        "StandardSSD_LRS" => "E",
        "Standard_LRS" => "S",
        _ => return None,
    };
    let tiers: &[(f64, &str)] = &[
        (32.0, "4"),
        (64.0, "6"),
        (128.0, "10"),
        (256.0, "15"),
        (512.0, "20"),
        (1024.0, "30"),
        (2048.0, "40"),
        (4096.0, "50"),
    ];
    tiers
        .iter()
        .find(|(cap, _)| gb <= *cap)
        .map(|(_, n)| format!("{account_type}:{letter}{n}"))
}

fn disk(it: &mut Item, label: &str, account_type: &str, gb: f64) -> Result<(), String> {
    let tier = disk_tier(account_type, gb)
        .ok_or_else(|| format!("disk {account_type} of {gb} GB is not in the price table"))?;
    let name = tier.split(':').nth(1).unwrap_or_default().to_string();
    it.add(
        &format!("{label} ({account_type} {name})"),
        1.0,
        "managed-disk",
        &tier,
    )
}

fn vm(it: &mut Item, windows: bool) -> Outcome {
    let size = need!(it.str("/size"), "size");
    tryp!(vm_hours(it, &size, 1.0, windows));
    let at = need!(
        it.str("/os_disk/0/storage_account_type")
            .default_to("Standard_LRS".into()),
        "os_disk.storage_account_type"
    );
    let gb = match it.num("/os_disk/0/disk_size_gb") {
        V::Some(g) => g,
        V::Unresolved => {
            return Outcome::NotPriced("os_disk.disk_size_gb is not statically known".into())
        }
        V::Missing => {
            let g = if windows { 127.0 } else { 30.0 };
            it.assume(format!("OS disk size not set: {g} GB (image default)"));
            g
        }
    };
    tryp!(disk(it, "OS disk", &at, gb));
    Outcome::Priced
}

fn managed_disk(it: &mut Item) -> Outcome {
    let at = need!(it.str("/storage_account_type"), "storage_account_type");
    let gb = need!(it.num("/disk_size_gb"), "disk_size_gb");
    tryp!(disk(it, "Managed disk", &at, gb));
    Outcome::Priced
}

fn aks(it: &mut Item) -> Outcome {
    let tier = need!(it.str("/sku_tier").default_to("Free".into()), "sku_tier");
    if tier == "Free" {
        it.assume("AKS Free tier: no cluster management fee");
    } else {
        tryp!(it.add_hourly(
            &format!("AKS {tier} tier cluster"),
            1.0,
            "aks",
            "standard-tier"
        ));
    }
    pool(it, "/default_node_pool/0")
}

fn aks_pool(it: &mut Item) -> Outcome {
    pool(it, "")
}

fn pool(it: &mut Item, p: &str) -> Outcome {
    let size = need!(it.str(&format!("{p}/vm_size")), "vm_size");
    let n = match it.num(&format!("{p}/node_count")) {
        V::Some(n) => n,
        V::Unresolved => return Outcome::NotPriced("node_count is not statically known".into()),
        V::Missing => match it.num(&format!("{p}/min_count")) {
            V::Some(n) => {
                it.assume("autoscaling pool: priced at min_count");
                n
            }
            _ => {
                it.assume("node_count not set: 1");
                1.0
            }
        },
    };
    let windows = matches!(it.str(&format!("{p}/os_type")), V::Some(ref s) if s == "Windows");
    tryp!(vm_hours(it, &size, n, windows));
    it.assume("node OS disks not counted (ephemeral where the size allows)");
    Outcome::Priced
}

fn service_plan(it: &mut Item) -> Outcome {
    let sku = need!(it.str("/sku_name"), "sku_name");
    let os = need!(it.str("/os_type"), "os_type");
    let os = if os == "Windows" { "Windows" } else { "Linux" };
    let n = need!(it.num("/worker_count").default_to(1.0), "worker_count");
    tryp!(it.add_hourly(
        &format!("App Service plan {sku} ({os})"),
        n,
        "app-service",
        &format!("{os}:{sku}")
    ));
    Outcome::Priced
}

fn flexible(it: &mut Item, service: &str) -> Outcome {
    let sku = need!(it.str("/sku_name"), "sku_name");
    let ha = matches!(it.str("/high_availability/0/mode"), V::Some(_));
    let f = if ha { 2.0 } else { 1.0 };
    if ha {
        it.assume("high availability doubles compute (standby replica)");
    }
    tryp!(it.add_hourly(&format!("Compute {sku}"), f, service, &sku));
    let gb = if service == "postgres-flexible" {
        match it.num("/storage_mb") {
            V::Some(mb) => mb / 1024.0,
            _ => {
                it.assume("storage_mb not set: 32 GB");
                32.0
            }
        }
    } else {
        match it.num("/storage/0/size_gb") {
            V::Some(g) => g,
            _ => {
                it.assume("storage size not set: 20 GB");
                20.0
            }
        }
    };
    tryp!(it.add("Storage", gb * f, &format!("{service}-storage"), "gb"));
    Outcome::Priced
}

fn mssql(it: &mut Item) -> Outcome {
    let sku = need!(it.str("/sku_name"), "sku_name");
    tryp!(it.add(&format!("SQL Database {sku}"), 1.0, "mssql", &sku));
    Outcome::Priced
}

fn redis(it: &mut Item) -> Outcome {
    let sku = need!(it.str("/sku_name"), "sku_name");
    let family = need!(it.str("/family"), "family");
    let cap = need!(it.num("/capacity"), "capacity");
    let key = format!("{sku}_{family}{cap}");
    tryp!(it.add_hourly(&format!("Azure Cache for Redis {key}"), 1.0, "redis", &key));
    Outcome::Priced
}

fn public_ip(it: &mut Item) -> Outcome {
    let sku = match it.str("/sku") {
        V::Some(s) => s,
        V::Missing => {
            it.assume("sku not set: Standard (azurerm 4.x default)");
            "Standard".into()
        }
        V::Unresolved => return Outcome::NotPriced("sku is not statically known".into()),
    };
    let alloc = if sku == "Standard" {
        "Static".into()
    } else {
        need!(it.str("/allocation_method"), "allocation_method")
    };
    tryp!(it.add_hourly(
        &format!("Public IP ({sku}, {alloc})"),
        1.0,
        "public-ip",
        &format!("{sku}:{alloc}")
    ));
    Outcome::Priced
}

fn registry(it: &mut Item) -> Outcome {
    let sku = need!(it.str("/sku"), "sku");
    tryp!(it.add(
        &format!("Container registry {sku}"),
        super::HOURS_PER_MONTH / 24.0,
        "acr",
        &sku
    ));
    Outcome::Priced
}
