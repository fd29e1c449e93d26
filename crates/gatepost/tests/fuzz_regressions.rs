//! Inputs the fuzz targets (fuzz/, see FUZZING.md) once crashed on, scanned as the target did.

use gatepost::{scan_sources, Options, SourceFile};

fn scan(path: &str, bytes: &[u8]) -> gatepost::Report {
    scan_sources(
        vec![SourceFile {
            path: path.into(),
            bytes: bytes.to_vec(),
        }],
        &Options::default(),
    )
}

/// `gitlab` target: a key name right after a multi-byte character (here the replacement
/// character that invalid UTF-8 becomes) sliced the text inside that character.
#[test]
fn secret_key_name_after_multibyte_character() {
    let crash = include_bytes!("fuzz_crashes/gitlab-keyed-word-after-multibyte.gitlab-ci.yml");
    scan(".gitlab-ci.yml", crash);
    for text in [
        &b"variables:\n  \xc3ACHE_KEY: deps-v1\n"[..],
        "variables:\n  éAPI_KEY: \"q8Zt3vL0pX7rW2nK9sD4\"\n".as_bytes(),
        "token: ü_SECRET=abcdefghijklmnop1234\n".as_bytes(),
    ] {
        for path in [".gitlab-ci.yml", "app/.env", "notes.txt"] {
            let r = scan(path, text);
            assert!(r.findings.iter().all(|f| f.line >= 1 && f.column >= 1));
        }
    }
}

/// `workflow` target, 10^7 run: a flow sequence broken over lone CRs, then an expression
/// anchored in one step and aliased in the next. The YAML parser counts a lone CR as a line
/// break and the expression locator did not, so the alias's expression could not be found
/// in the source and was reported at line 0. YAML positions now follow LF lines, as every
/// other position does, and a rule's line 0 falls back to its pointer.
#[test]
fn expression_after_lone_carriage_returns_is_located() {
    let crash = include_bytes!("fuzz_crashes/workflow-lone-cr-alias-expression.yml");
    let r = scan(".github/workflows/f.yml", crash);
    let lines = crash.split(|&b| b == b'\n').count() as u32;
    let injected: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "gha-expression-in-script")
        .collect();
    assert_eq!(injected.len(), 2, "{:?}", r.findings);
    for f in &r.findings {
        assert!(f.line >= 1 && f.line <= lines && f.column >= 1, "{f:?}");
    }
    // The alias copies its expressions from where the anchor writes them (line 11).
    assert!(injected.iter().all(|f| f.line == 11), "{injected:?}");

    // Lone CRs before a value do not shift its line: one numbering per file, LF lines.
    let text = "name: ci\r\r\r\non: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"${{ github.event.issue.title }}\"\n";
    let r = scan(".github/workflows/ci.yml", text.as_bytes());
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "gha-template-injection")
        .unwrap_or_else(|| panic!("{:?}", r.findings));
    assert_eq!((f.line, f.column), (7, 24), "{f:?}");
}

/// `bytes` as `m/main.tf` give one "never closed" error, within a second.
fn assert_refused_as_never_closed_quickly(bytes: &[u8]) {
    let start = std::time::Instant::now();
    let r = scan("m/main.tf", bytes);
    assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
    assert!(
        r.errors[0].message.contains("never closed"),
        "{:?}",
        r.errors
    );
    assert!(
        start.elapsed() < std::time::Duration::from_secs(1),
        "took {:?}",
        start.elapsed()
    );
}

/// `hcl` target, long run: 693 bytes with 24 object constructors never closed took seconds
/// to refuse (4.7 s in a release build), time growing about 1.7× per unclosed `{`, as the
/// parser backtracked through every nesting level. Brackets never closed are now refused
/// before parsing, with the opening one located.
#[test]
fn unclosed_nested_objects_are_refused_quickly() {
    assert_refused_as_never_closed_quickly(include_bytes!(
        "fuzz_crashes/hcl-timeout-unclosed-objects.tf"
    ));
}

/// `hcl` target, the 10^7 run: 521 bytes whose second string opens an interpolation that is
/// never closed, with 24 `{` after it. They counted as the interpolation's own braces, so
/// the file was not refused as having brackets never closed, and the parser's backtracking
/// took 1.8 s (over 30 s instrumented). Open quotes and interpolation braces now count.
#[test]
fn braces_after_an_unclosed_interpolation_are_refused_quickly() {
    assert_refused_as_never_closed_quickly(include_bytes!(
        "fuzz_crashes/hcl-timeout-open-interpolation.tf"
    ));
}

/// `yaml` target, long run: 314 bytes of flow mappings used as keys of flow mappings, ~120
/// deep. A collection key is keyed by its JSON text, and every level of nesting doubled the
/// escaping of the level below: the scan used 13 GB in two minutes before it was stopped.
/// Collection keys are now bounded, and the file is a located parse error.
#[test]
fn nested_collection_keys_are_refused_quickly() {
    let crash = include_bytes!("fuzz_crashes/yaml-oom-nested-collection-keys.yml");
    let text = String::from_utf8_lossy(crash);
    for path in [".github/workflows/ci.yml", "k8s/app.yaml", ".gitlab-ci.yml"] {
        let start = std::time::Instant::now();
        let r = scan(path, text.as_bytes());
        assert!(
            start.elapsed() < std::time::Duration::from_secs(2),
            "{path} took {:?}",
            start.elapsed()
        );
        assert!(r.findings.iter().all(|f| f.line >= 1 && f.column >= 1));
    }
    let e = gatepost::parse::yaml::parse_stream(&text, Default::default()).unwrap_err();
    assert_eq!(e.line, 1, "{e:?}");
    // Collection keys of a reasonable size still parse, keyed by their JSON text.
    let docs =
        gatepost::parse::yaml::parse_stream("{a: 1}: x\n[b, c]: y\n", Default::default()).unwrap();
    assert_eq!(docs[0].value[r#"{"a":1}"#], "x");
    assert_eq!(docs[0].value[r#"["b","c"]"#], "y");
}

/// `model` (long run): a GitLab file of lone CRs around a `?` key. YAML reads each CR as a
/// line break; the pipeline resource is placed where the root mapping's event ends up, the
/// end of the text, which in LF lines is line 1, one past its last character (a CR). The
/// fuzz harness stripped that CR as if it ended a CRLF line and called the place outside;
/// it now strips a CR only before an LF. Here: every resource lies within the file.
#[test]
fn resource_after_lone_carriage_returns_is_inside_its_file() {
    let crash = include_bytes!("fuzz_crashes/model-gitlab-lone-cr-question-key.gitlab-ci.yml");
    let r = gatepost::scan::model_sources(
        vec![gatepost::SourceFile {
            path: ".gitlab-ci.yml".into(),
            bytes: crash.to_vec(),
        }],
        &gatepost::Options::default(),
    );
    assert!(!r.resources.is_empty());
    let chars = crash.len() as u32; // ASCII, no LF: one line
    for res in &r.resources {
        assert_eq!(res.line, 1, "{}", res.address);
        assert!(
            res.column >= 1 && res.column <= chars + 1,
            "{}:{}",
            res.address,
            res.column
        );
    }
}
