//! Baselines: the findings a team accepts today, recorded by fingerprint, so a scan with
//! `--baseline FILE` reports only new ones. Fingerprints hold no line numbers, so a
//! baseline survives unrelated edits that move code around.

use crate::report::Report;
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// The fingerprint scheme findings use: 16 hex digits of SHA-256.
pub fn fingerprint(key: &str) -> String {
    let d = Sha256::digest(key.as_bytes());
    d.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[derive(Serialize)]
struct Entry<'a> {
    fingerprint: &'a str,
    rule: &'a str,
    file: &'a str,
    /// For readers only: matching uses the fingerprint.
    line: u32,
    message: &'a str,
}

/// The baseline file for a report's findings (JSON, sorted, one entry per fingerprint).
pub fn write(report: &Report) -> String {
    let mut seen = BTreeSet::new();
    let mut entries: Vec<Entry> = report
        .findings
        .iter()
        .filter(|f| seen.insert(f.fingerprint.as_str()))
        .map(|f| Entry {
            fingerprint: &f.fingerprint,
            rule: &f.rule,
            file: &f.file,
            line: f.line,
            message: &f.message,
        })
        .collect();
    entries.sort_by(|a, b| (a.file, a.line, a.rule).cmp(&(b.file, b.line, b.rule)));
    let doc = serde_json::json!({
        "gatepost_baseline": 1,
        "version": crate::VERSION,
        "findings": entries,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// The fingerprints recorded in a baseline file.
pub fn read(text: &str) -> Result<BTreeSet<String>, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not a baseline: {e}"))?;
    if v.get("gatepost_baseline").and_then(Value::as_u64) != Some(1) {
        return Err("not a gatepost baseline (no \"gatepost_baseline\": 1)".into());
    }
    let list = v
        .get("findings")
        .and_then(Value::as_array)
        .ok_or("baseline has no \"findings\" list")?;
    list.iter()
        .map(|e| {
            e.get("fingerprint")
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| "baseline entry without a fingerprint".to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{scan_sources, Options, SourceFile};

    const MAIN: &str = r#"resource "aws_s3_bucket" "menus" {
  bucket = "menus"
  acl    = "public-read"
}
"#;

    fn scan(text: &str, baseline: &BTreeSet<String>) -> Report {
        let mut opts = Options::default();
        opts.filters.baseline = baseline.clone();
        let files = vec![SourceFile {
            path: "app/terraform/main.tf".into(),
            bytes: text.as_bytes().to_vec(),
        }];
        scan_sources(files, &opts)
    }

    #[test]
    fn baselined_findings_stay_hidden_when_lines_shift() {
        let before = scan(MAIN, &BTreeSet::new());
        assert!(!before.findings.is_empty());
        let file = write(&before);
        let fps = read(&file).unwrap();
        assert_eq!(scan(MAIN, &fps).findings, vec![]);

        // An unrelated edit moves the bucket down four lines.
        let shifted = format!("# storage\n\nlocals {{\n  x = 1\n}}\n\n{MAIN}");
        let unfiltered = scan(&shifted, &BTreeSet::new());
        assert!(unfiltered.findings.iter().all(|f| f.line > 4));
        assert_eq!(scan(&shifted, &fps).findings, vec![]);

        // A new problem is still reported.
        let new = format!(
            "{shifted}\nresource \"aws_s3_bucket\" \"uploads\" {{\n  bucket = \"u\"\n  acl = \"public-read-write\"\n}}\n"
        );
        let r = scan(&new, &fps);
        assert!(!r.findings.is_empty());
        assert!(r
            .findings
            .iter()
            .all(|f| f.address == "aws_s3_bucket.uploads"));
        assert_eq!(r.summary.findings, r.findings.len());
    }

    #[test]
    fn bad_files_are_rejected() {
        assert!(read("{}").is_err());
        assert!(read("[1]").is_err());
        assert!(read("{\"gatepost_baseline\": 1, \"findings\": [{}]}").is_err());
    }
}
