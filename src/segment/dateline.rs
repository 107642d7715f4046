//! Persian news datelines. A story in Persian news starts with a line such
//! as `تهران - واحد مرکزی خبر` or `دمشق، خبرگزاری جمهوری اسلامی` (a place, a
//! dash or comma, the agency), a sentence of its own with no mark to end
//! it. When the line break after it is lost (text joined into one
//! paragraph, as treebanks join their sentences), the story's first
//! sentence would run on from the agency's name.
//!
//! So: when a sentence starts with a place of at most three words, a dash or
//! a comma and then an agency of `resources/fa/agencies.txt`, and a word
//! follows the agency directly, the dateline ends after the agency. A
//! dash, colon or comma after the agency (`تهران - ایرنا - رئیس‌جمهور …`)
//! keeps the agency's own layout, one sentence; an agency that does not
//! follow a place and a separator (`خبرگزاری جمهوری اسلامی اعلام کرد`) is
//! the subject of the sentence.

use crate::lang::Lang;
use crate::tokenize::normalize_key;

/// Words of a place before the separator, at most.
const PLACE_WORDS: usize = 3;

/// The words of `text[from..to]` with their byte spans, at most `n`.
fn words(text: &str, from: usize, to: usize, n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[from..to].char_indices() {
        let at = from + i;
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, at));
                if out.len() == n {
                    return out;
                }
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(s) = start {
        out.push((s, to));
    }
    out.truncate(n);
    out
}

fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "–" | "—")
}

/// Where the dateline that opens `text[from..to]` ends, if it opens with
/// one and a word follows it. `agencies` holds the agencies' names as lists
/// of word keys.
pub(super) fn dateline_end(
    text: &str,
    from: usize,
    to: usize,
    agencies: &[Vec<String>],
) -> Option<usize> {
    let longest = agencies.iter().map(Vec::len).max().unwrap_or(0);
    let ws = words(text, from, to, PLACE_WORDS + 2 + longest);
    // The separator: a dash standing alone, or a comma closing the place.
    let mut agency_at = None;
    for (k, &(s, e)) in ws.iter().enumerate().take(PLACE_WORDS + 1) {
        let word = &text[s..e];
        if is_dash(word) && k > 0 {
            agency_at = Some(k + 1);
            break;
        }
        if word.ends_with('،') && word.chars().count() > 1 && k < PLACE_WORDS {
            agency_at = Some(k + 1);
            break;
        }
        // A place has no marks of its own.
        if word.chars().any(|c| !c.is_alphabetic() && c != '\u{200C}') {
            return None;
        }
    }
    let agency_at = agency_at?;
    let keys: Vec<String> = ws[agency_at..]
        .iter()
        .map(|&(s, e)| normalize_key(&text[s..e], Lang::FA))
        .collect();
    let agency = agencies
        .iter()
        .filter(|a| keys.len() > a.len() && keys[..a.len()] == a[..])
        .map(Vec::len)
        .max()?;
    let (_, end) = ws[agency_at + agency - 1];
    let (next, _) = ws[agency_at + agency];
    // The agency's name must end at a word boundary, and the next word must
    // start with a letter: a dash, colon or comma continues the layout.
    let next_char = text[next..].chars().next()?;
    (end < next && next_char.is_alphabetic()).then_some(end)
}

/// Adds a cut after each dateline that opens a sentence of the paragraph
/// `start..end`, whose sentences end at `cuts` (sorted; they stay sorted).
pub(super) fn cut_datelines(
    text: &str,
    start: usize,
    end: usize,
    agencies: &[Vec<String>],
    cuts: &mut Vec<usize>,
) {
    let mut found = Vec::new();
    let mut from = start;
    for to in cuts.iter().copied().chain(std::iter::once(end)) {
        if to > from {
            let piece = &text[from..to];
            let lead = piece.len() - piece.trim_start().len();
            if let Some(cut) = dateline_end(text, from + lead, to, agencies) {
                found.push(cut);
            }
            from = to;
        }
    }
    if !found.is_empty() {
        cuts.extend(found);
        cuts.sort_unstable();
        cuts.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agencies() -> Vec<Vec<String>> {
        super::super::resources::builtin(Lang::FA).agencies.clone()
    }

    fn end(text: &str) -> Option<&str> {
        dateline_end(text, 0, text.len(), &agencies()).map(|e| &text[..e])
    }

    #[test]
    fn a_dateline_before_the_story_ends_at_the_agency() {
        assert_eq!(
            end("واشنگتن - خبرگزاری جمهوری اسلامی ستاره‌شناسان می‌گویند که …"),
            Some("واشنگتن - خبرگزاری جمهوری اسلامی")
        );
        assert_eq!(
            end("دمشق، واحد مرکزی خبر مصرف مداوم موز …"),
            Some("دمشق، واحد مرکزی خبر")
        );
        assert_eq!(
            end("بندر عباس – ایرنا رئیس سازمان بنادر گفت …"),
            Some("بندر عباس – ایرنا")
        );
    }

    #[test]
    fn an_agency_in_its_own_layout_or_as_a_subject_is_no_dateline() {
        // The agency's own layout goes on after a dash, colon or comma.
        assert_eq!(end("تهران - ایرنا - رئیس‌جمهور امروز به مشهد رفت."), None);
        assert_eq!(end("تهران - ایرنا: رئیس‌جمهور امروز به مشهد رفت."), None);
        // An agency that opens the sentence is its subject.
        assert_eq!(end("خبرگزاری جمهوری اسلامی اعلام کرد که …"), None);
        // A dash between two places is no dateline.
        assert_eq!(end("تهران - مشهد قطار سریع‌السیر …"), None);
        // Nothing follows: the sentence is the dateline already.
        assert_eq!(end("تهران - واحد مرکزی خبر"), None);
        // A place has no marks; a sentence that opens with a clause does
        // not become a dateline.
        assert_eq!(end("به گزارش واحد مرکزی خبر از دمشق، روزنامه …"), None);
        assert_eq!(end("او گفت: تهران - ایرنا …"), None);
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "",
            " ",
            "-",
            "، ایرنا",
            "تهران -",
            "تهران - ایرنا",
            "a - b c d e f g",
        ] {
            let _ = end(text);
        }
    }
}
