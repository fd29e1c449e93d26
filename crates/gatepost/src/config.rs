//! `gatepost.toml` (or `[tool.gatepost]` in `pyproject.toml`), found by walking up from the
//! scanned path. Values map onto [`Options`](crate::Options) and `input.config`; an unknown
//! key is an error that names its line, so a typo never silently disables a check.

use crate::policy::Severity;
use crate::scan::Limits;
use crate::suppress::Filters;
use crate::Options;
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use toml_edit::{Document, Item, Table};

mod hygiene;
pub use hygiene::{is_date, KEYS as HYGIENE_KEYS};

/// The configuration file names looked for, in order, in each directory walking up.
pub const FILE_NAMES: &[&str] = &["gatepost.toml", ".gatepost.toml", "pyproject.toml"];

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it was read from (None for the built-in defaults).
    pub file: Option<PathBuf>,
    /// Relative paths in the file are relative to this directory.
    pub root: PathBuf,
    pub fail_on: Option<Severity>,
    pub enable: Vec<String>,
    pub disable: Vec<String>,
    /// Extra directories of Rego policies, resolved against `root`.
    pub policies: Vec<PathBuf>,
    /// Paths (prefixes or globs) whose findings are never reported.
    pub allow_paths: Vec<String>,
    /// Paths whose secret findings are never reported.
    pub secret_allow_paths: Vec<String>,
    pub allow_fingerprints: Vec<String>,
    pub vars: Vec<(String, String)>,
    /// `cost.prices`: a price table file (from `gatepost prices update`), resolved against
    /// `root`, to estimate with instead of the embedded table.
    pub prices: Option<PathBuf>,
    /// What rules read as `input.config` (merged over `scan::default_config()`).
    pub rules: Value,
    /// `[limits]`, over the defaults; `None` when the file has no such table.
    pub limits: Option<Limits>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// The commented default `gatepost init` writes.
pub const DEFAULT_TOML: &str = r#"# gatepost configuration. Paths are relative to this file.
# Every key is optional; an unknown key is an error.

# Lowest severity that fails the run: info, low, medium, high, critical.
fail_on = "low"

# Rule ids or families (iam, storage, quota, cost, secrets, workflow, hygiene).
# enable = []            # when set, only these run
disable = []

# Extra directories of your own Rego rules.
policies = []

[allow]
# Paths (directory prefixes or globs) whose findings are never reported.
paths = []
# Finding fingerprints (from --format json) accepted for good.
fingerprints = []

[secrets]
# Paths whose secret findings are ignored (test fixtures with fake keys).
allow_paths = []

[cost]
# Monthly ceiling per app, in USD, and per-app exceptions.
monthly_ceiling = 50.0
# region = "us-east-1"
# prices = "prices.csv"   # a table written by `gatepost prices update`
# approved_apps = ["apps/batch"]
# disallowed_instance_types = ["p4d.*", "*.metal"]

[cost.app_ceilings]
# "apps/search" = 200.0

[quota]
# Ceilings a namespace ResourceQuota may not exceed.
"requests.cpu" = "2"
"limits.cpu" = "4"
"requests.memory" = "4Gi"
"limits.memory" = "8Gi"

[workflow]
# Owners whose actions may be referenced by tag instead of a commit SHA.
trusted_action_owners = ["actions"]

[hygiene]
# Date expiry is judged against, for reproducible runs (default: today, UTC).
# today = "2026-01-31"
# Tags/labels every taggable cloud resource and Kubernetes namespace and workload carries.
# required_tags = ["app", "owner", "env", "cost-center"]
# Tag -> regular expression its value must match.
# tag_patterns = { owner = '^[^@\s]+@[^@\s]+$' }
# The ISO date an app expires on, and how far ahead it may be.
# expiry_tag = "expires-on"
# max_expiry_days = 180
# Retention class tag and its allowed values (empty turns the check off).
# retention_tag = "retention"
# allowed_retention = ["ephemeral", "short", "standard", "long"]
# Environment tag, and the environment of apps whose resources carry none.
# env_tag = "env"
# app_envs = { "apps/preview-x" = "preview" }
# Namespaces allowed a LoadBalancer Service.
# loadbalancer_namespaces = []

[hygiene.allowed_types]
# Environment -> instance, node-pool, database and cache types allowed (globs); an
# environment listed here replaces its default list, others keep theirs.
# dev = ["t3.*", "t4g.*", "db.t3.*", "db.t4g.*", "cache.t3.*", "cache.t4g.*", "e2-micro", "e2-small", "e2-medium", "Standard_B*"]
# preview = ["t3.*", "t4g.*"]

[terraform.vars]
# env = "prod"

[limits]
# Bounds on what a hostile file may cost; raise them for unusually large repositories.
# Larger files are reported and not scanned (bytes).
max_file_bytes = 16777216
# Nodes YAML aliases may copy in, per file ("billion laughs" defence).
max_alias_nodes = 100000
# Nesting depth of YAML and JSON, at most 256; HCL stops at 128 whatever this says.
max_depth = 256
# Wall-clock seconds each rule may evaluate for (your own Rego included).
max_eval_seconds = 10
"#;

/// The nearest configuration file at or above `start`: a `gatepost.toml`, or a
/// `pyproject.toml` that has a `[tool.gatepost]` table.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let mut dir = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        for name in FILE_NAMES {
            let p = d.join(name);
            if !p.is_file() {
                continue;
            }
            if *name != "pyproject.toml" {
                return Some(p);
            }
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            if text.lines().any(|l| l.trim() == "[tool.gatepost]")
                || text.contains("[tool.gatepost.")
            {
                return Some(p);
            }
        }
        dir = d.parent();
    }
    None
}

/// Read the configuration that applies to `start`; `Ok(None)` when there is none.
pub fn load(start: &Path) -> Result<Option<Config>, ConfigError> {
    match find(start) {
        Some(p) => read(&p).map(Some),
        None => Ok(None),
    }
}

pub fn read(path: &Path) -> Result<Config, ConfigError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        file: name.clone(),
        line: 1,
        column: 1,
        message: e.to_string(),
    })?;
    let pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
    let mut c = parse(&name, &text, pyproject)?;
    c.file = Some(path.to_path_buf());
    c.root = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    c.policies = c.policies.iter().map(|p| c.root.join(p)).collect();
    c.prices = c.prices.map(|p| c.root.join(p));
    Ok(c)
}

/// Where a configuration key lives, for error messages.
struct Cx<'a> {
    file: &'a str,
    text: &'a str,
}

impl Cx<'_> {
    fn err(&self, span: Option<std::ops::Range<usize>>, message: String) -> ConfigError {
        let at = span.map(|s| s.start).unwrap_or(0).min(self.text.len());
        let before = &self.text[..at];
        let line = before.matches('\n').count() as u32 + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() as u32 + 1;
        ConfigError {
            file: self.file.to_string(),
            line,
            column,
            message,
        }
    }
}

/// Parse configuration text. With `pyproject`, only `[tool.gatepost]` is read.
pub fn parse(file: &str, text: &str, pyproject: bool) -> Result<Config, ConfigError> {
    let cx = Cx { file, text };
    let doc = Document::parse(text.to_string())
        .map_err(|e| cx.err(e.span(), format!("invalid TOML: {}", e.message())))?;
    let root: &Table = doc.as_table();
    let table = if pyproject {
        match root
            .get("tool")
            .and_then(|t| t.as_table())
            .and_then(|t| t.get("gatepost"))
        {
            Some(Item::Table(t)) => t,
            Some(other) => {
                return Err(cx.err(other.span(), "[tool.gatepost] must be a table".into()))
            }
            None => return Ok(Config::default()),
        }
    } else {
        root
    };
    let mut c = Config {
        rules: json!({}),
        ..Default::default()
    };
    for (key, item) in table.iter() {
        let span = table.key(key).and_then(|k| k.span());
        match key {
            "fail_on" => {
                let s = string(&cx, key, item)?;
                c.fail_on = Some(Severity::parse(&s).ok_or_else(|| {
                    cx.err(
                        item.span(),
                        format!(
                            "fail_on: unknown severity '{s}' (info, low, medium, high, critical)"
                        ),
                    )
                })?);
            }
            "enable" => c.enable = strings(&cx, key, item)?,
            "disable" => c.disable = strings(&cx, key, item)?,
            "policies" => {
                c.policies = strings(&cx, key, item)?
                    .into_iter()
                    .map(PathBuf::from)
                    .collect()
            }
            "allow" => {
                for (k, v) in sub(&cx, key, item)?.iter() {
                    match k {
                        "paths" => c.allow_paths = strings(&cx, k, v)?,
                        "fingerprints" => c.allow_fingerprints = strings(&cx, k, v)?,
                        _ => {
                            return Err(unknown(
                                &cx,
                                sub(&cx, key, item)?,
                                &format!("allow.{k}"),
                                k,
                            ))
                        }
                    }
                }
            }
            "secrets" => {
                for (k, v) in sub(&cx, key, item)?.iter() {
                    match k {
                        "allow_paths" => c.secret_allow_paths = strings(&cx, k, v)?,
                        _ => {
                            return Err(unknown(
                                &cx,
                                sub(&cx, key, item)?,
                                &format!("secrets.{k}"),
                                k,
                            ))
                        }
                    }
                }
            }
            "terraform" => {
                let t = sub(&cx, key, item)?;
                for (k, v) in t.iter() {
                    match k {
                        "vars" => {
                            for (name, val) in sub(&cx, k, v)?.iter() {
                                let val = match to_json(val) {
                                    Value::String(s) => s,
                                    other => other.to_string(),
                                };
                                c.vars.push((name.to_string(), val));
                            }
                        }
                        _ => return Err(unknown(&cx, t, &format!("terraform.{k}"), k)),
                    }
                }
            }
            "cost" => {
                let t = sub(&cx, key, item)?;
                for (k, v) in t.iter() {
                    if k == "prices" {
                        c.prices = Some(PathBuf::from(string(&cx, "cost.prices", v)?));
                        continue;
                    }
                    let ok = match k {
                        "monthly_ceiling" => to_json(v).is_number(),
                        "region" | "approval_tag" => to_json(v).is_string(),
                        "approved_apps" | "disallowed_instance_types" => strings(&cx, k, v).is_ok(),
                        "app_ceilings" => to_json(v)
                            .as_object()
                            .is_some_and(|m| m.values().all(Value::is_number)),
                        "usage" => to_json(v).is_object(),
                        _ => return Err(unknown(&cx, t, &format!("cost.{k}"), k)),
                    };
                    if !ok {
                        return Err(cx.err(v.span(), format!("cost.{k}: wrong type of value")));
                    }
                    c.rules["cost"][k] = to_json(v);
                }
            }
            "quota" => {
                let t = sub(&cx, key, item)?;
                for (k, v) in t.iter() {
                    if !QUOTA_KEYS.contains(&k) {
                        return Err(unknown(&cx, t, &format!("quota.{k}"), k));
                    }
                    let val = to_json(v);
                    let val = match val {
                        Value::Number(n) => Value::String(n.to_string()),
                        Value::String(_) => val,
                        _ => {
                            return Err(cx.err(
                                v.span(),
                                format!("quota.{k}: expected a quantity such as \"2\" or \"4Gi\""),
                            ))
                        }
                    };
                    c.rules["quota"][k] = val;
                }
            }
            "workflow" => {
                let t = sub(&cx, key, item)?;
                for (k, v) in t.iter() {
                    match k {
                        "trusted_action_owners" => {
                            c.rules["workflow"][k] = json!(strings(&cx, k, v)?)
                        }
                        _ => return Err(unknown(&cx, t, &format!("workflow.{k}"), k)),
                    }
                }
            }
            "hygiene" => hygiene::read(&cx, sub(&cx, key, item)?, &mut c)?,
            "limits" => {
                let t = sub(&cx, key, item)?;
                let mut limits = Limits::default();
                for (k, v) in t.iter() {
                    if !Limits::KEYS.contains(&k) {
                        return Err(unknown(&cx, t, &format!("limits.{k}"), k));
                    }
                    limits
                        .set(k, &to_json(v))
                        .map_err(|m| cx.err(v.span(), format!("limits.{k}: {m}")))?;
                }
                c.limits = Some(limits);
            }
            _ => {
                return Err(cx.err(
                    span,
                    format!(
                        "unknown key '{key}' (see `gatepost init` for the keys gatepost reads)"
                    ),
                ))
            }
        }
    }
    Ok(c)
}

const QUOTA_KEYS: &[&str] = &[
    "requests.cpu",
    "limits.cpu",
    "requests.memory",
    "limits.memory",
    "requests.storage",
    "pods",
    "services",
    "persistentvolumeclaims",
];

fn unknown(cx: &Cx, t: &Table, path: &str, key: &str) -> ConfigError {
    cx.err(
        t.key(key).and_then(|k| k.span()),
        format!("unknown key '{path}' (see `gatepost init` for the keys gatepost reads)"),
    )
}

fn sub<'a>(cx: &Cx, key: &str, item: &'a Item) -> Result<&'a Table, ConfigError> {
    item.as_table()
        .ok_or_else(|| cx.err(item.span(), format!("{key}: expected a table")))
}

fn string(cx: &Cx, key: &str, item: &Item) -> Result<String, ConfigError> {
    item.as_str()
        .map(str::to_string)
        .ok_or_else(|| cx.err(item.span(), format!("{key}: expected a string")))
}

fn strings(cx: &Cx, key: &str, item: &Item) -> Result<Vec<String>, ConfigError> {
    match to_json(item) {
        Value::Array(a) if a.iter().all(Value::is_string) => Ok(a
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()),
        _ => Err(cx.err(item.span(), format!("{key}: expected a list of strings"))),
    }
}

fn to_json(item: &Item) -> Value {
    match item {
        Item::None => Value::Null,
        Item::Value(v) => value_json(v),
        Item::Table(t) => {
            let mut m = Map::new();
            for (k, v) in t.iter() {
                m.insert(k.to_string(), to_json(v));
            }
            Value::Object(m)
        }
        Item::ArrayOfTables(a) => {
            Value::Array(a.iter().map(|t| to_json(&Item::Table(t.clone()))).collect())
        }
    }
}

fn value_json(v: &toml_edit::Value) -> Value {
    use toml_edit::Value as V;
    match v {
        V::String(s) => Value::String(s.value().clone()),
        V::Integer(i) => json!(*i.value()),
        V::Float(f) => json!(*f.value()),
        V::Boolean(b) => json!(*b.value()),
        V::Datetime(d) => Value::String(d.value().to_string()),
        V::Array(a) => Value::Array(a.iter().map(value_json).collect()),
        V::InlineTable(t) => Value::Object(
            t.iter()
                .map(|(k, v)| (k.to_string(), value_json(v)))
                .collect(),
        ),
    }
}

impl Config {
    /// Apply the file's settings to scan options; command-line flags are applied after and
    /// win. `cwd` is where display paths are relative to.
    pub fn apply(&self, opts: &mut Options, cwd: &Path) {
        opts.enabled.extend(self.enable.iter().cloned());
        opts.disabled.extend(self.disable.iter().cloned());
        opts.terraform.vars.extend(self.vars.iter().cloned());
        if !self.rules.is_null() {
            let mut merged = self.rules.clone();
            merge_json(&mut merged, &opts.config);
            opts.config = merged;
        }
        if let Some(l) = &self.limits {
            opts.limits = l.clone();
        }
        let f: &mut Filters = &mut opts.filters;
        f.allow_paths.extend(self.allow_paths.iter().cloned());
        f.secret_allow_paths
            .extend(self.secret_allow_paths.iter().cloned());
        f.allow_fingerprints
            .extend(self.allow_fingerprints.iter().cloned());
        if self.file.is_some() {
            f.set_root(cwd, &self.root);
        }
    }
}

/// Overlay `over` on `base`, key by key (nulls in `over` leave `base` alone).
pub fn merge_json(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                merge_json(b.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        (b, o) if !o.is_null() => *b = o.clone(),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_parses_and_matches_the_built_in_defaults() {
        let c = parse("gatepost.toml", DEFAULT_TOML, false).unwrap();
        assert_eq!(c.fail_on, Some(Severity::Low));
        let d = crate::scan::default_config();
        assert_eq!(c.rules["quota"], d["quota"]);
        assert_eq!(c.rules["workflow"], d["workflow"]);
        assert_eq!(
            c.rules["cost"]["monthly_ceiling"],
            d["cost"]["monthly_ceiling"]
        );
        assert_eq!(c.limits, Some(Limits::default()));
    }

    #[test]
    fn the_default_file_s_hygiene_lines_are_valid_once_uncommented() {
        let text: String = DEFAULT_TOML
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(kv) if kv.contains(" = ") && !kv.contains("is an error") => kv,
                _ => l,
            })
            .fold(String::new(), |s, l| s + l + "\n");
        let c = parse("gatepost.toml", &text, false).unwrap();
        let h = &c.rules["hygiene"];
        for k in hygiene::KEYS {
            assert!(!h[k].is_null(), "init writes hygiene.{k}");
        }
        assert_eq!(c.rules["today"], json!("2026-01-31"));
        let d = crate::scan::default_config();
        for k in [
            "required_tags",
            "expiry_tag",
            "max_expiry_days",
            "retention_tag",
            "allowed_retention",
            "env_tag",
            "loadbalancer_namespaces",
        ] {
            assert_eq!(h[k], d["hygiene"][k], "{k}");
        }
    }

    #[test]
    fn hygiene_keys_reach_the_rules_and_are_checked() {
        let text = r#"
[hygiene]
today = 2026-01-01
required_tags = ["team"]
tag_patterns = { team = "^[a-z]+$" }
expiry_tag = "ttl"
max_expiry_days = 30
retention_tag = "keep"
allowed_retention = []
env_tag = "stage"
app_envs = { "apps/x" = "preview" }
loadbalancer_namespaces = ["edge"]
[hygiene.allowed_types]
prod = ["m5.*"]
"#;
        let c = parse("g.toml", text, false).unwrap();
        let mut o = Options::default();
        c.apply(&mut o, Path::new("."));
        let h = &o.config["hygiene"];
        assert_eq!(o.config["today"], json!("2026-01-01"));
        assert_eq!(h["required_tags"], json!(["team"]));
        assert_eq!(h["tag_patterns"]["team"], json!("^[a-z]+$"));
        assert_eq!(h["max_expiry_days"], json!(30));
        assert_eq!(h["allowed_retention"], json!([]));
        assert_eq!(h["app_envs"]["apps/x"], json!("preview"));
        assert_eq!(h["allowed_types"]["prod"], json!(["m5.*"]));
        assert_eq!(h["loadbalancer_namespaces"], json!(["edge"]));
        for (text, at, says) in [
            (
                "[hygiene]\nrequired_tag = []\n",
                (2, 1),
                "unknown key 'hygiene.required_tag'",
            ),
            (
                "[hygiene]\ntoday = \"2026-02-30\"\n",
                (2, 9),
                "hygiene.today",
            ),
            ("[hygiene]\ntoday = 20260101\n", (2, 9), "hygiene.today"),
            (
                "[hygiene]\nmax_expiry_days = \"90\"\n",
                (2, 19),
                "max_expiry_days",
            ),
            (
                "[hygiene]\nmax_expiry_days = -1\n",
                (2, 19),
                "max_expiry_days",
            ),
            (
                "[hygiene]\nrequired_tags = \"app\"\n",
                (2, 17),
                "hygiene.required_tags",
            ),
            (
                "[hygiene]\nexpiry_tag = \"\"\n",
                (2, 14),
                "hygiene.expiry_tag",
            ),
            (
                "[hygiene]\ntag_patterns = { owner = \"(\" }\n",
                (2, 16),
                "tag_patterns.owner",
            ),
            (
                "[hygiene]\napp_envs = { x = 1 }\n",
                (2, 18),
                "hygiene.app_envs.x",
            ),
            (
                "[hygiene.allowed_types]\ndev = \"t3.*\"\n",
                (2, 7),
                "allowed_types.dev",
            ),
            ("hygiene = 1\n", (1, 11), "hygiene: expected a table"),
        ] {
            let e = parse("g.toml", text, false).unwrap_err();
            assert_eq!((e.line, e.column), at, "{text}: {e}");
            assert!(e.message.contains(says), "{text}: {e}");
        }
        // pyproject.toml reads the same table as [tool.gatepost.hygiene].
        let py = "[tool.gatepost.hygiene]\ntoday = \"2030-06-01\"\nexpiry_tag = \"ttl\"\n";
        let c = parse("pyproject.toml", py, true).unwrap();
        assert_eq!(c.rules["today"], json!("2030-06-01"));
        assert_eq!(c.rules["hygiene"]["expiry_tag"], json!("ttl"));
        let e = parse("pyproject.toml", "[tool.gatepost.hygiene]\nttl = 1\n", true).unwrap_err();
        assert_eq!((e.line, e.column), (2, 1), "{e}");
        assert!(e.message.contains("hygiene.ttl"), "{e}");
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        for ok in ["2026-01-31", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-1-01",
            "26-01-01",
            "2026-01-3a",
            "2026/01/31",
            "",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn limits_are_read_and_checked() {
        let text = "[limits]\nmax_file_bytes = 1024\nmax_alias_nodes = 50\nmax_depth = 12\nmax_eval_seconds = 0.5\n";
        let c = parse("g.toml", text, false).unwrap();
        let mut o = Options::default();
        c.apply(&mut o, Path::new("."));
        assert_eq!(o.limits.max_file_bytes, 1024);
        assert_eq!(o.limits.yaml.max_alias_nodes, 50);
        assert_eq!(o.limits.yaml.max_depth, 12);
        assert_eq!(o.limits.eval_time, std::time::Duration::from_millis(500));
        // Keys left out keep their defaults.
        let c = parse("g.toml", "[limits]\nmax_depth = 20\n", false).unwrap();
        let l = c.limits.unwrap();
        assert_eq!(
            (l.max_file_bytes, l.yaml.max_depth),
            (Limits::default().max_file_bytes, 20)
        );
        for (text, at) in [
            ("[limits]\nmax_depht = 3\n", (2, 1)),
            ("[limits]\nmax_depth = 0\n", (2, 13)),
            ("[limits]\nmax_depth = 100000\n", (2, 13)),
            ("[limits]\n\nmax_file_bytes = \"1MB\"\n", (3, 18)),
            ("[limits]\nmax_eval_seconds = -1\n", (2, 20)),
            ("limits = 3\n", (1, 10)),
        ] {
            let e = parse("g.toml", text, false).unwrap_err();
            assert_eq!((e.line, e.column), at, "{text}: {e}");
            assert!(e.message.contains("limits"), "{e}");
        }
    }

    #[test]
    fn unknown_keys_are_errors_with_their_line() {
        let text = "fail_on = \"high\"\n\n[cost]\nmonthly_ceiling = 10\nmontly_ceiling = 20\n";
        let e = parse("g.toml", text, false).unwrap_err();
        assert_eq!((e.line, e.column), (5, 1), "{e}");
        assert!(e.message.contains("cost.montly_ceiling"), "{e}");
        let e = parse("g.toml", "fail_on = \"high\"\nfial_on = 1\n", false).unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("g.toml", "fail_on = \"severe\"\n", false).unwrap_err();
        assert!(e.message.contains("unknown severity"), "{e}");
        let e = parse("g.toml", "[quota]\n\"limits.cpu\" = true\n", false).unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn values_map_onto_options_and_rule_config() {
        let text = r#"
fail_on = "high"
disable = ["gha-unpinned-action"]
[allow]
paths = ["vendor/"]
[secrets]
allow_paths = ["testdata/"]
[cost]
monthly_ceiling = 20
app_ceilings = { "apps/search" = 200.0 }
disallowed_instance_types = ["p4d.*"]
[quota]
"limits.cpu" = 8
[terraform.vars]
env = "prod"
replicas = 3
"#;
        let c = parse("g.toml", text, false).unwrap();
        let mut o = Options::default();
        c.apply(&mut o, Path::new("."));
        assert_eq!(o.disabled, vec!["gha-unpinned-action"]);
        assert_eq!(o.config["cost"]["monthly_ceiling"], json!(20));
        assert_eq!(
            o.config["cost"]["app_ceilings"]["apps/search"],
            json!(200.0)
        );
        assert_eq!(
            o.config["cost"]["disallowed_instance_types"],
            json!(["p4d.*"])
        );
        assert_eq!(o.config["quota"]["limits.cpu"], json!("8"));
        assert_eq!(
            o.terraform.vars,
            vec![
                ("env".into(), "prod".into()),
                ("replicas".into(), "3".into())
            ]
        );
        assert_eq!(o.filters.allow_paths, vec!["vendor/"]);
        assert_eq!(o.filters.secret_allow_paths, vec!["testdata/"]);
    }

    #[test]
    fn pyproject_reads_only_tool_gatepost() {
        let text = "[project]\nname = \"x\"\n\n[tool.gatepost]\nfail_on = \"medium\"\n\n[tool.gatepost.cost]\nmonthly_ceiling = 5\n";
        let c = parse("pyproject.toml", text, true).unwrap();
        assert_eq!(c.fail_on, Some(Severity::Medium));
        assert_eq!(c.rules["cost"]["monthly_ceiling"], json!(5));
        let e = parse("pyproject.toml", "[tool.gatepost]\nfailon = 1\n", true).unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn found_by_walking_up() {
        let dir = std::env::temp_dir().join(format!("gatepost-config-{}", std::process::id()));
        let deep = dir.join("apps/x/terraform");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(dir.join("pyproject.toml"), "[project]\nname='x'\n").unwrap();
        assert!(find(&deep).is_none_or(|p| !p.starts_with(&dir)));
        std::fs::write(
            dir.join("pyproject.toml"),
            "[tool.gatepost]\nfail_on='high'\n",
        )
        .unwrap();
        let found = find(&deep).unwrap();
        assert!(found.ends_with("pyproject.toml"));
        std::fs::write(dir.join("apps/gatepost.toml"), "fail_on='critical'\n").unwrap();
        let c = load(&deep.join("main.tf")).unwrap().unwrap();
        assert_eq!(c.fail_on, Some(Severity::Critical));
        assert!(c.root.ends_with("apps"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
