//! A document's headline: the first line, when it is one, or the line
//! under a kicker that introduces the text (`وزیر خارجه:`). A line of its
//! own at the top of a text is the headline when it does not end as a
//! sentence does, when it asks or exclaims as headlines do, or when the
//! sentence after it restates it; a page's or item's given title is found
//! however the segmenter split it.

use super::*;

/// A headline is a short line.
const HEADLINE_MAX_WORDS: usize = 30;
/// A first line that ends with a question or exclamation mark is a
/// headline only when it is this short (headlines that ask run to 15 words
/// or so; a longer question is a lead).
const MARKED_HEADLINE_MAX_WORDS: usize = 20;
/// A first line that ends as a sentence is a headline when the longer
/// sentence after it repeats at least this share of its words (of three
/// letters or more) with at least this Jaccard overlap.
const HEADLINE_RESTATED_SHARE: f64 = 0.55;
const HEADLINE_RESTATED_JACCARD: f64 = 0.3;
/// A line of at most this many words that ends as a sentence is a
/// headline when a lead at least twice as long says it again with at least
/// [`AT_LENGTH_SHARE`] of its terms, whatever their overlap as a whole.
const AT_LENGTH_MAX_WORDS: usize = 14;
const AT_LENGTH_SHARE: f64 = 0.7;
/// An English first line in title case is a headline when it has at least
/// this many words of four letters or more, every one capitalised.
const TITLE_CASE_MIN_WORDS: usize = 4;

/// How many of the document's first sentences are its headline (0: none):
/// the sentences of its first line, a line of its own followed by more
/// text, of at most [`TITLE_MAX_SENTENCES`] sentences and
/// [`HEADLINE_MAX_WORDS`] words. The line is the headline when it does not
/// end as a sentence (`Need a Change? 7 Vital Tips on How to Rent a Car`),
/// when it asks or exclaims ([`marked_headline`]), when an English line is
/// in title case (`Things to Know Before Travelling to Japan.`), or, a
/// line of one sentence, when the longer sentence after it restates it
/// (translators sometimes end a headline with a full stop: `18 ایالت …
/// حمایت می‌کنند.`). A first line that ends as a sentence otherwise is the
/// lead.
pub(super) fn first_line_headline(doc: &AnalyzedDocument) -> usize {
    headline_at(doc, 0)
}

/// How many sentences from sentence `from`, the first of a line, are a
/// headline, as [`first_line_headline`] judges the first line; `from` is 1
/// under a kicker that introduces the text (`وزیر خارجه:`, `Prime minister
/// at the summit:`).
pub(super) fn headline_at(doc: &AnalyzedDocument, from: usize) -> usize {
    let text = &doc.document.text;
    let lang = doc.lang();
    let Some(first) = doc.sentences.get(from) else {
        return 0;
    };
    // The sentences of the first line: none may run over a line break, and
    // a line break must follow the last of them, with more text after it.
    let mut count = 0;
    for (j, s) in doc
        .sentences
        .iter()
        .enumerate()
        .skip(from)
        .take(TITLE_MAX_SENTENCES)
    {
        let Some(next) = doc.sentences.get(j + 1) else {
            return 0;
        };
        // Each sentence of the line is a unit the translator gets: one of
        // marks or invisible characters alone makes no headline.
        let part = s.text(text);
        if part.contains(LINE_BREAKS) || !part.chars().any(char::is_alphanumeric) {
            return 0;
        }
        if text
            .get(s.end..next.start)
            .unwrap_or("")
            .contains(LINE_BREAKS)
        {
            count = j + 1 - from;
            break;
        }
    }
    if count == 0 {
        return 0;
    }
    let head = &text[first.start..doc.sentences[from + count - 1].end];
    let words = head.split_whitespace().count();
    if words > HEADLINE_MAX_WORDS
        || !head.chars().any(char::is_alphabetic)
        || introduces(head)
        || is_wire_note_line(head.trim())
        || (is_furniture(head.trim(), lang) && !in_capitals_headline(head, lang, text))
        || dateline_and_notice(head.trim(), lang)
    {
        return 0;
    }
    // A line of several sentences opens with no dateline: `WASHINGTON _
    // Even the president concedes … But did he …?` is a lead.
    let undated = || dateline_len(head.trim_start(), lang) == 0;
    let headline = if !ends_a_sentence(head) {
        count == 1 || undated()
    } else {
        marked_headline(head, words, lang)
            || title_cased(head, lang, text)
            || (count == 1
                && restated(
                    doc,
                    head,
                    doc.sentence_text(first_story_sentence(doc, from + 1)),
                ))
    };
    if headline { count } else { 0 }
}

/// The sentence that leads the story from sentence `at` on: `at`, or the
/// first after a sentence of dateline and agency alone (`ТЕГЕРАН, 5 дек —
/// РИА Новости.`) that the segmenter split off.
fn first_story_sentence(doc: &AnalyzedDocument, at: usize) -> usize {
    let lang = doc.lang();
    let mut lead = at;
    while lead + 1 < doc.sentences.len()
        && lead < at + 2
        && dateline_and_notice(doc.sentence_text(lead).trim(), lang)
    {
        lead += 1;
    }
    lead
}

/// Whether the document opens with a short line of one sentence that ends
/// with a colon (`The New York Times said in an editorial for Wednesday,
/// July 28:`, `A look at the 15 impeachments considered by the Senate:`):
/// it introduces the whole text below it, so it is neither its headline (a
/// brief titled so says nothing of its story) nor a sentence of it. A long
/// one (more than [`MARKED_HEADLINE_MAX_WORDS`] words) is an overview of
/// what follows (`امضای تفاهمنامه …، انتخاب … اخبار مهم فرهنگ و ادب … مرور
/// کرده است:`) and stays a sentence that introduces the next.
pub(super) fn opening_introduction(doc: &AnalyzedDocument) -> bool {
    let Some(first) = doc.sentences.first() else {
        return false;
    };
    let head = first.text(&doc.document.text);
    let words = count_words(head, MARKED_HEADLINE_MAX_WORDS + 1);
    own_line(doc, 0)
        && introduces(head)
        && (INTRODUCES_MIN_WORDS..=MARKED_HEADLINE_MAX_WORDS).contains(&words)
}

/// Whether sentence `i` is a line of its own: no line break in it, one
/// before it (unless it opens the text) and one after it, with more text
/// after that.
fn own_line(doc: &AnalyzedDocument, i: usize) -> bool {
    let text = &doc.document.text;
    let (Some(s), Some(next)) = (doc.sentences.get(i), doc.sentences.get(i + 1)) else {
        return false;
    };
    let gap = |from: usize, to: usize| text.get(from..to).unwrap_or("").contains(LINE_BREAKS);
    let before = i
        .checked_sub(1)
        .and_then(|b| doc.sentences.get(b))
        .is_none_or(|b| gap(b.end, s.start));
    before && !s.text(text).contains(LINE_BREAKS) && gap(s.end, next.start)
}

/// Whether sentence `at`, right after the headline, is its subheading: a
/// line of one sentence that the longer sentence after it restates (a
/// translator may end it with a full stop where the original has none:
/// `پرستار اهل نیویورک، از زوجی شکایت کرده … اخراج کرده اند.` above `یک
/// پرستار اهل نیویورک از زوجی که … شکایت کرده است، …`). It says again what
/// the lead says, so it is no sentence of the brief.
pub(super) fn subheading(doc: &AnalyzedDocument, at: usize) -> bool {
    at > 0 && own_line(doc, at) && restated(doc, doc.sentence_text(at), doc.sentence_text(at + 1))
}

/// Whether the longer sentence `next` restates the one-sentence line
/// `head`: it repeats most of the line's words and the two overlap as a
/// whole, or the line is a short one ([`AT_LENGTH_MAX_WORDS`]) that `next`
/// says again at length, at least twice as long, with most of the line's
/// terms (stems, stopwords left out: `Паводок закрыл школы … в Тебризе.`
/// above `Сильный паводок … закрыл школы … в … городе Тебриз …, а
/// спасатели …`), where the overlap as a whole is small for the lead's many
/// words of its own. A longer line above a longer lead that repeats it is a
/// Persian lead paragraph (`لید`, a summary sentence above `به گزارش …،`),
/// which stays a sentence.
fn restated(doc: &AnalyzedDocument, head: &str, next: &str) -> bool {
    let lang = doc.lang();
    let (head_words, next_words) = (
        head.split_whitespace().count(),
        next.split_whitespace().count(),
    );
    if head_words >= next_words {
        return false;
    }
    let content = |t: &str| -> std::collections::HashSet<String> {
        word_set(t, lang)
            .into_iter()
            .filter(|w| w.chars().count() >= 3)
            .collect()
    };
    let (h, n) = (content(head), content(next));
    let both = h.intersection(&n).count() as f64;
    if !h.is_empty()
        && both >= HEADLINE_RESTATED_SHARE * h.len() as f64
        && jaccard(&h, &n) >= HEADLINE_RESTATED_JACCARD
    {
        return true;
    }
    if head_words > AT_LENGTH_MAX_WORDS || next_words < 2 * head_words {
        return false;
    }
    let terms = doc.analyzer().doc_terms([head, next].into_iter());
    let set = |row: &[u32]| {
        row.iter()
            .copied()
            .collect::<std::collections::HashSet<u32>>()
    };
    let (h, n) = (set(&terms.sentences[0]), set(&terms.sentences[1]));
    !h.is_empty() && h.intersection(&n).count() as f64 >= AT_LENGTH_SHARE * h.len() as f64
}

/// Whether a first line that ends with a question or exclamation mark or
/// an ellipsis (`Another black person?!`, `Кто заплатит за метро?`,
/// `Brexit talks stall again…`) is a headline: a lead that asks or
/// exclaims goes on in its paragraph or opens with its dateline (`BOSTON
/// (AP) -- Who knew …?`), and a short line of its own that does neither is
/// what a headline looks like (titles do not end with a full stop; a
/// question or an exclamation is how a headline may end).
fn marked_headline(head: &str, words: usize, lang: Lang) -> bool {
    let end = trim_codes_end(head).trim_end_matches(is_closer);
    words <= MARKED_HEADLINE_MAX_WORDS
        && (end.ends_with(['?', '!', '…', '؟', '！', '？']) || end.ends_with("..."))
        && dateline_len(head.trim_start(), lang) == 0
}

/// Whether an English line of at most [`MARKED_HEADLINE_MAX_WORDS`] words
/// is in title case: at least [`TITLE_CASE_MIN_WORDS`] words of four
/// letters or more, each capitalised and not all in capitals (a story
/// sentence has its verbs and nouns in small letters; a text in capitals
/// says nothing by its case).
fn title_cased(head: &str, lang: Lang, text: &str) -> bool {
    if lang != Lang::EN
        || count_words(head, MARKED_HEADLINE_MAX_WORDS + 1) > MARKED_HEADLINE_MAX_WORDS
    {
        return false;
    }
    let mut capitalised = 0;
    for w in head.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        if w.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        let first = w.chars().next().is_some_and(char::is_uppercase);
        if !first || w.chars().all(|c| !c.is_lowercase()) {
            return false;
        }
        capitalised += 1;
    }
    capitalised >= TITLE_CASE_MIN_WORDS && !written_in_capitals(text)
}

/// Whether a first line in capitals (`FED HOLDS RATES STEADY AS INFLATION
/// COOLS`, `ФРС СОХРАНИЛА СТАВКУ`) is a headline, though a line in
/// capitals inside a text is furniture (the tail of a licence): it has at
/// least [`CAPITALS_HEADLINE_MIN_WORDS`] words and no phrase of the
/// furniture lists (`COPYRIGHT 2026 …`), in a text not written in capitals.
/// A place alone on its line (`NEW YORK`, `RIO DE JANEIRO`), a label
/// (`GAME CHANGER`) or a wire's note (`EDS: RECASTS LEAD`) is shorter.
fn in_capitals_headline(head: &str, lang: Lang, text: &str) -> bool {
    let head = head.trim();
    let (upper, cased) = case_counts(head);
    cased > 0
        && upper == cased
        && count_words(head, CAPITALS_HEADLINE_MIN_WORDS) >= CAPITALS_HEADLINE_MIN_WORDS
        && !lists(lang).furniture.found_in(&normalize_key(head, lang))
        && !written_in_capitals(text)
}

/// A headline in capitals has at least this many words.
const CAPITALS_HEADLINE_MIN_WORDS: usize = 4;

/// Whether `line` is all dateline and page notice (`TEHRAN -`, `TEHRAN -
/// Media playback is unsupported on your device`, `WASHINGTON — Updated
/// 10:32 GMT`), or a section path and desk, or a label: no headline.
pub(super) fn dateline_and_notice(line: &str, lang: Lang) -> bool {
    let d = dateline_len(line, lang);
    let rest = &line[d..];
    d == line.len()
        || furniture_prefix_len(rest, lang) == rest.len()
        || desk_prefix_len(rest, lang) == rest.len()
        || (d > 0 && is_furniture(rest, lang))
        // A label (`همشهری‌آنلاین:`, `Key points:`) is no headline.
        || (introduces(line) && count_words(line, INTRODUCES_MIN_WORDS) < INTRODUCES_MIN_WORDS)
}

/// A title split into at most this many sentences is still found.
const TITLE_MAX_SENTENCES: usize = 4;

/// How many of the document's first sentences together are the given
/// `title` (compared as matching keys, white space collapsed); 0 when the
/// text does not open with it.
pub(crate) fn given_title_sentences(doc: &AnalyzedDocument, title: &str) -> usize {
    let lang = doc.lang();
    // Invisible characters count for nothing: a title shown without the
    // bidi mark that ends its line is still that line.
    let key = |t: &str| -> String {
        t.split_whitespace()
            .map(|w| {
                let visible: String = w
                    .chars()
                    .filter(|&c| !crate::invisible::is_invisible(c))
                    .collect();
                normalize_key(&visible, lang)
            })
            .filter(|k| !k.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let wanted = key(title);
    let Some(first) = doc.sentences.first() else {
        return 0;
    };
    let text = &doc.document.text;
    doc.sentences
        .iter()
        .take(TITLE_MAX_SENTENCES)
        .position(|s| {
            text.get(first.start..s.end)
                .is_some_and(|span| key(span) == wanted)
        })
        .map_or(0, |k| k + 1)
}

/// Bytes of a headline that opens the document's first sentence as a line
/// of its own, run into what follows by a single line break (the segmenter
/// read the lines as one wrapped paragraph): a line of at most
/// [`HEADLINE_MAX_WORDS`] words without a sentence end, followed by furniture,
/// a dateline, or a line that restates it, or the `given` title itself.
/// 0 when there is none (a wrapped
/// line of a story is followed by the rest of its sentence).
pub(super) fn joined_headline(doc: &AnalyzedDocument, given: Option<&str>) -> usize {
    let Some(first) = doc.sentences.first() else {
        return 0;
    };
    let sentence = first.text(&doc.document.text);
    let Some((nl, brk)) = next_line_break(sentence) else {
        return 0;
    };
    let (head, rest) = (&sentence[..nl], sentence[nl + brk..].trim_start());
    let lang = doc.lang();
    if head.trim().is_empty()
        || ends_a_sentence(head)
        || count_words(head, HEADLINE_MAX_WORDS + 1) > HEADLINE_MAX_WORDS
        || rest.is_empty()
    {
        return 0;
    }
    if let Some(t) = given {
        // The given title on a line of its own: nothing else to ask.
        return if normalize_key(head.trim(), lang) == normalize_key(t, lang) {
            nl + brk
        } else {
            0
        };
    }
    let next_line = crate::segment::first_line(rest);
    let restated = jaccard(&word_set(head, lang), &word_set(next_line, lang)) >= RESTATES_TITLE;
    if restated || furniture_lines_len(rest, lang, None) > 0 || dateline_len(rest, lang) > 0 {
        nl + brk
    } else {
        0
    }
}

/// Words of a site's name after a text headline, at most (`BBC News`).
const SITE_NAME_WORDS: usize = 3;

/// A text headline without the site's name that a page's title put after
/// it and a copy kept (`City approves budget | Reuters`, `… - BBC News`,
/// `… — РИА Новости`): the part after the last ` | `, ` - `, ` – ` or
/// ` — ` when it is an agency of `agencies.txt` or a name of at most
/// [`SITE_NAME_WORDS`] capitalised words ending with `News`. Any other
/// part stays (`Oil rises - and so do fears`).
pub(super) fn without_site_name(title: &str, lang: Lang) -> &str {
    let Some((at, sep)) = [" | ", " - ", " – ", " — "]
        .iter()
        .filter_map(|s| title.rfind(s).map(|at| (at, s.len())))
        .max_by_key(|&(at, _)| at)
    else {
        return title;
    };
    let (head, site) = (title[..at].trim_end(), title[at + sep..].trim());
    let ws: Vec<(usize, &str)> = site.split_whitespace().map(|w| (0, w)).collect();
    let agency = super::dateline::agency_at(&ws, 0, lists(lang), lang) == Some(ws.len());
    let news = (1..=SITE_NAME_WORDS).contains(&ws.len())
        && ws.iter().all(|(_, w)| w.starts_with(char::is_uppercase))
        && ws.last().is_some_and(|(_, w)| key(w, lang) == "news");
    if (agency || news) && head.chars().any(char::is_alphanumeric) {
        head
    } else {
        title
    }
}
