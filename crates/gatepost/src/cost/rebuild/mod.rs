//! Rebuilding the price table from the providers' public bulk price files, offline:
//! - AWS Price List offer files (`offers/v1.0/aws/<offer>/current/<region>/index.json`):
//!   EC2, EBS and RDS on-demand rows ([`aws`]);
//! - Google Cloud Billing Catalog SKU pages of Compute Engine: vCPU, memory, shared-core
//!   and persistent-disk rows ([`gcp`]);
//! - Azure Retail Prices pages: pay-as-you-go VM hours and managed disk tiers ([`azure`]).
//!
//! The kind of each file is told from its shape. Rows read from the inputs replace the
//! embedded table's rows with the same (service, key, region); every other row is kept, so
//! a partial import (one region, one offer) refreshes just that part of the table.

mod aws;
mod azure;
mod gcp;

use super::table::{parse, Row, HEADER, TABLE_CSV};
use serde_json::Value;
use std::collections::HashMap;

/// Read bulk price files (`(path, contents)`) and return the new table file contents.
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
        let new = rows_of(path, &doc)?;
        if new.is_empty() {
            return Err(format!(
                "{path}: no prices the estimator uses were found in this file"
            ));
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

/// Prices found in one file, as (service, key, region, unit, price), turned into table rows
/// of `provider` from `source`, in table order.
fn found_rows<K: Into<String>>(
    provider: &str,
    source: &str,
    found: Vec<(&str, K, String, &str, f64)>,
) -> Vec<Row> {
    let mut out: Vec<Row> = found
        .into_iter()
        .map(|(service, key, region, unit, price)| Row {
            provider: provider.into(),
            service: service.into(),
            key: key.into(),
            region,
            unit: unit.into(),
            price,
            source: source.into(),
        })
        .collect();
    out.sort_by(|a, b| (&a.service, &a.key, &a.region).cmp(&(&b.service, &b.key, &b.region)));
    out
}

fn rows_of(path: &str, doc: &Value) -> Result<Vec<Row>, String> {
    if aws::is_offer(doc) {
        aws::offer_rows(path, doc)
    } else if gcp::is_catalog(doc) {
        gcp::catalog_rows(path, doc)
    } else if azure::is_retail(doc) {
        azure::retail_rows(path, doc)
    } else {
        Err(format!(
            "{path}: not an AWS offer file, a Cloud Billing SKU list or an Azure retail prices page"
        ))
    }
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
