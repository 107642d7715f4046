//! Characters that show nothing, and text made only of them: one rule for
//! every reader, writer and check (a target of bidi marks is blank in merge,
//! in check and in the XLIFF state readers alike). It sits below formats and
//! check, which both use it.

/// Characters that show nothing: ZWNJ/ZWJ, zero-width space, word joiner,
/// BOM, the bidirectional marks and controls, and the soft hyphen.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Whether `text` shows nothing: only whitespace and invisible characters.
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_joiners_are_blank_letters_are_not() {
        assert!(is_blank(" \u{200C}\u{200F}\u{FEFF}\n"));
        assert!(is_blank(""));
        assert!(!is_blank("\u{200C}а"));
        assert!(!is_invisible('a'));
    }
}
