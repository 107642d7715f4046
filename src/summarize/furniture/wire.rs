//! A news-wire feed's photo package lists its pictures one caption a line, each
//! headed by the story's slug and date (`(NYT38) VERO BEACH, Fla. -- Oct.
//! 20, 1999 -- PEST-CONTROL-1-COX, 10-20 -- Plant pathologist … (Randall
//! Smith photo)`): every sentence of such a line is a caption, no story.

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
    while start < text.len() {
        let rest = &text[start..];
        let len = crate::segment::next_line_break(rest).map_or(rest.len(), |(at, brk)| at + brk);
        if is_caption_line(&rest[..len]) {
            out.push(start..start + len);
        }
        start += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
