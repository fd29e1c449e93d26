//! Shared driving code for the fuzz targets.
use gatepost::scan::model_sources;
use gatepost::{scan_sources, Options, SourceFile};

/// Splits `split_files` input into files.
pub const SEPARATOR: u8 = 0xFF;

/// Paths a file may take, chosen by its first byte: each routes to a different parser.
const PATHS: [&str; 5] = [
    "m/main.tf",
    "k8s/app.yaml",
    ".github/workflows/ci.yml",
    "m/.env",
    ".gitlab-ci.yml",
];

/// Scans the given files and checks the one invariant every report keeps: each finding is
/// located inside a scanned file.
pub fn scan_files(files: Vec<SourceFile>) {
    let texts = texts(&files);
    let report = scan_sources(files, &options());
    for f in &report.findings {
        assert!(f.line >= 1 && f.column >= 1, "unlocated finding: {f:?}");
        if let Some((_, text)) = texts.iter().find(|(p, _)| *p == f.file) {
            assert!(
                inside(text, f.line, f.column),
                "finding outside its file: {f:?}"
            );
        }
    }
}

/// Each file's path and text, as the scan reads it (invalid UTF-8 replaced).
fn texts(files: &[SourceFile]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|f| {
            (
                f.path.clone(),
                String::from_utf8_lossy(&f.bytes).into_owned(),
            )
        })
        .collect()
}

/// Is (line, column) a position in `text`: one of its LF lines, at most one past that
/// line's last character (the CR of a CRLF not counted; a lone CR, even last, is one)?
fn inside(text: &str, line: u32, column: u32) -> bool {
    let mut lines = text.split('\n');
    let Some(l) = lines.nth(line.saturating_sub(1) as usize) else {
        return false;
    };
    let ends_in_lf = lines.next().is_some();
    let l = if ends_in_lf { l.strip_suffix('\r').unwrap_or(l) } else { l };
    line >= 1 && column >= 1 && column as usize <= l.chars().count() + 1
}

/// Builds the normalized model of the given files (every parser, the normalizer and its
/// cross-file links; no rule) and checks that every resource points into an input file.
pub fn model_files(files: Vec<SourceFile>) {
    let texts = texts(&files);
    let report = model_sources(files, &options());
    for r in &report.resources {
        assert!(
            r.line >= 1 && r.column >= 1,
            "unlocated resource: {}",
            r.address
        );
        if let Some((_, text)) = texts.iter().find(|(p, _)| **p == *r.file) {
            assert!(
                inside(text, r.line, r.column),
                "resource {} outside its file at {}:{}",
                r.address,
                r.line,
                r.column
            );
        }
        assert!(
            texts.iter().any(|(p, _)| **p == *r.file) || r.file.is_empty(),
            "resource {} in a file that was not scanned: {}",
            r.address,
            r.file
        );
    }
    let _ = report.model_json();
}

pub fn scan_one(path: &str, data: &[u8]) {
    scan_files(vec![SourceFile {
        path: path.into(),
        bytes: data.to_vec(),
    }]);
}

/// Up to four files separated by 0xFF; each part's first byte picks its path (the byte is dropped).
pub fn split_files(data: &[u8]) -> Vec<SourceFile> {
    data.split(|&b| b == SEPARATOR)
        .take(4)
        .enumerate()
        .filter_map(|(i, part)| {
            let (&kind, body) = part.split_first()?;
            let path = PATHS[kind as usize % PATHS.len()];
            // Distinct directories so two parts of one kind are two files, not one path twice.
            Some(SourceFile {
                path: format!("f{i}/{path}"),
                bytes: body.to_vec(),
            })
        })
        .collect()
}

fn options() -> Options {
    let mut opts = Options::default();
    // A slow rule is a finding of its own (hostile_inputs covers the limit); keep execs short.
    opts.limits.eval_time = std::time::Duration::from_secs(2);
    opts
}
