//! Per-detector confirmation checks that a regex alone cannot express.

use super::decoys;
use super::entropy::{self, Classes};

/// No extra condition beyond the shared placeholder filter.
pub(crate) fn plain(_: &str) -> bool {
    true
}

/// Random-looking token: not a placeholder, enough entropy, no obvious typing pattern.
pub(crate) fn token(v: &str) -> bool {
    !decoys::is_reference(v) && !decoys::weak_token(v) && !decoys::has_long_sequence(v, 12)
}

/// A random token or a UUID (npm's legacy tokens are UUIDs).
pub(crate) fn token_or_uuid(v: &str) -> bool {
    entropy::is_uuid(v) || token(v)
}

/// Any literal that is not a reference to a value held elsewhere (`$VAR`, `${…}`).
pub(crate) fn not_reference(v: &str) -> bool {
    !decoys::is_reference(v) && !decoys::looks_like_code(v)
}

/// An identifier given as a literal: not a reference, an expression or a type name
/// (`snowflake_user: str = None`).
pub(crate) fn identifier_literal(v: &str) -> bool {
    not_reference(v) && !decoys::is_decoy_word(v)
}

/// Must mix letters and digits (rules out identifiers such as `s.addComponentsFromRegistry`).
pub(crate) fn mixed(v: &str) -> bool {
    let c = Classes::of(v);
    c.digit && (c.lower || c.upper)
}

/// `mixed_lax`, and not every `/` segment typed by hand (`12345678901/abcdefghijk`).
pub(crate) fn mixed_untyped(v: &str) -> bool {
    mixed_lax(v) && !v.split('/').all(decoys::mostly_typed_runs)
}

pub(crate) fn mixed_lax(v: &str) -> bool {
    let c = Classes::of(v);
    (c.digit && (c.lower || c.upper)) || entropy::shannon(v) > 3.5
}

/// Slack workspace ids (`T…`, `E…`) are 9+ characters; `T1234/B5678/abcdefgh…` is a
/// hand-made illustration, as is a final segment that is an ascending run or an id
/// spelled `…EXAMPLE…`.
pub(crate) fn slack_webhook(v: &str) -> bool {
    let mut segs = v.split('/').skip(2);
    let team = segs.next().unwrap_or("");
    let last = v.rsplit('/').next().unwrap_or("");
    // `T00EXAMPLE`, `A00EXAMPLE1`: ids from the documentation.
    let example = v
        .split('/')
        .any(|s| s.to_ascii_lowercase().contains("example"));
    team.len() >= 9 && !example && !decoys::has_long_sequence(last, 12)
}

/// A value named after a vendor whose credentials all have a documented shape, but
/// without that shape: another vendor's value or an illustration, not this vendor's key.
/// `key` is the lowercased text before the value on its line.
pub(crate) fn vendor_shape_mismatch(key: &str, v: &str) -> bool {
    let hex = entropy::is_hex(v);
    // Stripe keys and secrets carry a type prefix (`sk_`, `rk_`, `whsec_`), never bare hex.
    (key.contains("stripe") && hex)
        // GitHub's unprefixed OAuth client secrets are 40 hex characters.
        || (key.contains("github") && hex && v.len() != 40)
        // Calendly tokens are JWTs.
        || (key.contains("calendly") && hex)
        // Twitch stream keys are `live_<channel id>_<random>`.
        || (key.contains("twitch")
            && !v.starts_with("live_")
            && v.split_once('_').is_some_and(|(a, _)| !a.is_empty() && a.bytes().all(|b| b.is_ascii_digit())))
}

/// A generated Django key mixes letters, digits and punctuation; a sentence or a
/// snake_case name of the same length does not.
pub(crate) fn django_key(v: &str) -> bool {
    let c = Classes::of(v);
    c.lower && c.digit && c.special && !decoys::is_placeholder(v) && !decoys::is_doc_placeholder(v)
}

/// A server URL worth recording is a private deployment's, not the vendor's own public
/// site (`community.mattermost.com`).
pub(crate) fn self_hosted_url(v: &str) -> bool {
    let host = url_host(v);
    !(host == "mattermost.com" || host.ends_with(".mattermost.com"))
}

/// A self-hosted SonarQube server, not SonarCloud's public service.
pub(crate) fn self_hosted_sonar(v: &str) -> bool {
    let host = url_host(v);
    !(host == "sonarcloud.io" || host.ends_with(".sonarcloud.io") || host == "localhost")
}

/// The host of a URL (or of a bare `host[:port][/path]`), lower-cased.
fn url_host(v: &str) -> String {
    let rest = v.split("://").nth(1).unwrap_or(v);
    rest.split(['/', ':'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Minimal base64 decoder (standard and URL-safe alphabets, padding optional).
pub(crate) fn b64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            b'\r' | b'\n' | b' ' => continue,
            _ => return None,
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

fn decoded_text(s: &str) -> Option<String> {
    b64_decode(s).map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// `user:password` inside base64 (HTTP Basic, Docker `auths`).
pub(crate) fn basic_auth(v: &str) -> bool {
    match b64_decode(v) {
        Some(b) => {
            let printable = b.iter().all(|&c| (0x20..0x7f).contains(&c));
            printable
                && b.contains(&b':')
                && b[0] != b':'
                && !decoys::is_placeholder(&String::from_utf8_lossy(&b))
        }
        None => false,
    }
}

pub(crate) fn b64_google_key(v: &str) -> bool {
    decoded_text(v).is_some_and(|t| t.starts_with("AIza") && t.len() >= 39)
}

pub(crate) fn b64_private_key(v: &str) -> bool {
    decoded_text(v).is_some_and(|t| t.contains("PRIVATE KEY"))
}

/// Legacy Grafana keys are base64 JSON `{"k":"<32 chars>","n":…,"id":…}`.
pub(crate) fn grafana_legacy(v: &str) -> bool {
    let Some(t) = decoded_text(v) else {
        return false;
    };
    if decoys::is_placeholder(&t) {
        return false;
    }
    let Some(rest) = t.strip_prefix("{\"k\":\"") else {
        return false;
    };
    let k: &str = rest.split('"').next().unwrap_or("");
    (28..=36).contains(&k.len()) && !k.contains('-')
}

/// A JWT header decodes to JSON naming an algorithm or type.
pub(crate) fn jwt(v: &str) -> bool {
    let mut parts = v.split('.');
    let header = parts.next().unwrap_or("");
    let Some(h) = decoded_text(header) else {
        return false;
    };
    let h = h.to_ascii_lowercase();
    if !(h.contains("\"alg\"") || h.contains("\"typ\"") || h.contains("alg") || h.contains("kid")) {
        return false;
    }
    let sig = v.rsplit('.').next().unwrap_or("");
    // A real signature is random; `signature` or `xxxxx` is a documentation stand-in.
    !decoys::is_placeholder(sig) && entropy::shannon(sig) > 3.0
}

/// A PEM body holds real base64 key material, not `...` or a placeholder.
pub(crate) fn pem_body(v: &str) -> bool {
    let b64 = v
        .bytes()
        .filter(|b| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/')
        .count();
    let lower = v.to_ascii_lowercase();
    b64 >= 32 && !lower.contains("example") && !lower.contains("xxxxxxxx") && !lower.contains("...")
}

/// `user:pass` where the password is a literal.
pub(crate) fn user_pass(v: &str) -> bool {
    match v.split_once(':') {
        Some((u, p)) => !u.is_empty() && password_literal(p) && !decoys::is_reference(u),
        None => false,
    }
}

/// A password given as a literal (not a variable, placeholder or masked value).
pub(crate) fn password_literal(v: &str) -> bool {
    let p = strip_quotes(v);
    p.chars().count() >= 3
        && !decoys::is_placeholder(p)
        && !decoys::is_reference(p)
        && !decoys::is_env_name(p)
}

/// A literal fallback for a secret variable: not a reference, placeholder, default word,
/// slug (`dev-secret-key-for-tests`) or typed run, and varied enough to be a credential.
pub(crate) fn env_fallback(v: &str) -> bool {
    password_literal(v)
        && !decoys::is_decoy_word(v)
        && !decoys::is_slug(v)
        && !decoys::is_path_like(v)
        && !decoys::looks_like_code(v)
        && !decoys::mostly_typed_runs(v)
        && Classes::of(v).count() >= 2
        && entropy::shannon(v) >= 3.0
}

/// A quoted password in a sentence: a literal that is not a default or dictionary word.
pub(crate) fn prose_password(v: &str) -> bool {
    password_literal(v) && !decoys::is_decoy_word(v) && !decoys::looks_like_code(v)
}

fn strip_quotes(v: &str) -> &str {
    let t = v.trim();
    for (a, b) in [('"', '"'), ('\'', '\''), ('{', '}')] {
        if t.len() >= 2 && t.starts_with(a) && t.ends_with(b) {
            return &t[1..t.len() - 1];
        }
    }
    t
}

/// Password in a URI: `scheme://user:PASS@host`.
pub(crate) fn url_password(v: &str) -> bool {
    if v.chars().count() > 200 {
        return false;
    }
    let lower = v.to_ascii_lowercase();
    const DEFAULTS: &[&str] = &[
        "password", "passwd", "pass", "pwd", "pw", "guest", "changeme", "xxx", "****",
    ];
    if DEFAULTS.contains(&lower.as_str()) || lower.starts_with(':') {
        return false;
    }
    if v.starts_with('%') && !v.starts_with("%2") || v.contains("{") || v.contains('}') {
        return false;
    }
    !decoys::is_placeholder(v)
        && !decoys::is_reference(v)
        && !lower.chars().all(|c| c == '*' || c == 'x')
}

/// `# redis://user:secret@host:6379`: a URI whose password is a dictionary or default word
/// (`secret`, `admin`), on a comment line, illustrates the format. `before` is the line
/// up to the value. The same URI in live configuration is still reported.
pub(crate) fn url_password_in_context(before: &str, v: &str) -> bool {
    let t = before.trim_start();
    let comment = ["#", "//", "--", ";", "/*", "*", "<!--", "rem ", "REM "]
        .iter()
        .any(|m| t.starts_with(m));
    !(comment && decoys::is_decoy_word(v))
}

/// Password in a connection string. Quoted values are literals even when they look like
/// code; unquoted ones must not be variable names or expressions.
pub(crate) fn conn_password(v: &str) -> bool {
    let t = v.trim();
    let quoted = t.starts_with('"') || t.starts_with('\'') || t.starts_with('{');
    let p = strip_quotes(t);
    if p.is_empty() || decoys::is_reference(p) {
        return false;
    }
    let lower = p.to_ascii_lowercase();
    if [
        "changeme",
        "password",
        "xxxx",
        "****",
        "[redacted]",
        "redacted",
    ]
    .iter()
    .any(|d| lower == *d || lower.starts_with(d))
    {
        return false;
    }
    if lower.contains("your_")
        || lower.contains("_here")
        || lower.chars().all(|c| c == 'x' || c == '*')
    {
        return false;
    }
    if !quoted && (decoys::is_env_name(p) || decoys::looks_like_code(p) || p.ends_with(')')) {
        return false;
    }
    true
}
