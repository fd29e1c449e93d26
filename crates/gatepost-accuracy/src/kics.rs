//! Accuracy against the KICS query fixtures (`kics-terraform`, `kics-k8s`).
//!
//! For each query, each positive file must get a finding of the matching gatepost family on
//! one of the expected lines, or on the header of the resource that contains it (gatepost
//! reports missing attributes at the resource); each negative file must get no finding of
//! that family. Deliberate differences are listed in [`EXCEPTIONS`] with their reason and
//! reported, never skipped silently.

use gatepost::{scan_paths, Options, Report};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Bars from the rule-pack issues, per family.
const MIN_POSITIVES_FLAGGED: f64 = 0.97;
const MIN_NEGATIVES_CLEAN: f64 = 0.98;

/// (query_dir, file, reason): fixtures whose expectation gatepost deliberately does not meet.
const EXCEPTIONS: &[(&str, &str, &str)] = &[];

/// The gatepost family that answers a manifest family label.
fn family_of(label: &str) -> &'static str {
    match label {
        "iam_wildcard" | "adjacent_resource_policy" | "rbac-wildcards-cluster-admin" => "iam",
        "public_storage" => "storage",
        "resources-requests-limits" | "resourcequota-limitrange" | "networkpolicy" => "quota",
        _ => "hygiene",
    }
}

#[derive(Default)]
struct Tally {
    positives: usize,
    flagged: usize,
    lines: usize,
    lines_matched: usize,
    negatives: usize,
    clean: usize,
    excepted: usize,
}

fn scan_one(path: &Path) -> Report {
    scan_paths(&[path], &Options::default())
}

/// Whether a family's finding answers an expected line: a finding on that line, or anywhere in
/// the resource block that contains it. KICS points at its own "searchLine" (the `policy =`
/// line, the block header), gatepost at the element at fault (the `"*"` inside the policy),
/// so both sides are compared per resource, not per exact line.
fn covered(report: &Report, family: &str, file: &str, line: u32) -> bool {
    let mut headers: Vec<u32> = report
        .resources
        .iter()
        .filter(|r| &*r.file == file)
        .map(|r| r.line)
        .collect();
    headers.sort();
    let block = |l: u32| headers.iter().rev().find(|&&h| h <= l).copied();
    let expected = block(line);
    report
        .findings
        .iter()
        .filter(|f| f.family == family && f.file == file)
        .any(|f| f.line == line || (expected.is_some() && block(f.line) == expected))
}

pub fn run(args: &[String]) -> Result<bool, String> {
    let mut corpora: Vec<PathBuf> = Vec::new();
    let mut check = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => corpora.push(PathBuf::from(
                it.next().ok_or("--corpus needs a directory")?,
            )),
            "--no-check" => check = false,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if corpora.is_empty() {
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
        corpora = vec![shared.join("kics-terraform"), shared.join("kics-k8s")];
    }
    let mut by_family: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut excepted = Vec::new();
    for corpus in &corpora {
        let manifest: Value = serde_json::from_str(
            &std::fs::read_to_string(corpus.join("manifest.json"))
                .map_err(|e| format!("{}: {e}", corpus.display()))?,
        )
        .map_err(|e| e.to_string())?;
        for q in manifest.as_array().ok_or("manifest is not a list")? {
            let dir = q["query_dir"].as_str().unwrap_or_default();
            let family = family_of(q["family"].as_str().unwrap_or_default());
            let t = by_family.entry(family).or_default();
            let exception =
                |file: &str| EXCEPTIONS.iter().find(|(d, f, _)| *d == dir && *f == file);
            for p in q["positives"].as_array().into_iter().flatten() {
                let file = p["file"].as_str().unwrap_or_default();
                if let Some((_, _, why)) = exception(file) {
                    t.excepted += 1;
                    excepted.push(format!("{dir}/{file}: {why}"));
                    continue;
                }
                let path = corpus.join(dir).join(file);
                let report = scan_one(&path);
                let shown = path.to_string_lossy().to_string();
                t.positives += 1;
                let lines: Vec<u32> = p["lines"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|l| l.as_u64())
                    .map(|l| l as u32)
                    .collect();
                let hits: Vec<u32> = lines
                    .iter()
                    .copied()
                    .filter(|&l| covered(&report, family, &shown, l))
                    .collect();
                t.lines += lines.len();
                t.lines_matched += hits.len();
                if !hits.is_empty()
                    || (lines.is_empty() && report.findings.iter().any(|f| f.family == family))
                {
                    t.flagged += 1;
                } else {
                    let errs: Vec<String> = report
                        .errors
                        .iter()
                        .map(|e| format!("{}:{} {}", e.line, e.column, e.message))
                        .collect();
                    misses.push(format!(
                        "MISS {family:8} {dir}/{file} expected lines {lines:?}{}",
                        if errs.is_empty() {
                            String::new()
                        } else {
                            format!(" errors {errs:?}")
                        }
                    ));
                }
            }
            for n in q["negatives"].as_array().into_iter().flatten() {
                let file = n.as_str().unwrap_or_default();
                if let Some((_, _, why)) = exception(file) {
                    t.excepted += 1;
                    excepted.push(format!("{dir}/{file}: {why}"));
                    continue;
                }
                let report = scan_one(&corpus.join(dir).join(file));
                t.negatives += 1;
                let bad: Vec<String> = report
                    .findings
                    .iter()
                    .filter(|f| f.family == family)
                    .map(|f| format!("{}:{} {}", f.line, f.rule, f.message))
                    .collect();
                if bad.is_empty() {
                    t.clean += 1;
                } else {
                    misses.push(format!("FALSE ALARM {family:8} {dir}/{file}: {bad:?}"));
                }
            }
        }
    }
    for m in &misses {
        println!("{m}");
    }
    for e in &excepted {
        println!("EXCEPTION {e}");
    }
    println!(
        "\n{:<9} {:>16} {:>16} {:>16} {:>10}",
        "family", "positives flagged", "lines matched", "negatives clean", "excepted"
    );
    let pct = |a: usize, b: usize| {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    let mut ok = true;
    let mut total = Tally::default();
    for (fam, t) in &by_family {
        println!(
            "{fam:<9} {:>9}/{:<3} {:>5.1}% {:>6}/{:<4} {:>4.1}% {:>6}/{:<3} {:>5.1}% {:>10}",
            t.flagged,
            t.positives,
            pct(t.flagged, t.positives),
            t.lines_matched,
            t.lines,
            pct(t.lines_matched, t.lines),
            t.clean,
            t.negatives,
            pct(t.clean, t.negatives),
            t.excepted
        );
        ok &= pct(t.flagged, t.positives) >= 100.0 * MIN_POSITIVES_FLAGGED
            && pct(t.clean, t.negatives) >= 100.0 * MIN_NEGATIVES_CLEAN;
        total.positives += t.positives;
        total.flagged += t.flagged;
        total.lines += t.lines;
        total.lines_matched += t.lines_matched;
        total.negatives += t.negatives;
        total.clean += t.clean;
    }
    println!(
        "{:<9} {:>9}/{:<3} {:>5.1}% {:>6}/{:<4} {:>4.1}% {:>6}/{:<3} {:>5.1}%",
        "total",
        total.flagged,
        total.positives,
        pct(total.flagged, total.positives),
        total.lines_matched,
        total.lines,
        pct(total.lines_matched, total.lines),
        total.clean,
        total.negatives,
        pct(total.clean, total.negatives)
    );
    println!(
        "bar: ≥{:.0}% of positive files flagged and ≥{:.0}% of negative files clean, per family: {}",
        MIN_POSITIVES_FLAGGED * 100.0,
        MIN_NEGATIVES_CLEAN * 100.0,
        if ok { "met" } else { "NOT met" }
    );
    Ok(ok || !check)
}
