//! The bundled where2eat example through the whole pipeline, and bad input beside it.

mod common;

use gatepost::{scan_paths, scan_sources, Options, SourceFile};
use std::path::Path;

use common::root;

fn example_report() -> gatepost::Report {
    std::env::set_current_dir(root()).unwrap();
    scan_paths(
        &[Path::new("testdata/examples/where2eat")],
        &Options::default(),
    )
}

fn has(report: &gatepost::Report, rule: &str, file: &str, line: u32) -> bool {
    report
        .findings
        .iter()
        .any(|f| f.rule == rule && f.file.ends_with(file) && f.line == line)
}

#[test]
fn example_app_reports_each_planted_problem_on_its_line() {
    let r = example_report();
    assert!(r.errors.is_empty(), "{:#?}", r.errors);
    let expected = [
        ("aws-s3-public-acl", "terraform/main.tf", 29),
        ("aws-iam-wildcard-action", "terraform/iam.tf", 23),
        ("aws-iam-role-admin-assumable", "terraform/iam.tf", 8),
        ("cost-app-over-ceiling", "terraform/main.tf", 41),
        ("k8s-namespace-without-quota", "k8s/namespace.yaml", 34),
        ("k8s-container-without-limits", "k8s/deployment.yaml", 20),
        (
            "gha-permissions-write-all",
            ".github/workflows/deploy.yml",
            8,
        ),
        ("gha-unpinned-action", ".github/workflows/deploy.yml", 16),
        (
            "gha-checkout-persist-credentials",
            ".github/workflows/deploy.yml",
            14,
        ),
        ("k8s-container-without-requests", "k8s/deployment.yaml", 20),
        (
            "aws-s3-public-access-block-disabled",
            "terraform/main.tf",
            34,
        ),
        (
            "aws-s3-public-access-block-disabled",
            "terraform/main.tf",
            36,
        ),
        // Workload guardrails: the container has no securityContext.
        ("k8s-capabilities-not-dropped", "k8s/deployment.yaml", 20),
        ("k8s-privilege-escalation", "k8s/deployment.yaml", 20),
        ("k8s-run-as-root", "k8s/deployment.yaml", 20),
        ("k8s-image-without-digest", "k8s/deployment.yaml", 21),
        ("k8s-service-exposed", "k8s/preview.yaml", 8),
        // Hygiene: see testdata/examples/where2eat/README.md.
        ("tags-required-missing", "terraform/main.tf", 44),
        ("tags-required-missing", "terraform/iam.tf", 1),
        ("tags-required-missing", "k8s/deployment.yaml", 15),
        ("expiry-tag-invalid", "k8s/namespace.yaml", 33),
        ("expiry-tag-invalid", "terraform/main.tf", 56),
        ("retention-class-not-allowed", "terraform/main.tf", 57),
        ("disallowed-type-for-env", "terraform/main.tf", 51),
        ("disallowed-loadbalancer-service", "k8s/preview.yaml", 8),
        (
            "preview-long-lived-cloud-keys",
            ".github/workflows/deploy.yml",
            27,
        ),
        (
            "prod-deploy-without-environment",
            ".github/workflows/deploy.yml",
            11,
        ),
        // The committed AWS key in the app's .env.
        ("hardcoded-secret", ".env", 3),
    ];
    for (rule, file, line) in expected {
        assert!(
            has(&r, rule, file, line),
            "missing {rule} at {file}:{line}; got {:#?}",
            r.findings
        );
    }
    // Paths are reported as given plus the path below them, lines and columns 1-based.
    for f in &r.findings {
        assert!(
            f.file.starts_with("testdata/examples/where2eat/"),
            "{}",
            f.file
        );
        assert!(f.line >= 1 && f.column >= 1);
        assert_eq!(f.fingerprint.len(), 16);
    }
    let key = r
        .findings
        .iter()
        .find(|f| f.rule == "hardcoded-secret")
        .unwrap();
    assert_eq!(
        (key.file.as_str(), key.line, key.column),
        ("testdata/examples/where2eat/.env", 3, 19)
    );
    assert!(
        !key.message.contains("AKIAZ7VRSQ5TJN4KBW2P"),
        "{}",
        key.message
    );
    // Each finding has its own fingerprint, or a baseline accepting one would hide another.
    let mut seen = std::collections::HashMap::new();
    for f in &r.findings {
        if let Some(other) = seen.insert(f.fingerprint.as_str(), f) {
            panic!("{other:#?} and {f:#?} share a fingerprint");
        }
    }
    // The namespace with a quota and the policy built from a document with named actions pass.
    assert!(!r
        .findings
        .iter()
        .any(|f| f.message.contains("\"where2eat\" has no ResourceQuota")));
    assert!(!r
        .findings
        .iter()
        .any(|f| f.address == "aws_iam_policy.menus_read" && f.family != "hygiene"));
    // Types that cannot carry tags are not asked for them.
    assert!(!r.findings.iter().any(|f| f.rule == "tags-required-missing"
        && (f.address == "aws_iam_role_policy.api"
            || f.address == "aws_s3_bucket_public_access_block.menus")));
    assert_eq!(r.exit_code(gatepost::Severity::Low), 1);
}

/// The example's README explains every finding: it names the rule and the line (as
/// `file:line` or, after a first mention of the file, `:line`).
#[test]
fn the_example_readme_explains_every_finding() {
    let r = example_report();
    let readme =
        std::fs::read_to_string(root().join("testdata/examples/where2eat/README.md")).unwrap();
    for f in &r.findings {
        let rel = f.file.trim_start_matches("testdata/examples/where2eat/");
        assert!(
            readme.contains(&format!("`{}`", f.rule)),
            "README does not explain {} ({rel}:{})",
            f.rule,
            f.line
        );
        assert!(
            readme.contains(&format!("{rel}:{}`", f.line))
                || readme.contains(&format!("`:{}`", f.line)),
            "README does not point at {rel}:{} ({})",
            f.line,
            f.rule
        );
    }
}

#[test]
fn json_output_keeps_the_contract() {
    let r = example_report();
    let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    for key in ["findings", "errors", "summary"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    let f = &v["findings"][0];
    for key in [
        "rule", "family", "severity", "message", "file", "line", "column", "address",
    ] {
        assert!(f.get(key).is_some(), "finding lacks {key}");
    }
    let families = [
        "iam", "storage", "quota", "cost", "secrets", "workflow", "hygiene",
    ];
    for f in v["findings"].as_array().unwrap() {
        assert!(families.contains(&f["family"].as_str().unwrap()));
    }
}

#[test]
fn output_is_deterministic() {
    let a = example_report().to_json();
    let b = example_report().to_json();
    assert_eq!(a, b);
}

#[test]
fn unparsable_files_become_located_errors_and_the_rest_is_scanned() {
    let files = vec![
        SourceFile {
            path: "bad/main.tf".into(),
            bytes: b"resource \"aws_s3_bucket\" \"b\" {\n  acl = \n".to_vec(),
        },
        SourceFile {
            path: "bad/k8s.yaml".into(),
            bytes: b"apiVersion: v1\nkind: [Namespace\n".to_vec(),
        },
        SourceFile {
            path: "bad/bin.tf".into(),
            bytes: vec![0xff, 0xfe, 0x00, 0x41],
        },
        SourceFile {
            path: "good/main.tf".into(),
            bytes: b"resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n".to_vec(),
        },
    ];
    let r = scan_sources(files, &Options::default());
    let errs: Vec<(&str, u32)> = r.errors.iter().map(|e| (e.file.as_str(), e.line)).collect();
    assert!(
        errs.iter().any(|(f, l)| *f == "bad/main.tf" && *l >= 2),
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|(f, l)| *f == "bad/k8s.yaml" && *l >= 2),
        "{errs:?}"
    );
    assert!(errs.iter().any(|(f, _)| *f == "bad/bin.tf"), "{errs:?}");
    assert!(r
        .findings
        .iter()
        .any(|f| f.rule == "aws-s3-public-acl" && f.file == "good/main.tf" && f.line == 2));
    assert_eq!(r.exit_code(gatepost::Severity::Low), 2);
}

#[test]
fn unknown_yaml_and_helm_templates_are_not_errors() {
    let files = vec![
        SourceFile {
            path: "config/settings.yaml".into(),
            bytes: b"debug: true\nitems: [1, 2]\n".to_vec(),
        },
        SourceFile {
            path: "chart/templates/d.yaml".into(),
            bytes: b"{{- if .Values.x }}\nkind: {{ .Values.k }}\n{{- end }}\n".to_vec(),
        },
    ];
    let r = scan_sources(files, &Options::default());
    assert!(r.errors.is_empty(), "{:?}", r.errors);
}

#[test]
fn the_model_matches_its_published_schema() {
    let r = example_report();
    let model: serde_json::Value = serde_json::from_str(&r.model_json()).unwrap();
    let errors = common::model_schema_errors(&model);
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(model["resources"].as_array().unwrap().len() >= 15);
}
