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
        fn escaped_text_has_no_control_characters(s in any::<String>()) {
            prop_assert!(!escape(&s).chars().any(needs_escape));
        }

        #[test]
        fn escaped_bytes_have_no_control_characters(b in proptest::collection::vec(any::<u8>(), 0..64)) {
            prop_assert!(!escape_bytes(&b).chars().any(needs_escape));
        }
    }
}
