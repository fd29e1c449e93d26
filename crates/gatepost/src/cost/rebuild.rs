//! Rebuilding the price table from AWS Price List bulk offer files
//! (`offers/v1.0/aws/<AmazonEC2|AmazonRDS>/current/<region>/index.json`): `products` gives
//! each SKU's attributes, `terms.OnDemand` its on-demand price dimensions.
//!
//! Rows read from the inputs replace the embedded table's rows with the same
//! (service, key, region); every other row is kept, so a partial import (one region, one
//! offer) refreshes just that part of the table.

use super::table::{parse, Row, HEADER, TABLE_CSV};
use serde_json::Value;
use std::collections::HashMap;

/// Read AWS bulk offer files (`(path, contents)`) and return the new table file contents.
pub fn rebuild_price_table(inputs: &[(String, String)]) -> Result<String, String> {
    let mut rows = parse(TABLE_CSV)?;
    let mut at: HashMap<(String, String, String), usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| ((r.service.clone(), r.key.clone(), r.region.clone()), i))
        .collect();
    let mut imported = 0;
    for (path, text) in inputs {
        let doc: Value =
            serde_json::from_str(text).map_err(|e| format!("{path}: not JSON: {e}"))?;
        let new = offer_rows(path, &doc)?;
        if new.is_empty() {
            return Err(format!("{path}: no EC2, EBS or RDS on-demand prices found"));
        }
        for row in new {
            imported += 1;
            let k = (row.service.clone(), row.key.clone(), row.region.clone());
            match at.get(&k) {
                Some(&i) => rows[i] = row,
                None => {
                    at.insert(k, rows.len());
                    rows.push(row);
                }
            }
        }
    }
    if imported == 0 {
        return Err("no input files".into());
    }
    let mut out = String::new();
    out.push_str("# gatepost price table: provider,service,key,region,unit,price_usd,source\n");
    out.push_str(
        "# region '*' = one published figure for every commercial region. See PROVENANCE.md.\n",
    );
    out.push_str(HEADER);
    out.push('\n');
    for r in &rows {
        out.push_str(&r.to_line());
        out.push('\n');
    }
    Ok(out)
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

fn offer_rows(path: &str, doc: &Value) -> Result<Vec<Row>, String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    const OFFER: &str = r#"{
      "formatVersion": "v1.0", "offerCode": "AmazonEC2", "publicationDate": "2025-03-01T00:00:00Z",
      "products": {
        "SKU1": {"sku": "SKU1", "productFamily": "Compute Instance", "attributes": {
          "instanceType": "t3.micro", "regionCode": "ap-south-1", "operatingSystem": "Linux",
          "tenancy": "Shared", "preInstalledSw": "NA", "capacitystatus": "Used", "licenseModel": "No License required"}},
        "SKU2": {"sku": "SKU2", "productFamily": "Compute Instance", "attributes": {
          "instanceType": "t3.micro", "regionCode": "ap-south-1", "operatingSystem": "Linux",
          "tenancy": "Shared", "preInstalledSw": "NA", "capacitystatus": "AllocatedCapacityReservation"}},
        "SKU3": {"sku": "SKU3", "productFamily": "Compute Instance", "attributes": {
          "instanceType": "t3.micro", "regionCode": "ap-south-1", "operatingSystem": "Windows",
          "tenancy": "Shared", "preInstalledSw": "NA", "capacitystatus": "Used"}},
        "SKU4": {"sku": "SKU4", "productFamily": "Storage", "attributes": {
          "volumeApiName": "gp3", "regionCode": "ap-south-1"}},
        "SKU5": {"sku": "SKU5", "productFamily": "System Operation", "attributes": {
          "group": "EBS IOPS", "volumeApiName": "gp3", "regionCode": "ap-south-1"}},
        "SKU6": {"sku": "SKU6", "productFamily": "Compute Instance", "attributes": {
          "instanceType": "t3.micro", "regionCode": "us-east-1", "operatingSystem": "Linux",
          "tenancy": "Shared", "preInstalledSw": "NA", "capacitystatus": "Used"}}
      },
      "terms": {"OnDemand": {
        "SKU1": {"SKU1.JRTCKXETXF": {"priceDimensions": {"SKU1.JRTCKXETXF.6YS6EN2CT7": {"unit": "Hrs", "pricePerUnit": {"USD": "0.0112000000"}}}}},
        "SKU2": {"SKU2.JRTCKXETXF": {"priceDimensions": {"SKU2.JRTCKXETXF.6YS6EN2CT7": {"unit": "Hrs", "pricePerUnit": {"USD": "0.0000000000"}}}}},
        "SKU3": {"SKU3.JRTCKXETXF": {"priceDimensions": {"SKU3.JRTCKXETXF.6YS6EN2CT7": {"unit": "Hrs", "pricePerUnit": {"USD": "0.0204000000"}}}}},
        "SKU4": {"SKU4.JRTCKXETXF": {"priceDimensions": {"SKU4.JRTCKXETXF.6YS6EN2CT7": {"unit": "GB-Mo", "pricePerUnit": {"USD": "0.0912000000"}}}}},
        "SKU5": {"SKU5.JRTCKXETXF": {"priceDimensions": {
          "SKU5.JRTCKXETXF.A": {"unit": "IOPS-Mo", "beginRange": "0", "endRange": "3000", "pricePerUnit": {"USD": "0.0000000000"}},
          "SKU5.JRTCKXETXF.B": {"unit": "IOPS-Mo", "beginRange": "3000", "endRange": "Inf", "pricePerUnit": {"USD": "0.0057000000"}}}}},
        "SKU6": {"SKU6.JRTCKXETXF": {"priceDimensions": {"SKU6.JRTCKXETXF.6YS6EN2CT7": {"unit": "Hrs", "pricePerUnit": {"USD": "0.0105000000"}}}}}
      }}
    }"#;

    #[test]
    fn imports_ec2_and_ebs_on_demand_rows() {
        let path = "offers/v1.0/aws/AmazonEC2/current/ap-south-1/index.json".to_string();
        let out = rebuild_price_table(&[(path, OFFER.to_string())]).unwrap();
        let rows = parse(&out).unwrap();
        let t = super::super::table::PriceTable::from_rows(rows);
        // The Linux/shared/used row wins; the reservation (0) and Windows rows are ignored.
        assert_eq!(t.get("ec2", "t3.micro", "ap-south-1"), Some(0.0112));
        assert_eq!(t.get("ebs", "gp3", "ap-south-1"), Some(0.0912));
        assert_eq!(t.get("ebs", "gp3-iops", "ap-south-1"), Some(0.0057));
        // An existing row is replaced, and the rest of the table is kept.
        assert_eq!(t.get("ec2", "t3.micro", "us-east-1"), Some(0.0105));
        assert_eq!(
            t.row("ec2", "t3.micro", "us-east-1").unwrap().source,
            "aws-bulk-2025-03-01"
        );
        assert_eq!(t.get("ec2", "t3.micro", "eu-west-1"), Some(0.0114));
        assert!(t.get("gce-cpu", "e2", "us-central1").is_some());
        assert_eq!(t.rows.len(), parse(TABLE_CSV).unwrap().len() + 3);
    }

    #[test]
    fn rejects_files_that_are_not_offers() {
        assert!(rebuild_price_table(&[("x.json".into(), "{}".into())]).is_err());
        assert!(rebuild_price_table(&[("x.json".into(), "not json".into())]).is_err());
        assert!(rebuild_price_table(&[]).is_err());
    }
}
