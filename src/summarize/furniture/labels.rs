//! Lines that are furniture by themselves, whatever their words: a page
//! widget's label (`Поделиться`, `Tags: …`, `page_labels.txt`), a link or
//! an address alone, an agency's name alone (`Xinhua News Agency`,
//! `SOURCE: Reuters`), and, as a first line, a wire's note that is no
//! headline (`(Adds quote …)`, `ENDS`).

use super::{Lang, Lists, all_capitals, count_words, key};
use crate::tokenize::normalize_key;

/// A page widget's label with its value (`Теги: транспорт, бюджет`) has at
/// most this many words.
pub(super) const PAGE_LABEL_MAX_WORDS: usize = 12;
/// A label without a value has at most this many words (`Версия для печати`).
const PAGE_LABEL_ALONE_WORDS: usize = 4;

/// `text`'s matching key without white space (Persian writes `برچسب‌ها`
/// and `برچسب ها` alike).
pub(super) fn spaceless_key(text: &str, lang: Lang) -> String {
    normalize_key(text, lang)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Whether `text` is a page widget's label (`page_labels.txt`): the whole
/// line (`Поделиться`, `Most read.`), or a label ending with a colon and
/// its value (`Tags: transport, budget`).
pub(super) fn is_page_label(text: &str, lists: &Lists, lang: Lang) -> bool {
    // A label alone has at most four words; a longer line has a colon.
    if count_words(text, PAGE_LABEL_ALONE_WORDS + 1) > PAGE_LABEL_ALONE_WORDS
        && !text.contains([':', '：'])
    {
        return false;
    }
    let with_value = spaceless_key(text, lang);
    let whole = with_value.trim_end_matches(['.', '!', ':', '：', '|', '»', '›']);
    lists
        .page_labels
        .iter()
        .any(|label| match label.strip_suffix(':') {
            Some(bare) => whole == bare || with_value.starts_with(label.as_str()),
            None => whole == *label,
        })
}

/// An agency's name on a line of its own (`Xinhua News Agency`) has at most
/// this many words.
pub(super) const AGENCY_LINE_WORDS: usize = 4;

/// Whether `text` is one link or address and nothing else
/// (`http://www.noaa.gov`, `www.example.com`, `letters@example.com`).
pub(super) fn is_link(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ',', ';']);
    !t.contains(char::is_whitespace)
        && (t.starts_with("http://")
            || t.starts_with("https://")
            || t.starts_with("www.")
            || t.split_once('@')
                .is_some_and(|(a, b)| !a.is_empty() && b.contains('.')))
}

/// Whether `text` is an agency's name alone (`Reuters`, `РИА Новости`),
/// perhaps followed by up to two capitalised words (`Xinhua News Agency`)
/// or after a label (`SOURCE: Reuters`, `Источник: ТАСС`).
pub(super) fn is_agency_line(text: &str, lists: &Lists, lang: Lang) -> bool {
    let mut ws: Vec<&str> = text.split_whitespace().collect();
    if ws.len() > 1 && ws[0].ends_with(':') {
        ws.remove(0);
    }
    let keys: Vec<String> = ws.iter().map(|w| key(w, lang)).collect();
    lists.agencies.iter().any(|a| {
        keys.len() >= a.len()
            && keys.len() <= a.len() + 2
            && keys.iter().zip(a).all(|(k, w)| k == w)
            && ws[a.len()..]
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    })
}

/// Whether a first line is a wire's note rather than a headline: all in
/// brackets (`(Adds quote from minister)`, `(mp/sg)`) or one word in
/// capitals (`ENDS`, `BREAKING`).
pub(super) fn is_wire_note_line(line: &str) -> bool {
    let mut ws = line.split_whitespace();
    let one_word = ws.next().is_some() && ws.next().is_none();
    bracketed(line) || (one_word && all_capitals(line))
}

/// Whether `line` (trimmed) is all in one pair of round or square brackets.
pub(super) fn bracketed(line: &str) -> bool {
    line.starts_with(['(', '[']) && line.ends_with([')', ']'])
}
