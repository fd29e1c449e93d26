//! Terraform's JSON syntax (`.tf.json`) rewritten as native HCL, so it goes through the same
//! evaluation. Each attribute and block header is placed on the line it has in the JSON file,
//! so findings point at the right line (columns are those of the rewrite).
//!
//! Without provider schemas an object value cannot be told from a single nested block: an
//! array of objects becomes nested blocks (the model's shape for both), an object stays an
//! object attribute (`tags`). Strings are templates, as Terraform reads them; a string that
//! is exactly one `${expr}` is the expression itself, so `count = "${var.n}"` stays a number.

use crate::model::pointer_token;
use crate::parse::yaml::{self, LocatedDoc};
use serde_json::{Map, Value};

/// Rewrite a `.tf.json` document as HCL text; `Err` with a located message when it is not
/// a JSON object.
pub fn to_hcl(text: &str, limits: yaml::Limits) -> Result<String, (u32, u32, String)> {
    let docs = yaml::parse_stream(text, limits).map_err(|e| (e.line, e.column, e.message))?;
    let doc = docs.first().ok_or((1, 1, "empty document".to_string()))?;
    let Value::Object(top) = &doc.value else {
        return Err((
            doc.line,
            doc.column,
            "a .tf.json file holds one JSON object".into(),
        ));
    };
    let mut w = Writer {
        doc,
        out: String::new(),
        line: 1,
    };
    for (kind, v) in top {
        let p = format!("/{}", pointer_token(kind));
        match (kind.as_str(), v) {
            ("resource" | "data", Value::Object(types)) => {
                for (t, names) in types {
                    let tp = format!("{p}/{}", pointer_token(t));
                    for (n, body) in objects(names) {
                        let np = format!("{tp}/{}", pointer_token(n));
                        w.block(&np, &format!("{kind} {} {}", quote(t), quote(n)), body);
                    }
                }
            }
            ("variable" | "output" | "module", Value::Object(items)) => {
                for (n, body) in items {
                    let np = format!("{p}/{}", pointer_token(n));
                    w.block(&np, &format!("{kind} {}", quote(n)), body);
                }
            }
            ("provider", Value::Object(items)) => {
                for (n, body) in items {
                    let np = format!("{p}/{}", pointer_token(n));
                    match body {
                        Value::Array(list) => {
                            for (i, b) in list.iter().enumerate() {
                                w.block(&format!("{np}/{i}"), &format!("provider {}", quote(n)), b);
                            }
                        }
                        b => w.block(&np, &format!("provider {}", quote(n)), b),
                    }
                }
            }
            ("locals", Value::Object(_)) => w.block(&p, "locals", v),
            ("locals", Value::Array(list)) => {
                for (i, b) in list.iter().enumerate() {
                    w.block(&format!("{p}/{i}"), "locals", b);
                }
            }
            _ => {} // terraform, moved, import, comments: nothing rules read
        }
    }
    Ok(w.out)
}

/// `{"name": {...}}` or `{"name": [{...}]}` (the array form Terraform also accepts).
fn objects(v: &Value) -> Vec<(&String, &Value)> {
    let Value::Object(m) = v else {
        return Vec::new();
    };
    m.iter()
        .map(|(k, v)| match v {
            Value::Array(a) if a.len() == 1 => (k, &a[0]),
            _ => (k, v),
        })
        .collect()
}

struct Writer<'d> {
    doc: &'d LocatedDoc,
    out: String,
    line: u32,
}

impl Writer<'_> {
    /// Move to the JSON line and column of `ptr` (never backwards), so positions in the
    /// rewrite are positions in the JSON file.
    fn goto(&mut self, ptr: &str) {
        let Some(at) = self.doc.spans.get(ptr) else {
            return;
        };
        while self.line < at.line {
            self.out.push('\n');
            self.line += 1;
        }
        if self.line == at.line && (self.out.is_empty() || self.out.ends_with('\n')) {
            self.out.extend(std::iter::repeat_n(
                ' ',
                at.column.saturating_sub(1) as usize,
            ));
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        self.line += 1;
    }

    fn block(&mut self, ptr: &str, header: &str, body: &Value) {
        self.goto(ptr);
        self.out.push_str(header);
        self.out.push_str(" {");
        self.newline();
        if let Value::Object(m) = body {
            self.body(ptr, m);
        }
        self.out.push('}');
        self.newline();
    }

    fn body(&mut self, ptr: &str, m: &Map<String, Value>) {
        for (k, v) in m {
            if k == "//" {
                continue;
            }
            let p = format!("{ptr}/{}", pointer_token(k));
            match v {
                Value::Object(d) if k == "dynamic" => {
                    for (name, spec) in d {
                        let np = format!("{p}/{}", pointer_token(name));
                        self.block(&np, &format!("dynamic {}", quote(name)), spec);
                    }
                }
                Value::Object(c) if k == "content" || k == "lifecycle" => {
                    self.goto(&p);
                    self.out.push_str(&format!("{k} {{"));
                    self.newline();
                    self.body(&p, c);
                    self.out.push('}');
                    self.newline();
                }
                Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_object) => {
                    for (i, it) in items.iter().enumerate() {
                        self.block(&format!("{p}/{i}"), &ident(k), it);
                    }
                }
                _ => {
                    self.goto(&p);
                    self.out.push_str(&format!("{} = {}", ident(k), expr(v)));
                    self.newline();
                }
            }
        }
    }
}

fn ident(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        k.to_string()
    } else {
        quote(k)
    }
}

/// A JSON value as a one-line HCL expression.
fn expr(v: &Value) -> String {
    match v {
        Value::String(s) => template(s),
        Value::Array(a) => format!("[{}]", a.iter().map(expr).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => format!(
            "{{ {} }}",
            o.iter()
                .map(|(k, v)| format!("{} = {}", quote(k), expr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}

/// A JSON string is a template; one that is exactly `${expr}` is the expression itself.
fn template(s: &str) -> String {
    if let Some(inner) = s.strip_prefix("${").and_then(|r| r.strip_suffix('}')) {
        if !inner.contains("${") && hcl_edit::parser::parse_expr(inner).is_ok() {
            return format!("({})", inner.trim());
        }
    }
    quote(s)
}

/// An HCL quoted string with the same template content (`${` and `%{` kept).
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A `.tfvars.json` file as HCL attributes (values are literal, not templates).
pub fn vars_to_hcl(text: &str, limits: yaml::Limits) -> Result<String, (u32, u32, String)> {
    let docs = yaml::parse_stream(text, limits).map_err(|e| (e.line, e.column, e.message))?;
    let doc = docs.first().ok_or((1, 1, "empty document".to_string()))?;
    let Value::Object(m) = &doc.value else {
        return Err((
            doc.line,
            doc.column,
            "a .tfvars.json file holds one JSON object".into(),
        ));
    };
    let mut w = Writer {
        doc,
        out: String::new(),
        line: 1,
    };
    for (k, v) in m {
        w.goto(&format!("/{}", pointer_token(k)));
        w.out.push_str(&format!("{} = {}", ident(k), literal(v)));
        w.newline();
    }
    Ok(w.out)
}

/// A JSON value as an HCL literal: `${` in strings escaped so nothing is interpolated.
fn literal(v: &Value) -> String {
    match v {
        Value::String(s) => quote(s).replace("${", "$${").replace("%{", "%%{"),
        Value::Array(a) => format!("[{}]", a.iter().map(literal).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => format!(
            "{{ {} }}",
            o.iter()
                .map(|(k, v)| format!("{} = {}", quote(k), literal(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}
