//! Every rule's fixtures through the whole pipeline.
//!
//! `testdata/rules/<rule-id>/fail/` must produce findings of that rule on exactly the lines
//! marked `expect: <rule-id>` in a trailing comment (`# ...` or `// ...`), plus any listed
//! as `file:line` in `fail/expected.txt` (for lines that cannot carry a comment, such as
//! JSON). `testdata/rules/<rule-id>/pass/` must produce none of that rule. An optional
//! `testdata/rules/<rule-id>/config.json` is the `input.config` both are scanned with (for
//! rules that read settings or today's date).

use gatepost::{scan_paths, Options};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/rules")
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn expected(rule: &str, fail: &Path) -> BTreeSet<(String, u32)> {
    let mut files = Vec::new();
    files_under(fail, &mut files);
    let marker = format!("expect: {rule}");
    let mut out = BTreeSet::new();
    for f in files {
        let rel = f
            .strip_prefix(fail)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        if rel == "expected.txt" {
            for l in text.lines().filter(|l| !l.trim().is_empty()) {
                let (file, line) = l.trim().rsplit_once(':').expect("file:line");
                out.insert((file.to_string(), line.parse().expect("line number")));
            }
            continue;
        }
        for (i, line) in text.lines().enumerate() {
            let marked = line.split(['#', '/']).skip(1).any(|c| {
                c.trim()
                    .split(',')
                    .any(|m| m.trim() == marker || m.trim() == format!("expect:{rule}"))
            });
            if marked {
                out.insert((rel.clone(), i as u32 + 1));
            }
        }
    }
    out
}

fn reported(rule: &str, dir: &Path) -> (BTreeSet<(String, u32)>, Vec<String>) {
    let mut opts = Options::default();
    if let Ok(text) = std::fs::read_to_string(dir.join("../config.json")) {
        opts.config = serde_json::from_str(&text).expect("config.json is JSON");
    }
    let report = scan_paths(&[dir], &opts);
    let prefix = format!("{}/", dir.display());
    let got = report
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| {
            (
                f.file.strip_prefix(&prefix).unwrap_or(&f.file).to_string(),
                f.line,
            )
        })
        .collect();
    let errors = report
        .errors
        .iter()
        .map(|e| format!("{}:{}: {}", e.file, e.line, e.message))
        .collect();
    (got, errors)
}

#[test]
fn every_rule_fixture_reports_exactly_its_marked_lines() {
    let rules = gatepost::policy::bundled_rules();
    let mut checked = 0;
    let mut problems = Vec::new();
    for r in &rules {
        let dir = rules_dir().join(&r.id);
        let (fail, pass) = (dir.join("fail"), dir.join("pass"));
        if !fail.is_dir() || !pass.is_dir() {
            problems.push(format!(
                "{}: missing testdata/rules/{}/{{fail,pass}}",
                r.id, r.id
            ));
            continue;
        }
        let want = expected(&r.id, &fail);
        if want.is_empty() {
            problems.push(format!("{}: fail/ marks no expected line", r.id));
        }
        let (got, errors) = reported(&r.id, &fail);
        if got != want || !errors.is_empty() {
            problems.push(format!(
                "{}: fail/ expected {want:?}, got {got:?}, errors {errors:?}",
                r.id
            ));
        }
        let (got, errors) = reported(&r.id, &pass);
        if !got.is_empty() || !errors.is_empty() {
            problems.push(format!(
                "{}: pass/ reported {got:?}, errors {errors:?}",
                r.id
            ));
        }
        checked += 1;
    }
    assert!(
        problems.is_empty(),
        "{} of {} rules have fixture problems:\n{}",
        problems.len(),
        rules.len(),
        problems.join("\n")
    );
    assert_eq!(checked, rules.len());
}
