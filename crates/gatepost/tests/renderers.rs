//! Every output format on the bundled example: SARIF against the official 2.1.0 schema,
//! GitHub workflow commands, the text renderer, and the generated rule reference.

use gatepost::{render, scan_paths, Options, Report};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example() -> Report {
    let dir = root().join("testdata/examples/where2eat");
    let report = scan_paths(&[dir.as_path()], &Options::default());
    assert!(report.findings.len() >= 5, "{:?}", report.findings);
    report
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("crates/gatepost/tests/data/sarif-2.1.0.schema.json"))
            .unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn sarif_errors(validator: &jsonschema::Validator, sarif: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_validates_against_the_official_schema_and_carries_rule_metadata() {
    let report = example();
    let rules = render::all_rules();
    let sarif: serde_json::Value =
        serde_json::from_str(&render::sarif(&report, &rules)).expect("SARIF is JSON");
    let validator = sarif_validator();
    let errors = sarif_errors(&validator, &sarif);
    assert!(errors.is_empty(), "{errors:#?}");
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = "severe".into();
    assert!(!validator.is_valid(&broken), "the schema is really checked");

    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), report.findings.len());
    let descriptors = run["tool"]["driver"]["rules"].as_array().unwrap();
    for (res, f) in results.iter().zip(&report.findings) {
        assert_eq!(res["ruleId"], f.rule.as_str());
        let region = &res["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], f.line);
        assert_eq!(region["startColumn"], f.column);
        assert_eq!(
            res["partialFingerprints"]["gatepost/v1"],
            f.fingerprint.as_str()
        );
        let d = &descriptors[res["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(d["id"], f.rule.as_str());
        assert!(d["help"]["text"].as_str().unwrap().contains("Fix:"));
        assert!(!d["shortDescription"]["text"].as_str().unwrap().is_empty());
    }
}

#[test]
fn github_annotations_are_one_escaped_line_per_finding() {
    let mut report = example();
    report.findings[0].message = "line one\nline two: 100%, done".into();
    let out = render::github(&report);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), report.findings.len() + report.errors.len());
    for (l, f) in lines.iter().zip(&report.findings) {
        let level = match f.severity {
            gatepost::Severity::Critical | gatepost::Severity::High => "error",
            gatepost::Severity::Medium | gatepost::Severity::Low => "warning",
            gatepost::Severity::Info => "notice",
        };
        assert!(
            l.starts_with(&format!(
                "::{level} file={},line={},col={},title=",
                f.file, f.line, f.column
            )),
            "{l}"
        );
        assert!(l.contains(&format!("({})::", f.rule)), "{l}");
    }
    assert!(
        lines[0].ends_with("::line one%0Aline two: 100%25, done"),
        "{}",
        lines[0]
    );
}

#[test]
fn text_shows_each_offending_line_under_its_location_and_one_summary_line() {
    let report = example();
    let plain = render::text(&report, false);
    assert!(!plain.contains('\u{1b}'), "no colour codes off a terminal");
    for f in &report.findings {
        let head = format!("[{} {}]: {}", f.rule, f.severity.as_str(), f.message);
        assert!(plain.contains(&head), "missing {head}");
        assert!(plain.contains(&format!("{}:{}:{}", f.file, f.line, f.column)));
        let src = &report.sources[&f.file];
        let line = src.lines().nth(f.line as usize - 1).unwrap();
        assert!(
            plain.contains(&format!("{} │ {}", f.line, line.trim_end())),
            "source line {} of {} not shown",
            f.line,
            f.file
        );
    }
    let last = plain.lines().last().unwrap();
    assert_eq!(
        last,
        render::summary_line(&report).trim_end(),
        "the summary is the last line"
    );
    assert!(last.starts_with(&format!("gatepost: {} findings (", report.findings.len())));
    assert!(
        render::text(&report, true).contains('\u{1b}'),
        "colour when asked"
    );
}

#[test]
fn docs_rules_md_is_up_to_date() {
    let want = render::rules_markdown(&render::all_rules());
    let path = root().join("docs/rules.md");
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is stale: run `cargo run -p gatepost-cli -- rules --format markdown --output docs/rules.md`"
    );
    for r in render::all_rules() {
        assert!(have.contains(&format!("## {}\n", r.id)), "{}", r.id);
    }
}

/// A bucket two module calls deep, with a public ACL.
fn nested_module_report() -> Report {
    let src = |path: &str, text: &str| gatepost::SourceFile {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    };
    gatepost::scan_sources(
        vec![
            src(
                "app/main.tf",
                "module \"app\" {\n  source = \"./modules/app\"\n}\n",
            ),
            src(
                "app/modules/app/main.tf",
                "# the app's storage\nmodule \"bucket\" {\n  source = \"../bucket\"\n  acl    = \"public-read\"\n}\n",
            ),
            src(
                "app/modules/bucket/main.tf",
                "variable \"acl\" {}\n\nresource \"aws_s3_bucket\" \"this\" {\n  acl = var.acl\n}\n",
            ),
        ],
        &Options::default(),
    )
}

#[test]
fn findings_in_modules_name_the_calling_chain_in_json_text_and_sarif() {
    let report = nested_module_report();
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let f = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "aws-s3-public-acl")
        .unwrap_or_else(|| panic!("{json:#}"));
    assert_eq!(f["file"], "app/modules/bucket/main.tf");
    assert_eq!(f["line"], 4);
    assert_eq!(
        f["module_chain"],
        serde_json::json!([
            {"address": "module.app", "file": "app/main.tf", "line": 1},
            {"address": "module.app.module.bucket", "file": "app/modules/app/main.tf", "line": 2}
        ])
    );
    // Findings on root resources carry no chain at all.
    assert!(json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["file"] == "app/modules/bucket/main.tf" || f.get("module_chain").is_none()));

    let text = render::text(&report, false);
    assert!(
        text.contains(
            "= via module.app (app/main.tf:1) → module.app.module.bucket (app/modules/app/main.tf:2)"
        ),
        "{text}"
    );

    let sarif: serde_json::Value =
        serde_json::from_str(&render::sarif(&report, &render::all_rules())).unwrap();
    let errors = sarif_errors(&sarif_validator(), &sarif);
    assert!(errors.is_empty(), "{errors:#?}");
    let res = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "aws-s3-public-acl")
        .unwrap();
    let related = res["relatedLocations"].as_array().unwrap();
    let got: Vec<(&str, &str, u64)> = related
        .iter()
        .map(|l| {
            (
                l["message"]["text"].as_str().unwrap(),
                l["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap(),
                l["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("via module.app", "app/main.tf", 1),
            ("via module.app.module.bucket", "app/modules/app/main.tf", 2)
        ]
    );
}
