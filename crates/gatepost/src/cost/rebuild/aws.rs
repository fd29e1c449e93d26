//! AWS Price List bulk offer files
//! (`offers/v1.0/aws/<AmazonEC2|AmazonRDS>/current/<region>/index.json`): `products` gives
//! each SKU's attributes, `terms.OnDemand` its on-demand price dimensions.

use super::super::table::Row;
use serde_json::Value;

/// Whether `doc` looks like an AWS offer file.
pub(super) fn is_offer(doc: &Value) -> bool {
    doc.get("products").is_some_and(Value::is_object)
}

fn attr<'a>(p: &'a Value, k: &str) -> &'a str {
    p.pointer(&format!("/attributes/{k}"))
        .and_then(Value::as_str)
        .unwrap_or("")
}

/// The region of a product: `regionCode`, else the `<region>` folder of the offer path.
fn region_of(p: &Value, path: &str) -> Option<String> {
    let rc = attr(p, "regionCode");
    if !rc.is_empty() {
        return Some(rc.to_string());
    }
    let parts: Vec<&str> = path.split('/').collect();
    parts
        .iter()
        .position(|s| *s == "current")
        .and_then(|i| parts.get(i + 1))
        .filter(|s| !s.ends_with(".json"))
        .map(|s| s.to_string())
}

/// (service, key, unit) a product is stored under, or None for products the estimator
/// does not use (other OSes, tenancies, reservations, Multi-AZ rows...).
fn classify(p: &Value) -> Option<(&'static str, String, &'static str)> {
    let family = p.get("productFamily").and_then(Value::as_str).unwrap_or("");
    let a = |k| attr(p, k);
    match family {
        "Compute Instance" => {
            let ok = a("operatingSystem") == "Linux"
                && a("tenancy") == "Shared"
                && matches!(a("preInstalledSw"), "NA" | "")
                && matches!(a("capacitystatus"), "Used" | "")
                && matches!(a("licenseModel"), "No License required" | "");
            ok.then(|| ("ec2", a("instanceType").to_string(), "hour"))
        }
        "Storage" if !a("volumeApiName").is_empty() => {
            Some(("ebs", a("volumeApiName").to_string(), "gb-month"))
        }
        "System Operation" | "Provisioned Throughput" => {
            let v = a("volumeApiName");
            match (a("group"), v) {
                ("EBS IOPS", "gp3" | "io1" | "io2") => {
                    Some(("ebs", format!("{v}-iops"), "iops-month"))
                }
                ("EBS Throughput", "gp3") => Some(("ebs", "gp3-throughput".into(), "mbps-month")),
                _ => None,
            }
        }
        "Database Instance" => {
            if a("deploymentOption") != "Single-AZ" {
                return None;
            }
            let engine = match a("databaseEngine") {
                "PostgreSQL" => "postgres",
                "MySQL" => "mysql",
                "Aurora PostgreSQL" => "aurora-postgresql",
                "Aurora MySQL" => "aurora-mysql",
                _ => return None,
            };
            Some(("rds", format!("{engine}:{}", a("instanceType")), "hour"))
        }
        "Database Storage" => {
            if !matches!(a("deploymentOption"), "Single-AZ" | "") {
                return None;
            }
            let key = match a("volumeType") {
                "General Purpose" => "gp2",
                "General Purpose-GP3" => "gp3",
                "Provisioned IOPS" => "io1",
                "General Purpose-Aurora" => "aurora",
                _ => return None,
            };
            Some(("rds-storage", key.into(), "gb-month"))
        }
        _ => None,
    }
}

/// The first non-zero USD price among a SKU's on-demand price dimensions (gp3 IOPS and
/// throughput carry a free first tier at 0).
fn on_demand_price(doc: &Value, sku: &str) -> Option<f64> {
    let terms = doc.pointer("/terms/OnDemand")?.get(sku)?.as_object()?;
    terms
        .values()
        .filter_map(|t| t.get("priceDimensions")?.as_object())
        .flat_map(|d| d.values())
        .filter_map(|d| {
            d.pointer("/pricePerUnit/USD")?
                .as_str()?
                .parse::<f64>()
                .ok()
        })
        .find(|p| *p > 0.0)
}

pub(super) fn offer_rows(path: &str, doc: &Value) -> Result<Vec<Row>, String> {
    let products = doc
        .get("products")
        .and_then(Value::as_object)
        .ok_or_else(|| format!("{path}: no products (not an AWS offer file)"))?;
    if doc.pointer("/terms/OnDemand").is_none() {
        return Err(format!("{path}: no terms.OnDemand"));
    }
    let date = doc
        .get("publicationDate")
        .and_then(Value::as_str)
        .unwrap_or("")
        .get(..10)
        .unwrap_or("undated");
    let source = format!("aws-bulk-{date}");
    let mut out = Vec::new();
    for (sku, p) in products {
        let Some((service, key, unit)) = classify(p) else {
            continue;
        };
        let Some(region) = region_of(p, path) else {
            continue;
        };
        let Some(price) = on_demand_price(doc, sku) else {
            continue;
        };
        if key.is_empty() {
            continue;
        }
        out.push(Row {
            provider: "aws".into(),
            service: service.into(),
            key,
            region,
            unit: unit.into(),
            price,
            source: source.clone(),
        });
    }
    out.sort_by(|a, b| (&a.service, &a.key, &a.region).cmp(&(&b.service, &b.key, &b.region)));
    Ok(out)
}
