//! Native secret detection (candidates handed to the `secrets` Rego policy as facts).
//! PLACEHOLDER until the detector set lands: the API only, no detection.

#[derive(Debug, Clone, serde::Serialize, PartialEq)]
pub struct SecretCandidate {
    pub rule: String,
    pub description: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_column: u32,
    pub preview: String,
    pub length: u32,
    pub entropy: f64,
    pub confidence: String,
    pub fingerprint: String,
}

pub fn scan_bytes(_file: &str, _bytes: &[u8]) -> Vec<SecretCandidate> {
    Vec::new()
}
