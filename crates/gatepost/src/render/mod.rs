//! Renderers. All are pure functions of the report, so every surface prints the same bytes.
mod rules_md;
mod sarif;
mod text;

pub use rules_md::{all_rules, rules_markdown};
pub use sarif::sarif;
pub use text::{summary_line, text};

use crate::report::Report;

/// GitHub Actions workflow commands, one annotation per finding and error.
pub fn github(report: &Report) -> String {
    let esc = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let prop = |s: &str| esc(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for f in &report.findings {
        let level = match f.severity {
            crate::Severity::Critical | crate::Severity::High => "error",
            crate::Severity::Medium | crate::Severity::Low => "warning",
            crate::Severity::Info => "notice",
        };
        out.push_str(&format!(
            "::{level} file={},line={},col={},title={}::{}\n",
            prop(&f.file),
            f.line,
            f.column,
            prop(&format!("{} ({})", f.title, f.rule)),
            esc(&f.message)
        ));
    }
    for e in &report.errors {
        out.push_str(&format!(
            "::error file={},line={},col={},title=gatepost {} error::{}\n",
            prop(&e.file),
            e.line,
            e.column,
            e.kind,
            esc(&e.message)
        ));
    }
    out
}
