//! Finding the files to scan (gitignore-aware, symlinks not followed) and classifying them.

use crate::workflow::{self, Flavor};
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Terraform,
    TfVars,
    TerraformJson,
    Workflow(Flavor),
    /// YAML or JSON that may hold Kubernetes manifests; anything else in it is ignored.
    Manifest,
    /// Scanned for secrets only.
    Text,
}

pub fn classify(path: &str) -> Format {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name.ends_with(".tf") {
        Format::Terraform
    } else if name.ends_with(".tf.json") {
        Format::TerraformJson
    } else if name.ends_with(".tfvars") || name.ends_with(".tfvars.json") {
        Format::TfVars
    } else if let Some(f) = workflow::flavor(path) {
        Format::Workflow(f)
    } else if name.ends_with(".yaml") || name.ends_with(".yml") || name.ends_with(".json") {
        Format::Manifest
    } else {
        Format::Text
    }
}

/// A file to scan: its display path (as given, joined with the path below it) and bytes.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone)]
pub struct DiscoverError {
    pub path: String,
    pub message: String,
}

/// Walk directories (respecting .gitignore and friends) and take explicit files as given.
/// Files over `max_bytes` are reported, not read. (No file system walk in WebAssembly.)
#[cfg(not(target_arch = "wasm32"))]
pub fn discover(roots: &[&Path], max_bytes: u64) -> (Vec<SourceFile>, Vec<DiscoverError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut to_read = Vec::new();
    for root in roots {
        let mut walk = ignore::WalkBuilder::new(root);
        walk.follow_links(false)
            .hidden(false)
            .require_git(false)
            .parents(true);
        // `.git` itself is never scanned.
        walk.filter_entry(|e| {
            e.file_name() != ".git" && e.file_name() != ".terraform" || e.depth() == 0
        });
        for entry in walk.build() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    errors.push(DiscoverError {
                        path: root.display().to_string(),
                        message: e.to_string(),
                    });
                    continue;
                }
            };
            let Some(ft) = entry.file_type() else {
                continue;
            };
            if !ft.is_file() {
                continue;
            }
            let path = display(entry.path());
            match entry.metadata() {
                Ok(m) if m.len() > max_bytes => {
                    errors.push(DiscoverError {
                        path,
                        message: format!(
                            "file is {} bytes, over the {max_bytes}-byte limit; not scanned",
                            m.len()
                        ),
                    });
                    continue;
                }
                Err(e) => {
                    errors.push(DiscoverError {
                        path,
                        message: e.to_string(),
                    });
                    continue;
                }
                _ => {}
            }
            to_read.push((path, entry.into_path()));
        }
    }
    // Reading is one open and read per file: thousands of small files read side by side.
    let read = crate::par::map(&to_read, |(_, p)| std::fs::read(p));
    for ((path, _), read) in to_read.into_iter().zip(read) {
        match read {
            Ok(bytes) => files.push(SourceFile { path, bytes }),
            Err(e) => errors.push(DiscoverError {
                path,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    (files, errors)
}

#[cfg(not(target_arch = "wasm32"))]
fn display(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// The micro-app a file belongs to: its directory, less the conventional sub-directories
/// an app keeps its infrastructure, manifests and pipelines in.
pub fn app_of(path: &str) -> String {
    const INNER: &[&str] = &[
        "terraform",
        "infra",
        "infrastructure",
        "tf",
        "k8s",
        "kubernetes",
        "manifests",
        "deploy",
        "workflows",
        ".github",
        ".gitlab",
        "ci",
    ];
    let mut parts: Vec<&str> = path.split('/').collect();
    parts.pop();
    while parts.last().is_some_and(|p| INNER.contains(p)) {
        parts.pop();
    }
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification() {
        assert_eq!(classify("a/main.tf"), Format::Terraform);
        assert_eq!(classify("a/terraform.tfvars"), Format::TfVars);
        assert_eq!(classify("a/x.tf.json"), Format::TerraformJson);
        assert_eq!(
            classify(".github/workflows/ci.yml"),
            Format::Workflow(Flavor::GithubWorkflow)
        );
        assert_eq!(classify("k8s/deploy.yaml"), Format::Manifest);
        assert_eq!(classify("src/app.py"), Format::Text);
    }

    #[test]
    fn apps_strip_conventional_dirs() {
        assert_eq!(app_of("apps/where2eat/terraform/main.tf"), "apps/where2eat");
        assert_eq!(
            app_of("apps/where2eat/.github/workflows/ci.yml"),
            "apps/where2eat"
        );
        assert_eq!(app_of("main.tf"), ".");
    }
}
