//! Google Cloud Billing Catalog SKU lists (`GET /v1/services/6F81-5844-456A/skus`, the
//! Compute Engine service, saved page by page): each SKU has a description, a category,
//! the regions it serves and tiered unit prices in units + nanos of USD.

use super::super::table::Row;
use serde_json::Value;

pub(super) fn is_catalog(doc: &Value) -> bool {
    doc.get("skus").is_some_and(Value::is_array)
}

/// (service, key, unit) for the SKU descriptions the estimator prices, with the location
/// suffix ("running in Americas", "in Belgium") removed.
fn classify(description: &str) -> Option<(&'static str, &'static str, &'static str)> {
    let d = description.to_ascii_lowercase();
    let d = match d.find(" running in ").or_else(|| d.find(" in ")) {
        Some(i) => &d[..i],
        None => &d[..],
    };
    let cpu = |k| Some(("gce-cpu", k, "vcpu-hour"));
    let ram = |k| Some(("gce-ram", k, "gb-hour"));
    match d {
        "e2 instance core" => cpu("e2"),
        "e2 instance ram" => ram("e2"),
        "n1 predefined instance core" => cpu("n1"),
        "n1 predefined instance ram" => ram("n1"),
        "n2 instance core" => cpu("n2"),
        "n2 instance ram" => ram("n2"),
        "n2d amd instance core" => cpu("n2d"),
        "n2d amd instance ram" => ram("n2d"),
        "compute optimized core" => cpu("c2"),
        "compute optimized ram" => ram("c2"),
        "memory-optimized instance core" => cpu("m1"),
        "memory-optimized instance ram" => ram("m1"),
        "custom instance core" => cpu("n1_custom"),
        "custom instance ram" => ram("n1_custom"),
        "custom extended instance ram" => ram("n1_custom_extended"),
        "n2 custom instance core" => cpu("n2_custom"),
        "n2 custom instance ram" => ram("n2_custom"),
        "n2 custom extended instance ram" => ram("n2_custom_extended"),
        "n2d amd custom instance core" => cpu("n2d_custom"),
        "n2d amd custom instance ram" => ram("n2d_custom"),
        "micro instance with burstable cpu" => Some(("gce-fixed", "f1-micro", "hour")),
        "small instance with 1 vcpu" => Some(("gce-fixed", "g1-small", "hour")),
        "storage pd capacity" => Some(("gce-disk", "pd-standard", "gb-month")),
        "ssd backed pd capacity" => Some(("gce-disk", "pd-ssd", "gb-month")),
        "balanced pd capacity" => Some(("gce-disk", "pd-balanced", "gb-month")),
        _ => None,
    }
}

/// The first non-zero tier of the newest pricing entry, in USD.
fn unit_price(sku: &Value) -> Option<(f64, String)> {
    let info = sku.get("pricingInfo")?.as_array()?.last()?;
    let when = info
        .get("effectiveTime")
        .and_then(Value::as_str)
        .unwrap_or("")
        .get(..10)
        .unwrap_or("")
        .to_string();
    let price = info
        .pointer("/pricingExpression/tieredRates")?
        .as_array()?
        .iter()
        .filter_map(|t| {
            let p = t.get("unitPrice")?;
            if p.get("currencyCode").and_then(Value::as_str) != Some("USD") {
                return None;
            }
            let units = match p.get("units") {
                Some(Value::String(s)) => s.parse::<f64>().ok()?,
                Some(v) => v.as_f64()?,
                None => 0.0,
            };
            let nanos = p.get("nanos").and_then(Value::as_f64).unwrap_or(0.0);
            Some(units + nanos / 1e9)
        })
        .find(|p| *p > 0.0)?;
    Some((price, when))
}

pub(super) fn catalog_rows(path: &str, doc: &Value) -> Result<Vec<Row>, String> {
    let skus = doc
        .get("skus")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{path}: no skus (not a Cloud Billing catalog page)"))?;
    let mut found = Vec::new();
    let mut newest = String::new();
    for sku in skus {
        if sku.pointer("/category/usageType").and_then(Value::as_str) != Some("OnDemand") {
            continue;
        }
        let desc = sku.get("description").and_then(Value::as_str).unwrap_or("");
        let Some((service, key, unit)) = classify(desc) else {
            continue;
        };
        let Some((price, when)) = unit_price(sku) else {
            continue;
        };
        newest = newest.max(when);
        let regions = sku.get("serviceRegions").and_then(Value::as_array);
        for region in regions.into_iter().flatten().filter_map(Value::as_str) {
            if region != "global" {
                found.push((service, key, region.to_string(), unit, price));
            }
        }
    }
    let source = format!(
        "gcp-catalog-{}",
        if newest.is_empty() {
            "undated"
        } else {
            &newest
        }
    );
    Ok(super::found_rows("gcp", &source, found))
}
