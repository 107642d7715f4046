//! Layout codes of a news-wire feed: `&QL;` (a new line), `&UR;`, `&LR;`,
//! `&QC;`, written as words of their own around and inside the story of
//! agency copy as archived (the New York Times and AP feeds of the DUC and
//! AQUAINT collections). A reader sees no story in them: a sentence that
//! opens with codes starts after them, a line ends where its last code
//! starts, and a line of codes alone is furniture. The text is never
//! rewritten; codes inside a sentence stay.
//!
//! A feed's photo package lists its pictures one caption a line, each
//! headed by the story's slug and date (`(NYT38) VERO BEACH, Fla. -- Oct.
//! 20, 1999 -- PEST-CONTROL-1-COX, 10-20 -- Plant pathologist … (Randall
//! Smith photo)`): every sentence of such a line is a caption, no story.

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

/// A caption line shows its slug within this many bytes of its start.
const SLUG_WITHIN: usize = 240;

/// Whether `word` is a wire slug: capitals and digits in at least three
/// parts joined by hyphens, with a letter (`PEST-CONTROL-1-COX`).
fn is_slug(word: &str) -> bool {
    let word = word.trim_end_matches(',');
    word.split('-').count() >= 3
        && word.bytes().any(|b| b.is_ascii_uppercase())
        && word.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

/// Whether `word` is a slug's date, month and day (`10-20`).
fn is_slug_date(word: &str) -> bool {
    let mut parts = word.split('-');
    let digits = |p: Option<&str>| {
        p.is_some_and(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    digits(parts.next()) && digits(parts.next()) && parts.next().is_none()
}

/// Whether `line` is a photo caption of a wire feed: within its first
/// [`SLUG_WITHIN`] bytes, a dash, a slug, its date and a dash
/// (`-- PEST-CONTROL-1-COX, 10-20 --`).
pub(crate) fn is_caption_line(line: &str) -> bool {
    let head = match line.char_indices().nth(SLUG_WITHIN) {
        Some((at, _)) => &line[..at],
        None => line,
    };
    if !head.contains("--") {
        return false;
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    words
        .windows(4)
        .any(|w| w[0] == "--" && is_slug(w[1]) && is_slug_date(w[2]) && w[3] == "--")
}

/// The byte ranges of the caption lines of `text` (see [`is_caption_line`]),
/// in order.
pub(crate) fn caption_lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if is_caption_line(line) {
            out.push(start..start + line.len());
        }
        start += line.len();
    }
    out
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
    fn a_photo_package_line_is_a_caption() {
        let line = "(NYT38) VERO BEACH, Fla. -- Oct. 20, 1999 -- PEST-CONTROL-1-COX, 10-20 -- \
                    Plant pathologist Daniel O. Chellemi, left, inspects a field. (Randall Smith photo)";
        assert!(is_caption_line(line));
        assert!(is_caption_line(
            "MACAU -- Oct. 20, 1999 -- ADV. FOR SUN., OCT. 24 -- CHINA-MACAU-COX, 10-20 -- A peddler."
        ));
        for story in [
            "WASHINGTON -- The House voted 10-20 on the bill -- a defeat.",
            "The F-16-A jet -- a US-UK-FR design, 10-20 -- flew.",
            "The slug -- PEST-CONTROL, 10-20 -- has two parts only.",
            "Scores -- 1-2-3, 10-20 -- are no slug.",
        ] {
            assert!(!is_caption_line(story), "{story}");
        }
        let text = format!("Story line.\n{line}\nAnother story line.");
        let ranges = caption_lines(&text);
        assert_eq!(ranges.len(), 1);
        assert_eq!(&text[ranges[0].clone()], format!("{line}\n"));
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
