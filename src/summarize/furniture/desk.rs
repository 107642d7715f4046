//! A news site's section path and desk before the story, on the lead's
//! line or on a line of its own: `ورزش > تورنمنت - طبق پیش‌بینی‌ها، …`,
//! `جهان > اروپا- همشهری آنلاین:`, `حمل و نقل - گروه شهری: قائم مقام …`,
//! `سرویس بین الملل ـ یک مقام …` (Hamshahri and other Persian sites, a
//! sixth of the Pasokh documents). The reader sees where the page was
//! filed, not the story: the sentence starts after it, and a line that
//! holds nothing else is furniture.

use super::{Lang, is_dash, key, lists, words};
use crate::tokenize::normalize_key;

/// A section's name has at most this many words (`سینما و تلویزیون`).
const SECTION_MAX_WORDS: usize = 4;
/// Bytes searched for an arrow or a desk word before a path is read.
const DESK_SEARCH_BYTES: usize = 320;
/// Words read at most: sections, arrows, a dash and a desk.
const PATH_MAX_WORDS: usize = 24;
/// A desk after the path that opens with a desk word and goes on with the
/// story (`گروه شهری: قائم مقام …`) has at most this many words; one that
/// ends the line (`همشهری آنلاین:`, `سرهنگ دکتر علیرضا اسماعیلی*:`,
/// `گروه ادب وهنر - بهاره اسماعیل‌زاده:`) at most [`LINE_DESK_MAX_WORDS`].
const DESK_MAX_WORDS: usize = 5;
const LINE_DESK_MAX_WORDS: usize = 7;

#[derive(Clone, Copy, PartialEq)]
enum Token<'a> {
    /// A word of a section's name, without a dash written onto it.
    Word(&'a str),
    /// `>` or `›` between sections.
    Arrow,
    Dash,
}

/// `line`'s first words as tokens, each with the byte offset after it; a
/// dash written onto a word (`اروپا-`) is a token of its own. The Arabic
/// tatweel (`ـ`) is a dash when it stands alone.
fn tokens(line: &str) -> Vec<(Token<'_>, usize)> {
    let mut out = Vec::new();
    for (at, w) in words(line, PATH_MAX_WORDS) {
        let end = at + w.len();
        if matches!(w, ">" | "›") {
            out.push((Token::Arrow, end));
        } else if is_dash(w) || w == "ـ" {
            out.push((Token::Dash, end));
        } else if let Some(bare) = w.strip_suffix(['-', '–', '—']).filter(|b| !b.is_empty()) {
            out.push((Token::Word(bare), at + bare.len()));
            out.push((Token::Dash, end));
        } else {
            out.push((Token::Word(w), end));
        }
    }
    out
}

/// Whether `word` may be a word of a section's name: no digit, no
/// sentence or clause mark (`Revenue > $5 billion -` is no path).
fn section_word(word: &str) -> bool {
    !word.chars().any(|c| {
        c.is_numeric()
            || matches!(
                c,
                '.' | '!' | '?' | '؟' | ':' | '،' | ',' | ';' | '؛' | '$' | '%'
            )
    })
}

/// The bytes of a section path and desk that open `text` (and the white
/// space after them); 0 when it opens otherwise. When the result reaches
/// the end of `text`'s first line, the line is all path and desk.
pub(crate) fn desk_prefix_len(text: &str, lang: Lang) -> usize {
    let line = crate::segment::first_line(text);
    let desks = &lists(lang).desk_words;
    // Most sentences open otherwise: without an arrow, a path needs a desk
    // word (Persian only) near the start.
    let mut end = line.len().min(DESK_SEARCH_BYTES);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let head = &line[..end];
    let arrow = head.as_bytes().contains(&b'>') || head.contains('›');
    if !arrow
        && (desks.is_empty() || {
            let head = normalize_key(head, lang);
            !desks.iter().any(|d| head.contains(d.as_str()))
        })
    {
        return 0;
    }
    let toks = tokens(line);
    let is_desk = |w: &str| desks.contains(&key(w, lang));
    // The path: sections of 1..=SECTION_MAX_WORDS words between arrows, then a dash.
    let (mut in_section, mut arrows) = (0, 0);
    let mut dash_end = None;
    for &(tok, end) in &toks {
        match tok {
            Token::Word(w) => {
                in_section += 1;
                if in_section > SECTION_MAX_WORDS || !section_word(w) {
                    return 0;
                }
            }
            Token::Arrow if in_section > 0 => {
                arrows += 1;
                in_section = 0;
            }
            Token::Dash if in_section > 0 => {
                dash_end = Some(end);
                break;
            }
            _ => return 0,
        }
    }
    let Some(dash_end) = dash_end else {
        return 0;
    };
    let opens_with_desk = matches!(toks.first(), Some(&(Token::Word(w), _)) if is_desk(w));
    // A desk or a name with a colon after the dash.
    let rest = &line[dash_end..];
    let after: Vec<(usize, &str)> = words(rest, LINE_DESK_MAX_WORDS);
    let colon = after
        .iter()
        .position(|&(_, w)| w.ends_with([':', '：']))
        .map(|k| (k + 1, dash_end + after[k].0 + after[k].1.len()));
    let desk_after = after.first().is_some_and(|&(_, w)| is_desk(w));
    let desk_end = colon.filter(|&(n, end)| {
        let ends_line = line[end..].trim().is_empty();
        // `علی دایی گفت:` before a quote is a speaker, no desk.
        let stems = crate::segment::saying_stems(lang);
        let says = after[..n]
            .iter()
            .any(|&(_, w)| stems.iter().any(|s| key(w, lang).contains(s.as_str())));
        !says && ((desk_after && n <= DESK_MAX_WORDS) || (ends_line && n <= LINE_DESK_MAX_WORDS))
    });
    // A path has arrows, or opens with a desk word (`سرویس بین الملل ـ`);
    // a desk after the dash opens with a desk word or is a name ending the line.
    let path = arrows > 0 || opens_with_desk;
    let end = match desk_end {
        Some((_, end)) if path || desk_after => end,
        _ if path => dash_end,
        _ => return 0,
    };
    end + text[end..].len() - text[end..].trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skipped(text: &str) -> &str {
        &text[..desk_prefix_len(text, Lang::FA)]
    }

    #[test]
    fn a_section_path_and_desk_before_the_story_are_skipped() {
        let cases = [
            (
                "ورزش > تورنمنت - طبق پیش‌بینی‌ها، سلیمی ایستاد.",
                "ورزش > تورنمنت - ",
            ),
            (
                "کتاب > کتابخوانی- معاون امور اجتماعی اعلام کرد.",
                "کتاب > کتابخوانی- ",
            ),
            ("جهان > اروپا- همشهری آنلاین:", "جهان > اروپا- همشهری آنلاین:"),
            (
                "جهان > اروپا- همشهری آنلاین:\nبرلوسکونی استعفا کرد.",
                "جهان > اروپا- همشهری آنلاین:\n",
            ),
            (
                "حمل \u{200c}و\u{200c} نقل - گروه شهری: قائم مقام گفت: استان تهران اول است.",
                "حمل \u{200c}و\u{200c} نقل - گروه شهری: ",
            ),
            (
                "سرویس بین الملل ـ یک مقام بلندپایه پنتاگون گفت.",
                "سرویس بین الملل ـ ",
            ),
            (
                "حمل \u{200c}و\u{200c} نقل > مقررات - سرهنگ دکتر علیرضا اسماعیلی*:",
                "حمل \u{200c}و\u{200c} نقل > مقررات - سرهنگ دکتر علیرضا اسماعیلی*:",
            ),
            (
                "کتاب > کتابخوانی- گروه ادب وهنر - بهاره اسماعیل‌زاده:",
                "کتاب > کتابخوانی- گروه ادب وهنر - بهاره اسماعیل‌زاده:",
            ),
            (
                "Home > News > World - Russia's parliament met.",
                "Home > News > World - ",
            ),
        ];
        for (text, prefix) in cases {
            assert_eq!(skipped(text), prefix, "{text}");
        }
    }

    #[test]
    fn story_openings_with_dashes_and_arrows_stay() {
        for text in [
            "محمد خزاعی ـ دبیر جشنواره فیلم فجر ـ در سخنان خود گفت.",
            "ساعت 19 یکشنبه - 21:30 به وقت تهران - انتخابات پایان می یابد.",
            "Revenue > $5 billion - analysts say growth slowed.",
            "The mayor - a former judge - said the plan would work.",
            "تهران - ایرنا - رئیس جمهور گفت.",
            "a > b",
            "",
        ] {
            assert_eq!(skipped(text), "", "{text}");
        }
        // After a path, a speaker with a colon is the story, not a desk.
        for (text, prefix) in [
            (
                "ورزش > فوتبال - علی دایی گفت:\n«ما آماده‌ایم.»",
                "ورزش > فوتبال - ",
            ),
            (
                "پلیس > پلیس راهنمایی - رئیس پلیس راهنمایی و رانندگی نیروی انتظامی گفت: تحول در راه است.",
                "پلیس > پلیس راهنمایی - ",
            ),
        ] {
            assert_eq!(skipped(text), prefix, "{text}");
        }
    }
}
