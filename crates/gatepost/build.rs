//! Embeds the bundled Rego policies (`policies/**/*.rego` at the workspace root) so every
//! surface — CLI, C ABI, Python, Node, WASM — carries the same rules with no files on disk.
//! Each rule's `# METADATA` block is read here too and embedded as JSON, so a scan does not
//! parse that YAML at start-up; a block the build cannot read is left to the runtime, which
//! reports it as it would a user's.
//! The bundled rules are also compiled here to regorus's bytecode (RVM), so a scan starts
//! from a ready program instead of parsing and analysing the Rego each run.

#[path = "src/policy/block.rs"]
mod block;
#[path = "src/parse/yaml_scalar.rs"]
mod yaml_scalar;

use saphyr_parser::{Event, Parser};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// The first document of a metadata block, or None for anything unusual (an error, an
/// alias, a complex key): the runtime parser then reads it and reports any problem.
fn metadata_json(text: &str) -> Option<String> {
    let (_, yaml) = block::metadata_block(text)?;
    let mut parser = Parser::new_from_str(&yaml);
    let mut next = move || parser.next_event().and_then(Result::ok).map(|(e, _)| e);
    loop {
        match next()? {
            Event::StreamStart | Event::Nothing => continue,
            Event::DocumentStart(_) => break,
            _ => return None,
        }
    }
    fn node<'a>(ev: Event<'a>, next: &mut dyn FnMut() -> Option<Event<'a>>) -> Option<Value> {
        match ev {
            Event::Scalar(s, style, _, tag) => Some(yaml_scalar::scalar(
                &s,
                style,
                tag.as_deref().map(|t| t.suffix.as_str()),
            )),
            Event::SequenceStart(..) => {
                let mut items = Vec::new();
                loop {
                    match next()? {
                        Event::SequenceEnd => return Some(Value::Array(items)),
                        e => items.push(node(e, next)?),
                    }
                }
            }
            Event::MappingStart(..) => {
                let mut map = Map::new();
                loop {
                    let key = match next()? {
                        Event::MappingEnd => return Some(Value::Object(map)),
                        Event::Scalar(s, ..) => s.into_owned(),
                        _ => return None,
                    };
                    let v = node(next()?, next)?;
                    if map.insert(key, v).is_some() {
                        return None;
                    }
                }
            }
            _ => None,
        }
    }
    let value = match next()? {
        Event::DocumentEnd => Value::Null,
        e => node(e, &mut next)?,
    };
    serde_json::to_string(&value).ok()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rego") {
            out.push(p);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    // In the workspace the policies live at its root; a packaged crate carries a copy.
    let root = [manifest.join("../../policies"), manifest.join("policies")]
        .into_iter()
        .find(|p| p.is_dir())
        .expect("policies/ directory");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    let mut src = String::from("&[\n");
    // (path as the runtime names it, text) of every rule and library, for the compiler.
    let mut modules = Vec::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let path = format!("policies/{rel}");
        let mut meta = None;
        if !rel.ends_with("_test.rego") {
            if let Ok(text) = std::fs::read_to_string(f) {
                meta = metadata_json(&text);
                modules.push((path.clone(), text));
            }
        }
        src.push_str(&format!(
            "    ({:?}, include_str!({:?}), {:?}),\n",
            path,
            f.canonicalize().unwrap(),
            meta
        ));
    }
    src.push_str("]\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("bundled_policies.rs"), src).unwrap();
    std::fs::write(out_dir.join("bundled_rules.rvm"), compile_rules(modules)).unwrap();
}

/// Every bundled rule's `deny`, compiled with the libraries into one bytecode program. The
/// source paths match the runtime's (`policies/...`), so messages read the same. An empty
/// file when compiling fails: the runtime then interprets the Rego (and reports the error).
fn compile_rules(modules: Vec<(String, String)>) -> Vec<u8> {
    let compiled = || -> Result<Vec<u8>, String> {
        let mut engine = regorus::Engine::new();
        engine.set_strict_builtin_errors(false);
        let mut entries = Vec::new();
        for (path, text) in modules {
            let is_lib = path.starts_with("policies/lib/");
            let package = engine.add_policy(path, text).map_err(|e| e.to_string())?;
            if !is_lib {
                entries.push(format!("{package}.deny"));
            }
        }
        let first = entries.first().ok_or("no rules")?;
        let policy = engine
            .compile_with_entrypoint(&first.as_str().into())
            .map_err(|e| e.to_string())?;
        let names: Vec<&str> = entries.iter().map(String::as_str).collect();
        regorus::languages::rego::compiler::Compiler::compile_from_policy(&policy, &names)
            .map_err(|e| e.to_string())?
            .serialize_binary()
    };
    compiled().unwrap_or_else(|e| {
        println!(
            "cargo:warning=bundled rules not compiled to bytecode (they will be interpreted): {e}"
        );
        Vec::new()
    })
}
