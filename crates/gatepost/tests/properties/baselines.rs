//! `--baseline` hides exactly the findings whose fingerprints it records: after edits that
//! only move lines, the baselined ones stay hidden and the rest are reported; a finding an
//! edit introduces is never hidden.

use crate::corpus::{self, FILES};
use gatepost::{baseline, Report, SourceFile};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn fingerprints(r: &Report) -> Vec<String> {
    let mut v: Vec<String> = r.findings.iter().map(|f| f.fingerprint.clone()).collect();
    v.sort();
    v
}

/// The baseline file for the findings of `r` that `keep` selects, written and read back as
/// `gatepost baseline write` and `--baseline` do.
fn baseline_of(r: &Report, keep: &[bool]) -> BTreeSet<String> {
    let mut chosen = Report {
        findings: r
            .findings
            .iter()
            .zip(keep.iter().cycle())
            .filter(|(_, k)| **k)
            .map(|(f, _)| f.clone())
            .collect(),
        ..Default::default()
    };
    gatepost::scan::finish(&mut chosen);
    baseline::read(&baseline::write(&chosen)).unwrap()
}

/// Blank lines at the top of some files: every line below moves, nothing else changes.
fn shift(files: &[SourceFile], by: &[usize]) -> Vec<SourceFile> {
    files
        .iter()
        .zip(by.iter().cycle())
        .map(|(f, n)| {
            let mut bytes = vec![b'\n'; *n];
            bytes.extend_from_slice(&f.bytes);
            SourceFile {
                path: f.path.clone(),
                bytes,
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, .. ProptestConfig::default() })]

    #[test]
    fn a_baseline_hides_exactly_what_it_records(
        picks in proptest::collection::vec(any::<usize>(), 1..10),
        keep in proptest::collection::vec(any::<bool>(), 1..16),
        by in proptest::collection::vec(0usize..5, 1..6),
        into_existing in any::<bool>(),
        n in 0u32..1000,
    ) {
        let mut files = corpus::pick(&picks);
        files.extend(corpus::example_app());
        let opts = corpus::options();
        let before = corpus::scan(&files, &opts);
        prop_assert!(!before.findings.is_empty());
        let base = baseline_of(&before, &keep);

        // Only lines moved: the same fingerprints, minus the baselined ones, are reported.
        let shifted = shift(&files, &by);
        let mut with = opts.clone();
        with.filters.baseline = base.clone();
        let after = corpus::scan(&shifted, &with);
        let expected: Vec<String> =
            fingerprints(&before).into_iter().filter(|f| !base.contains(f)).collect();
        prop_assert_eq!(fingerprints(&after), expected);
        prop_assert_eq!(after.summary.findings, after.findings.len());

        // A new public bucket, in an existing Terraform file or a new one.
        let name = format!("gp_new_{n}");
        let bucket = format!(
            "\nresource \"aws_s3_bucket\" \"{name}\" {{\n  bucket = \"gp-new-{n}\"\n  acl    = \"public-read\"\n}}\n"
        );
        let mut edited = shifted;
        match edited.iter_mut().find(|f| into_existing && f.path.ends_with(".tf")) {
            Some(f) => f.bytes.extend_from_slice(bucket.as_bytes()),
            None => edited.push(SourceFile { path: format!("gp-new-{n}/main.tf"), bytes: bucket.into_bytes() }),
        }
        let all = corpus::scan(&edited, &opts);
        let shown = corpus::scan(&edited, &with);
        let expected: Vec<String> =
            fingerprints(&all).into_iter().filter(|f| !base.contains(f)).collect();
        prop_assert_eq!(fingerprints(&shown), expected);
        let new: Vec<_> = all.findings.iter().filter(|f| f.address.ends_with(&format!("aws_s3_bucket.{name}"))).collect();
        prop_assert!(new.iter().any(|f| f.rule == "aws-s3-public-acl"), "the new bucket was not flagged");
        for f in new {
            prop_assert!(shown.findings.contains(f), "new finding hidden: {:?}", f);
        }
    }
}

/// Every fixture: a baseline of everything hides everything, after shifting every file.
#[test]
fn a_full_baseline_survives_line_shifts() {
    let opts = corpus::options();
    let before = corpus::scan(&FILES, &opts);
    let mut with = opts.clone();
    with.filters.baseline = baseline::read(&baseline::write(&before)).unwrap();
    let after = corpus::scan(&shift(&FILES, &[1, 3, 0, 2]), &with);
    assert_eq!(after.findings, vec![]);
}
