//! The entry point every binding calls (C, Python, Node, WebAssembly): files and a JSON
//! options object in, a rendered report out. Keeping the options shape, the renderers and the
//! error path here is what makes every surface print the same bytes for the same input.
//!
//! Options (all optional; `camelCase` spellings are accepted too):
//!
//! ```json
//! {"format": "json", "cost_ceiling": 30, "region": "eu-west-1", "min_severity": "low",
//!  "fail_on": "low", "disabled": ["cost"], "enabled": [], "vars": {"env": "prod"},
//!  "policies": {"mine/rule.rego": "package ..."}, "config": {}, "secret_allow_paths": [],
//!  "limits": {"max_file_bytes": 16777216, "max_alias_nodes": 100000, "max_depth": 256,
//!             "max_eval_seconds": 10}}
//! ```

use crate::policy::{self, Rule, Severity};
use crate::report::Report;
use crate::{render, Options, SourceFile};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The JSON options every binding accepts, mapped onto [`Options`].
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ApiOptions {
    /// `json` (default), `sarif`, `text` or `github`: what [`scan_json`] returns.
    pub format: Option<String>,
    /// Monthly cost ceiling per app, in USD.
    #[serde(alias = "costCeiling")]
    pub cost_ceiling: Option<f64>,
    /// Default cloud region for cost estimates.
    pub region: Option<String>,
    /// Findings below this severity are dropped.
    #[serde(alias = "minSeverity")]
    pub min_severity: Option<String>,
    /// Lowest severity that makes [`Scan::exit_code`] 1 (default `low`, as the CLI).
    #[serde(alias = "failOn")]
    pub fail_on: Option<String>,
    /// Rule ids or families to skip.
    #[serde(alias = "disable")]
    pub disabled: Vec<String>,
    /// When non-empty, only these rule ids or families run.
    #[serde(alias = "select")]
    pub enabled: Vec<String>,
    /// Extra Rego policies: path → text.
    pub policies: BTreeMap<String, String>,
    /// Terraform variables, as `--var NAME=VALUE`: strings are HCL expressions (or plain
    /// strings when they do not parse), other JSON values are taken as their JSON text.
    pub vars: BTreeMap<String, Value>,
    /// Merged over the default `input.config` rules read.
    pub config: Value,
    /// Path prefixes whose secret candidates are ignored.
    #[serde(alias = "secretAllowPaths")]
    pub secret_allow_paths: Vec<String>,
    /// Over the default [`Limits`](crate::scan::Limits), by the keys of `[limits]` in
    /// `gatepost.toml` (camelCase too: `maxFileBytes`).
    pub limits: serde_json::Map<String, Value>,
}

/// `maxFileBytes` → `max_file_bytes`.
fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn severity(s: &Option<String>, default: Severity, what: &str) -> Result<Severity, String> {
    match s {
        None => Ok(default),
        Some(s) => Severity::parse(s).ok_or_else(|| {
            format!("{what}: unknown severity '{s}' (info, low, medium, high, critical)")
        }),
    }
}

/// A parsed options object: the core [`Options`], the user's rules, and how to render.
pub struct Parsed {
    pub options: Options,
    pub rules: Vec<Rule>,
    pub format: String,
    pub fail_on: Severity,
}

impl ApiOptions {
    /// Parse an options object; an empty string means all defaults.
    pub fn from_json(json: &str) -> Result<ApiOptions, String> {
        if json.trim().is_empty() {
            return Ok(ApiOptions::default());
        }
        serde_json::from_str(json).map_err(|e| format!("options: {e}"))
    }

    pub fn into_parsed(self) -> Result<Parsed, String> {
        let format = self.format.unwrap_or_else(|| "json".into());
        if !FORMATS.contains(&format.as_str()) {
            return Err(format!(
                "options: unknown format '{format}' ({})",
                FORMATS.join(", ")
            ));
        }
        let mut opts = Options {
            min_severity: severity(&self.min_severity, Severity::Info, "min_severity")?,
            disabled: self.disabled,
            enabled: self.enabled,
            secret_allow_paths: self.secret_allow_paths,
            ..Options::default()
        };
        for (k, v) in &self.limits {
            opts.limits
                .set(&snake(k), v)
                .map_err(|e| format!("options: limits.{k}: {e}"))?;
        }
        let mut rules = policy::bundled_rules();
        for (path, text) in &self.policies {
            let f = policy::load(path, text, false)
                .map_err(|e| format!("{}:{}: {}", e.file, e.line, e.message))?;
            rules.extend(f.rule.clone());
            opts.policies.push(f);
        }
        for (k, v) in self.vars {
            let v = match v {
                Value::String(s) => s,
                other => other.to_string(),
            };
            opts.terraform.vars.push((k, v));
        }
        // The same shape the CLI builds from its flags, so the two agree byte for byte.
        let mut config = if self.config.is_null() {
            serde_json::json!({})
        } else {
            self.config
        };
        if !config.is_object() {
            return Err("options: config must be an object".into());
        }
        if let Some(c) = self.cost_ceiling {
            config["cost"]["monthly_ceiling"] = c.into();
        }
        if let Some(r) = self.region {
            config["cost"]["region"] = r.into();
        }
        opts.config = config;
        Ok(Parsed {
            options: opts,
            rules,
            format,
            fail_on: severity(&self.fail_on, Severity::Low, "fail_on")?,
        })
    }
}

/// Output formats [`Scan::render`] knows.
pub const FORMATS: &[&str] = &["json", "sarif", "text", "github"];

/// A finished scan and what is needed to render it.
pub struct Scan {
    pub report: Report,
    pub rules: Vec<Rule>,
    pub format: String,
    pub fail_on: Severity,
}

impl Scan {
    /// `json`, `sarif`, `text` (no colour) or `github`.
    pub fn render(&self, format: &str) -> Result<String, String> {
        Ok(match format {
            "json" => self.report.to_json(),
            "sarif" => render::sarif(&self.report, &self.rules),
            "text" => render::text(&self.report, false),
            "github" => render::github(&self.report),
            other => return Err(format!("unknown format '{other}' ({})", FORMATS.join(", "))),
        })
    }

    /// In the format the options asked for.
    pub fn output(&self) -> Result<String, String> {
        self.render(&self.format)
    }

    /// The normalized model the rules saw: the same bytes `gatepost model` prints for the
    /// same input.
    pub fn model_json(&self) -> String {
        self.report.model_json()
    }

    /// 0: nothing at or above `fail_on`; 1: findings; 2: errors — as the CLI exits.
    pub fn exit_code(&self) -> i32 {
        self.report.exit_code(self.fail_on)
    }
}

/// Run `f`, turning a panic into an error so none crosses a language boundary.
pub fn guard<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(format!("internal error (panic): {msg}"))
        }
    }
}

/// Scan in-memory files (`path`, bytes).
pub fn scan(files: Vec<(String, Vec<u8>)>, options_json: &str) -> Result<Scan, String> {
    guard(|| {
        let p = ApiOptions::from_json(options_json)?.into_parsed()?;
        let files = files
            .into_iter()
            .map(|(path, bytes)| SourceFile { path, bytes })
            .collect();
        let report = crate::scan_sources(files, &p.options);
        Ok(Scan {
            report,
            rules: p.rules,
            format: p.format,
            fail_on: p.fail_on,
        })
    })
}

/// Scan files and directories on disk, as `gatepost scan PATH...` does.
#[cfg(not(target_arch = "wasm32"))]
pub fn scan_paths(paths: &[String], options_json: &str) -> Result<Scan, String> {
    guard(|| {
        let p = ApiOptions::from_json(options_json)?.into_parsed()?;
        let paths: Vec<&std::path::Path> = paths.iter().map(std::path::Path::new).collect();
        let report = crate::scan_paths(&paths, &p.options);
        Ok(Scan {
            report,
            rules: p.rules,
            format: p.format,
            fail_on: p.fail_on,
        })
    })
}

/// Scan in-memory files and render the report in the format the options ask for (JSON by
/// default: the same bytes as `gatepost scan --format json`).
pub fn scan_json(files: Vec<(String, Vec<u8>)>, options_json: &str) -> Result<String, String> {
    let s = scan(files, options_json)?;
    guard(|| s.output())
}

/// [`scan_json`] over paths on disk.
#[cfg(not(target_arch = "wasm32"))]
pub fn scan_paths_json(paths: &[String], options_json: &str) -> Result<String, String> {
    let s = scan_paths(paths, options_json)?;
    guard(|| s.output())
}

/// The bundled rules, as `gatepost rules --format json` prints them.
pub fn rules_json() -> String {
    format!(
        "{}\n",
        serde_json::to_string_pretty(&policy::bundled_rules()).unwrap_or_default()
    )
}

pub fn version() -> &'static str {
    crate::VERSION
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tf(text: &str) -> Vec<(String, Vec<u8>)> {
        vec![("app/main.tf".to_string(), text.as_bytes().to_vec())]
    }

    const PUBLIC: &str =
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n  acl    = \"public-read\"\n}\n";

    #[test]
    fn default_options_give_the_report_json() {
        let out = scan_json(tf(PUBLIC), "").unwrap();
        let v: Value = serde_json::from_str(&out).unwrap();
        assert!(v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "aws-s3-public-acl" && f["line"] == 3));
        assert_eq!(out, scan_json(tf(PUBLIC), "{}").unwrap());
    }

    #[test]
    fn options_map_onto_the_scan() {
        let off = scan_json(tf(PUBLIC), r#"{"disabled": ["storage"]}"#).unwrap();
        assert!(!off.contains("aws-s3-public-acl"));
        let high = scan(tf(PUBLIC), r#"{"minSeverity": "critical"}"#).unwrap();
        assert!(high
            .report
            .findings
            .iter()
            .all(|f| f.severity == Severity::Critical));
        let sarif = scan_json(tf(PUBLIC), r#"{"format": "sarif"}"#).unwrap();
        assert!(sarif.contains("\"version\": \"2.1.0\""));
    }

    #[test]
    fn the_model_is_the_one_the_rules_saw() {
        let s = scan(tf(PUBLIC), "").unwrap();
        let m: Value = serde_json::from_str(&s.model_json()).unwrap();
        let bucket = &m["resources"][0];
        assert_eq!(bucket["address"], "aws_s3_bucket.b");
        assert_eq!(bucket["attrs"]["acl"], "public-read");
        assert_eq!(m["unresolved"], s.report.summary.unresolved);
        // The model alone, without rules or cost, is the same.
        let p = ApiOptions::default().into_parsed().unwrap();
        let files = tf(PUBLIC)
            .into_iter()
            .map(|(path, bytes)| SourceFile { path, bytes })
            .collect();
        let only = crate::scan::model_sources(files, &p.options);
        assert_eq!(s.model_json(), only.model_json());
    }

    #[test]
    fn user_policies_run() {
        let rego = "package custom.no_buckets\n\ndeny contains f if {\n  some r in input.by_type.aws_s3_bucket\n  f := {\"address\": r.address, \"pointer\": \"\", \"message\": \"no buckets here\"}\n}\n";
        let opts = serde_json::json!({"policies": {"mine/no_buckets.rego": rego}}).to_string();
        let out = scan_json(tf(PUBLIC), &opts).unwrap();
        assert!(out.contains("no buckets here"), "{out}");
    }

    #[test]
    fn bad_options_are_errors_not_panics() {
        assert!(scan_json(tf(PUBLIC), "{")
            .unwrap_err()
            .starts_with("options:"));
        assert!(scan_json(tf(PUBLIC), r#"{"format": "xml"}"#).is_err());
        assert!(scan_json(tf(PUBLIC), r#"{"min_severity": "huge"}"#).is_err());
        assert!(scan_json(tf(PUBLIC), r#"{"nope": 1}"#).is_err());
        let bad = serde_json::json!({"policies": {"x.rego": "package p\n\ndeny contains"}});
        assert!(scan_json(tf(PUBLIC), &bad.to_string()).is_ok_and(|s| s.contains("\"policy\"")));
    }

    #[test]
    fn limits_come_from_the_options() {
        let p = ApiOptions::from_json(
            r#"{"limits": {"maxFileBytes": 64, "max_alias_nodes": 7, "maxDepth": 9, "max_eval_seconds": 2.5}}"#,
        )
        .unwrap()
        .into_parsed()
        .unwrap();
        let l = &p.options.limits;
        assert_eq!(
            (l.max_file_bytes, l.yaml.max_alias_nodes, l.yaml.max_depth),
            (64, 7, 9)
        );
        assert_eq!(l.eval_time, std::time::Duration::from_millis(2500));
        // A file over the limit is an error of its own; the scan goes on.
        let r = scan(tf(PUBLIC), r#"{"limits": {"max_file_bytes": 16}}"#).unwrap();
        assert!(r.report.findings.is_empty());
        assert!(
            r.report.errors[0].message.contains("16-byte limit"),
            "{:?}",
            r.report.errors
        );
        for bad in [
            r#"{"limits": {"max_depth": 0}}"#,
            r#"{"limits": {"maxDepht": 3}}"#,
            r#"{"limits": {"max_eval_seconds": "10"}}"#,
        ] {
            let e = scan_json(tf(PUBLIC), bad).unwrap_err();
            assert!(e.starts_with("options: limits."), "{e}");
        }
    }

    #[test]
    fn guard_turns_panics_into_errors() {
        let r: Result<(), String> = guard(|| panic!("boom"));
        assert!(r.unwrap_err().contains("boom"));
    }
}
