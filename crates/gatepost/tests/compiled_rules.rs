//! The bundled rules run compiled (bytecode on regorus's virtual machine) unless users add
//! Rego, when everything is interpreted. Both must report the same: the same findings and
//! errors on every rule's fixtures (with their configs), the test data and, where present,
//! the labelled third-party corpora.

mod common;

use gatepost::policy::{self, PolicyFile};
use gatepost::{scan_paths, Options, Report};
use std::path::{Path, PathBuf};

/// A user policy that reports nothing: its presence switches the scan to the interpreter.
fn no_op_policy() -> PolicyFile {
    policy::load(
        "user/no_op.rego",
        "package user.no_op\n\ndeny contains \"never\" if false\n",
        false,
    )
    .unwrap()
}

fn both(dir: &Path, config: Option<serde_json::Value>) -> (Report, Report) {
    let mut opts = Options::default();
    if let Some(c) = config {
        opts.config = c;
    }
    let compiled = scan_paths(&[dir], &opts);
    opts.policies.push(no_op_policy());
    let interpreted = scan_paths(&[dir], &opts);
    (compiled, interpreted)
}

/// Findings and errors as comparable text (the rule table differs: the user rule is extra).
fn outcome(r: &Report) -> (Vec<String>, Vec<String>) {
    let findings = r
        .findings
        .iter()
        .map(|f| serde_json::to_string(f).unwrap())
        .collect();
    let errors = r
        .errors
        .iter()
        .map(|e| {
            format!(
                "{}:{}:{} {} {}",
                e.file, e.line, e.column, e.kind, e.message
            )
        })
        .collect();
    (findings, errors)
}

fn assert_same(dir: &Path, config: Option<serde_json::Value>) -> usize {
    let (c, i) = both(dir, config);
    let (cf, ce) = outcome(&c);
    let (inf, ie) = outcome(&i);
    assert_eq!(ce, ie, "errors differ on {}", dir.display());
    if cf != inf {
        let only_c: Vec<_> = cf.iter().filter(|f| !inf.contains(f)).take(3).collect();
        let only_i: Vec<_> = inf.iter().filter(|f| !cf.contains(f)).take(3).collect();
        panic!(
            "findings differ on {}: {} compiled, {} interpreted\ncompiled only: {only_c:#?}\ninterpreted only: {only_i:#?}",
            dir.display(),
            cf.len(),
            inf.len()
        );
    }
    cf.len()
}

#[test]
fn bundled_rules_are_compiled() {
    assert!(
        gatepost::engine::bundled_rules_compiled(),
        "the build script did not compile the bundled rules (see its cargo:warning)"
    );
}

#[test]
fn compiled_and_interpreted_rules_agree_on_every_rule_fixture() {
    let rules = common::root().join("testdata/rules");
    let mut findings = 0;
    for r in policy::bundled_rules() {
        let dir = rules.join(&r.id);
        let config = std::fs::read_to_string(dir.join("config.json"))
            .ok()
            .map(|t| serde_json::from_str(&t).unwrap());
        for side in ["fail", "pass"] {
            findings += assert_same(&dir.join(side), config.clone());
        }
    }
    assert!(findings > 100, "only {findings} findings compared");
}

#[test]
fn compiled_and_interpreted_rules_agree_on_the_test_data_and_corpora() {
    let corpus = std::env::var_os("GATEPOST_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::root().join("../shared/corpus"));
    let mut dirs = vec![common::root().join("testdata")];
    for c in ["kics-terraform", "kics-k8s", "zizmor-workflows"] {
        if corpus.join(c).is_dir() {
            dirs.push(corpus.join(c));
        }
    }
    for d in dirs {
        let n = assert_same(&d, None);
        assert!(n > 0, "{} gave no findings", d.display());
    }
}
