//! File sets for the property tests: the rule fixtures under `testdata/rules` and the example
//! app, read from disk once, plus the edits the properties apply to them.

use gatepost::{scan_sources, Options, Report, SourceFile};
use std::path::Path;
use std::sync::LazyLock;

/// Every fixture file and every file of the example app, by repository-relative path.
pub static FILES: LazyLock<Vec<SourceFile>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for dir in ["testdata/rules", "testdata/examples/where2eat"] {
        walk(&root, &root.join(dir), &mut out);
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    assert!(
        out.len() > 100,
        "fixtures not found under {}",
        root.display()
    );
    out
});

fn walk(root: &Path, dir: &Path, out: &mut Vec<SourceFile>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(root, &p, out);
        } else {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push(SourceFile {
                path: rel,
                bytes: std::fs::read(&p).unwrap(),
            });
        }
    }
}

/// The example app's files.
pub fn example_app() -> Vec<SourceFile> {
    FILES
        .iter()
        .filter(|f| f.path.starts_with("testdata/examples/"))
        .cloned()
        .collect()
}

/// The files at `picks` (indices into [`FILES`], taken modulo its length), without repeats.
pub fn pick(picks: &[usize]) -> Vec<SourceFile> {
    let mut seen = std::collections::BTreeSet::new();
    picks
        .iter()
        .map(|i| i % FILES.len())
        .filter(|i| seen.insert(*i))
        .map(|i| FILES[i].clone())
        .collect()
}

/// Options with a fixed `today`, so date rules do not depend on when the tests run.
pub fn options() -> Options {
    Options {
        config: serde_json::json!({"today": "2026-06-01"}),
        ..Options::default()
    }
}

pub fn scan(files: &[SourceFile], opts: &Options) -> Report {
    scan_sources(files.to_vec(), opts)
}

/// Fisher–Yates with a fixed generator, so a failing case replays from its seed.
pub fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let j = (seed % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// Byte offset of the start of 1-based `line` (the end of the text past the last line).
pub fn line_start(text: &str, line: u32) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line as usize - 2)
        .map(|(i, _)| i + 1)
        .unwrap_or(text.len())
}

/// Byte offset of the end of 1-based `line`, before its line break.
pub fn line_end(text: &str, line: u32) -> usize {
    let start = line_start(text, line);
    let rest = &text[start..];
    let end = rest.find('\n').map(|i| start + i).unwrap_or(text.len());
    if end > start && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}
