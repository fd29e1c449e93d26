//! Files parsed and normalized into one model: every parser, the Terraform evaluator, the
//! cross-file links, and the secrets pass beside them. No rule runs here.

use super::Limits;
use super::Options;
use crate::discover::{self, Format, SourceFile};
use crate::model::Resource;
use crate::parse::{hcl, yaml};
use crate::report::ScanError;
use crate::terraform::{self, TfFile};
use crate::{kubernetes, link, workflow};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

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
pub(super) fn scan_secrets(
    files: &[SourceFile],
    limits: &Limits,
) -> Vec<crate::secrets::SecretCandidate> {
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
pub(super) fn parse_model(files: &[SourceFile], opts: &Options) -> Model {
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

pub(super) fn dir_of(path: &str) -> String {
    path.rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default()
}
