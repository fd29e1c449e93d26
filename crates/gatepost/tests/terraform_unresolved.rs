//! Measured: every value static evaluation leaves unresolved must be one Terraform itself
//! would only know at plan or apply time. Each unresolved value is classified by the
//! references in its expression; a value with no unknowable reference is a miss.

use gatepost::model::Resource;
use gatepost::{scan_paths, Options};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Why a reference cannot be known before apply, or `None` when it could have been.
fn unknowable(
    reference: &str,
    app: &str,
    by_addr: &HashMap<(&str, &str), &Resource>,
    file_dir: &str,
    undefaulted: &dyn Fn(&str, &str) -> bool,
) -> Option<&'static str> {
    let parts: Vec<&str> = reference.split('.').collect();
    match parts.as_slice() {
        ["var", name, ..] => undefaulted(file_dir, name).then_some("variable without a value"),
        ["data", "aws_iam_policy_document", ..] => None,
        ["data", _, _, ..] => Some("data source"),
        [t, n, attr, ..] if t.contains('_') => {
            let name = n.split('[').next().unwrap_or(n);
            match by_addr.get(&(app, &format!("{t}.{name}")[..])) {
                // An argument the block sets (and we resolved) would have been known.
                Some(r) => match r.attrs.get(*attr) {
                    Some(v) if !v.as_str().is_some_and(|s| s.starts_with("${")) => None,
                    _ => Some("computed attribute"),
                },
                None if n.contains('[') => Some("computed attribute"),
                None => None,
            }
        }
        _ => None,
    }
}

fn classify(
    resources: &[Resource],
    undefaulted: &dyn Fn(&str, &str) -> bool,
) -> BTreeMap<String, usize> {
    // Addresses shared by several roots are qualified as `dir:address` by the scan.
    fn unqualified(a: &str) -> &str {
        match a.split_once(':') {
            Some((scope, rest)) if !scope.contains('[') => rest,
            _ => a,
        }
    }
    let refs = regex::Regex::new(
        r"\b(var\.[A-Za-z_][\w-]*|data\.[a-z][\w-]*\.[\w-]+(?:\[[^\]]*\])?\.\w+|[a-z][a-z0-9]*_[\w-]*\.[\w-]+(?:\[[^\]]*\])?\.\w+)",
    )
    .unwrap();
    let by_addr: HashMap<(&str, &str), &Resource> = resources
        .iter()
        .map(|r| ((r.app.as_str(), unqualified(&r.address)), r))
        .collect();
    let mut counts = BTreeMap::new();
    for r in resources {
        for p in &r.unresolved {
            let text = r.attr(p).and_then(|v| v.as_str()).unwrap_or_default();
            let file_dir = r.file.rsplit_once('/').map_or("", |(d, _)| d);
            let why = refs
                .find_iter(text)
                .find_map(|m| unknowable(m.as_str(), &r.app, &by_addr, file_dir, undefaulted));
            let key = match why {
                Some(w) => w.to_string(),
                None => format!("RESOLVABLE {} {p} = {text}", r.address),
            };
            *counts.entry(key).or_default() += 1;
        }
    }
    counts
}

/// Variables declared without a default and given no tfvars value, by directory.
fn undefaulted_vars(dir: &Path) -> impl Fn(&str, &str) -> bool {
    let decl = regex::Regex::new(r#"(?ms)^variable "([\w-]+)" \{(.*?)^\}"#).unwrap();
    let mut valued: HashMap<String, Vec<String>> = HashMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let list = valued
                .entry(p.parent().unwrap().to_string_lossy().to_string())
                .or_default();
            if name.ends_with(".tf") {
                for c in decl.captures_iter(&text) {
                    if c[2].contains("default") {
                        list.push(c[1].to_string());
                    }
                }
            } else if name == "terraform.tfvars" {
                for line in text.lines() {
                    if let Some((k, _)) = line.split_once('=') {
                        list.push(k.trim().to_string());
                    }
                }
            }
        }
    }
    move |file_dir: &str, var: &str| {
        !valued
            .get(file_dir)
            .is_some_and(|vs| vs.iter().any(|v| v == var))
    }
}

fn assert_only_unknowable(dir: &Path) -> BTreeMap<String, usize> {
    let r = scan_paths(&[dir], &Options::default());
    let counts = classify(&r.resources, &undefaulted_vars(dir));
    let missed: Vec<_> = counts
        .keys()
        .filter(|k| k.starts_with("RESOLVABLE"))
        .collect();
    assert!(missed.is_empty(), "static evaluation missed: {missed:#?}");
    eprintln!("{}: unresolved by category {counts:?}", dir.display());
    counts
}

#[test]
fn synthetic_corpus_leaves_only_unknowable_values() {
    let script = Path::new("/work/shared/tools/gen_tf_corpus.py");
    if !script.exists() {
        eprintln!("skipped: {} is not on this machine", script.display());
        return;
    }
    let out = std::env::temp_dir().join(format!("gatepost-tfcorpus-{}", std::process::id()));
    let ok = std::process::Command::new("python3")
        .arg(script)
        .args(["--resources", "1000", "--out"])
        .arg(&out)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "corpus generator failed");
    let counts = assert_only_unknowable(&out);
    let _ = std::fs::remove_dir_all(&out);
    assert!(counts.values().sum::<usize>() > 0);
}

#[test]
fn example_app_leaves_only_unknowable_values() {
    let dir = root().join("testdata/examples/where2eat");
    let counts = assert_only_unknowable(&dir);
    assert!(counts.contains_key("computed attribute"), "{counts:?}");
    // The check has teeth: were every variable known, its unresolved use would be a miss.
    let r = scan_paths(&[&dir], &Options::default());
    let strict = classify(&r.resources, &|_, _| false);
    assert!(
        strict.keys().any(|k| k.starts_with("RESOLVABLE")),
        "{strict:?}"
    );
}
