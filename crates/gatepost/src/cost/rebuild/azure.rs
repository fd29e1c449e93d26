//! Azure Retail Prices pages (`GET https://prices.azure.com/api/retail/prices`, saved page
//! by page): `Items` holds one meter per entry with its region, SKU, unit and retail price.

use super::super::table::Row;
use serde_json::Value;

pub(super) fn is_retail(doc: &Value) -> bool {
    doc.get("Items").is_some_and(Value::is_array)
}

fn s<'a>(item: &'a Value, k: &str) -> &'a str {
    item.get(k).and_then(Value::as_str).unwrap_or("")
}

/// The estimator's VM size key: "Standard_D2s_v3" -> "standardd2sv3".
fn size_key(arm_sku: &str) -> String {
    arm_sku
        .chars()
        .filter(|c| *c != '_')
        .collect::<String>()
        .to_lowercase()
}

/// (service, key, unit) of the meters the estimator prices: pay-as-you-go VM hours (not
/// Spot or Low Priority) and managed disk tiers (LRS, per month).
fn classify(item: &Value) -> Option<(&'static str, String, &'static str)> {
    if s(item, "type") != "Consumption" {
        return None;
    }
    let sku = s(item, "skuName");
    match s(item, "serviceName") {
        "Virtual Machines" => {
            if s(item, "unitOfMeasure") != "1 Hour"
                || sku.ends_with("Spot")
                || sku.ends_with("Low Priority")
                || s(item, "armSkuName").is_empty()
            {
                return None;
            }
            let service = if s(item, "productName").ends_with("Windows") {
                "vm-windows"
            } else {
                "vm-linux"
            };
            Some((service, size_key(s(item, "armSkuName")), "hour"))
        }
        "Storage" => {
            let account = match s(item, "productName") {
                "Premium SSD Managed Disks" => "Premium_LRS",
                "Standard SSD Managed Disks" => "StandardSSD_LRS",
                "Standard HDD Managed Disks" => "Standard_LRS",
                _ => return None,
            };
            let tier = s(item, "meterName").strip_suffix(" LRS Disk")?;
            let ok = tier.len() >= 2
                && matches!(&tier[..1], "P" | "E" | "S")
                && tier[1..].chars().all(|c| c.is_ascii_digit());
            (ok && s(item, "unitOfMeasure") == "1/Month")
                .then(|| ("managed-disk", format!("{account}:{tier}"), "month"))
        }
        _ => None,
    }
}

pub(super) fn retail_rows(path: &str, doc: &Value) -> Result<Vec<Row>, String> {
    let items = doc
        .get("Items")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{path}: no Items (not an Azure retail prices page)"))?;
    let mut found = Vec::new();
    let mut newest = "";
    for item in items {
        if s(item, "currencyCode") != "USD" {
            continue;
        }
        let Some((service, key, unit)) = classify(item) else {
            continue;
        };
        let region = s(item, "armRegionName");
        let price = item.get("retailPrice").and_then(Value::as_f64);
        let (false, Some(price)) = (region.is_empty() || key.is_empty(), price) else {
            continue;
        };
        newest = newest.max(s(item, "effectiveStartDate").get(..10).unwrap_or(""));
        found.push((service, key, region.to_string(), unit, price));
    }
    let source = format!(
        "azure-retail-{}",
        if newest.is_empty() { "undated" } else { newest }
    );
    Ok(super::found_rows("azure", &source, found))
}
