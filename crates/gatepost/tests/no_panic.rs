//! No input makes a parser panic: random bytes and mangled real files, per format.

use gatepost::parse::{hcl, yaml};
use gatepost::{scan_sources, Options, SourceFile};
use proptest::prelude::*;

const HCL_SEED: &str = "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"${var.x}\"\n  tags = { a = [1, 2] }\n  policy = <<EOF\n{\"a\": 1}\nEOF\n}\n";
const YAML_SEED: &str = "apiVersion: v1\nkind: List\nitems:\n  - &a {kind: Pod, spec: {containers: [*a]}}\n---\nx: [1, {y: 2}]\n";

fn mangle(seed: &str, cuts: &[(usize, u8)]) -> Vec<u8> {
    let mut b = seed.as_bytes().to_vec();
    for &(i, c) in cuts {
        let i = i % (b.len() + 1);
        b.insert(i, c);
    }
    b
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn hcl_parser_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = hcl::parse(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn yaml_parser_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = yaml::parse_stream(&String::from_utf8_lossy(&bytes), yaml::Limits::default());
    }

    #[test]
    fn mangled_files_scan_without_panicking(
        cuts in proptest::collection::vec((0usize..400, prop::sample::select(b"{}[]\"$:-\n #&*<".to_vec())), 0..8)
    ) {
        let files = vec![
            SourceFile { path: "m/main.tf".into(), bytes: mangle(HCL_SEED, &cuts) },
            SourceFile { path: "m/k8s.yaml".into(), bytes: mangle(YAML_SEED, &cuts) },
            SourceFile { path: "m/.github/workflows/ci.yml".into(), bytes: mangle("on: push\njobs:\n  a:\n    steps: [{uses: x/y@v1}]\n", &cuts) },
        ];
        let r = scan_sources(files, &Options::default());
        for f in &r.findings {
            prop_assert!(f.line >= 1 && f.column >= 1);
        }
    }
}
