//! Explicit files (pre-commit passes the staged ones) still need their neighbours for
//! cross-file rules: a bucket's public-access block lives in another `.tf` of the same
//! module, a namespace's quota in another manifest of the same app. Those neighbours are
//! read as model context; findings are reported only for the files asked about.

use gatepost::discover::{self, Format};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// How deep below an app's directory manifests are looked for.
const MANIFEST_DEPTH: usize = 4;

/// The files to load besides `files` so that cross-file rules see the whole module / app.
pub fn neighbours(files: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = BTreeSet::new();
    for f in files {
        let display = f.to_string_lossy().replace('\\', "/");
        let dir = match f.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        match discover::classify(&display) {
            Format::Terraform | Format::TfVars => {
                for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                    let p = e.path();
                    let name = p.to_string_lossy().replace('\\', "/");
                    let tf = matches!(
                        discover::classify(&name),
                        Format::Terraform | Format::TfVars
                    );
                    if tf && p.is_file() {
                        out.insert(p);
                    }
                }
            }
            Format::Manifest => {
                let app = discover::app_of(&display);
                let root = if app == "." {
                    Path::new(".")
                } else {
                    Path::new(&app)
                };
                let walk = ignore::WalkBuilder::new(root)
                    .hidden(false)
                    .require_git(false)
                    .max_depth(Some(MANIFEST_DEPTH))
                    .build();
                for e in walk.flatten() {
                    let name = e.path().to_string_lossy().replace('\\', "/");
                    if e.file_type().is_some_and(|t| t.is_file())
                        && discover::classify(&name) == Format::Manifest
                        && !name.contains("/.git/")
                    {
                        out.insert(e.path().to_path_buf());
                    }
                }
            }
            _ => {}
        }
    }
    for f in files {
        out.remove(f);
    }
    out.into_iter().collect()
}
