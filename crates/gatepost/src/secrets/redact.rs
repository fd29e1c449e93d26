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

/// The raw values of `candidates` found in `text`, longest first, kept in memory only so
/// that outputs can be scrubbed. Identifier-level (`info`) candidates are left out: they
/// are not credentials, and the model would lose bucket names and hosts that rules print.
pub(crate) fn values_in(text: &str, candidates: &[&super::SecretCandidate]) -> Vec<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = candidates
        .iter()
        .filter(|c| c.confidence != "info")
        .filter_map(|c| {
            // The value starts on `line`/`column` (characters) and spans `length` characters,
            // possibly over several lines (PEM bodies).
            let first = lines.get(c.line as usize - 1)?;
            let start = first
                .char_indices()
                .nth(c.column as usize - 1)
                .map(|(i, _)| i)?;
            let offset: usize = lines[..c.line as usize - 1]
                .iter()
                .map(|l| l.len() + 1)
                .sum::<usize>()
                + start;
            let v: String = text[offset..].chars().take(c.length as usize).collect();
            Some(v)
        })
        .filter(|v| v.chars().count() >= 4)
        .collect();
    out.sort_by_key(|v| std::cmp::Reverse(v.len()));
    out.dedup();
    out
}

/// Replaces every occurrence of a secret value by its redacted preview. One automaton over
/// all the values: a scan of a large repository finds thousands of values, and each string
/// of the model is looked at once, not once per value.
#[derive(Debug, Default, Clone)]
pub struct Redactor {
    values: Vec<String>,
    /// Leftmost-longest over `values` (None when there are none).
    automaton: Option<aho_corasick::AhoCorasick>,
}

impl Redactor {
    /// A redactor for the candidates found in these files (path, text).
    pub fn new<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
        candidates: &[super::SecretCandidate],
    ) -> Redactor {
        let mut by_file: std::collections::HashMap<&str, Vec<&super::SecretCandidate>> =
            std::collections::HashMap::new();
        for c in candidates {
            by_file.entry(c.file.as_str()).or_default().push(c);
        }
        let mut values = Vec::new();
        for (path, text) in files {
            if let Some(mine) = by_file.get(path) {
                values.extend(values_in(text, mine));
            }
        }
        // Multi-line values (PEM) are also scrubbed line by line, as the model keeps
        // them in strings that may have been re-joined or trimmed differently.
        let pieces: Vec<String> = values
            .iter()
            .filter(|v| v.contains('\n'))
            .flat_map(|v| {
                v.split('\n')
                    .map(|l| l.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|l| l.len() >= 16)
            .collect();
        values.extend(pieces);
        values.sort_by_key(|v| std::cmp::Reverse(v.len()));
        values.dedup();
        let automaton = (!values.is_empty())
            .then(|| {
                // Built anew for every scan from a few values: a DFA (what the builder
                // picks for few patterns) costs more to build than it saves in searching
                // the model's strings once.
                aho_corasick::AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                    .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                    .build(&values)
                    .ok()
            })
            .flatten();
        Redactor { values, automaton }
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    fn replace(&self, s: &str, with: impl Fn(&str) -> String) -> String {
        let Some(ac) = &self.automaton else {
            return s.to_string();
        };
        let mut out = String::with_capacity(s.len());
        let mut last = 0;
        for m in ac.find_iter(s) {
            out.push_str(&s[last..m.start()]);
            out.push_str(&with(&self.values[m.pattern().as_usize()]));
            last = m.end();
        }
        out.push_str(&s[last..]);
        out
    }

    fn found_in(&self, s: &str) -> bool {
        self.automaton.as_ref().is_some_and(|ac| ac.is_match(s))
    }

    /// `s` with every known secret value replaced by its preview.
    pub fn text(&self, s: &str) -> String {
        self.replace(s, preview)
    }

    /// Like [`Redactor::text`] but keeps every line's length in characters, so that
    /// columns in diagnostics still point at the right place.
    pub fn keep_columns(&self, s: &str) -> String {
        self.replace(s, |v| {
            v.chars()
                .enumerate()
                .map(|(i, c)| match c {
                    '\n' | '\r' => c,
                    _ if i < 2 => c,
                    _ => '*',
                })
                .collect()
        })
    }

    /// Every string inside a JSON value (keys left as they are).
    pub fn json(&self, v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) if self.found_in(s) => {
                *s = self.text(s);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| self.json(x)),
            serde_json::Value::Object(o) => o.values_mut().for_each(|x| self.json(x)),
            _ => {}
        }
    }
}
