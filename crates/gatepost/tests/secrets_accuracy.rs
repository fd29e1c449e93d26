//! Accuracy of the native secret detector against the labelled example corpus
//! (`shared/corpus/secrets/examples.jsonl.gz`, see its NOTICE.md).
//!
//! Positive example → `scan_text` must report at least one candidate. Two figures are
//! printed: candidates (any confidence, sensitive identifiers included; the bar applies
//! here) and reported (what the bundled policy reports by default, i.e. not `info`).
//! `GATEPOST_SECRETS_DUMP=FILE` writes the corpus indices (never values) of misses and
//! false reports, for study with the values masked.
//! Negative example → must report none. Negatives are written per upstream rule
//! ("this rule must not match"), while our scan is rule-agnostic; a negative whose
//! exact text is a positive example of another rule is therefore counted apart as
//! cross-labelled instead of as a false positive.
//! Negatives are also tallied apart, without leaving the headline figures, when every
//! candidate found in them comes from a format-specific detector (not the keyword-driven
//! `generic-*`, `vendor-api-key`, `keyed-identifier`) that never finds a credential in that
//! upstream rule's own positives: the text holds a credential or identifier of another
//! format (a Slack incoming webhook among workflow-webhook negatives, an Azure AD client
//! secret among generic-secret ones). The headline and the bar count these as false
//! reports; the extra line says how many of them there are.
//! Secret values are never printed: misses show rule id/name, false positives the
//! redacted preview only.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::PathBuf;

use gatepost::secrets::scan_text;

struct Example {
    source: String,
    rule_id: String,
    rule_name: String,
    positive: bool,
    text: String,
}

/// `GATEPOST_SECRETS_CORPUS`, else `shared/corpus/secrets/examples.jsonl.gz` in the
/// nearest ancestor of the crate that has one (checkouts sit at different depths).
fn corpus_path() -> PathBuf {
    if let Some(p) = std::env::var_os("GATEPOST_SECRETS_CORPUS") {
        return PathBuf::from(p);
    }
    let rel = "shared/corpus/secrets/examples.jsonl.gz";
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .map(|a| a.join(rel))
        .find(|p| p.exists())
        .unwrap_or_else(|| manifest.join("../../..").join(rel))
}

fn load(path: &PathBuf) -> Vec<Example> {
    let file = std::fs::File::open(path).expect("open corpus");
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("gunzip corpus");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("corpus line is JSON");
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            Example {
                source: s("source_repo"),
                rule_id: s("rule_id"),
                rule_name: s("rule_name"),
                positive: s("kind") == "positive",
                text: s("text"),
            }
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    pos: usize,
    /// Positives with at least one candidate (any confidence, identifiers included).
    pos_found: usize,
    /// Positives with a candidate the bundled policy reports by default (not `info`).
    pos_reported: usize,
    neg: usize,
    /// Negatives with at least one candidate.
    neg_found: usize,
    /// Negatives with a candidate the bundled policy reports by default.
    neg_reported: usize,
    cross: usize,
    /// Negatives (already counted above) whose candidates are all another format's.
    other_format: usize,
}

/// Keyword-driven detectors: they name no format, so they never mark "another format".
const KEYWORD_DRIVEN: &[&str] = &[
    "generic-password",
    "generic-secret",
    "vendor-api-key",
    "keyed-identifier",
];

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

#[test]
#[ignore = "accuracy bar (97% candidate recall, <=3% negatives) not met yet (91.4% / 2.8%: recall below its bar, negatives within it; 1.2% of negatives without those holding another format's credential); run with --ignored to measure"]
fn secrets_corpus_accuracy() {
    let path = corpus_path();
    if !path.exists() {
        eprintln!(
            "secrets corpus not found at {} (set GATEPOST_SECRETS_CORPUS); skipping",
            path.display()
        );
        return;
    }
    let examples = load(&path);
    let positives: HashSet<&str> = examples
        .iter()
        .filter(|e| e.positive)
        .map(|e| e.text.as_str())
        .collect();
    let scans: Vec<Vec<gatepost::secrets::SecretCandidate>> = examples
        .iter()
        .map(|e| scan_text("example.txt", &e.text))
        .collect();
    // Per upstream rule, the credential detectors (identifiers aside) that fire on its positives.
    let mut own_formats: BTreeMap<&str, HashSet<&str>> = BTreeMap::new();
    for (e, found) in examples.iter().zip(&scans) {
        if e.positive {
            let own = own_formats.entry(e.rule_id.as_str()).or_default();
            own.extend(
                found
                    .iter()
                    .filter(|c| c.confidence != "info")
                    .map(|c| c.rule.as_str()),
            );
        }
    }
    let mut per_source: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    let mut misses: Vec<String> = Vec::new();
    let mut false_pos: Vec<String> = Vec::new();
    // Indices (never values) of misses and false reports, for masked offline study.
    let mut dump: Vec<String> = Vec::new();
    for (idx, (e, found)) in examples.iter().zip(&scans).enumerate() {
        let reported = found.iter().any(|c| c.confidence != "info");
        let t = per_source.entry(e.source.as_str()).or_default();
        if e.positive {
            t.pos += 1;
            total.pos += 1;
            if reported {
                t.pos_reported += 1;
                total.pos_reported += 1;
            }
            if !found.is_empty() {
                t.pos_found += 1;
                total.pos_found += 1;
            } else {
                dump.push(format!("miss {idx}"));
                misses.push(format!(
                    "  miss  {:<60} {} [{}]",
                    e.rule_id, e.rule_name, e.source
                ));
            }
        } else if positives.contains(e.text.as_str()) {
            t.cross += 1;
            total.cross += 1;
        } else {
            t.neg += 1;
            total.neg += 1;
            if reported {
                t.neg_reported += 1;
                total.neg_reported += 1;
            }
            if !found.is_empty() {
                t.neg_found += 1;
                total.neg_found += 1;
                let own = own_formats.get(e.rule_id.as_str());
                let other_format = found.iter().all(|c| {
                    !KEYWORD_DRIVEN.contains(&c.rule.as_str())
                        && !own.is_some_and(|o| o.contains(c.rule.as_str()))
                });
                if other_format {
                    t.other_format += 1;
                    total.other_format += 1;
                }
                dump.push(format!("fp {idx}"));
                let f = &found[0];
                false_pos.push(format!(
                    "  fp    {:<60} {} [{}] -> {} {} line {} col {}{}",
                    e.rule_id,
                    e.rule_name,
                    e.source,
                    f.rule,
                    f.preview,
                    f.line,
                    f.column,
                    if other_format {
                        " (another format)"
                    } else {
                        ""
                    }
                ));
            }
        }
    }
    if let Some(p) = std::env::var_os("GATEPOST_SECRETS_DUMP") {
        std::fs::write(p, dump.join("\n")).expect("write dump");
    }
    println!(
        "secrets corpus: {} examples from {}",
        examples.len(),
        path.display()
    );
    println!(
        "Two figures per source. \"candidates\": examples where the native detector emits any \
         candidate, sensitive identifiers (confidence info) included; the accuracy bar applies \
         to this layer. \"reported\": candidates the bundled hardcoded-secret policy reports \
         by default (info identifiers are silent unless secrets.report_identifiers is true)."
    );
    let line = |name: &str, t: &Tally| {
        println!(
            "  {:<44} candidates: positives {:>4}/{:<4} ({:5.1}%) negatives {:>3}/{:<3} ({:4.1}%) | reported: positives {:>4}/{:<4} ({:5.1}%) negatives {:>3}/{:<3} ({:4.1}%) | cross-labelled {}",
            name,
            t.pos_found, t.pos, pct(t.pos_found, t.pos),
            t.neg_found, t.neg, pct(t.neg_found, t.neg),
            t.pos_reported, t.pos, pct(t.pos_reported, t.pos),
            t.neg_reported, t.neg, pct(t.neg_reported, t.neg),
            t.cross
        );
    };
    let other = |name: &str, t: &Tally| {
        println!(
            "  {:<44} of the negatives with candidates, {} hold only another detector format's credential or identifier; without them: {}/{} ({:.1}%)",
            name,
            t.other_format,
            t.neg_found - t.other_format,
            t.neg - t.other_format,
            pct(t.neg_found - t.other_format, t.neg - t.other_format)
        );
    };
    for (src, t) in &per_source {
        line(src, t);
    }
    line("OVERALL", &total);
    for (src, t) in &per_source {
        other(src, t);
    }
    other("OVERALL", &total);
    let recall = pct(total.pos_found, total.pos);
    let fp_rate = pct(total.neg_found, total.neg);
    misses.sort();
    println!("missed positives ({}):", misses.len());
    for m in &misses {
        println!("{m}");
    }
    false_pos.sort();
    println!("reported negatives ({}):", false_pos.len());
    for f in &false_pos {
        println!("{f}");
    }
    assert!(recall >= 97.0, "recall {recall:.1}% below the 97% bar");
    assert!(
        fp_rate <= 3.0,
        "negatives reported {fp_rate:.1}% above the 3% bar"
    );
}
