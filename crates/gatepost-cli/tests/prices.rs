//! `gatepost prices update` end to end: rebuild the table from small files shaped like the
//! providers' public bulk price files, then estimate with it through `--prices` and the
//! `cost.prices` configuration key.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/prices")
        .join(name)
        .display()
        .to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gatepost-prices-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn gatepost(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gatepost"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const APP: &str = r#"
provider "aws" {
  region = "ap-southeast-2"
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "google_compute_instance" "worker" {
  name         = "worker"
  machine_type = "e2-standard-2"
  zone         = "us-east1-b"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
  }
}

resource "azurerm_linux_virtual_machine" "api" {
  name                  = "api"
  resource_group_name   = "rg"
  location              = "eastus"
  size                  = "Standard_D2s_v5"
  admin_username        = "ops"
  network_interface_ids = []
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }
}
"#;

fn all_inputs() -> Vec<String> {
    [
        "aws-ec2-ap-southeast-2.json",
        "gcp-compute-skus.json",
        "azure-retail-prices.json",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect()
}

fn rebuild(dir: &Path) -> String {
    let mut args = vec!["prices".to_string(), "update".into(), "--from".into()];
    args.extend(all_inputs());
    args.extend(["--output".into(), "prices.csv".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = gatepost(dir, &args);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("price points"), "{err}");
    std::fs::read_to_string(dir.join("prices.csv")).unwrap()
}

fn estimate(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["cost", "--format", "json", "--no-config", "."];
    if extra.contains(&"--config") {
        args.retain(|a| *a != "--no-config");
    }
    args.extend_from_slice(extra);
    let (code, out, err) = gatepost(dir, &args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"))
}

fn item<'a>(costs: &'a Value, address: &str) -> Option<&'a Value> {
    costs["apps"][0]["items"]
        .as_array()?
        .iter()
        .find(|i| i["address"] == address)
}

fn not_priced(costs: &Value) -> Vec<String> {
    costs["apps"][0]["not_priced"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| n["address"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn update_imports_the_on_demand_rows_of_each_provider() {
    let dir = scratch("rows");
    let table = rebuild(&dir);
    // Exactly these rows come from the imports: Linux/shared EC2 hours (not the Windows or
    // dedicated t3.micro), one GCP row per region a SKU serves (not its Spot or commitment
    // SKUs), Azure pay-as-you-go hours and disk tiers (not Spot, reservations or operations).
    let mut imported: Vec<&str> = table
        .lines()
        .filter(|l| {
            l.ends_with("-2025-03-01") || l.ends_with("-2025-03-02") || l.ends_with("-2024-02-01")
        })
        .collect();
    imported.sort();
    let mut expected = vec![
        "aws,ebs,gp2,ap-southeast-2,gb-month,0.12,aws-bulk-2025-03-01",
        "aws,ebs,gp3,ap-southeast-2,gb-month,0.096,aws-bulk-2025-03-01",
        "aws,ec2,m5.large,ap-southeast-2,hour,0.12,aws-bulk-2025-03-01",
        "aws,ec2,t3.micro,ap-southeast-2,hour,0.0132,aws-bulk-2025-03-01",
        "azure,managed-disk,Standard_LRS:S4,westus3,month,1.54,azure-retail-2024-02-01",
        "azure,vm-linux,standardd2sv5,eastus,hour,0.096,azure-retail-2024-02-01",
        "azure,vm-windows,standardd2sv5,eastus,hour,0.188,azure-retail-2024-02-01",
        "gcp,gce-cpu,e2,us-east1,vcpu-hour,0.02181159,gcp-catalog-2025-03-02",
        "gcp,gce-cpu,e2,us-west1,vcpu-hour,0.02181159,gcp-catalog-2025-03-02",
        "gcp,gce-disk,pd-standard,us-east1,gb-month,0.04,gcp-catalog-2025-03-02",
        "gcp,gce-ram,e2,us-east1,gb-hour,0.00292353,gcp-catalog-2025-03-02",
        "gcp,gce-ram,e2,us-west1,gb-hour,0.00292353,gcp-catalog-2025-03-02",
    ];
    expected.sort();
    assert_eq!(imported, expected);
    // Every bundled row is kept: the import only adds these 12 rows.
    let bundled = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../gatepost/data/prices/prices.csv"),
    )
    .unwrap();
    let rows = |t: &str| t.lines().filter(|l| !l.starts_with('#')).count();
    assert_eq!(rows(&table), rows(&bundled) + 12);
    assert!(table.contains("aws,ec2,t3.micro,us-east-1,hour,0.0104,aws-list-2025"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn estimates_use_the_rebuilt_table() {
    let dir = scratch("use");
    std::fs::write(dir.join("main.tf"), APP).unwrap();
    let table = rebuild(&dir);
    assert!(!table.is_empty());

    // The bundled table has no prices for these regions and sizes...
    let before = estimate(&dir, &[]);
    let mut missing = not_priced(&before);
    missing.sort();
    assert_eq!(
        missing,
        [
            "aws_instance.web",
            "azurerm_linux_virtual_machine.api",
            "google_compute_instance.worker"
        ]
    );

    // ...the rebuilt one prices all three, from the imported figures.
    let after = estimate(&dir, &["--prices", "prices.csv"]);
    assert!(not_priced(&after).is_empty(), "{after:#}");
    let monthly = |a: &str| item(&after, a).unwrap()["monthly"].as_f64().unwrap();
    let round = |x: f64| (x * 100.0).round() / 100.0;
    // t3.micro hours + the default 8 GB gp2 root volume.
    assert_eq!(
        monthly("aws_instance.web"),
        round(730.0 * 0.0132 + 8.0 * 0.12)
    );
    // 2 vCPUs + 8 GB of E2 (no sustained-use discount) + the default 10 GB pd-standard.
    assert_eq!(
        monthly("google_compute_instance.worker"),
        round(730.0 * (2.0 * 0.02181159 + 8.0 * 0.00292353) + 10.0 * 0.04)
    );
    // D2s v5 hours + the 30 GB OS disk at the bundled East US S4 tier.
    assert_eq!(
        monthly("azurerm_linux_virtual_machine.api"),
        round(730.0 * 0.096 + 1.54)
    );

    // The same table named in gatepost.toml (relative to that file).
    std::fs::create_dir_all(dir.join("conf")).unwrap();
    std::fs::rename(dir.join("prices.csv"), dir.join("conf/prices.csv")).unwrap();
    std::fs::write(
        dir.join("conf/gatepost.toml"),
        "[cost]\nprices = \"prices.csv\"\n",
    )
    .unwrap();
    let via_config = estimate(&dir, &["--config", "conf/gatepost.toml"]);
    assert_eq!(
        via_config["apps"][0]["monthly"],
        after["apps"][0]["monthly"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_inputs_are_reported_not_written() {
    let dir = scratch("bad");
    std::fs::write(dir.join("other.json"), r#"{"hello": "world"}"#).unwrap();
    std::fs::write(dir.join("broken.json"), "{ not json").unwrap();
    for f in ["other.json", "broken.json", "missing.json"] {
        let (code, out, err) = gatepost(&dir, &["prices", "update", "--from", f, "-o", "t.csv"]);
        assert_eq!(code, 2, "{f}: {out}{err}");
        assert!(err.contains(f), "{err}");
        assert!(!dir.join("t.csv").exists());
    }
    // A table that is not one is refused by --prices too.
    std::fs::write(dir.join("main.tf"), APP).unwrap();
    let (code, _, err) = gatepost(
        &dir,
        &["cost", "--no-config", "--prices", "other.json", "."],
    );
    assert_eq!(code, 2);
    assert!(err.contains("other.json"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
