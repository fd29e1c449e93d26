//! Keyword-driven detection for credentials without a recognisable format:
//! `password = "…"`, `API_TOKEN: …`, `mailchimp_key=…`, `bannerbear SECRET …`.
//!
//! Instead of one large regex this walks the key name piece by piece (split at
//! `_ . -` and camelCase humps), classifies each piece (credential word, filler,
//! stop word, unknown), skips separators, and only then reads a value. Values are
//! judged by entropy, character classes and decoy rules, never by keyword alone.

mod value_checks;
mod words;

use value_checks::{member_chain, passphrase_ok, password_ok, php_bareword, token_ok};
use words::{
    classify, cred_later_in_run, is_alnum, leading_product_word, names_product, piece_end,
    piece_start, prev_word_is_stop, run_all_known, Piece, Word, Words,
};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Trigger {
    /// A credential word (`secret`, `token`, `pass`…) matched by the prefilter.
    Word,
    /// A vendor or product name.
    Vendor,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Class {
    Password,
    /// Key name holds a credential word; `vendor` when a vendor name is part of the key.
    Secret {
        vendor: bool,
    },
    /// Vendor name with only filler words (`stripe_live = …`, `fastforex …`).
    VendorOnly,
}

pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub class: Class,
    /// The key ends in `id`: an identifier more often than a secret.
    pub id_like: bool,
}

/// After the identifier run at `i`, is the next meaningful char an assignment?
fn assignment_follows(b: &[u8], mut i: usize) -> bool {
    while i < b.len() && (is_alnum(b[i]) || matches!(b[i], b'_' | b'.' | b'-')) {
        i += 1;
    }
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'"' | b'\'' | b'\\' | b']') {
        i += 1;
    }
    // `…3J==` is base64 padding (or a comparison), not an assignment.
    i < b.len() && matches!(b[i], b'=' | b':') && !b[i..].starts_with(b"==")
}

/// Values starting like a provider token are left to that provider's detector.
const STRICT_PREFIXES: &[&str] = &[
    "px-api-",
    "px-dep-",
    "glsa_",
    "glc_",
    "sk-",
    "xox",
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "github_pat_",
    "AKIA",
    "AIza",
    "sq0",
    "key_live_",
    "key_test_",
    "rzp_",
    "waka_",
    "SG.",
    "hvs.",
    "hvb.",
    "hvr.",
    "CFPAT-",
    "glpat-",
    "dckr_pat_",
    "npm_",
    "pypi-",
    "shpat_",
    "dop_v1_",
    "EAAC",
    "ya29.",
    "GOCSPX-",
];

struct Key {
    start: usize,
    pass: bool,
    cred: bool,
    vendor: bool,
    last_id: bool,
    /// `access`, `private` after a vendor name (`zonka ACCESS …`): credential-ish filler.
    filler_cred: bool,
    /// `api` is part of the key (`api_key`, `X-Api-Key`, `apiToken`).
    api: bool,
}

/// Characters skipped between a key and its value.
fn is_sep(c: u8) -> bool {
    matches!(
        c,
        b' ' | b'\t'
            | b'"'
            | b'\''
            | b'`'
            | b':'
            | b'='
            | b'>'
            | b','
            | b'('
            | b'['
            | b'{'
            | b'\\'
            | b'\r'
            | b'\n'
    )
}

/// Try to read `key … value` around a trigger match at `[kw_start, kw_end)`.
pub(crate) fn extract(
    text: &str,
    kw_start: usize,
    kw_end: usize,
    trigger: Trigger,
) -> Option<Found> {
    let b = text.as_bytes();
    let mut key = Key {
        start: kw_start,
        pass: false,
        cred: false,
        vendor: false,
        last_id: false,
        filler_cred: false,
        api: false,
    };
    let mut pos;
    match trigger {
        Trigger::Vendor => {
            // A path segment (`…/JenkinsCI/…`) names no key.
            if kw_start > 0 && matches!(b[kw_start - 1], b'/' | b'@') {
                return None;
            }
            // Vendor names must start a piece (`STRIPE_KEY`, `mailchimpKey`), not end one.
            if kw_start > 0 && b[kw_start - 1].is_ascii_alphanumeric() {
                let hump = b[kw_start].is_ascii_uppercase() && b[kw_start - 1].is_ascii_lowercase();
                if !hump {
                    return None;
                }
            }
            let pe = piece_end(b, kw_start);
            // `Twitter(auth=OAuth('…'))`: a call, whose arguments are not named by the vendor.
            if b.get(pe) == Some(&b'(') {
                return None;
            }
            if pe > kw_end {
                match classify(&text[kw_end..pe]) {
                    Piece::Full(w) => note_words(&mut key, w),
                    _ => return None,
                }
            }
            key.vendor = true;
            pos = pe;
        }
        Trigger::Word => {
            let ps = piece_start(b, kw_start);
            key.start = ps;
            let pe = piece_end(b, ps);
            // Public keys are not secrets; neither are names ending in e.g. `_hash`.
            // Step past the separator by its own width: it may be a multi-byte character.
            let word_start = text[..ps]
                .char_indices()
                .rev()
                .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            // `Class::Password => …`: a path segment (enum variant, constant), not a key.
            if text[..word_start].ends_with("::") {
                return None;
            }
            let before = &text[word_start..ps];
            let bl = before.to_ascii_lowercase();
            if bl.contains("public")
                || bl.contains("publishable")
                || bl.ends_with("pub_")
                || bl.ends_with("pub")
            {
                return None;
            }
            // `VM size key: …`, `public key: …`: a qualifying word in prose right before.
            if before.is_empty() && prev_word_is_stop(text, ps) {
                return None;
            }
            key.vendor = names_product(before) || leading_product_word(text, word_start);
            // `X-Api-Key`, `apiKey`, `API_TOKEN`: the piece right before the key word.
            let head = before.trim_end_matches(['_', '-', '.']);
            key.api = !head.is_empty()
                && head[piece_start(head.as_bytes(), head.len() - 1)..].eq_ignore_ascii_case("api");
            match classify(&text[ps..pe]) {
                Piece::Full(w) => {
                    if w.contains(Word::Stop) {
                        return None;
                    }
                    note_words(&mut key, w);
                    pos = pe;
                }
                Piece::Partial(w, off) => {
                    if w.contains(Word::Stop) {
                        return None;
                    }
                    note_words(&mut key, w);
                    // `SECRETyo-9876…`: the value is glued to the key word.
                    if !key.cred && !key.pass {
                        return None;
                    }
                    if assignment_follows(b, ps + off) || cred_later_in_run(b, pe) {
                        pos = pe;
                    } else {
                        return finish(text, ps + off, None, false, &key);
                    }
                }
                Piece::Unknown => return None,
            }
            if !key.cred && !key.pass {
                return None;
            }
        }
    }

    // Walk the rest of the key name and the separators.
    let mut newlines = 0;
    let mut steps = 0;
    loop {
        steps += 1;
        if steps > 16 || pos >= b.len() {
            return None;
        }
        // Connectors inside one identifier.
        if matches!(b[pos], b'_' | b'.' | b'-') && pos + 1 < b.len() && is_alnum(b[pos + 1]) {
            pos += 1;
            continue;
        }
        if is_alnum(b[pos]) {
            let pe = piece_end(b, pos);
            match classify(&text[pos..pe]) {
                Piece::Full(w) => {
                    if w.contains(Word::Stop) {
                        return None;
                    }
                    note_words(&mut key, w);
                    pos = pe;
                    continue;
                }
                Piece::Partial(w, off)
                    if !w.contains(Word::Stop)
                        && (key.cred || key.pass || w.names_credential())
                        && !assignment_follows(b, pos + off) =>
                {
                    note_words(&mut key, w);
                    return finish(text, pos + off, None, false, &key);
                }
                _ => {
                    let glued = pos > 0
                        && matches!(b[pos - 1], b'_' | b'.' | b'-')
                        && is_alnum(b.get(pos.wrapping_sub(2)).copied().unwrap_or(b' '));
                    if cred_later_in_run(b, pe) || assignment_follows(b, pos) {
                        // An unknown word inside the key name (`CODECLIMATE_REPO_TOKEN`).
                        if !glued && !key.cred && !key.pass && !key.vendor {
                            return None;
                        }
                        if !(key.cred || key.pass || cred_later_in_run(b, pe)) {
                            // `GITHUB_SHA=`, `DD_SITE=`: a vendor setting, not a credential.
                            return None;
                        }
                        key.last_id = false;
                        pos = pe;
                        continue;
                    }
                    return finish(text, pos, quote_before(b, pos), false, &key);
                }
            }
        }
        // Separators between key and value.
        let start = pos;
        let mut spaced_eq = false;
        let mut saw_colon = false;
        let mut saw_quote = false;
        let mut saw_eq = false;
        let mut sep_newline = false;
        while pos < b.len() && is_sep(b[pos]) && pos - start < 48 {
            // `"Password:",other:"…"`: the quoted label closed, a new item follows.
            if b[pos] == b',' && saw_quote {
                return None;
            }
            saw_quote |= matches!(b[pos], b'"' | b'\'');
            if b[pos] == b'\n' {
                sep_newline = true;
                newlines += 1;
                if newlines > 2 {
                    return None;
                }
            }
            if b[pos] == b'=' && ((pos > 0 && b[pos - 1] == b' ') || b.get(pos + 1) == Some(&b' '))
            {
                spaced_eq = true;
            }
            if b[pos] == b':' {
                saw_colon = true;
            }
            saw_eq |= b[pos] == b'=';
            pos += 1;
        }
        if pos >= b.len() {
            return None;
        }
        // More key words follow, or the value starts here. With neither key nor separator
        // consumed, the value starts with punctuation (`$…`, `+…`). After `=`/`:` on the
        // same line, a run that opens with a known word but goes on with something else
        // (`private_rGAP…`, `pass_w0rd`) is the value, not more key.
        let more_key = is_alnum(b[pos])
            && (pos == start || {
                let assigned_here = (saw_eq || saw_colon) && !sep_newline;
                matches!(classify(&text[pos..piece_end(b, pos)]), Piece::Full(_))
                    && (!assigned_here || run_all_known(b, pos))
            });
        if more_key {
            continue;
        }
        return finish(
            text,
            pos,
            value_quote(b, start, pos),
            spaced_eq && !saw_colon,
            &key,
        );
    }
}

fn note_words(key: &mut Key, words: Words) {
    key.pass |= words.contains(Word::Pass);
    key.cred |= words.contains(Word::Cred) || words.contains(Word::ApiKey);
    key.filler_cred |= words.contains(Word::CredFiller);
    key.api |= words.contains(Word::Api) || words.contains(Word::ApiKey);
    if let Some(last) = words.last {
        key.last_id = last == Word::Id;
    }
}

/// The value's opening quote for the separators `sep..pos` after a key: as `quote_before`,
/// except that the quote closing a quoted key name (`` `password` ``, `"$password"`) opens
/// nothing, so the prose after it is not read as a value.
fn value_quote(b: &[u8], sep: usize, pos: usize) -> Option<(u8, usize)> {
    let q = quote_before(b, pos)?;
    let mut w = sep;
    while w > 0 && (is_alnum(b[w - 1]) || matches!(b[w - 1], b'_' | b'-' | b'.')) {
        w -= 1;
    }
    if w > 0 && b[w - 1] == b'$' {
        w -= 1;
    }
    let closes_key = b[sep] == q.0 && q.1 == sep + 1 && w > 0 && b[w - 1] == q.0;
    (!closes_key).then_some(q)
}

/// The opening quote of the value, if any: the quote group nearest before `pos`
/// (a group such as `'` + backtick counts from its first quote).
fn quote_before(b: &[u8], pos: usize) -> Option<(u8, usize)> {
    let is_q = |c: u8| matches!(c, b'"' | b'\'' | b'`');
    let mut i = pos;
    while i > 0 && is_sep(b[i - 1]) && b[i - 1] != b'\n' {
        if is_q(b[i - 1]) {
            let mut j = i - 1;
            while j > 0 && is_q(b[j - 1]) && j + 1 < pos + 1 && i - j < 2 {
                j -= 1;
            }
            // Only the group directly before the value (spaces allowed) opens it.
            if b[i..pos].iter().all(|&c| c == b' ' || c == b'\t') {
                return Some((b[j], j + 1));
            }
            return None;
        }
        i -= 1;
    }
    None
}

/// Read the value at `start` and decide whether it looks like a real credential.
fn finish(
    text: &str,
    start: usize,
    quote: Option<(u8, usize)>,
    code_assign: bool,
    key: &Key,
) -> Option<Found> {
    let b = text.as_bytes();
    let start = quote.map_or(start, |(_, after)| after.min(start));
    let quote = quote.map(|(q, _)| q);
    let key_text = text[key.start..start].to_ascii_lowercase();
    // Placeholder key names (`YOUR_TOKEN_HERE_1234`) and keys owned by a format detector.
    if ["your", "example", "sample", "<", "{{"]
        .iter()
        .any(|m| key_text.contains(m))
    {
        return None;
    }
    let run_start = text[..key.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let run = text[run_start..start].to_ascii_lowercase();
    if run.contains("aws") && (run.contains("secret") || run.contains("_sk")) {
        return None; // the AWS detector checks the exact 40-char format
    }
    let sep = &key_text[key_text.trim_end_matches(|c: char| is_sep(c as u8)).len()..];
    let assigned = sep.contains('=') || sep.contains(':') || quote.is_some();
    // `ObjectKey, TraversalOperator`: the next item of a list, not a value.
    if sep.contains(',') && !assigned {
        return None;
    }
    let class = if key.pass {
        Class::Password
    } else if key.cred {
        Class::Secret { vendor: key.vendor }
    } else if key.vendor {
        Class::VendorOnly
    } else {
        return None;
    };
    let line_end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    let (vs, ve, quoted) = match quote {
        Some(q) => match b[start..line_end].iter().position(|&c| c == q) {
            // `\'…\'` inside a string literal: the closing quote's backslash is not the value's.
            Some(i) => {
                let mut e = start + i;
                while e > start && b[e - 1] == b'\\' {
                    e -= 1;
                }
                (start, e, true)
            }
            None if class == Class::Password => return None,
            None => (start, token_end(b, start, line_end), false),
        },
        None if class == Class::Password => {
            let mut e = start;
            while e < line_end
                && !matches!(
                    b[e],
                    b' ' | b'\t'
                        | b'"'
                        | b'\''
                        | b'`'
                        | b','
                        | b';'
                        | b'<'
                        | b'>'
                        | b')'
                        | b'}'
                        | b'&'
                )
            {
                e += 1;
            }
            (start, e, false)
        }
        None => (start, token_end(b, start, line_end), false),
    };
    let v = &text[vs..ve];
    // `aws_kms_key.primary2.arn`: the rest of a member-access chain that ran through the
    // key word, not a value (digits in a part do not make it a token).
    let glued = vs > 1 && matches!(b[vs - 1], b'.' | b'_' | b'-') && is_alnum(b[vs - 2]);
    if quote.is_none() && glued && member_chain(v) {
        return None;
    }
    if class == Class::Password {
        // `Key=Value;` belongs to the connection-string detector, `?password=` to the URL ones.
        let before_key = text[..key.start].trim_end();
        // `password = "…";` and `$password = …;` are statements in code; only an unspaced
        // `Password=…;` reads as a connection-string item.
        let statement = sep.starts_with([' ', '\t']) || (key.start > 0 && b[key.start - 1] == b'$');
        let conn_item = !statement
            && (b.get(ve) == Some(&b';')
                || b.get(ve + 1) == Some(&b';')
                || before_key.ends_with(';'));
        // `user = "anonymous"; password = "guest@"`: the anonymous-FTP convention, not a secret.
        let mut near = key.start.saturating_sub(120);
        while !text.is_char_boundary(near) {
            near += 1;
        }
        let anonymous = text[near..key.start]
            .to_ascii_lowercase()
            .contains("\"anonymous\"");
        if !assigned
            || conn_item
            || anonymous
            || before_key.ends_with('?')
            || before_key.ends_with('&')
            || v.starts_with('{')
        {
            return None;
        }
    }
    // `key == some::CONST`: a comparison with a name, not an assignment of a literal.
    if v.contains("::") || ((sep.contains("==") || sep.contains("!=")) && quote.is_none()) {
        return None;
    }
    // Without a vendor name, only an explicit assignment (`=`, `:`) ties a value to the key.
    if class == (Class::Secret { vendor: false }) && !(sep.contains('=') || sep.contains(':')) {
        return None;
    }
    // Client IDs, app IDs, key IDs are identifiers, not secrets: they pass the same value
    // checks but are marked `id_like` and become info-level candidates.
    if STRICT_PREFIXES.iter().any(|p| v.starts_with(p)) {
        return None; // a provider prefix with the wrong shape: the provider's detector decides
    }
    let ok = match class {
        // PHP `$password = …;` with a lowercase bareword: it is an (unquoted) string literal;
        // variables there start with `$` and constants are upper case.
        Class::Password if !quoted && php_bareword(b, key.start, v, ve) => {
            password_ok(v, true, false)
        }
        Class::Password => password_ok(v, quoted, code_assign),
        // A JWT signing secret is often a passphrase, not a random token.
        Class::Secret { vendor: false } if quoted && jwt_context(text, run_start, &run) => {
            token_ok(v, quoted, code_assign, key, class) || passphrase_ok(v)
        }
        _ => token_ok(v, quoted, code_assign, key, class),
    };
    ok.then_some(Found {
        start: vs,
        end: ve,
        class,
        id_like: key.last_id,
    })
}

/// The key names a JWT (`jwt_secret`, `jwtSecret`) or sits under a YAML `jwt:` mapping.
fn jwt_context(text: &str, run_start: usize, run: &str) -> bool {
    if run.contains("jwt") {
        return true;
    }
    let line_start = text[..run_start].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..];
    let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
    if indent == 0 {
        return false;
    }
    // The parent is the nearest line above that is indented less.
    for prev in text[..line_start].lines().rev().take(12) {
        let t = prev.trim_start_matches([' ', '\t']);
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if prev.len() - t.len() < indent {
            let head = t.split(" #").next().unwrap_or("").trim_end();
            return head.ends_with(':') && head.to_ascii_lowercase().contains("jwt");
        }
    }
    false
}

fn token_end(b: &[u8], start: usize, line_end: usize) -> usize {
    let mut e = start;
    while e < line_end
        && (is_alnum(b[e])
            || matches!(
                b[e],
                b'_' | b'-' | b'+' | b'/' | b'=' | b'.' | b'~' | b'%' | b':'
            ))
    {
        e += 1;
    }
    while e > start && matches!(b[e - 1], b'.' | b':' | b'-') {
        e -= 1;
    }
    e
}
