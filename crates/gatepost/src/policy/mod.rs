//! Rego policies: the bundled rules embedded at build time, users' own directories, and the
//! metadata each rule carries in its `# METADATA` comment block.

mod block;

use crate::parse::yaml;
use block::metadata_block;
use serde::Serialize;
use serde_json::Value;

/// The bundled `policies/**/*.rego` (rules, tests and shared libraries).
/// (path, text, metadata block as JSON when the build could read it).
pub static BUNDLED: &[(&str, &str, Option<&str>)] =
    include!(concat!(env!("OUT_DIR"), "/bundled_policies.rs"));

pub const FAMILIES: &[&str] = &[
    "iam", "storage", "quota", "cost", "secrets", "workflow", "hygiene",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s.to_ascii_lowercase().as_str() {
            "info" | "informational" | "note" => Severity::Info,
            "low" => Severity::Low,
            "medium" | "moderate" => Severity::Medium,
            "high" => Severity::High,
            "critical" => Severity::Critical,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// A rule's metadata, from its `# METADATA` block.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    pub id: String,
    pub title: String,
    pub family: String,
    pub severity: Severity,
    /// Why it matters.
    pub description: String,
    /// How to fix it.
    pub fix: String,
    /// Resource types the rule reads (`input.by_type[T]`); empty means it reads facts only or
    /// everything, and is always evaluated.
    pub types: Vec<String>,
    pub references: Vec<String>,
    /// `data.gatepost.rules.x`
    pub package: String,
    /// Path of the `.rego` file.
    pub source: String,
    pub bundled: bool,
}

/// A `.rego` file: a rule (has METADATA and a `deny` set), a library, or a test file.
#[derive(Debug, Clone)]
pub struct PolicyFile {
    pub path: String,
    pub text: String,
    pub package: Option<String>,
    pub rule: Option<Rule>,
    pub is_test: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PolicyError {
    pub file: String,
    pub line: u32,
    pub message: String,
}

pub fn load(path: &str, text: &str, bundled: bool) -> Result<PolicyFile, PolicyError> {
    load_with(path, text, bundled, None)
}

/// [`load`], with the metadata block already read into a value (the bundled rules' are read
/// at build time: parsing their YAML was a noticeable share of a small scan).
fn load_with(
    path: &str,
    text: &str,
    bundled: bool,
    meta: Option<Value>,
) -> Result<PolicyFile, PolicyError> {
    let package = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("package "))
        .map(|p| format!("data.{}", p.trim()));
    let is_test = path.ends_with("_test.rego");
    let rule = match (metadata_block(text), &package) {
        (Some((line, yaml_text)), Some(pkg)) if !is_test => {
            let m = match meta {
                Some(m) => m,
                None => read_meta(path, line, &yaml_text)?,
            };
            Some(rule_from_meta(path, line, m, pkg, bundled)?)
        }
        _ => None,
    };
    Ok(PolicyFile {
        path: path.to_string(),
        text: text.to_string(),
        package,
        rule,
        is_test,
    })
}

fn meta_error(path: &str, line: u32, l: u32, message: String) -> PolicyError {
    PolicyError {
        file: path.to_string(),
        line: line + l.saturating_sub(1),
        message,
    }
}

/// The metadata block's YAML (its first document) as a value.
fn read_meta(path: &str, line: u32, y: &str) -> Result<Value, PolicyError> {
    let docs = yaml::parse_stream_values_only(y, yaml::Limits::default())
        .map_err(|e| meta_error(path, line, e.line, e.message))?;
    Ok(docs
        .into_iter()
        .next()
        .map(|d| d.value)
        .unwrap_or(Value::Null))
}

fn rule_from_meta(
    path: &str,
    line: u32,
    m: Value,
    package: &str,
    bundled: bool,
) -> Result<Rule, PolicyError> {
    let err = |l: u32, msg: String| meta_error(path, line, l, msg);
    let custom = m.get("custom").cloned().unwrap_or(Value::Null);
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let list = |v: &Value, k: &str| -> Vec<String> {
        match v.get(k) {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            Some(Value::String(s)) => vec![s.clone()],
            _ => vec![],
        }
    };
    let id = s(&custom, "id").unwrap_or_else(|| {
        package
            .rsplit('.')
            .next()
            .unwrap_or_default()
            .replace('_', "-")
    });
    let family = s(&custom, "family").unwrap_or_else(|| "hygiene".into());
    if !FAMILIES.contains(&family.as_str()) {
        return Err(err(
            1,
            format!(
                "rule {id}: unknown family '{family}' (one of {})",
                FAMILIES.join(", ")
            ),
        ));
    }
    let sev = s(&custom, "severity").unwrap_or_else(|| "medium".into());
    let severity = Severity::parse(&sev)
        .ok_or_else(|| err(1, format!("rule {id}: unknown severity '{sev}'")))?;
    Ok(Rule {
        title: s(&m, "title").unwrap_or_else(|| id.clone()),
        description: s(&m, "description").unwrap_or_default().trim().to_string(),
        fix: s(&custom, "fix").unwrap_or_default().trim().to_string(),
        types: list(&custom, "types"),
        references: list(&m, "related_resources"),
        id,
        family,
        severity,
        package: package.to_string(),
        source: path.to_string(),
        bundled,
    })
}

/// The bundled policies, parsed once per process.
pub fn bundled() -> &'static [PolicyFile] {
    static FILES: std::sync::LazyLock<Vec<PolicyFile>> = std::sync::LazyLock::new(|| {
        BUNDLED
            .iter()
            .map(|(p, t, meta)| {
                let meta = meta.and_then(|j| serde_json::from_str(j).ok());
                load_with(p, t, true, meta).expect("bundled policy metadata is checked by tests")
            })
            .collect()
    });
    &FILES
}

/// Metadata of every bundled rule, sorted by id.
pub fn bundled_rules() -> Vec<Rule> {
    let mut r: Vec<Rule> = bundled().iter().filter_map(|p| p.rule.clone()).collect();
    r.sort_by(|a, b| a.id.cmp(&b.id));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_rule_has_complete_metadata_and_a_test() {
        let files = bundled();
        let rules = bundled_rules();
        assert!(rules.len() >= 6);
        let mut ids = std::collections::HashSet::new();
        for r in &rules {
            assert!(ids.insert(r.id.clone()), "duplicate rule id {}", r.id);
            assert!(
                !r.title.is_empty() && !r.description.is_empty() && !r.fix.is_empty(),
                "{}",
                r.id
            );
            let test = r.source.replace(".rego", "_test.rego");
            assert!(
                files.iter().any(|f| f.path == test),
                "{} has no {}",
                r.id,
                test
            );
        }
    }

    /// regorus evaluates every rule of a package reached through its import alias, so a
    /// bundled rule names a library's rules by full path and uses the alias only for calls.
    #[test]
    fn library_rules_are_named_by_full_path() {
        let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
        let files = bundled();
        let mut bad = Vec::new();
        for lib in files.iter().filter(|f| f.path.starts_with("policies/lib/")) {
            let name = lib
                .path
                .rsplit('/')
                .next()
                .unwrap()
                .trim_end_matches(".rego");
            // Rule heads at the start of a line that are not function definitions.
            let rules: std::collections::HashSet<&str> = lib
                .text
                .lines()
                .filter_map(|l| {
                    let head: String = l.chars().take_while(|c| ident(*c)).collect();
                    let rest = &l[head.len()..];
                    (!head.is_empty()
                        && !rest.starts_with('(')
                        && head != "package"
                        && head != "import")
                        .then(|| &l[..head.len()])
                })
                .collect();
            let import = format!("import data.gatepost.lib.{name}");
            for f in files
                .iter()
                .filter(|f| !f.is_test && f.text.lines().any(|l| l.trim() == import))
            {
                for (i, l) in f
                    .text
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| !l.trim_start().starts_with('#'))
                {
                    for (at, _) in l.match_indices(&format!("{name}.")) {
                        if at > 0
                            && (ident(l[..at].chars().last().unwrap()) || l[..at].ends_with('.'))
                        {
                            continue;
                        }
                        let after = &l[at + name.len() + 1..];
                        let word: String = after.chars().take_while(|c| ident(*c)).collect();
                        if rules.contains(word.as_str()) && !after[word.len()..].starts_with('(') {
                            bad.push(format!("{}:{}: {name}.{word}", f.path, i + 1));
                        }
                    }
                }
            }
        }
        assert!(
            bad.is_empty(),
            "use data.gatepost.lib.<lib>.<rule>: {bad:?}"
        );
    }

    #[test]
    fn metadata_read_at_build_time_matches_the_runtime_reader() {
        let mut n = 0;
        for (path, text, meta) in BUNDLED {
            let Some((line, yaml)) = metadata_block(text) else {
                continue;
            };
            if path.ends_with("_test.rego") {
                continue;
            }
            let json = meta.unwrap_or_else(|| panic!("{path}: metadata not read at build time"));
            let built: Value = serde_json::from_str(json).unwrap();
            assert_eq!(built, read_meta(path, line, &yaml).unwrap(), "{path}");
            n += 1;
        }
        assert!(n >= 50, "{n}");
    }

    #[test]
    fn metadata_is_read_from_the_comment_block() {
        let p = load(
            "x.rego",
            "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: my-rule\n#   family: iam\n#   severity: high\n#   fix: F\n#   types: [aws_iam_policy]\npackage gatepost.rules.my_rule\n",
            false,
        )
        .unwrap();
        let r = p.rule.unwrap();
        assert_eq!(
            (r.id.as_str(), r.family.as_str(), r.severity),
            ("my-rule", "iam", Severity::High)
        );
        assert_eq!(r.types, vec!["aws_iam_policy"]);
        assert_eq!(r.package, "data.gatepost.rules.my_rule");
    }

    #[test]
    fn bad_metadata_is_a_located_error() {
        let e = load(
            "x.rego",
            "# METADATA\n# custom:\n#   family: nope\npackage a\n",
            false,
        )
        .unwrap_err();
        assert!(e.message.contains("unknown family"));
    }
}
