//! The per-paragraph state of the scan (`Scan`, list `Marker`s) and the
//! character classes and small readers that the pass, the rules and the
//! e-mail layout share.

/// Where a list marker (`1.`, `2)`, `b.`) was seen.
#[derive(Debug, Clone, Copy)]
pub(super) struct Marker {
    /// The number, or the letter's place in the alphabet.
    pub(super) value: u32,
    /// The punctuation after it: `.`, `)` or `.)`.
    pub(super) style: u8,
    /// Byte offset where the marker (with any bullet before it) starts.
    pub(super) start: usize,
    /// Whether a sentence already starts there.
    pub(super) at_sentence_start: bool,
}

/// Scanning state for one paragraph.
pub(super) struct Scan<'t> {
    pub(super) text: &'t str,
    /// Paragraph bounds.
    pub(super) start: usize,
    pub(super) end: usize,
    /// Where sentences end, in the order found (sorted later).
    pub(super) cuts: Vec<usize>,
    /// The largest cut so far: where the current sentence starts.
    pub(super) sentence_start: usize,
    pub(super) markers: Vec<Marker>,
    /// Reused buffer for lowercase lookup keys.
    pub(super) key: String,
    /// Whether the document is written in capitals, decided once, when a
    /// rule first asks (most documents never ask).
    pub(super) capitals: std::cell::OnceCell<bool>,
}

impl Scan<'_> {
    pub(super) fn cut(&mut self, at: usize) {
        // A cut must fall on a character boundary inside the paragraph:
        // anything else would make a span unreadable and lose text, so such a
        // cut (a rule's mistake) is dropped rather than trusted.
        if at <= self.start || at >= self.end || !self.text.is_char_boundary(at) {
            debug_assert!(
                at <= self.end && self.text.is_char_boundary(at),
                "cut at {at} outside the paragraph or inside a character"
            );
            return;
        }
        self.cuts.push(at);
        if at > self.sentence_start {
            self.sentence_start = at;
        }
    }

    /// Whether the document is written in capitals (wire copy, a telex):
    /// then the case of the next word says nothing, and the rules that ask
    /// it ask the word itself.
    pub(super) fn in_capitals(&self) -> bool {
        *self
            .capitals
            .get_or_init(|| super::written_in_capitals(self.text))
    }

    pub(super) fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..self.end).and_then(|s| s.chars().next())
    }

    pub(super) fn char_before(&self, i: usize) -> Option<char> {
        self.text
            .get(self.start..i)
            .and_then(|s| s.chars().next_back())
    }

    /// The first position at or after `from` that is not whitespace or a bullet.
    pub(super) fn skip_space_and_bullets(&self, from: usize) -> usize {
        let rest = self.text.get(from..self.end).unwrap_or("");
        match rest
            .char_indices()
            .find(|&(_, c)| !c.is_whitespace() && !is_bullet(c))
        {
            Some((k, _)) => from + k,
            None => self.end,
        }
    }
}

/// The word starting at `at`, lowercased (at most 16 letters), as the
/// sentence-starter list is keyed.
pub(super) fn lowercase_word(scan: &Scan<'_>, at: usize) -> String {
    scan.text
        .get(at..scan.end)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(16)
        .flat_map(char::to_lowercase)
        .collect()
}

/// The start of the whitespace-delimited token that ends at `i`.
pub(super) fn token_start(scan: &Scan<'_>, i: usize) -> usize {
    let before = scan.text.get(scan.start..i).unwrap_or("");
    match before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
    {
        Some((k, c)) => scan.start + k + c.len_utf8(),
        None => scan.start,
    }
}

/// Skips opening quotes, brackets and bullets at the start of a token.
pub(super) fn skip_openers(text: &str, from: usize, to: usize) -> usize {
    let token = text.get(from..to).unwrap_or("");
    match token
        .char_indices()
        .find(|&(_, c)| !is_opener(c) && !is_bullet(c))
    {
        Some((k, _)) => from + k,
        None => to,
    }
}

/// The first letter or digit of the next word from `k` (after opening quotes,
/// brackets and dashes), with its position.
pub(super) fn first_letter(scan: &Scan<'_>, k: usize) -> (usize, Option<char>) {
    let rest = scan.text.get(k..scan.end).unwrap_or("");
    let mut dash = false;
    for (off, c) in rest.char_indices() {
        if is_opener(c) || matches!(c, '-' | '–' | '—') {
            dash = true;
            continue;
        }
        if dash && c == ' ' {
            continue; // "-- word"
        }
        if c.is_alphanumeric() {
            return (k + off, Some(c));
        }
        return (k + off, None);
    }
    (scan.end, None)
}

/// The first character of the word before the one starting at `word_start`.
pub(super) fn previous_word_first_char(scan: &Scan<'_>, word_start: usize) -> Option<char> {
    let before = scan.text.get(scan.start..word_start)?.trim_end();
    let start = token_start(scan, scan.start + before.len());
    let word = scan.text.get(start..scan.start + before.len())?;
    word.chars().find(|c| c.is_alphabetic())
}

/// "U.S", "e.g", "Ph.D": dot-separated pieces of one or two letters.
pub(super) fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|piece| {
            let n = piece.chars().count();
            (1..=2).contains(&n) && piece.chars().all(char::is_alphabetic)
        })
}

/// Whether an opening quote or bracket stands right before `at`.
pub(super) fn opener_before(scan: &Scan<'_>, at: usize) -> bool {
    scan.char_before(at).is_some_and(is_opener)
}

/// The bytes `scan_paragraph` acts on: its ASCII cases (line breaks among
/// them: LF, CR, VT, FF), the UTF-8 lead byte of NEL (0xC2), and lead bytes
/// from 0xD8 up (U+0600 and above: Arabic-script marks, terminators,
/// bullets, emoji, U+2028 and U+2029). Continuation bytes and other lower
/// lead bytes (Latin, Greek, Cyrillic) need no attention.
pub(super) static INTERESTING: [bool; 256] = interesting_table(b".!?\n\r\x0b\x0c)]:;=@#");

/// `INTERESTING` and the separator symbols, for languages with
/// `email_layout` (see `Segmenter::separator`).
pub(super) static INTERESTING_EMAIL: [bool; 256] = interesting_table(b".!?\n\r\x0b\x0c)]:;=@#*_-~");

const fn interesting_table(ascii: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut k = 0;
    while k < ascii.len() {
        table[ascii[k] as usize] = true;
        k += 1;
    }
    table[0xC2] = true;
    let mut b = 0xD8;
    while b < 256 {
        table[b] = true;
        b += 1;
    }
    table
}

/// Pictographs: emoji and the older dingbats and symbols used like them,
/// and the blank braille pattern U+2800, which Instagram posts use as an
/// invisible spacer after a sentence (`Мерзейшее зрелище! ⠀ Поэтому …`).
pub(super) fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2800)
}

/// If `s` starts with emoji glued to a letter (`✅Снасти`, `☝🏻Не`), the
/// length of the emoji: they mark the start of that word's sentence.
pub(super) fn emoji_bullet_end(s: &str) -> Option<usize> {
    let mut seen = false;
    for (k, c) in s.char_indices() {
        if is_emoji(c) && c != '\u{2800}' || seen && matches!(c, '\u{FE0F}' | '\u{200D}') {
            seen = true;
            continue;
        }
        return (seen && c.is_alphabetic()).then_some(k);
    }
    None
}

/// The length of an ASCII emoticon (`:)`, `:-(`, `;D`, `:P`, `=)`) at the
/// start of `s`, if one stands there as a word of its own.
pub(super) fn emoticon_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !matches!(b.first(), Some(b':' | b';' | b'=')) {
        return None;
    }
    let mut n = 1;
    if matches!(b.get(n), Some(b'-' | b'\'' | b'^')) {
        n += 1;
    }
    let mouth_start = n;
    while let Some(&c) = b.get(n) {
        if matches!(
            c,
            b')' | b'('
                | b'D'
                | b'P'
                | b'p'
                | b'O'
                | b'o'
                | b'3'
                | b'|'
                | b'*'
                | b']'
                | b'['
                | b'/'
                | b'\\'
        ) {
            n += 1;
        } else {
            break;
        }
    }
    if n == mouth_start {
        return None;
    }
    // "http://" and "a:b" are not faces: the face must end the word.
    match b.get(n) {
        None => Some(n),
        Some(c) if c.is_ascii_whitespace() => Some(n),
        Some(b'.' | b',' | b'!' | b'?') => Some(n),
        _ => None,
    }
}

pub(super) fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '؟'
            | '۔'
            | '।'
            | '॥'
            | '։'
            | '።'
            | '။'
            | '。'
            | '！'
            | '？'
            | '｡'
    )
}

/// Terminators that need no space after them.
pub(super) fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）' | '】'
    )
}

pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
            | '【'
    )
}

pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣' | '⁃' | '◦' | '▪' | '●' | '■' | '□' | '◆' | '➢' | '►'
    )
}
