//! Helpers shared by the integration tests. Each test crate uses some of them.
#![allow(dead_code)]

use gatepost::model::Resource;
use gatepost::policy::{self, PolicyFile};
use gatepost::{scan_sources, Options, Report, SourceFile};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The workspace root, where `testdata/` and `schema/` live.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The resource at `address`; panics naming it when it is missing.
pub fn resource<'a>(r: &'a Report, address: &str) -> &'a Resource {
    r.resources
        .iter()
        .find(|x| x.address == address)
        .unwrap_or_else(|| panic!("no {address}"))
}

/// Where `model` breaks the published `schema/model.schema.json`.
pub fn model_schema_errors(model: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema/model.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    validator
        .iter_errors(model)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// A user policy that would run for minutes.
pub fn slow_policy() -> PolicyFile {
    policy::load(
        "user/slow.rego",
        "package user.slow\n\ndeny contains {\"file\": \"x\", \"line\": 1, \"message\": \"never\"} if {\n\tn := count([x | some x in numbers.range(1, 50000000); x % 7 == 0])\n\tn < 0\n}\n",
        false,
    )
    .unwrap()
}

/// `opts` (which carry [`slow_policy`] and an evaluation time limit) stop the slow policy
/// with a located evaluation error while the bundled rules on `file` still report.
pub fn assert_slow_policy_is_stopped(file: SourceFile, opts: &Options) {
    let start = Instant::now();
    let r = scan_sources(vec![file], opts);
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "took {:?}",
        start.elapsed()
    );
    let e = r
        .errors
        .iter()
        .find(|e| e.kind == "evaluation")
        .expect("a time-limit error");
    assert!(e.message.contains("slow"), "{e:?}");
    assert!(r.findings.iter().any(|f| f.rule == "aws-s3-public-acl"));
}
