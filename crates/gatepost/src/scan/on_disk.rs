//! Scans of files on disk: discovery, the modules `terraform init` installed, and read errors
//! joined to the report. (WebAssembly has no disk; it scans in-memory files only.)

use super::build_model::dir_of;
use super::{finish, scan_sources, Options};
use crate::discover::{self, Format, SourceFile};
use crate::report::{Report, ScanError};
use crate::terraform;
use std::path::Path;

/// Scan files and directories on disk.
pub fn scan_paths(paths: &[&Path], opts: &Options) -> Report {
    scan_discovered(discover_paths(paths, opts), opts, scan_sources)
}

/// What [`discover_paths`] found on disk, before anything is parsed.
pub struct Discovered {
    pub files: Vec<SourceFile>,
    /// Unreadable or oversized files, reported as errors of kind `read`.
    pub errors: Vec<ScanError>,
    /// Modules `terraform init` installed under `.terraform/modules/` (manifest and `.tf`
    /// files), which discovery skips.
    pub installed: Vec<(String, String)>,
}

/// Walk `roots` on disk, and read the modules `terraform init` installed beside the
/// Terraform files found.
pub fn discover_paths(roots: &[&Path], opts: &Options) -> Discovered {
    let (files, errs) = discover::discover(roots, opts.limits.max_file_bytes);
    let tf_dirs: std::collections::BTreeSet<String> = files
        .iter()
        .filter(|f| discover::classify(&f.path) == Format::Terraform)
        .map(|f| dir_of(&f.path))
        .collect();
    let installed = terraform::installed::read_installed(tf_dirs.iter().map(String::as_str));
    let errors = errs
        .into_iter()
        .map(|e| ScanError {
            file: e.path,
            line: 1,
            column: 1,
            kind: "read".into(),
            message: e.message,
        })
        .collect();
    Discovered {
        files,
        errors,
        installed,
    }
}

/// Run `scan` ([`scan_sources`] or [`model_sources`](super::model_sources)) on what was
/// discovered on disk, with the installed modules expanded. Every path-based entry
/// (library, bindings, CLI `scan`, `model`, `cost`, `baseline`) goes through here, so they
/// all see the same model.
pub fn scan_discovered(
    found: Discovered,
    opts: &Options,
    scan: fn(Vec<SourceFile>, &Options) -> Report,
) -> Report {
    let with_installed;
    let opts = if found.installed.is_empty() {
        opts
    } else {
        let mut o = opts.clone();
        o.terraform.module_files.extend(found.installed);
        with_installed = o;
        &with_installed
    };
    let mut report = scan(found.files, opts);
    let in_scope = |p: &str| {
        opts.filters.only_paths.as_ref().is_none_or(|only| {
            only.iter()
                .any(|o| o.is_empty() || o == "." || p == o || p.starts_with(&format!("{o}/")))
        })
    };
    let n = report.errors.len();
    report
        .errors
        .extend(found.errors.into_iter().filter(|e| in_scope(&e.file)));
    if report.errors.len() != n {
        finish(&mut report);
    }
    report
}
