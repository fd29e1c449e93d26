//! CI pipelines: GitHub Actions workflows and composite actions, GitLab CI.
//!
//! A workflow becomes one resource for the file and one per job; each job links the
//! workflow-level settings it inherits (triggers, permissions, env) so rules read one object.

pub mod expressions;
pub mod gitlab;

use crate::model::{pointer_token, Resource, Span};
use crate::parse::yaml::LocatedDoc;
use expressions::Source;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    GithubWorkflow,
    GithubAction,
    Gitlab,
}

/// Which CI flavour a path is, if any.
pub fn flavor(path: &str) -> Option<Flavor> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let yaml = name.ends_with(".yml") || name.ends_with(".yaml");
    if !yaml {
        return None;
    }
    if path.contains(".github/workflows/") {
        return Some(Flavor::GithubWorkflow);
    }
    if name == "action.yml" || name == "action.yaml" {
        return Some(Flavor::GithubAction);
    }
    if name == ".gitlab-ci.yml" || name == ".gitlab-ci.yaml" || path.contains(".gitlab/ci/") {
        return Some(Flavor::Gitlab);
    }
    None
}

/// GitLab keywords that are not job names at the top level.
const GITLAB_KEYWORDS: &[&str] = &[
    "default",
    "include",
    "stages",
    "variables",
    "workflow",
    "image",
    "services",
    "cache",
    "before_script",
    "after_script",
    "types",
    "pages:deploy",
    "spec",
];

fn resource(
    kind: &str,
    file: &Arc<str>,
    app: &str,
    address: String,
    attrs: Value,
    spans: std::collections::BTreeMap<String, Span>,
) -> Resource {
    let head = spans.get("").cloned().unwrap_or(Span::new(1, 1));
    Resource {
        kind: kind.into(),
        type_: kind.into(),
        address,
        app: app.into(),
        file: file.clone(),
        line: head.line,
        column: head.column,
        attrs,
        unresolved: Vec::new(),
        links: Map::new(),
        spans,
    }
}

/// The value spans below `prefix`, re-rooted so that `prefix` becomes "".
fn values_under(doc: &LocatedDoc, prefix: &str) -> BTreeMap<String, Span> {
    doc.value_spans
        .range(prefix.to_string()..)
        .take_while(|(k, _)| k.starts_with(prefix))
        .filter(|(k, _)| k.len() == prefix.len() || k.as_bytes()[prefix.len()] == b'/')
        .map(|(k, v)| (k[prefix.len()..].to_string(), v.clone()))
        .collect()
}

/// Facts only the source text holds, for rules: the located `${{ }}` expressions of the
/// object (`expressions`) and the comments that document its `permissions` entries
/// (`comments`, pointer -> text).
fn source_facts(r: &mut Resource, values: &BTreeMap<String, Span>, src: &Source) {
    let found = expressions::collect(&r.attrs, values, src);
    if !found.is_empty() {
        r.links.insert("expressions".into(), Value::Array(found));
    }
    let mut comments = Map::new();
    if let Some(perms) = r.attrs.get("permissions").and_then(Value::as_object) {
        for k in perms.keys() {
            let p = format!("/permissions/{}", pointer_token(k));
            if let Some(c) = r.spans.get(&p).and_then(|s| src.trailing_comment(s.line)) {
                comments.insert(p, json!(c));
            }
        }
    }
    if !comments.is_empty() {
        r.links.insert("comments".into(), Value::Object(comments));
    }
}

/// A GitLab job as it runs: `extends:`, `default:` and global variables merged in, where
/// each inherited value comes from (`links.inherited`), and whether it is a hidden template.
fn gitlab_effective(j: &mut Resource, doc: &LocatedDoc, id: &str, ptr: &str, file: &Arc<str>) {
    let eff = gitlab::effective(doc, id, ptr, file, &|other| format!("{file}#{other}"));
    j.attrs = eff.attrs;
    j.spans = eff.spans;
    if !eff.inherited.is_empty() {
        j.links
            .insert("inherited".into(), Value::Object(eff.inherited));
    }
    if !eff.missing_parents.is_empty() {
        j.links
            .insert("missing_parents".into(), json!(eff.missing_parents));
    }
    if id.starts_with('.') {
        j.links.insert("hidden".into(), json!(true));
    }
}

/// Top-level keys of a GitHub workflow.
const WORKFLOW_KEYS: &[&str] = &[
    "name",
    "run-name",
    "on",
    "permissions",
    "env",
    "defaults",
    "concurrency",
    "jobs",
];

/// The structural checks GitHub itself applies before running a file, so a file GitHub
/// would refuse is reported (located) rather than scanned as if it ran.
fn validate(flavor: Flavor, doc: &LocatedDoc) -> Result<(), (Span, String)> {
    let at = |p: &str| {
        doc.spans
            .get(p)
            .cloned()
            .unwrap_or(Span::new(doc.line, doc.column))
    };
    let v = &doc.value;
    let require = |keys: &[&str], what: &str| -> Result<(), (Span, String)> {
        match keys.iter().find(|k| v.get(**k).is_none()) {
            Some(k) => Err((at(""), format!("{what} has no `{k}`"))),
            None => Ok(()),
        }
    };
    match flavor {
        Flavor::GithubWorkflow => {
            if let Some(k) = v
                .as_object()
                .and_then(|m| m.keys().find(|k| !WORKFLOW_KEYS.contains(&k.as_str())))
            {
                let p = format!("/{}", pointer_token(k));
                return Err((at(&p), format!("unknown workflow key `{k}`")));
            }
            require(&["on", "jobs"], "the workflow")?;
            let Some(jobs) = v["jobs"].as_object() else {
                return Err((at("/jobs"), "`jobs` must be a mapping of job ids".into()));
            };
            for (id, job) in jobs {
                let p = format!("/jobs/{}", pointer_token(id));
                if !job.is_object() {
                    return Err((at(&p), format!("job `{id}` must be a mapping")));
                }
                if job.get("runs-on").is_none() && job.get("uses").is_none() {
                    return Err((
                        at(&p),
                        format!("job `{id}` has neither `runs-on` nor `uses`"),
                    ));
                }
            }
        }
        Flavor::GithubAction => {
            require(&["name", "description", "runs"], "the action")?;
            if v["runs"].get("using").is_none() {
                return Err((at("/runs"), "the action's `runs` has no `using`".into()));
            }
        }
        Flavor::Gitlab => {}
    }
    Ok(())
}

/// Normalize one CI file (`text` is its source, for positions inside strings). Returns a
/// located error for documents GitHub or GitLab would refuse.
pub fn normalize(
    flavor: Flavor,
    file: &Arc<str>,
    app: &str,
    doc: &LocatedDoc,
    text: &str,
    out: &mut Vec<Resource>,
) -> Result<(), (Span, String)> {
    if !doc.value.is_object() {
        return Err((
            Span::new(doc.line, doc.column),
            "a CI file must be a YAML mapping".into(),
        ));
    }
    validate(flavor, doc)?;
    let src = Source::new(text);
    let (wkind, jkind) = match flavor {
        Flavor::GithubWorkflow => ("github.workflow", "github.job"),
        Flavor::GithubAction => ("github.action", "github.action"),
        Flavor::Gitlab => ("gitlab.pipeline", "gitlab.job"),
    };
    let mut wf = resource(
        wkind,
        file,
        app,
        file.to_string(),
        doc.value.clone(),
        doc.spans.clone(),
    );
    // The file header is its first key, not line 1 of a comment block.
    if let Some(first) = doc
        .spans
        .iter()
        .filter(|(k, _)| k.matches('/').count() == 1)
        .map(|(_, s)| s)
        .min_by_key(|s| (s.line, s.column))
    {
        wf.line = first.line;
        wf.column = first.column;
    }
    source_facts(&mut wf, &doc.value_spans, &src);
    if flavor == Flavor::GithubAction {
        out.push(wf);
        return Ok(());
    }
    let jobs: Vec<(String, String, Value)> = match flavor {
        Flavor::GithubWorkflow => doc
            .value
            .get("jobs")
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .map(|(k, v)| (k.clone(), format!("/jobs/{}", pointer_token(k)), v.clone()))
                    .collect()
            })
            .unwrap_or_default(),
        _ => doc
            .value
            .as_object()
            .map(|m| {
                m.iter()
                    .filter(|(k, v)| !GITLAB_KEYWORDS.contains(&k.as_str()) && v.is_object())
                    .map(|(k, v)| (k.clone(), format!("/{}", pointer_token(k)), v.clone()))
                    .collect()
            })
            .unwrap_or_default(),
    };
    let mut context = Map::new();
    context.insert("address".into(), json!(file.to_string()));
    for k in [
        "on",
        "permissions",
        "env",
        "defaults",
        "name",
        "variables",
        "default",
        "workflow",
        "include",
        "image",
        "services",
    ] {
        if let Some(v) = doc.value.get(k) {
            context.insert(k.into(), v.clone());
        }
    }
    let context = Value::Object(context);
    for (id, ptr, attrs) in jobs {
        let mut j = resource(
            jkind,
            file,
            app,
            format!("{file}#{id}"),
            attrs,
            doc.spans_under(&ptr),
        );
        if flavor == Flavor::Gitlab {
            gitlab_effective(&mut j, doc, &id, &ptr, file);
        }
        source_facts(&mut j, &values_under(doc, &ptr), &src);
        j.links.insert("workflow".into(), context.clone());
        j.links.insert("id".into(), json!(id));
        j.links.insert("pointer".into(), json!(ptr));
        out.push(j);
    }
    out.push(wf);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::yaml::{parse_stream, Limits};

    #[test]
    fn jobs_inherit_workflow_context_and_keep_lines() {
        let y = "# ci\non: [pull_request_target]\npermissions: write-all\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n";
        let docs = parse_stream(y, Limits::default()).unwrap();
        let f: Arc<str> = Arc::from(".github/workflows/ci.yml");
        let mut out = Vec::new();
        normalize(Flavor::GithubWorkflow, &f, "", &docs[0], y, &mut out).unwrap();
        let job = &out[0];
        assert_eq!(job.address, ".github/workflows/ci.yml#build");
        assert_eq!(job.line, 5);
        assert_eq!(job.locate("/steps/0/uses").line, 8);
        assert_eq!(job.links["workflow"]["permissions"], json!("write-all"));
        assert_eq!(out[1].line, 2);
    }

    #[test]
    fn gitlab_jobs_skip_keywords() {
        let y = "stages: [build]\nvariables: {A: b}\nbuild:\n  image: node:latest\n  script: [make]\n.hidden:\n  script: [x]\n";
        let docs = parse_stream(y, Limits::default()).unwrap();
        let mut out = Vec::new();
        normalize(
            Flavor::Gitlab,
            &Arc::from(".gitlab-ci.yml"),
            "",
            &docs[0],
            y,
            &mut out,
        )
        .unwrap();
        let jobs: Vec<_> = out
            .iter()
            .filter(|r| r.kind == "gitlab.job")
            .map(|r| r.address.as_str())
            .collect();
        assert_eq!(jobs, vec![".gitlab-ci.yml#build", ".gitlab-ci.yml#.hidden"]);
        let hidden = |r: &Resource| r.links.get("hidden").cloned();
        assert_eq!(hidden(&out[0]), None);
        assert_eq!(hidden(&out[1]), Some(json!(true)));
        // Global variables reach the job, and are marked as the pipeline's.
        assert_eq!(out[0].attrs["variables"], json!({"A": "b"}));
        assert_eq!(
            out[0].links["inherited"]["/variables"],
            json!(".gitlab-ci.yml")
        );
    }

    #[test]
    fn files_github_would_refuse_are_located_errors() {
        let check = |flavor, y: &str| {
            let docs = parse_stream(y, Limits::default()).unwrap();
            let mut out = Vec::new();
            normalize(flavor, &Arc::from("x"), "", &docs[0], y, &mut out).unwrap_err()
        };
        let (at, m) = check(Flavor::GithubWorkflow, "on: push\nboom: 1\njobs: {}\n");
        assert_eq!((at.line, m.contains("boom")), (2, true));
        let (at, m) = check(
            Flavor::GithubWorkflow,
            "on: push\njobs:\n  a:\n    steps: []\n",
        );
        assert_eq!((at.line, m.contains("runs-on")), (3, true));
        let (_, m) = check(
            Flavor::GithubAction,
            "name: a\ndescription: b\nruns:\n  image: x\n",
        );
        assert!(m.contains("using"), "{m}");
    }

    #[test]
    fn flavors_by_path() {
        assert_eq!(
            flavor("a/.github/workflows/x.yaml"),
            Some(Flavor::GithubWorkflow)
        );
        assert_eq!(flavor("tools/action.yml"), Some(Flavor::GithubAction));
        assert_eq!(flavor(".gitlab-ci.yml"), Some(Flavor::Gitlab));
        assert_eq!(flavor("k8s/deploy.yaml"), None);
    }
}
