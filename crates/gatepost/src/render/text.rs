//! Human output in the style of compiler diagnostics: the offending source line with a marker
//! under the reported column, then one summary line.

use crate::report::Report;
use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::Buffer, Config};
use std::collections::HashMap;

pub fn text(report: &Report, color: bool) -> String {
    let mut files = SimpleFiles::new();
    let mut ids = HashMap::new();
    for (name, src) in &report.sources {
        ids.insert(name.clone(), files.add(name.clone(), src.to_string()));
    }
    let mut buf = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let config = Config::default();
    for f in &report.findings {
        let sev = match f.severity {
            crate::Severity::Critical | crate::Severity::High => CsSeverity::Error,
            crate::Severity::Medium | crate::Severity::Low => CsSeverity::Warning,
            crate::Severity::Info => CsSeverity::Note,
        };
        let mut d = Diagnostic::new(sev)
            .with_code(format!("{} {}", f.rule, f.severity.as_str()))
            .with_message(&f.message);
        if let Some(&id) = ids.get(&f.file) {
            if let Some(range) = line_range(&report.sources[&f.file], f.line, f.column) {
                d = d.with_labels(vec![Label::primary(id, range).with_message(&f.title)]);
            }
        }
        let mut notes = Vec::new();
        if !f.address.is_empty() && !f.address.starts_with(&f.file) {
            notes.push(format!("resource: {}", f.address));
        }
        if !f.module_chain.is_empty() {
            let via: Vec<String> = f
                .module_chain
                .iter()
                .map(|c| format!("{} ({}:{})", c.address, c.file, c.line))
                .collect();
            notes.push(format!("via {}", via.join(" → ")));
        }
        if !f.remediation.is_empty() {
            notes.push(format!("fix: {}", f.remediation));
        }
        d = d.with_notes(notes);
        if ids.contains_key(&f.file) {
            let _ = term::emit_to_write_style(&mut buf, &config, &files, &d);
        } else {
            let loc = format!("{}:{}:{}: ", f.file, f.line, f.column);
            let d = d.with_message(format!("{loc}{}", f.message));
            let _ = term::emit_to_write_style(&mut buf, &config, &files, &d);
        }
    }
    let mut out = String::from_utf8_lossy(buf.as_slice()).into_owned();
    for e in &report.errors {
        out.push_str(&format!(
            "error[{}]: {}:{}:{}: {}\n",
            e.kind, e.file, e.line, e.column, e.message
        ));
    }
    out.push_str(&summary_line(report));
    out
}

/// The byte range from the reported column to the end of that line's text.
fn line_range(src: &str, line: u32, column: u32) -> Option<std::ops::Range<usize>> {
    let start = src
        .split_inclusive('\n')
        .take(line.saturating_sub(1) as usize)
        .map(str::len)
        .sum::<usize>();
    let text = src[start..].split('\n').next()?;
    let text = text.strip_suffix('\r').unwrap_or(text);
    let col = text
        .char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map(|(i, _)| i)
        .unwrap_or(0);
    let end = text.trim_end().len().max(col + 1).min(text.len().max(col));
    Some(start + col..start + end.max(col))
}

pub fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    if s.findings == 0 && s.errors == 0 {
        return format!(
            "gatepost: no findings in {} files ({} resources)\n",
            s.files, s.resources
        );
    }
    let sev: Vec<String> = ["critical", "high", "medium", "low", "info"]
        .iter()
        .filter_map(|k| s.by_severity.get(*k).map(|n| format!("{n} {k}")))
        .collect();
    let mut line = format!("gatepost: {} findings", s.findings);
    if !sev.is_empty() {
        line.push_str(&format!(" ({})", sev.join(", ")));
    }
    if s.errors > 0 {
        line.push_str(&format!(", {} errors", s.errors));
    }
    line.push_str(&format!(
        " in {} files ({} resources)\n",
        s.files, s.resources
    ));
    line
}
