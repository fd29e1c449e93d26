//! An inline `gatepost:ignore[RULE] reason` hides only findings of the rules it names, on
//! the lines it covers (its own line, the next one when the comment stands alone, or the
//! whole resource when it sits on the resource's header line) — never anything else.
//!
//! Each case is compared with a control scan of the same edit whose marker is disarmed
//! (`gatepost:Ignore[`, same length), so whatever the comment does to the file's content (a
//! `#` inside a heredoc or a block scalar is content) is the same on both sides.

use crate::corpus::{self, FILES};
use gatepost::{Finding, Report, SourceFile};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// Formats where `#` opens a comment (JSON has none).
fn commentable(path: &str) -> bool {
    !path.ends_with(".json")
}

/// Fixtures that have at least one finding in a commentable file, found by one scan of all.
static WITH_FINDINGS: LazyLock<Vec<usize>> = LazyLock::new(|| {
    let r = corpus::scan(&FILES, &corpus::options());
    let mut out: Vec<usize> = FILES
        .iter()
        .enumerate()
        .filter(|(_, f)| commentable(&f.path) && r.findings.iter().any(|x| x.file == f.path))
        .map(|(i, _)| i)
        .collect();
    out.dedup();
    assert!(out.len() > 50, "only {} fixtures with findings", out.len());
    out
});

type Key = (String, String, u32, u32, String, String);

fn key(f: &Finding) -> Key {
    (
        f.rule.clone(),
        f.file.clone(),
        f.line,
        f.column,
        f.address.clone(),
        f.pointer.clone(),
    )
}

fn counts(r: &Report) -> BTreeMap<Key, usize> {
    let mut m = BTreeMap::new();
    for f in &r.findings {
        *m.entry(key(f)).or_default() += 1;
    }
    m
}

#[derive(Debug, Clone, Copy)]
enum Place {
    /// At the end of the finding's line.
    EndOfLine,
    /// Alone on a new line above it, indented like it.
    LineAbove,
    /// At the end of the header line of the finding's resource.
    Header,
}

/// The comment, added to `file` at `line`.
fn edit(
    files: &[SourceFile],
    file: &str,
    line: u32,
    above: bool,
    comment: &str,
) -> Vec<SourceFile> {
    let mut out = files.to_vec();
    let f = out.iter_mut().find(|f| f.path == file).unwrap();
    let text = String::from_utf8_lossy(&f.bytes).into_owned();
    let new = if above {
        let at = corpus::line_start(&text, line);
        let indent: String = text[at..]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        format!("{}{indent}{comment}\n{}", &text[..at], &text[at..])
    } else {
        let at = corpus::line_end(&text, line);
        format!("{} {comment}{}", &text[..at], &text[at..])
    };
    f.bytes = new.into_bytes();
    out
}

static RULE_IDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    gatepost::policy::bundled_rules()
        .into_iter()
        .map(|r| r.id)
        .collect()
});

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn a_suppression_hides_only_the_rules_and_lines_it_names(
        targets in proptest::collection::vec(any::<prop::sample::Index>(), 1..4),
        others in proptest::collection::vec(any::<usize>(), 0..4),
        pick in any::<prop::sample::Index>(),
        place in prop_oneof![Just(Place::EndOfLine), Just(Place::LineAbove), Just(Place::Header)],
        extra in proptest::option::of(any::<prop::sample::Index>()),
    ) {
        let mut picks: Vec<usize> = targets.iter().map(|i| WITH_FINDINGS[i.index(WITH_FINDINGS.len())]).collect();
        picks.extend(others);
        let files = corpus::pick(&picks);
        let opts = corpus::options();
        let before = corpus::scan(&files, &opts);
        let candidates: Vec<&Finding> =
            before.findings.iter().filter(|f| commentable(&f.file)).collect();
        // A file can owe its findings to another one (an app's expiry is reported on one of
        // its files): picked without it, there is nothing to suppress.
        prop_assume!(!candidates.is_empty());
        let target = candidates[pick.index(candidates.len())].clone();

        let header = before
            .resources
            .iter()
            .find(|r| r.address == target.address && commentable(&r.file));
        let (file, line, above) = match (place, header) {
            (Place::Header, Some(r)) => (r.file.to_string(), r.line, false),
            (Place::LineAbove, _) => (target.file.clone(), target.line, true),
            _ => (target.file.clone(), target.line, false),
        };
        let mut rules = vec![target.rule.clone()];
        rules.extend(extra.map(|i| RULE_IDS[i.index(RULE_IDS.len())].clone()));
        let list = rules.join(", ");
        let armed = corpus::scan(
            &edit(&files, &file, line, above, &format!("# gatepost:ignore[{list}] reviewed in #7")),
            &opts,
        );
        let control = corpus::scan(
            &edit(&files, &file, line, above, &format!("# gatepost:Ignore[{list}] reviewed in #7")),
            &opts,
        );

        // Lines the comment covers, in the edited file.
        let covered = |f: &str, l: u32| f == file && (l == line || (above && l == line + 1));
        let headers: BTreeMap<&str, (&str, u32)> =
            control.resources.iter().map(|r| (r.address.as_str(), (&*r.file, r.line))).collect();
        let may_hide = |k: &Key| {
            rules.contains(&k.0)
                && (covered(&k.1, k.2)
                    || headers.get(k.4.as_str()).is_some_and(|(hf, hl)| covered(hf, *hl)))
        };
        let (shown, all) = (counts(&armed), counts(&control));
        for (k, n) in &shown {
            let m = all.get(k).copied().unwrap_or(0);
            prop_assert!(*n <= m, "the suppression added a finding: {:?}", k);
        }
        for (k, n) in &all {
            if shown.get(k).copied().unwrap_or(0) < *n {
                prop_assert!(may_hide(k), "{:?} hidden by gatepost:ignore[{}] at {}:{}", k, list, file, line);
            }
        }
        // The finding it was written for is hidden (when the edit left it in place).
        let moved = if above && target.file == file && target.line >= line { 1 } else { 0 };
        let t = (target.rule.clone(), target.file.clone(), target.line + moved, target.column,
                 target.address.clone(), target.pointer.clone());
        if all.contains_key(&t) {
            prop_assert!(!shown.contains_key(&t), "{:?} not hidden by gatepost:ignore[{}] at {}:{}", t, list, file, line);
        }
        prop_assert_eq!(armed.errors, control.errors);
    }
}
