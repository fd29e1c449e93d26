//! The pipeline: files → parsers → one located model → facts → Rego → findings.

mod build_model;
mod clock;
mod locate;
#[cfg(not(target_arch = "wasm32"))]
mod on_disk;
mod options;

pub use build_model::{build_model, Model};
pub use clock::{civil_date, set_now_secs, today_utc};
#[cfg(not(target_arch = "wasm32"))]
pub use on_disk::{discover_paths, scan_discovered, scan_paths, Discovered};
pub use options::{default_config, Limits, Options};

use crate::discover::SourceFile;
use crate::engine::Evaluator;
use crate::model::Resource;
use crate::policy::Rule;
use crate::report::{Report, ScanError, Summary};
use build_model::{parse_model, scan_secrets};
use locate::locate;
use options::cost_options;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

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
    crate::config::merge_json(&mut config, &opts.config);
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
