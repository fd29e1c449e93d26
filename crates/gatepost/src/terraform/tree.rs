//! Every Terraform directory of a scan, which of them are roots, and how module sources map
//! to directories.
//!
//! A directory is a root module unless a module block of another scanned directory calls it
//! with a local source (`./modules/app`, `../shared`): such a directory is only expanded
//! where it is called, with the caller's arguments, never on its own with unbound variables.
//! Directories reachable only through a call cycle are still treated as roots, so the cycle
//! is reported rather than silently dropped.

use super::eval::Eval;
use super::value::Val;
use super::{link_providers, root_vars, ModuleCtx, NoRefs, Scope, TfFile, TfInputs};
use crate::model::Resource;
use crate::parse::hcl;
use hcl_edit::expr::Expression;
use hcl_edit::structure::Structure;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::rc::Rc;

/// A problem with the Terraform configuration as a whole (a module call cycle).
#[derive(Debug, Clone, PartialEq)]
pub struct TfError {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub kind: String,
    pub message: String,
}

/// One directory: its `.tf` files and the tfvars Terraform loads automatically.
#[derive(Default)]
pub struct TfDir {
    pub files: Vec<TfFile>,
    pub var_files: Vec<TfFile>,
}

#[derive(Default)]
pub struct TfTree {
    pub dirs: BTreeMap<String, TfDir>,
    /// Root directory -> module key (`a.b`) -> installed directory, from
    /// `.terraform/modules/modules.json`.
    manifests: HashMap<String, HashMap<String, String>>,
    /// Directories that came from `terraform init`, never roots.
    installed: HashSet<String>,
}

const MANIFEST: &str = ".terraform/modules/modules.json";

impl TfTree {
    /// Group parsed files by directory; `installed` are (path, contents) of what
    /// `terraform init` left (see [`super::installed`]).
    pub fn new(files: Vec<TfFile>, var_files: Vec<TfFile>, installed: &[(String, String)]) -> Self {
        let mut tree = TfTree::default();
        for f in files {
            tree.dirs.entry(dir_of(&f.path)).or_default().files.push(f);
        }
        for f in var_files {
            tree.dirs
                .entry(dir_of(&f.path))
                .or_default()
                .var_files
                .push(f);
        }
        for (path, text) in installed {
            if let Some(root) = path.strip_suffix(MANIFEST) {
                let root = root.trim_end_matches('/').to_string();
                tree.manifests.insert(root.clone(), manifest(&root, text));
            } else if path.ends_with(".tf") {
                let dir = dir_of(path);
                if tree.dirs.contains_key(&dir) && !tree.installed.contains(&dir) {
                    continue; // scanned already
                }
                if let Ok(parsed) = hcl::parse(text) {
                    tree.installed.insert(dir.clone());
                    tree.dirs.entry(dir).or_default().files.push(TfFile {
                        path: path.as_str().into(),
                        text: text.as_str().into(),
                        parsed,
                    });
                }
            }
        }
        for d in tree.dirs.values_mut() {
            // terraform.tfvars first, then *.auto.tfvars in lexical order.
            d.var_files.sort_by(|a, b| {
                let auto = |f: &TfFile| {
                    !matches!(
                        f.path.rsplit('/').next(),
                        Some("terraform.tfvars" | "terraform.tfvars.json")
                    )
                };
                (auto(a), &a.path).cmp(&(auto(b), &b.path))
            });
        }
        tree
    }

    pub(super) fn files(&self, dir: &str) -> Option<&[TfFile]> {
        self.dirs
            .get(dir)
            .filter(|d| !d.files.is_empty())
            .map(|d| d.files.as_slice())
    }

    /// The directory a module call resolves to: a local path next to the caller, else what
    /// `terraform init` recorded for this module key under the root.
    pub(super) fn module_dir(
        &self,
        caller: &str,
        root: &str,
        key: &str,
        source: &str,
    ) -> Option<String> {
        let dir = if is_local(source) {
            join(caller, source)
        } else {
            self.manifests.get(root)?.get(key)?.clone()
        };
        self.files(&dir).map(|_| dir)
    }

    /// Root module directories, see the module docs.
    pub fn roots(&self) -> Vec<&str> {
        let calls: BTreeMap<&str, Vec<String>> = self
            .dirs
            .iter()
            .map(|(d, m)| (d.as_str(), local_calls(d, &m.files)))
            .collect();
        let candidates = || {
            self.dirs
                .keys()
                .filter(|d| !self.installed.contains(*d) && self.files(d).is_some())
        };
        let called: HashSet<&str> = calls
            .iter()
            .flat_map(|(d, cs)| cs.iter().filter(move |c| c != d).map(String::as_str))
            .collect();
        let mut roots: Vec<&str> = candidates()
            .filter(|d| !called.contains(d.as_str()))
            .map(String::as_str)
            .collect();
        let mut reached: BTreeSet<&str> = BTreeSet::new();
        let mut todo: Vec<&str> = roots.clone();
        while let Some(d) = todo.pop() {
            if reached.insert(d) {
                for c in calls.get(d).into_iter().flatten() {
                    if let Some((k, _)) = self.dirs.get_key_value(c.as_str()) {
                        todo.push(k);
                    }
                }
            }
        }
        let unreached: Vec<&str> = candidates()
            .map(String::as_str)
            .filter(|d| !reached.contains(d) && !roots.contains(d))
            .collect();
        roots.extend(unreached);
        roots.sort_unstable();
        roots
    }
}

/// Normalize every root module of the tree, expanding the modules each calls.
pub fn normalize_tree(
    tree: &TfTree,
    inputs: &TfInputs,
    read_file: &(dyn Fn(&str) -> Option<String> + Sync),
) -> (Vec<Resource>, Vec<TfError>) {
    let roots = tree.roots();
    let per_root: Vec<(Vec<Resource>, Vec<TfError>)> = crate::par::map(&roots, |dir| {
        let d = &tree.dirs[*dir];
        let app = crate::discover::app_of(&if dir.is_empty() {
            "x".to_string()
        } else {
            format!("{dir}/x")
        });
        let errors = Rc::new(RefCell::new(Vec::new()));
        let vars = root_vars(&d.files, &d.var_files, inputs);
        let ctx = ModuleCtx::new(
            Scope::root(&app, dir, tree, errors.clone()),
            &d.files,
            vars,
            read_file,
        );
        let mut out = Vec::new();
        ctx.emit(&mut out);
        drop(ctx);
        link_providers(&mut out);
        let errs = errors.borrow().clone();
        (out, errs)
    });
    let mut resources = Vec::new();
    let mut errors = Vec::new();
    for (r, e) in per_root {
        resources.extend(r);
        errors.extend(e);
    }
    (resources, errors)
}

/// Values of a `-var-file`: HCL attributes, or a JSON object for `.json` paths.
pub fn var_file_values(path: &str, text: &str) -> Vec<(String, Val)> {
    if path.ends_with(".json") {
        return match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(o)) => o
                .iter()
                .map(|(k, v)| (k.clone(), Val::from_json(v)))
                .collect(),
            _ => Vec::new(),
        };
    }
    let Ok(p) = hcl::parse(text) else {
        return Vec::new();
    };
    p.body
        .attributes()
        .map(|a| {
            let v = Eval::new(text, &NoRefs).eval(&a.value);
            (a.key.value().as_str().to_string(), v)
        })
        .collect()
}

fn manifest(root: &str, text: &str) -> HashMap<String, String> {
    let Ok(v) = serde_json::from_str::<Value>(text) else {
        return HashMap::new();
    };
    v.get("Modules")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|m| {
            let key = m.get("Key")?.as_str()?;
            let dir = m.get("Dir")?.as_str()?;
            (!key.is_empty()).then(|| (key.to_string(), join(root, dir)))
        })
        .collect()
}

/// Local module sources written in a directory's module blocks, as directories.
fn local_calls(dir: &str, files: &[TfFile]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files {
        for s in f.parsed.body.iter() {
            let Structure::Block(b) = s else { continue };
            if b.ident.value().as_str() != "module" {
                continue;
            }
            if let Some(Expression::String(src)) = b.body.get_attribute("source").map(|a| &a.value)
            {
                if is_local(src.value()) {
                    out.push(join(dir, src.value()));
                }
            }
        }
    }
    out
}

pub(super) fn is_local(source: &str) -> bool {
    source.starts_with("./") || source.starts_with("../") || source == "." || source == ".."
}

/// `dir` joined with a relative path, `.` and `..` folded (`apps/a` + `../b` = `apps/b`).
pub(super) fn join(dir: &str, rel: &str) -> String {
    // An absolute `rel` (`${path.module}/x` when scanning an absolute path) starts afresh.
    let dir = if rel.starts_with('/') { "/" } else { dir };
    let mut parts: Vec<&str> = dir
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." if parts.last().is_some_and(|l| *l != "..") => {
                parts.pop();
            }
            _ => parts.push(p),
        }
    }
    let joined = parts.join("/");
    if dir.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

pub(super) fn dir_of(path: &str) -> String {
    path.rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn joins_fold_dots() {
        assert_eq!(join("apps/a", "./modules/app"), "apps/a/modules/app");
        assert_eq!(join("apps/a", "../shared"), "apps/shared");
        assert_eq!(join("", "./m"), "m");
        assert_eq!(join("a", "../../x"), "../x");
        assert_eq!(join("/t/a", "./m"), "/t/a/m");
        assert_eq!(join("", "/t/a/p.json"), "/t/a/p.json");
        assert_eq!(join("t", "/t/../a"), "/a");
    }
}
