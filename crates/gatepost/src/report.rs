//! What a scan returns. The JSON form of [`Report`] is a public contract: keep field names.

use crate::model::Resource;
use crate::policy::Severity;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Finding {
    pub rule: String,
    pub family: String,
    pub severity: Severity,
    pub title: String,
    pub message: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub address: String,
    /// JSON pointer into the resource's attributes.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pointer: String,
    pub remediation: String,
    /// Stable across unrelated edits (no line numbers in it).
    pub fingerprint: String,
    /// The module calls, root first, that led to the resource the finding is on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub module_chain: Vec<ModuleCall>,
}

/// One `module` block on the way from a root module to a resource.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ModuleCall {
    /// The called instance's address (`module.web`, `module.web.module.dns["a"]`).
    pub address: String,
    /// Where the `module` block is.
    pub file: String,
    pub line: u32,
}

impl ModuleCall {
    /// From the model's `links.module_chain` entries, `ADDRESS (FILE:LINE)`.
    pub fn parse(s: &str) -> Option<ModuleCall> {
        let (address, at) = s.rsplit_once(" (")?;
        let (file, line) = at.strip_suffix(')')?.rsplit_once(':')?;
        Some(ModuleCall {
            address: address.to_string(),
            file: file.to_string(),
            line: line.parse().ok()?,
        })
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ScanError {
    pub file: String,
    pub line: u32,
    pub column: u32,
    /// `parse`, `read`, `limit`, `policy`, `evaluation`
    pub kind: String,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Summary {
    pub files: usize,
    pub resources: usize,
    pub findings: usize,
    pub errors: usize,
    pub by_severity: BTreeMap<String, usize>,
    pub by_family: BTreeMap<String, usize>,
    /// Values static evaluation could not resolve, across the model.
    pub unresolved: usize,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Report {
    pub version: &'static str,
    pub findings: Vec<Finding>,
    pub errors: Vec<ScanError>,
    pub summary: Summary,
    /// Monthly cost estimate per app.
    pub costs: Value,
    #[serde(skip)]
    pub resources: Vec<Resource>,
    /// Text of files that have findings, for renderers that show source lines.
    #[serde(skip)]
    pub sources: BTreeMap<String, Arc<str>>,
}

impl Report {
    /// 0: nothing at or above `fail_on`; 1: findings; 2: errors.
    pub fn exit_code(&self, fail_on: Severity) -> i32 {
        if !self.errors.is_empty() {
            2
        } else if self.findings.iter().any(|f| f.severity >= fail_on) {
            1
        } else {
            0
        }
    }

    /// The report as pretty JSON: the bytes `serde_json::to_string_pretty` gives, with the
    /// findings (most of a large report) rendered side by side.
    pub fn to_json(&self) -> String {
        let head = Report {
            version: self.version,
            findings: Vec::new(),
            errors: self.errors.clone(),
            summary: self.summary.clone(),
            costs: self.costs.clone(),
            resources: Vec::new(),
            sources: BTreeMap::new(),
        };
        with_array(&head, "findings", &self.findings)
    }

    /// The normalized model, as `gatepost model` prints it.
    pub fn model_json(&self) -> String {
        let head = serde_json::json!({"resources": [], "unresolved": self.summary.unresolved});
        with_array(&head, "resources", &self.resources)
    }
}

/// `head` as pretty JSON with its top-level field `key`, an empty array in `head`, holding
/// `items` instead.
fn with_array<T: Serialize + Sync>(head: &impl Serialize, key: &str, items: &[T]) -> String {
    let mut s = serde_json::to_string_pretty(head).unwrap_or_default();
    let empty = format!("\n  \"{key}\": []");
    // Strings are escaped, so the first such line is the field's own.
    if let Some(at) = s.find(&empty) {
        let array_at = at + empty.len() - 2;
        s.replace_range(array_at..array_at + 2, &pretty_array(items, 1));
    }
    s.push('\n');
    s
}

/// `items` as a pretty JSON array that sits `depth` levels deep in a pretty document: each
/// item is rendered on its own (in parallel) and indented to where serde_json's pretty
/// printer would put it, so the whole document comes out byte for byte the same.
fn pretty_array<T: Serialize + Sync>(items: &[T], depth: usize) -> String {
    let pad = "  ".repeat(depth + 1);
    let rendered = crate::par::map_chunks(items, 256, |chunk| {
        let mut out = String::new();
        for item in chunk {
            let one = serde_json::to_string_pretty(item).unwrap_or_else(|_| "null".into());
            out.push_str(",\n");
            out.push_str(&pad);
            // Strings are escaped, so every newline in `one` is the printer's own.
            out.push_str(&one.replace('\n', &format!("\n{pad}")));
        }
        out
    });
    let body = rendered.concat();
    match body.strip_prefix(',') {
        None => "[]".to_string(),
        Some(body) => format!("[{body}\n{}]", "  ".repeat(depth)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(i: u32) -> Finding {
        Finding {
            rule: format!("rule-{i}"),
            family: "iam".into(),
            severity: Severity::High,
            title: "T".into(),
            message: "a \"quoted\"\nmessage\twith escapes".into(),
            file: "m/main.tf".into(),
            line: i,
            column: 3,
            address: "aws_iam_policy.p".into(),
            pointer: if i.is_multiple_of(2) {
                String::new()
            } else {
                "/a/0".into()
            },
            remediation: "R".into(),
            fingerprint: "0011".into(),
            module_chain: (0..i % 3)
                .map(|k| ModuleCall {
                    address: format!("module.m{k}"),
                    file: "main.tf".into(),
                    line: k,
                })
                .collect(),
        }
    }

    #[test]
    fn json_is_serde_jsons_pretty_form() {
        for n in [0, 1, 2, 700] {
            let report = Report {
                version: "0.1.0",
                findings: (0..n).map(finding).collect(),
                summary: Summary {
                    findings: n as usize,
                    ..Default::default()
                },
                costs: serde_json::json!({"apps": [{"findings": []}]}),
                ..Default::default()
            };
            let mut want = serde_json::to_string_pretty(&report).unwrap();
            want.push('\n');
            assert_eq!(report.to_json(), want, "{n} findings");
        }
    }

    #[test]
    fn model_json_is_serde_jsons_pretty_form() {
        let tf =
            "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n  tags = { a = \"1\" }\n}\n";
        for copies in [0, 1, 600] {
            let files = (0..copies)
                .map(|i| crate::SourceFile {
                    path: format!("app{i}/main.tf"),
                    bytes: tf.as_bytes().to_vec(),
                })
                .collect();
            let report = crate::scan::model_sources(files, &crate::Options::default());
            assert_eq!(report.resources.len(), copies);
            let v = serde_json::json!({
                "resources": report.resources,
                "unresolved": report.summary.unresolved,
            });
            let mut want = serde_json::to_string_pretty(&v).unwrap();
            want.push('\n');
            assert_eq!(report.model_json(), want, "{copies} resources");
        }
    }
}
