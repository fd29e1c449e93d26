//! A root module's input variables: declared defaults, `TF_VAR_*`, tfvars and `--var`.

use super::eval::{Eval, Resolver};
use super::value::Val;
use super::{label, tree, TfFile, TfInputs};
use hcl_edit::structure::Structure;
use std::collections::HashMap;

/// A root module's variables: declared defaults, then tfvars, var files and -var (later wins,
/// as in Terraform). `TF_VAR_*` sits between defaults and tfvars.
pub(super) fn root_vars(
    files: &[TfFile],
    var_files: &[TfFile],
    inputs: &TfInputs,
) -> HashMap<String, Val> {
    let mut vars = declared_defaults(files);
    if inputs.env_vars {
        let mut env: Vec<(String, String)> = std::env::vars()
            .filter_map(|(k, v)| Some((k.strip_prefix("TF_VAR_")?.to_string(), v)))
            .collect();
        env.sort();
        for (k, v) in env {
            vars.insert(k, cli_value(&v));
        }
    }
    for vf in var_files {
        for a in vf.parsed.body.attributes() {
            let v = Eval::new(&vf.text, &NoRefs).eval(&a.value);
            vars.insert(a.key.value().as_str().to_string(), v);
        }
    }
    for (path, text) in &inputs.var_files {
        vars.extend(tree::var_file_values(path, text));
    }
    for (k, expr) in &inputs.vars {
        vars.insert(k.clone(), cli_value(expr));
    }
    vars
}

/// A value given on the command line or in the environment: an HCL literal when it is one,
/// else the plain string (`--var env=prod`), as Terraform does for string variables.
fn cli_value(text: &str) -> Val {
    match hcl_edit::parser::parse_expr(text) {
        Ok(e) => match Eval::new(text, &NoRefs).eval(&e) {
            v if v.has_unknown() => Val::Str(text.to_string()),
            v => v,
        },
        Err(_) => Val::Str(text.to_string()),
    }
}

/// `variable` blocks: their defaults, or unknown when they have none.
pub(super) fn declared_defaults(files: &[TfFile]) -> HashMap<String, Val> {
    let mut vars = HashMap::new();
    for f in files {
        for s in f.parsed.body.iter() {
            let Structure::Block(b) = s else { continue };
            if b.ident.value().as_str() != "variable" {
                continue;
            }
            let Some(name) = b.labels.first().map(label) else {
                continue;
            };
            let v = match b.body.get_attribute("default") {
                Some(a) => Eval::new(&f.text, &NoRefs).eval(&a.value),
                None => Val::Unknown(format!("var.{name}")),
            };
            vars.insert(name.to_string(), v);
        }
    }
    vars
}

/// Resolves nothing: for variable defaults and tfvars, which may not reference anything.
pub(super) struct NoRefs;
impl Resolver for NoRefs {
    fn module_path(&self) -> String {
        ".".into()
    }
    fn read_file(&self, _: &str) -> Option<String> {
        None
    }
}
