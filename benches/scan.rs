//! Parse-only (read + parse + normalize) against the full scan on the synthetic Terraform
//! monorepo, so every change to the pipeline has a baseline to compare with.
//!
//! The corpus comes from `../shared/tools/gen_tf_corpus.py --resources N` (N from
//! `GATEPOST_BENCH_RESOURCES`, default 1000), generated once into `target/bench-corpus-N`.

use criterion::{criterion_group, criterion_main, Criterion};
use gatepost::{scan, Options, SourceFile};
use std::path::{Path, PathBuf};

fn corpus() -> Vec<SourceFile> {
    let n: usize = std::env::var("GATEPOST_BENCH_RESOURCES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = root.join(format!("target/bench-corpus-{n}"));
    if !out.is_dir() {
        let tool = std::env::var("GATEPOST_CORPUS_TOOL")
            .map(PathBuf::from)
            .unwrap_or_else(|_| root.join("../shared/tools/gen_tf_corpus.py"));
        let status = std::process::Command::new("python3")
            .arg(&tool)
            .args(["--resources", &n.to_string(), "--out"])
            .arg(&out)
            .status()
            .expect("python3 runs the corpus generator");
        assert!(status.success(), "corpus generator failed");
    }
    let (files, errors) = gatepost::discover::discover(&[out.as_path()], 16 << 20);
    assert!(errors.is_empty(), "{} read errors", errors.len());
    files
}

fn bench(c: &mut Criterion) {
    let files = corpus();
    let opts = Options::default();
    let mut g = c.benchmark_group("synthetic-terraform");
    g.sample_size(10);
    g.bench_function("parse-only", |b| {
        b.iter(|| scan::build_model(&files, &opts).resources.len())
    });
    g.bench_function("full-scan", |b| {
        b.iter(|| scan::scan_sources(files.clone(), &opts).findings.len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
