//! Offline monthly cost estimates from a bundled price table.
//!
//! Every Terraform resource of a known type becomes one of:
//! - an [`ItemCost`] with line items (unit price × monthly quantity, 730 hours a month,
//!   on-demand list prices in USD);
//! - an [`ItemCost`] of 0 marked "usage-based; supply a usage file" when its cost depends
//!   on traffic or data volume (S3, Lambda, SQS, log groups...), priced from
//!   [`CostOptions::usage`] when an entry for its address is given;
//! - a [`NotPriced`] entry with the reason (unresolved size, SKU or region without a price).
//!   Nothing is ever silently counted as $0.
//!
//! Assumptions the estimator makes about provider defaults (each one is also written into
//! the item's `assumptions` when it is used):
//! - Region: the provider's region (`links.provider.region`; GCP `zone`/`region`/`location`,
//!   Azure `location` on the resource first), else [`CostOptions::default_region`], else
//!   us-east-1 / us-central1 / eastus.
//! - AWS: Linux, shared tenancy, on-demand; instance root volume 8 GB gp2 when
//!   `root_block_device` is unset; RDS storage gp2 and Multi-AZ doubles instance and storage;
//!   EKS node groups t3.medium with a 20 GB gp2 disk when unset; ALB/NLB at their fixed
//!   hourly price (LCUs are usage-based); every public IPv4 address $0.005/h.
//! - GCP: sustained-use discount for a full month (30% N1, 20% N2/N2D/C2, none for E2 and
//!   shared-core f1/g1); boot disks 10 GB pd-standard when unset; GKE node boot disks 100 GB
//!   pd-balanced; a regional GKE pool runs its node count in 3 zones; GKE free-tier credit
//!   is not applied; Cloud SQL 10 GB PD_SSD; Cloud NAT serving one VM; Cloud Run minimum
//!   instances billed always-on at instance-based rates.
//! - Azure: Linux OS disk 30 GB / Windows 127 GB billed at the disk tier that contains it;
//!   AKS Free tier unless `sku_tier` says otherwise; node OS disks not counted; Public IP
//!   Standard SKU unless set; container registry day rate × 730/24 days.

mod aws;
mod azure;
mod gcp;
pub(crate) mod item;
mod rebuild;
mod table;

pub use rebuild::rebuild_price_table;
pub use table::{price_table_info, PriceTableInfo, Prices};

use crate::model::Resource;
use item::{Item, Outcome};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

pub const HOURS_PER_MONTH: f64 = 730.0;

pub(crate) const USAGE_BASED: &str = "usage-based; supply a usage file";

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CostOptions {
    /// Region used when a resource's provider does not name one.
    pub default_region: Option<String>,
    /// Per resource address: `{"monthly_requests": .., "storage_gb": .., ...}`.
    pub usage: Option<serde_json::Value>,
    /// A price table to use instead of the embedded one (see [`Prices::parse`]).
    #[serde(skip)]
    pub prices: Option<Arc<Prices>>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CostReport {
    pub apps: Vec<AppCost>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AppCost {
    pub app: String,
    /// Baseline monthly total in USD, rounded to cents.
    pub monthly: f64,
    /// True when some value was unresolved or some item could not be priced.
    pub lower_bound: bool,
    pub items: Vec<ItemCost>,
    pub not_priced: Vec<NotPriced>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ItemCost {
    pub address: String,
    pub resource_type: String,
    pub file: String,
    pub line: u32,
    pub region: String,
    pub monthly: f64,
    pub line_items: Vec<LineItem>,
    pub assumptions: Vec<String>,
    pub unresolved: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LineItem {
    pub name: String,
    pub quantity: f64,
    pub unit: String,
    pub unit_price: f64,
    pub monthly: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NotPriced {
    pub address: String,
    pub resource_type: String,
    pub file: String,
    pub line: u32,
    pub reason: String,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[derive(Clone, Copy, PartialEq)]
enum Provider {
    Aws,
    Gcp,
    Azure,
}

impl Provider {
    fn of(type_: &str) -> Option<Provider> {
        match type_.split('_').next()? {
            "aws" => Some(Provider::Aws),
            "google" => Some(Provider::Gcp),
            "azurerm" => Some(Provider::Azure),
            _ => None,
        }
    }

    /// The provider column of the price table.
    fn table_name(self) -> &'static str {
        match self {
            Provider::Aws => "aws",
            Provider::Gcp => "gcp",
            Provider::Azure => "azure",
        }
    }

    fn default_region(self) -> &'static str {
        match self {
            Provider::Aws => "us-east-1",
            Provider::Gcp => "us-central1",
            Provider::Azure => "eastus",
        }
    }

    /// Whether `region` is spelled like one of this provider's regions, so a single
    /// `default_region` option is only applied to the provider it names.
    fn looks_like(self, region: &str) -> bool {
        let parts: Vec<&str> = region.split('-').collect();
        let alnum = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        };
        match self {
            Provider::Aws => {
                parts.len() >= 3
                    && parts.iter().all(|p| alnum(p))
                    && parts
                        .last()
                        .is_some_and(|p| p.chars().all(|c| c.is_ascii_digit()))
            }
            Provider::Gcp => {
                parts.len() == 2
                    && parts.iter().all(|p| alnum(p))
                    && parts[1].ends_with(|c: char| c.is_ascii_digit())
            }
            Provider::Azure => parts.len() == 1 && alnum(region),
        }
    }
}

fn known_string(v: Option<&serde_json::Value>) -> Option<String> {
    match v {
        Some(serde_json::Value::String(s)) if !s.contains("${") && !s.is_empty() => Some(s.clone()),
        _ => None,
    }
}

/// The region and, when it was not read from the configuration, the assumption made.
fn resolve_region(r: &Resource, p: Provider, opts: &CostOptions) -> (String, Option<String>) {
    let own = match p {
        Provider::Aws => None,
        Provider::Gcp => gcp::resource_region(r),
        Provider::Azure => azure::resource_region(r),
    };
    let from_provider = || known_string(r.links.get("provider").and_then(|pv| pv.get("region")));
    if let Some(reg) = own.or_else(from_provider) {
        return (reg, None);
    }
    if let Some(d) = opts.default_region.as_deref().filter(|d| p.looks_like(d)) {
        return (
            d.to_string(),
            Some(format!(
                "region not set in the configuration; using the default region {d}"
            )),
        );
    }
    let d = p.default_region();
    (
        d.to_string(),
        Some(format!(
            "region not set in the configuration; assuming the provider default {d}"
        )),
    )
}

/// Estimate the monthly cost of every priceable Terraform resource, grouped by app.
pub fn estimate(resources: &[Resource], opts: &CostOptions) -> CostReport {
    let mut apps: BTreeMap<String, AppCost> = BTreeMap::new();
    for r in resources.iter().filter(|r| r.kind == "terraform.resource") {
        let Some(p) = Provider::of(&r.type_) else {
            continue;
        };
        let (region, region_assumption) = resolve_region(r, p, opts);
        let usage = opts.usage.as_ref().and_then(|u| u.get(&r.address));
        let table = match &opts.prices {
            Some(own) => own.for_provider(p.table_name()),
            None => table::for_provider(p.table_name()),
        };
        let mut item = Item {
            r,
            region,
            table,
            usage,
            line_items: Vec::new(),
            assumptions: region_assumption.into_iter().collect(),
            unresolved: Vec::new(),
        };
        let outcome = match p {
            Provider::Aws => aws::price(&mut item),
            Provider::Gcp => gcp::price(&mut item),
            Provider::Azure => azure::price(&mut item),
        };
        let Some(outcome) = outcome else { continue };
        let app = apps.entry(r.app.clone()).or_insert_with(|| AppCost {
            app: r.app.clone(),
            monthly: 0.0,
            lower_bound: false,
            items: Vec::new(),
            not_priced: Vec::new(),
        });
        match outcome {
            Outcome::NotPriced(reason) => {
                app.lower_bound = true;
                app.not_priced.push(NotPriced {
                    address: r.address.clone(),
                    resource_type: r.type_.clone(),
                    file: r.file.to_string(),
                    line: r.line,
                    reason,
                });
            }
            Outcome::Priced | Outcome::UsageBased => {
                if matches!(outcome, Outcome::UsageBased) {
                    item.assume(USAGE_BASED);
                }
                let monthly = round2(item.line_items.iter().map(|l| l.monthly).sum());
                app.lower_bound |= !item.unresolved.is_empty();
                app.items.push(ItemCost {
                    address: r.address.clone(),
                    resource_type: r.type_.clone(),
                    file: r.file.to_string(),
                    line: r.line,
                    region: item.region,
                    monthly,
                    line_items: item.line_items,
                    assumptions: item.assumptions,
                    unresolved: item.unresolved,
                });
            }
        }
    }
    let apps = apps
        .into_values()
        .map(|mut a| {
            a.items.sort_by(|x, y| {
                y.monthly
                    .total_cmp(&x.monthly)
                    .then_with(|| x.address.cmp(&y.address))
            });
            a.not_priced.sort_by(|x, y| x.address.cmp(&y.address));
            a.monthly = round2(a.items.iter().map(|i| i.monthly).sum());
            a
        })
        .collect();
    CostReport { apps }
}
