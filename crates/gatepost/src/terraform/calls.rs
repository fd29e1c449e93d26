//! Module calls: a `module` block whose source is a directory in the scan (or one
//! `terraform init` installed) is expanded into a child module instance, with its variables
//! bound to the caller's arguments and its outputs readable by the caller.

use super::eval::Eval;
use super::tree::TfError;
use super::value::Val;
use super::{declared_defaults, expr_text, Instance, ModuleCtx, Scope};
use crate::model::Span;
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::Span as _;
use std::collections::HashMap;
use std::rc::Rc;

/// Module nesting deeper than this is treated as a cycle.
const MAX_MODULE_DEPTH: usize = 16;

/// Arguments of a module block that are not the module's variables.
const META_ARGS: &[&str] = &[
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
];

impl<'a> ModuleCtx<'a> {
    /// The child module instance `name` + `inst`, expanded once and shared between the
    /// resources it emits and the outputs the caller reads.
    pub(super) fn child(&self, name: &str, inst: &Instance) -> Option<Rc<ModuleCtx<'a>>> {
        let key = format!("{name}{}", inst.suffix());
        if let Some(c) = self.children.borrow().get(&key) {
            return c.clone();
        }
        // Placeholder first: an argument that reads this module's own output must not recurse.
        self.children.borrow_mut().insert(key.clone(), None);
        let c = self.make_child(name, inst).map(Rc::new);
        self.children.borrow_mut().insert(key, c.clone());
        c
    }

    fn make_child(&self, name: &str, inst: &Instance) -> Option<ModuleCtx<'a>> {
        let (fi, b) = *self.modules.get(name)?;
        let f = &self.files[fi];
        let source = b
            .body
            .get_attribute("source")
            .and_then(|a| Eval::new(&f.text, self).eval(&a.value).to_str())?;
        let key = if self.scope.key.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.scope.key)
        };
        let tree = self.scope.tree;
        let dir = tree.module_dir(&self.scope.dir, &self.scope.root_dir, &key, &source)?;
        let files = tree.files(&dir)?;
        let head = self
            .span(fi, b.ident.span())
            .unwrap_or_else(|| Span::new(1, 1));
        let call = format!(
            "{}module.{name}{} ({}:{})",
            self.scope.prefix,
            inst.suffix(),
            f.path,
            head.line
        );
        if self.scope.dirs.contains(&dir) || self.scope.dirs.len() > MAX_MODULE_DEPTH {
            let mut chain = self.scope.chain.clone();
            chain.push(call);
            self.scope.errors.borrow_mut().push(TfError {
                file: f.path.to_string(),
                line: head.line,
                column: head.column,
                kind: "module".into(),
                message: format!(
                    "module \"{name}\" (source {source:?}) calls a module that is already being expanded: {}",
                    chain.join(" -> ")
                ),
            });
            return None;
        }
        // Arguments are evaluated in the caller's context, with its count/each bound.
        let mut ev = Eval::new(&f.text, self);
        inst.bind(&mut ev);
        let mut vars = declared_defaults(files);
        for a in b.body.attributes() {
            let k = a.key.value().as_str();
            if !META_ARGS.contains(&k) {
                vars.insert(k.to_string(), ev.eval(&a.value));
            }
        }
        let mut scope = Scope {
            dir: dir.clone(),
            prefix: format!("{}module.{name}{}.", self.scope.prefix, inst.suffix()),
            key,
            providers: self.child_providers(fi, b),
            ..self.scope.clone()
        };
        scope.chain.push(call);
        scope.dirs.push(dir);
        Some(ModuleCtx::new(scope, files, vars, self.read_file))
    }

    /// A child inherits the caller's default (unaliased) providers; `providers = { aws =
    /// aws.west }` maps names explicitly, in terms of the caller's own providers.
    fn child_providers(
        &self,
        fi: usize,
        b: &hcl_edit::structure::Block,
    ) -> HashMap<String, String> {
        let text = &self.files[fi].text;
        let mut map: HashMap<String, String> = self
            .scope
            .providers
            .iter()
            .filter(|(k, _)| !k.contains('.'))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if let Some(Expression::Object(o)) = b.body.get_attribute("providers").map(|a| &a.value) {
            for (k, v) in o.iter() {
                let name = match k {
                    ObjectKey::Ident(i) => i.value().as_str().to_string(),
                    ObjectKey::Expression(e) => expr_text(text, e),
                };
                map.insert(name, self.scope.provider(&expr_text(text, v.expr())));
            }
        }
        map
    }

    /// `module.NAME.OUTPUT...` or `module.NAME[KEY].OUTPUT...`: the output's value, when the
    /// module is expanded and the value is statically known.
    pub(super) fn module_output(&self, parts: &[String]) -> Option<Val> {
        let name = parts.get(1)?;
        let (fi, b) = *self.modules.get(name.as_str())?;
        let mut rest = &parts[2..];
        let instances = self.instances(fi, b);
        let inst = match rest.first().and_then(|p| p.strip_prefix('[')) {
            Some(k) => {
                let k = k.strip_suffix(']')?;
                rest = &rest[1..];
                instances.into_iter().find(|i| match i {
                    Instance::Count(n) => n.to_string() == k,
                    Instance::Each(key, _) => key == k,
                    Instance::Single => false,
                })?
            }
            None => match instances.as_slice() {
                [Instance::Single] => Instance::Single,
                _ => return None,
            },
        };
        let child = self.child(name, &inst)?;
        let out = rest.first()?;
        let (ofi, expr) = *child.outputs.get(out.as_str())?;
        let v = child.memoized(&format!("output.{out}"), || {
            Eval::new(&child.files[ofi].text, &*child).eval(expr)
        });
        walk(v, &rest[1..])
    }
}

/// Follow `attr` and `[key]` parts into a value; `None` when a part is missing or unknown.
pub(super) fn walk(mut v: Val, parts: &[String]) -> Option<Val> {
    for p in parts {
        if v.is_unknown() {
            return None;
        }
        v = match p.strip_prefix('[').and_then(|k| k.strip_suffix(']')) {
            Some(k) => match &v {
                Val::List(l) => l.get(k.parse::<usize>().ok()?)?.clone(),
                _ => v.get(k)?.clone(),
            },
            None => v.get(p)?.clone(),
        };
    }
    Some(v)
}
