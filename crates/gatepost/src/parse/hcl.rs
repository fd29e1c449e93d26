//! HCL parsing with hcl-edit, which (unlike hcl-rs's serde path) keeps byte spans for every
//! block, attribute and expression.

use super::{max_nesting, LineIndex};
use hcl_edit::structure::Body;

#[derive(Debug, Clone, PartialEq)]
pub struct HclError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

pub struct ParsedHcl {
    pub body: Body,
    pub lines: LineIndex,
}

/// Deepest nesting we hand to the recursive-descent parser, whatever the configured limit:
/// beyond it the parser's recursion could exhaust a thread's stack.
pub const MAX_DEPTH: usize = 128;

pub fn parse(text: &str) -> Result<ParsedHcl, HclError> {
    parse_limited(text, MAX_DEPTH)
}

/// [`parse`], refusing bracket nesting deeper than `max_depth` (capped at [`MAX_DEPTH`]).
pub fn parse_limited(text: &str, max_depth: usize) -> Result<ParsedHcl, HclError> {
    let max_depth = max_depth.min(MAX_DEPTH);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = LineIndex::new(text);
    let (depth, at) = max_nesting(text);
    if depth > max_depth {
        let s = lines.span(text, at);
        return Err(HclError {
            line: s.line,
            column: s.column,
            message: format!("nesting deeper than {max_depth} levels"),
        });
    }
    // The parser backtracks through every open level before it refuses brackets that are
    // never closed, which costs time exponential in their number (a fuzzed 693-byte file with
    // 24 took seconds): such a file cannot parse, so it is refused here. With fewer open the
    // parser is quick and its message (say, the missing value of a cut-off file) is better.
    if let Some(at) = unclosed_bracket(text) {
        let s = lines.span(text, at);
        return Err(HclError {
            line: s.line,
            column: s.column,
            message: format!("`{}` is never closed", &text[at..at + 1]),
        });
    }
    match hcl_edit::parser::parse_body(text) {
        Ok(body) => Ok(ParsedHcl { body, lines }),
        Err(e) => {
            let loc = e.location();
            Err(HclError {
                line: loc.line() as u32,
                column: loc.column() as u32,
                message: e.message().to_string(),
            })
        }
    }
}

/// Brackets left open at the end of a file from which on it is refused before parsing.
const MAX_UNCLOSED: usize = 6;

/// Byte offset of the outermost bracket (or quote, or interpolation brace) still open at the
/// end of `text` when at least [`MAX_UNCLOSED`] are, reading strings, template
/// interpolations (which may hold strings of their own), comments and heredocs as HCL does:
/// a string cut off inside an interpolation leaves everything after it open too. A stack,
/// not recursion: input is hostile.
fn unclosed_bracket(text: &str) -> Option<usize> {
    enum Ctx {
        Str,
        Interp(u32),
    }
    let b = text.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    let mut ctx: Vec<Ctx> = Vec::new();
    let at = |i: usize| b.get(i).copied();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match ctx.last_mut() {
            None => match c {
                b'"' => {
                    ctx.push(Ctx::Str);
                    open.push(i);
                }
                b'#' => i = line_end(b, i),
                b'/' if at(i + 1) == Some(b'/') => i = line_end(b, i),
                b'/' if at(i + 1) == Some(b'*') => {
                    i = find(b, i + 2, b"*/").map_or(b.len(), |e| e + 1);
                }
                b'<' if at(i + 1) == Some(b'<') => {
                    if let Some(end) = heredoc_end(b, i + 2) {
                        i = end;
                        continue;
                    }
                }
                b'(' | b'[' | b'{' => open.push(i),
                b')' | b']' | b'}' => {
                    open.pop();
                }
                _ => {}
            },
            Some(Ctx::Str) => match c {
                b'\\' => i += 1,
                // The parser takes a newline inside quotes, so only a quote ends a string.
                b'"' => {
                    ctx.pop();
                    open.pop();
                }
                b'$' | b'%' if at(i + 1) == Some(b'{') => {
                    ctx.push(Ctx::Interp(1));
                    open.push(i + 1);
                    i += 1;
                }
                // `$${` and `%%{` are literal.
                b'$' | b'%' if at(i + 1) == Some(c) => i += 1,
                _ => {}
            },
            Some(Ctx::Interp(depth)) => match c {
                b'"' => {
                    ctx.push(Ctx::Str);
                    open.push(i);
                }
                b'{' => {
                    *depth += 1;
                    open.push(i);
                }
                b'}' => {
                    *depth -= 1;
                    open.pop();
                    if *depth == 0 {
                        ctx.pop();
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    (open.len() >= MAX_UNCLOSED).then(|| open[0])
}

/// Index of the newline ending the line at `i` (or the end).
fn line_end(b: &[u8], i: usize) -> usize {
    b[i..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| i + p)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// After `<<` at `i`: the index just past a heredoc's closing marker line, when `<<[-]ID\n`
/// starts one.
fn heredoc_end(b: &[u8], mut i: usize) -> Option<usize> {
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    let start = i;
    while b
        .get(i)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    {
        i += 1;
    }
    let id = &b[start..i];
    if id.is_empty() {
        return None;
    }
    let mut line = match b.get(i) {
        Some(b'\n') => i + 1,
        Some(b'\r') if b.get(i + 1) == Some(&b'\n') => i + 2,
        _ => return None,
    };
    while line < b.len() {
        let end = line_end(b, line);
        if b[line..end].trim_ascii() == id {
            return Some(end);
        }
        line = end + 1;
    }
    Some(b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_located() {
        let e = parse("resource \"a\" \"b\" {\n  x = \n}\n").err().unwrap();
        assert!(e.line >= 2, "{e:?}");
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let t = format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse(&t).err().unwrap().message.contains("nesting"));
    }
    /// The check refuses only what the parser would refuse: every file of the repository's
    /// test data and of the KICS Terraform fixtures that parses is let through.
    #[test]
    fn the_unclosed_bracket_check_lets_every_parsable_file_through() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let corpus = std::env::var("GATEPOST_CORPUS")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|_| root.join("../shared/corpus"));
        let mut stack = vec![root.join("testdata"), corpus.join("kics-terraform")];
        let (mut parsable, mut refused) = (0, Vec::new());
        while let Some(p) = stack.pop() {
            if p.is_dir() {
                stack.extend(std::fs::read_dir(&p).unwrap().flatten().map(|e| e.path()));
            } else if p.extension().is_some_and(|x| x == "tf" || x == "tfvars") {
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                if hcl_edit::parser::parse_body(text).is_ok() {
                    parsable += 1;
                    if unclosed_bracket(text).is_some() {
                        refused.push(p.display().to_string());
                    }
                }
            }
        }
        assert!(parsable > 100, "{parsable}");
        assert!(refused.is_empty(), "{refused:#?}");
    }

    #[test]
    fn unclosed_brackets_are_found_outside_strings_comments_and_heredocs() {
        assert_eq!(unclosed_bracket("a = { b = [1, 2] }\n"), None);
        // A cut-off file with a few blocks open is left to the parser's finer message.
        assert_eq!(unclosed_bracket("resource \"a\" \"b\" {\n  y = (1\n"), None);
        assert_eq!(
            unclosed_bracket("x = 1\nresource \"a\" \"b\" {\n  y = (1 + [{ ( [\n"),
            Some(23)
        );
        let quiet = [
            "a = \"{ ( [ { ( [\"\n",
            "a = \"${f(\"}\")} { { { { { {\"\n",
            "a = \"$${ { { { { { {\"\n",
            "# { { { { { {\n// ( ( ( ( ( (\n/* [ [ [ [ [ [ */ b = 1\n",
            "a = <<EOT\n{ ( [ { ( [\nEOT\n",
            "a = <<-EOT\n  { { { { { {\n  EOT\n",
        ];
        for t in quiet {
            assert_eq!(unclosed_bracket(t), None, "{t:?}");
        }
        // A string cut off inside an interpolation: the braces after it are open too.
        assert_eq!(
            unclosed_bracket("a = 1\nb = \"${x { { { {\n{ {\n"),
            Some(10)
        );
        assert_eq!(unclosed_bracket("b = \"${x {\n"), None);
        let e = parse("m = {\n  a = {\n    b = {\n c = [ ( {\n")
            .err()
            .unwrap();
        assert_eq!((e.line, e.column), (1, 5));
        assert!(e.message.contains("never closed"), "{}", e.message);
    }
}
