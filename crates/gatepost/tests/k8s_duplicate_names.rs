//! Kubernetes objects with the same kind, namespace and name in several files of one
//! directory (and twice in one file) are distinct objects: each finding lands on its own
//! file and line, whether the directory or one of its files is scanned.

use gatepost::{scan_sources, Options, Report, SourceFile};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../testdata/k8s/duplicate-names"
);

fn sources() -> Vec<SourceFile> {
    ["a.yaml", "b.yaml"]
        .iter()
        .map(|n| SourceFile {
            path: format!("app/{n}"),
            bytes: std::fs::read(format!("{DIR}/{n}")).unwrap(),
        })
        .collect()
}

fn scan(only: Option<&str>) -> Report {
    let mut opts = Options {
        enabled: vec!["k8s-privileged-container".into()],
        ..Options::default()
    };
    opts.filters.only_paths = only.map(|p| vec![p.to_string()]);
    scan_sources(sources(), &opts)
}

fn located(r: &Report) -> Vec<(String, u32, String)> {
    let mut v: Vec<_> = r
        .findings
        .iter()
        .map(|f| (f.file.clone(), f.line, f.address.clone()))
        .collect();
    v.sort();
    v
}

#[test]
fn same_named_deployments_keep_their_own_findings() {
    let r = scan(None);
    assert_eq!(
        located(&r),
        vec![
            (
                "app/a.yaml".into(),
                15,
                "app/a.yaml:apps/v1/Deployment/shop/web".into()
            ),
            (
                "app/b.yaml".into(),
                15,
                "app/b.yaml:apps/v1/Deployment/shop/web#1".into()
            ),
            (
                "app/b.yaml".into(),
                29,
                "app/b.yaml:apps/v1/Deployment/shop/web#2".into()
            ),
        ]
    );
    // A name used once keeps its plain address.
    assert!(r
        .resources
        .iter()
        .any(|x| x.address == "v1/Service/shop/web" && &*x.file == "app/b.yaml"));
}

#[test]
fn one_file_scanned_with_its_neighbours_keeps_its_findings() {
    let all = located(&scan(None));
    for file in ["app/a.yaml", "app/b.yaml"] {
        let want: Vec<_> = all.iter().filter(|f| f.0 == file).cloned().collect();
        assert_eq!(located(&scan(Some(file))), want, "{file}");
    }
}
