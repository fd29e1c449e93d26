//! Profiling aid: scans one small file in-process N times (`cargo run --release --example small_scan -- FILE AS_PATH N`).
use gatepost::{scan_sources, Options, SourceFile};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("read");
    let n: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(100);
    let start = std::time::Instant::now();
    let mut findings = 0;
    for _ in 0..n {
        let r = scan_sources(
            vec![SourceFile {
                path: args[2].clone(),
                bytes: bytes.clone(),
            }],
            &Options::default(),
        );
        findings += r.findings.len();
    }
    eprintln!(
        "{n} scans, {findings} findings, {:?} each",
        start.elapsed() / n as u32
    );
}
