//! Profiling aid with the system allocator (for valgrind's tools):
//! `small_scan FILE AS_PATH N` scans one file in-process N times; `small_scan DIR` scans a
//! directory once.
use gatepost::{scan_paths, scan_sources, Options, SourceFile};
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(first) = args.get(1) else {
        eprintln!("usage: small_scan FILE AS_PATH [N] | small_scan DIR");
        return;
    };
    if Path::new(first).is_dir() {
        let r = scan_paths(&[Path::new(first)], &Options::default());
        let json = r.to_json();
        eprintln!(
            "{} findings, {} bytes of JSON",
            r.findings.len(),
            json.len()
        );
        return;
    }
    let bytes = std::fs::read(first).expect("read");
    let path = args.get(2).cloned().unwrap_or_else(|| first.clone());
    let n: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(100);
    let start = std::time::Instant::now();
    let mut findings = 0;
    for _ in 0..n {
        let r = scan_sources(
            vec![SourceFile {
                path: path.clone(),
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
