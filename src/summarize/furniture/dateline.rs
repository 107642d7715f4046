//! Datelines: the place, date and agency that open a news story
//! (`TEHRAN - `, `WASHINGTON (Reuters) - `, `Moscow, 5 December 2016
//! /TASS/. `, `МОСКВА, 5 декабря — РИА Новости. `, `تهران- ایرنا- `), which a
//! brief sentence starts after.

use super::{Lists, all_capitals, is_dash, is_opener, key, lists, words};
use crate::lang::Lang;

/// Words of a dateline's place, at most (`WASHINGTON, D.C.`, `NEW YORK`).
const PLACE_WORDS: usize = 4;

/// Whether `word` is part of a date: a number, a month, `2016-12-23`.
fn is_date_word(word: &str, lists: &Lists, lang: Lang) -> bool {
    let bare = word.trim_matches(|c: char| matches!(c, ',' | '.' | '،'));
    if bare.chars().any(char::is_numeric)
        && bare
            .chars()
            .all(|c| c.is_numeric() || matches!(c, '-' | '/' | '.'))
    {
        return true;
    }
    lists.months.contains(&key(bare, lang))
}

/// Whether the agency of `lists` named by the words at `ws[k..]` (its words
/// matched as keys) opens there: the number of its words.
fn agency_at(ws: &[(usize, &str)], k: usize, lists: &Lists, lang: Lang) -> Option<usize> {
    lists
        .agencies
        .iter()
        .filter(|a| {
            ws.len() >= k + a.len()
                && a.iter()
                    .zip(&ws[k..])
                    .all(|(name, (_, w))| key(w, lang) == *name)
        })
        .map(Vec::len)
        .max()
}

/// The word after a region that follows the place's comma,
/// `BUENOS AIRES, Argentina (AP) _`, `RENO, Nev. _`: up to two capitalised
/// words, taken only when an agency in brackets or a dash follows them
/// (else they open the story); `place` when there is none.
fn after_region(ws: &[(usize, &str)], place: usize) -> usize {
    if place == 0 || !ws[place - 1].1.ends_with(',') {
        return place;
    }
    let mut r = place;
    while r < ws.len()
        && r < place + 2
        && ws[r].1.chars().next().is_some_and(char::is_uppercase)
        && !is_dash(ws[r].1)
    {
        r += 1;
    }
    if r > place
        && ws
            .get(r)
            .is_some_and(|(_, w)| w.starts_with('(') || is_dash(w))
    {
        r
    } else {
        place
    }
}

/// Bytes of dateline that open `text`: `TEHRAN - `, `date 2016-12-23 `,
/// `WASHINGTON (Reuters) - `, `МОСКВА, 5 декабря — `, `تهران- ایرنا- `.
/// 0 when there is none or something other than a sentence follows it;
/// `text.len()` when the dateline is all there is.
pub(crate) fn dateline_len(text: &str, lang: Lang) -> usize {
    // Every dateline opens with a word in capitals, a bracket, a lower-case
    // label before a date, or (scripts without case) has a dash near the start.
    let Some(first) = text.split_whitespace().next() else {
        return 0;
    };
    let cased_first = first.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    // A place joined by a dash opens with two capitals (most sentences do not).
    let capitals = first.chars().take(2).filter(|c| c.is_uppercase()).count() == 2;
    if let Some(n) = attached_agency(first, lang)
        .or_else(|| capitals.then(|| joined_dash(text.trim_start())).flatten())
    {
        return text.len() - text.trim_start().len() + n;
    }
    let may_open = if cased_first {
        all_capitals(first)
            || first.starts_with('(')
            || first.chars().all(char::is_lowercase)
            || titled_place(first)
    } else {
        text.char_indices()
            .take(80)
            .any(|(_, c)| matches!(c, '-' | '–' | '—' | '―' | '_'))
    };
    if !may_open {
        return 0;
    }
    let lists = lists(lang);
    let ws = words(text, PLACE_WORDS + 10);
    let end_of = |k: usize| -> usize {
        // The dateline ends before word `k`, which must start a sentence.
        match ws.get(k) {
            None if k > 0 => text.len(),
            Some(&(at, w))
                if w.chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || is_opener(c)) =>
            {
                at
            }
            _ => 0,
        }
    };
    if labelled_date(&ws, lang) {
        return end_of(2);
    }
    // The place: words in capitals (cased scripts), or for a script without
    // case up to three plain words before a dash.
    let cased = ws
        .first()
        .is_some_and(|(_, w)| w.chars().any(|c| c.is_uppercase() || c.is_lowercase()));
    // A place written with small letters (`Moscow, 5 December 2016
    // /TASS/.`) makes a dateline only when an agency signs it.
    let titled = cased && titled_place(ws[0].1);
    let mut k = place_len(&ws, cased, titled);
    let place = k;
    if cased {
        k = after_region(&ws, place);
    }
    // A date after the place: `, 5 декабря`, `Dec. 5`.
    while k < ws.len() && k < place + 3 && place > 0 && is_date_word(ws[k].1, lists, lang) {
        k += 1;
    }
    // A place in capitals and a date closed by a full stop, all there is:
    // `МОСКВА, 5 декабря.`, `ТАСС, 5 декабря.`.
    if cased && !titled && k > place && k == ws.len() && ws[k - 1].1.ends_with('.') {
        return text.len();
    }
    // An agency in brackets, `(Reuters)`, or named after a dash.
    let mut agency = false;
    if let Some(j) = bracketed_agency(&ws, k) {
        k = j;
        agency = true;
    }
    // An agency between slashes closes the dateline: `/TASS/.`, `/ТАСС/`.
    if let Some(j) = slashed_agency(&ws, k, lists, lang) {
        k = j + usize::from(ws.get(j).is_some_and(|(_, w)| is_dash(w)));
        return end_of(k);
    }
    if (place == 0 || titled) && !agency {
        return 0;
    }
    // The dash: a word of its own, or the end of the place's last word.
    let attached =
        k > 0 && ws[k - 1].1.ends_with(['-', '–', '—']) && ws[k - 1].1.chars().count() > 1;
    if k < ws.len() && is_dash(ws[k].1) {
        k += 1;
    } else if !attached {
        return 0;
    }
    // An agency after the dash, closed by a dash, colon or full stop:
    // `تهران- ایرنا- …`, `МОСКВА, 5 декабря — РИА Новости. …`.
    let mut signed = false;
    if let Some(n) = agency_at(&ws, k, lists, lang) {
        let last = ws[k + n - 1].1;
        if last.ends_with(['-', '–', '—', ':', '.']) {
            k += n;
            signed = true;
        } else if ws.get(k + n).is_some_and(|(_, w)| is_dash(w)) {
            k += n + 1;
            signed = true;
        }
    }
    // In a script without capitals a few words before a dash are no sign
    // of a place: only an agency's signature makes them a dateline.
    if !cased && !signed {
        return 0;
    }
    end_of(k)
}

/// Words of the place that opens `ws`: one titled word (`Moscow,`), words
/// in capitals (a cased script), or up to three plain words before a dash.
fn place_len(ws: &[(usize, &str)], cased: bool, titled: bool) -> usize {
    if titled {
        return 1;
    }
    let mut k = 0;
    if cased {
        while k < ws.len().min(PLACE_WORDS) && all_capitals(ws[k].1) && !is_dash(ws[k].1) {
            k += 1;
        }
        return k;
    }
    while k < ws.len().min(3)
        && ws[k]
            .1
            .trim_end_matches(['-', '–', '—', '،', ','])
            .chars()
            .all(|c| c.is_alphabetic() || c == '\u{200C}')
        && !is_dash(ws[k].1)
    {
        let attached_dash = ws[k].1.ends_with(['-', '–', '—']);
        k += 1;
        if attached_dash {
            break;
        }
    }
    k
}

/// Whether `word` may be a dateline's place written in small letters, a
/// capitalised word closed by a comma (`Moscow,`).
fn titled_place(word: &str) -> bool {
    let Some(name) = word.strip_suffix(',') else {
        return false;
    };
    let mut cs = name.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.clone().next().is_some()
        && cs.all(|c| c.is_lowercase() || c == '-')
}

/// The word after an agency in brackets that opens at word `k`
/// (`(Reuters)`, `(Mehr News Agency)`: at most three words).
fn bracketed_agency(ws: &[(usize, &str)], k: usize) -> Option<usize> {
    if !ws.get(k)?.1.starts_with('(') {
        return None;
    }
    let mut j = k;
    while j < ws.len() && j < k + 3 && !ws[j].1.contains(')') {
        j += 1;
    }
    (j < ws.len() && ws[j].1.ends_with(')') && j < k + 3).then_some(j + 1)
}

/// The word after an agency of `agencies.txt` between slashes at word `k`:
/// `/TASS/.`, `/ТАСС/`.
fn slashed_agency(ws: &[(usize, &str)], k: usize, lists: &Lists, lang: Lang) -> Option<usize> {
    let w = ws.get(k)?.1.trim_end_matches(['.', ',', ':']);
    let name = w.strip_prefix('/')?.strip_suffix('/')?;
    let name: Vec<String> = name.split_whitespace().map(|n| key(n, lang)).collect();
    lists.agencies.contains(&name).then_some(k + 1)
}

/// Bytes of an agency in brackets that opens `first` with the story's
/// first word run into it, `(CNN)They …`: only an agency of
/// `agencies.txt` (`(Updated)Prices` is no dateline).
fn attached_agency(first: &str, lang: Lang) -> Option<usize> {
    let inner = first.strip_prefix('(')?;
    let close = inner.find(')')?;
    let after = &inner[close + 1..];
    let next = after.chars().next()?;
    if !(next.is_alphanumeric() || is_opener(next)) {
        return None;
    }
    let name = vec![key(&inner[..close], lang)];
    lists(lang)
        .agencies
        .contains(&name)
        .then_some(1 + close + 1)
}

/// Letters of a place in capitals joined to the story by a dash, at least:
/// `LONDON—Prices rose` (shorter, `US—China talks`, is a compound).
const JOINED_PLACE_LETTERS: usize = 5;

/// Bytes of a place in capitals joined by a dash to the story's first
/// word, without spaces (`LONDON—Prices …`, `NEW YORK--The …`, as some
/// papers print a dateline): up to [`PLACE_WORDS`] words in capitals, an em
/// or en dash or a double hyphen, then a capital or an opening quote.
fn joined_dash(text: &str) -> Option<usize> {
    let (at, dash) = text.char_indices().take(48).find_map(|(i, c)| match c {
        '—' | '–' => Some((i, c.len_utf8())),
        '-' if text[i..].starts_with("--") => Some((i, 2)),
        _ => None,
    })?;
    let place = &text[..at];
    let words: Vec<&str> = place.split_whitespace().collect();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let next = text[at + dash..].chars().next()?;
    let fits = !place.ends_with(char::is_whitespace)
        && !words.is_empty()
        && words.len() <= PLACE_WORDS
        && words.iter().all(|w| all_capitals(w))
        && letters >= JOINED_PLACE_LETTERS
        && (next.is_uppercase() || is_opener(next));
    fits.then_some(at + dash)
}

/// `date 2016-12-23 …`: a short lower-case label, then a date of digits.
fn labelled_date(ws: &[(usize, &str)], lang: Lang) -> bool {
    if ws.len() <= 2 || !key(ws[0].1, lang).chars().all(char::is_alphabetic) {
        return false;
    }
    let date = ws[1].1;
    date.len() >= 8
        && date
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '/')
        && date.chars().filter(char::is_ascii_digit).count() >= 6
        && ws[0].1.chars().all(|c| c.is_lowercase())
        && ws[0].1.len() <= 8
}
