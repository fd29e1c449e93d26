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
}
