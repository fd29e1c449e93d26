//! `${{ ... }}` expressions inside workflow strings, located in the source text.
//!
//! Rules about template injection need the line of each expression (and of each context it
//! reads) inside a multi-line `run: |` block. The parsed string has lost that (block
//! scalars are folded, aliases are copies), so we go back to the source: the YAML loader
//! records where each value starts, and the k-th `${{` of a string is the k-th `${{` written
//! from that position on.

use crate::model::Span;
use crate::parse::LineIndex;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// A workflow's text with its line index, to turn (line, column) into an offset and back.
pub struct Source<'a> {
    text: &'a str,
    lines: LineIndex,
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str) -> Self {
        let lines = LineIndex::new(text);
        Source { text, lines }
    }

    fn offset(&self, s: &Span) -> Option<usize> {
        self.lines.offset(self.text, s)
    }

    fn span(&self, offset: usize) -> Span {
        self.lines.span(self.text, offset)
    }

    /// The text of a comment that ends the given line (`key: value  # why`), if any.
    pub fn trailing_comment(&self, line: u32) -> Option<&'a str> {
        let start = self.lines.line_start(line)?;
        let end = self.text[start..]
            .find('\n')
            .map(|e| start + e)
            .unwrap_or(self.text.len());
        let l = &self.text[start..end];
        let (mut single, mut double) = (false, false);
        let mut prev = ' ';
        for (i, c) in l.char_indices() {
            match c {
                '\'' if !double => single = !single,
                '"' if !single => double = !double,
                '#' if !single && !double && prev.is_whitespace() => {
                    return Some(l[i + 1..].trim());
                }
                _ => {}
            }
            prev = c;
        }
        None
    }
}

/// Every expression in the strings below `attrs`, with the JSON pointer of its string, the
/// position of its `${{`, its text, and each context path it reads with that path's position.
pub fn collect(attrs: &Value, value_spans: &BTreeMap<String, Span>, src: &Source) -> Vec<Value> {
    let mut out = Vec::new();
    walk(attrs, String::new(), value_spans, src, &mut out);
    out
}

fn walk(
    v: &Value,
    ptr: String,
    spans: &BTreeMap<String, Span>,
    src: &Source,
    out: &mut Vec<Value>,
) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{ptr}/{}", crate::model::pointer_token(k));
                walk(x, p, spans, src, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk(x, format!("{ptr}/{i}"), spans, src, out);
            }
        }
        Value::String(s) if s.contains("${{") => {
            let span = spans.get(&ptr);
            let at = span.and_then(|s| src.offset(s));
            located(s, &ptr, at, span, src, out);
        }
        _ => {}
    }
}

fn located(
    parsed: &str,
    ptr: &str,
    at: Option<usize>,
    span: Option<&Span>,
    src: &Source,
    out: &mut Vec<Value>,
) {
    let wanted = parsed.matches("${{").count();
    // Expressions as written in the source, when the source agrees with the parsed string.
    let mut raw: Vec<(usize, &str)> = Vec::new();
    if let Some(mut pos) = at {
        while raw.len() < wanted {
            let Some(i) = src.text[pos..].find("${{") else {
                break;
            };
            let open = pos + i + 3;
            let Some(len) = closing(&src.text[open..]) else {
                break;
            };
            raw.push((open, &src.text[open..open + len]));
            pos = open + len + 2;
        }
    }
    if raw.len() != wanted {
        // Fall back to the parsed text, located at the value's start (line 0, "unknown",
        // only for a value the loader gave no position: the scan then locates the pointer).
        let base = at
            .map(|a| src.span(a))
            .or_else(|| span.cloned())
            .unwrap_or(Span::new(0, 0));
        let mut rest = parsed;
        while let Some(i) = rest.find("${{") {
            let inner = &rest[i + 3..];
            let len = closing(inner).unwrap_or(inner.len());
            let contexts: Vec<Value> = contexts(&inner[..len])
                .into_iter()
                .map(|(p, _)| json!({"path": p, "line": base.line, "column": base.column}))
                .collect();
            out.push(
                json!({"pointer": ptr, "line": base.line, "column": base.column,
                "expression": inner[..len].trim(), "contexts": contexts}),
            );
            rest = &inner[len..];
        }
        return;
    }
    for (open, inner) in raw {
        let start = src.span(open - 3);
        let contexts: Vec<Value> = contexts(inner)
            .into_iter()
            .map(|(p, off)| {
                let s = src.span(open + off);
                json!({"path": p, "line": s.line, "column": s.column})
            })
            .collect();
        out.push(
            json!({"pointer": ptr, "line": start.line, "column": start.column,
            "expression": inner.trim(), "contexts": contexts}),
        );
    }
}

/// Length of an expression body up to its closing `}}`, skipping '...' literals.
fn closing(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut quoted = false;
    while i < b.len() {
        match b[i] {
            b'\'' => quoted = !quoted,
            b'}' if !quoted && b.get(i + 1) == Some(&b'}') => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Context paths an expression reads (`github.event.issue.title`, `matrix.os`), as dotted
/// paths (`a['b']` becomes `a.b`, `a[0]` becomes `a.*`), with their byte offsets.
/// Function names and literals are not contexts.
pub fn contexts(expr: &str) -> Vec<(String, usize)> {
    let b = expr.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'-';
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\'' {
            i += 1;
            while i < b.len() {
                if b[i] == b'\'' {
                    if b.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i += 1;
            }
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'.') {
                i += 1;
            }
            continue;
        }
        if !(c.is_ascii_alphabetic() || c == b'_') {
            i += 1;
            continue;
        }
        let start = i;
        let mut path = String::new();
        while i < b.len() && ident(b[i]) {
            i += 1;
        }
        path.push_str(&expr[start..i]);
        loop {
            if b.get(i) == Some(&b'.') {
                if b.get(i + 1) == Some(&b'*') {
                    path.push_str(".*");
                    i += 2;
                    continue;
                }
                let s = i + 1;
                let mut j = s;
                while j < b.len() && ident(b[j]) {
                    j += 1;
                }
                if j == s {
                    break;
                }
                path.push('.');
                path.push_str(&expr[s..j]);
                i = j;
            } else if b.get(i) == Some(&b'[') {
                let Some(close) = expr[i..].find(']') else {
                    break;
                };
                let inside = expr[i + 1..i + close].trim();
                let key = inside.trim_matches(|c| c == '\'' || c == '"');
                if key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                    && !key.is_empty()
                    && !key.chars().all(|c| c.is_ascii_digit())
                {
                    path.push('.');
                    path.push_str(key);
                } else {
                    path.push_str(".*");
                }
                i += close + 1;
            } else {
                break;
            }
        }
        let next = expr[i..].trim_start();
        let call = next.starts_with('(');
        let literal = matches!(
            path.as_str(),
            "true" | "false" | "null" | "NaN" | "Infinity"
        );
        if !call && !literal {
            out.push((path, start));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::yaml::{parse_stream, Limits};

    #[test]
    fn contexts_skip_functions_and_literals() {
        let got: Vec<String> = contexts(
            " format('{0}', github.event.issue.title) || needs['a-b'].outputs.x && true || x[0].y ",
        )
        .into_iter()
        .map(|c| c.0)
        .collect();
        assert_eq!(
            got,
            vec!["github.event.issue.title", "needs.a-b.outputs.x", "x.*.y"]
        );
    }

    #[test]
    fn expressions_in_block_scalars_and_aliases_get_their_own_lines() {
        let y = "steps:\n  - run: &r |\n      echo hi\n      echo \"${{ github.event.issue.title }}\"\n  - run: *r\n";
        let doc = &parse_stream(y, Limits::default()).unwrap()[0];
        let src = Source::new(y);
        let found = collect(&doc.value, &doc.value_spans, &src);
        assert_eq!(found.len(), 2);
        for f in &found {
            assert_eq!(f["line"], 4);
            assert_eq!(f["contexts"][0]["path"], "github.event.issue.title");
            assert_eq!(f["contexts"][0]["column"], 17);
        }
        assert_eq!(found[1]["pointer"], "/steps/1/run");
    }

    #[test]
    fn multi_line_expressions_locate_each_context() {
        let y = "run: |\n  echo ${{\n    a.b\n    && c.d\n  }}\n";
        let doc = &parse_stream(y, Limits::default()).unwrap()[0];
        let found = collect(&doc.value, &doc.value_spans, &Source::new(y));
        let lines: Vec<_> = found[0]["contexts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["line"].as_u64().unwrap())
            .collect();
        assert_eq!(lines, vec![3, 4]);
    }

    #[test]
    fn trailing_comments_ignore_hashes_in_quotes() {
        let src = Source::new("a: '#x' # why\nb: c\nd: e #\n");
        assert_eq!(src.trailing_comment(1), Some("why"));
        assert_eq!(src.trailing_comment(2), None);
        assert_eq!(src.trailing_comment(3), Some(""));
    }
}
