//! Terraform: each root module of `.tf` files becomes located resources, after static
//! evaluation of variables, tfvars, locals, `count`/`for_each`, `dynamic` blocks, IAM policy
//! documents, and the local (or `terraform init`-installed) modules it calls.

mod calls;
mod eval;
mod funcs;
pub mod installed;
pub mod json_syntax;
pub mod plan;
mod policy_doc;
mod providers;
pub mod tree;
pub mod value;
mod variables;

use crate::model::{pointer_token, Resource, Span};
use crate::parse::hcl::ParsedHcl;
use crate::parse::yaml;
use eval::{Eval, Resolver};
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Block, BlockLabel, Body, Structure};
use hcl_edit::Span as _;
use providers::link_providers;
use serde_json::{json, Map, Value};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;
pub use tree::{normalize_tree, TfError, TfTree};
use value::Val;
use variables::{declared_defaults, root_vars, NoRefs};

/// One parsed Terraform file (`.tf`) or variable file (`.tfvars`).
pub struct TfFile {
    pub path: Arc<str>,
    pub text: Arc<str>,
    pub parsed: ParsedHcl,
}

/// Inputs from outside the module: `-var` and `-var-file` equivalents.
#[derive(Debug, Clone, Default)]
pub struct TfInputs {
    /// Variable values as HCL expressions (`name`, `"a"` / `3` / `["x"]`); a value that does
    /// not parse as an expression is taken as a plain string, as Terraform does.
    pub vars: Vec<(String, String)>,
    /// `-var-file` equivalents: (path, contents), applied in order after the automatically
    /// loaded tfvars. `.json` paths are read as JSON, anything else as HCL.
    pub var_files: Vec<(String, String)>,
    /// Read `TF_VAR_*` from the environment (lowest precedence, as in Terraform). Off unless
    /// asked: a scan should not depend on the caller's shell.
    pub env_vars: bool,
    /// Files `terraform init` installed (`.terraform/modules/modules.json` and the module
    /// directories it names), as (path, contents). Only used to expand module calls; they
    /// are neither roots nor scanned for findings of their own.
    pub module_files: Vec<(String, String)>,
}

/// Normalize one module directory on its own, as a root (no module calls are followed
/// outside `files`). `var_files` are the tfvars that apply, in precedence order.
pub fn normalize_module(
    app: &str,
    module_dir: &str,
    files: &[TfFile],
    var_files: &[TfFile],
    inputs: &TfInputs,
    read_file: &dyn Fn(&str) -> Option<String>,
) -> Vec<Resource> {
    let tree = TfTree::default();
    let errors = Rc::new(RefCell::new(Vec::new()));
    let vars = root_vars(files, var_files, inputs);
    let ctx = ModuleCtx::new(
        Scope::root(app, module_dir, &tree, errors),
        files,
        vars,
        read_file,
    );
    let mut out = Vec::new();
    ctx.emit(&mut out);
    link_providers(&mut out);
    out
}

/// Where a module instance sits: its address prefix, the calls that led to it, and the
/// providers its caller passed down.
#[derive(Clone)]
struct Scope<'a> {
    app: String,
    dir: String,
    tree: &'a TfTree,
    /// The root module's directory (where `.terraform/modules/modules.json` lives).
    root_dir: String,
    /// `module.a.module.b[0].` for resources inside that instance; empty at the root.
    prefix: String,
    /// `a.b`: the key `terraform init` records the module under.
    key: String,
    /// `module.a (apps/x/main.tf:3)` for every call from the root down.
    chain: Vec<String>,
    /// Module directories from the root down, to catch call cycles.
    dirs: Vec<String>,
    /// Provider name or `name.alias` inside this module -> the root's provider reference.
    providers: HashMap<String, String>,
    errors: Rc<RefCell<Vec<TfError>>>,
}

impl<'a> Scope<'a> {
    fn root(app: &str, dir: &str, tree: &'a TfTree, errors: Rc<RefCell<Vec<TfError>>>) -> Self {
        Scope {
            app: app.to_string(),
            dir: dir.to_string(),
            tree,
            root_dir: dir.to_string(),
            prefix: String::new(),
            key: String::new(),
            chain: Vec::new(),
            dirs: vec![dir.to_string()],
            providers: HashMap::new(),
            errors,
        }
    }

    fn provider(&self, local: &str) -> String {
        self.providers
            .get(local)
            .cloned()
            .unwrap_or_else(|| local.to_string())
    }
}

struct ModuleCtx<'a> {
    scope: Scope<'a>,
    files: &'a [TfFile],
    vars: HashMap<String, Val>,
    locals: HashMap<String, (usize, &'a Expression)>,
    /// `TYPE.NAME` and `data.TYPE.NAME` -> (file, block)
    blocks: HashMap<String, (usize, &'a Block)>,
    /// `NAME` -> (file, module block)
    modules: HashMap<String, (usize, &'a Block)>,
    /// `NAME` -> (file, output value)
    outputs: HashMap<String, (usize, &'a Expression)>,
    /// Module instances by `NAME` + instance key (`a`, `a[0]`, `a["k"]`); `None` when the
    /// call cannot be expanded (remote source not installed, cycle).
    children: RefCell<HashMap<String, Option<Rc<ModuleCtx<'a>>>>>,
    memo: RefCell<HashMap<String, Val>>,
    busy: RefCell<HashSet<String>>,
    read_file: &'a dyn Fn(&str) -> Option<String>,
}

fn label(l: &BlockLabel) -> &str {
    l.as_str()
}

impl<'a> ModuleCtx<'a> {
    fn new(
        scope: Scope<'a>,
        files: &'a [TfFile],
        vars: HashMap<String, Val>,
        read_file: &'a dyn Fn(&str) -> Option<String>,
    ) -> Self {
        let mut ctx = ModuleCtx {
            scope,
            files,
            vars,
            locals: HashMap::new(),
            blocks: HashMap::new(),
            modules: HashMap::new(),
            outputs: HashMap::new(),
            children: RefCell::default(),
            memo: RefCell::default(),
            busy: RefCell::default(),
            read_file,
        };
        for (fi, f) in files.iter().enumerate() {
            for s in f.parsed.body.iter() {
                let Structure::Block(b) = s else { continue };
                let labels: Vec<&str> = b.labels.iter().map(label).collect();
                match (b.ident.value().as_str(), labels.as_slice()) {
                    ("locals", []) => {
                        for a in b.body.attributes() {
                            ctx.locals
                                .insert(a.key.value().as_str().to_string(), (fi, &a.value));
                        }
                    }
                    ("resource", [t, n]) => {
                        ctx.blocks.insert(format!("{t}.{n}"), (fi, b));
                    }
                    ("data", [t, n]) => {
                        ctx.blocks.insert(format!("data.{t}.{n}"), (fi, b));
                    }
                    ("module", [n]) => {
                        ctx.modules.insert(n.to_string(), (fi, b));
                    }
                    ("output", [n]) => {
                        if let Some(a) = b.body.get_attribute("value") {
                            ctx.outputs.insert(n.to_string(), (fi, &a.value));
                        }
                    }
                    _ => {}
                }
            }
        }
        ctx
    }

    /// Every resource, data source, provider and module call of this module instance, and
    /// of the modules it calls.
    fn emit(&self, out: &mut Vec<Resource>) {
        for (fi, f) in self.files.iter().enumerate() {
            for s in f.parsed.body.iter() {
                if let Structure::Block(b) = s {
                    self.block_resources(fi, b, out);
                }
            }
        }
    }

    fn span(&self, fi: usize, offset: Option<std::ops::Range<usize>>) -> Option<Span> {
        let f = &self.files[fi];
        offset.map(|r| f.parsed.lines.span(&f.text, r.start))
    }

    fn block_resources(&self, fi: usize, b: &Block, out: &mut Vec<Resource>) {
        let labels: Vec<&str> = b.labels.iter().map(label).collect();
        let (kind, type_, base) = match (b.ident.value().as_str(), labels.as_slice()) {
            ("resource", [t, n]) => ("terraform.resource", t.to_string(), format!("{t}.{n}")),
            ("data", [t, n]) => ("terraform.data", t.to_string(), format!("data.{t}.{n}")),
            ("module", [n]) => (
                "terraform.module",
                "module".to_string(),
                format!("module.{n}"),
            ),
            ("provider", [n]) => {
                let alias = b.body.get_attribute("alias").and_then(|a| {
                    Eval::new(&self.files[fi].text, self)
                        .eval(&a.value)
                        .to_str()
                });
                let addr = match alias {
                    Some(a) => format!("provider.{n}.{a}"),
                    None => format!("provider.{n}"),
                };
                ("terraform.provider", n.to_string(), addr)
            }
            _ => return,
        };
        let base = format!("{}{base}", self.scope.prefix);
        let f = &self.files[fi];
        let head = self.span(fi, b.ident.span()).unwrap_or(Span::new(1, 1));
        let instances = self.instances(fi, b);
        for inst in instances {
            let mut ev = Eval::new(&f.text, self);
            inst.bind(&mut ev);
            let address = format!("{base}{}", inst.suffix());
            let mut spans = BTreeMap::new();
            let mut attrs = self.eval_body(fi, &b.body, &mut ev, "", &mut spans, true);
            parse_policies(&mut attrs);
            let mut unresolved = Vec::new();
            let json_attrs = attrs.to_json("", &mut unresolved);
            let mut links = Map::new();
            if kind == "terraform.resource" || kind == "terraform.data" {
                let provider = match b.body.get_attribute("provider") {
                    Some(a) => expr_text(&f.text, &a.value),
                    None => type_.split('_').next().unwrap_or_default().to_string(),
                };
                let provider = self.scope.provider(&provider);
                links.insert("provider_ref".into(), Value::String(provider));
            }
            if !self.scope.chain.is_empty() {
                links.insert("module_chain".into(), json!(self.scope.chain));
            }
            if type_ == "aws_iam_policy_document" && kind == "terraform.data" {
                let doc = policy_doc::render(&attrs);
                let mut ignored = Vec::new();
                links.insert("document".into(), doc.to_json("", &mut ignored));
            }
            out.push(Resource {
                kind: kind.to_string(),
                type_: type_.clone(),
                address,
                app: self.scope.app.clone(),
                file: f.path.clone(),
                line: head.line,
                column: head.column,
                attrs: json_attrs,
                unresolved,
                links,
                spans,
            });
            if kind == "terraform.module" {
                let name = labels[0];
                if let Some(child) = self.child(name, &inst) {
                    let at = out.len() - 1;
                    let links = &mut out[at].links;
                    links.insert("module_dir".into(), json!(child.scope.dir));
                    if !child.scope.providers.is_empty() {
                        let sorted: BTreeMap<_, _> = child.scope.providers.iter().collect();
                        links.insert("providers".into(), json!(sorted));
                    }
                    child.emit(out);
                }
            }
        }
    }

    fn instances(&self, fi: usize, b: &Block) -> Vec<Instance> {
        let text = &self.files[fi].text;
        if let Some(c) = b.body.get_attribute("count") {
            return match Eval::new(text, self).eval(&c.value).as_f64() {
                Some(n) if n >= 0.0 => (0..(n as usize).min(10_000)).map(Instance::Count).collect(),
                _ => vec![Instance::Single],
            };
        }
        if let Some(fe) = b.body.get_attribute("for_each") {
            return match Eval::new(text, self).eval(&fe.value) {
                Val::Obj(o) => o.into_iter().map(|(k, v)| Instance::Each(k, v)).collect(),
                Val::List(l) if !l.iter().any(Val::has_unknown) => l
                    .into_iter()
                    .filter_map(|v| v.to_str().map(|k| Instance::Each(k, v)))
                    .collect(),
                _ => vec![Instance::Single],
            };
        }
        vec![Instance::Single]
    }

    /// Evaluate a block body into an object: attributes by name, nested blocks as arrays.
    fn eval_body(
        &self,
        fi: usize,
        body: &Body,
        ev: &mut Eval,
        ptr: &str,
        spans: &mut BTreeMap<String, Span>,
        top: bool,
    ) -> Val {
        let mut obj: Vec<(String, Val)> = Vec::new();
        let mut blocks: Vec<(String, Vec<Val>)> = Vec::new();
        let text = &self.files[fi].text;
        for s in body.iter() {
            match s {
                Structure::Attribute(a) => {
                    let key = a.key.value().as_str();
                    if top
                        && matches!(
                            key,
                            "count" | "for_each" | "provider" | "providers" | "depends_on"
                        )
                    {
                        continue;
                    }
                    let p = format!("{ptr}/{}", pointer_token(key));
                    if let Some(sp) = self.span(fi, a.key.span()) {
                        spans.insert(p.clone(), sp);
                    }
                    self.expr_spans(fi, &a.value, &p, spans);
                    obj.push((key.to_string(), ev.eval(&a.value)));
                }
                Structure::Block(b) if b.ident.value().as_str() == "dynamic" => {
                    let Some(name) = b.labels.first().map(label) else {
                        continue;
                    };
                    let list = entry(&mut blocks, name);
                    self.expand_dynamic(fi, b, name, ev, ptr, spans, list, text);
                }
                Structure::Block(b) => {
                    let name = b.ident.value().as_str();
                    let list = entry(&mut blocks, name);
                    let p = format!("{ptr}/{}/{}", pointer_token(name), list.len());
                    if let Some(sp) = self.span(fi, b.ident.span()) {
                        spans.insert(p.clone(), sp);
                    }
                    let v = self.eval_body(fi, &b.body, ev, &p, spans, false);
                    let v = match (b.labels.first(), v) {
                        (Some(l), Val::Obj(mut o)) => {
                            o.insert(0, ("_label".into(), Val::Str(label(l).to_string())));
                            Val::Obj(o)
                        }
                        (_, v) => v,
                    };
                    list.push(v);
                }
            }
        }
        for (k, v) in blocks {
            obj.push((k, Val::List(v)));
        }
        Val::Obj(obj)
    }

    #[allow(clippy::too_many_arguments)]
    fn expand_dynamic(
        &self,
        fi: usize,
        b: &Block,
        name: &str,
        ev: &mut Eval,
        ptr: &str,
        spans: &mut BTreeMap<String, Span>,
        list: &mut Vec<Val>,
        text: &str,
    ) {
        let iter = b
            .body
            .get_attribute("iterator")
            .map(|a| expr_text(text, &a.value))
            .unwrap_or_else(|| name.to_string());
        let Some(content) = b.body.get_blocks("content").next() else {
            return;
        };
        let items: Vec<(Val, Val)> =
            match b.body.get_attribute("for_each").map(|a| ev.eval(&a.value)) {
                Some(Val::List(l)) if !l.iter().any(Val::is_unknown) => l
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (Val::Num(i as f64), v))
                    .collect(),
                Some(Val::Obj(o)) => o.into_iter().map(|(k, v)| (Val::Str(k), v)).collect(),
                // Unknown collection: one entry whose iterator values are unknown, so rules see
                // the block's literal settings but nothing guessed.
                _ => vec![(
                    Val::Unknown(format!("{iter}.key")),
                    Val::Unknown(format!("{iter}.value")),
                )],
            };
        for (k, v) in items {
            let p = format!("{ptr}/{}/{}", pointer_token(name), list.len());
            if let Some(sp) = self.span(fi, b.ident.span()) {
                spans.insert(p.clone(), sp);
            }
            ev.bound.push((
                iter.clone(),
                Val::Obj(vec![("key".into(), k), ("value".into(), v)]),
            ));
            let val = self.eval_body(fi, &content.body, ev, &p, spans, false);
            ev.bound.pop();
            list.push(val);
        }
    }

    /// Positions of object keys and array items inside an attribute's expression, including
    /// `jsonencode({...})` arguments and heredoc JSON documents.
    fn expr_spans(&self, fi: usize, e: &Expression, ptr: &str, spans: &mut BTreeMap<String, Span>) {
        match e {
            Expression::Object(o) => {
                for (k, v) in o.iter() {
                    let key = match k {
                        ObjectKey::Ident(i) => i.value().as_str().to_string(),
                        ObjectKey::Expression(Expression::String(s)) => s.value().to_string(),
                        ObjectKey::Expression(_) => continue,
                    };
                    let p = format!("{ptr}/{}", pointer_token(&key));
                    if let Some(sp) = self.span(fi, k.span()) {
                        spans.insert(p.clone(), sp);
                    }
                    self.expr_spans(fi, v.expr(), &p, spans);
                }
            }
            Expression::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    let p = format!("{ptr}/{i}");
                    if let Some(sp) = self.span(fi, v.span()) {
                        spans.insert(p.clone(), sp);
                    }
                    self.expr_spans(fi, v, &p, spans);
                }
            }
            Expression::Parenthesis(p) => self.expr_spans(fi, p.inner(), ptr, spans),
            Expression::FuncCall(f) if f.name.name.value().as_str() == "jsonencode" => {
                if let Some(a) = f.args.iter().next() {
                    self.expr_spans(fi, a, ptr, spans);
                }
            }
            Expression::HeredocTemplate(h) => {
                let mut it = h.template.iter();
                if let (Some(hcl_edit::template::Element::Literal(l)), None) =
                    (it.next(), it.next())
                {
                    let body = l.value().trim_start();
                    if body.starts_with('{') || body.starts_with('[') {
                        if let (Some(base), Ok(docs)) = (
                            self.span(fi, l.span()),
                            yaml::parse_stream(l.value(), yaml::Limits::default()),
                        ) {
                            if let Some(d) = docs.first() {
                                for (p, s) in &d.spans {
                                    let col = if s.line == 1 {
                                        base.column + s.column - 1
                                    } else {
                                        s.column
                                    };
                                    spans.insert(
                                        format!("{ptr}{p}"),
                                        Span::new(base.line + s.line - 1, col),
                                    );
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Evaluate a named value once; a cycle evaluates to unknown.
    fn memoized(&self, key: &str, f: impl FnOnce() -> Val) -> Val {
        if let Some(v) = self.memo.borrow().get(key) {
            return v.clone();
        }
        if !self.busy.borrow_mut().insert(key.to_string()) {
            return Val::Unknown(key.to_string());
        }
        let v = f();
        self.busy.borrow_mut().remove(key);
        self.memo.borrow_mut().insert(key.to_string(), v.clone());
        v
    }
}

#[derive(Clone)]
enum Instance {
    Single,
    Count(usize),
    Each(String, Val),
}

impl Instance {
    /// `count.index` / `each.key` and `each.value` for expressions of this instance.
    fn bind(&self, ev: &mut Eval) {
        match self {
            Instance::Single => {}
            Instance::Count(i) => ev.bound.push((
                "count".into(),
                Val::Obj(vec![("index".into(), Val::Num(*i as f64))]),
            )),
            Instance::Each(k, v) => ev.bound.push((
                "each".into(),
                Val::Obj(vec![
                    ("key".into(), Val::Str(k.clone())),
                    ("value".into(), v.clone()),
                ]),
            )),
        }
    }

    /// The address suffix: ``, `[0]`, `["key"]`.
    fn suffix(&self) -> String {
        match self {
            Instance::Single => String::new(),
            Instance::Count(i) => format!("[{i}]"),
            Instance::Each(k, _) => format!("[{}]", serde_json::to_string(k).unwrap_or_default()),
        }
    }
}

fn entry<'v>(blocks: &'v mut Vec<(String, Vec<Val>)>, name: &str) -> &'v mut Vec<Val> {
    let i = match blocks.iter().position(|(k, _)| k == name) {
        Some(i) => i,
        None => {
            blocks.push((name.to_string(), Vec::new()));
            blocks.len() - 1
        }
    };
    &mut blocks[i].1
}

fn expr_text(text: &str, e: &Expression) -> String {
    e.span()
        .and_then(|r| text.get(r))
        .unwrap_or_default()
        .trim()
        .trim_matches('"')
        .to_string()
}

impl Resolver for ModuleCtx<'_> {
    fn var(&self, name: &str) -> Option<Val> {
        self.vars.get(name).cloned()
    }

    fn local(&self, name: &str) -> Option<Val> {
        let (fi, expr) = *self.locals.get(name)?;
        Some(self.memoized(&format!("local.{name}"), || {
            Eval::new(&self.files[fi].text, self).eval(expr)
        }))
    }

    fn reference(&self, parts: &[String]) -> Option<Val> {
        let (key, attr) = match parts.first().map(String::as_str) {
            Some("data") if parts.len() >= 4 => {
                (format!("data.{}.{}", parts[1], parts[2]), &parts[3..])
            }
            Some("module") => return self.module_output(parts),
            None => return None,
            Some(_) if parts.len() >= 3 => (format!("{}.{}", parts[0], parts[1]), &parts[2..]),
            _ => return None,
        };
        let (fi, b) = *self.blocks.get(&key)?;
        if b.body.has_attribute("count") || b.body.has_attribute("for_each") {
            return None;
        }
        let is_doc = key.starts_with("data.aws_iam_policy_document.");
        if is_doc && matches!(attr[0].as_str(), "json" | "minified_json") {
            return Some(self.memoized(&format!("{key}.json"), || {
                let mut ev = Eval::new(&self.files[fi].text, self);
                let attrs = self.eval_body(fi, &b.body, &mut ev, "", &mut BTreeMap::new(), true);
                policy_doc::render(&attrs)
            }));
        }
        // A configured argument of a resource is known; computed attributes (id, arn) are not.
        if key.starts_with("data.") {
            return None;
        }
        let a = b.body.get_attribute(&attr[0])?;
        let v = self.memoized(&format!("{key}.{}", attr[0]), || {
            Eval::new(&self.files[fi].text, self).eval(&a.value)
        });
        calls::walk(v, &attr[1..])
    }

    fn module_path(&self) -> String {
        if self.scope.dir.is_empty() {
            ".".into()
        } else {
            self.scope.dir.clone()
        }
    }

    fn read_file(&self, path: &str) -> Option<String> {
        // `path.module` already names the module directory; bare paths are relative to it.
        let dir = &self.scope.dir;
        let full = if dir.is_empty() || path.starts_with(&format!("{dir}/")) {
            tree::join("", path)
        } else {
            tree::join(dir, path)
        };
        (self.read_file)(&full)
    }
}

/// Policy documents written as JSON strings (heredoc, `jsonencode`, literal) become objects, so
/// every IAM rule reads one shape whatever the source form.
pub(crate) fn parse_policies(v: &mut Val) {
    match v {
        Val::Obj(o) => {
            for (k, val) in o.iter_mut() {
                if k == "policy" || k.ends_with("_policy") || k == "policy_document" {
                    if let Val::Str(s) = val {
                        let t = s.trim_start();
                        if t.starts_with('{') {
                            if let Ok(j) = serde_json::from_str::<Value>(t) {
                                *val = Val::from_json(&j);
                                continue;
                            }
                        }
                    }
                }
                parse_policies(val);
            }
        }
        Val::List(l) => l.iter_mut().for_each(parse_policies),
        _ => {}
    }
}

#[cfg(test)]
mod tests;
