//! Values that sit where secrets sit but are not secrets: documentation placeholders,
//! variable references, code expressions, hashes and identifiers.

use super::entropy;

/// Words that, inside a value, mark it as a documentation placeholder.
const PLACEHOLDER_MARKERS: &[&str] = &[
    "example",
    "xxxx",
    "your_",
    "your-",
    "yourkey",
    "yourtoken",
    "yoursecret",
    "yourpass",
    "your ",
    "<your",
    "placeholder",
    "changeme",
    "change_me",
    "change-me",
    "replace_me",
    "replace-me",
    "replaceme",
    "replace_with",
    "insert_",
    "insert-",
    "redacted",
    "dummy",
    "_here",
    "-here",
    "notreal",
    "not_real",
    "not-a-",
    "not_a_",
    "fake-",
    "fake_",
    "sample_key",
    "foobar",
    "lorem",
    "invalid",
    "<insert",
    "goes_here",
    "here_",
    "goes here",
];

/// Whole values that are defaults or dictionary words rather than credentials.
const DECOY_WORDS: &[&str] = &[
    "password",
    "passwd",
    "pass",
    "pwd",
    "secret",
    "token",
    "apikey",
    "api_key",
    "key",
    "changeme",
    "changeit",
    "password123",
    "password1",
    "admin",
    "admin123",
    "root",
    "toor",
    "guest",
    "test",
    "testing",
    "test123",
    "test1234",
    "demo",
    "default",
    "letmein",
    "qwerty",
    "123456",
    "12345678",
    "123456789",
    "1234567890",
    "null",
    "none",
    "nil",
    "undefined",
    "true",
    "false",
    "string",
    "str",
    "int",
    "integer",
    "bool",
    "boolean",
    "number",
    "any",
    "object",
    "bytes",
    "text",
    "varchar",
    "required",
    "optional",
    "empty",
    "unknown",
    "hidden",
    "secure",
    "mysecret",
    "mypassword123",
    "secretpassword",
    "your_password",
    "yourpassword",
    "s3cr3t",
    "p@ssw0rd",
    "p@ssword",
    "pa$$word",
    "passw0rd",
    "password!",
    "secret123",
];

pub(crate) fn is_placeholder(v: &str) -> bool {
    if v.is_empty() {
        return true;
    }
    let lower = v.to_ascii_lowercase();
    if PLACEHOLDER_MARKERS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    // Masked values: `****`, `••••`, `######`, `....`.
    if v.chars()
        .all(|c| matches!(c, '*' | '#' | '.' | '•' | '-' | '_' | '?' | 'x' | 'X'))
    {
        return true;
    }
    if dominated_by_one_char(v) {
        return true;
    }
    // `<token>`, `[api key goes here]`, `{{ token }}`.
    let t = v.trim();
    if (t.starts_with('<') && t.ends_with('>')) || (t.starts_with('[') && t.ends_with(']')) {
        return true;
    }
    false
}

/// For provider-prefixed formats the prefix and shape already say "credential"; only
/// unmistakable documentation values are set aside: AWS's published example keys,
/// `xxxx` runs, `<your-…>` / `your_…_here` templates and one-character fills.
pub(crate) fn is_doc_placeholder(v: &str) -> bool {
    const MARKERS: &[&str] = &[
        "iosfodnn7example",
        "examplekey",
        "xxxx",
        "your_",
        "your-",
        "<your",
        "placeholder",
        "changeme",
        "redacted",
        "insert_",
        "_here",
        "-here",
        "notreal",
        "not_real",
    ];
    let lower = v.to_ascii_lowercase();
    // `glc_EXAMPLE…`, `glsa_iNValId…`: a body that opens with the word, right after the prefix.
    let body_marked = lower
        .split(['_', '-', '.', '/', ':'])
        .any(|s| s.starts_with("example") || s.starts_with("invalid"));
    v.is_empty()
        || body_marked
        || MARKERS.iter().any(|m| lower.contains(m))
        || dominated_by_one_char(v)
}

/// Placeholder names in identifiers: `some-bucket`, `some_object` (an `example-…` host is
/// still a real-looking identifier worth recording as a fact).
pub(crate) fn is_placeholder_identifier(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    v.is_empty()
        || lower.starts_with("some-")
        || lower.starts_with("some_")
        || lower.contains("/some-")
        || lower.contains("/some_")
        || lower.contains("<")
        // A bare placeholder label (`example.cognitiveservices…`, `test.…`).
        || ["example.", "test.", "sample."].iter().any(|p| lower.starts_with(p))
        || lower.contains("xxxx")
}

/// Defaults and dictionary words (`changeme`, `admin`, `string`) used as values.
pub(crate) fn is_decoy_word(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    if DECOY_WORDS.contains(&lower.trim_matches(|c: char| !c.is_alphanumeric())) {
        return true;
    }
    // `super$ecret`, `s3cr3tp@ss`: the words themselves, spelled with symbols.
    let plain: String = lower
        .chars()
        .map(|c| match c {
            '$' | '5' => 's',
            '3' => 'e',
            '@' | '4' => 'a',
            '0' => 'o',
            '1' | '!' => 'i',
            c => c,
        })
        .collect();
    plain.len() <= 14
        && ["supersecret", "topsecret", "secretpass", "mysecret"]
            .iter()
            .any(|w| plain.contains(w))
}

/// `aaaaaaaa…`, `00000000…`: one character makes up most of the value.
fn dominated_by_one_char(v: &str) -> bool {
    let n = v.chars().count();
    if n < 6 {
        return false;
    }
    let mut counts = [0u32; 128];
    for b in v.bytes() {
        if b < 128 {
            counts[b as usize] += 1;
        }
    }
    let max = *counts.iter().max().unwrap_or(&0) as usize;
    max * 10 >= n * 6
}

/// References to a value held elsewhere: `${VAR}`, `$VAR`, `%VAR%`, `{{ .Values.x }}`,
/// `${{ secrets.X }}`, `process.env.X`, `os.environ[...]`, `var.x`, `local.x`, `$env:X`.
pub(crate) fn is_reference(v: &str) -> bool {
    // Shell quoting around a reference (`'$PRECOMPILE_PASSWORD'`) does not make it a literal.
    let t = v.trim().trim_start_matches(['\'', '"']);
    if t.starts_with('$') || t.contains("${") || t.contains("{{") || t.contains("#{") {
        return true;
    }
    if t.starts_with('%') && t.ends_with('%') && t.len() > 2 {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    const REFS: &[&str] = &[
        "process.env",
        "os.environ",
        "os.getenv",
        "getenv(",
        "env(",
        "env[",
        "env.",
        "environ[",
        "var.",
        "local.",
        "locals.",
        "data.",
        "module.",
        "settings.",
        "config.",
        "secrets.",
        "params.",
        "request.",
        "self.",
        "this.",
        "args.",
        "props.",
        "system.getenv",
        "configuration[",
        "vault:",
        "secretkeyref",
        "valuefrom",
        "!ref",
        "!sub",
        "!getatt",
        "lookup(",
        "getpassword",
        "get_password",
        "getsecret",
        "get_secret",
        "readpassword",
    ];
    // At the start, or right after an `=` (`--password=$(…)`, `Password=env.X`). Checked at
    // each `=` rather than by searching for `={r}`, which built a string per name per value.
    let starts = |s: &str| REFS.iter().any(|r| s.starts_with(r));
    starts(&lower)
        || lower
            .match_indices('=')
            .any(|(i, _)| starts(&lower[i + 1..]))
}

/// Code rather than a literal: calls, member access chains, concatenation.
pub(crate) fn looks_like_code(v: &str) -> bool {
    let t = v.trim();
    if t.contains('(') && t.ends_with(')') {
        return true;
    }
    // `google_kms_key_ring.main1.id`: a Terraform resource reference (type.name.attribute).
    let parts: Vec<&str> = t.split('.').collect();
    if parts.len() >= 3
        && parts[0].contains('_')
        && parts[0].starts_with(|c: char| c.is_ascii_lowercase())
        && parts[0]
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
        && parts[1..parts.len() - 1].iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
        })
        && parts[parts.len() - 1]
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c == b'_')
        && !parts[parts.len() - 1].is_empty()
    {
        return true;
    }
    // `a.b.c` made of identifiers (member access), not `tkn.v1_abc123…`-style tokens.
    if t.contains('.') && !t.contains(' ') {
        let parts: Vec<&str> = t.split('.').collect();
        if parts.len() >= 2
            && parts.iter().all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '[' || c == ']')
                    && p.chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                    && !p.chars().any(|c| c.is_ascii_digit())
            })
        {
            return true;
        }
    }
    false
}

/// `DB_PASSWORD`, `API_TOKEN`: the name of an environment variable, not its value.
pub(crate) fn is_env_name(v: &str) -> bool {
    v.len() >= 3
        && v.contains('_')
        && v.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && !v.chars().any(|c| c.is_ascii_digit())
}

/// Looks like a path, URL or file name.
pub(crate) fn is_path_like(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    if lower.contains("://")
        || lower.starts_with('/')
        || lower.starts_with("./")
        || lower.starts_with("~/")
    {
        return true;
    }
    // Versioned artefacts (`reporter-1.2.4.tgz`) and semver strings.
    if lower
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .any(|p| p.matches('.').count() >= 2 && p.len() >= 5)
    {
        return true;
    }
    const EXT: &[&str] = &[
        ".tgz", ".tar.gz", ".zip", ".jar", ".whl", ".json", ".js", ".ts", ".py", ".rb", ".go",
        ".rs", ".yml", ".yaml", ".toml", ".txt", ".pem", ".key", ".crt", ".html", ".png", ".jpg",
        ".svg", ".css", ".md", ".xml", ".env",
    ];
    if EXT.iter().any(|e| lower.ends_with(e)) {
        return true;
    }
    // Padded base64 (`…/wljjRuHhfuR/AMPC+kdgtL…==`) can hold word-like segments too.
    if v.ends_with('=') && !v.contains('.') && v.len() >= 40 {
        return false;
    }
    // Several slash-separated word segments: a path, not base64.
    let segs: Vec<&str> = v.split('/').collect();
    let wordy = |s: &&str| {
        s.len() >= 3
            && s.chars()
                .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '_' || c == '+')
    };
    let domain = |s: &&str| {
        s.contains('.')
            && s.chars().any(|c| c.is_ascii_alphabetic())
            && s.split('.')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    };
    segs.len() >= 2 && (segs.iter().filter(|s| wordy(s)).count() >= 2 || segs.iter().any(domain))
}

/// `tenant42.auth0.com`, `db-01.internal.example.net`: a DNS host name (lowercase labels,
/// the last one a top-level domain), a setting next to a credential, not the credential.
pub(crate) fn is_host_name(v: &str) -> bool {
    const TLDS: &[&str] = &[
        "com", "net", "org", "io", "dev", "app", "co", "ai", "cloud", "local", "internal", "us",
        "eu", "uk", "de",
    ];
    let labels: Vec<&str> = v.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let tld = labels.last().copied().unwrap_or("");
    labels.len() >= 2
        && labels.iter().all(label_ok)
        && (TLDS.contains(&tld)
            || labels.len() >= 3
                && (2..=6).contains(&tld.len())
                && tld.bytes().all(|b| b.is_ascii_lowercase()))
}

/// A long ascending run such as `abcdefghijkl` or `0123456789ab` making up at least
/// half the value: typed, not generated. A shorter run inside an otherwise random
/// value happens in real keys and does not disqualify it.
pub(crate) fn has_long_sequence(v: &str, min_run: usize) -> bool {
    let b = v.as_bytes();
    let mut run = 1;
    let mut longest = 1;
    for w in b.windows(2) {
        if w[1] == w[0].wrapping_add(1) && w[0].is_ascii_alphanumeric() {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 1;
        }
    }
    longest >= min_run && longest * 2 >= b.len()
}

/// A hand-typed filler inside a structured value: a run of 6+ identical characters
/// (`…ZZZZZZ…`), or, in a value of three or more `-`/`_` segments, a segment that is an
/// ascending run (`00QC…-ABCDEFGHIJKL-…`).
pub(crate) fn has_filler_segment(v: &str) -> bool {
    let b = v.as_bytes();
    let mut same = 1;
    for w in b.windows(2) {
        same = if w[0] == w[1] { same + 1 } else { 1 };
        if same >= 6 {
            return true;
        }
    }
    let segs: Vec<&str> = v.split(['-', '_']).collect();
    segs.len() >= 3
        && segs
            .iter()
            .any(|s| s.len() >= 8 && has_long_sequence(s, s.len()))
}

/// `ws-plugin--s2member-amazon-s3-files-access-key`: four or more `-`/`_`-joined
/// segments that are mostly plain lowercase words, i.e. a slug or element id.
pub(crate) fn is_slug(v: &str) -> bool {
    if !v
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    {
        return false;
    }
    let segs: Vec<&str> = v.split(['-', '_']).filter(|s| !s.is_empty()).collect();
    let wordy = segs
        .iter()
        .filter(|s| s.len() >= 2 && s.bytes().filter(|b| b.is_ascii_digit()).count() <= 1)
        .count();
    segs.len() >= 4 && wordy * 4 >= segs.len() * 3
}

/// Typed runs (`abcdefg12346…`, `a1b2c3d4e5f6…`) make up most of the value: ascending
/// runs of four or more, read straight or at every other position, cover 60% of it.
pub(crate) fn mostly_typed_runs(v: &str) -> bool {
    let b = v.as_bytes();
    if b.len() < 8 {
        return false;
    }
    let mut covered = vec![false; b.len()];
    for step in [1usize, 2] {
        for start in 0..step {
            let idx: Vec<usize> = (start..b.len()).step_by(step).collect();
            let mut run = 1;
            for k in 1..=idx.len() {
                let asc = k < idx.len()
                    && b[idx[k]].is_ascii_alphanumeric()
                    && b[idx[k]] == b[idx[k - 1]].wrapping_add(1);
                if asc {
                    run += 1;
                } else {
                    if run >= 4 {
                        for &i in &idx[k - run..k] {
                            covered[i] = true;
                        }
                    }
                    run = 1;
                }
            }
        }
    }
    covered.iter().filter(|&&c| c).count() * 10 >= b.len() * 6
}

/// A generic random-token check used by keyword-driven detectors.
pub(crate) fn weak_token(v: &str) -> bool {
    let n = v.chars().count();
    let e = entropy::shannon(v);
    if n < 16 {
        e < 2.8
    } else if n < 24 {
        e < 3.0
    } else {
        e < 3.2
    }
}
