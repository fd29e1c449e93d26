//! Each `[limits]` key of `gatepost.toml` reaches the scan: with the key lowered, the input
//! just over it is refused with a located error while the rest of the scan completes; with
//! the defaults, the same input scans.

mod common;

use gatepost::config;
use gatepost::{scan_sources, Options, Report, SourceFile};
use std::path::Path;
use std::time::Duration;

const GOOD_TF: &str = "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n";

fn options(toml: &str) -> Options {
    let c = config::parse("gatepost.toml", toml, false).unwrap();
    let mut o = Options::default();
    c.apply(&mut o, Path::new("."));
    o
}

fn file(path: &str, text: impl Into<String>) -> SourceFile {
    SourceFile {
        path: path.into(),
        bytes: text.into().into_bytes(),
    }
}

/// Scan `probe` beside a good file; the good file is always scanned.
fn scan(probe: SourceFile, opts: &Options) -> Report {
    let r = scan_sources(vec![probe, file("good/main.tf", GOOD_TF)], opts);
    assert!(
        r.findings
            .iter()
            .any(|f| f.file == "good/main.tf" && f.rule == "aws-s3-public-acl"),
        "{:#?}",
        r.findings
    );
    r
}

fn error<'a>(r: &'a Report, path: &str) -> Option<&'a gatepost::ScanError> {
    r.errors.iter().find(|e| e.file == path)
}

#[test]
fn max_file_bytes() {
    let big = file(
        "big/main.tf",
        format!("{GOOD_TF}{}", "# padding\n".repeat(30)),
    );
    let r = scan(big.clone(), &options("[limits]\nmax_file_bytes = 200\n"));
    let e = error(&r, "big/main.tf").expect("refused");
    assert!(e.message.contains("over the 200-byte limit"), "{e:?}");
    assert!(r.findings.iter().all(|f| f.file != "big/main.tf"));
    let r = scan(big, &Options::default());
    assert!(error(&r, "big/main.tf").is_none());
    assert!(r.findings.iter().any(|f| f.file == "big/main.tf"));
}

#[test]
fn max_file_bytes_on_disk() {
    let d = std::env::temp_dir().join(format!("gatepost-limits-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("main.tf"), GOOD_TF).unwrap();
    std::fs::write(d.join("big.tf"), "#".repeat(500)).unwrap();
    let r = gatepost::scan_paths(&[d.as_path()], &options("[limits]\nmax_file_bytes = 400\n"));
    std::fs::remove_dir_all(&d).unwrap();
    let e = r.errors.iter().find(|e| e.file.ends_with("big.tf"));
    assert!(
        e.is_some_and(|e| e.message.contains("400-byte limit")),
        "{:?}",
        r.errors
    );
    assert!(r.findings.iter().any(|f| f.file.ends_with("/main.tf")));
}

#[test]
fn max_alias_nodes() {
    // Five aliases of a five-item list copy in 30 nodes.
    let y = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nx: &x [1, 2, 3, 4, 5]\ny: [*x, *x, *x, *x, *x]\n";
    let r = scan(
        file("k8s/a.yaml", y),
        &options("[limits]\nmax_alias_nodes = 20\n"),
    );
    let e = error(&r, "k8s/a.yaml").expect("refused");
    assert!(e.message.contains("alias") && e.line == 5, "{e:?}");
    assert!(error(
        &scan(file("k8s/a.yaml", y), &Options::default()),
        "k8s/a.yaml"
    )
    .is_none());
}

#[test]
fn max_depth_in_yaml_json_and_hcl() {
    let nest = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    let probes = [
        ("deep/a.yaml", format!("x: {}\n", nest(10))),
        ("deep/b.json", format!("{{\"x\": {}}}", nest(10))),
        (
            "deep/main.tf",
            format!("locals {{\n  x = {}\n}}\n", nest(10)),
        ),
        (
            "deep/c.tf.json",
            format!("{{\"locals\": {{\"x\": {}}}}}", nest(10)),
        ),
    ];
    let low = options("[limits]\nmax_depth = 8\n");
    for (path, text) in &probes {
        let r = scan(file(path, text.clone()), &low);
        let e = error(&r, path).unwrap_or_else(|| panic!("{path} not refused"));
        assert!(e.message.contains("nesting deeper than 8"), "{path}: {e:?}");
        let r = scan(file(path, text.clone()), &Options::default());
        assert!(error(&r, path).is_none(), "{path}: {:?}", r.errors);
    }
}

#[test]
fn max_eval_seconds() {
    let mut opts = options("[limits]\nmax_eval_seconds = 0.25\n");
    assert_eq!(opts.limits.eval_time, Duration::from_millis(250));
    opts.policies.push(common::slow_policy());
    common::assert_slow_policy_is_stopped(file("good/main.tf", GOOD_TF), &opts);
}
