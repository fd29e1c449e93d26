//! Is the value after a credential key a real credential? Length, character classes,
//! entropy and the decoy rules decide; the key's words only set how strict to be.

use super::{Class, Key};
use crate::secrets::decoys;
use crate::secrets::entropy::{self, Classes};

pub(super) fn php_bareword(b: &[u8], key_start: usize, v: &str, ve: usize) -> bool {
    key_start > 0
        && b[key_start - 1] == b'$'
        && b.get(ve) == Some(&b';')
        && v.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// `name.attr`, `db1.result`: two or more identifier parts joined by `.`.
pub(super) fn member_chain(v: &str) -> bool {
    v.contains('.')
        && v.split('.').all(|p| {
            p.bytes()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
                && p.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
        })
}

/// A quoted passphrase: a password-like literal that is not a resource name
/// (`my-jwt-secret`, `app_secret`), i.e. it has a character outside `[a-z0-9._-]`.
pub(super) fn passphrase_ok(v: &str) -> bool {
    password_ok(v, true, false)
        && !v.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

fn common_rejects(v: &str) -> bool {
    decoys::is_placeholder(v)
        || decoys::has_filler_segment(v)
        || decoys::is_slug(v)
        || decoys::is_decoy_word(v)
        || decoys::has_long_sequence(v, 16)
        || decoys::is_reference(v)
        || decoys::looks_like_code(v)
        || decoys::is_env_name(v)
}

pub(super) fn password_ok(v: &str, quoted: bool, code_assign: bool) -> bool {
    let n = v.chars().count();
    if !(6..=200).contains(&n) || common_rejects(v) {
        return false;
    }
    if v.matches(' ').count() > 2 {
        return false; // prose, not a password
    }
    if !quoted {
        // `password = other_variable` in code is an expression; `PASSWORD=x` in .env is a value.
        if code_assign || v.contains(' ') {
            return false;
        }
    }
    if v.starts_with(['@', '/', '#', '.', '+', '&'])
        || decoys::is_path_like(v)
        || v.starts_with("arn:")
    {
        return false;
    }
    // `edit_password`, `open_sesame`: snake_case identifiers (route names, symbols).
    let snake = v.contains('_') && v.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    !snake
}

pub(super) fn token_ok(v: &str, quoted: bool, code_assign: bool, key: &Key, class: Class) -> bool {
    let n = v.chars().count();
    let min = if class == Class::VendorOnly { 14 } else { 12 };
    if n < min || n > 1024 || decoys::is_path_like(v) || decoys::is_host_name(v) {
        return false;
    }
    if vendor_context_ok(v, key, class) {
        return true;
    }
    // Without a product name in the key, hand-typed runs (`abcdefg12346…`) are filler.
    if common_rejects(v)
        || class != (Class::Secret { vendor: true }) && decoys::mostly_typed_runs(v)
    {
        return false;
    }
    if !quoted && code_assign && v.chars().all(|c| c.is_ascii_alphabetic() || c == '_') {
        return false;
    }
    let lower = v.to_ascii_lowercase();
    if [
        "sha1:", "sha256:", "sha512:", "sha256-", "sha384-", "sha512-", "md5:", "h1:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return false;
    }
    if entropy::is_uuid(v) {
        // UUIDs are identifiers unless a vendor's credential name (Heroku, …), an API key's
        // name (`X-Api-Key: <uuid>`) or a bare vendor name (`ai21 = <uuid>`) says otherwise.
        // RFC 4122's example UUID (`123e4567-e89b-…`) stays a placeholder on the new paths.
        if key.cred && key.vendor {
            return !v.starts_with("00000000");
        }
        let named = key.cred && key.api || class == Class::VendorOnly;
        return named
            && !v.starts_with("00000000")
            && !v.starts_with("123e4567-e89b")
            && !decoys::mostly_typed_runs(v);
    }
    let c = Classes::of(v);
    if v.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    // Short hex is usually a hash prefix or an id.
    let hex_min = 17;
    if entropy::is_hex(v) && n < hex_min {
        return false;
    }
    let mixed = (c.digit && (c.lower || c.upper)) || (c.lower && c.upper && n >= 20);
    let vendor_key = class == (Class::Secret { vendor: true });
    if !(mixed || vendor_key && single_class_random(v, c)) {
        return false;
    }
    !decoys::weak_token(v)
}

/// A vendor name and a credential word in the key (`vbout_key = …`, `karma SECRET …`)
/// tie the value to a credential so firmly that a key-shaped value is enough: one
/// token of key characters, long enough, not a placeholder, word or reference.
/// Typed-looking runs (`abcd…1234`) are accepted here, since a vendor's key name
/// in front of them is what upstream documentation and leaked configs share.
fn vendor_context_ok(v: &str, key: &Key, class: Class) -> bool {
    let n = v.chars().count();
    let strong = match class {
        Class::Secret { vendor: true } => true,
        Class::VendorOnly => key.filler_cred,
        _ => false,
    };
    if !strong || !(16..=256).contains(&n) {
        return false;
    }
    if !v
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'+' | b'/' | b'='))
    {
        return false;
    }
    if decoys::is_placeholder(v)
        || decoys::is_decoy_word(v)
        || decoys::is_reference(v)
        || decoys::looks_like_code(v)
        || decoys::is_env_name(v)
        || decoys::is_slug(v)
        // The whole value one ascending run (`abcdefghijklmnopqrstuvwxyz`): typed filler.
        || decoys::has_long_sequence(v, n)
        || entropy::is_uuid(v) && v.starts_with("00000000")
    {
        return false;
    }
    // A word or identifier (`production_bucket`), not a key: needs digits or mixed case.
    let c = Classes::of(v);
    let alnum_only = v.bytes().all(|b| b.is_ascii_alphanumeric());
    if entropy::is_hex(v) && n < 17 && !v.bytes().all(|b| b.is_ascii_digit()) {
        return false; // short hex: a hash prefix or an id more often than a key
    }
    let mut seen = [false; 128];
    v.bytes().for_each(|b| seen[(b & 0x7f) as usize] = true);
    let distinct = seen.iter().filter(|&&s| s).count();
    (c.digit || (c.lower && c.upper) || alnum_only && n >= 20)
        && distinct >= 6
        && !decoys::has_filler_segment(v)
}

/// A one-alphabet value (`[a-z]`, `[A-Z]` or digits only) long and varied enough to be
/// generated. Only trusted when the key names both a vendor and a credential word
/// (`vatlayer SECRET …`, `vbout_key = …`): elsewhere such values are words and numbers.
fn single_class_random(v: &str, c: Classes) -> bool {
    let n = v.chars().count();
    if n < 20 || c.special || v.contains(['-', '_', '.']) {
        return false;
    }
    let e = entropy::shannon(v);
    if c.digit && !c.lower && !c.upper {
        e >= 3.0
    } else {
        e >= 3.8
    }
}
