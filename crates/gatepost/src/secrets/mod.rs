//! Native secret detection (candidates handed to the `secrets` Rego policy as facts).
//!
//! Pipeline: an Aho-Corasick prefilter (`prefilter.rs`) finds detector keywords;
//! only the lines around a hit are given to that detector's regex (`detectors.rs`)
//! or to the key/value walker (`keyed/`); each value then passes decoy
//! (`decoys.rs`) and entropy (`entropy.rs`) checks. Candidates carry a redacted
//! preview and a fingerprint (`redact.rs`), never the secret itself.

mod decoys;
mod detectors;
mod entropy;
mod keyed;
mod prefilter;
mod redact;
mod validate;
mod vendors;

#[cfg(test)]
mod tests;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, OnceLock};

use crate::model::Span;
use regex::Regex;
use serde::Serialize;

pub use detectors::Confidence;
use detectors::{Scope, DETECTORS, KEYED_INFO, SHAPE_INFO};
use keyed::Class;
use prefilter::{Prefilter, Target};
pub use redact::Redactor;

/// One possible secret. Holds no copy of the secret value.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SecretCandidate {
    /// Detector id, e.g. `aws-access-key-id`, `generic-password`.
    pub rule: String,
    pub description: String,
    pub file: String,
    /// 1-based line of the value's first character.
    pub line: u32,
    /// 1-based character (not byte) column of the value's first character.
    pub column: u32,
    /// Column just past the value's last character on its first line (exclusive, as in SARIF).
    pub end_column: u32,
    /// Redacted: at most 4 leading characters, `…`, then the length.
    pub preview: String,
    /// Length in characters.
    pub length: u32,
    /// Shannon entropy in bits per character, rounded to 2 decimals.
    pub entropy: f64,
    /// `high` (provider-specific format), `medium` or `low` (keyword + entropy).
    pub confidence: String,
    /// First 16 hex chars of sha256(rule, file, value); independent of the line number.
    pub fingerprint: String,
}

/// A detector as listed by `gatepost rules` and the docs.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DetectorInfo {
    pub id: &'static str,
    pub description: &'static str,
    pub confidence: &'static str,
}

struct Engine {
    prefilter: Prefilter,
    /// Compiled on a detector's first prefilter hit: most scans touch few detectors, and
    /// compiling all of them up front dominated a small app's cold start.
    regexes: Vec<OnceLock<Regex>>,
    info: Vec<DetectorInfo>,
}

/// Set before the first scan of a large input: the prefilter is then built as a DFA, slower
/// to build (~14 ms) but faster to run than the contiguous NFA a small app's cold start wants.
static LARGE_INPUT: AtomicBool = AtomicBool::new(false);

/// Tell the detector how many bytes the scan will read, before scanning. Only the first
/// scan of the process is affected.
fn expect_bytes(total: u64) {
    if total > 16 << 20 {
        LARGE_INPUT.store(true, Ordering::Relaxed);
    }
}

/// Build the keyword prefilter now for a scan of `total` bytes, so that it can be built
/// beside other work (file parsing) instead of at the start of the secrets pass.
pub fn prepare(total: u64) {
    expect_bytes(total);
    LazyLock::force(&ENGINE);
}

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    let regexes = DETECTORS.iter().map(|_| OnceLock::new()).collect();
    let mut info: Vec<DetectorInfo> = DETECTORS
        .iter()
        .map(|d| DetectorInfo {
            id: d.id,
            description: d.description,
            confidence: d.confidence.as_str(),
        })
        .collect();
    info.extend(SHAPE_INFO.iter().map(|(id, description, c)| DetectorInfo {
        id,
        description,
        confidence: c.as_str(),
    }));
    info.extend(KEYED_INFO.iter().map(|(id, description, c)| DetectorInfo {
        id,
        description,
        confidence: c.as_str(),
    }));
    Engine {
        prefilter: Prefilter::build(LARGE_INPUT.load(Ordering::Relaxed)),
        regexes,
        info,
    }
});

fn compile(d: &detectors::Detector) -> Regex {
    regex::RegexBuilder::new(d.pattern)
        .size_limit(32 << 20)
        .build()
        .unwrap_or_else(|e| panic!("detector {}: {e}", d.id))
}

/// All detectors, for documentation and `gatepost rules`.
pub fn detectors() -> &'static [DetectorInfo] {
    &ENGINE.info
}

/// A raw finding before positions and redaction are computed.
struct Raw {
    start: usize,
    end: usize,
    rule: &'static str,
    description: &'static str,
    confidence: Confidence,
    /// Format-specific detectors win over keyword-driven ones on overlap.
    specific: bool,
}

/// Scan bytes: binary content (a NUL in the first 8 KiB) yields nothing; other
/// content is decoded as UTF-8, replacing invalid sequences.
pub fn scan_bytes(file: &str, bytes: &[u8]) -> Vec<SecretCandidate> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Vec::new();
    }
    scan_text(file, &String::from_utf8_lossy(bytes))
}

/// Scan text; candidates are sorted by (line, column, rule) and deduplicated.
pub fn scan_text(file: &str, text: &str) -> Vec<SecretCandidate> {
    let engine = &*ENGINE;
    let raws = find_raw(engine, text);
    if raws.is_empty() {
        return Vec::new();
    }
    let lines = crate::parse::LineIndex::new(text);
    let mut out: Vec<SecretCandidate> = raws
        .into_iter()
        .map(|r| {
            let value = &text[r.start..r.end];
            let Span { line, column, .. } = lines.span(text, r.start);
            let first_line = value.split(['\n', '\r']).next().unwrap_or("");
            let length = value.chars().count() as u32;
            SecretCandidate {
                rule: r.rule.to_string(),
                description: r.description.to_string(),
                file: file.to_string(),
                line,
                column,
                end_column: column + first_line.chars().count() as u32,
                preview: redact::preview(value),
                length,
                entropy: entropy::round2(entropy::shannon(value)),
                confidence: r.confidence.as_str().to_string(),
                fingerprint: redact::fingerprint(r.rule, file, value),
            }
        })
        .collect();
    out.sort_by(|a, b| (a.line, a.column, &a.rule).cmp(&(b.line, b.column, &b.rule)));
    out.dedup_by(|a, b| a.line == b.line && a.column == b.column && a.rule == b.rule);
    out
}

fn find_raw(engine: &Engine, text: &str) -> Vec<Raw> {
    // Per regex detector: merged regions to run it on.
    let mut regions: Vec<(u16, usize, usize)> = Vec::new();
    let mut raws: Vec<Raw> = Vec::new();
    let mut keyed_seen: Vec<(usize, usize)> = Vec::new();
    for m in engine.prefilter.ac.find_overlapping_iter(text) {
        for t in &engine.prefilter.targets[m.pattern().as_usize()] {
            match *t {
                Target::Regex(i) => {
                    let (s, e) = region(text, m.start(), DETECTORS[i as usize].scope);
                    // Hits arrive in text order, so the last region of this detector is the one to extend.
                    match regions.iter_mut().rev().find(|r| r.0 == i) {
                        Some(r) if s <= r.2 => r.2 = r.2.max(e),
                        _ => regions.push((i, s, e)),
                    }
                }
                Target::Keyed(trigger) => {
                    if let Some(f) = keyed::extract(text, m.start(), m.end(), trigger) {
                        if keyed_seen.contains(&(f.start, f.end)) {
                            continue;
                        }
                        if matches!(f.class, Class::Secret { vendor: true } | Class::VendorOnly) {
                            let line_start = text[..f.start].rfind('\n').map_or(0, |i| i + 1);
                            let key = text[line_start..f.start].to_ascii_lowercase();
                            if validate::vendor_shape_mismatch(&key, &text[f.start..f.end]) {
                                continue;
                            }
                        }
                        keyed_seen.push((f.start, f.end));
                        let (rule, description, confidence) = keyed_rule(&f, &text[f.start..f.end]);
                        raws.push(Raw {
                            start: f.start,
                            end: f.end,
                            rule,
                            description,
                            confidence,
                            specific: false,
                        });
                    }
                }
            }
        }
    }
    for (i, s, e) in regions {
        let d = &DETECTORS[i as usize];
        let re = engine.regexes[i as usize].get_or_init(|| compile(&DETECTORS[i as usize]));
        let hay = &text[s..e];
        for caps in re.captures_iter(hay) {
            let m = caps
                .name("s")
                .unwrap_or_else(|| caps.get(0).expect("group 0"));
            let value = m.as_str();
            // Identifiers (hosts, buckets) are facts even in documentation examples; a
            // provider prefix with the right shape is a key however it was typed.
            let placeholder = match d.confidence {
                Confidence::Info => decoys::is_placeholder_identifier(value),
                Confidence::High => decoys::is_doc_placeholder(value),
                _ => decoys::is_placeholder(value) || decoys::has_long_sequence(value, 12),
            };
            if value.is_empty() || placeholder || !(d.check)(value) {
                continue;
            }
            if let Some(line_check) = d.line_check {
                let at = s + m.start();
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                if !line_check(&text[line_start..at], value) {
                    continue;
                }
            }
            raws.push(Raw {
                start: s + m.start(),
                end: s + m.end(),
                rule: d.id,
                description: d.description,
                confidence: d.confidence,
                specific: true,
            });
        }
    }
    hex_dot_keys(text, &mut raws);
    resolve_overlaps(raws)
}

/// Zhipu (BigModel) keys carry no keyword: a 32-hex id, `.`, a 16-character secret. Found
/// from the dots (one memchr pass, most dots rejected by the byte before them): a lowercase
/// hex id that mixes letters and digits, a secret that mixes upper, lower and digits, and
/// no identifier character on either side.
fn hex_dot_keys(text: &str, raws: &mut Vec<Raw>) {
    let b = text.as_bytes();
    const ID: usize = 32;
    const SECRET: usize = 16;
    let word = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'/' | b'+');
    for dot in memchr::memchr_iter(b'.', b) {
        if dot < ID || dot + 1 + SECRET > b.len() {
            continue;
        }
        let hex = |c: &u8| c.is_ascii_digit() || (b'a'..=b'f').contains(c);
        let (start, end) = (dot - ID, dot + 1 + SECRET);
        if !hex(&b[dot - 1])
            || (start > 0 && word(b[start - 1]))
            || (end < b.len() && word(b[end]))
            || !b[start..dot].iter().all(hex)
            || !b[dot + 1..end].iter().all(u8::is_ascii_alphanumeric)
        {
            continue;
        }
        let id = &b[start..dot];
        let secret = &b[dot + 1..end];
        let mixed_id = id.iter().any(u8::is_ascii_digit) && id.iter().any(u8::is_ascii_lowercase);
        let mixed_secret = secret.iter().any(u8::is_ascii_digit)
            && secret.iter().any(u8::is_ascii_lowercase)
            && secret.iter().any(u8::is_ascii_uppercase);
        // Typed stand-ins (`0123456789abcdef…`, `…AbCdEfGh…`) are documentation.
        let value = &text[start..end];
        if !mixed_id
            || !mixed_secret
            || decoys::is_placeholder(value)
            || decoys::mostly_typed_runs(&text[start..dot])
            || decoys::mostly_typed_runs(&text[dot + 1..end])
        {
            continue;
        }
        let (id, description, confidence) = SHAPE_INFO[0];
        raws.push(Raw {
            start,
            end,
            rule: id,
            description,
            confidence,
            specific: true,
        });
    }
}

fn keyed_rule(f: &keyed::Found, value: &str) -> (&'static str, &'static str, Confidence) {
    let strong = entropy::Classes::of(value).count() >= 3 || value.len() >= 32;
    if f.id_like {
        return ("keyed-identifier", KEYED_INFO[3].1, Confidence::Info);
    }
    match f.class {
        Class::Password => ("generic-password", KEYED_INFO[0].1, Confidence::Medium),
        Class::Secret { vendor: true } => ("vendor-api-key", KEYED_INFO[2].1, Confidence::Medium),
        Class::Secret { vendor: false } => {
            let c = if strong && !f.id_like {
                Confidence::Medium
            } else {
                Confidence::Low
            };
            ("generic-secret", KEYED_INFO[1].1, c)
        }
        Class::VendorOnly => ("vendor-api-key", KEYED_INFO[2].1, Confidence::Low),
    }
}

/// Keep one finding per location: format-specific beats keyword-driven, then higher
/// confidence, then the longer span.
fn resolve_overlaps(mut raws: Vec<Raw>) -> Vec<Raw> {
    // Identifiers (info) rank below every credential, whatever found them.
    let rank = |r: &Raw| {
        (
            r.confidence != Confidence::Info,
            r.specific,
            matches!(r.confidence, Confidence::High) as u8 * 2
                + matches!(r.confidence, Confidence::Medium) as u8,
            r.end - r.start,
        )
    };
    raws.sort_by_key(|r| std::cmp::Reverse(rank(r)));
    let mut kept: Vec<Raw> = Vec::new();
    for r in raws {
        let overlaps = kept.iter().any(|k| {
            r.start < k.end
                && k.start < r.end
                && !(k.specific
                    && r.specific
                    && k.rule != r.rule
                    && r.confidence != Confidence::Info)
        });
        if !overlaps {
            kept.push(r);
        }
    }
    kept
}

/// The slice of text a detector sees around a keyword hit at `at`.
fn region(text: &str, at: usize, scope: Scope) -> (usize, usize) {
    let b = text.as_bytes();
    let start = b[..at]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |i| i + 1);
    let line_end = |from: usize| {
        b[from..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |i| from + i)
    };
    let end = match scope {
        Scope::Line => line_end(at),
        Scope::Lines(n) => {
            let mut e = line_end(at);
            for _ in 0..n {
                if e >= b.len() {
                    break;
                }
                e = line_end(e + 1);
            }
            e
        }
        Scope::Block(n) => {
            let mut e = (start + n as usize).min(b.len());
            while !text.is_char_boundary(e) {
                e -= 1;
            }
            e
        }
    };
    (start, end)
}

#[cfg(test)]
mod compile_tests {
    /// Detectors compile lazily, so a bad pattern must be caught here, not in a user's scan.
    #[test]
    fn every_detector_pattern_compiles() {
        for d in super::DETECTORS {
            let _ = super::compile(d);
        }
    }
}
