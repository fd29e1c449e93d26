//! Redacted previews and stable fingerprints: candidates never carry the secret itself.

use sha2::{Digest, Sha256};

/// A short prefix (at most 4 chars, fewer for short secrets), an ellipsis and the length.
pub(crate) fn preview(value: &str) -> String {
    let n = value.chars().count();
    let keep = match n {
        0..=5 => 0,
        6..=11 => 1,
        12..=19 => 2,
        _ => 4,
    };
    let prefix: String = value.chars().take(keep).collect();
    format!("{prefix}…({n} chars)")
}

/// Hex sha256 of (rule, file, value), truncated to 16 chars. The line number is
/// deliberately left out so a finding keeps its identity when code moves.
pub(crate) fn fingerprint(rule: &str, file: &str, value: &str) -> String {
    let mut h = Sha256::new();
    for part in [rule, file, value] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    let mut out = String::with_capacity(16);
    for b in &digest[..8] {
        out.push_str(&format!("{b:02x}"));
    }
    out
}
