//! Layout codes of a news-wire feed: `&QL;` (a new line), `&UR;`, `&LR;`,
//! `&QC;`, written as words of their own around and inside the story of
//! agency copy as archived (the New York Times and AP feeds of the DUC and
//! AQUAINT collections). A line ends where its closing codes start (so a
//! paragraph whose lines end `… sea. &QL;` is no hard-wrapped text), and
//! the rules that judge a sentence's opening and end (furniture, headlines)
//! read past them. The text is never rewritten.

/// Whether `word` (a whitespace-separated word) is a layout code: `&`, two
/// or three capital letters, `;`. `&AMP;` is an escaped ampersand, part
/// of a word (`Q&AMP;A`), not layout.
pub(crate) fn is_code(word: &str) -> bool {
    let Some(name) = word.strip_prefix('&').and_then(|w| w.strip_suffix(';')) else {
        return false;
    };
    (2..=3).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase()) && name != "AMP"
}

/// The byte length of the codes (and the white space after them) that open
/// `text`: where its story starts.
pub(crate) fn leading_codes_len(text: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &text[at..];
        let word_start = rest.len() - rest.trim_start().len();
        let word = rest[word_start..]
            .split(char::is_whitespace)
            .next()
            .unwrap_or("");
        if !is_code(word) {
            return if at == 0 { 0 } else { at + word_start };
        }
        at += word_start + word.len();
    }
}

/// `text` without the codes (and white space) that close it: how the line
/// ends for a reader (`… editorial on Tuesday, June 8: &QL; &QL;` ends
/// with a colon).
pub(crate) fn trim_codes_end(text: &str) -> &str {
    let mut end = text.trim_end();
    loop {
        // The last word starts after the last white space (of any width).
        let at = end
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        if at >= end.len() || !is_code(&end[at..]) {
            return end;
        }
        end = end[..at].trim_end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_capitals_between_ampersand_and_semicolon() {
        for code in ["&QL;", "&UR;", "&LR;", "&QC;", "&HT;", "&MDQ;"] {
            assert!(is_code(code), "{code}");
        }
        for word in [
            "&AMP;", "&ql;", "&Q;", "&QLRT;", "Q&AMP;A", "&QL", "QL;", "&amp;",
        ] {
            assert!(!is_code(word), "{word}");
        }
    }

    #[test]
    fn leading_codes_are_skipped_with_their_white_space() {
        assert_eq!(leading_codes_len("&LR; Afonse met them."), 5);
        assert_eq!(leading_codes_len("&UR; &QL;  The board met."), 11);
        assert_eq!(leading_codes_len("&QL; &QL;"), 9);
        assert_eq!(leading_codes_len("The board met. &QL;"), 0);
        assert_eq!(leading_codes_len(" The board met."), 0);
        assert_eq!(leading_codes_len("Q&AMP;A: the board."), 0);
        assert_eq!(leading_codes_len(""), 0);
    }

    #[test]
    fn closing_codes_are_not_the_end_of_a_line() {
        assert_eq!(trim_codes_end("June 8: &QL; &QL;"), "June 8:");
        assert_eq!(trim_codes_end("immaculate. &QL; &QL;\n"), "immaculate.");
        assert_eq!(trim_codes_end("&QL; &QL;"), "");
        assert_eq!(trim_codes_end("what &LR; you want."), "what &LR; you want.");
        assert_eq!(trim_codes_end("Q&AMP;A"), "Q&AMP;A");
        assert_eq!(trim_codes_end(""), "");
        assert_eq!(trim_codes_end("Jun 8:\u{a0}&QL;"), "Jun 8:");
    }
}
