//! What a team has decided not to hear about: inline `gatepost:ignore[RULE] reason`
//! comments, allowlisted paths and fingerprints, and a baseline of accepted findings.
//!
//! All of it is applied in one place ([`apply`]) after findings are located, so every
//! surface (CLI, bindings, pre-commit) filters the same way.

use crate::discover::SourceFile;
use crate::policy::{Rule, Severity};
use crate::report::{Finding, Report};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};

/// The marker looked for in comments.
pub const MARKER: &str = "gatepost:ignore[";

/// Id of the native finding for a suppression that matched nothing.
pub const UNUSED_RULE: &str = "unused-suppression";

/// One inline suppression comment. Handed to Rego as `input.facts.suppressions`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Suppression {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub rules: Vec<String>,
    /// Why the finding is accepted; empty when none was given (itself a finding).
    pub reason: String,
    /// The comment is alone on its line, so it also covers the next line.
    #[serde(skip)]
    pub own_line: bool,
}

/// Filters applied to every scan's findings (see [`apply`]).
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Paths (prefixes or globs, relative to the configuration file) never reported on.
    pub allow_paths: Vec<String>,
    /// Paths whose `secrets` findings are never reported.
    pub secret_allow_paths: Vec<String>,
    /// Fingerprints accepted for good.
    pub allow_fingerprints: Vec<String>,
    /// Fingerprints of a baseline: only findings not in it are reported.
    pub baseline: BTreeSet<String>,
    /// Report suppressions that matched no finding.
    pub report_unused: bool,
    /// When set, only findings and errors in these files (display paths) or below these
    /// directories, or on what a module call in them builds, are reported; the rest of the
    /// scan is context (pre-commit).
    pub only_paths: Option<Vec<String>>,
    /// (working directory, configuration directory): display paths are relative to the
    /// first, allowlist patterns to the second.
    root: Option<(PathBuf, PathBuf)>,
}

impl Filters {
    pub fn set_root(&mut self, cwd: &Path, config_dir: &Path) {
        let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        self.root = Some((canon(cwd), canon(config_dir)));
    }

    /// A display path as seen from the configuration file's directory.
    fn relative(&self, display: &str) -> String {
        let Some((cwd, root)) = &self.root else {
            return display.trim_start_matches("./").to_string();
        };
        let abs = normalize(&cwd.join(display));
        match abs.strip_prefix(root) {
            Ok(rel) => rel.to_string_lossy().replace('\\', "/"),
            Err(_) => abs.to_string_lossy().replace('\\', "/"),
        }
    }
}

/// `a/./b/../c` → `a/c` without touching the file system.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A path pattern: a directory or file prefix, or a glob when it has `*`, `?` or `[`.
struct PathSet {
    prefixes: Vec<String>,
    globs: globset::GlobSet,
}

impl PathSet {
    fn new(patterns: &[String]) -> PathSet {
        let mut prefixes = Vec::new();
        let mut globs = globset::GlobSetBuilder::new();
        for p in patterns {
            let p = p.trim_start_matches("./").trim_end_matches('/');
            if p.contains(['*', '?', '[']) {
                if let Ok(g) = globset::Glob::new(p) {
                    globs.add(g);
                }
                // `dir/*` also covers what is below `dir/`'s sub-directories.
                if let Ok(g) = globset::Glob::new(&format!("{p}/**")) {
                    globs.add(g);
                }
            } else {
                prefixes.push(p.to_string());
            }
        }
        PathSet {
            prefixes,
            globs: globs.build().unwrap_or_else(|_| globset::GlobSet::empty()),
        }
    }

    fn matches(&self, rel: &str) -> bool {
        self.prefixes
            .iter()
            .any(|p| p.is_empty() || rel == p || rel.starts_with(&format!("{p}/")))
            || self.globs.is_match(rel)
    }
}

/// Characters that open a comment right before the marker, in the formats gatepost reads
/// (HCL, YAML, shell, Python: `#`; HCL, JS, Rust, Go: `//` and `/*`; SQL, Lua: `--`).
const OPENERS: &[&str] = &["#", "//", "/*", "--", ";", "<!--"];

fn valid_rule(r: &str) -> bool {
    !r.is_empty()
        && r.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The suppression comments in one file's text.
pub fn parse(file: &str, text: &str) -> Vec<Suppression> {
    let mut out = Vec::new();
    if !text.contains(MARKER) {
        return out;
    }
    for (i, line) in text.lines().enumerate() {
        let Some(at) = line.find(MARKER) else {
            continue;
        };
        let before = line[..at].trim_end();
        let Some(opener) = OPENERS.iter().find(|o| before.ends_with(*o)) else {
            continue;
        };
        let rest = &line[at + MARKER.len()..];
        let Some(close) = rest.find(']') else {
            continue;
        };
        let rules: Vec<String> = rest[..close]
            .split(',')
            .map(|r| r.trim().to_string())
            .collect();
        // Prose that mentions the syntax (`gatepost:ignore[RULE]`) is not a suppression.
        if !rules.iter().all(|r| valid_rule(r)) {
            continue;
        }
        let reason = rest[close + 1..]
            .trim()
            .trim_end_matches("-->")
            .trim_end_matches("*/")
            .trim()
            .trim_start_matches([':', '-', '—'])
            .trim()
            .to_string();
        let comment_start = before.len() - opener.len();
        out.push(Suppression {
            file: file.to_string(),
            line: i as u32 + 1,
            column: line[..at].chars().count() as u32 + 1,
            rules,
            reason,
            own_line: line[..comment_start].trim().is_empty(),
        });
    }
    out
}

/// The suppression comments of every file of a scan.
pub fn collect(files: &[SourceFile]) -> Vec<Suppression> {
    // One vectorised search per file: comparing the marker at every byte was an eighth of a
    // secrets-only scan of plain source.
    let finder = memchr::memmem::Finder::new(MARKER.as_bytes());
    files
        .iter()
        .filter(|f| finder.find(&f.bytes).is_some())
        .flat_map(|f| parse(&f.path, &String::from_utf8_lossy(&f.bytes)))
        .collect()
}

/// Metadata of the findings produced natively here, for `gatepost rules` and SARIF.
pub fn native_rules() -> Vec<Rule> {
    vec![Rule {
        id: UNUSED_RULE.into(),
        title: "Suppression that matches no finding".into(),
        family: "hygiene".into(),
        severity: Severity::Low,
        description: "A gatepost:ignore comment that no longer suppresses anything hides the \
                      next real finding on that line and misleads readers. Reported only with \
                      --report-unused-ignores."
            .into(),
        fix: "Delete the comment, or correct the rule id in it.".into(),
        types: vec![],
        references: vec![],
        package: String::new(),
        source: "crates/gatepost/src/suppress.rs".into(),
        bundled: true,
    }]
}

fn covers(s: &Suppression, file: &str, line: u32) -> bool {
    s.file == file && (s.line == line || (s.own_line && s.line + 1 == line))
}

/// Drop suppressed, allowlisted, baselined and out-of-scope findings, then add unused
/// suppressions when asked. Called once per scan, after findings are located.
pub fn apply(report: &mut Report, suppressions: &[Suppression], f: &Filters) {
    // Header line of each resource: a comment there covers the whole block.
    let headers: HashMap<&str, (&str, u32)> = report
        .resources
        .iter()
        .map(|r| (r.address.as_str(), (&*r.file, r.line)))
        .collect();
    let mut used = vec![false; suppressions.len()];
    let allow = PathSet::new(&f.allow_paths);
    let secret_allow = PathSet::new(&f.secret_allow_paths);
    let fingerprints: BTreeSet<&str> = f.allow_fingerprints.iter().map(String::as_str).collect();
    let keep = |x: &Finding, used: &mut [bool]| {
        let header = headers.get(x.address.as_str());
        let mut suppressed = false;
        for (i, s) in suppressions.iter().enumerate() {
            if !s.rules.contains(&x.rule) {
                continue;
            }
            if covers(s, &x.file, x.line) || header.is_some_and(|(hf, hl)| covers(s, hf, *hl)) {
                used[i] = true;
                suppressed = true;
            }
        }
        if suppressed {
            return false;
        }
        let rel = f.relative(&x.file);
        !(allow.matches(&rel)
            || (x.family == "secrets" && secret_allow.matches(&rel))
            || fingerprints.contains(x.fingerprint.as_str())
            || f.baseline.contains(&x.fingerprint))
    };
    let findings = std::mem::take(&mut report.findings);
    report.findings = findings
        .into_iter()
        .filter(|x| keep(x, &mut used))
        .collect();
    if f.report_unused {
        for (s, _) in suppressions.iter().zip(&used).filter(|(_, u)| !**u) {
            if allow.matches(&f.relative(&s.file)) {
                continue;
            }
            let key = format!("{UNUSED_RULE}\0{}\0{}", s.file, s.rules.join(","));
            let rule = &native_rules()[0];
            report.findings.push(Finding {
                rule: rule.id.clone(),
                family: rule.family.clone(),
                severity: rule.severity,
                title: rule.title.clone(),
                message: format!(
                    "gatepost:ignore[{}] suppresses no finding here",
                    s.rules.join(", ")
                ),
                file: s.file.clone(),
                line: s.line,
                column: s.column,
                address: format!("{}:{}", s.file, s.line),
                pointer: String::new(),
                remediation: rule.fix.clone(),
                fingerprint: crate::baseline::fingerprint(&key),
                module_chain: Vec::new(),
            });
        }
    }
    if let Some(only) = &f.only_paths {
        let scope = PathSet::new(only);
        let norm = |p: &str| p.trim_start_matches("./").to_string();
        // A module call in a given file answers for what the module builds from it.
        report.findings.retain(|x| {
            scope.matches(&norm(&x.file))
                || x.module_chain.iter().any(|c| scope.matches(&norm(&c.file)))
        });
        report.errors.retain(|e| scope.matches(&norm(&e.file)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(rules: &str) -> String {
        // Built at run time so scanning this repository finds no real suppression here.
        format!("gatepost:ignore[{rules}]")
    }

    #[test]
    fn comments_in_each_syntax_are_read() {
        let m = marker("aws-s3-public-acl, k8s-rbac-wildcard");
        let text = format!(
            "acl = \"public-read\" # {m} public website\n  // {m}: reviewed in #12\n# {m}\nx: 1 /* {m} legacy */\nsee the docs for {m} usage\n"
        );
        let s = parse("main.tf", &text);
        assert_eq!(s.len(), 4);
        assert_eq!(s[0].rules, vec!["aws-s3-public-acl", "k8s-rbac-wildcard"]);
        assert_eq!(
            (s[0].line, s[0].reason.as_str(), s[0].own_line),
            (1, "public website", false)
        );
        assert_eq!(
            (s[1].line, s[1].reason.as_str(), s[1].own_line),
            (2, "reviewed in #12", true)
        );
        assert_eq!((s[2].reason.as_str(), s[2].own_line), ("", true));
        assert_eq!(s[3].reason, "legacy");
        // Prose naming the syntax is not a suppression.
        assert!(parse("README.md", "Write `# gatepost:ignore[RULE] reason`.\n").is_empty());
    }

    #[test]
    fn path_sets_match_prefixes_and_globs() {
        let p = PathSet::new(&[
            "testdata/".into(),
            "**/*.md".into(),
            "crates/*/tests".into(),
        ]);
        assert!(p.matches("testdata/rules/x/main.tf"));
        assert!(p.matches("testdata"));
        assert!(!p.matches("testdata2/x"));
        assert!(p.matches("docs/rules.md"));
        assert!(p.matches("crates/gatepost/tests/data/x.json"));
        assert!(!p.matches("crates/gatepost/src/lib.rs"));
    }

    #[test]
    fn relative_to_the_configuration_directory() {
        let f = Filters {
            root: Some((PathBuf::from("/repo/apps/x"), PathBuf::from("/repo"))),
            ..Default::default()
        };
        assert_eq!(f.relative("terraform/main.tf"), "apps/x/terraform/main.tf");
        assert_eq!(f.relative("../y/main.tf"), "apps/y/main.tf");
        assert_eq!(Filters::default().relative("./a/b.tf"), "a/b.tf");
    }
}
