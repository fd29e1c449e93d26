//! Profiling and timing aid with the system allocator (for valgrind's tools):
//! - `small_scan FILE AS_PATH [N]` scans one file in-process N times (default 100);
//! - `small_scan DIR` scans a directory once, as the CLI reads it;
//! - `small_scan DIR N [K]` takes the first K files the CLI would find in DIR (by path;
//!   default all) and scans them in-process N + 1 times: the first scan (a cold process) is
//!   timed apart from the mean of the other N.
use gatepost::scan::discover_paths;
use gatepost::{scan_paths, scan_sources, Options, SourceFile};
use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(first) = args.get(1) else {
        eprintln!("usage: small_scan FILE AS_PATH [N] | small_scan DIR [N [K]]");
        return;
    };
    let arg = |i: usize| args.get(i).and_then(|s| s.parse::<usize>().ok());
    if Path::new(first).is_dir() {
        match arg(2) {
            None => {
                let r = scan_paths(&[Path::new(first)], &Options::default());
                let json = r.to_json();
                eprintln!(
                    "{} findings, {} bytes of JSON",
                    r.findings.len(),
                    json.len()
                );
            }
            Some(n) => {
                let mut files = discover_paths(&[Path::new(first)], &Options::default()).files;
                files.sort_by(|a, b| a.path.cmp(&b.path));
                files.truncate(arg(3).unwrap_or(usize::MAX));
                let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
                let (cold, findings) = time(1, &files);
                let (warm, _) = time(n, &files);
                eprintln!(
                    "{} files, {bytes} bytes, {findings} findings: first scan {cold:?}, then {warm:?} each",
                    files.len()
                );
            }
        }
        return;
    }
    let bytes = std::fs::read(first).expect("read");
    let path = args.get(2).cloned().unwrap_or_else(|| first.clone());
    let n = arg(3).unwrap_or(100);
    let file = SourceFile { path, bytes };
    let (each, findings) = time(n, std::slice::from_ref(&file));
    eprintln!("{n} scans, {findings} findings, {each:?} each");
}

/// The mean time of `n` scans of `files`, and the findings of one.
fn time(n: usize, files: &[SourceFile]) -> (Duration, usize) {
    let start = Instant::now();
    let mut findings = 0;
    for _ in 0..n {
        findings = scan_sources(files.to_vec(), &Options::default())
            .findings
            .len();
    }
    (start.elapsed() / n.max(1) as u32, findings)
}
