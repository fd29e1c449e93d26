//! `gatepost test`: runs the `test_*` rules of `*_test.rego` files, like `opa test`, for the
//! bundled policies and for users' own.

use crate::policy::PolicyFile;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TestResult {
    pub file: String,
    pub name: String,
    pub passed: bool,
    /// Why it failed (evaluation error or a false/undefined result).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Names of the test rules declared in a test file.
fn test_names(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let name: String = l
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            (name.starts_with("test_")
                && l[name.len()..]
                    .trim_start()
                    .starts_with(['i', '{', ':', '=']))
            .then_some(name)
        })
        .collect();
    names.dedup();
    names
}

/// Run the tests in `files` (test files and the policies they test, all loaded together).
pub fn run(files: &[PolicyFile]) -> Vec<TestResult> {
    let mut engine = regorus::Engine::new();
    let mut results = Vec::new();
    for f in files {
        if let Err(e) = engine.add_policy(f.path.clone(), f.text.clone()) {
            results.push(TestResult {
                file: f.path.clone(),
                name: "(load)".into(),
                passed: false,
                error: Some(e.to_string()),
            });
        }
    }
    if !results.is_empty() {
        return results;
    }
    for f in files.iter().filter(|f| f.is_test) {
        let Some(pkg) = &f.package else { continue };
        for name in test_names(&f.text) {
            let r = engine.eval_rule(format!("{pkg}.{name}"));
            let (passed, error) = match r {
                Ok(v) if v == regorus::Value::from(true) => (true, None),
                Ok(v) => (false, Some(format!("result was {v}"))),
                Err(e) => (false, Some(e.to_string())),
            };
            results.push(TestResult {
                file: f.path.clone(),
                name,
                passed,
                error,
            });
        }
    }
    results
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_rego_test_passes() {
        let results = run(crate::policy::bundled());
        assert!(results.len() >= 20, "only {} tests found", results.len());
        let failed: Vec<_> = results.iter().filter(|r| !r.passed).collect();
        assert!(failed.is_empty(), "{failed:#?}");
    }

    #[test]
    fn failing_tests_are_reported() {
        let files = vec![crate::policy::load(
            "t_test.rego",
            "package t\ntest_no if { 1 == 2 }\ntest_yes if { 1 == 1 }\n",
            false,
        )
        .unwrap()];
        let r = run(&files);
        assert_eq!(r.len(), 2);
        assert!(!r[0].passed && r[1].passed);
    }
}
