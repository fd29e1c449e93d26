//! Hostile and malformed input: each case ends in a located error or a clean skip, the rest
//! of the scan still completes, and time and memory stay bounded.

mod common;

use gatepost::policy;
use gatepost::scan::{Limits, Options};
use gatepost::{scan_paths, scan_sources, Report, SourceFile};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const GOOD_TF: &str = "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n";

fn with_good(mut files: Vec<SourceFile>) -> Report {
    files.push(SourceFile {
        path: "good/main.tf".into(),
        bytes: GOOD_TF.as_bytes().to_vec(),
    });
    let start = Instant::now();
    let r = scan_sources(files, &Options::default());
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "took {:?}",
        start.elapsed()
    );
    assert!(
        r.findings
            .iter()
            .any(|f| f.file == "good/main.tf" && f.rule == "aws-s3-public-acl" && f.line == 2),
        "the good file was not scanned: {:#?}",
        r.findings
    );
    r
}

fn error_for<'a>(r: &'a Report, file: &str) -> &'a gatepost::ScanError {
    r.errors
        .iter()
        .find(|e| e.file == file)
        .unwrap_or_else(|| panic!("no error for {file}: {:#?}", r.errors))
}

fn file(path: &str, bytes: impl Into<Vec<u8>>) -> SourceFile {
    SourceFile {
        path: path.into(),
        bytes: bytes.into(),
    }
}

#[test]
fn yaml_alias_bomb_is_refused() {
    let mut y =
        String::from("apiVersion: v1\nkind: ConfigMap\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        y.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let r = with_good(vec![file("k8s/bomb.yaml", y)]);
    let e = error_for(&r, "k8s/bomb.yaml");
    assert!(e.message.contains("alias") && e.line >= 3, "{e:?}");
}

#[test]
fn deep_nesting_is_refused_in_every_format() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let r = with_good(vec![
        file("deep/a.yaml", format!("x: {deep}\n")),
        file("deep/b.json", format!("{{\"x\": {deep}}}")),
        file("deep/main.tf", format!("locals {{\n  x = {deep}\n}}\n")),
    ]);
    for f in ["deep/a.yaml", "deep/b.json", "deep/main.tf"] {
        let e = error_for(&r, f);
        assert!(
            e.line >= 1 && (e.message.contains("nesting") || e.message.contains("recursion")),
            "{e:?}"
        );
    }
}

#[test]
fn random_bytes_invalid_utf8_and_nul_are_located_errors() {
    let mut random = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        random.push((x >> 16) as u8);
    }
    let r = with_good(vec![
        file("bad/main.tf", random),
        file(
            "bad/utf8.tf",
            b"resource \"a\" \"b\" {\n  x = \"\xff\xfe\"\n}\n".to_vec(),
        ),
        file(
            "bad/nul.tf",
            b"resource \"a\" \"b\" {\n  x = 1\0\n}\n".to_vec(),
        ),
    ]);
    assert!(error_for(&r, "bad/main.tf").line >= 1);
    assert_eq!(error_for(&r, "bad/utf8.tf").line, 2);
    assert!(error_for(&r, "bad/nul.tf").line >= 2);
}

#[test]
fn crlf_bom_and_empty_files_scan_with_correct_lines() {
    let crlf = GOOD_TF.replace('\n', "\r\n");
    let bom = format!("\u{feff}{GOOD_TF}");
    let yaml = "\u{feff}apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: x\r\n";
    let r = with_good(vec![
        file("crlf/main.tf", crlf),
        file("bom/main.tf", bom),
        file("bom/ns.yaml", yaml),
        file("empty/main.tf", ""),
        file("empty/x.yaml", ""),
    ]);
    assert!(r.errors.is_empty(), "{:#?}", r.errors);
    for f in ["crlf/main.tf", "bom/main.tf"] {
        assert!(
            r.findings
                .iter()
                .any(|x| x.file == f && x.line == 2 && x.column == 3),
            "{f}: {:#?}",
            r.findings
        );
    }
    assert!(r
        .findings
        .iter()
        .any(|x| x.file == "bom/ns.yaml" && x.line == 4));
}

#[test]
fn thousands_of_tiny_files() {
    let files: Vec<SourceFile> = (0..3000)
        .map(|i| {
            file(
                &format!("many/d{}/f{i}.tf", i % 50),
                format!("resource \"aws_sqs_queue\" \"q{i}\" {{}}\n"),
            )
        })
        .collect();
    let r = with_good(files);
    assert!(r.errors.is_empty());
    assert_eq!(r.summary.resources, 3001);
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gatepost-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn huge_files_are_reported_not_read() {
    let d = temp_dir("huge");
    std::fs::write(d.join("main.tf"), GOOD_TF).unwrap();
    // A sparse 100 MB file: costs no disk, and must not be read into memory.
    let big = std::fs::File::create(d.join("big.tf")).unwrap();
    big.set_len(100 << 20).unwrap();
    let r = scan_paths(&[d.as_path()], &Options::default());
    let e = r
        .errors
        .iter()
        .find(|e| e.file.ends_with("big.tf"))
        .expect("big file reported");
    assert!(e.message.contains("limit"), "{e:?}");
    assert!(r
        .findings
        .iter()
        .any(|f| f.file.ends_with("/main.tf") && f.line == 2));
    assert_eq!(r.exit_code(gatepost::Severity::Low), 2);
}

#[cfg(unix)]
#[test]
fn symlinks_are_not_followed() {
    let outside = temp_dir("outside");
    std::fs::write(outside.join("main.tf"), GOOD_TF).unwrap();
    let d = temp_dir("links");
    std::fs::write(d.join("main.tf"), GOOD_TF).unwrap();
    std::os::unix::fs::symlink(&outside, d.join("escape")).unwrap();
    std::os::unix::fs::symlink(&d, d.join("loop")).unwrap();
    std::os::unix::fs::symlink(outside.join("main.tf"), d.join("linked.tf")).unwrap();
    let r = scan_paths(&[d.as_path()], &Options::default());
    let files: std::collections::BTreeSet<&str> =
        r.findings.iter().map(|f| f.file.as_str()).collect();
    let expected = format!("{}/main.tf", d.display());
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        vec![expected.as_str()]
    );
    assert!(r.errors.is_empty(), "{:#?}", r.errors);
}

#[test]
fn unreadable_paths_are_located_errors() {
    // Running as root defeats permission bits, so use an entry that cannot be read as a file.
    let d = temp_dir("unreadable");
    std::fs::write(d.join("main.tf"), GOOD_TF).unwrap();
    let missing = d.join("does-not-exist.tf");
    let r = scan_paths(&[d.as_path(), missing.as_path()], &Options::default());
    assert!(
        r.errors.iter().any(|e| e.file.contains("does-not-exist")),
        "{:#?}",
        r.errors
    );
    assert!(r.findings.iter().any(|f| f.file.ends_with("/main.tf")));
}

#[test]
fn slow_user_policies_hit_the_evaluation_time_limit() {
    let opts = Options {
        policies: vec![common::slow_policy()],
        limits: Limits {
            eval_time: Duration::from_millis(300),
            ..Limits::default()
        },
        ..Options::default()
    };
    // Bundled rules still run beside the stopped one.
    common::assert_slow_policy_is_stopped(file("good/main.tf", GOOD_TF), &opts);
}

#[test]
fn policy_files_with_syntax_errors_are_located() {
    let bad = policy::load(
        "user/bad.rego",
        "package user.bad\n\ndeny contains x if {\n  x := \n}\n",
        false,
    )
    .unwrap();
    let opts = Options {
        policies: vec![bad],
        ..Options::default()
    };
    let r = scan_sources(vec![file("good/main.tf", GOOD_TF)], &opts);
    let e = r
        .errors
        .iter()
        .find(|e| e.kind == "policy")
        .expect("policy error");
    assert_eq!(e.file, "user/bad.rego");
    assert!(e.line >= 4, "{e:?}");
}
