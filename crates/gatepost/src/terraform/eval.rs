//! Static evaluation of HCL expressions: what Terraform would know before plan.
//!
//! Anything that depends on provider state (resource attributes Terraform computes, data
//! sources, module outputs) evaluates to [`Val::Unknown`] carrying its source text. Nothing is
//! guessed.

use super::funcs;
use super::value::Val;
use hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl_edit::template::{Directive, Element, Template};
use hcl_edit::Span as _;

/// Resolves the names an expression may refer to. Implemented by the module context.
/// Names resolve to nothing unless a scope says otherwise.
pub trait Resolver {
    /// `var.NAME`
    fn var(&self, _name: &str) -> Option<Val> {
        None
    }
    /// `local.NAME`
    fn local(&self, _name: &str) -> Option<Val> {
        None
    }
    /// `data.TYPE.NAME.ATTR...` or `TYPE.NAME.ATTR...`: the value if statically known.
    fn reference(&self, _parts: &[String]) -> Option<Val> {
        None
    }
    /// Module-relative path for `path.module`.
    fn module_path(&self) -> String;
    /// Read a file inside the scanned tree for `file()` / `templatefile()`.
    fn read_file(&self, path: &str) -> Option<String>;
}

/// One evaluation: the resolver plus the variables bound by `for`, `count`, `each` and
/// `dynamic` iterators, innermost last.
pub struct Eval<'a> {
    pub src: &'a str,
    pub resolver: &'a dyn Resolver,
    pub bound: Vec<(String, Val)>,
    depth: usize,
    /// Set when evaluation failed on known values (a missing key, an undeclared local):
    /// what Terraform reports as an error, which `try` and `can` may catch. An unknown that
    /// is merely not known yet leaves it unset, so `try` never guesses past it.
    errored: bool,
}

const MAX_DEPTH: usize = 200;

impl<'a> Eval<'a> {
    pub fn new(src: &'a str, resolver: &'a dyn Resolver) -> Self {
        Eval {
            src,
            resolver,
            bound: Vec::new(),
            depth: 0,
            errored: false,
        }
    }

    fn text(&self, e: &Expression) -> String {
        e.span()
            .and_then(|r| self.src.get(r))
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|| "?".to_string())
    }

    fn unknown(&self, e: &Expression) -> Val {
        Val::Unknown(self.text(e))
    }

    fn lookup_bound(&self, name: &str) -> Option<&Val> {
        self.bound
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    pub fn eval(&mut self, e: &Expression) -> Val {
        if self.depth > MAX_DEPTH {
            return self.unknown(e);
        }
        self.depth += 1;
        let v = self.eval_inner(e);
        self.depth -= 1;
        v
    }

    fn eval_inner(&mut self, e: &Expression) -> Val {
        match e {
            Expression::Null(_) => Val::Null,
            Expression::Bool(b) => Val::Bool(*b.value()),
            Expression::Number(n) => Val::Num(n.value().as_f64().unwrap_or(0.0)),
            Expression::String(s) => Val::Str(s.value().to_string()),
            Expression::Array(a) => Val::List(a.iter().map(|x| self.eval(x)).collect()),
            Expression::Object(o) => {
                let mut out = Vec::new();
                for (k, v) in o.iter() {
                    let key = match k {
                        ObjectKey::Ident(i) => i.value().as_str().to_string(),
                        ObjectKey::Expression(ke) => match self.eval(ke).to_str() {
                            Some(s) => s,
                            None => return self.unknown(e),
                        },
                    };
                    let val = self.eval(v.expr());
                    out.push((key, val));
                }
                Val::Obj(out)
            }
            Expression::StringTemplate(t) => {
                let mut s = String::new();
                for el in t.iter() {
                    if !self.element(el, &mut s) {
                        return self.unknown(e);
                    }
                }
                Val::Str(s)
            }
            Expression::HeredocTemplate(h) => match self.template(&h.template) {
                Some(s) => Val::Str(s),
                None => self.unknown(e),
            },
            Expression::Parenthesis(p) => self.eval(p.inner()),
            Expression::Variable(v) => {
                let name = v.value().as_str();
                match self.lookup_bound(name) {
                    Some(v) => v.clone(),
                    None => self.unknown(e),
                }
            }
            Expression::Conditional(c) => {
                let cond = self.eval(&c.cond_expr);
                match cond.truthy() {
                    Some(true) => self.eval(&c.true_expr),
                    Some(false) => self.eval(&c.false_expr),
                    None => {
                        let t = self.eval(&c.true_expr);
                        let f = self.eval(&c.false_expr);
                        if t == f && !t.has_unknown() {
                            t
                        } else {
                            self.unknown(e)
                        }
                    }
                }
            }
            Expression::FuncCall(f) if matches!(f.name.name.value().as_str(), "try" | "can") => {
                let outer = self.errored;
                let is_try = f.name.name.value().as_str() == "try";
                let mut result = None;
                for a in f.args.iter() {
                    self.errored = false;
                    let v = self.eval(a);
                    if !v.has_unknown() {
                        result = Some(if is_try { v } else { Val::Bool(true) });
                        break;
                    }
                    if !self.errored {
                        break; // not known yet: the fallback would be a guess
                    }
                    if !is_try {
                        result = Some(Val::Bool(false));
                        break;
                    }
                }
                self.errored = outer;
                result.unwrap_or_else(|| self.unknown(e))
            }
            Expression::FuncCall(f) => {
                let name = f.name.name.value().as_str();
                let mut args: Vec<Val> = Vec::new();
                // `try` and `can` must not evaluate eagerly into errors; unknowns suffice.
                for a in f.args.iter() {
                    args.push(self.eval(a));
                }
                if f.args.expand_final() {
                    if let Some(Val::List(last)) = args.pop() {
                        args.extend(last);
                    } else {
                        return self.unknown(e);
                    }
                }
                if name == "templatefile" {
                    return self.templatefile(&args).unwrap_or_else(|| self.unknown(e));
                }
                match funcs::call(name, args, self.resolver) {
                    Some(v) => v,
                    None => self.unknown(e),
                }
            }
            Expression::Traversal(t) => self.traversal(e, &t.expr, &t.operators),
            Expression::UnaryOp(u) => {
                let v = self.eval(&u.expr);
                match (u.operator.value(), v) {
                    (UnaryOperator::Neg, Val::Num(n)) => Val::Num(-n),
                    (UnaryOperator::Not, v) => match v.truthy() {
                        Some(b) => Val::Bool(!b),
                        None => self.unknown(e),
                    },
                    _ => self.unknown(e),
                }
            }
            Expression::BinaryOp(b) => {
                let l = self.eval(&b.lhs_expr);
                let r = self.eval(&b.rhs_expr);
                binary(*b.operator.value(), &l, &r).unwrap_or_else(|| self.unknown(e))
            }
            Expression::ForExpr(f) => self.for_expr(e, f),
        }
    }

    fn for_expr(&mut self, e: &Expression, f: &hcl_edit::expr::ForExpr) -> Val {
        let coll = self.eval(&f.intro.collection_expr);
        let Some(pairs) = key_value_pairs(coll) else {
            return self.unknown(e);
        };
        let kname = f
            .intro
            .key_var
            .as_ref()
            .map(|k| k.value().as_str().to_string());
        let vname = f.intro.value_var.value().as_str().to_string();
        let mut list = Vec::new();
        let mut obj: Vec<(String, Val)> = Vec::new();
        for (k, v) in pairs {
            let mark = self.bound.len();
            if let Some(kn) = &kname {
                self.bound.push((kn.clone(), k));
            }
            self.bound.push((vname.clone(), v));
            let keep = match &f.cond {
                Some(c) => self.eval(&c.expr).truthy(),
                None => Some(true),
            };
            let item = match keep {
                None => None,
                Some(false) => Some(None),
                Some(true) => {
                    let val = self.eval(&f.value_expr);
                    match &f.key_expr {
                        Some(ke) => self.eval(ke).to_str().map(|k| Some((Some(k), val))),
                        None => Some(Some((None, val))),
                    }
                }
            };
            self.bound.truncate(mark);
            match item {
                None => return self.unknown(e),
                Some(None) => {}
                Some(Some((None, v))) => list.push(v),
                Some(Some((Some(k), v))) => {
                    if f.grouping {
                        match obj.iter_mut().find(|(ok, _)| *ok == k) {
                            Some((_, Val::List(g))) => g.push(v),
                            _ => obj.push((k, Val::List(vec![v]))),
                        }
                    } else {
                        obj.push((k, v));
                    }
                }
            }
        }
        if f.key_expr.is_some() {
            Val::Obj(obj)
        } else {
            Val::List(list)
        }
    }

    /// `templatefile(path, vars)`: the file (inside the scanned tree) rendered with only
    /// `vars` in scope, as Terraform does; `None` when anything in it is unknown.
    fn templatefile(&mut self, args: &[Val]) -> Option<Val> {
        let [path, Val::Obj(vars)] = args else {
            return None;
        };
        let text = self.resolver.read_file(&path.to_str()?)?;
        let t = hcl_edit::parser::parse_template(&text).ok()?;
        let scope = TemplateScope(self.resolver);
        let mut ev = Eval::new(&text, &scope);
        ev.depth = self.depth;
        ev.bound = vars.clone();
        ev.template(&t).map(Val::Str)
    }

    /// Evaluate a template; `None` when any part is unknown.
    fn template(&mut self, t: &Template) -> Option<String> {
        let mut s = String::new();
        for el in t.iter() {
            if !self.element(el, &mut s) {
                return None;
            }
        }
        Some(s)
    }

    fn element(&mut self, el: &Element, out: &mut String) -> bool {
        match el {
            Element::Literal(l) => {
                out.push_str(l.value());
                true
            }
            Element::Interpolation(i) => match self.eval(&i.expr).to_str() {
                Some(s) => {
                    out.push_str(&s);
                    true
                }
                None => false,
            },
            Element::Directive(d) => match d.as_ref() {
                Directive::If(i) => match self.eval(&i.if_expr.cond_expr).truthy() {
                    Some(true) => self.template_into(&i.if_expr.template, out),
                    Some(false) => match &i.else_expr {
                        Some(e) => self.template_into(&e.template, out),
                        None => true,
                    },
                    None => false,
                },
                Directive::For(f) => {
                    let coll = self.eval(&f.for_expr.collection_expr);
                    let Some(pairs) = key_value_pairs(coll) else {
                        return false;
                    };
                    for (k, v) in pairs {
                        let mark = self.bound.len();
                        if let Some(kv) = &f.for_expr.key_var {
                            self.bound.push((kv.value().as_str().to_string(), k));
                        }
                        self.bound
                            .push((f.for_expr.value_var.value().as_str().to_string(), v));
                        let ok = self.template_into(&f.for_expr.template, out);
                        self.bound.truncate(mark);
                        if !ok {
                            return false;
                        }
                    }
                    true
                }
            },
        }
    }

    fn template_into(&mut self, t: &Template, out: &mut String) -> bool {
        match self.template(t) {
            Some(s) => {
                out.push_str(&s);
                true
            }
            None => false,
        }
    }

    fn traversal(
        &mut self,
        whole: &Expression,
        base: &Expression,
        ops: &[hcl_edit::Decorated<TraversalOperator>],
    ) -> Val {
        if let Expression::Variable(root) = base {
            let root = root.value().as_str();
            if self.lookup_bound(root).is_none() {
                // A reference: `var.x`, `local.x`, `path.module` take one name; resource, data
                // and module references take every leading attribute and index as their path.
                let single = matches!(root, "var" | "local" | "path" | "terraform");
                let mut parts = vec![root.to_string()];
                let mut used = 0;
                for op in ops {
                    if single && parts.len() == 2 {
                        break;
                    }
                    let part = match op.value() {
                        TraversalOperator::GetAttr(a) => a.value().as_str().to_string(),
                        TraversalOperator::Index(ix) if !single => match self.eval(ix).to_str() {
                            Some(s) => format!("[{s}]"),
                            None => return self.unknown(whole),
                        },
                        TraversalOperator::LegacyIndex(n) if !single => format!("[{}]", n.value()),
                        _ => break,
                    };
                    parts.push(part);
                    used += 1;
                }
                let base_val = match self.root_value(&parts) {
                    Some(v) => v,
                    None => return self.unknown(whole),
                };
                return self.apply_ops(whole, base_val, &ops[used..]);
            }
        }
        let b = self.eval(base);
        self.apply_ops(whole, b, ops)
    }

    fn root_value(&mut self, parts: &[String]) -> Option<Val> {
        let name = parts.get(1).map(String::as_str);
        match (parts[0].as_str(), name) {
            ("var" | "local", Some(n)) => {
                let v = if parts[0] == "var" {
                    self.resolver.var(n)
                } else {
                    self.resolver.local(n)
                };
                // Not declared: an error in Terraform.
                self.errored |= v.is_none();
                v
            }
            ("path", Some(_)) => Some(Val::Str(self.resolver.module_path())),
            ("terraform", Some("workspace")) => Some(Val::Str("default".into())),
            ("each" | "count", _) => None, // bound names are handled before we get here
            ("self", _) => None,
            _ => self.resolver.reference(parts),
        }
    }

    fn apply_ops(
        &mut self,
        whole: &Expression,
        mut v: Val,
        ops: &[hcl_edit::Decorated<TraversalOperator>],
    ) -> Val {
        for (i, op) in ops.iter().enumerate() {
            if v.is_unknown() {
                return self.unknown(whole);
            }
            v = match op.value() {
                TraversalOperator::GetAttr(a) => match v.get(a.value().as_str()) {
                    Some(x) => x.clone(),
                    None => {
                        self.errored = true;
                        return self.unknown(whole);
                    }
                },
                TraversalOperator::Index(ix) => {
                    let k = self.eval(ix);
                    match index(&v, &k) {
                        Some(x) => x,
                        None => {
                            self.errored |= !k.has_unknown();
                            return self.unknown(whole);
                        }
                    }
                }
                TraversalOperator::LegacyIndex(n) => {
                    match index(&v, &Val::Num(*n.value() as f64)) {
                        Some(x) => x,
                        None => {
                            self.errored = true;
                            return self.unknown(whole);
                        }
                    }
                }
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    let items = match v {
                        Val::List(l) => l,
                        Val::Null => vec![],
                        other => vec![other],
                    };
                    let rest = &ops[i + 1..];
                    let mapped: Vec<Val> = items
                        .into_iter()
                        .map(|it| self.apply_ops(whole, it, rest))
                        .collect();
                    return Val::List(mapped);
                }
            };
        }
        v
    }
}

fn index(v: &Val, k: &Val) -> Option<Val> {
    match (v, k) {
        (Val::List(l), k) => {
            let i = k.as_f64()?;
            if i < 0.0 || i.fract() != 0.0 {
                return None;
            }
            l.get(i as usize).cloned()
        }
        (Val::Obj(_), k) => v.get(&k.to_str()?).cloned(),
        _ => None,
    }
}

fn binary(op: BinaryOperator, l: &Val, r: &Val) -> Option<Val> {
    use BinaryOperator::*;
    match op {
        And | Or => {
            let (a, b) = (l.truthy(), r.truthy());
            return match (op, a, b) {
                (And, Some(false), _) | (And, _, Some(false)) => Some(Val::Bool(false)),
                (Or, Some(true), _) | (Or, _, Some(true)) => Some(Val::Bool(true)),
                (_, Some(a), Some(b)) => Some(Val::Bool(if op == And { a && b } else { a || b })),
                _ => None,
            };
        }
        _ => {}
    }
    if l.has_unknown() || r.has_unknown() {
        return None;
    }
    match op {
        Eq => Some(Val::Bool(loose_eq(l, r))),
        NotEq => Some(Val::Bool(!loose_eq(l, r))),
        _ => {
            let (a, b) = (l.as_f64()?, r.as_f64()?);
            Some(match op {
                Plus => Val::Num(a + b),
                Minus => Val::Num(a - b),
                Mul => Val::Num(a * b),
                Div if b != 0.0 => Val::Num(a / b),
                Mod if b != 0.0 => Val::Num(a % b),
                Less => Val::Bool(a < b),
                Greater => Val::Bool(a > b),
                LessEq => Val::Bool(a <= b),
                GreaterEq => Val::Bool(a >= b),
                _ => return None,
            })
        }
    }
}

fn loose_eq(l: &Val, r: &Val) -> bool {
    match (l, r) {
        (Val::Num(a), Val::Num(b)) => a == b,
        _ => l == r,
    }
}

/// What a `for` iterates: a list's (index, item) or an object's (key, value) pairs.
fn key_value_pairs(coll: Val) -> Option<Vec<(Val, Val)>> {
    match coll {
        Val::List(l) => Some(
            l.into_iter()
                .enumerate()
                .map(|(i, v)| (Val::Num(i as f64), v))
                .collect(),
        ),
        Val::Obj(o) => Some(o.into_iter().map(|(k, v)| (Val::Str(k), v)).collect()),
        _ => None,
    }
}

/// What a template file sees: its own variables, plus files and `path.module` of the caller.
struct TemplateScope<'a>(&'a dyn Resolver);

impl Resolver for TemplateScope<'_> {
    fn module_path(&self) -> String {
        self.0.module_path()
    }
    fn read_file(&self, path: &str) -> Option<String> {
        self.0.read_file(path)
    }
}
