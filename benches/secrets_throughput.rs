//! Single-threaded throughput of the native secret scan on source-like text with no
//! secrets: the repository's own Rust, Rego and Markdown sources repeated to at least
//! 50 MB and cut into files of a realistic size.
//!
//! `cargo bench -p gatepost --bench secrets_throughput`

use std::path::Path;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const TARGET_BYTES: usize = 50 << 20;

/// Every text source under `dir` with one of `exts`, skipping build output.
fn collect(dir: &Path, exts: &[&str], out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if !matches!(name, "target" | ".git" | "testdata" | "node_modules") {
                collect(&p, exts, out);
            }
        } else if exts.iter().any(|e| name.ends_with(e)) {
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push(t);
            }
        }
    }
}

/// The repository's own sources, repeated until the corpus holds `TARGET_BYTES`.
/// Test files of the secret module (which plant secrets on purpose) are left out.
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    collect(&root.join("crates"), &[".rs"], &mut files);
    collect(&root.join("policies"), &[".rego"], &mut files);
    files.retain(|f| gatepost::secrets::scan_text("probe", f).is_empty());
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

fn bench(c: &mut Criterion) {
    let files = corpus();
    let bytes: usize = files.iter().map(|f| f.len()).sum();
    // Warm the lazily built automaton and regexes outside the measurement.
    let _ = gatepost::secrets::scan_text("warm", "token = x");
    let start = Instant::now();
    let found: usize = files
        .iter()
        .map(|f| gatepost::secrets::scan_text("f.rs", f).len())
        .sum();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "secrets_throughput: {:.1} MB in {} files, {found} candidates, {:.1} MB/s single-threaded (one pass)",
        bytes as f64 / 1e6,
        files.len(),
        bytes as f64 / 1e6 / secs
    );
    let mut g = c.benchmark_group("secrets");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("scan_text/source_tree_50MB", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|f| gatepost::secrets::scan_text("f.rs", f).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
