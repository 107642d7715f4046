//! The script-independent checks: empty, untranslated, end punctuation,
//! repeated word, length, brackets and untouchables.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::{CheckKind, Finding, collapse_spaces};
use crate::lang::Lang;
use crate::resources::entries as resource_entries;
use crate::tokenize::{for_each_word, normalize_key};

pub(crate) use crate::invisible::{is_blank, is_invisible};

/// Byte spans of the URLs, e-mail addresses, @handles, #hashtags, bare
/// domains and placeholders of `text`, in order.
pub(crate) fn untouchable_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (start, piece) in whitespace_pieces(text) {
        // Opening punctuation before, closing punctuation after, are not part of it.
        // Bidi marks and other invisible characters (a right-to-left mark
        // before a handle in Persian text) are not part of it either.
        let lead = piece.len()
            - piece
                .trim_start_matches(|c: char| {
                    is_invisible(c)
                        || ['(', '[', '{', '«', '"', '\'', '“', '‘', '„', '<'].contains(&c)
                })
                .len();
        let core = piece[lead..].trim_end_matches(|c: char| {
            is_invisible(c)
                || [
                    '.', ',', ';', ':', '!', '?', ')', ']', '}', '»', '"', '\'', '”', '’', '>',
                    '…', '،', '؛', '؟',
                ]
                .contains(&c)
        });
        if core.is_empty() {
            continue;
        }
        let lower = core.to_ascii_lowercase();
        let is_url = lower.starts_with("http://")
            || lower.starts_with("https://")
            || (lower.starts_with("www.") && core.len() > 6);
        let is_email = !is_url && is_email(core);
        let is_tag = (core.starts_with('@') || core.starts_with('#'))
            && core.len() > 1
            && core[1..]
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
            && core[1..].chars().any(|c| c.is_alphabetic());
        let is_domain = !(is_url || is_email || is_tag) && super::untouchable::is_bare_domain(core);
        if is_url || is_email || is_tag || is_domain {
            let s = start + lead;
            let core = if is_tag {
                core.trim_end_matches('.')
            } else {
                core
            };
            out.push((s, s + core.len()));
        }
    }
    // Placeholders, where no other item holds them (`{id}` in a URL).
    for (s, e) in super::untouchable::placeholder_spans(text) {
        if !out.iter().any(|&(a, b)| s < b && a < e) {
            out.push((s, e));
        }
    }
    out.sort_unstable();
    out
}

/// The pieces of `text` between white space, each with its byte offset.
/// White space may be several bytes long (a no-break space from `&nbsp;`,
/// an ideographic space), so offsets come from the characters themselves,
/// never from counting one byte per separator.
pub(crate) fn whitespace_pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = rest.peek() {
            if !c.is_whitespace() {
                break;
            }
            rest.next();
        }
        let &(start, _) = rest.peek()?;
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if c.is_whitespace() {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

fn is_email(s: &str) -> bool {
    let Some((user, domain)) = s.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c))
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

/// Whether `text` has a word to translate once untouchables are removed:
/// two words with letters, or one that is not capitalized (a lone name or
/// acronym such as "Reuters" or "NATO" is often kept as is).
pub(crate) fn has_words_to_translate(text: &str) -> bool {
    let spans = untouchable_spans(text);
    let mut words = Vec::new();
    for_each_word(text, |s, e| {
        if !spans.iter().any(|&(a, b)| s >= a && e <= b) {
            words.push(&text[s..e]);
        }
    });
    let lettered: Vec<&str> = words
        .into_iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    match lettered.as_slice() {
        [] => false,
        [one] => !one.chars().next().is_some_and(char::is_uppercase),
        _ => true,
    }
}

/// Whether `target` is `source` (spaces aside) and the source has words to
/// translate: the translator skipped it.
pub(crate) fn is_copy(source: &str, target: &str) -> bool {
    collapse_spaces(source) == collapse_spaces(target) && has_words_to_translate(source)
}

/// Closing quotes and brackets that may follow the final mark.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | '“' | ')' | ']' | '}' | '*'
    ) || c.is_whitespace()
        || is_invisible(c)
}

/// Sentence-final marks of the languages we check: Latin/Cyrillic
/// `. ! ? …`, Arabic-script `؟` and `۔`, CJK `。！？`.
fn is_final_mark(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '؟' | '۔' | '。' | '！' | '？' | '‼' | '⁉'
    )
}

fn final_char(text: &str) -> Option<char> {
    text.trim_end_matches(is_closer).chars().next_back()
}

pub(crate) fn end_punctuation(source: &str, target: &str) -> Option<Finding> {
    let src = final_char(source)?;
    if !is_final_mark(src) {
        return None;
    }
    let tgt = final_char(target)?;
    if is_final_mark(tgt) {
        return None;
    }
    Some(Finding::warning(
        CheckKind::EndPunctuation,
        format!("the source ends a sentence with \"{src}\" and the target does not"),
    ))
}

fn reduplications(lang: Lang) -> &'static HashSet<String> {
    static RU: OnceLock<HashSet<String>> = OnceLock::new();
    static FA: OnceLock<HashSet<String>> = OnceLock::new();
    static NONE: OnceLock<HashSet<String>> = OnceLock::new();
    let (cell, text) = match lang.as_str() {
        "ru" => (
            &RU,
            crate::resources::builtin(Lang::RU, "reduplications.txt"),
        ),
        "fa" => (
            &FA,
            crate::resources::builtin(Lang::FA, "reduplications.txt"),
        ),
        _ => (&NONE, ""),
    };
    cell.get_or_init(|| {
        resource_entries(text)
            .map(|w| normalize_key(w, lang))
            .collect()
    })
}

/// Immediate repetitions in `text`: the same word twice with only
/// whitespace between, as (key, the two words as written).
fn repetitions(text: &str, lang: Lang) -> Vec<(String, String)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for_each_word(text, |s, e| spans.push((s, e)));
    let mut out = Vec::new();
    for w in spans.windows(2) {
        let ((s1, e1), (s2, e2)) = (w[0], w[1]);
        if !text[e1..s2].chars().all(char::is_whitespace) {
            continue;
        }
        let (a, b) = (&text[s1..e1], &text[s2..e2]);
        if !a.chars().any(char::is_alphabetic) {
            continue;
        }
        let key = normalize_key(a, lang);
        if key == normalize_key(b, lang) {
            out.push((key, text[s1..e2].to_string()));
        }
    }
    out
}

pub(crate) fn repeated_word(
    source: &str,
    target: &str,
    source_lang: Lang,
    target_lang: Lang,
) -> Vec<Finding> {
    // A source that repeats itself ("very, very" as "very very") licenses it.
    if !repetitions(source, source_lang).is_empty() {
        return Vec::new();
    }
    let legit = reduplications(target_lang);
    let mut seen = HashSet::new();
    repetitions(target, target_lang)
        .into_iter()
        .filter(|(key, _)| !legit.contains(key) && seen.insert(key.clone()))
        .map(|(_, words)| {
            Finding::error(
                CheckKind::RepeatedWord,
                format!("\"{words}\": the same word twice"),
            )
        })
        .collect()
}

/// The normal range of target/source length (in non-space characters) for
/// a language pair: ratios outside it are reported when the source has at
/// least [`LENGTH_MIN_SOURCE_CHARS`]. Calibrated on the dev data (see
/// docs/quality.md): the dev extremes with a margin of about 15 %.
pub(crate) fn length_bounds(source_lang: Lang, target_lang: Lang) -> (f64, f64) {
    match (source_lang.as_str(), target_lang.as_str()) {
        ("en", "ru") => (0.52, 2.6),
        ("en", "fa") => (0.33, 2.35),
        (s, t) if s == t => (0.5, 2.0),
        _ => (0.3, 3.0),
    }
}

/// Sources shorter than this (non-space characters) are not length-checked:
/// the ratio of a two-word heading says nothing.
pub(crate) const LENGTH_MIN_SOURCE_CHARS: usize = 20;

fn visible_len(text: &str) -> usize {
    text.chars()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .count()
}

pub(crate) fn length(
    source: &str,
    target: &str,
    source_lang: Lang,
    target_lang: Lang,
) -> Option<Finding> {
    let s = visible_len(source);
    if s < LENGTH_MIN_SOURCE_CHARS {
        return None;
    }
    let t = visible_len(target);
    let ratio = t as f64 / s as f64;
    let (lo, hi) = length_bounds(source_lang, target_lang);
    if ratio >= lo && ratio <= hi {
        return None;
    }
    Some(Finding::warning(
        CheckKind::Length,
        format!(
            "the target has {t} characters for {s} in the source (ratio {ratio:.2}, usual {lo}–{hi})"
        ),
    ))
}

/// How a text's brackets and quotation marks open and close: for each of
/// `()`, `[]`, `{}` and quotes (all kinds together, since «» or „“ in a
/// target stand for "" or '' in the source), the opening marks minus the
/// closing ones, and the lowest depth reached on the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Depth {
    pub(crate) net: i64,
    pub(crate) low: i64,
    pub(crate) marks: i64,
    /// The last step: 1 opening, -1 closing, 0 none yet.
    last: i64,
}

impl Depth {
    fn step(&mut self, by: i64) {
        self.marks += 1;
        self.last = by;
        self.net += by;
        self.low = self.low.min(self.net);
    }
}

const BRACKET_CLASSES: [(&str, char, char); 3] =
    [("()", '(', ')'), ("[]", '[', ']'), ("{}", '{', '}')];

/// Depths of the three bracket classes and of quotation marks.
///
/// Quotes are told apart by position: `“ „ « ‘` open, `” »` close (and `“`
/// closes in text that opens with `„`, as Russian and German do); a
/// straight `"` or `'` (or `’`) opens after a space or at the start, and
/// closes elsewhere. An apostrophe between letters (`don't`) is not a
/// quote, nor is `s'` closing when no single quote is open (`the AMs' title`).
pub(crate) fn depths(text: &str) -> ([Depth; 3], Depth) {
    depths_with(text, text.contains('„'))
}

/// [`depths`] of a part of a longer text, where `low_quote` says whether
/// the whole opens quotations with `„` (so that `“` closes).
pub(crate) fn depths_with(text: &str, low_quote: bool) -> ([Depth; 3], Depth) {
    let mut brackets = [Depth::default(); 3];
    let mut quotes = Depth::default();
    let chars: Vec<char> = text.chars().collect();
    let mut single_open: i64 = 0;
    for (i, &c) in chars.iter().enumerate() {
        if let Some(k) = BRACKET_CLASSES.iter().position(|(_, o, _)| *o == c) {
            brackets[k].step(1);
            continue;
        }
        if let Some(k) = BRACKET_CLASSES.iter().position(|(_, _, cl)| *cl == c) {
            brackets[k].step(-1);
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let by_position = || {
            prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p))
                && next.is_some_and(|n| !n.is_whitespace())
        };
        let opens = match c {
            '„' | '«' | '‘' => true,
            '“' => !low_quote,
            '”' | '»' => false,
            '"' => by_position(),
            '\'' | '’' => {
                if letter(prev) && letter(next) {
                    continue;
                }
                let opens = by_position();
                if !opens && single_open == 0 && matches!(prev, Some('s' | 'S')) {
                    continue;
                }
                single_open += if opens { 1 } else { -1 };
                opens
            }
            _ => continue,
        };
        quotes.step(if opens { 1 } else { -1 });
    }
    (brackets, quotes)
}

/// Whether the target's depth is acceptable for the source's. A source
/// that pairs up its marks needs a target that does; a source that leaves
/// a quotation open or closes one from an earlier segment allows the
/// target the same, less (translators often close each segment's
/// quotation), or a paired-up text, but not more or the other way.
fn depth_ok(source: Depth, target: Depth) -> bool {
    let paired = |d: Depth| d.net == 0 && d.low == 0;
    if paired(source) {
        return paired(target);
    }
    // A target without any of the marks has dropped the quotation.
    target.marks > 0 && paired(target)
        || (target.net.signum() == source.net.signum() && target.net.abs() <= source.net.abs())
        || (target.net == 0 && source.net == 0)
}

/// Whether the target's quotation marks are acceptable for the source's.
/// Beyond [`depth_ok`], two arrangements of a quotation that runs across
/// segments pass (each measured on ntrex_dev to cost little recall, see
/// docs/quality.md):
///
/// - the source has no quotation mark (it may sit inside a quotation of
///   its neighbours) and the target's only mark opens a quotation at its
///   very start or closes one at its very end: the translator moved the
///   boundary of the neighbours' quotation;
/// - the source opens or closes a quotation of another segment and the
///   target leaves its last quotation open to the end of the segment.
///
/// A quotation the target leaves open (or a closing mark dropped) where
/// the source pairs up its marks is reported: a dropped closing mark
/// cannot be told from a translator's slip, and accepting it would miss
/// most dropped marks.
fn quotes_ok(source: Depth, target: Depth, target_text: &str) -> bool {
    if depth_ok(source, target) {
        return true;
    }
    if source.marks == 0 {
        return quote_at_edge(target, target_text);
    }
    let spans = source.net != 0 || source.low < 0;
    spans && open_to_the_end(target)
}

/// Whether the marks pair up but for one quotation opened by the last
/// mark (after every closing one) and left open to the end.
fn open_to_the_end(depth: Depth) -> bool {
    depth.net == 1 && depth.low >= 0 && depth.last == 1
}

/// Whether the text's one quotation mark opens a quotation as its first
/// character or closes one as its last (before a final stop).
fn quote_at_edge(depth: Depth, text: &str) -> bool {
    let quote = |c: Option<char>| {
        c.is_some_and(|c| matches!(c, '"' | '\'' | '«' | '»' | '“' | '”' | '„' | '‘' | '’'))
    };
    let blank = |c: char| c.is_whitespace() || crate::invisible::is_invisible(c);
    let text = text.trim_matches(blank);
    match (depth.marks, depth.net) {
        (1, 1) => quote(text.chars().next()),
        (1, -1) => quote(
            text.trim_end_matches(['.', '!', '?', '…'])
                .chars()
                .next_back(),
        ),
        _ => false,
    }
}

pub(crate) fn brackets(source: &str, target: &str) -> Vec<Finding> {
    let (src_b, src_q) = depths(source);
    let (tgt_b, tgt_q) = depths(target);
    let mut out = Vec::new();
    for (k, (name, _, _)) in BRACKET_CLASSES.iter().enumerate() {
        if !depth_ok(src_b[k], tgt_b[k]) {
            out.push(Finding::error(
                CheckKind::Brackets,
                format!(
                    "brackets {name} do not pair up in the target as in the source ({} unclosed in the source, {} in the target)",
                    src_b[k].net, tgt_b[k].net
                ),
            ));
        }
    }
    if !quotes_ok(src_q, tgt_q, target) {
        let message = format!(
            "quotation marks do not pair up in the target as in the source ({} unclosed in the source, {} in the target)",
            src_q.net, tgt_q.net
        );
        // A warning: quotation conventions differ between languages, a
        // quotation may run across segments and be paired differently by a
        // good translator, and an unclosed « is worth a look but does not
        // change what the text says (an error must be near-certain and
        // fails the run).
        out.push(Finding::warning(CheckKind::Brackets, message));
    }
    out
}

/// Characters that continue a URL, e-mail address, @handle or #hashtag:
/// after an item they make it another one (`@newsdesk2`, `…/a/12`).
fn continues_item(c: char) -> bool {
    c.is_alphanumeric() || "_-/@%=&?~+#".contains(c)
}

/// Whether `item` stands in `text` as a whole: not the start of a longer
/// item (`@newsdesk` in `@newsdesk2`, `…/report/1` in `…/report/12`,
/// `a@b.org` in `a@b.org.ru`) nor the end of one (`press@…` in
/// `xpress@…`). A slash may follow (`…/a/` for `…/a`), and punctuation
/// that ends the sentence, not a point inside a longer name.
fn stands_whole(text: &str, item: &str) -> bool {
    if item.is_empty() {
        return true;
    }
    text.match_indices(item).any(|(at, _)| {
        // A handle, hashtag or URL may follow a word directly (a Persian
        // word, a bidi mark); an e-mail address or `www.` may not.
        let before_ok = !item.starts_with(char::is_alphanumeric)
            || !text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || "_.%+-".contains(c));
        let mut after = text[at + item.len()..].chars().skip_while(|&c| c == '/');
        let after_ok = match after.next() {
            None => true,
            Some(c) if continues_item(c) => false,
            Some('.' | ',' | ':' | ';' | '!' | '?') => {
                !after.next().is_some_and(|c| c.is_alphanumeric())
            }
            Some(_) => true,
        };
        before_ok && after_ok
    })
}

pub(crate) fn untouchables(source: &str, target: &str) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    let mut seen = HashSet::new();
    for (s, e) in untouchable_spans(source) {
        let item = &source[s..e];
        let bare = item.trim_end_matches('/');
        if stands_whole(target, bare) || !seen.insert(item) {
            continue;
        }
        out.push(Finding::error(
            CheckKind::Untouchables,
            format!("\"{item}\" is not in the target verbatim"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untranslated_needs_words() {
        let u = is_copy;
        assert!(u("The talks failed.", "The talks failed."));
        assert!(u("The talks  failed.", " The talks failed."));
        assert!(!u("2019", "2019"));
        assert!(!u(
            "https://example.org @bbc #MeToo",
            "https://example.org @bbc #MeToo"
        ));
        assert!(!u("Reuters", "Reuters"));
        assert!(u("update", "update"));
        assert!(!u("The talks failed.", "Переговоры провалились."));
    }

    #[test]
    fn end_punctuation_with_closers_and_persian_marks() {
        assert!(end_punctuation("He left.", "Он ушёл").is_some());
        assert!(end_punctuation("He left.", "او رفت").is_some());
        assert!(end_punctuation("He said \"no.\"", "Он сказал «нет».").is_none());
        assert!(end_punctuation("Did he leave?", "آیا او رفت؟").is_none());
        assert!(end_punctuation("(He left.)", "(Он ушёл.)").is_none());
        assert!(end_punctuation("Headline without a stop", "Заголовок").is_none());
        assert!(end_punctuation("And then…", "او رفت…").is_none());
        // The stop Persian and Russian put after the guillemet, dropped:
        // reported (accepting it would miss one cut sentence in ten on
        // the dev data, for one human slip in 456 units).
        assert!(end_punctuation("He said: \"We won.\"", "Он сказал: «Мы победили»").is_some());
        assert!(end_punctuation("He said: \"We won.\"", "Он сказал: «Мы победили».").is_none());
    }

    #[test]
    fn repeated_words_but_not_reduplication() {
        let r = |t: &str, l: Lang| repeated_word("He left.", t, Lang::EN, l).len();
        assert_eq!(r("Он и и ушёл.", Lang::RU), 1);
        assert_eq!(r("Он ушёл ушёл.", Lang::RU), 1);
        assert_eq!(r("او رفت رفت.", Lang::FA), 1);
        assert_eq!(r("Он ушёл, ушёл.", Lang::RU), 0);
        assert_eq!(r("Да да, он ушёл.", Lang::RU), 0);
        assert_eq!(r("او کم کم رفت.", Lang::FA), 0);
        assert_eq!(r("еле-еле", Lang::RU), 0);
        assert_eq!(r("В 10 10 раз", Lang::RU), 0);
        assert_eq!(
            repeated_word(
                "It is very very big.",
                "Это очень очень большое.",
                Lang::EN,
                Lang::RU
            )
            .len(),
            0
        );
    }

    #[test]
    fn reduplication_lists_are_sorted_normalized_keys() {
        for (text, lang) in [
            (
                crate::resources::builtin(Lang::RU, "reduplications.txt"),
                Lang::RU,
            ),
            (
                crate::resources::builtin(Lang::FA, "reduplications.txt"),
                Lang::FA,
            ),
        ] {
            let words: Vec<&str> = resource_entries(text).collect();
            let mut sorted = words.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(words, sorted);
            for w in words {
                assert_eq!(normalize_key(w, lang), w);
            }
        }
    }

    #[test]
    fn length_ratio_outside_the_pair_range() {
        let s = "The government announced a new plan for the economy today.";
        assert!(
            length(
                s,
                "Правительство объявило сегодня новый план для экономики.",
                Lang::EN,
                Lang::RU
            )
            .is_none()
        );
        assert!(length(s, "Правительство.", Lang::EN, Lang::RU).is_some());
        assert!(length(s, "دولت.", Lang::EN, Lang::FA).is_some());
        assert!(length("Short one.", "Коротко.", Lang::EN, Lang::RU).is_none());
    }

    #[test]
    fn brackets_and_quotes() {
        assert!(brackets("He said \"no\" (twice).", "Он сказал «нет» (дважды).").is_empty());
        assert!(brackets("He said \"no\".", "Он сказал „нет“.").is_empty());
        assert_eq!(
            brackets("He said \"no\" (twice).", "Он сказал «нет» (дважды.").len(),
            1
        );
        // A quotation the source pairs up, left open in the target: the
        // closing mark dropped (regression: accepting it missed one
        // dropped mark in five on ntrex_dev).
        assert_eq!(brackets("He said \"no\".", "او گفت «نه.").len(), 1);
        assert_eq!(brackets("He said \"no\".", "Он сказал \"нет.").len(), 1);
        assert_eq!(
            brackets("He said \"no\" and left.", "Он сказал «нет и ушёл.").len(),
            1
        );
        // The source's quotation runs on into the next segment or closes
        // one of an earlier one: the target may leave its last one open.
        assert!(
            brackets(
                "Did we leak...No, we didn't leak,\" he added.",
                "Он добавил: «Мы слили?.. Нет, не сливали."
            )
            .is_empty()
        );
        assert!(
            brackets(
                "\"We will win,\" he said: \"Then",
                "Он сказал: «Мы победим». «Затем"
            )
            .is_empty()
        );
        // A closing mark without its opening one, or two marks off.
        assert_eq!(
            brackets("He said \"no\" twice.", "Он сказал нет» дважды.").len(),
            1
        );
        assert_eq!(brackets("He said \"no\".", "او گفت «اوه «نه».").len(), 1);
        assert_eq!(brackets("He said \"no\".", "Он сказал «нет «да.").len(), 1);
        // A source without quotation marks inside a quotation of its
        // neighbours: the target may open it at its start or close it at
        // its end, but a lone mark elsewhere is a dropped one.
        assert!(brackets("Oh, no.", "«Ох, нет.").is_empty());
        assert!(brackets("Oh, no.", "\u{200f}«اوه، نه.").is_empty());
        assert!(brackets("It is part of the job.", "Это часть работы.»").is_empty());
        assert_eq!(brackets("Oh, no.", "«Ох» нет.»»").len(), 1);
        assert_eq!(
            brackets("He saw Game of Thrones.", "Он смотрел «Игру престолов.").len(),
            1
        );
        assert_eq!(
            brackets(
                "He saw Game of Thrones today.",
                "Он смотрел Игру престолов» сегодня."
            )
            .len(),
            1
        );
        // A quotation the source leaves open may stay open.
        assert!(brackets("\"We will win,", "«Мы победим,").is_empty());
        assert!(brackets("a) first", "а) первое").is_empty());
        assert!(brackets("I got bit!'", "Меня укусили!»").is_empty());
        assert!(brackets("He said: 'What is it?", "او گفت: «این چیست؟").is_empty());
        assert!(
            brackets(
                "They say \"oh, I did not do it.",
                "Они говорят: «Нет, я этого не делал."
            )
            .is_empty()
        );
        assert_eq!(
            brackets("He said 'don't' twice.", "Он сказал нет» дважды.").len(),
            1
        );
        assert_eq!(depths("\"Talks,\" he said, 'failed.'").1.net, 0);
        assert_eq!(depths("the AMs' title").1.net, 0);
        // Left open in the source: left open in the target, or closed in
        // the segment; not dropped altogether.
        assert_eq!(brackets("\"We will win,", "«Мы победим").len(), 0);
        assert_eq!(brackets("\"We will win,", "«Мы победим»,").len(), 0);
        assert_eq!(brackets("We will win.\"", "Мы победим.»").len(), 0);
        // The source closes a quotation and the target has no mark: the
        // closing mark dropped, reported (a translator who closed it in
        // a neighbour, or used a dash, gets a warning too: accepting it
        // missed one dropped mark in twenty).
        assert_eq!(brackets("We will win.\"", "Мы победим.").len(), 1);
        assert_eq!(
            brackets("I lost,\" he said.", "Я проиграл, — сказал он.").len(),
            1
        );
        assert_eq!(brackets("We will win.\"", "«Мы «победим.").len(), 1);
        assert_eq!(brackets("(a) and b", "а) и б").len(), 1);
    }

    #[test]
    fn untouchables_kept_verbatim() {
        let s = "See https://example.org/a?b=1, write to press@example.org or @bbcnews (#MeToo).";
        assert!(
            untouchables(
                s,
                "См. https://example.org/a?b=1, пишите на press@example.org или @bbcnews (#MeToo)."
            )
            .is_empty()
        );
        assert_eq!(
            untouchables(
                s,
                "См. https://example.org/a?b=2, пишите на press@example.org или @bbcnews (#MeToo)."
            )
            .len(),
            1
        );
        assert_eq!(
            untouchables(
                s,
                "ببینید https://example.org/a?b=1 و press@example.org و @bbc و #MeToo"
            )
            .len(),
            1
        );
        // A no-break space or a bidi mark before or after an untouchable.
        let s = "Prices\u{a0}rose; see\u{a0}https://example.org/a1 and \u{200f}@bbc\u{200e}.";
        assert_eq!(
            untouchables(s, "Цены выросли; см.\u{a0}https://example.org/a2 и @bbc.").len(),
            1
        );
        assert!(untouchables(s, "Цены выросли; см. https://example.org/a1 и @bbc.").is_empty());
        let spans = untouchable_spans("Email a@b.co.");
        assert_eq!(spans, [(6, 12)]);
        assert!(untouchable_spans("C# and @ and # and 5@").is_empty());
    }

    /// Regression: an item of the source found as the start or the end of
    /// a longer one passed (`@newsdesk` → `@newsdesk2`, `…/report/1` →
    /// `…/report/12`, `a@b.org` → `a@b.org.ru`, `press@` → `xpress@`);
    /// sentence punctuation, a slash, brackets and a word or bidi mark
    /// directly before a handle keep it whole.
    #[test]
    fn an_untouchable_inside_a_longer_one_is_not_kept() {
        for (item, changed) in [
            ("@newsdesk", "@newsdesk2"),
            ("@newsdesk", "@newsdesk_ru"),
            ("#vote", "#vote2024"),
            (
                "https://example.org/report/1",
                "https://example.org/report/12",
            ),
            ("https://example.org/a", "https://example.org/a-b"),
            ("press@example.org", "press@example.org.ru"),
            ("press@example.org", "xpress@example.org"),
            ("www.example.org", "www.example.org.evil"),
        ] {
            let source = format!("See {item} now.");
            let target = format!("См. {changed} сейчас.");
            assert_eq!(
                untouchables(&source, &target).len(),
                1,
                "{item} → {changed}"
            );
            for kept in [
                format!("См. {item}."),
                format!("См. {item}, сейчас."),
                format!("См. ({item})"),
                format!("См. «{item}»!"),
                format!("См.\u{a0}{item}\u{200f} сейчас"),
            ] {
                assert!(untouchables(&source, &kept).is_empty(), "{kept}");
            }
        }
        assert!(untouchables("See https://example.org/a/", "См. https://example.org/a").is_empty());
        assert!(untouchables("See https://example.org/a", "См. https://example.org/a/").is_empty());
        assert!(untouchables("Follow @bbc.", "دنبال کنید\u{200f}را@bbc").is_empty());
    }

    /// A placeholder or bare domain of the source must be in the target
    /// as written: dropped, changed or run into another one is an error;
    /// kept before sentence punctuation, in brackets or quotes, or beside
    /// a bidi mark in Persian, it passes. Text with abbreviations and
    /// decimal numbers and no item has nothing to keep.
    #[test]
    fn a_changed_or_dropped_item_is_an_error_a_kept_one_passes() {
        let changes: [(&str, &[&str]); 8] = [
            ("%s", &["%d", "% s", "%с", "s"]),
            ("%1$s", &["%1 s", "%1$d", "%s"]),
            ("%(count)d", &["%(число)d", "%(count)s", "(count)"]),
            ("{name}", &["{имя}", "{نام}", "name", "{ name }"]),
            ("{0}", &["{ 0 }", "0", "{0"]),
            (
                "example.org",
                &["example.ru", "exemple.org", "example.org.ru", "пример.org"],
            ),
            (
                "bbc.co.uk",
                &["bbc.com", "bbc.co", "bbc.co.uk2", "би-би-си"],
            ),
            ("gov.uk/news", &["gov.uk", "gov.uk/новости", "gov.ru/news"]),
        ];
        for (item, changed) in changes {
            let source = format!("Reply to {item} today.");
            for c in changed.iter().chain([&""]) {
                for target in [
                    format!("Ответьте {c} сегодня."),
                    format!("امروز {c} پاسخ دهید."),
                ] {
                    assert_eq!(untouchables(&source, &target).len(), 1, "{item} → {target}");
                }
            }
            for kept in [
                format!("Ответьте на {item}."),
                format!("Ответьте на «{item}» сегодня!"),
                format!("Ответьте ({item}), т.е. сегодня."),
                format!("امروز به \u{200f}{item}\u{200e} پاسخ دهید."),
                format!("امروز به {item}، پاسخ دهید؟"),
            ] {
                assert!(untouchables(&source, &kept).is_empty(), "{item} → {kept}");
            }
        }
        for source in [
            "The U.S. economy grew 3.5% in 2019, i.e. faster, at 5 a.m. on Jan. 3.",
            "В 2019 г. экономика выросла на 3,5%, т.е. быстрее, и т.д.",
            "اقتصاد آمریکا در سال ۲۰۱۹ رشد ۳.۵ درصدی داشت.",
            "Rates rose 5%, a 100% rise; see section {} and { x }.",
        ] {
            assert!(untouchables(source, "Ничего.").is_empty(), "{source}");
        }
    }
}
