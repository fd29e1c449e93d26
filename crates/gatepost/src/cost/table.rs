//! The embedded price table: `data/prices/prices.csv`, parsed once.
//!
//! One row per (provider, service, key, region) with a unit price in USD. Region `*` holds
//! figures a provider publishes as the same in every commercial region (EIP, EKS, KMS...).

use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

pub(crate) const TABLE_CSV: &str = include_str!("../../data/prices/prices.csv");

/// The header line every table file carries after its comments.
pub(crate) const HEADER: &str = "provider,service,key,region,unit,price,source";

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub provider: String,
    pub service: String,
    pub key: String,
    pub region: String,
    pub unit: String,
    pub price: f64,
    pub source: String,
}

impl Row {
    pub fn to_line(&self) -> String {
        format!(
            "{},{},{},{},{},{},{}",
            self.provider, self.service, self.key, self.region, self.unit, self.price, self.source
        )
    }
}

pub(crate) struct PriceTable {
    pub rows: Vec<Row>,
    /// (service, key, region) -> index into `rows`.
    index: HashMap<(String, String, String), usize>,
}

pub(crate) fn parse(text: &str) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line == HEADER {
            continue;
        }
        let f: Vec<&str> = line.split(',').collect();
        if f.len() != 7 {
            return Err(format!("price table line {}: expected 7 fields", n + 1));
        }
        let price = f[5]
            .parse::<f64>()
            .map_err(|_| format!("price table line {}: bad price {:?}", n + 1, f[5]))?;
        rows.push(Row {
            provider: f[0].into(),
            service: f[1].into(),
            key: f[2].into(),
            region: f[3].into(),
            unit: f[4].into(),
            price,
            source: f[6].into(),
        });
    }
    Ok(rows)
}

impl PriceTable {
    pub fn from_rows(rows: Vec<Row>) -> Self {
        let mut index = HashMap::with_capacity(rows.len());
        for (i, r) in rows.iter().enumerate() {
            index.insert((r.service.clone(), r.key.clone(), r.region.clone()), i);
        }
        PriceTable { rows, index }
    }

    /// Unit price for `key` of `service` in `region`, falling back to the `*` (all regions) row.
    pub fn get(&self, service: &str, key: &str, region: &str) -> Option<f64> {
        self.row(service, key, region).map(|r| r.price)
    }

    pub fn row(&self, service: &str, key: &str, region: &str) -> Option<&Row> {
        let k = |reg: &str| (service.to_string(), key.to_string(), reg.to_string());
        self.index
            .get(&k(region))
            .or_else(|| self.index.get(&k("*")))
            .map(|&i| &self.rows[i])
    }

    /// Whether the table has any price for this service in this region (used to tell an
    /// unknown region from an unknown SKU in reasons).
    pub fn has_region(&self, service: &str, region: &str) -> bool {
        self.rows
            .iter()
            .any(|r| r.service == service && (r.region == region || r.region == "*"))
    }
}

pub(crate) static TABLE: LazyLock<PriceTable> = LazyLock::new(|| {
    PriceTable::from_rows(parse(TABLE_CSV).expect("embedded price table is valid"))
});

/// One provider's rows only. A scan parses just the providers it prices: the Azure block
/// alone is ~17k rows, and parsing the whole table dominated a small app's cold start.
fn provider_table(provider: &str) -> PriceTable {
    // The table is 1.2 MB, mostly Azure: find this provider's rows with a vectorised
    // substring search instead of splitting every line.
    let prefix = format!("\n{provider},");
    let bytes = TABLE_CSV.as_bytes();
    let mut lines = String::new();
    for start in memchr::memmem::find_iter(bytes, prefix.as_bytes()) {
        let row = &TABLE_CSV[start + 1..];
        let end = row.find('\n').map_or(row.len(), |e| e + 1);
        lines.push_str(&row[..end]);
    }
    PriceTable::from_rows(parse(&lines).expect("embedded price table is valid"))
}

static AWS: LazyLock<PriceTable> = LazyLock::new(|| provider_table("aws"));
static GCP: LazyLock<PriceTable> = LazyLock::new(|| provider_table("gcp"));
static AZURE: LazyLock<PriceTable> = LazyLock::new(|| provider_table("azure"));

/// The rows of one provider (`aws`, `gcp`, `azure`), parsed on first use.
pub(crate) fn for_provider(provider: &str) -> &'static PriceTable {
    match provider {
        "aws" => &AWS,
        "gcp" => &GCP,
        _ => &AZURE,
    }
}

/// A whole price table read from a file (what `gatepost prices update` writes), used in
/// place of the embedded one so refreshed prices take effect without a rebuild.
pub struct Prices {
    aws: PriceTable,
    gcp: PriceTable,
    azure: PriceTable,
}

impl Prices {
    pub fn parse(text: &str) -> Result<Prices, String> {
        let mut by: BTreeMap<&str, Vec<Row>> = BTreeMap::new();
        for row in parse(text)? {
            let p = match row.provider.as_str() {
                "aws" => "aws",
                "gcp" => "gcp",
                "azure" => "azure",
                other => return Err(format!("price table: unknown provider {other:?}")),
            };
            by.entry(p).or_default().push(row);
        }
        if by.is_empty() {
            return Err("price table: no price rows".into());
        }
        let mut take = |p| PriceTable::from_rows(by.remove(p).unwrap_or_default());
        Ok(Prices {
            aws: take("aws"),
            gcp: take("gcp"),
            azure: take("azure"),
        })
    }

    /// Number of price points.
    pub fn len(&self) -> usize {
        self.aws.rows.len() + self.gcp.rows.len() + self.azure.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(crate) fn for_provider(&self, provider: &str) -> &PriceTable {
        match provider {
            "aws" => &self.aws,
            "gcp" => &self.gcp,
            _ => &self.azure,
        }
    }
}

impl std::fmt::Debug for Prices {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Prices({} price points)", self.len())
    }
}

/// Where the embedded prices came from, for `gatepost cost --explain` and the docs.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PriceTableInfo {
    /// Total (service, key, region) price points.
    pub price_points: usize,
    /// Price points per provider.
    pub per_provider: BTreeMap<String, usize>,
    /// Price points per source tag (see `sources`).
    pub per_source: BTreeMap<String, usize>,
    /// Source tag -> where the figures come from and the date they refer to.
    pub sources: BTreeMap<String, String>,
    /// Distinct regions that have at least one price, per provider.
    pub regions: BTreeMap<String, Vec<String>>,
    pub hours_per_month: f64,
    pub currency: String,
    pub provenance: String,
}

const PROVENANCE: &str = include_str!("../../data/prices/PROVENANCE.md");

fn describe(source: &str) -> String {
    match source {
        "libcloud-3.9.1" => "apache-libcloud 3.9.1 (PyPI), libcloud/data/pricing.json: GCE per-vCPU/per-GB \
            and persistent-disk list prices with their Cloud Billing SKU ids, Azure pay-as-you-go VM \
            prices per size and region; file stamped 2025-03-02 (Azure block predates Dv5 sizes)"
            .into(),
        "aws-list-2025" => "AWS on-demand list prices as published on the AWS pricing pages, \
            entered by hand for the regions listed in PROVENANCE.md (figures in force in 2025)"
            .into(),
        "gcp-list-2025" => "Google Cloud list prices as published on the pricing pages, entered by \
            hand (us-central1 and global figures, 2025)"
            .into(),
        "azure-list-2025" => "Azure pay-as-you-go list prices as published on the pricing pages, \
            entered by hand (East US and global figures, 2025)"
            .into(),
        s if s.starts_with("aws-bulk") => "AWS Price List bulk offer file imported with `gatepost prices update`".into(),
        s if s.starts_with("gcp-catalog") => "Google Cloud Billing Catalog SKU list imported with `gatepost prices update`".into(),
        s if s.starts_with("azure-retail") => "Azure Retail Prices pages imported with `gatepost prices update`".into(),
        s => format!("see PROVENANCE.md ({s})"),
    }
}

pub fn price_table_info() -> PriceTableInfo {
    let t = &*TABLE;
    let mut per_provider = BTreeMap::new();
    let mut per_source = BTreeMap::new();
    let mut regions: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    for r in &t.rows {
        *per_provider.entry(r.provider.clone()).or_insert(0) += 1;
        *per_source.entry(r.source.clone()).or_insert(0) += 1;
        if r.region != "*" {
            regions
                .entry(r.provider.clone())
                .or_default()
                .insert(r.region.clone());
        }
    }
    let sources = per_source
        .keys()
        .map(|s: &String| (s.clone(), describe(s)))
        .collect();
    PriceTableInfo {
        price_points: t.rows.len(),
        per_provider,
        per_source,
        sources,
        regions: regions
            .into_iter()
            .map(|(k, v)| (k, v.into_iter().collect()))
            .collect(),
        hours_per_month: super::HOURS_PER_MONTH,
        currency: "USD".into(),
        provenance: PROVENANCE.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_provider_table_holds_exactly_its_rows_of_the_whole_table() {
        let all = parse(TABLE_CSV).unwrap();
        for p in ["aws", "gcp", "azure"] {
            let want: Vec<&Row> = all.iter().filter(|r| r.provider == p).collect();
            let got = provider_table(p);
            assert!(!want.is_empty(), "{p}");
            assert_eq!(got.rows.iter().collect::<Vec<_>>(), want, "{p}");
        }
    }
}
