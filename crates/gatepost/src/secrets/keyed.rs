//! Keyword-driven detection for credentials without a recognisable format:
//! `password = "…"`, `API_TOKEN: …`, `mailchimp_key=…`, `bannerbear SECRET …`.
//!
//! Instead of one large regex this walks the key name piece by piece (split at
//! `_ . -` and camelCase humps), classifies each piece (credential word, filler,
//! stop word, unknown), skips separators, and only then reads a value. Values are
//! judged by entropy, character classes and decoy rules, never by keyword alone.

use super::decoys;
use super::entropy::{self, Classes};

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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    Pass,
    Cred,
    Filler,
    /// Filler that, after a vendor name, still says "credential" (`ACCESS`, `PRIVATE`).
    CredFiller,
    /// `api`: filler, but `api_key` / `x-api-key` names a key issued by an API.
    Api,
    Id,
    Stop,
    /// `apikey` in one piece: a credential word and an API's.
    ApiKey,
}

/// Longest entries first within a shared prefix so that stripping is greedy.
const WORDS: &[(&str, Word)] = &[
    ("passwords", Word::Pass),
    ("password", Word::Pass),
    ("passwd", Word::Pass),
    ("passphrase", Word::Pass),
    ("passcode", Word::Pass),
    ("pass", Word::Pass),
    ("pwd", Word::Pass),
    ("pswd", Word::Pass),
    ("pword", Word::Pass),
    ("secrets", Word::Cred),
    ("secret", Word::Cred),
    ("tokens", Word::Cred),
    ("token", Word::Cred),
    ("tkn", Word::Cred),
    ("apikeys", Word::ApiKey),
    ("apikey", Word::ApiKey),
    ("keys", Word::Cred),
    ("key", Word::Cred),
    ("authorization", Word::Cred),
    ("authtoken", Word::Cred),
    ("auth", Word::Cred),
    ("credentials", Word::Cred),
    ("credential", Word::Cred),
    ("creds", Word::Cred),
    ("cred", Word::Cred),
    ("pat", Word::Cred),
    ("bearer", Word::Cred),
    ("signing", Word::Filler),
    ("license", Word::Filler),
    ("sk", Word::Filler),
    ("api", Word::Api),
    ("access", Word::CredFiller),
    ("client", Word::Filler),
    ("application", Word::Filler),
    ("app", Word::Filler),
    ("account", Word::Filler),
    ("user", Word::Filler),
    ("my", Word::Filler),
    ("bot", Word::Filler),
    ("service", Word::Filler),
    ("oauth2", Word::Filler),
    ("oauth", Word::Filler),
    ("consumer", Word::Filler),
    ("master", Word::Filler),
    ("admin", Word::Filler),
    ("live", Word::Filler),
    ("prod", Word::Filler),
    ("production", Word::Filler),
    ("dev", Word::Filler),
    ("integration", Word::Filler),
    ("personal", Word::Filler),
    ("value", Word::Filler),
    ("private", Word::CredFiller),
    ("session", Word::Filler),
    ("refresh", Word::Filler),
    ("login", Word::Filler),
    ("server", Word::Filler),
    ("write", Word::Filler),
    ("read", Word::Filler),
    ("encryption", Word::Filler),
    ("jwt", Word::Filler),
    ("x", Word::Filler),
    ("the", Word::Filler),
    ("default", Word::Filler),
    ("hub", Word::Filler),
    ("org", Word::Filler),
    ("project", Word::Filler),
    ("ids", Word::Id),
    ("id", Word::Id),
    // `author: "…"`, `authority = …`: not `auth`.
    ("author", Word::Stop),
    ("authority", Word::Stop),
    ("public", Word::Stop),
    ("publishable", Word::Stop),
    ("pub", Word::Stop),
    ("hash", Word::Stop),
    ("hashed", Word::Stop),
    ("digest", Word::Stop),
    ("checksum", Word::Stop),
    ("sha", Word::Stop),
    ("md5", Word::Stop),
    ("length", Word::Stop),
    ("len", Word::Stop),
    ("size", Word::Stop),
    ("count", Word::Stop),
    ("type", Word::Stop),
    ("name", Word::Stop),
    ("names", Word::Stop),
    ("file", Word::Stop),
    ("path", Word::Stop),
    ("url", Word::Stop),
    ("uri", Word::Stop),
    ("endpoint", Word::Stop),
    ("host", Word::Stop),
    ("header", Word::Stop),
    ("field", Word::Stop),
    ("format", Word::Stop),
    ("prefix", Word::Stop),
    ("expiry", Word::Stop),
    ("expires", Word::Stop),
    ("expiration", Word::Stop),
    ("ttl", Word::Stop),
    ("timeout", Word::Stop),
    ("policy", Word::Stop),
    ("label", Word::Stop),
    ("placeholder", Word::Stop),
    ("reset", Word::Stop),
    ("forgot", Word::Stop),
    ("change", Word::Stop),
    ("confirm", Word::Stop),
    ("min", Word::Stop),
    ("max", Word::Stop),
    ("regex", Word::Stop),
    ("pattern", Word::Stop),
    ("env", Word::Stop),
    ("var", Word::Stop),
    ("ref", Word::Stop),
    ("input", Word::Stop),
    ("enabled", Word::Stop),
    ("required", Word::Stop),
    ("store", Word::Stop),
    ("storage", Word::Stop),
    ("version", Word::Stop),
    ("region", Word::Stop),
    ("usage", Word::Stop),
    ("mode", Word::Stop),
];

/// `WORDS` grouped by first letter: every piece of every key near a prefilter hit is
/// classified, and comparing it with each word in turn was a fifth of a scan of plain source.
static WORDS_BY_FIRST: std::sync::LazyLock<[Vec<WordEntry>; 26]> = std::sync::LazyLock::new(|| {
    let mut by: [Vec<WordEntry>; 26] = Default::default();
    for (w, kind) in WORDS {
        by[(w.as_bytes()[0] - b'a') as usize].push((w.as_bytes(), *kind));
    }
    by
});

type WordEntry = (&'static [u8], Word);

/// The longest known word `piece` starts with, in any case.
fn word_at(piece: &[u8]) -> Option<(usize, Word)> {
    let first = piece.first()?.to_ascii_lowercase();
    if !first.is_ascii_lowercase() {
        return None;
    }
    let mut best: Option<(usize, Word)> = None;
    for &(wb, kind) in &WORDS_BY_FIRST[(first - b'a') as usize] {
        if piece.len() >= wb.len()
            && piece[..wb.len()].eq_ignore_ascii_case(wb)
            && best.is_none_or(|b| wb.len() > b.0)
        {
            best = Some((wb.len(), kind));
        }
    }
    best
}

/// The known words of a piece, as a set plus the last one: all the walk asks of them.
/// (A set, not a list, so that classifying a piece allocates nothing.)
#[derive(Clone, Copy, Default)]
struct Words {
    set: u16,
    last: Option<Word>,
}

impl Words {
    fn push(&mut self, w: Word) {
        self.set |= 1 << w as u16;
        self.last = Some(w);
    }
    fn contains(&self, w: Word) -> bool {
        self.set & (1 << w as u16) != 0
    }
    fn is_empty(&self) -> bool {
        self.last.is_none()
    }
    /// Names a credential by itself (`token`, `password`, `apikey`).
    fn names_credential(&self) -> bool {
        self.contains(Word::Cred) || self.contains(Word::Pass) || self.contains(Word::ApiKey)
    }
}

enum Piece {
    /// Entirely made of known words.
    Full(Words),
    /// Known words, then something else starting at the offset (e.g. `SECRETyo…`).
    Partial(Words, usize),
    Unknown,
}

fn classify(piece: &str) -> Piece {
    let b = piece.as_bytes();
    let mut i = 0;
    let mut words = Words::default();
    while i < b.len() {
        // Digits glued to a word (`oauth2`, `key1`) belong to it.
        if b[i].is_ascii_digit()
            && !words.is_empty()
            && b[i..].iter().all(|c| c.is_ascii_digit())
            && b.len() - i <= 2
        {
            i = b.len();
            break;
        }
        match word_at(&b[i..]) {
            // Single letters only count as whole pieces (`X-Api-Key`), not as prefixes.
            Some((1, _)) if b.len() != 1 => break,
            Some((n, w)) => {
                words.push(w);
                i += n;
            }
            None => break,
        }
    }
    if i == b.len() {
        Piece::Full(words)
    } else if words.is_empty() {
        Piece::Unknown
    } else {
        Piece::Partial(words, i)
    }
}

fn is_alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// End of the piece starting at `i`: alphanumerics, split at a lower→upper hump.
fn piece_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() && is_alnum(b[j]) {
        if j > i && b[j].is_ascii_uppercase() && b[j - 1].is_ascii_lowercase() {
            break;
        }
        j += 1;
    }
    j
}

/// Start of the piece containing `i` (walking back over alphanumerics, stopping at a hump).
fn piece_start(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j > 0 && is_alnum(b[j - 1]) {
        if b[j].is_ascii_uppercase() && b[j - 1].is_ascii_lowercase() {
            break;
        }
        j -= 1;
    }
    j
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

/// Does a credential word appear later in the same identifier run?
fn cred_later_in_run(b: &[u8], mut i: usize) -> bool {
    loop {
        while i < b.len() && matches!(b[i], b'_' | b'.' | b'-') {
            i += 1;
        }
        if i >= b.len() || !is_alnum(b[i]) {
            return false;
        }
        let e = piece_end(b, i);
        let piece = std::str::from_utf8(&b[i..e]).unwrap_or("");
        match classify(piece) {
            Piece::Full(w) | Piece::Partial(w, _) if w.names_credential() => return true,
            _ => {}
        }
        i = e;
    }
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

/// Is the identifier run at `i` (pieces joined by `_ . -`) made only of known words?
fn run_all_known(b: &[u8], mut i: usize) -> bool {
    loop {
        let e = piece_end(b, i);
        let piece = std::str::from_utf8(&b[i..e]).unwrap_or("");
        if !matches!(classify(piece), Piece::Full(_)) {
            return false;
        }
        if e + 1 < b.len() && matches!(b[e], b'_' | b'.' | b'-') && is_alnum(b[e + 1]) {
            i = e + 1;
        } else {
            return true;
        }
    }
}

/// The identifier part before a credential word names a product (`LOB_API_KEY`,
/// `auth0ClientSecret`, `ATLAS_PRIVATE_KEY`): a piece of 3+ letters that is not one of
/// our known words. Member access (`global.licenseKey`) does not count: only the part
/// after the last `.` is read.
fn names_product(before: &str) -> bool {
    let before = before.rsplit('.').next().unwrap_or("");
    let b = before.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !is_alnum(b[i]) {
            i += 1;
            continue;
        }
        let e = piece_end(b, i);
        let piece = &before[i..e];
        if piece.bytes().filter(|c| c.is_ascii_alphabetic()).count() >= 3
            && piece.as_bytes()[0].is_ascii_alphabetic()
            && matches!(classify(piece), Piece::Unknown)
        {
            return true;
        }
        i = e;
    }
    false
}

/// `karma SECRET …`, `ipinfo private token …`: the line starts with one product-like word,
/// then only known words up to the credential word.
fn leading_product_word(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let head = &text[line_start..at];
    let mut words = head.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first_ok = first.len() >= 3
        && first
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'.')
        && first.as_bytes()[0].is_ascii_alphabetic()
        && matches!(
            classify(first.split('.').next().unwrap_or("")),
            Piece::Unknown
        );
    first_ok && words.all(|w| matches!(classify(w), Piece::Full(ws) if !ws.contains(Word::Stop)))
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

/// The word one space before `at` (same line) is a stop word such as `size` or `public`.
fn prev_word_is_stop(text: &str, at: usize) -> bool {
    let Some(head) = text[..at].strip_suffix(' ') else {
        return false;
    };
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &head[start..];
    !word.is_empty() && matches!(classify(word), Piece::Full(w) if w.contains(Word::Stop))
}

fn php_bareword(b: &[u8], key_start: usize, v: &str, ve: usize) -> bool {
    key_start > 0
        && b[key_start - 1] == b'$'
        && b.get(ve) == Some(&b';')
        && v.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// `name.attr`, `db1.result`: two or more identifier parts joined by `.`.
fn member_chain(v: &str) -> bool {
    v.contains('.')
        && v.split('.').all(|p| {
            p.bytes()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
                && p.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
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

/// A quoted passphrase: a password-like literal that is not a resource name
/// (`my-jwt-secret`, `app_secret`), i.e. it has a character outside `[a-z0-9._-]`.
fn passphrase_ok(v: &str) -> bool {
    password_ok(v, true, false)
        && !v.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
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

fn password_ok(v: &str, quoted: bool, code_assign: bool) -> bool {
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

fn token_ok(v: &str, quoted: bool, code_assign: bool, key: &Key, class: Class) -> bool {
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
