//! Format parsers. Each keeps source positions so every finding can point at its line.
pub mod hcl;
pub mod yaml;
pub mod yaml_scalar;

use crate::model::Span;

/// Maps byte offsets to 1-based line and (character) column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    pub fn span(&self, text: &str, offset: usize) -> Span {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = text
            .get(start..offset.min(text.len()))
            .map(|s| s.chars().count())
            .unwrap_or(0);
        Span::new(line as u32, col as u32 + 1)
    }

    /// Byte offset at which the 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.starts.get(line.checked_sub(1)? as usize).copied()
    }

    /// Byte offset of a 1-based line and character column, the inverse of [`Self::span`]; a
    /// column past the end of the text runs to that end.
    pub fn offset(&self, text: &str, s: &Span) -> Option<usize> {
        let start = self.line_start(s.line)?;
        let rest = text.get(start..)?;
        let col = rest
            .char_indices()
            .nth(s.column.saturating_sub(1) as usize)
            .map_or(rest.len(), |(i, _)| i);
        Some(start + col)
    }

    pub fn lines(&self) -> usize {
        self.starts.len()
    }
}

/// Deepest bracket nesting, ignoring brackets inside quoted strings. Parsers that recurse get
/// this check first so hostile input cannot overflow the stack. It over-counts on purpose
/// (brackets in comments, heredocs and multi-line strings count too), so it stays a guard
/// that needs no lexer; `hcl::unclosed_bracket`, which must refuse only what the parser
/// would, is the one that reads HCL's strings, comments and heredocs exactly.
pub fn max_nesting(text: &str) -> (usize, usize) {
    let (mut depth, mut max, mut at) = (0usize, 0usize, 0usize);
    let mut in_str = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if in_str {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' | b'\n' => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    max = depth;
                    at = i;
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    (max, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_columns_count_characters() {
        let t = "ab\né = 1\n";
        let li = LineIndex::new(t);
        assert_eq!(li.span(t, 0), Span::new(1, 1));
        assert_eq!(li.span(t, 3), Span::new(2, 1));
        assert_eq!(li.span(t, 6), Span::new(2, 3)); // after 'é ' (é is 2 bytes)
        for offset in [0, 3, 6, 9] {
            assert_eq!(li.offset(t, &li.span(t, offset)), Some(offset));
        }
        assert_eq!(li.line_start(2), Some(3));
        assert_eq!(li.line_start(0), None);
        assert_eq!(li.offset(t, &Span::new(9, 1)), None);
    }

    #[test]
    fn nesting_ignores_strings() {
        assert_eq!(max_nesting("a = \"[[[[\" { b = [1] }").0, 2);
    }
}
