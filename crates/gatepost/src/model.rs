//! The normalized model every format is turned into, and every rule reads.
//!
//! One shape for Terraform, Kubernetes and CI workflows keeps rules short and lets users
//! write their own Rego against a single, documented schema (`schema/model.schema.json`).

use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A position in a source file. `line` and `column` are 1-based; `file` is set only when the
/// position lies in another file than the resource itself (a module call, a linked policy).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub line: u32,
    pub column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<Arc<str>>,
}

impl Span {
    pub fn new(line: u32, column: u32) -> Self {
        Span {
            line,
            column,
            file: None,
        }
    }
}

/// One located object of configuration: a Terraform resource, data source, module call or
/// provider, a Kubernetes object, a workflow or one of its jobs.
#[derive(Debug, Clone, Serialize)]
pub struct Resource {
    /// `terraform.resource`, `terraform.data`, `terraform.module`, `terraform.provider`,
    /// `k8s.object`, `github.workflow`, `github.job`, `github.action`, `gitlab.pipeline`, `gitlab.job`.
    pub kind: String,
    /// Terraform resource type, Kubernetes `kind`, or the workflow flavour.
    #[serde(rename = "type")]
    pub type_: String,
    /// Stable, unique identifier inside one scan.
    pub address: String,
    /// The micro-app the object belongs to (module root / directory / namespace).
    pub app: String,
    pub file: Arc<str>,
    pub line: u32,
    pub column: u32,
    /// The object's values after static evaluation. Values that could not be evaluated are
    /// kept as their source text wrapped in `${...}` and listed in `unresolved`.
    pub attrs: Value,
    /// JSON pointers (into `attrs`) of values that static evaluation could not resolve.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub unresolved: Vec<String>,
    /// Related objects joined by the normalizer (a bucket's public-access block, a
    /// namespace's quotas, a job's workflow), so rules never join across the model.
    #[serde(skip_serializing_if = "Map::is_empty", default)]
    pub links: Map<String, Value>,
    /// JSON pointer (into `attrs`) -> source position. Not passed to Rego.
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub spans: BTreeMap<String, Span>,
}

impl Resource {
    /// The best source position for a pointer: the pointer itself, else its nearest
    /// ancestor that has one, else the resource header.
    pub fn locate(&self, pointer: &str) -> Span {
        let mut p = pointer;
        loop {
            if let Some(s) = self.spans.get(p) {
                return s.clone();
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return Span::new(self.line, self.column),
            }
        }
    }

    pub fn attr(&self, pointer: &str) -> Option<&Value> {
        self.attrs.pointer(pointer)
    }
}

/// Escape one JSON-pointer token (RFC 6901).
pub fn pointer_token(key: &str) -> String {
    if key.contains('~') || key.contains('/') {
        key.replace('~', "~0").replace('/', "~1")
    } else {
        key.to_string()
    }
}
