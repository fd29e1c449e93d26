//! The README's cost breakdown is the real output of the command it shows, and its total
//! is what the JSON estimate computes.

use std::path::Path;
use std::process::Command;

const COMMAND: &str = "$ gatepost cost testdata/examples/where2eat";

fn gatepost(args: &[&str]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_gatepost"))
        .args(args)
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The lines the README shows under the command, up to the end of its code block.
fn readme_block() -> String {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md"))
            .unwrap();
    let start = readme.find(COMMAND).expect("README shows the cost example") + COMMAND.len();
    let rest = readme[start..].trim_start_matches('\n');
    rest[..rest.find("```").expect("code block ends")].to_string()
}

#[test]
fn readme_cost_example_is_the_real_output() {
    let shown = readme_block();
    let real = gatepost(&["cost", "testdata/examples/where2eat"]);
    assert_eq!(
        shown, real,
        "README.md's cost example is stale; paste the output of `gatepost cost testdata/examples/where2eat`"
    );
    // The figures add up: the total is the JSON estimate's and the sum of its line items.
    let json: serde_json::Value = serde_json::from_str(&gatepost(&[
        "cost",
        "--format",
        "json",
        "testdata/examples/where2eat",
    ]))
    .unwrap();
    let app = &json["apps"][0];
    let total = app["monthly"].as_f64().unwrap();
    assert!(shown.contains(&format!("${total:.2}/month")), "{shown}");
    let sum: f64 = app["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["line_items"].as_array().unwrap())
        .map(|l| l["monthly"].as_f64().unwrap())
        .sum();
    assert!((sum - total).abs() < 0.01, "{sum} vs {total}");
    assert!(app["not_priced"].as_array().unwrap().is_empty());
}
