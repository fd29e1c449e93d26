//! One Aho-Corasick pass over the input finds every keyword of every detector.
//! Text without a hit is never shown to a regex, which is what keeps ordinary
//! source files fast; hits are mapped to the detectors (or keyed triggers) that
//! asked for the keyword.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::detectors::DETECTORS;
use super::keyed::Trigger;
use super::vendors::VENDORS;

#[derive(Clone, Copy, Debug)]
pub(crate) enum Target {
    Regex(u16),
    Keyed(Trigger),
}

/// Credential words that start the keyed (key = value) walk.
const KEY_WORDS: &[&str] = &[
    "pass", "pwd", "pswd", "secret", "token", "key", "auth", "cred", "pat", "tkn",
];

pub(crate) struct Prefilter {
    pub ac: AhoCorasick,
    pub targets: Vec<Vec<Target>>,
}

impl Prefilter {
    /// `dfa`: build the faster-running, slower-building automaton (large inputs).
    pub(crate) fn build(dfa: bool) -> Prefilter {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        let mut add = |kw: &str, t: Target| {
            let kw = kw.to_ascii_lowercase();
            match index.get(&kw) {
                Some(&i) => targets[i].push(t),
                None => {
                    index.insert(kw.clone(), patterns.len());
                    patterns.push(kw);
                    targets.push(vec![t]);
                }
            }
        };
        for (i, d) in DETECTORS.iter().enumerate() {
            for kw in d.keywords {
                add(kw, Target::Regex(i as u16));
            }
        }
        for kw in KEY_WORDS {
            add(kw, Target::Keyed(Trigger::Word));
        }
        for kw in VENDORS {
            add(kw, Target::Keyed(Trigger::Vendor));
        }
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(if dfa {
                AhoCorasickKind::DFA
            } else {
                AhoCorasickKind::ContiguousNFA
            }))
            .build(&patterns)
            .expect("secret keywords form a valid automaton");
        Prefilter { ac, targets }
    }
}
