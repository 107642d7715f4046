//! Escaping text for a terminal.
//!
//! File names, ids, language tags and quoted input reach the terminal in
//! messages. A control character there can move the cursor, clear the screen,
//! retitle the window (OSC sequences) or fake a line of output; a bidi
//! override can make a name read differently from what it is. So, like
//! ripgrep does for file names, every such character is shown as an escape:
//! `\t`, `\n`, `\r`, `\x1b` for C0 controls and DEL, `\u{85}` for C1
//! controls and the bidi embedding, override and isolate characters
//! (U+202A–U+202E, U+2066–U+2069). Bytes that are not UTF-8 (in paths) are
//! shown as `\xFF`.

use std::borrow::Cow;
use std::fmt::Write;
use std::path::Path;

/// Whether `c` must not reach a terminal raw.
pub fn needs_escape(c: char) -> bool {
    matches!(c, '\0'..='\x1f' | '\x7f'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control and bidi control character escaped.
///
/// ```
/// use brief::escape::escape;
/// assert_eq!(escape("plain"), "plain");
/// assert_eq!(escape("a\x1b]0;owned\x07b"), "a\\x1b]0;owned\\x07b");
/// assert_eq!(escape("x\n\u{202e}y"), "x\\n\\u{202e}y");
/// ```
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_char(&mut out, c);
    }
    Cow::Owned(out)
}

/// `text` as one line of plain text for a terminal, as text output shows
/// briefs, sentences and merged translations: line breaks (every kind) and
/// tabs become spaces; bidi embeddings and isolates are kept when they pair
/// up inside `text` (a Persian translator's isolate around a Latin name is
/// part of the text, and a paired one cannot reorder anything outside it);
/// every other control and bidi control character (an escape sequence from
/// a hostile page, an override, an unpaired embedding) is escaped as by
/// [`escape`].
///
/// ```
/// use brief::escape::plain_line;
/// assert_eq!(plain_line("Tuesday\x1b[2J.\nNext"), "Tuesday\\x1b[2J. Next");
/// assert_eq!(plain_line("نام \u{2068}Kit\u{2069} آمد"), "نام \u{2068}Kit\u{2069} آمد");
/// assert_eq!(plain_line("a\u{202e}b"), "a\\u{202e}b");
/// ```
pub fn plain_line(text: &str) -> Cow<'_, str> {
    // Most text has none of these bytes: C0 controls and DEL, the lead byte
    // of C1 controls (0xC2), of U+2028/U+2029 and the bidi controls (0xE2).
    if !text
        .bytes()
        .any(|b| b < 0x20 || b == 0x7f || b == 0xC2 || b == 0xE2)
    {
        return Cow::Borrowed(text);
    }
    let keep_bidi = bidi_paired(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if crate::segment::is_line_break(c) || c == '\t' {
            out.push(' ');
        } else if keep_bidi && is_embedding_or_isolate(c) {
            out.push(c);
        } else {
            push_char(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// LRE, RLE and PDF (embeddings), LRI, RLI, FSI and PDI (isolates); not the
/// overrides LRO and RLO, which reverse the characters they hold.
fn is_embedding_or_isolate(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202c}' | '\u{2066}'..='\u{2069}')
}

/// Whether every embedding and isolate in `text` is closed inside it by its
/// own kind of terminator (PDF for an embedding, PDI for an isolate), nested,
/// and no override is there.
pub(crate) fn bidi_paired(text: &str) -> bool {
    let mut open: Vec<bool> = Vec::new(); // true: an isolate
    for c in text.chars() {
        match c {
            '\u{202a}' | '\u{202b}' => open.push(false),
            '\u{2066}'..='\u{2068}' => open.push(true),
            '\u{202c}' if open.pop() != Some(false) => return false,
            '\u{2069}' if open.pop() != Some(true) => return false,
            '\u{202d}' | '\u{202e}' => return false,
            _ => {}
        }
    }
    open.is_empty()
}

fn push_char(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if c <= '\x1f' || c == '\x7f' => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c if needs_escape(c) => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

/// A path for a message: escaped as [`escape`], with bytes that are not UTF-8
/// shown as `\xNN` instead of being replaced.
///
/// ```
/// use std::path::Path;
/// assert_eq!(brief::escape::escape_path(Path::new("out/a\x1b[2J.txt")), "out/a\\x1b[2J.txt");
/// ```
pub fn escape_path(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        escape_bytes(path.as_os_str().as_bytes())
    }
    #[cfg(not(unix))]
    {
        escape(&path.to_string_lossy()).into_owned()
    }
}

/// Bytes shown as text: valid UTF-8 escaped as [`escape`], other bytes as `\xNN`.
pub fn escape_bytes(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                out.push_str(&escape(valid));
                return out;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                // `valid` is UTF-8 by construction.
                out.push_str(&escape(std::str::from_utf8(valid).unwrap_or_default()));
                let bad = e.error_len().unwrap_or(rest.len());
                for b in &rest[..bad] {
                    let _ = write!(out, "\\x{b:02X}");
                }
                bytes = &rest[bad..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_dangerous_class_is_escaped() {
        assert_eq!(escape("\0\x07\x7f"), "\\x00\\x07\\x7f");
        assert_eq!(escape("\u{85}\u{9b}"), "\\u{85}\\u{9b}");
        assert_eq!(escape("\u{202a}\u{2069}"), "\\u{202a}\\u{2069}");
        // Ordinary non-ASCII text is left alone.
        assert_eq!(escape("Привет سلام «»"), "Привет سلام «»");
        assert_eq!(escape_bytes(b"a\xffb\xc3"), "a\\xFFb\\xC3");
    }

    proptest! {
        #[test]
        fn a_plain_line_has_no_line_break_and_no_unpaired_control(s in any::<String>()) {
            let line = plain_line(&s);
            prop_assert!(!line.chars().any(|c| crate::segment::is_line_break(c) || c == '\t'));
            let controls: String = line.chars().filter(|&c| needs_escape(c)).collect();
            prop_assert!(controls.chars().all(is_embedding_or_isolate) && bidi_paired(&controls), "{:?}", line);
        }

        #[test]
        fn escaped_text_has_no_control_characters(s in any::<String>()) {
            prop_assert!(!escape(&s).chars().any(needs_escape));
        }

        #[test]
        fn escaped_bytes_have_no_control_characters(b in proptest::collection::vec(any::<u8>(), 0..64)) {
            prop_assert!(!escape_bytes(&b).chars().any(needs_escape));
        }
    }
}
