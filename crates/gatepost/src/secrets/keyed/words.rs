//! The words of a key name: each piece of `MAILCHIMP_API_KEY` or `apiToken` classified as a
//! credential word, filler, a stop word or unknown (a product name, most often).

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Word {
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
pub(super) struct Words {
    set: u16,
    pub(super) last: Option<Word>,
}

impl Words {
    fn push(&mut self, w: Word) {
        self.set |= 1 << w as u16;
        self.last = Some(w);
    }
    pub(super) fn contains(&self, w: Word) -> bool {
        self.set & (1 << w as u16) != 0
    }
    fn is_empty(&self) -> bool {
        self.last.is_none()
    }
    /// Names a credential by itself (`token`, `password`, `apikey`).
    pub(super) fn names_credential(&self) -> bool {
        self.contains(Word::Cred) || self.contains(Word::Pass) || self.contains(Word::ApiKey)
    }
}

pub(super) enum Piece {
    /// Entirely made of known words.
    Full(Words),
    /// Known words, then something else starting at the offset (e.g. `SECRETyo…`).
    Partial(Words, usize),
    Unknown,
}

pub(super) fn classify(piece: &str) -> Piece {
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

pub(super) fn is_alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// End of the piece starting at `i`: alphanumerics, split at a lower→upper hump.
pub(super) fn piece_end(b: &[u8], i: usize) -> usize {
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
pub(super) fn piece_start(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j > 0 && is_alnum(b[j - 1]) {
        if b[j].is_ascii_uppercase() && b[j - 1].is_ascii_lowercase() {
            break;
        }
        j -= 1;
    }
    j
}

/// Does a credential word appear later in the same identifier run?
pub(super) fn cred_later_in_run(b: &[u8], mut i: usize) -> bool {
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

/// Is the identifier run at `i` (pieces joined by `_ . -`) made only of known words?
pub(super) fn run_all_known(b: &[u8], mut i: usize) -> bool {
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
pub(super) fn names_product(before: &str) -> bool {
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
pub(super) fn leading_product_word(text: &str, at: usize) -> bool {
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

/// The word one space before `at` (same line) is a stop word such as `size` or `public`.
pub(super) fn prev_word_is_stop(text: &str, at: usize) -> bool {
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
