//! YAML (and JSON, a subset of it) loaded into `serde_json::Value` with a source position for
//! every node.
//!
//! Why not serde_yaml: it is archived upstream and, like most serde deserializers, drops
//! positions. `saphyr-parser` is maintained, YAML 1.2, and reports a span with every event, so
//! we build the located tree ourselves from its event stream and hand the rest of the engine
//! plain serde values. Building the tree here also lets us bound what hostile input can cost:
//! alias expansion and nesting depth are limited (see [`Limits`]).

use super::yaml_scalar::scalar;
use crate::model::{pointer_token, Span};
use saphyr_parser::{Event, Parser};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// Bounds on what one YAML stream may cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Nodes that aliases may copy in, per stream (defuses "billion laughs").
    pub max_alias_nodes: usize,
    /// Nesting depth of sequences and mappings (capped at [`MAX_DEPTH`]).
    pub max_depth: usize,
}

/// Deepest nesting the recursive builder goes to, whatever the configured limit: deeper
/// could exhaust a thread's stack.
pub const MAX_DEPTH: usize = 256;

/// Longest text a mapping key written as a collection (`{a: 1}: v`, `[a]: v`) may take.
const MAX_COMPLEX_KEY: usize = 4096;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_alias_nodes: 100_000,
            max_depth: 256,
        }
    }
}

/// One YAML document with a position for every node, keyed by JSON pointer.
#[derive(Debug, Clone)]
pub struct LocatedDoc {
    pub value: Value,
    /// Pointer -> position. A mapping entry is located at its key, a sequence item at itself.
    pub spans: BTreeMap<String, Span>,
    /// Pointer -> position of the value itself (for an alias, of the anchored value it
    /// copies). Rules that look inside a scalar (expressions in a script) start from here.
    pub value_spans: BTreeMap<String, Span>,
    /// Line of the document's first node (1-based).
    pub line: u32,
    pub column: u32,
}

impl LocatedDoc {
    /// The spans below `prefix`, re-rooted so that `prefix` becomes "".
    pub fn spans_under(&self, prefix: &str) -> BTreeMap<String, Span> {
        self.spans
            .range(prefix.to_string()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .filter(|(k, _)| k.len() == prefix.len() || k.as_bytes()[prefix.len()] == b'/')
            .map(|(k, v)| (k[prefix.len()..].to_string(), v.clone()))
            .collect()
    }
}

/// A located parse error.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// Parse every document of a YAML stream.
pub fn parse_stream(text: &str, limits: Limits) -> Result<Vec<LocatedDoc>, YamlError> {
    parse(text, limits, Spans::All)
}

/// Like [`parse_stream`], but leaves `value_spans` empty: a map of every node's pointer that
/// readers locating only keys and items (Kubernetes objects) would build for nothing.
pub fn parse_stream_keys_only(text: &str, limits: Limits) -> Result<Vec<LocatedDoc>, YamlError> {
    parse(text, limits, Spans::Keys)
}

/// Like [`parse_stream`], but with no spans at all: for documents read only for their values
/// (rule metadata, read at every start).
pub fn parse_stream_values_only(text: &str, limits: Limits) -> Result<Vec<LocatedDoc>, YamlError> {
    parse(text, limits, Spans::None)
}

/// Which positions the tree records.
#[derive(Clone, Copy, PartialEq)]
enum Spans {
    /// Keys, items and every value.
    All,
    /// Keys and items.
    Keys,
    None,
}

fn parse(text: &str, limits: Limits, with: Spans) -> Result<Vec<LocatedDoc>, YamlError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let original = match parse_once(text, limits, with) {
        Ok(docs) => return Ok(docs),
        Err(e) => e,
    };
    // A flow collection closed on its own line at the indentation of its parent key
    // (`key: [` ... `]`) is strictly invalid YAML that GitHub Actions, PyYAML and Go's parser
    // all accept, and real workflows use. The parser rejects it, so such closing lines are
    // indented further and the text parsed again; lines and the other columns are unchanged.
    let mut error = original.clone();
    let mut patched: Option<String> = None;
    for _ in 0..64 {
        let Some(next) = indent_closing_line(patched.as_deref().unwrap_or(text), &error) else {
            break;
        };
        match parse_once(&next, limits, with) {
            Ok(docs) => return Ok(docs),
            Err(e) if e.line == error.line => break,
            Err(e) => error = e,
        }
        patched = Some(next);
    }
    Err(original)
}

/// `text` with line `e.line` indented by 64 more spaces, when the error is an indentation
/// error and that line holds only closing brackets of a flow collection.
fn indent_closing_line(text: &str, e: &YamlError) -> Option<String> {
    if !e.message.contains("indentation") {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut hit = false;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let body = line.trim_start();
        if i + 1 == e.line as usize
            && body.starts_with([']', '}'])
            && body
                .trim_end()
                .chars()
                .all(|c| matches!(c, ']' | '}' | ',' | ' '))
        {
            out.push_str(&" ".repeat(64));
            hit = true;
        }
        out.push_str(line);
    }
    hit.then_some(out)
}

fn parse_once(text: &str, mut limits: Limits, with: Spans) -> Result<Vec<LocatedDoc>, YamlError> {
    limits.max_depth = limits.max_depth.min(MAX_DEPTH);
    let mut b = Builder {
        parser: Parser::new_from_str(text),
        limits,
        anchors: HashMap::new(),
        alias_budget: limits.max_alias_nodes,
        value_spans: BTreeMap::new(),
        with,
        lines: Lines::new(text),
    };
    let mut docs = Vec::new();
    loop {
        let (ev, _) = b.next()?;
        match ev {
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                let (ev, span) = b.next()?;
                if matches!(ev, Event::DocumentEnd) {
                    continue; // an empty document
                }
                let mut spans = BTreeMap::new();
                let pos = b.lines.span(&span.start);
                b.value_spans.clear();
                let value = b.node(ev, pos.clone(), "", &mut spans, 0)?;
                spans.entry(String::new()).or_insert_with(|| pos.clone());
                if !value.is_null() {
                    docs.push(LocatedDoc {
                        value,
                        spans,
                        value_spans: std::mem::take(&mut b.value_spans),
                        line: pos.line,
                        column: pos.column,
                    });
                }
                let (ev, span) = b.next()?;
                if !matches!(ev, Event::DocumentEnd) {
                    return Err(b.lines.err(&span.start, "expected the end of the document"));
                }
            }
            _ => {}
        }
    }
    Ok(docs)
}

/// Turns parser markers into positions. saphyr-parser counts a lone CR as a line break, as
/// YAML 1.2 does; the rest of gatepost (secrets, suppressions, HCL, the source lines shown in
/// reports) breaks lines at LF only. When the text has a lone CR, positions are recomputed
/// from the marker's character index, so that one file has one line numbering.
enum Lines {
    /// No lone CR: the parser's lines are LF lines.
    Parser,
    /// Character index of each LF line's start.
    Lf(Vec<usize>),
}

impl Lines {
    fn new(text: &str) -> Self {
        let b = text.as_bytes();
        if !memchr::memchr_iter(b'\r', b).any(|i| b.get(i + 1) != Some(&b'\n')) {
            return Lines::Parser;
        }
        let mut starts = vec![0];
        starts.extend(
            text.chars()
                .enumerate()
                .filter(|&(_, c)| c == '\n')
                .map(|(i, _)| i + 1),
        );
        Lines::Lf(starts)
    }

    fn span(&self, m: &saphyr_parser::Marker) -> Span {
        match self {
            Lines::Parser => Span::new(m.line() as u32, m.col() as u32 + 1),
            Lines::Lf(starts) => {
                let line = starts.partition_point(|&s| s <= m.index()).max(1);
                let col = m.index().saturating_sub(starts[line - 1]);
                Span::new(line as u32, col as u32 + 1)
            }
        }
    }

    fn err(&self, m: &saphyr_parser::Marker, msg: &str) -> YamlError {
        let at = self.span(m);
        YamlError {
            line: at.line.max(1),
            column: at.column,
            message: msg.to_string(),
        }
    }
}

struct Builder<'a> {
    parser: Parser<'a, saphyr_parser::StrInput<'a>>,
    limits: Limits,
    /// anchor id -> (value, node count, position of the anchored value, its pointer).
    anchors: HashMap<usize, (Value, usize, Span, String)>,
    alias_budget: usize,
    value_spans: BTreeMap<String, Span>,
    with: Spans,
    lines: Lines,
}

impl<'a> Builder<'a> {
    fn next(&mut self) -> Result<(Event<'a>, saphyr_parser::Span), YamlError> {
        match self.parser.next_event() {
            Some(Ok(e)) => Ok(e),
            Some(Err(e)) => Err(self.lines.err(e.marker(), e.info())),
            None => Ok((Event::StreamEnd, saphyr_parser::Span::default())),
        }
    }

    /// The pointer of item `token` under `ptr`, its position recorded (none without spans).
    fn child(
        &self,
        ptr: &str,
        token: &str,
        at: &Span,
        spans: &mut BTreeMap<String, Span>,
    ) -> String {
        if self.with == Spans::None {
            return String::new();
        }
        let p = format!("{ptr}/{token}");
        spans.insert(p.clone(), at.clone());
        p
    }

    fn node(
        &mut self,
        ev: Event<'a>,
        pos: Span,
        ptr: &str,
        spans: &mut BTreeMap<String, Span>,
        depth: usize,
    ) -> Result<Value, YamlError> {
        if depth > self.limits.max_depth {
            return Err(YamlError {
                line: pos.line,
                column: pos.column,
                message: format!("nesting deeper than {} levels", self.limits.max_depth),
            });
        }
        if self.with == Spans::All && !matches!(ev, Event::Alias(_)) {
            self.value_spans.insert(ptr.to_string(), pos.clone());
        }
        match ev {
            Event::Scalar(s, style, anchor, tag) => {
                let v = scalar(&s, style, tag.as_deref().map(|t| t.suffix.as_str()));
                self.remember(anchor, &v, &pos, ptr);
                Ok(v)
            }
            Event::Alias(id) => {
                let Some((v, n, from)) = self
                    .anchors
                    .get(&id)
                    .map(|(v, n, _, from)| (v.clone(), *n, from.clone()))
                else {
                    return Err(YamlError {
                        line: pos.line,
                        column: pos.column,
                        message: "alias to an unknown anchor".into(),
                    });
                };
                if n > self.alias_budget {
                    return Err(YamlError {
                        line: pos.line,
                        column: pos.column,
                        message: format!(
                            "aliases expand to more than {} nodes",
                            self.limits.max_alias_nodes
                        ),
                    });
                }
                self.alias_budget -= n;
                // The copy's values are located where the anchored values are written.
                let copied: Vec<(String, Span)> = self
                    .value_spans
                    .range(from.clone()..)
                    .take_while(|(k, _)| k.starts_with(from.as_str()))
                    .filter(|(k, _)| k.len() == from.len() || k.as_bytes()[from.len()] == b'/')
                    .map(|(k, s)| (format!("{ptr}{}", &k[from.len()..]), s.clone()))
                    .collect();
                self.value_spans.extend(copied);
                Ok(v)
            }
            Event::SequenceStart(anchor, _) => {
                let mut items = Vec::new();
                loop {
                    let (ev, span) = self.next()?;
                    if matches!(ev, Event::SequenceEnd) {
                        break;
                    }
                    let s = self.lines.span(&span.start);
                    let p = self.child(ptr, &items.len().to_string(), &s, spans);
                    items.push(self.node(ev, s, &p, spans, depth + 1)?);
                }
                let v = Value::Array(items);
                self.remember(anchor, &v, &pos, ptr);
                Ok(v)
            }
            Event::MappingStart(anchor, _) => {
                let mut map = Map::new();
                // Keys written in this mapping (merged-in keys may be overridden, these not).
                let mut written = std::collections::HashSet::new();
                loop {
                    let (kev, kspan) = self.next()?;
                    if matches!(kev, Event::MappingEnd) {
                        break;
                    }
                    let kpos = self.lines.span(&kspan.start);
                    let key = match kev {
                        Event::Scalar(s, ..) => s.into_owned(),
                        other => {
                            let mut ignored = BTreeMap::new();
                            let saved = std::mem::take(&mut self.value_spans);
                            let k = self.node(other, kpos.clone(), "", &mut ignored, depth + 1)?;
                            self.value_spans = saved;
                            // A collection used as a key is keyed by its JSON text. Keys
                            // nested in keys double their escaping at every level, so a few
                            // hundred bytes could ask for more memory than exists: bound it.
                            let k = k.to_string();
                            if k.len() > MAX_COMPLEX_KEY {
                                return Err(YamlError {
                                    line: kpos.line,
                                    column: kpos.column,
                                    message: format!(
                                        "a mapping key over {MAX_COMPLEX_KEY} bytes written as a collection"
                                    ),
                                });
                            }
                            k
                        }
                    };
                    if key != "<<" && !written.insert(key.clone()) {
                        return Err(YamlError {
                            line: kpos.line,
                            column: kpos.column,
                            message: format!("duplicate key {key:?} in a mapping"),
                        });
                    }
                    let (vev, vspan) = self.next()?;
                    let vpos = self.lines.span(&vspan.start);
                    let p = match self.with {
                        Spans::None => String::new(),
                        _ => format!("{ptr}/{}", pointer_token(&key)),
                    };
                    let v = self.node(vev, vpos, &p, spans, depth + 1)?;
                    if key == "<<" {
                        merge_into(&mut map, v);
                        continue;
                    }
                    if self.with != Spans::None {
                        spans.insert(p, kpos);
                    }
                    map.insert(key, v);
                }
                let v = Value::Object(map);
                self.remember(anchor, &v, &pos, ptr);
                Ok(v)
            }
            _ => Err(YamlError {
                line: pos.line,
                column: pos.column,
                message: "unexpected YAML event".into(),
            }),
        }
    }

    fn remember(&mut self, anchor: usize, v: &Value, at: &Span, ptr: &str) {
        if anchor > 0 {
            self.anchors.insert(
                anchor,
                (v.clone(), count_nodes(v), at.clone(), ptr.to_string()),
            );
        }
    }
}

/// `<<: *base` (or a list of them): keys already present win, as YAML merge keys specify.
fn merge_into(map: &mut Map<String, Value>, v: Value) {
    let sources = match v {
        Value::Array(items) => items,
        other => vec![other],
    };
    for src in sources {
        if let Value::Object(m) = src {
            for (k, v) in m {
                map.entry(k).or_insert(v);
            }
        }
    }
}

fn count_nodes(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(count_nodes).sum::<usize>(),
        Value::Object(m) => 1 + m.values().map(count_nodes).sum::<usize>(),
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flow_collections_closed_at_the_parent_indentation_parse() {
        // As in real workflows: the closing bracket sits under the key or the dash.
        let y = "jobs:\n  t:\n    strategy:\n      matrix:\n        p:\n          - [\n            \"a\",\n            \"b\"\n          ]\n    env: [\n      x,\n    ]\n    runs-on: ubuntu-latest\n";
        let d = &parse_stream(y, Limits::default()).unwrap()[0];
        assert_eq!(d.value["jobs"]["t"]["strategy"]["matrix"]["p"][0][1], "b");
        assert_eq!(d.value["jobs"]["t"]["env"][0], "x");
        assert_eq!(d.spans["/jobs/t/runs-on"], Span::new(13, 5));
        // Other indentation errors are still errors, on their own line.
        let e = parse_stream("a:\n  b: 1\n c: 2\n", Limits::default()).unwrap_err();
        assert_eq!(e.line, 3);
    }

    #[test]
    fn spans_point_at_keys_and_items() {
        let docs = parse_stream("a: 1\nb:\n  - x\n  - y: true\n", Limits::default()).unwrap();
        let d = &docs[0];
        assert_eq!(d.value, json!({"a": 1, "b": ["x", {"y": true}]}));
        assert_eq!(d.spans["/a"], Span::new(1, 1));
        assert_eq!(d.spans["/b"], Span::new(2, 1));
        assert_eq!(d.spans["/b/1"], Span::new(4, 5));
        assert_eq!(d.spans["/b/1/y"], Span::new(4, 5));
    }

    #[test]
    fn multi_document_streams_and_empty_docs() {
        let docs = parse_stream("---\nkind: A\n---\n---\nkind: B\n", Limits::default()).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].spans["/kind"].line, 5);
    }

    #[test]
    fn core_schema_scalars() {
        let docs = parse_stream(
            "a: '1'\nb: 1.5\nc: on\nd: ~\ne: 0x1f\nf: 1e3\ng: \"true\"\n",
            Limits::default(),
        )
        .unwrap();
        assert_eq!(
            docs[0].value,
            json!({"a": "1", "b": 1.5, "c": "on", "d": null, "e": 31, "f": 1000.0, "g": "true"})
        );
    }

    #[test]
    fn merge_keys_and_aliases() {
        let y = "base: &b {x: 1, y: 2}\nobj:\n  <<: *b\n  y: 3\n";
        let docs = parse_stream(y, Limits::default()).unwrap();
        assert_eq!(docs[0].value["obj"], json!({"y": 3, "x": 1}));
    }

    #[test]
    fn alias_bombs_are_refused_with_a_location() {
        let mut y = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            y.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let e = parse_stream(&y, Limits::default()).unwrap_err();
        assert!(e.message.contains("aliases"), "{e:?}");
        assert!(e.line >= 2);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let y = "[".repeat(10_000) + &"]".repeat(10_000);
        let e = parse_stream(&y, Limits::default()).unwrap_err();
        assert!(
            e.message.contains("nesting") || e.message.contains("recursion"),
            "{e:?}"
        );
    }

    #[test]
    fn syntax_errors_are_located() {
        let e = parse_stream("a: 1\nb: [1, 2\nc: 3\n", Limits::default()).unwrap_err();
        assert!(e.line >= 2, "{e:?}");
    }

    #[test]
    fn value_spans_locate_values_and_follow_aliases() {
        let y = "a: &x |\n  one\nb:\n  c: *x\n";
        let docs = parse_stream(y, Limits::default()).unwrap();
        let d = &docs[0];
        assert_eq!(d.spans["/b/c"], Span::new(4, 3));
        assert_eq!(d.value_spans["/a"].line, 1);
        assert_eq!(d.value_spans["/b/c"], d.value_spans["/a"]);
    }

    #[test]
    fn duplicate_keys_are_located_errors() {
        let e = parse_stream("a:\n  b: 1\n  c: 2\n  b: 3\n", Limits::default()).unwrap_err();
        assert_eq!((e.line, e.column), (4, 3), "{e:?}");
        // A key merged in from an alias may be overridden.
        assert!(parse_stream("x: &x {b: 1}\ny:\n  <<: *x\n  b: 2\n", Limits::default()).is_ok());
    }

    #[test]
    fn subtree_spans_are_rerooted() {
        let docs = parse_stream("jobs:\n  build:\n    runs-on: x\n", Limits::default()).unwrap();
        let s = docs[0].spans_under("/jobs/build");
        assert_eq!(s[""], Span::new(2, 3));
        assert_eq!(s["/runs-on"], Span::new(3, 5));
    }
}
