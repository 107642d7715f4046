//! What a reader does not count as a sentence of the story: the headline
//! (kept as the brief's title), datelines, bylines, credits, licence lines
//! and teasers ("furniture"), and which sentences lean on the one before
//! them (a pronoun or connective first).
//!
//! Every decision reads the original text and returns byte offsets into it;
//! nothing is rewritten. The word lists are `resources/<lang>/furniture.txt`,
//! `connectives.txt`, `months.txt` and `agencies.txt`.

use std::sync::OnceLock;

use crate::analysis::AnalyzedDocument;
use crate::lang::Lang;
use crate::resources::{builtin, entries};
use crate::segment::{
    LINE_BREAKS, case_counts, is_code, leading_codes_len, next_line_break, trim_codes_end,
    written_in_capitals,
};
use crate::tokenize::normalize_key;

/// A furniture phrase marks only sentences up to this many words: a long
/// sentence that mentions "Creative Commons" is about it.
const FURNITURE_MAX_WORDS: usize = 40;
/// A body sentence whose word set overlaps the title's at least this much
/// (Jaccard) restates the title.
const RESTATES_TITLE: f64 = 0.7;
/// A line ending with a colon introduces a sentence when it has at least
/// this many words; a shorter one is a label (`Key points:`), a fragment.
const INTRODUCES_MIN_WORDS: usize = 4;

/// What one sentence of a document is to the brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The document's headline.
    Title,
    /// Not a sentence of the story: never a brief sentence.
    Furniture,
    /// A line without a sentence end (a caption, a subheading, a byline):
    /// a brief sentence only when the input has nothing else.
    Fragment,
    /// A sentence of the story. `skip` bytes of dateline open it (its
    /// span in a brief starts after them); `leans` when it opens with a
    /// reference to the sentence before it; `introduces` when it ends with
    /// a colon and so leads into the sentence after it (a list, a
    /// quotation), or asks what the sentence after it answers ([`asks`]).
    Body {
        skip: usize,
        leans: bool,
        introduces: bool,
    },
}

/// The word lists of one language, as matching keys split into words.
#[derive(Debug, Default)]
struct Lists {
    connectives: Vec<Vec<String>>,
    /// The first words of the connectives, sorted and unique.
    connective_firsts: Vec<String>,
    furniture: Phrases,
    months: Vec<String>,
    /// Weekday names and year marks of a dateline's date, `calendar_words.txt`.
    calendar_words: Vec<String>,
    /// Words that open a picture's credit line and words that link them to
    /// its names (`credit_words.txt`, `credit_links.txt`).
    credit_words: Vec<String>,
    credit_links: Vec<String>,
    agencies: Vec<Vec<String>>,
    date_labels: Vec<String>,
    desk_words: Vec<String>,
    /// `page_labels.txt`, as keys without white space.
    page_labels: Vec<String>,
    /// Notices that may run into the sentence after them, lower case.
    prefixes: Vec<Prefix>,
}

/// Phrases looked for anywhere in a text, indexed by a hash of their first
/// four bytes: most positions of a sentence start no phrase, and one bit
/// rules them out (a `contains` per phrase and sentence cost 13 % of the
/// instructions of a batch of CNN/DM articles; two-byte keys such as `re`
/// or `co` matched too often to help).
#[derive(Debug)]
struct Phrases {
    /// Phrases of four bytes or more.
    long: Vec<String>,
    /// Shorter ones, looked for one by one.
    short: Vec<String>,
    /// Bit `h` set when a long phrase's first four bytes hash to `h`.
    bits: Vec<u64>,
}

impl Default for Phrases {
    fn default() -> Self {
        Phrases::new(Vec::new())
    }
}

impl Phrases {
    const HASH_BITS: u32 = 14;

    fn new(phrases: Vec<String>) -> Self {
        let mut bits = vec![0u64; (1 << Self::HASH_BITS) / 64];
        let (mut long, short): (Vec<String>, Vec<String>) = phrases
            .into_iter()
            .filter(|p| !p.is_empty())
            .partition(|p| p.len() >= 4);
        // Sorted, so that the phrases opening with a window's four bytes
        // are one range (common openings, `new `, `this`, hit often).
        long.sort_unstable();
        for p in &long {
            let h = Self::hash(&p.as_bytes()[..4]);
            bits[h / 64] |= 1 << (h % 64);
        }
        Phrases { long, short, bits }
    }

    fn hash(four: &[u8]) -> usize {
        let w = u32::from_le_bytes([four[0], four[1], four[2], four[3]]);
        (w.wrapping_mul(0x9E37_79B1) >> (32 - Self::HASH_BITS)) as usize
    }

    /// Whether `text` contains one of the phrases.
    fn found_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let long = !self.long.is_empty()
            && bytes.windows(4).enumerate().any(|(at, four)| {
                let h = Self::hash(four);
                self.bits[h / 64] & (1 << (h % 64)) != 0 && {
                    let from = self.long.partition_point(|p| p.as_bytes()[..4] < *four);
                    self.long[from..]
                        .iter()
                        .take_while(|p| p.as_bytes()[..4] == *four)
                        .any(|p| bytes[at..].starts_with(p.as_bytes()))
                }
            });
        long || self.short.iter().any(|p| text.contains(p.as_str()))
    }
}

fn load(lang: Lang) -> Lists {
    let words = |name: &str| -> Vec<Vec<String>> {
        entries(builtin(lang, name))
            .map(|e| {
                e.split_whitespace()
                    .map(|w| normalize_key(w, lang))
                    .collect()
            })
            .collect()
    };
    // Sorted word by word, so that the phrases of one first word are a run.
    let mut connectives = words("connectives.txt");
    connectives.retain(|c| !c.is_empty());
    connectives.sort_unstable();
    let mut connective_firsts: Vec<String> = connectives
        .iter()
        .filter_map(|c| c.first().cloned())
        .collect();
    connective_firsts.sort_unstable();
    connective_firsts.dedup();
    Lists {
        connectives,
        connective_firsts,
        furniture: Phrases::new(
            entries(builtin(lang, "furniture.txt"))
                .map(|e| normalize_key(e, lang))
                .collect(),
        ),
        months: entries(builtin(lang, "months.txt"))
            .map(|e| normalize_key(e, lang))
            .collect(),
        calendar_words: entries(builtin(lang, "calendar_words.txt"))
            .map(|e| normalize_key(e, lang))
            .collect(),
        credit_words: entries(builtin(lang, "credit_words.txt"))
            .map(|e| normalize_key(e, lang))
            .collect(),
        credit_links: entries(builtin(lang, "credit_links.txt"))
            .map(|e| normalize_key(e, lang))
            .collect(),
        agencies: words("agencies.txt"),
        date_labels: entries(builtin(lang, "date_labels.txt"))
            .map(|e| normalize_key(e, lang))
            .collect(),
        page_labels: entries(builtin(lang, "page_labels.txt"))
            .map(|e| spaceless_key(e, lang))
            .collect(),
        desk_words: entries(builtin(lang, "desk_words.txt"))
            .map(|e| normalize_key(e, lang))
            .collect(),
        prefixes: entries(builtin(lang, "furniture_prefixes.txt"))
            .map(Prefix::parse)
            .collect(),
    }
}

fn lists(lang: Lang) -> &'static Lists {
    static EN: OnceLock<Lists> = OnceLock::new();
    static RU: OnceLock<Lists> = OnceLock::new();
    static FA: OnceLock<Lists> = OnceLock::new();
    static NONE: OnceLock<Lists> = OnceLock::new();
    let cell = if lang == Lang::EN {
        &EN
    } else if lang == Lang::RU {
        &RU
    } else if lang == Lang::FA {
        &FA
    } else {
        return NONE.get_or_init(Lists::default);
    };
    cell.get_or_init(|| load(lang))
}

/// Quotes and brackets that may open a sentence before its first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '«' | '“' | '„' | '‘' | '‹' | '(' | '[' | '{' | '\u{200F}' | '\u{200E}'
    )
}

/// Quotes and brackets that may close a sentence after its end mark.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '»' | '”' | '’' | '›' | ')' | ']' | '}' | '*' | '\u{200F}' | '\u{200E}'
    )
}

/// Whether `text` ends as a sentence does: a full stop, question or
/// exclamation mark or ellipsis, perhaps inside quotes or brackets.
pub(crate) fn ends_a_sentence(text: &str) -> bool {
    let end = trim_codes_end(text).trim_end_matches(is_closer);
    end.ends_with(['.', '!', '?', '…', '؟', '۔', '。', '！', '？'])
}

/// Whether `text` ends with a colon (perhaps inside quotes or brackets): it
/// introduces what follows and is a sentence only together with it.
pub(crate) fn introduces(text: &str) -> bool {
    let end = trim_codes_end(text).trim_end_matches(is_closer);
    end.ends_with([':', '：'])
}

/// Whether `text` asks a question: it ends with a question mark (perhaps
/// with an exclamation mark after it, inside quotes or brackets). A brief
/// states what happened; a question of a story is its rhetoric (`Think it's
/// hard to redeem your miles for an airline award ticket?`), a page's
/// subheading (`What is Robot Vacuum Mapping?`), an interviewer's line or
/// one of a list of open questions (`آيا رده‌بندي ميزان خطرناكي است؟`). So
/// it is a brief sentence only with the sentence after it, which answers
/// it, as a sentence ending with a colon is with the one it introduces.
pub(crate) fn asks(text: &str) -> bool {
    let end = trim_codes_end(text).trim_end_matches(|c| is_closer(c) || c == '!' || c == '！');
    end.ends_with(['?', '؟', '？'])
}

/// The words of `text` (split at white space) with their byte offsets, at most `n`.
fn words(text: &str, n: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
                if out.len() == n {
                    return out;
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start
        && out.len() < n
    {
        out.push((s, &text[s..]));
    }
    out
}

/// A word's matching key without the punctuation around it, and without
/// an English contraction (`it's` is `it`, `they've` is `they`).
fn key(word: &str, lang: Lang) -> String {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    let bare = match bare.find(['\'', '’']) {
        Some(at) if lang == Lang::EN && at > 0 => &bare[..at],
        _ => bare,
    };
    normalize_key(bare, lang)
}

fn is_dash_char(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '‐')
}

fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "–" | "—" | "--" | "―" | "_")
}

/// Whether a word is written in capitals only (and has at least two letters
/// of a cased script): a dateline's place, `TEHRAN`.
fn all_capitals(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic());
    let mut n = 0;
    for c in letters {
        if !c.is_uppercase() {
            return false;
        }
        n += 1;
    }
    n >= 2 || (n == 1 && word.ends_with('.'))
}

/// `text.split_whitespace().take(max).count()` ([`crate::tokenize::count_words`]
/// reads bytes and decodes only non-ASCII white space).
fn count_words(text: &str, max: usize) -> usize {
    crate::tokenize::count_words(text).min(max)
}

/// Whether a sentence of at most [`FURNITURE_MAX_WORDS`] words is a
/// licence, copyright, credit or teaser line, or a byline.
fn is_furniture(text: &str, lang: Lang) -> bool {
    let n = count_words(text, FURNITURE_MAX_WORDS + 1);
    if n == 0 {
        return true;
    }
    // No word with a letter but layout codes (`-30-`, `&QL;`, `___`).
    if n <= FURNITURE_MAX_WORDS
        && (!text.chars().any(char::is_alphabetic)
            || (text.contains('&')
                && !text
                    .split_whitespace()
                    .any(|w| !is_code(w) && w.chars().any(char::is_alphabetic))))
    {
        return true;
    }
    if n > FURNITURE_MAX_WORDS {
        return false;
    }
    let lists = lists(lang);
    let lowered = normalize_key(text, lang);
    if lists.furniture.found_in(&lowered) {
        return true;
    }
    if n <= DATE_LINE_WORDS && is_date_line(text, lists, lang) {
        return true;
    }
    if n <= DESK_LINE_WORDS && is_desk_line(text, lists, lang) {
        return true;
    }
    // A byline: `By Jane Smith, CNN.`
    if n <= 7
        && text.starts_with("By ")
        && text.split_whitespace().skip(1).all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(w, "and" | "|" | "&" | "/" | "-" | "—")
        })
    {
        return true;
    }
    if n <= CREDIT_MAX_WORDS && is_credit_line(text, lang) {
        return true;
    }
    if n <= AGENCY_LINE_WORDS && (is_link(text) || is_agency_line(text, lists, lang)) {
        return true;
    }
    if n <= PAGE_LABEL_MAX_WORDS && is_page_label(text, lists, lang) {
        return true;
    }
    // A boilerplate line in capitals (`COPYRIGHT 1998 BY …`); it opens
    // with a word in capitals.
    if !text.split_whitespace().next().is_some_and(all_capitals) {
        return false;
    }
    let (upper, cased) = case_counts(text);
    if cased >= 20 && upper * 10 >= cased * 8 {
        return true;
    }
    // A short line all in capitals, such as the tail of a licence split
    // from it (`AND WORLD TIMES, INC.`): a story has no such sentence.
    n >= CAPITALS_LINE_WORDS && upper == cased && capitals_only(text)
}

/// A line that dates the page (`Updated 10:32 GMT, 5 December 2016.`) has
/// at most this many words.
const DATE_LINE_WORDS: usize = 16;

/// Whether `text` dates the page rather than tells the story: it opens with
/// a label of `date_labels.txt` (`Updated`, `Опубликовано:`, `تاریخ
/// انتشار:`) and every other word is a label, a date, a time, a time zone
/// in capitals (`GMT`, `EST`) or a separator (`|`). Without a label, a
/// sentence of a time and a date only (`08:28 EST, 5 December 2013 .`,
/// split from its `PUBLISHED:`) dates the page too.
fn is_date_line(text: &str, lists: &Lists, lang: Lang) -> bool {
    let mut ws = text.split_whitespace();
    let label = |w: &str| lists.date_labels.contains(&key(w, lang));
    // Most sentences open with a letter no label opens with: no key is
    // made for them.
    let Some(first) = ws.next() else {
        return false;
    };
    // (Arabic letters have several written forms: their key decides.)
    let letter = first.chars().next().and_then(|c| c.to_lowercase().next());
    let arabic = letter.is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let labelled =
        (arabic || lists.date_labels.iter().any(|l| l.chars().next() == letter)) && label(first);
    // `08:28`: a time of day.
    let clock = |w: &str| {
        w.split_once(':').is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
        })
    };
    if !labelled && !clock(first) {
        return false;
    }
    let (mut dated, mut month) = (false, false);
    for w in text.split_whitespace().skip(usize::from(labelled)) {
        let bare = date_word(w);
        let time = is_time_or_number(bare);
        let named = lists.months.contains(&key(bare, lang));
        month |= named;
        dated |= time || named;
        // A time zone (`GMT`, `gmt` in a document written in capitals) or
        // a short word between the dates (`on`, `at`).
        let letters = bare.chars().count();
        let zone = bare.chars().all(char::is_alphabetic)
            && (letters <= 3 || (letters == 4 && all_capitals(bare)));
        if !(time
            || named
            || zone
            || label(w)
            || bare.is_empty()
            || matches!(bare, "|" | "am" | "pm"))
        {
            return false;
        }
    }
    // Without a label, the time comes with a month: `10:30 on Monday.` may
    // be a line of a schedule.
    dated && (labelled || month)
}

/// Bytes of a label and the date it gives that open `text` on the lead's
/// own line (`Updated 10:32 AM EST, December 5, 2016 The river …`), up to
/// the lead: a label of `date_labels.txt`, then dates, times, zones in
/// capitals and labels, at least one a date or a time; then the lead,
/// which opens with a capital or a dateline. 0 when there is none.
fn date_prefix_len(text: &str, lang: Lang) -> usize {
    let lists = lists(lang);
    let label = |w: &str| lists.date_labels.contains(&key(w, lang));
    // Most sentences open with a word no label is: of another first
    // letter or length (no key is made for them).
    let first = text.split_whitespace().next().unwrap_or("");
    let bare = first.trim_matches(|c: char| !c.is_alphanumeric());
    let initial = bare.chars().next().and_then(|c| c.to_lowercase().next());
    let may_be = |d: &String| d.len() == bare.len() && initial.is_some_and(|l| d.starts_with(l));
    if !lists.date_labels.iter().any(may_be) || !label(first) {
        return 0;
    }
    let ws = words(text, 24);
    // The words that may end the prefix: each from the first date or time.
    let (mut ends, mut dated) = (Vec::new(), false);
    for (at, &(_, w)) in ws.iter().enumerate().skip(1) {
        let bare = date_word(w).trim_matches('|');
        let time = is_time_or_number(bare);
        let k = key(bare, lang);
        let named = lists.months.contains(&k) || lists.calendar_words.contains(&k);
        // In a prefix only a zone in capitals (`EST`, `AM`): `The` opens
        // the lead.
        let zone = (2..=4).contains(&bare.chars().count()) && all_capitals(bare);
        if !(time || named || zone || label(w) || bare.is_empty()) {
            break;
        }
        dated |= time || named;
        if dated {
            ends.push(at + 1);
        }
    }
    // The shortest prefix after which a dateline opens the lead (`… 2016
    // NEW YORK — …`, `… 2016 (CNN)Heavy …`: a place in capitals may pass
    // for a zone, and the dateline reads it whole), else the longest after
    // which a capital does.
    let start = |at: usize| ws.get(at).map(|&(start, _)| start);
    let dated = ends
        .iter()
        .filter_map(|&at| start(at))
        .find(|&s| lead_dateline_len(&text[s..], lang) > 0);
    let capital = || {
        ends.iter()
            .rev()
            .filter(|&&at| ws.get(at).is_some_and(|(_, w)| opens_with_capital(w)))
            .find_map(|&at| start(at))
    };
    dated.or_else(capital).unwrap_or(0)
}

/// Whether `word` opens with a capital letter, perhaps after a quote.
fn opens_with_capital(word: &str) -> bool {
    word.trim_start_matches(['"', '“', '\''])
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Whether a line that dates the page ends `text`, run onto a line that
/// ends no sentence (`Vaccine teaches … as part of treatment Last updated
/// on 5 December 2016.`): what is left is a heading, and the whole no
/// sentence of a brief.
fn trailing_date_line(text: &str, lang: Lang) -> bool {
    // Most sentences end otherwise: a date line ends with a digit.
    let end = text
        .trim_end()
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    if !end.ends_with(|c: char| c.is_numeric()) {
        return false;
    }
    let lists = lists(lang);
    // Word starts after white space, read without a copy: a label opens
    // with a capital whose small letter some label starts with.
    let mut after_space = false;
    text.char_indices().any(|(at, c)| {
        let start = after_space && !c.is_whitespace();
        after_space = c.is_whitespace();
        start
            && c.is_uppercase()
            && c.to_lowercase()
                .next()
                .is_some_and(|l| lists.date_labels.iter().any(|d| d.starts_with(l)))
            && count_words(&text[at..], DATE_LINE_WORDS + 1) <= DATE_LINE_WORDS
            && !ends_a_sentence(&text[..at])
            && is_date_line(&text[at..], lists, lang)
    })
}

/// A word of a date line without the marks around it (`5,`, `(GMT)`).
fn date_word(w: &str) -> &str {
    w.trim_matches(|c: char| matches!(c, ',' | '.' | '،' | ':' | '(' | ')'))
}

/// Whether a date line's word is a time or a number of a date (`10:32`,
/// `2016`, `05/12/2016`).
fn is_time_or_number(bare: &str) -> bool {
    bare.chars().any(char::is_numeric)
        && bare
            .chars()
            .all(|c| c.is_numeric() || matches!(c, ':' | '.' | '-' | '/'))
}

/// A desk's byline (`گروه ادب و هنر- ندا انتظامی:`) has at most this many words.
const DESK_LINE_WORDS: usize = 10;

/// Whether `text` is a news desk's byline: a word of `desk_words.txt`
/// first (`گروه`, `سرویس`: a newsroom's desk), then a dash, the
/// reporter's name and a colon that ends the line.
fn is_desk_line(text: &str, lists: &Lists, lang: Lang) -> bool {
    let text = text.trim();
    text.ends_with([':', '：'])
        && text.contains(['-', '–', '—'])
        && text
            .split_whitespace()
            .next()
            .is_some_and(|w| lists.desk_words.contains(&key(w, lang)))
}

/// A line of at least this many words, all in capitals, is no story sentence.
const CAPITALS_LINE_WORDS: usize = 2;
/// A run of at least this many words in capitals opening a sentence and
/// ending with a full stop is a licence or boilerplate line run into it.
const CAPITALS_RUN_WORDS: usize = 6;
/// Words read at most for such a run.
const CAPITALS_RUN_MAX_WORDS: usize = 64;

/// Whether every word of `text` that has a letter is written in capitals
/// (words of digits or signs alone, `1998`, `-`, `©`, go with either).
fn capitals_only(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .all(all_capitals)
}

/// Bytes of a licence or boilerplate line in capitals that opens `text` and
/// runs into the sentence after it, when the segmenter found no boundary
/// between them (`… WITHOUT ATTRIBUTION TO WORLDSOURCES, INC. Greenhouse gas
/// …`): at least [`CAPITALS_RUN_WORDS`] words in capitals, the last ending
/// with a full stop, then a word with small letters that opens a sentence.
/// 0 when there is none.
pub(crate) fn capitals_run_len(text: &str) -> usize {
    // Most sentences open with a word that is not in capitals.
    if !text.split_whitespace().next().is_some_and(all_capitals) {
        return 0;
    }
    // The words in capitals before the run's last full stop, and the
    // offset of the word after that stop.
    let mut lettered = 0;
    let mut stop: Option<(usize, usize)> = None;
    let mut after_stop = false;
    for (at, w) in words(text, CAPITALS_RUN_MAX_WORDS) {
        if after_stop {
            stop = stop
                .filter(|_| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || is_opener(c))
                })
                .map(|(n, _)| (n, at));
            after_stop = false;
        }
        let has_letter = w.chars().any(char::is_alphabetic);
        if has_letter && !all_capitals(w) {
            // The story opens at the word after the last stop (which may be
            // an acronym in capitals: `… INC. NATO and the UN met`).
            return match stop {
                Some((n, start)) if n >= CAPITALS_RUN_WORDS && start > 0 => start,
                _ => 0,
            };
        }
        lettered += usize::from(has_letter);
        if w.trim_end_matches(is_closer).ends_with('.') {
            stop = Some((lettered, 0));
            after_stop = true;
        }
    }
    0
}

/// Bytes of whole lines of furniture that open `text` and run into the
/// sentence after them, when the segmenter found no boundary between them
/// (`By Jane Smith, CNN` or `Updated 10:32 GMT` and a line break, then the
/// lead): each line furniture, a dateline or a restatement of the `title`
/// by itself. The last line is
/// never counted: a sentence of furniture alone is judged whole. 0 when
/// there is none.
fn furniture_lines_len(text: &str, lang: Lang, title: Option<&WordSet>) -> usize {
    let mut skip = 0;
    // Most sentences are one line.
    while let Some((nl, brk)) = next_line_break(&text[skip..]) {
        let line = &text[skip..skip + nl];
        let rest = &text[skip + nl + brk..];
        if rest.trim().is_empty() || line.trim().is_empty() {
            break;
        }
        // A line of furniture, perhaps after a dateline, or a dateline alone.
        let line = line.trim();
        let dateline = dateline_len(line, lang);
        let body = &line[dateline..];
        // A wire's note in brackets without a sentence end (`(Adds quote
        // …)`, `(mp/sg)`) is no story either.
        let note = bracketed(line) && !ends_a_sentence(&line[..line.len() - 1]);
        let furniture = dateline == line.len()
            || note
            || is_furniture(body, lang)
            || title.is_some_and(|t| restates(t, &word_set(body, lang)));
        if !furniture {
            break;
        }
        skip += nl + brk;
        skip += rest.len() - rest.trim_start().len();
    }
    skip
}

/// Whether `text` opens with a word or phrase of `connectives.txt`.
pub(crate) fn leans_on_previous(text: &str, lang: Lang) -> bool {
    let lists = lists(lang);
    // A dash before the first word (a dialogue or list dash, `— Однако …`,
    // `- But …`) hides a connective no more than a quote does.
    let text =
        text.trim_start_matches(|c: char| is_opener(c) || is_dash_char(c) || c.is_whitespace());
    // Most sentences open with no connective: look at the first word alone first.
    let Some(first) = text.split_whitespace().next().map(|w| key(w, lang)) else {
        return false;
    };
    if lists.connective_firsts.binary_search(&first).is_err() {
        return false;
    }
    // The phrases that open with this word; the words after it are read
    // only when a phrase needs them (`in` opens many sentences, `in
    // addition` few).
    let from = lists.connectives.partition_point(|c| c[0] < first);
    let mut rest: Option<Vec<String>> = None;
    lists.connectives[from..]
        .iter()
        .take_while(|c| c[0] == first)
        .any(|c| {
            if c.len() == 1 {
                return true;
            }
            let rest = rest.get_or_insert_with(|| {
                words(text, 4)
                    .iter()
                    .skip(1)
                    .map(|(_, w)| key(w, lang))
                    .collect()
            });
            c.len() - 1 <= rest.len() && c[1..].iter().zip(rest.iter()).all(|(a, b)| a == b)
        })
}

type WordSet = std::collections::HashSet<String>;

/// The set of word keys of `text`, for comparing it with the title.
fn word_set(text: &str, lang: Lang) -> WordSet {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| normalize_key(w, lang))
        .collect()
}

/// Whether a sentence of word set `body` restates the title `title`: the
/// two overlap by [`RESTATES_TITLE`] (Jaccard), or the sentence is a part
/// of the title, every word of it in the title (a page repeats the first
/// half of a two-part headline as a subheading).
fn restates(title: &WordSet, body: &WordSet) -> bool {
    jaccard(title, body) >= RESTATES_TITLE
        || (body.len() >= TITLE_PART_MIN_WORDS && body.iter().all(|w| title.contains(w)))
}

/// A part of the title restates it when it has at least this many words.
const TITLE_PART_MIN_WORDS: usize = 4;

fn jaccard(a: &std::collections::HashSet<String>, b: &std::collections::HashSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(b).count() as f64 / union as f64
    }
}

/// `text` without the white space and invisible characters (a bidi mark
/// after a Persian headline) at its ends: what a title shows.
fn shown(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || crate::invisible::is_invisible(c))
}

/// A document's roles, sentence by sentence, and its title (the given
/// one, else the first line when it is a headline).
pub(crate) fn roles(doc: &AnalyzedDocument) -> (Vec<Role>, Option<String>) {
    let lang = doc.lang();
    let text = &doc.document.text;
    let given = doc
        .document
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| t.chars().any(char::is_alphanumeric));
    let headline = first_line_headline(doc);
    // The given title may open the text split into sentences (a page's
    // `What is Catering? What is a Caterer? Types of Catering`): all of
    // them are the title.
    let title_sentences = given.map_or(0, |t| given_title_sentences(doc, t));
    let first_is_given = title_sentences > 0;
    let introduction = !first_is_given && opening_introduction(doc);
    // A kicker that introduces the text stands above the headline (`وزیر
    // خارجه:` / the quote): the line after it may be the headline.
    let head_from = usize::from(introduction && headline == 0);
    let headline = if head_from > 0 {
        headline_at(doc, head_from)
    } else {
        headline
    };
    // A headline the segmenter ran into the sentence after it.
    let joined = if headline > 0 || first_is_given {
        0
    } else {
        joined_headline(doc, given)
    };
    let title: Option<String> = match given {
        Some(t) => Some(t.to_string()),
        // A headline of a wire feed may carry layout codes (`… June 8: &QL;`).
        None if headline > 0 => {
            let head =
                &text[doc.sentences[head_from].start..doc.sentences[head_from + headline - 1].end];
            Some(without_site_name(shown(trim_codes_end(head)), lang).to_string())
        }
        None if joined > 0 => {
            let head = shown(&doc.sentence_text(0)[..joined]);
            Some(without_site_name(head, lang).to_string())
        }
        None => None,
    };
    let title_words = title.as_deref().map(|t| word_set(t, lang));
    // Asked only when a line looks like furniture (rarely): one pass.
    let capitals = std::cell::OnceCell::new();
    let in_capitals = || *capitals.get_or_init(|| written_in_capitals(text));
    let captions = wire::caption_lines(text);
    // Until the first sentence of the story, a lead's datelines are read.
    let mut lead = true;
    let roles = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i < title_sentences || (head_from..head_from + headline).contains(&i) {
                return Role::Title;
            }
            let under_headline = headline > 0 && i == head_from + headline;
            if (i == 0 && introduction) || (under_headline && subheading(doc, i)) {
                return Role::Fragment;
            }
            // Wire layout codes that open a sentence are no part of it.
            let codes = leading_codes_len(s.text(text));
            let sentence = &s.text(text)[codes..];
            // A caption line of a photo package, wherever its sentence
            // starts (perhaps after furniture lines run into it, below).
            let in_caption = |at: usize| {
                let start = s.start + codes + at;
                let line = captions.partition_point(|line| line.end <= start);
                captions.get(line).is_some_and(|line| line.contains(&start))
            };
            if in_caption(0) {
                return Role::Furniture;
            }
            // A licence line in capitals run into the sentence after it
            // goes as a dateline does; the rest is judged on its own. In a
            // document written in capitals (wire copy, a telex) nothing
            // stands out by its capitals: its lines are judged in small
            // letters.
            let run = match capitals_run_len(sentence) {
                n if n > 0 && in_capitals() => 0,
                n => n,
            };
            let run = if i == 0 { run.max(joined) } else { run };
            let run = run + furniture_lines_len(&sentence[run..], lang, title_words.as_ref());
            let run = run + furniture_prefix_len(&sentence[run..], lang);
            // A byline run into the lead (`By JANE SMITH Associated Press
            // A teenager …`).
            let run = run + byline_prefix_len(&sentence[run..], lang);
            let run = run + date_prefix_len(&sentence[run..], lang);
            // Codes may open the story's line after furniture lines too.
            let run = run + leading_codes_len(&sentence[run..]);
            if in_caption(run) {
                return Role::Furniture;
            }
            if is_furniture(&sentence[run..], lang)
                && (!in_capitals() || is_furniture(&sentence[run..].to_lowercase(), lang))
            {
                return Role::Furniture;
            }
            let skip = run
                + if lead {
                    lead_dateline_len(&sentence[run..], lang)
                } else {
                    dateline_len(&sentence[run..], lang)
                };
            // A site's section path and desk (`ورزش > تورنمنت - …`).
            let skip = skip + desk_prefix_len(&sentence[skip..], lang);
            // A page's notice may stand between the dateline and the story
            // (`TEHRAN - Media playback is unsupported on your device\nThe …`).
            let skip = skip + furniture_prefix_len(&sentence[skip..], lang);
            if skip == sentence.len() {
                return Role::Furniture;
            }
            let body = &sentence[skip..];
            let skip = codes + skip;
            // Furniture after a dateline (`WASHINGTON — Updated 10:32 GMT.`).
            if skip > 0 && is_furniture(body, lang) {
                return Role::Furniture;
            }
            let introduces = (introduces(body)
                && count_words(body, INTRODUCES_MIN_WORDS) >= INTRODUCES_MIN_WORDS)
                || asks(body);
            if !introduces && (!ends_a_sentence(body) || trailing_date_line(body, lang)) {
                return Role::Fragment;
            }
            if let Some(tw) = &title_words
                && restates(tw, &word_set(body, lang))
            {
                return Role::Furniture;
            }
            lead = false;
            Role::Body {
                skip,
                // A list item leans on the item before it as any sentence
                // does (`- Johnson visited …` / `- She also formed …`).
                leans: i > 0 && leans_on_previous(body, lang),
                introduces,
            }
        })
        .collect();
    (roles, title)
}

mod dateline;
mod desk;
mod headline;
mod labels;
mod notices;
mod wire;
pub(crate) use dateline::{dateline_len, lead_dateline_len};
use desk::desk_prefix_len;
pub(crate) use headline::given_title_sentences;
use headline::{
    first_line_headline, headline_at, joined_headline, opening_introduction, subheading,
    without_site_name,
};
use labels::{
    AGENCY_LINE_WORDS, PAGE_LABEL_MAX_WORDS, bracketed, is_agency_line, is_link, is_page_label,
    is_wire_note_line, spaceless_key,
};
use notices::CREDIT_MAX_WORDS;
use notices::{Prefix, byline_prefix_len, furniture_prefix_len, is_credit_line};

#[cfg(test)]
mod tests;
