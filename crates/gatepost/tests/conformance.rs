//! The conformance fixture set (the example app plus hostile inputs) scanned through the
//! binding entry point, in memory and from disk. The JSON it writes to
//! `target/conformance/rust.json` is what `scripts/test-bindings.sh` compares the CLI, C,
//! Python, Node and WebAssembly outputs with, byte for byte; `rust.model.json` is the
//! normalized model every surface's report gives, compared the same way (and with
//! `gatepost model`).

use std::path::{Path, PathBuf};

/// Roots of the fixture set, relative to the workspace root (paths in the report keep them).
const ROOTS: &[&str] = &["testdata/examples/where2eat", "testdata/conformance"];

fn walk(dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        let ft = e.file_type().unwrap();
        if ft.is_dir() {
            walk(&p, out);
        } else if ft.is_file() {
            out.push(p.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn in_memory_and_disk_scans_agree_and_are_recorded() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::env::set_current_dir(&root).unwrap();
    let mut files = Vec::new();
    for r in ROOTS {
        walk(Path::new(r), &mut files);
    }
    files.sort();
    let inputs: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| (f.clone(), std::fs::read(f).unwrap()))
        .collect();
    let scan = gatepost::api::scan(inputs, "{}").unwrap();
    let memory = scan.output().unwrap();
    let roots: Vec<String> = ROOTS.iter().map(|s| s.to_string()).collect();
    let from_disk = gatepost::api::scan_paths(&roots, "").unwrap();
    assert_eq!(memory, from_disk.output().unwrap());
    let model = scan.model_json();
    assert_eq!(model, from_disk.model_json());

    // The hostile inputs are reported as errors, and the example's findings survive them.
    let v: serde_json::Value = serde_json::from_str(&memory).unwrap();
    let errors: Vec<&str> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    for f in ["binary.yaml", "deep.yaml", "hostile/main.tf"] {
        assert!(
            errors.iter().any(|e| e.ends_with(f)),
            "{f} not in {errors:?}"
        );
    }
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "aws-s3-public-acl"));
    let m: serde_json::Value = serde_json::from_str(&model).unwrap();
    assert!(m["resources"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["type"] == "aws_s3_bucket"));

    let out = root.join("target/conformance");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("rust.json"), &memory).unwrap();
    std::fs::write(out.join("rust.model.json"), &model).unwrap();
}
