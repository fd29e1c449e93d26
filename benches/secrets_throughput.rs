//! Single-threaded throughput of the native secret scan on source-like text with no
//! secrets, on two trees of at least 50 MB each (files with any candidate left out):
//!
//! - `own`: the repository's own Rust and Rego sources, repeated. A secret scanner's code
//!   names credentials on every other line (`password`, `token`, `secret`, vendor names), so
//!   this is the keyword-dense worst case: most lines reach the key/value walker.
//! - `third_party`: the crate sources cargo downloaded to build this workspace
//!   (`$CARGO_HOME/registry/src`): ordinary code and docs written by others.
//!
//! `cargo bench -p gatepost --bench secrets_throughput`

use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const TARGET_BYTES: usize = 50 << 20;
/// Larger files are generated or vendored data, not source.
const MAX_FILE: u64 = 1 << 20;

/// Every text file under `dir` with one of `exts`, in path order, skipping build output,
/// until `limit` bytes are collected.
fn collect(dir: &Path, exts: &[&str], out: &mut Vec<String>, total: &mut usize, limit: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if *total >= limit {
            return;
        }
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if !matches!(name, "target" | ".git" | "testdata" | "node_modules") {
                collect(&p, exts, out, total, limit);
            }
        } else if exts.iter().any(|e| name.ends_with(e))
            && p.metadata().is_ok_and(|m| m.len() <= MAX_FILE)
        {
            if let Ok(t) = std::fs::read_to_string(&p) {
                *total += t.len();
                out.push(t);
            }
        }
    }
}

/// Files without any candidate: the measure is of text with no secrets.
fn secret_free(mut files: Vec<String>) -> Vec<String> {
    files.retain(|f| gatepost::secrets::scan_text("probe", f).is_empty());
    files
}

/// The repository's own sources, repeated until the corpus holds `TARGET_BYTES`.
fn own_sources() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (mut files, mut total) = (Vec::new(), 0);
    collect(
        &root.join("crates"),
        &[".rs"],
        &mut files,
        &mut total,
        usize::MAX,
    );
    collect(
        &root.join("policies"),
        &[".rego"],
        &mut files,
        &mut total,
        usize::MAX,
    );
    let files = secret_free(files);
    assert!(!files.is_empty(), "no secret-free sources found");
    let mut out = Vec::new();
    let mut total = 0;
    while total < TARGET_BYTES {
        for f in &files {
            total += f.len();
            out.push(f.clone());
            if total >= TARGET_BYTES {
                break;
            }
        }
    }
    out
}

/// Downloaded crate sources, or nothing when cargo's registry is not where it usually is.
fn third_party_sources() -> Vec<String> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")));
    let Some(src) = home.map(|h| h.join("registry/src")) else {
        return Vec::new();
    };
    let exts = [
        ".rs", ".md", ".toml", ".py", ".js", ".c", ".h", ".json", ".yml", ".yaml",
    ];
    let (mut files, mut total) = (Vec::new(), 0);
    // Collect a little more than needed: files with candidates (test vectors) are dropped.
    collect(
        &src,
        &exts,
        &mut files,
        &mut total,
        TARGET_BYTES + (TARGET_BYTES >> 3),
    );
    secret_free(files)
}

fn measure(c: &mut Criterion, name: &str, files: &[String]) {
    let bytes: usize = files.iter().map(|f| f.len()).sum();
    let pass = || -> usize {
        files
            .iter()
            .map(|f| gatepost::secrets::scan_text("f.rs", f).len())
            .sum()
    };
    // Detector regexes compile on their first hit: one pass first, so that the timed one
    // measures scanning only.
    pass();
    let start = Instant::now();
    let found = pass();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "secrets_throughput {name}: {:.1} MB in {} files, {found} candidates, {:.1} MB/s single-threaded (one pass)",
        bytes as f64 / 1e6,
        files.len(),
        bytes as f64 / 1e6 / secs
    );
    let mut g = c.benchmark_group("secrets");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function(format!("scan_text/{name}_50MB"), |b| b.iter(pass));
    g.finish();
}

fn bench(c: &mut Criterion) {
    // A scan of this size builds the prefilter as a DFA (see `secrets::prepare`), before
    // the corpora are filtered with it.
    gatepost::secrets::prepare(TARGET_BYTES as u64);
    measure(c, "own", &own_sources());
    let third_party = third_party_sources();
    if third_party.iter().map(String::len).sum::<usize>() >= TARGET_BYTES {
        measure(c, "third_party", &third_party);
    } else {
        println!("secrets_throughput third_party: skipped, under 50 MB of crate sources found");
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
