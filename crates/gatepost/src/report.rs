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

    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        let _ = self.write_json(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// [`Report::to_json`] written as it is rendered: a large report (tens of MB) is never
    /// held whole in memory.
    pub fn write_json(&self, mut w: impl std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut w, self)?;
        w.write_all(b"\n")
    }

    /// The normalized model, as `gatepost model` prints it.
    pub fn model_json(&self) -> String {
        let v = serde_json::json!({
            "resources": self.resources,
            "unresolved": self.summary.unresolved,
        });
        let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
        s.push('\n');
        s
    }
}
