//! `gatepost test`: runs the `test_*` rules of `*_test.rego` files and prints PASS or FAIL.

use crate::{emit, load_policy_dir};
use gatepost::policy::{self, PolicyFile};
use std::path::PathBuf;

/// `gatepost test`: the bundled policies' tests, or those under `dirs` (with the bundled
/// libraries, so users' rules can import them).
pub(crate) fn run(dirs: &[PathBuf], verbose: bool) -> Result<u8, String> {
    let files: Vec<PolicyFile> = if dirs.is_empty() {
        policy::bundled().to_vec()
    } else {
        let mut own = Vec::new();
        for d in dirs {
            own.extend(load_policy_dir(d)?);
        }
        let defined: std::collections::HashSet<_> =
            own.iter().filter_map(|f| f.package.clone()).collect();
        let libs = policy::bundled().iter().filter(|f| {
            f.path.starts_with("policies/lib/")
                && f.package.as_ref().is_some_and(|p| !defined.contains(p))
        });
        own.extend(libs.cloned());
        own
    };
    let results = gatepost::testing::run(&files);
    let mut out = String::new();
    for r in &results {
        if !r.passed {
            out.push_str(&format!("FAIL {}: {}\n", r.file, r.name));
            if let Some(e) = &r.error {
                out.push_str(&format!("  {}\n", e.replace('\n', "\n  ")));
            }
        } else if verbose {
            out.push_str(&format!("PASS {}: {}\n", r.file, r.name));
        }
    }
    let passed = results.iter().filter(|r| r.passed).count();
    if results.is_empty() {
        emit(&None, &out)?;
        return Err("no tests found (rules named test_* in *_test.rego files)".into());
    }
    let verdict = if passed == results.len() {
        "PASS"
    } else {
        "FAIL"
    };
    out.push_str(&format!(
        "{verdict}: {passed}/{} tests passed\n",
        results.len()
    ));
    emit(&None, &out)?;
    Ok(if passed == results.len() { 0 } else { 1 })
}
