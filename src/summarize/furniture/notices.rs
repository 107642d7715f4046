//! Notices of a page that are no story: a picture's credit line (`Image
//! by Kotn.`) and a player's or share widget's notice run into a sentence
//! (`Share this withEmail…Copy this linkResearchers found …`).

use super::{Lang, key, lists};

/// A credit line (`Image by Kotn.`) has at most this many words.
pub(super) const CREDIT_MAX_WORDS: usize = 10;

/// Whether `text` credits a picture rather than tells the story: a word of
/// `credit_words.txt` (`Image`, `Photo:`), at least one link word or a
/// colon (`by`, `courtesy of`), then only names: capitalised words,
/// agencies and separators (`Image by Kotn.`, `Photo by Jane Doe/Reuters`,
/// `Picture: AFP | Getty Images`). A story's sentence goes on in small
/// letters (`Photo by photo, the exhibition grew.`, `Video by the police
/// shows …`).
pub(super) fn is_credit_line(text: &str, lang: Lang) -> bool {
    let lists = lists(lang);
    let (heads, links) = (&lists.credit_words, &lists.credit_links);
    let mut ws = text.split_whitespace();
    let Some(first) = ws.next() else {
        return false;
    };
    let colon = first.ends_with(':');
    if !heads.contains(&key(first.trim_end_matches(':'), lang)) {
        return false;
    }
    let rest: Vec<&str> = ws.collect();
    let linked = rest
        .iter()
        .take_while(|w| links.contains(&key(w.trim_end_matches(':'), lang)))
        .count();
    let names = &rest[linked..];
    let capitalised = |w: &str| {
        w.trim_start_matches(['(', '[', '/', '|'])
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    (colon || linked > 0)
        && names.iter().any(|w| capitalised(w))
        && names.iter().all(|w| {
            capitalised(w)
                || matches!(
                    *w,
                    "and"
                        | "for"
                        | "of"
                        | "the"
                        | "at"
                        | "de"
                        | "van"
                        | "von"
                        | "&"
                        | "/"
                        | "|"
                        | "-"
                        | "—"
                        | "–"
                        | "·"
                )
        })
}

/// A notice of `furniture_prefixes.txt`: a fixed phrase, or a phrase that
/// opens a widget and the phrase that closes it (`share this … copy this
/// link`) with the widget's own words between, which vary from page to page
/// (`EmailFacebookMessengerTwitterPinterestWhatsAppLinkedIn`).
#[derive(Debug)]
pub(super) struct Prefix {
    head: String,
    tail: Option<String>,
}

/// The widest run of a widget's words between its opening and closing
/// phrases, in bytes (a dozen service names, with spaces or commas).
const PREFIX_GAP_MAX: usize = 200;

impl Prefix {
    /// `head … tail` or a plain phrase, lower case.
    pub(super) fn parse(entry: &str) -> Prefix {
        let entry = entry.to_lowercase();
        match entry.split_once(" … ") {
            Some((head, tail)) => Prefix {
                head: head.trim().to_string(),
                tail: Some(tail.trim().to_string()),
            },
            None => Prefix {
                head: entry,
                tail: None,
            },
        }
    }

    /// Bytes of `t` this notice takes at its start (before any white space
    /// after it), if it opens `t`. ASCII letters match without regard to
    /// case; between head and tail only [widget words](widget_words).
    fn len_at(&self, t: &[u8]) -> Option<usize> {
        let head = self.head.as_bytes();
        if t.len() < head.len() || !t[..head.len()].eq_ignore_ascii_case(head) {
            return None;
        }
        let Some(tail) = &self.tail else {
            return Some(head.len());
        };
        let tail = tail.as_bytes();
        let from = head.len();
        let to = t.len().min(from + PREFIX_GAP_MAX + tail.len());
        let window = &t[from..to];
        let at = window
            .windows(tail.len())
            .position(|w| w.eq_ignore_ascii_case(tail))?;
        let gap = std::str::from_utf8(&window[..at]).ok()?;
        widget_words(gap).then_some(from + at + tail.len())
    }
}

/// Whether `gap` is what a widget puts between its phrases: names of
/// services, each capitalised (`EmailFacebook`, `Email, Facebook`, `X`),
/// and no sentence end or line break. A story's words there (`Share on the
/// market rose … copy the link between …`) are in small letters.
fn widget_words(gap: &str) -> bool {
    !gap.contains(['.', '!', '?', '\n', '\r'])
        && gap
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '·'))
            .filter(|w| !w.is_empty())
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Bytes of a player's or page's notice that opens `text` and runs into the
/// sentence after it, often without a space (`Media playback is not
/// supported on this deviceIt has …`, `Share this withEmailFacebook…Copy
/// this linkResearchers found …`): a notice of `furniture_prefixes.txt`,
/// then white space. 0 when there is none.
pub(super) fn furniture_prefix_len(text: &str, lang: Lang) -> usize {
    let lists = lists(lang);
    if lists.prefixes.is_empty() {
        return 0;
    }
    let lead = text.len() - text.trim_start().len();
    let t = &text[lead..];
    // Compared byte by byte: no copy of the sentence is made (most
    // sentences differ at once). A notice's phrases are ASCII or end on
    // a character boundary, so the byte count ends on one too.
    lists
        .prefixes
        .iter()
        .find_map(|p| p.len_at(t.as_bytes()))
        .filter(|&n| t.is_char_boundary(n))
        .map_or(0, |n| {
            let rest = &t[n..];
            lead + n + (rest.len() - rest.trim_start().len())
        })
}

/// A byline run into the lead has at most this many words of names.
const BYLINE_NAME_WORDS: usize = 6;

/// Words that end a reporter's job title after the names (`AP Business
/// Writer`, `Associated Press Correspondent`).
const BYLINE_TITLES: &[&str] = &["Correspondent", "Editor", "Producer", "Reporter", "Writer"];

/// Bytes of a byline that opens `text` on the lead's own line (`By JANE
/// SMITH Associated Press A teenager who …`, `By Jane Smith, Reuters The
/// river …`), up to the lead: `By`, names in capitals (or capitalised
/// names with a comma before an agency of `agencies.txt`), perhaps an
/// agency and a job title; then the lead, which opens with a capital or a
/// dateline. 0 when there is none. Names in small
/// letters and capitals alike (`By Jane Smith Police said …`) are no
/// byline: where the names end cannot be told.
pub(super) fn byline_prefix_len(text: &str, lang: Lang) -> usize {
    let lead = text.len() - text.trim_start().len();
    let t = &text[lead..];
    if lang != Lang::EN || !(t.starts_with("By ") || t.starts_with("BY ")) {
        return 0;
    }
    let ws = super::words(t, 40);
    let capitals = |w: &str| super::all_capitals(w.trim_end_matches(','));
    let joiner = |w: &str| matches!(w, "and" | "AND" | "&" | "|");
    // Names in capitals: `JANE SMITH`, `J. SMITH AND JOHN DOE`.
    let mut names = 1;
    while names < ws.len().min(1 + BYLINE_NAME_WORDS)
        && (capitals(ws[names].1) || (names > 1 && joiner(ws[names].1)))
    {
        names += 1;
    }
    if names >= 3 {
        // The last of them may be the dateline's place or the lead's
        // first word (`… JOHN DOE TEHRAN - …`, `… SMITH NATO leaders …`).
        // Two names at least, the last no joiner (`By US and EU rules, …`
        // is no byline).
        return (3..=names)
            .rev()
            .filter(|&at| {
                !joiner(ws[at - 1].1) && (1..at).filter(|&k| !joiner(ws[k].1)).count() >= 2
            })
            .find_map(|at| lead_after(t, &ws, at, false, lang))
            .map_or(0, |n| lead + n);
    }
    // Capitalised names closed by a comma, then an agency: `By Jane
    // Smith, Reuters`.
    let mut at = 1;
    while at < ws.len().min(1 + BYLINE_NAME_WORDS) && capitalised(ws[at].1) {
        at += 1;
        if ws[at - 1].1.ends_with(',') {
            break;
        }
    }
    if at < 3 || !ws[at - 1].1.ends_with(',') {
        return 0;
    }
    lead_after(t, &ws, at, true, lang).map_or(0, |n| lead + n)
}

/// Where the lead starts in `t` (words `ws`) after a byline's names that
/// end before word `at`: past an agency (required when `agency`) and a job
/// title, a word with a capital (or a quote) or a dateline.
fn lead_after(t: &str, ws: &[(usize, &str)], at: usize, agency: bool, lang: Lang) -> Option<usize> {
    let signed = agency_len(&ws[at..], lang);
    if agency && signed == 0 {
        return None;
    }
    let mut at = at + signed;
    if let Some(end) = (at..ws.len().min(at + 3))
        .find(|&j| BYLINE_TITLES.contains(&ws[j].1.trim_end_matches(',')))
        .filter(|&j| (at..=j).all(|k| capitalised(ws[k].1)))
    {
        at = end + 1;
    }
    let &(start, first) = ws.get(at)?;
    (super::opens_with_capital(first) || super::lead_dateline_len(&t[start..], lang) > 0)
        .then_some(start)
}

/// Whether `word` opens with a capital letter (`Jane`, `O'Neil,`).
fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// How many of `ws` make an agency of `agencies.txt` (`Associated Press`,
/// `Reuters,`), 0 when they do not start with one.
fn agency_len(ws: &[(usize, &str)], lang: Lang) -> usize {
    let lists = lists(lang);
    lists
        .agencies
        .iter()
        .filter(|a| {
            a.len() <= ws.len()
                && a.iter().zip(ws).all(|(part, (_, w))| {
                    capitalised(w) && key(w.trim_end_matches([',', '.']), lang) == *part
                })
        })
        .map(Vec::len)
        .max()
        .unwrap_or(0)
}
