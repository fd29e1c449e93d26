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

/// `hcl` target, long run: 693 bytes with 24 object constructors never closed took seconds
/// to refuse (4.7 s in a release build), time growing about 1.7× per unclosed `{`, as the
/// parser backtracked through every nesting level. Brackets never closed are now refused
/// before parsing, with the opening one located.
#[test]
fn unclosed_nested_objects_are_refused_quickly() {
    let text = include_str!("fuzz_crashes/hcl-timeout-unclosed-objects.tf");
    let start = std::time::Instant::now();
    let r = scan("m/main.tf", text.as_bytes());
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
