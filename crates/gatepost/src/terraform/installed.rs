//! Modules `terraform init` installed under a root's `.terraform/modules/`. Discovery skips
//! `.terraform` directories, so when scanning paths on disk the Terraform stage reads the
//! manifest and the module directories it names directly.

use std::path::Path;

const MAX_BYTES: u64 = 4 << 20;

/// For each root directory (display paths, as discovered), the manifest and the `.tf` files
/// of every directory it lists, as (path, contents). Missing or unreadable files are skipped.
pub fn read_installed<'d>(dirs: impl IntoIterator<Item = &'d str>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in dirs {
        let manifest = super::tree::join(dir, ".terraform/modules/modules.json");
        let Some(text) = read(&manifest) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let mods = v
            .get("Modules")
            .and_then(|m| m.as_array())
            .cloned()
            .unwrap_or_default();
        out.push((manifest, text));
        for m in mods {
            let Some(rel) = m.get("Dir").and_then(|d| d.as_str()) else {
                continue;
            };
            let mdir = super::tree::join(dir, rel);
            // Local modules are scanned already; only what init downloaded is read here.
            if !mdir.contains(".terraform/") {
                continue;
            }
            let Ok(entries) = std::fs::read_dir(disk(&mdir)) else {
                continue;
            };
            let mut names: Vec<String> = entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tf"))
                .collect();
            names.sort();
            for n in names {
                let p = format!("{mdir}/{n}");
                if let Some(t) = read(&p) {
                    out.push((p, t));
                }
            }
        }
    }
    out
}

fn disk(p: &str) -> &Path {
    Path::new(if p.is_empty() { "." } else { p })
}

fn read(p: &str) -> Option<String> {
    let path = disk(p);
    if std::fs::metadata(path).ok()?.len() > MAX_BYTES {
        return None;
    }
    std::fs::read_to_string(path).ok()
}
