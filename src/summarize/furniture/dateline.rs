//! Datelines: the place, date and agency that open a news story
//! (`TEHRAN - `, `WASHINGTON (Reuters) - `, `Moscow, 5 December 2016
//! /TASS/. `, `МОСКВА, 5 декабря — РИА Новости. `, `تهران- ایرنا- `), which a
//! brief sentence starts after.

use super::{Lists, all_capitals, is_dash, is_opener, key, lists, words};
use crate::lang::Lang;

/// Words of a dateline's place, at most (`WASHINGTON, D.C.`, `NEW YORK`).
const PLACE_WORDS: usize = 4;

/// Words of a dateline's date, at most (`Monday, Jan. 24, 2017`).
const DATE_WORDS: usize = 5;

/// Words of a dateline read, at most: a place, a region, a date, a date
/// and an agency in brackets, a dash and an agency's signature.
const DATELINE_WORDS: usize = 24;

/// Whether `word` is part of a date: a number, a month, a weekday, a year
/// mark (`г.`), `2016-12-23`, a time (`12:03`). A word with a bracket is none (a bracketed
/// date is read by [`bracketed_date`], its brackets taken off first).
fn is_date_word(word: &str, lists: &Lists, lang: Lang) -> bool {
    if word.contains(['(', ')']) {
        return false;
    }
    let bare = word.trim_matches(|c: char| matches!(c, ',' | '.' | '،'));
    if bare.chars().any(char::is_numeric)
        && bare
            .chars()
            .all(|c| c.is_numeric() || matches!(c, '-' | '/' | '.' | ':'))
    {
        return true;
    }
    let k = key(bare, lang);
    lists.months.contains(&k) || lists.calendar_words.contains(&k)
}

/// The word after the date words that open at word `k` (`k` when none do).
fn date_end(ws: &[(usize, &str)], k: usize, lists: &Lists, lang: Lang) -> usize {
    let mut j = k;
    while j < ws.len() && j < k + DATE_WORDS && is_date_word(ws[j].1, lists, lang) {
        j += 1;
    }
    j
}

/// The word after a date in brackets that opens at word `k`:
/// `(January 24, 2017)`, `(Dec. 5)`, `(Monday)`. Every word inside must be
/// a date's, so that an aside (`AIDS (acquired immune …)`) is none.
fn bracketed_date(ws: &[(usize, &str)], k: usize, lists: &Lists, lang: Lang) -> Option<usize> {
    ws.get(k)?.1.strip_prefix('(')?;
    for (j, &(_, w)) in ws.iter().enumerate().skip(k).take(DATE_WORDS) {
        let inner = if j == k { &w[1..] } else { w };
        let (inner, closes) = match inner.strip_suffix(')') {
            Some(inner) => (inner, true),
            None => (inner, false),
        };
        if !is_date_word(inner, lists, lang) {
            return None;
        }
        if closes {
            return Some(j + 1);
        }
    }
    None
}

/// Whether the agency of `lists` named by the words at `ws[k..]` (its words
/// matched as keys) opens there: the number of its words.
pub(super) fn agency_at(
    ws: &[(usize, &str)],
    k: usize,
    lists: &Lists,
    lang: Lang,
) -> Option<usize> {
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

/// Words of a region after the place's comma, at most (`United Arab
/// Emirates`), not counting one small word between two of them (`Bosnia
/// and Herzegovina`).
const REGION_WORDS: usize = 3;

/// Small words that may join a region's names (`Trinidad and Tobago`,
/// `Democratic Republic of Congo`).
const REGION_JOINERS: [&str; 4] = ["and", "of", "и", "de"];

/// The word after a region that follows the place's comma (the place
/// ends at word `place`): up to [`REGION_WORDS`] capitalised words or
/// abbreviations that are no date, `Argentina`, `Nev.`, `New Mexico`,
/// perhaps joined by one small word (`Bosnia and Herzegovina`); the
/// first word closed by a comma ends it (`Lebanon, Jan. 24`). `place`
/// when there is none. Whether a dateline goes on after it is for the
/// caller to judge.
fn region_end(ws: &[(usize, &str)], place: usize, lists: &Lists, lang: Lang) -> usize {
    if place == 0 || !ws[place - 1].1.ends_with(',') {
        return place;
    }
    let name = |w: &str| {
        let bare = w.trim_end_matches([',', '.']);
        w.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().all(|c| c.is_alphabetic() || c == '.')
            && !is_date_word(w, lists, lang)
    };
    let (mut r, mut names, mut joined) = (place, 0, false);
    while r < ws.len() && names < REGION_WORDS {
        let w = ws[r].1;
        if names > 0
            && !joined
            && REGION_JOINERS.contains(&w)
            && ws.get(r + 1).is_some_and(|(_, next)| name(next))
        {
            joined = true;
            r += 1;
            continue;
        }
        if !name(w) {
            break;
        }
        r += 1;
        names += 1;
        if w.ends_with(',') {
            break;
        }
    }
    r
}

/// Whether a dateline's dash (or an agency between slashes) comes at word
/// `k`, or ended the word before it (`RENO, Nev.-`).
fn dash_at(ws: &[(usize, &str)], k: usize) -> bool {
    ws.get(k)
        .is_some_and(|(_, w)| is_dash(w) || w.starts_with('/'))
        || (k > 0 && ws[k - 1].1.ends_with(['-', '–', '—']) && ws[k - 1].1.chars().count() > 1)
}

/// The word after what follows a dateline's place (words `..place`) before
/// its dash: a region (a place in capitals), a date, a date in brackets
/// and an agency in brackets; and whether that agency signed it. A region
/// is taken only when a dash or an agency comes after it, else its words
/// open the story (`PARIS, Many Parisians left.`).
fn after_place(
    ws: &[(usize, &str)],
    place: usize,
    region: bool,
    lists: &Lists,
    lang: Lang,
) -> (usize, bool) {
    let rest = |from: usize| -> (usize, bool) {
        let mut k = from;
        if place > 0 {
            k = date_end(ws, k, lists, lang);
            k = bracketed_date(ws, k, lists, lang).unwrap_or(k);
        }
        // After a date, an acronym in brackets signs the dateline as an
        // agency of the list does (`RAJSHAHI, Dec 20, 2025 (BSS) -`).
        let dated = k > from;
        match bracketed_agency(ws, k, lists, lang) {
            Some(j) => (j, true),
            None if dated && bracketed_acronym(ws.get(k).map_or("", |w| w.1)) => (k + 1, true),
            None => (k, false),
        }
    };
    let r = if region {
        region_end(ws, place, lists, lang)
    } else {
        place
    };
    if r > place {
        let (k, agency) = rest(r);
        if agency || dash_at(ws, k) {
            return (k, agency);
        }
    }
    rest(place)
}

/// Bytes of dateline that open `text`: `TEHRAN - `, `date 2016-12-23 `,
/// `WASHINGTON (Reuters) - `, `МОСКВА, 5 декабря — `, `تهران- ایرنا- `.
/// 0 when there is none or something other than a sentence follows it;
/// `text.len()` when the dateline is all there is.
pub(crate) fn dateline_len(text: &str, lang: Lang) -> usize {
    dateline_len_in(text, lang, false)
}

/// Bytes of dateline that open a story's lead, its first sentence of the
/// story: any of [`dateline_len`], and two shapes read only there, as
/// elsewhere they are more often a sentence's own words. A place in
/// capitals or an agency closed by a colon (`NEW DELHI: `, `MUMBAI, Dec 5:
/// `, `خبرگزاری فارس: `; further on, a transcript's speaker, `CURTS: `), and
/// a place in small letters with a region (`Nairobi, Kenya – `; further
/// on, `Later, Sarah Jones – …`).
pub(crate) fn lead_dateline_len(text: &str, lang: Lang) -> usize {
    match dateline_len_in(text, lang, true) {
        0 => colon_dateline_len(text, lang),
        n => n,
    }
}

/// [`dateline_len`], and with `lead` a place in small letters with a
/// region ([`lead_dateline_len`]).
fn dateline_len_in(text: &str, lang: Lang, lead: bool) -> usize {
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
    if first.chars().next().is_some_and(char::is_lowercase) {
        let n = lowercase_signed_len(text, lang);
        if n > 0 {
            return n;
        }
    }
    let may_open = if cased_first {
        all_capitals(first)
            || first.starts_with('(')
            || first.chars().all(char::is_lowercase)
            || titled_opening(text)
            // A month and a day (`Dec 5 (Reuters) - `).
            || text.trim_start()[first.len()..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
    } else {
        text.char_indices()
            .take(80)
            .any(|(_, c)| matches!(c, '-' | '–' | '—' | '―' | '_'))
    };
    if !may_open {
        return 0;
    }
    let lists = lists(lang);
    let ws = words(text, DATELINE_WORDS);
    let cased = ws
        .first()
        .is_some_and(|(_, w)| w.chars().any(|c| c.is_uppercase() || c.is_lowercase()));
    let end_of = |k: usize| -> usize {
        // The dateline ends before word `k`, which must start a sentence: in
        // a cased script not with a small letter (`ООН — как заявили … —
        // продлит` is an aside after a subject in capitals).
        match ws.get(k) {
            None if k > 0 => text.len(),
            Some(&(at, w))
                if w.chars().next().is_some_and(|c| {
                    (c.is_alphanumeric() && !(cased && c.is_lowercase())) || is_opener(c)
                }) =>
            {
                at
            }
            _ => 0,
        }
    };
    if labelled_date(&ws, lang) {
        return end_of(2);
    }
    // A date that opens the story, signed by an agency in brackets before
    // the dash or after it (`Dec 5 (Reuters) - `, `5 декабря 2016, 12:03 —
    // REGNUM `): the date of a wire's story with no place.
    let dated = date_end(&ws, 0, lists, lang);
    if dated > 0 {
        let bracket = bracketed_agency(&ws, dated, lists, lang);
        let k = bracket.unwrap_or(dated);
        if let Some(d) = dash_end(&ws, k) {
            match agency_signature(&ws, d, lists, lang) {
                Some(j) => return end_of(j),
                None if bracket.is_some() => return end_of(d),
                None => {}
            }
        } else if bracket.is_some() && cased {
            return dash_into_lead(&ws, k).unwrap_or(0);
        }
    }
    // The place: words in capitals (cased scripts), or for a script without
    // case up to three plain words before a dash.
    // A place written with small letters (`Moscow, 5 December 2016
    // /TASS/.`) makes a dateline only when an agency signs it.
    let titled_words = if cased {
        titled_place_len(&ws, lists, lang)
    } else {
        0
    };
    let titled = titled_words > 0;
    let place = if titled {
        titled_words
    } else {
        place_len(&ws, cased, false)
    };
    let (mut k, agency) = after_place(&ws, place, cased && (!titled || lead), lists, lang);
    // A place in capitals and a date closed by a full stop, all there is:
    // `МОСКВА, 5 декабря.`, `ТАСС, 5 декабря.`.
    if cased && !titled && !agency && k > place && k == ws.len() && ws[k - 1].1.ends_with('.') {
        return text.len();
    }
    // An agency between slashes closes the dateline: `/TASS/.`, `/ТАСС/`,
    // and after a date any wire's name (`/PRNewswire/ -- `).
    if let Some(j) = slashed_agency(&ws, k, lists, lang, place > 0 && k > place) {
        k = j + usize::from(ws.get(j).is_some_and(|(_, w)| is_dash(w)));
        return end_of(k);
    }
    // A place in small letters makes a dateline with an agency, or with a
    // date or (a lead only) a region after it: `Санкт-Петербург, 5 декабря
    // — `, `Nairobi, Kenya – `. An aside between two dashes is none
    // (`Later, Sarah Jones – a spokeswoman – said`).
    if !agency && (place == 0 || (titled && (k == place || closes_aside(&ws, k)))) {
        return 0;
    }
    let Some(after_dash) = dash_end(&ws, k) else {
        // The dash run into the lead (`SYDNEY (Reuters) -The …`).
        return if cased {
            dash_into_lead(&ws, k).unwrap_or(0)
        } else {
            0
        };
    };
    k = after_dash;
    let signed = match agency_signature(&ws, k, lists, lang) {
        Some(j) => {
            k = j;
            true
        }
        None => false,
    };
    // In a script without capitals a few words before a dash are no sign
    // of a place: only an agency's signature (after the dash or in
    // brackets before it) makes them a dateline, or an agency's name as
    // the place (`ایرنا - `).
    let signed = signed || agency_at(&ws, 0, lists, lang) == Some(place);
    if !cased && !signed && !agency {
        return 0;
    }
    end_of(k)
}

/// The word after the dateline's dash at word `k`: the dash is a word of
/// its own, or the end of the word before (`LONDON—`, `дек-`). `None`
/// when there is no dash.
fn dash_end(ws: &[(usize, &str)], k: usize) -> Option<usize> {
    if ws.get(k).is_some_and(|(_, w)| is_dash(w)) {
        return Some(k + 1);
    }
    let attached =
        k > 0 && ws[k - 1].1.ends_with(['-', '–', '—']) && ws[k - 1].1.chars().count() > 1;
    attached.then_some(k)
}

/// The word after an agency that signs the dateline after its dash at word
/// `k`, closed by a dash, colon or full stop (`تهران- ایرنا- …`, `МОСКВА,
/// 5 декабря — РИА Новости. …`); `None` when no agency signs there.
fn agency_signature(ws: &[(usize, &str)], k: usize, lists: &Lists, lang: Lang) -> Option<usize> {
    let n = agency_at(ws, k, lists, lang)?;
    let last = ws[k + n - 1].1;
    if last.ends_with(['-', '–', '—', ':', '.']) {
        Some(k + n)
    } else if ws.get(k + n).is_some_and(|(_, w)| is_dash(w)) {
        Some(k + n + 1)
    } else if all_capitals(last)
        && ws
            .get(k + n)
            .is_some_and(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
    {
        // A name in capitals stands out without a stop (`— REGNUM Власти …`).
        Some(k + n)
    } else {
        None
    }
}

/// Words of a signature's author after the agency (`риа новости, адам
/// буражев.`), at most.
const AUTHOR_WORDS: usize = 3;

/// Bytes of a dateline in small letters, as corpora that lowercase their
/// news print it (`москва, 1 дек — риа новости. около …`, `washington
/// (reuters) - the …`): a place of up to [`PLACE_WORDS`] words, a region,
/// a date, an agency in brackets, a dash, an agency after it closed by a
/// full stop, comma, colon or dash (perhaps with its author's name). Words
/// in small letters are a dateline only when an agency signs them; a
/// sentence after it may open in small letters. 0 when there is none.
fn lowercase_signed_len(text: &str, lang: Lang) -> usize {
    let lists = lists(lang);
    let ws = words(text, DATELINE_WORDS);
    let is_place_word = |w: &str| {
        let bare = w.trim_end_matches([',', '.']);
        !bare.is_empty()
            && bare
                .chars()
                .all(|c| c.is_lowercase() || matches!(c, '-' | '.' | '\''))
    };
    let mut k = 0;
    while k < ws.len().min(PLACE_WORDS) && is_place_word(ws[k].1) && !is_dash(ws[k].1) {
        let ends = ws[k].1.ends_with(',');
        k += 1;
        if ends
            || ws
                .get(k)
                .is_some_and(|(_, w)| w.starts_with('(') || is_dash(w))
        {
            break;
        }
    }
    if k == 0 {
        return 0;
    }
    // A region after the place's comma (`reno, nev., dec 5 (ap) -`).
    if ws[k - 1].1.ends_with(',') {
        let mut r = k;
        while r < ws.len()
            && r < k + REGION_WORDS + 1
            && is_place_word(ws[r].1)
            && !is_date_word(ws[r].1, lists, lang)
        {
            r += 1;
        }
        let closed = ws
            .get(r)
            .is_some_and(|(_, w)| is_date_word(w, lists, lang) || w.starts_with('(') || is_dash(w));
        if r > k && closed {
            k = r;
        }
    }
    k = date_end(&ws, k, lists, lang);
    let mut signed = false;
    if let Some(j) = bracketed_date(&ws, k, lists, lang) {
        k = j;
    }
    if let Some(j) = bracketed_agency(&ws, k, lists, lang) {
        k = j;
        signed = true;
    }
    // `москва, 5 декабря /тасс/.`: the slashed agency closes it.
    if let Some(j) = slashed_agency(&ws, k, lists, lang, false) {
        let k = j + usize::from(ws.get(j).is_some_and(|(_, w)| is_dash(w)));
        return ws.get(k).map_or(text.len(), |&(at, _)| at);
    }
    let Some(after_dash) = dash_end(&ws, k) else {
        return 0;
    };
    k = after_dash;
    if let Some(j) = agency_signature(&ws, k, lists, lang) {
        k = j;
        signed = true;
    } else if let Some(n) = agency_at(&ws, k, lists, lang) {
        let last = ws[k + n - 1].1;
        if last.ends_with(',') {
            // The author's name, closed by a full stop.
            let author = ws
                .iter()
                .skip(k + n)
                .take(AUTHOR_WORDS)
                .position(|(_, w)| w.ends_with('.'))
                .filter(|&a| ws[k + n..=k + n + a].iter().all(|(_, w)| is_place_word(w)));
            if let Some(a) = author {
                k += n + a + 1;
                signed = true;
            }
        }
    }
    if !signed {
        return 0;
    }
    ws.get(k).map_or(text.len(), |&(at, _)| at)
}

/// Words of the place that opens `ws`: one titled word (`Moscow,`), words
/// in capitals (a cased script), or up to three plain words before a dash.
fn place_len(ws: &[(usize, &str)], cased: bool, titled: bool) -> usize {
    if titled {
        return 1;
    }
    let mut k = 0;
    if cased {
        // A wire code in brackets may open the line before the place
        // (`(NYT42) NEW YORK --`); after the place a bracket must hold a
        // date or an agency (`NASA (NASA) - …` is no dateline).
        while k < ws.len().min(PLACE_WORDS)
            && all_capitals(ws[k].1)
            && !is_dash(ws[k].1)
            && (k == 0 || !ws[k].1.starts_with('('))
        {
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

/// Words of a place written in small letters that opens `ws`: one to
/// three capitalised words, the last closed by a comma (`Moscow,`, `New
/// Delhi,`, `Нижний Новгород,`), the first no connective (`However,`). 0
/// when there is none.
fn titled_place_len(ws: &[(usize, &str)], lists: &Lists, lang: Lang) -> usize {
    let n = titled_words(ws.iter().map(|&(_, w)| w));
    if n > 0
        && lists
            .connective_firsts
            .binary_search(&key(ws[0].1, lang))
            .is_ok()
    {
        return 0;
    }
    n
}

/// Whether `text` opens with a place in small letters (see
/// [`titled_place_len`]), asked before its words are read.
fn titled_opening(text: &str) -> bool {
    titled_words(text.split_whitespace()) > 0
}

/// How many of the first `words` make a place in small letters: up to
/// three capitalised words, the last closed by a comma; 0 when they do not.
fn titled_words<'a>(words: impl Iterator<Item = &'a str>) -> usize {
    for (k, w) in words.take(3).enumerate() {
        if titled_place(w) {
            return k + 1;
        }
        if !titled_word(w) {
            return 0;
        }
    }
    0
}

/// Whether `word` may be a dateline's place written in small letters, a
/// capitalised word closed by a comma (`Moscow,`).
fn titled_place(word: &str) -> bool {
    word.strip_suffix(',')
        .is_some_and(|name| name.chars().count() > 1 && titled_word(name))
}

/// Whether `word` is capitalised: a capital, then small letters, each part
/// after a hyphen perhaps capitalised again (`Санкт-Петербург`).
fn titled_word(word: &str) -> bool {
    let mut after_hyphen = false;
    word.chars().enumerate().all(|(i, c)| {
        let ok = if i == 0 {
            c.is_uppercase()
        } else {
            c.is_lowercase() || c == '-' || (after_hyphen && c.is_uppercase())
        };
        after_hyphen = c == '-';
        ok
    }) && !word.is_empty()
}

/// The word after an agency in brackets that opens at word `k`: an agency
/// of `agencies.txt` and at most two words more before the bracket closes
/// (`(Reuters)`, `(Mehr News Agency)`); any other bracket is an aside
/// (`NASA (the space agency) - …`).
fn bracketed_agency(ws: &[(usize, &str)], k: usize, lists: &Lists, lang: Lang) -> Option<usize> {
    if !ws.get(k)?.1.starts_with('(') {
        return None;
    }
    let mut j = k;
    while j < ws.len() && j < k + 3 && !ws[j].1.contains(')') {
        j += 1;
    }
    let closed = j < ws.len() && ws[j].1.ends_with(')') && j < k + 3;
    let named = agency_at(ws, k, lists, lang);
    if closed && (named.is_some_and(|n| k + n <= j + 1) || (j == k && call_sign(ws[k].1))) {
        return Some(j + 1);
    }
    // Wire copy that lost the closing bracket, `WASHINGTON (AP -- …`: the
    // agency's name right before the dash.
    let n = named?;
    ws.get(k + n)
        .is_some_and(|(_, w)| is_dash(w))
        .then_some(k + n)
}

/// Whether `word` is an acronym in brackets, two to six capitals (`(BSS)`,
/// `(UNB)`): an agency's name where a date came before it.
fn bracketed_acronym(word: &str) -> bool {
    word.strip_prefix('(')
        .and_then(|w| w.strip_suffix(')'))
        .is_some_and(|w| (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Whether `word` is a US broadcaster's call sign in brackets, which signs
/// a station's dateline as an agency does (`NEW JERSEY (WABC) --`): four
/// capitals opening with K or W, perhaps `-TV` or `-FM` after them. Three
/// letters would take `(WHO)`, no station.
fn call_sign(word: &str) -> bool {
    let Some(inner) = word.strip_prefix('(').and_then(|w| w.strip_suffix(')')) else {
        return false;
    };
    let letters = inner.split('-').next().unwrap_or("");
    let suffix = &inner[letters.len()..];
    letters.len() == 4
        && letters.starts_with(['K', 'W'])
        && letters.chars().all(|c| c.is_ascii_uppercase())
        && matches!(suffix, "" | "-TV" | "-FM" | "-AM" | "-DT")
}

/// The word after an agency of `agencies.txt` between slashes at word `k`:
/// `/TASS/.`, `/ТАСС/`; after a date (`dated`) any one name of letters
/// and hyphens, as press-release wires sign (`/PRNewswire-Asia/`).
fn slashed_agency(
    ws: &[(usize, &str)],
    k: usize,
    lists: &Lists,
    lang: Lang,
    dated: bool,
) -> Option<usize> {
    let w = ws.get(k)?.1.trim_end_matches(['.', ',', ':']);
    let name = w.strip_prefix('/')?.strip_suffix('/')?;
    let wire = dated
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && name.chars().all(|c| c.is_alphabetic() || c == '-');
    let name: Vec<String> = name.split_whitespace().map(|n| key(n, lang)).collect();
    (wire || lists.agencies.contains(&name)).then_some(k + 1)
}

/// Bytes up to the lead after a dash run into its first word at word `k`
/// (`-The`, `—Officials`): the word opens with a dash and then a capital
/// or an opening quote.
fn dash_into_lead(ws: &[(usize, &str)], k: usize) -> Option<usize> {
    let &(at, w) = ws.get(k)?;
    let dash = if w.starts_with("--") {
        2
    } else {
        w.chars()
            .next()
            .filter(|&c| matches!(c, '-' | '–' | '—'))?
            .len_utf8()
    };
    let next = w[dash..].chars().next()?;
    (next.is_uppercase() || is_opener(next)).then_some(at + dash)
}

/// Whether the dash at word `k` opens an aside that a second dash closes
/// within the sentence (`Later, Sarah Jones – a spokeswoman – said`).
fn closes_aside(ws: &[(usize, &str)], k: usize) -> bool {
    ws.iter().skip(k + 1).any(|(_, w)| is_dash(w))
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
    let end = at + dash + bracketed_wire_len(&text[at + dash..]);
    let next = text[end..].chars().next()?;
    let fits = !place.ends_with(char::is_whitespace)
        && !words.is_empty()
        && words.len() <= PLACE_WORDS
        && words.iter().all(|w| all_capitals(w))
        && letters >= JOINED_PLACE_LETTERS
        && (next.is_uppercase() || is_opener(next));
    fits.then_some(end)
}

/// Bytes of a wire's name in capitals in brackets and the dash after it
/// that open `text`, as a press release's dateline runs them together
/// (`(BUSINESS WIRE)--`); 0 when there is none.
fn bracketed_wire_len(text: &str) -> usize {
    let Some(inner) = text.strip_prefix('(') else {
        return 0;
    };
    let Some(close) = inner.find(')').filter(|&c| c <= 32) else {
        return 0;
    };
    let name = &inner[..close];
    let after = &inner[close + 1..];
    let dash = if after.starts_with("--") {
        2
    } else {
        after
            .chars()
            .next()
            .filter(|&c| matches!(c, '—' | '–'))
            .map_or(0, char::len_utf8)
    };
    if dash == 0 || !name.split_whitespace().all(all_capitals) {
        return 0;
    }
    1 + close + 1 + dash
}

/// Bytes of a dateline closed by a colon that opens `text`: a place in
/// capitals, perhaps with a date after a comma or in brackets (`NEW
/// DELHI: `, `MUMBAI, Dec 5: `, `KARACHI (Dec 5): `), or an agency of
/// `agencies.txt` (`خبرگزاری فارس: `); then a sentence. 0 when there is
/// none. One letter is no place (`Q: `, `A: `).
fn colon_dateline_len(text: &str, lang: Lang) -> usize {
    let lists = lists(lang);
    let ws = words(text, PLACE_WORDS + DATE_WORDS + 1);
    let Some(c) = ws.iter().position(|(_, w)| w.ends_with(':')) else {
        return 0;
    };
    let Some(&(at, next)) = ws.get(c + 1) else {
        return 0;
    };
    let cased = next.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    let starts = next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (!cased && c.is_alphanumeric()) || is_opener(c));
    if !starts {
        return 0;
    }
    let head: Vec<(usize, &str)> = ws[..=c]
        .iter()
        .map(|&(i, w)| (i, w.strip_suffix(':').unwrap_or(w)))
        .collect();
    if agency_at(&head, 0, lists, lang) == Some(head.len()) {
        return at;
    }
    let mut place = 0;
    while place < head.len().min(PLACE_WORDS)
        && all_capitals(head[place].1)
        && !head[place].1.starts_with('(')
    {
        place += 1;
        if head[place - 1].1.ends_with(',') {
            break;
        }
    }
    if place == 0 {
        return 0;
    }
    let k = date_end(&head, place, lists, lang);
    let k = bracketed_date(&head, k, lists, lang).unwrap_or(k);
    if k == head.len() { at } else { 0 }
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

#[cfg(test)]
mod tests;
