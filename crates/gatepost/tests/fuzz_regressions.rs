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
