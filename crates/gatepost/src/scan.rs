//! The pipeline: files → parsers → one located model → facts → Rego → findings.

use crate::discover::{self, Format, SourceFile};
use crate::engine::{Evaluator, Hit};
use crate::model::Resource;
use crate::parse::{hcl, yaml};
use crate::policy::{PolicyFile, Rule, Severity};
use crate::report::{Finding, ModuleCall, Report, ScanError, Summary};
use crate::terraform::{self, TfFile, TfInputs};
use crate::{kubernetes, link, workflow};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Bounds on what hostile input may cost. Set from `[limits]` in `gatepost.toml` and from
/// `limits` in the bindings' options (see [`Limits::set`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Larger files are reported (kind `read`) and not scanned, on disk and in memory.
    pub max_file_bytes: u64,
    /// Alias expansion and nesting depth of YAML and JSON; the depth also bounds HCL
    /// (which stops at [`hcl::MAX_DEPTH`] whatever it says).
    pub yaml: yaml::Limits,
    /// Wall-clock limit for each rule's evaluation.
    pub eval_time: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 16 << 20,
            yaml: yaml::Limits::default(),
            eval_time: Duration::from_secs(10),
        }
    }
}

impl Limits {
    /// The configuration keys, as `[limits]` spells them.
    pub const KEYS: &'static [&'static str] = &[
        "max_file_bytes",
        "max_alias_nodes",
        "max_depth",
        "max_eval_seconds",
    ];

    /// Set one limit from its configuration key. A limit can be lowered or raised, but
    /// not switched off: zero, negative and absurd values are refused.
    pub fn set(&mut self, key: &str, value: &Value) -> Result<(), String> {
        let whole = |max: u64| {
            value
                .as_u64()
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(|| format!("expected a whole number from 1 to {max}"))
        };
        match key {
            "max_file_bytes" => self.max_file_bytes = whole(1 << 40)?,
            "max_alias_nodes" => self.yaml.max_alias_nodes = whole(1 << 32)? as usize,
            "max_depth" => self.yaml.max_depth = whole(yaml::MAX_DEPTH as u64)? as usize,
            "max_eval_seconds" => {
                let s = value
                    .as_f64()
                    .filter(|s| *s > 0.0 && *s <= 3600.0)
                    .ok_or("expected a number of seconds above 0, at most 3600")?;
                self.eval_time = Duration::from_secs_f64(s);
            }
            _ => {
                return Err(format!(
                    "unknown limit '{key}' ({})",
                    Limits::KEYS.join(", ")
                ))
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    /// Users' Rego files, evaluated beside the bundled rules.
    pub policies: Vec<PolicyFile>,
    /// Rule ids or family names not to evaluate.
    pub disabled: Vec<String>,
    /// When non-empty, only these rule ids or families are evaluated.
    pub enabled: Vec<String>,
    /// Findings below this severity are dropped.
    pub min_severity: Severity,
    pub terraform: TfInputs,
    pub limits: Limits,
    /// Settings rules read as `input.config` (ceilings, allowed types, ...), merged over
    /// [`default_config`].
    pub config: Value,
    /// Path prefixes whose secret candidates are ignored (test fixtures and the like).
    pub secret_allow_paths: Vec<String>,
    /// Allowlists, baseline and scope applied after findings are located.
    pub filters: crate::suppress::Filters,
    /// A price table to estimate with instead of the embedded one.
    pub prices: Option<Arc<crate::cost::Prices>>,
    /// Counts files parsed, for progress display.
    pub progress: Option<Arc<std::sync::atomic::AtomicUsize>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            policies: Vec::new(),
            disabled: Vec::new(),
            enabled: Vec::new(),
            min_severity: Severity::Info,
            terraform: TfInputs::default(),
            limits: Limits::default(),
            config: Value::Null,
            secret_allow_paths: Vec::new(),
            filters: Default::default(),
            prices: None,
            progress: None,
        }
    }
}

/// What rules read as `input.config` unless configured otherwise.
pub fn default_config() -> Value {
    // Burstable and shared-core sizes: what dev and preview environments may run by default.
    let small = json!([
        "t3.*",
        "t3a.*",
        "t4g.*",
        "db.t3.*",
        "db.t4g.*",
        "cache.t3.*",
        "cache.t4g.*",
        "e2-micro",
        "e2-small",
        "e2-medium",
        "db-f1-micro",
        "db-g1-small",
        "Standard_B*",
        "B_Standard_B*",
    ]);
    json!({
        "cost": {"monthly_ceiling": 50.0, "app_ceilings": {}, "approved_apps": [], "approval_tag": "cost-approved-by"},
        "quota": {"requests.cpu": "2", "limits.cpu": "4", "requests.memory": "4Gi", "limits.memory": "8Gi"},
        "workflow": {"trusted_action_owners": ["actions"]},
        "hygiene": {
            "required_tags": ["app", "owner", "env", "cost-center"],
            "tag_patterns": {},
            "expiry_tag": "expires-on",
            "max_expiry_days": 180,
            "retention_tag": "retention",
            "allowed_retention": ["ephemeral", "short", "standard", "long"],
            "env_tag": "env",
            "app_envs": {},
            "allowed_types": {
                "dev": small,
                "preview": small,
            },
            "loadbalancer_namespaces": [],
        },
        "secrets": {"report_identifiers": false},
    })
}

/// Today's date in UTC as `YYYY-MM-DD`, for rules that compare dates (`input.config.today`).
pub fn today_utc() -> String {
    civil_date((now_secs() / 86_400) as i64)
}

/// A clock set by the host; 0 means "ask the system". wasm32-unknown-unknown has no clock
/// (`SystemTime::now` panics there), so the WebAssembly binding sets it before each scan.
static HOST_NOW_SECS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Seconds since the Unix epoch, as the host reads them (JavaScript: `Date.now() / 1000`).
pub fn set_now_secs(secs: u64) {
    HOST_NOW_SECS.store(secs, std::sync::atomic::Ordering::Relaxed);
}

fn now_secs() -> u64 {
    let host = HOST_NOW_SECS.load(std::sync::atomic::Ordering::Relaxed);
    if host != 0 || cfg!(target_arch = "wasm32") {
        return host;
    }
    system_now_secs()
}

#[cfg(not(target_arch = "wasm32"))]
fn system_now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

#[cfg(target_arch = "wasm32")]
fn system_now_secs() -> u64 {
    0
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
pub fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                merge(b.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        (b, o) if !o.is_null() => *b = o.clone(),
        _ => {}
    }
}

/// Scan files and directories on disk.
#[cfg(not(target_arch = "wasm32"))]
pub fn scan_paths(paths: &[&Path], opts: &Options) -> Report {
    scan_discovered(discover_paths(paths, opts), opts, scan_sources)
}

/// What [`discover_paths`] found on disk, before anything is parsed.
#[cfg(not(target_arch = "wasm32"))]
pub struct Discovered {
    pub files: Vec<SourceFile>,
    /// Unreadable or oversized files, reported as errors of kind `read`.
    pub errors: Vec<ScanError>,
    /// Modules `terraform init` installed under `.terraform/modules/` (manifest and `.tf`
    /// files), which discovery skips.
    pub installed: Vec<(String, String)>,
}

/// Walk `roots` on disk, and read the modules `terraform init` installed beside the
/// Terraform files found.
#[cfg(not(target_arch = "wasm32"))]
pub fn discover_paths(roots: &[&Path], opts: &Options) -> Discovered {
    let (files, errs) = discover::discover(roots, opts.limits.max_file_bytes);
    let tf_dirs: std::collections::BTreeSet<String> = files
        .iter()
        .filter(|f| discover::classify(&f.path) == Format::Terraform)
        .map(|f| dir_of(&f.path))
        .collect();
    let installed = terraform::installed::read_installed(tf_dirs.iter().map(String::as_str));
    let errors = errs
        .into_iter()
        .map(|e| ScanError {
            file: e.path,
            line: 1,
            column: 1,
            kind: "read".into(),
            message: e.message,
        })
        .collect();
    Discovered {
        files,
        errors,
        installed,
    }
}

/// Run `scan` ([`scan_sources`] or [`model_sources`]) on what was discovered on disk, with
/// the installed modules expanded. Every path-based entry (library, bindings, CLI `scan`,
/// `model`, `cost`, `baseline`) goes through here, so they all see the same model.
#[cfg(not(target_arch = "wasm32"))]
pub fn scan_discovered(
    found: Discovered,
    opts: &Options,
    scan: fn(Vec<SourceFile>, &Options) -> Report,
) -> Report {
    let with_installed;
    let opts = if found.installed.is_empty() {
        opts
    } else {
        let mut o = opts.clone();
        o.terraform.module_files.extend(found.installed);
        with_installed = o;
        &with_installed
    };
    let mut report = scan(found.files, opts);
    let in_scope = |p: &str| {
        opts.filters.only_paths.as_ref().is_none_or(|only| {
            only.iter()
                .any(|o| o.is_empty() || o == "." || p == o || p.starts_with(&format!("{o}/")))
        })
    };
    let n = report.errors.len();
    report
        .errors
        .extend(found.errors.into_iter().filter(|e| in_scope(&e.file)));
    if report.errors.len() != n {
        finish(&mut report);
    }
    report
}

/// The normalized model of in-memory files, with no rule evaluated and no cost estimated:
/// what `gatepost model` prints, and the floor a full scan is measured against.
pub fn model_sources(files: Vec<SourceFile>, opts: &Options) -> Report {
    let warm = MODELLED.load(Ordering::Relaxed) || SCANNED.load(Ordering::Relaxed);
    let report = on_threads_for(files, warm, |files| model_sources_here(files, opts));
    MODELLED.store(true, Ordering::Relaxed);
    report
}

fn model_sources_here(mut files: Vec<SourceFile>, opts: &Options) -> Report {
    sort_dedup(&mut files);
    let model = build_model(&files, opts);
    let mut report = new_report(model.errors, model.resources, files.len());
    redact_outputs(&mut report, &files, &model.secrets);
    finish(&mut report);
    report
}

/// A report on `files` files holding the model's resources and errors, nothing evaluated yet.
fn new_report(errors: Vec<ScanError>, resources: Vec<Resource>, files: usize) -> Report {
    let mut report = Report {
        version: crate::VERSION,
        errors,
        resources,
        ..Default::default()
    };
    report.summary.files = files;
    report
}

fn sort_dedup(files: &mut Vec<SourceFile>) {
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
}

/// Scan in-memory files (`path`, contents): what editors, bindings and the browser use.
pub fn scan_sources(files: Vec<SourceFile>, opts: &Options) -> Report {
    let warm = SCANNED.load(Ordering::Relaxed);
    let report = on_threads_for(files, warm, |files| scan_sources_here(files, opts));
    SCANNED.store(true, Ordering::Relaxed);
    report
}

/// Has this process scanned (or modelled) before: are the rules, their metadata and the
/// secret detectors loaded?
static SCANNED: AtomicBool = AtomicBool::new(false);
static MODELLED: AtomicBool = AtomicBool::new(false);

/// Inputs up to this size run on the calling thread once the process is warm: in-process, on
/// 2 cores, one 1.7 KB Terraform file took 0.8–0.9 ms instead of 1.8, eight files of 7.6 KB
/// 1.9–2.4 ms instead of 3.1–3.4; at 16 files of 7.6 KB both ways were even, at 64 files of
/// 24.5 KB one thread was 40% slower (`benches/results/small-scans-2026-12-07.md`). A
/// process's first scan stays parallel: it overlaps loading the rules with parsing.
const INLINE_BYTES: u64 = 8 * 1024;

/// Runs `scan` on the calling thread alone when the input is small and the process warm,
/// else on the thread pool.
fn on_threads_for(
    files: Vec<SourceFile>,
    warm: bool,
    scan: impl FnOnce(Vec<SourceFile>) -> Report,
) -> Report {
    let bytes: u64 = files.iter().map(|f| f.bytes.len() as u64).sum();
    if warm && bytes <= INLINE_BYTES {
        crate::par::inline(|| scan(files))
    } else {
        scan(files)
    }
}

fn scan_sources_here(mut files: Vec<SourceFile>, opts: &Options) -> Report {
    sort_dedup(&mut files);
    // The bundled rules' metadata (read once per process) is needed next, to pick the rules,
    // and the secrets pass starts with building its keyword automaton: do both while the
    // files are parsed.
    let total: u64 = files.iter().map(|f| f.bytes.len() as u64).sum();
    let (mut model, _) = crate::par::join(
        || parse_model(&files, opts),
        || {
            crate::policy::bundled();
            crate::secrets::prepare(total);
        },
    );
    let mut present: HashSet<String> = model.resources.iter().map(|r| r.type_.clone()).collect();
    present.insert("*".into());
    let disabled = |r: &Rule| {
        let named = |list: &[String]| list.iter().any(|x| *x == r.id || *x == r.family);
        named(&opts.disabled) || (!opts.enabled.is_empty() && !named(&opts.enabled))
    };
    // Reading the Rego the model needs is the largest cost of a small scan; the secrets pass
    // and the cost estimate are independent of it (and of each other): run them beside it.
    let ((secrets, cost), evaluator) = crate::par::join(
        || {
            crate::par::join(
                || scan_secrets(&files, &opts.limits),
                || crate::cost::estimate(&model.resources, &cost_options(opts)),
            )
        },
        || {
            let wanted = |r: &Rule| crate::engine::selected(r, &present, &disabled);
            Evaluator::new(&opts.policies, opts.limits.eval_time, &wanted)
        },
    );
    model.secrets = secrets;
    let suppressions = crate::suppress::collect(&files);
    let mut report = new_report(model.errors, model.resources, files.len());
    report.costs = serde_json::to_value(&cost).unwrap_or(Value::Null);

    let mut config = default_config();
    merge(&mut config, &opts.config);
    crate::quantity::canonical_quota_config(&mut config);
    if !config.get("today").is_some_and(Value::is_string) {
        config["today"] = json!(today_utc());
    }
    let secrets: Vec<Value> = model
        .secrets
        .iter()
        .filter(|c| {
            !opts
                .secret_allow_paths
                .iter()
                .any(|p| c.file.starts_with(p.as_str()))
        })
        .map(|c| serde_json::to_value(c).unwrap_or(Value::Null))
        .collect();
    // Each resource goes straight into Rego's value model (no intermediate JSON copy of the
    // whole input), a type's array at a time, largest first.
    let mut of_type: BTreeMap<&str, Vec<&Resource>> = BTreeMap::new();
    for r in &report.resources {
        of_type.entry(&r.type_).or_default().push(r);
    }
    let of_type: Vec<(&str, Vec<&Resource>)> = of_type.into_iter().collect();
    let arrays = crate::par::map_costliest_first(
        &of_type,
        |(_, rs)| rs.len() as u64,
        |(_, rs)| regorus::Value::from(rs.iter().map(|r| rego_resource(r)).collect::<Vec<_>>()),
    );
    let by_type: BTreeMap<regorus::Value, regorus::Value> = of_type
        .iter()
        .zip(arrays)
        .map(|((t, _), a)| (regorus::Value::from(*t), a))
        .collect();
    let mut input = regorus::Value::from(json!({
        "facts": {"secrets": secrets, "costs": report.costs, "suppressions": suppressions},
        "config": config,
    }));
    if let Ok(m) = input.as_object_mut() {
        m.insert(
            regorus::Value::from("by_type"),
            regorus::Value::from(by_type),
        );
    }

    match evaluator {
        Err(e) => report.errors.push(ScanError {
            file: e.file,
            line: e.line,
            column: 1,
            kind: "policy".into(),
            message: e.message,
        }),
        Ok(ev) => {
            let (hits, errs) = ev.evaluate(&input, &present, &disabled);
            crate::par::drop_later(input);
            for (rule, msg) in errs {
                report.errors.push(ScanError {
                    file: ev
                        .rules()
                        .iter()
                        .find(|r| r.id == rule)
                        .map(|r| r.source.clone())
                        .unwrap_or_default(),
                    line: 1,
                    column: 1,
                    kind: "evaluation".into(),
                    message: format!("rule {rule}: {msg}"),
                });
            }
            report.findings = locate(ev.rules(), hits, &report.resources, opts.min_severity);
            crate::suppress::apply(&mut report, &suppressions, &opts.filters);
        }
    }
    let sources: HashMap<&str, &SourceFile> = files.iter().map(|f| (f.path.as_str(), f)).collect();
    for f in &report.findings {
        if let Some(src) = sources.get(f.file.as_str()) {
            report
                .sources
                .entry(f.file.clone())
                .or_insert_with(|| Arc::from(String::from_utf8_lossy(&src.bytes).as_ref()));
        }
    }
    redact_outputs(&mut report, &files, &model.secrets);
    finish(&mut report);
    report
}

/// The fields of a resource that rules read, as a Rego value.
fn rego_resource(r: &Resource) -> regorus::Value {
    use serde::Deserialize;
    let of = |v: &Value| regorus::Value::deserialize(v).unwrap_or(regorus::Value::Undefined);
    let mut m = BTreeMap::new();
    let mut put = |k: &str, v: regorus::Value| {
        m.insert(regorus::Value::from(k), v);
    };
    put("kind", regorus::Value::from(r.kind.as_str()));
    put("type", regorus::Value::from(r.type_.as_str()));
    put("address", regorus::Value::from(r.address.as_str()));
    put("app", regorus::Value::from(r.app.as_str()));
    put("file", regorus::Value::from(&*r.file));
    put("line", regorus::Value::from(u64::from(r.line)));
    put("attrs", of(&r.attrs));
    put(
        "unresolved",
        regorus::Value::from(
            r.unresolved
                .iter()
                .map(|p| regorus::Value::from(p.as_str()))
                .collect::<Vec<_>>(),
        ),
    );
    put("links", of(&Value::Object(r.links.clone())));
    regorus::Value::from(m)
}

/// Secret values never leave a scan: findings, errors, the model's attributes (as
/// printed by `gatepost model`) and the source lines renderers quote are scrubbed
/// here, after the rules ran on the real values.
fn redact_outputs(
    report: &mut Report,
    files: &[SourceFile],
    secrets: &[crate::secrets::SecretCandidate],
) {
    if secrets.is_empty() {
        return;
    }
    let with_secrets: HashSet<&str> = secrets.iter().map(|c| c.file.as_str()).collect();
    let texts: Vec<(&str, String)> = files
        .iter()
        .filter(|f| with_secrets.contains(f.path.as_str()))
        .map(|f| {
            (
                f.path.as_str(),
                String::from_utf8_lossy(&f.bytes).into_owned(),
            )
        })
        .collect();
    let redactor =
        crate::secrets::Redactor::new(texts.iter().map(|(p, t)| (*p, t.as_str())), secrets);
    if redactor.is_empty() {
        return;
    }
    crate::par::map_mut(&mut report.findings, |f| {
        f.message = redactor.text(&f.message)
    });
    for e in &mut report.errors {
        e.message = redactor.text(&e.message);
    }
    crate::par::map_mut(&mut report.resources, |r| {
        redactor.json(&mut r.attrs);
        // Links copy values too (a provider's default tags, a resource's effective tags).
        r.links.values_mut().for_each(|v| redactor.json(v));
    });
    for src in report.sources.values_mut() {
        let clean = redactor.keep_columns(src);
        if clean != **src {
            *src = Arc::from(clean.as_str());
        }
    }
}

fn cost_options(opts: &Options) -> crate::cost::CostOptions {
    crate::cost::CostOptions {
        default_region: opts
            .config
            .pointer("/cost/region")
            .and_then(Value::as_str)
            .map(str::to_string),
        usage: opts.config.pointer("/cost/usage").cloned(),
        prices: opts.prices.clone(),
    }
}

/// Sort, dedupe and count: the same input always gives the same bytes.
pub fn finish(report: &mut Report) {
    report.findings.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.rule, &a.address, &a.message)
            .cmp(&(&b.file, b.line, b.column, &b.rule, &b.address, &b.message))
    });
    report.findings.dedup();
    report.errors.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
    });
    report.errors.dedup();
    let mut s = Summary {
        files: report.summary.files,
        resources: report.resources.len(),
        findings: report.findings.len(),
        errors: report.errors.len(),
        unresolved: report.resources.iter().map(|r| r.unresolved.len()).sum(),
        ..Default::default()
    };
    for f in &report.findings {
        *s.by_severity
            .entry(f.severity.as_str().to_string())
            .or_default() += 1;
        *s.by_family.entry(f.family.clone()).or_default() += 1;
    }
    report.summary = s;
}

/// Each hit as a finding at its file, line and column (in parallel: a large repository has
/// a finding or more per resource).
fn locate(rules: &[Rule], hits: Vec<Hit>, resources: &[Resource], min: Severity) -> Vec<Finding> {
    let by_addr: HashMap<&str, &Resource> =
        resources.iter().map(|r| (r.address.as_str(), r)).collect();
    let found = crate::par::map_chunks(&hits, 512, |chunk| {
        chunk
            .iter()
            .filter_map(|h| locate_one(&rules[h.rule], h, &by_addr, min))
            .collect::<Vec<_>>()
    });
    crate::par::drop_later(hits);
    found.into_iter().flatten().collect()
}

fn locate_one(
    rule: &Rule,
    h: &Hit,
    by_addr: &HashMap<&str, &Resource>,
    min: Severity,
) -> Option<Finding> {
    let severity = h.severity.unwrap_or(rule.severity);
    if severity < min {
        return None;
    }
    let res = h.address.as_deref().and_then(|a| by_addr.get(a));
    let (file, line, column) = match (res, &h.file) {
        // A rule's own line wins; line 0 means it had none (a user rule, or a fact with no
        // position), and the pointer locates the finding instead.
        (_, Some(f)) if h.line.is_some_and(|l| l >= 1) => (
            f.clone(),
            h.line.unwrap_or(1),
            h.column.filter(|&c| c >= 1).unwrap_or(1),
        ),
        (Some(r), _) => {
            let s = r.locate(&h.pointer);
            (
                s.file.as_deref().unwrap_or(&r.file).to_string(),
                s.line,
                s.column,
            )
        }
        (None, Some(f)) => (f.clone(), 1, 1),
        (None, None) => return None,
    };
    let address = h.address.clone().unwrap_or_default();
    let message = match res.and_then(|r| r.links.get("plan_file")) {
        Some(Value::String(plan)) => format!("{} (from plan {plan})", h.message),
        _ => h.message.clone(),
    };
    let key = match (&h.fingerprint, res) {
        (Some(fp), _) => format!("{}\0{file}\0{fp}", rule.id),
        (None, Some(r)) => format!(
            "{}\0{}\0{}\0{}\0{}",
            rule.id,
            r.app,
            address,
            h.pointer,
            fingerprint_text(&h.message)
        ),
        (None, None) => format!("{}\0{file}\0{}", rule.id, h.message),
    };
    let module_chain = res
        .and_then(|r| r.links.get("module_chain"))
        .and_then(Value::as_array)
        .map(|c| {
            c.iter()
                .filter_map(|x| x.as_str().and_then(ModuleCall::parse))
                .collect()
        })
        .unwrap_or_default();
    Some(Finding {
        rule: rule.id.clone(),
        family: rule.family.clone(),
        severity,
        title: rule.title.clone(),
        message,
        file,
        line,
        column,
        address,
        pointer: h.pointer.clone(),
        remediation: rule.fix.clone(),
        fingerprint: hex16(&key),
        module_chain,
    })
}

/// The message as it counts in a fingerprint: one rule may report several things on one
/// attribute (no cpu limit, no memory limit), told apart by their messages. Digits are left
/// out, so dates, amounts and counts in a message can change without resurfacing a finding.
fn fingerprint_text(message: &str) -> String {
    message.chars().filter(|c| !c.is_ascii_digit()).collect()
}

fn hex16(s: &str) -> String {
    let d = Sha256::digest(s.as_bytes());
    d.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The normalized model and native facts, before any rule runs.
pub struct Model {
    pub resources: Vec<Resource>,
    pub secrets: Vec<crate::secrets::SecretCandidate>,
    pub errors: Vec<ScanError>,
}

enum Parsed {
    Tf(TfFile),
    TfVars(TfFile),
    Docs(Arc<str>, Vec<yaml::LocatedDoc>, Format, Arc<str>),
    /// Kubernetes objects, normalized while parsing so each file's parse tree is freed early.
    Objects(Vec<Resource>),
    /// `terraform show -json` output.
    Plan(Arc<str>, yaml::LocatedDoc),
    Nothing,
}

fn parse_error(file: &str, line: u32, column: u32, message: String) -> ScanError {
    ScanError {
        file: file.to_string(),
        line,
        column,
        kind: "parse".into(),
        message,
    }
}

/// A parse failure: line, column, message.
type Located = (u32, u32, String);

fn parse_one(f: &SourceFile, limits: &Limits) -> (Parsed, Option<ScanError>) {
    if f.bytes.len() as u64 > limits.max_file_bytes {
        // In-memory files (bindings, the browser) meet the same limit as files on disk.
        let message = format!(
            "file is {} bytes, over the {}-byte limit; not scanned",
            f.bytes.len(),
            limits.max_file_bytes
        );
        let e = ScanError {
            kind: "read".into(),
            ..parse_error(&f.path, 1, 1, message)
        };
        return (Parsed::Nothing, Some(e));
    }
    let format = discover::classify(&f.path);
    if format == Format::Text {
        return (Parsed::Nothing, None);
    }
    let text = match std::str::from_utf8(&f.bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = f.bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u32
                + 1;
            let e = parse_error(&f.path, line, 1, "file is not valid UTF-8".into());
            return (Parsed::Nothing, Some(e));
        }
    };
    match parse_text(&f.path, text, format, limits) {
        Ok(p) => (p, None),
        Err((line, column, message)) => (
            Parsed::Nothing,
            Some(parse_error(&f.path, line, column, message)),
        ),
    }
}

fn parse_text(path: &str, text: &str, format: Format, limits: &Limits) -> Result<Parsed, Located> {
    let yaml_err = |e: yaml::YamlError| (e.line, e.column, e.message);
    let arc: Arc<str> = Arc::from(path);
    Ok(match format {
        Format::TfVars if path.ends_with(".json") => Parsed::TfVars(json_syntax(
            arc,
            text,
            limits,
            terraform::json_syntax::vars_to_hcl,
        )?),
        Format::TerraformJson => Parsed::Tf(json_syntax(
            arc,
            text,
            limits,
            terraform::json_syntax::to_hcl,
        )?),
        Format::Terraform | Format::TfVars => {
            let tf = TfFile {
                path: arc,
                text: Arc::from(text),
                parsed: hcl_parse(text, limits)?,
            };
            if format == Format::Terraform {
                Parsed::Tf(tf)
            } else {
                Parsed::TfVars(tf)
            }
        }
        Format::Manifest if terraform::plan::looks_like_plan(path, text) => {
            let mut docs = yaml::parse_stream(text, limits.yaml).map_err(yaml_err)?;
            if docs.is_empty() {
                Parsed::Nothing
            } else {
                Parsed::Plan(arc, docs.swap_remove(0))
            }
        }
        Format::Manifest => match yaml::parse_stream_keys_only(text, limits.yaml) {
            Ok(docs) => Parsed::Objects(kubernetes::normalize(&arc, &discover::app_of(path), docs)),
            // Helm and other templates are not YAML until rendered: skip them quietly.
            Err(_) if text.contains("{{") => Parsed::Nothing,
            Err(e) => return Err(yaml_err(e)),
        },
        Format::Workflow(_) => {
            let docs = yaml::parse_stream(text, limits.yaml).map_err(yaml_err)?;
            Parsed::Docs(arc, docs, format, Arc::from(text))
        }
        Format::Text => Parsed::Nothing,
    })
}

fn hcl_parse(text: &str, limits: &Limits) -> Result<hcl::ParsedHcl, Located> {
    hcl::parse_limited(text, limits.yaml.max_depth).map_err(|e| (e.line, e.column, e.message))
}

/// Terraform's JSON syntax (`.tf.json`, `.tfvars.json`), rewritten as HCL on the same lines
/// by `to_hcl` and parsed as such.
fn json_syntax(
    path: Arc<str>,
    text: &str,
    limits: &Limits,
    to_hcl: fn(&str, yaml::Limits) -> Result<String, Located>,
) -> Result<TfFile, Located> {
    let h = to_hcl(text, limits.yaml)?;
    let parsed = hcl_parse(&h, limits)?;
    Ok(TfFile {
        path,
        text: Arc::from(h.as_str()),
        parsed,
    })
}

/// The model and its secret candidates; the two passes run side by side.
pub fn build_model(files: &[SourceFile], opts: &Options) -> Model {
    let (mut model, secrets) = crate::par::join(
        || parse_model(files, opts),
        || scan_secrets(files, &opts.limits),
    );
    model.secrets = secrets;
    model
}

/// Secret candidates of every file within the size limit, sorted by position.
fn scan_secrets(files: &[SourceFile], limits: &Limits) -> Vec<crate::secrets::SecretCandidate> {
    crate::secrets::prepare(files.iter().map(|f| f.bytes.len() as u64).sum());
    let mut secrets: Vec<_> = crate::par::map(files, |f| {
        if f.bytes.len() as u64 > limits.max_file_bytes {
            return Vec::new();
        }
        crate::secrets::scan_bytes(&f.path, &f.bytes)
    })
    .into_iter()
    .flatten()
    .collect();
    secrets.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    secrets
}

/// The model without its secret candidates.
fn parse_model(files: &[SourceFile], opts: &Options) -> Model {
    let parsed = crate::par::map(files, |f| {
        let parsed = parse_one(f, &opts.limits);
        if let Some(n) = &opts.progress {
            n.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        parsed
    });
    let mut errors = Vec::new();
    let mut resources = Vec::new();
    let (mut tf_files, mut tf_vars) = (Vec::new(), Vec::new());
    let mut planned = Vec::new();
    let mut k8s_objects = Vec::new();
    for (p, e) in parsed {
        errors.extend(e);
        match p {
            Parsed::Tf(tf) => tf_files.push(tf),
            Parsed::TfVars(tf) => {
                let name = tf.path.rsplit('/').next().unwrap_or_default();
                // Terraform loads these automatically; other .tfvars only when named.
                if matches!(name, "terraform.tfvars" | "terraform.tfvars.json")
                    || name.ends_with(".auto.tfvars")
                    || name.ends_with(".auto.tfvars.json")
                {
                    tf_vars.push(tf);
                }
            }
            Parsed::Docs(path, docs, format, text) => {
                let app = discover::app_of(&path);
                if let Format::Workflow(flavor) = format {
                    if docs.is_empty() {
                        errors.push(parse_error(&path, 1, 1, "the CI file is empty".into()));
                    }
                    for d in &docs {
                        if let Err((at, m)) =
                            workflow::normalize(flavor, &path, &app, d, &text, &mut resources)
                        {
                            errors.push(parse_error(&path, at.line, at.column, m));
                        }
                    }
                }
            }
            Parsed::Objects(objects) => {
                k8s_objects.extend(resources.len()..resources.len() + objects.len());
                resources.extend(objects);
            }
            Parsed::Plan(path, doc) => {
                let app = discover::app_of(&path);
                planned.extend(terraform::plan::normalize(&path, &app, &doc));
            }
            Parsed::Nothing => {}
        }
    }
    kubernetes::qualify_duplicates(&mut resources, &k8s_objects);
    let texts: HashMap<&str, &SourceFile> = files.iter().map(|f| (f.path.as_str(), f)).collect();
    let read = |p: &str| {
        texts
            .get(p)
            .and_then(|f| String::from_utf8(f.bytes.clone()).ok())
    };
    let tree = terraform::TfTree::new(tf_files, tf_vars, &opts.terraform.module_files);
    let (tf, tf_errors) = terraform::normalize_tree(&tree, &opts.terraform, &read);
    errors.extend(tf_errors.into_iter().map(|e| ScanError {
        file: e.file,
        line: e.line,
        column: e.column,
        kind: e.kind,
        message: e.message,
    }));
    // The parsed files hold every body with its spans: free them off the scan's path.
    crate::par::drop_later(tree);
    resources.extend(tf);
    terraform::plan::merge(&mut resources, planned);
    link::link(&mut resources);
    qualify_duplicate_addresses(&mut resources);
    Model {
        resources,
        secrets: Vec::new(),
        errors,
    }
}

/// Terraform addresses are unique within one root module only. When a scan holds several
/// roots that declare the same address, each is qualified with its directory
/// (`infra/a:aws_s3_bucket.b`) so a rule's finding is located in the right file; the joins
/// made by `link` are rewritten to match.
fn qualify_duplicate_addresses(resources: &mut [Resource]) {
    // A module's resources live in the module's files whichever root calls it, so they are
    // told apart by the calling root's app; everything else by its own directory.
    let scope = |r: &Resource| {
        if r.address.starts_with("module.") {
            r.app.clone()
        } else {
            dir_of(&r.file)
        }
    };
    let mut scopes: HashMap<&str, HashSet<String>> = HashMap::new();
    for r in resources.iter() {
        scopes
            .entry(r.address.as_str())
            .or_default()
            .insert(scope(r));
    }
    let dup: HashSet<String> = scopes
        .into_iter()
        .filter(|(_, d)| d.len() > 1)
        .map(|(a, _)| a.to_string())
        .collect();
    if dup.is_empty() {
        return;
    }
    let qualify = |address: &str, file: &str| format!("{}:{address}", dir_of(file));
    crate::par::map_mut(resources, |r| {
        if dup.contains(&r.address) {
            r.address = format!("{}:{}", scope(r), r.address);
        }
        for v in r.links.values_mut() {
            requalify(v, &dup, &qualify);
        }
    });
}

fn requalify(
    v: &mut Value,
    dup: &HashSet<String>,
    qualify: &(dyn Fn(&str, &str) -> String + Sync),
) {
    match v {
        Value::Object(m) => {
            let file = m.get("file").and_then(Value::as_str).map(str::to_string);
            if let (Some(Value::String(a)), Some(f)) = (m.get_mut("address"), file) {
                if dup.contains(a.as_str()) {
                    *a = qualify(a, &f);
                }
            }
            for (k, x) in m.iter_mut() {
                if k != "attrs" {
                    requalify(x, dup, qualify);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| requalify(x, dup, qualify)),
        _ => {}
    }
}

fn dir_of(path: &str) -> String {
    path.rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod date_tests {
    use super::civil_date;

    #[test]
    fn civil_dates_from_day_counts() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(59), "1970-03-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(19_782), "2024-02-29");
        assert_eq!(civil_date(20_454), "2026-01-01");
        assert_eq!(civil_date(-1), "1969-12-31");
    }
}
