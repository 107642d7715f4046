//! The sentence a brief opens with.
//!
//! A reader meets a brief's first sentence with nothing before it but the
//! title, so it has to name its subject: a document's lead, the sentence its
//! writer made to open the story. A brief whose first sentence (in document
//! order) is not such a lead is chosen again with a lead as its opening —
//! the lead of the document it starts in, else of the next documents — and
//! its other sentences chosen as before among those that follow that lead in
//! document order, so the brief keeps its document order (which merge
//! checks).
//!
//! A lead is not fit to open a brief when it opens with a reference to the
//! sentence before it, with direct speech or an aside (a quote mark, a
//! dialogue dash, a bracket), or with a clause of speech or attitude before
//! its subject — "Describing the talks as a step forward, Rouhani said …",
//! "Asked about …", "Говоря о …", "با اشاره به …" (the phrases of
//! `resources/<lang>/openers.txt`): such a sentence reports what was said at
//! an occasion the reader has not been told of.

use std::sync::OnceLock;

use super::furniture::{Role, leans_on_previous};
use crate::lang::Lang;
use crate::resources::{builtin, entries};
use crate::select::Candidate;
use crate::tokenize::normalize_key;

/// How many documents' leads a brief tries as its opening, at most (from
/// the document its first sentence is in): each try is one more selection.
const MAX_TRIES: usize = 3;

/// The phrases of `openers.txt`, as matching keys split into words.
fn phrases(lang: Lang) -> &'static [Vec<String>] {
    static EN: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    static RU: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    static FA: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let cell = if lang == Lang::EN {
        &EN
    } else if lang == Lang::RU {
        &RU
    } else if lang == Lang::FA {
        &FA
    } else {
        return &[];
    };
    cell.get_or_init(|| {
        entries(builtin(lang, "openers.txt"))
            .map(|e| {
                e.split_whitespace()
                    .map(|w| normalize_key(w, lang))
                    .collect()
            })
            .collect()
    })
}

/// Quote marks that open direct speech.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '«' | '»' | '“' | '”' | '„' | '‘' | '’' | '‹' | '›'
    )
}

/// Quoted words fewer than this are a name or a term (`«ترزا می» نخست‌وزیر
/// بریتانیا …`), not speech.
const SPEECH_WORDS: usize = 4;

/// Whether `text` (trimmed at its start) opens with direct speech (a
/// dialogue dash, or a quote of at least [`SPEECH_WORDS`] words) or is an
/// aside (a sentence in brackets as a whole; a bracket that closes early,
/// as in `(CNN)`, opens no aside).
fn opens_speech_or_aside(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if matches!(first, '—' | '–') {
        return true;
    }
    if matches!(first, '(' | '[' | '{') {
        return text.trim_end().ends_with([')', ']', '}']);
    }
    if !is_quote(first) {
        return false;
    }
    let inner = text[first.len_utf8()..].trim_start_matches(is_quote);
    // A closing quote, not an apostrophe between letters (`Syria’s`).
    let mut prev = ' ';
    let mut end = inner.len();
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        if is_quote(c) && !(prev.is_alphanumeric() && next.is_alphanumeric()) {
            end = i;
            break;
        }
        prev = c;
    }
    inner[..end].split_whitespace().count() >= SPEECH_WORDS
}

/// The matching key of a word as it stands in a sentence (punctuation
/// around it dropped).
fn key(word: &str, lang: Lang) -> String {
    normalize_key(word.trim_matches(|c: char| !c.is_alphanumeric()), lang)
}

/// Whether `text` opens the way no brief should: with direct speech or an
/// aside, or with a phrase of `openers.txt` (a clause of speech or attitude
/// before the subject). References to the sentence before are judged by
/// the caller (a sentence's `leans`).
pub(crate) fn presupposes(text: &str, lang: Lang) -> bool {
    let text = text.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}' | '\u{202B}')
    });
    if opens_speech_or_aside(text) || asks(text) {
        return true;
    }
    let list = phrases(lang);
    if list.is_empty() {
        return false;
    }
    let words: Vec<String> = text
        .split_whitespace()
        .take(list.iter().map(Vec::len).max().unwrap_or(0))
        .map(|w| key(w, lang))
        .collect();
    list.iter()
        .any(|p| p.len() <= words.len() && p.iter().zip(&words).all(|(a, b)| a == b))
}

/// How many words a closing attribution ("…, he told reporters.") has at
/// most: a longer last clause is a statement of its own.
const ATTRIBUTION_WORDS: usize = 4;

/// Whether `text` ends with an attribution whose speaker is a pronoun
/// (`resources/<lang>/speaker_pronouns.txt`): "…, he said.", "…, — заявил
/// он." Its speaker was named in a sentence before it, which the reader of
/// a brief that opens with it has not seen.
pub(crate) fn unnamed_speaker(text: &str, lang: Lang) -> bool {
    static EN: OnceLock<Vec<String>> = OnceLock::new();
    static RU: OnceLock<Vec<String>> = OnceLock::new();
    let cell = if lang == Lang::EN {
        &EN
    } else if lang == Lang::RU {
        &RU
    } else {
        return false;
    };
    let pronouns = cell.get_or_init(|| {
        entries(builtin(lang, "speaker_pronouns.txt"))
            .map(|e| normalize_key(e, lang))
            .collect()
    });
    let body = text
        .trim_end()
        .trim_end_matches(|c: char| is_quote(c) || matches!(c, ')' | ']' | '}' | '.' | '!' | '?'));
    let Some(cut) = body.rfind([',', '—', '–']) else {
        return false;
    };
    let tail: Vec<String> = body[cut..]
        .split_whitespace()
        .map(|w| key(w, lang))
        .filter(|w| !w.is_empty())
        .collect();
    tail.len() <= ATTRIBUTION_WORDS && tail.iter().any(|w| pronouns.contains(w))
}

/// Whether `text` ends as a question or an exclamation (a feature's
/// "Heard of crash test dummies?"): it asks the reader rather than saying
/// what happened.
fn asks(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(|c: char| is_quote(c) || matches!(c, ')' | ']' | '}'))
        .ends_with(['?', '!', '؟', '？', '！'])
}

/// What tells whether a sentence is fit to open a brief: a sentence of
/// the story that may be chosen, has at least `min_words` words, opens
/// with no reference to a sentence before it (not even as a document's
/// first sentence, which may continue another) and does not
/// [`presuppose`](presupposes) an occasion. Judged only for the sentences
/// asked about (a brief's chosen sentences and the documents' leads).
pub(crate) struct Fitness<'s, 'a, L> {
    pub roles: &'s [Role],
    pub doc_of: &'s [usize],
    pub texts: &'s [&'s str],
    pub candidates: &'s [Candidate<'a>],
    pub min_words: usize,
    /// A document's language.
    pub lang: L,
}

impl<L: Fn(usize) -> Lang> Fitness<'_, '_, L> {
    /// Whether sentence `i` is fit to open a brief.
    pub(crate) fn fit(&self, i: usize) -> bool {
        let c = &self.candidates[i];
        let lang = (self.lang)(self.doc_of[i]);
        matches!(self.roles[i], Role::Body { .. })
            && c.eligible
            && c.needs.is_none_or(|n| n > i)
            && c.size.words >= self.min_words.max(1)
            && !leans_on_previous(self.texts[i], lang)
            && !presupposes(self.texts[i], lang)
            && !unnamed_speaker(self.texts[i], lang)
    }

    /// Each document's lead, when it is [fit](Self::fit) to open a brief:
    /// the document's first sentence of the story (after its headline and
    /// furniture). `docs` is the number of documents.
    pub(crate) fn leads(&self, docs: usize) -> Vec<Option<usize>> {
        let mut lead = vec![None; docs];
        let mut seen = vec![false; docs];
        for (i, role) in self.roles.iter().enumerate() {
            let d = self.doc_of[i];
            if !matches!(role, Role::Body { .. }) || std::mem::replace(&mut seen[d], true) {
                continue;
            }
            if self.fit(i) {
                lead[d] = Some(i);
            }
        }
        lead
    }
}

/// A lead that takes more of the budget than this share does not push
/// out a brief's fit opening: a short brief (665 bytes, three or four
/// sentences) cannot spend a third of itself on a lead it did not choose.
const LEAD_SHARE: f64 = 0.25;

/// What may open a brief, sentence by sentence.
pub(crate) struct Openers<'f> {
    fit: Box<dyn Fn(usize) -> bool + 'f>,
    leads: Vec<Option<usize>>,
    /// Per document: whether a fit sentence other than its lead may open
    /// a brief (a query's brief, a document without a fit lead or with a
    /// costly one).
    free: Vec<bool>,
}

/// A selection to try again, opening with a sentence that may open it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Retry {
    /// The first choice from this sentence on: what it chose before this
    /// sentence (in document order) left out, the rest kept, the budget
    /// filled again with sentences after it.
    Trim(usize),
    /// Chosen again with this lead first and only sentences after it.
    Lead(usize),
}

impl<'f> Openers<'f> {
    /// `fit` from [`Fitness::fit`], `leads` from [`Fitness::leads`];
    /// `query`: the brief answers a query (a document's lead tells its
    /// story, not the answer, so any fit sentence may open);
    /// `mid_story`: whether, without a query, a fit sentence other than a
    /// lead may open where the lead is not required (the
    /// `mid_story_opening` setting: a document without a fit lead, a lead
    /// over [`LEAD_SHARE`] of the budget); `share` gives the share of the
    /// budget a sentence takes alone.
    pub(crate) fn new(
        fit: impl Fn(usize) -> bool + 'f,
        leads: Vec<Option<usize>>,
        mid_story: bool,
        query: bool,
        share: impl Fn(usize) -> f64,
    ) -> Openers<'f> {
        let free = leads
            .iter()
            .map(|lead| query || (mid_story && lead.is_none_or(|l| share(l) > LEAD_SHARE)))
            .collect();
        Openers {
            fit: Box::new(fit),
            leads,
            free,
        }
    }

    /// Whether sentence `i` (of document `doc`) may open a brief: its
    /// document's lead, or a fit sentence where the lead is not required.
    pub(crate) fn may_open(&self, i: usize, doc: usize) -> bool {
        (self.leads[doc] == Some(i) || self.free[doc]) && (self.fit)(i)
    }

    /// The selections a brief of `chosen` sentences should be chosen again
    /// as, in the order to try them: none when its first sentence in
    /// document order (the least index: sentences are numbered document by
    /// document) may open it or when nothing is chosen; else the first
    /// choice from its earliest chosen sentence that may open it in the
    /// same document (so only sentences of that document are left out),
    /// then a selection after a lead: of the document the brief opens in, then of
    /// those after it, then of those before it, nearest first (at most
    /// [`MAX_TRIES`] leads).
    pub(crate) fn retries(&self, chosen: &[usize], doc_of: &[usize]) -> Vec<Retry> {
        let Some(&first) = chosen.iter().min() else {
            return Vec::new();
        };
        if self.may_open(first, doc_of[first]) {
            return Vec::new();
        }
        let d = doc_of[first];
        let trim = chosen
            .iter()
            .copied()
            .filter(|&i| doc_of[i] == d && self.may_open(i, d))
            .min()
            .map(Retry::Trim);
        let leads = self.leads[d..]
            .iter()
            .chain(self.leads[..d].iter().rev())
            .flatten()
            .copied()
            .take(MAX_TRIES)
            .map(Retry::Lead);
        trim.into_iter().chain(leads).collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_attribution_to_a_pronoun_leaves_the_speaker_unnamed() {
        use super::unnamed_speaker;
        let claim = "The ice sheet could disintegrate as early as next century";
        for verb in ["said", "added", "told reporters", "said on Monday", "wrote"] {
            for pronoun in ["he", "she", "they", "He"] {
                for close in [".", ".\u{201D}", "!", ". "] {
                    let t = format!("{claim}, {pronoun} {verb}{close}");
                    assert!(unnamed_speaker(&t, Lang::EN), "{t}");
                    let t = format!("{claim}, {verb} {pronoun}{close}");
                    assert!(unnamed_speaker(&t, Lang::EN), "{t}");
                    // A named speaker, or a clause that says more, may open.
                    let t = format!("{claim}, Dr Smith {verb}{close}");
                    assert!(!unnamed_speaker(&t, Lang::EN), "{t}");
                }
            }
        }
        for t in [
            "The ice sheet could disintegrate, scientists warned on Monday in Oslo.",
            "The ice sheet could disintegrate as early as next century.",
            "The council said it would vote on the plan next month in the capital city.",
        ] {
            assert!(!unnamed_speaker(t, Lang::EN), "{t}");
        }
        for verb in ["сказал", "заявила", "отметили", "сообщил журналистам"]
        {
            for pronoun in ["он", "она", "они", "Он"] {
                let t = format!("Переговоры возобновятся в январе, — {verb} {pronoun}.");
                assert!(unnamed_speaker(&t, Lang::RU), "{t}");
            }
        }
        assert!(!unnamed_speaker(
            "Переговоры возобновятся в январе, — сказал министр.",
            Lang::RU
        ));
        assert!(!unnamed_speaker(
            "او گفت: مذاکرات ادامه دارد، او گفت.",
            Lang::FA
        ));
    }

    use super::*;

    #[test]
    fn speech_asides_and_occasions_presuppose() {
        for (text, lang) in [
            (
                "Describing negotiations in Kazakhstan a step forward, Dr Rouhani added: \"Yes\".",
                Lang::EN,
            ),
            (
                "Speaking at a news conference, the minister said prices would fall.",
                Lang::EN,
            ),
            (
                "Asked about the ceasefire, he declined to comment.",
                Lang::EN,
            ),
            (
                "\"We won the final and we deserved it,\" the coach said.",
                Lang::EN,
            ),
            (
                "“Syria’s future is in the hands of its people,” he said.",
                Lang::EN,
            ),
            (
                "``Weak La Nina conditions'' have started to develop, the agency said.",
                Lang::EN,
            ),
            ("(Pesticides tend to keep flea beetles in check.)", Lang::EN),
            (
                "Отвечая на вопрос журналистов, министр сказал, что цены снизятся.",
                Lang::RU,
            ),
            ("Подводя итоги года, мэр поблагодарил жителей.", Lang::RU),
            (
                "— Мы обещали жителям новые автобусы, — заявила она.",
                Lang::RU,
            ),
            ("«Деньги выделяли и раньше», — сказал он.", Lang::RU),
            ("با اشاره به کاهش بارش‌ها، گفت مصرف باید کم شود.", Lang::FA),
            (
                "در پاسخ به سوالی درباره سدها گفت وضعیت مطلوب نیست.",
                Lang::FA,
            ),
            ("«حجم آب پشت سدها بیشتر شده است.»", Lang::FA),
        ] {
            assert!(presupposes(text, lang), "{text}");
        }
        for (text, lang) in [
            (
                "Presidents of Iran and Russia spoke on the phone on Saturday.",
                Lang::EN,
            ),
            ("Spending rose by 5 % in the first quarter.", Lang::EN),
            ("Describers of the talks were few.", Lang::EN),
            ("Городская дума утвердила бюджет на транспорт.", Lang::RU),
            ("Говорящие попугаи живут долго.", Lang::RU),
            ("بخش تازه‌ای از خط هفت متروی تهران افتتاح شد.", Lang::FA),
            ("به گزارش ایرنا، سدهای تهران پر شد.", Lang::FA),
            (
                "«ترزا می» نخست‌وزیر بریتانیا در مصاحبه با روزنامه گفت منتقدان اشتباه می‌کنند.",
                Lang::FA,
            ),
            (
                "(CNN)A new Kansas law banning a procedure is the first of its kind.",
                Lang::EN,
            ),
            ("The \"Star Trek\" fans met in London on Sunday.", Lang::EN),
            ("Describing the talks, he left.", "de".parse().unwrap()),
        ] {
            assert!(!presupposes(text, lang), "{text}");
        }
    }

    #[test]
    fn opener_lists_are_sorted_unique_matching_keys() {
        for lang in [Lang::EN, Lang::RU, Lang::FA] {
            let list: Vec<&str> = entries(builtin(lang, "openers.txt")).collect();
            assert!(!list.is_empty(), "{lang}");
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "{lang}: sorted, unique"
            );
            for e in &list {
                let keyed: Vec<String> = e.split_whitespace().map(|w| key(w, lang)).collect();
                assert_eq!(
                    *e,
                    keyed.join(" "),
                    "{lang}: {e} is written as its matching keys"
                );
            }
        }
        for lang in [Lang::EN, Lang::RU] {
            let list: Vec<&str> = entries(builtin(lang, "speaker_pronouns.txt")).collect();
            assert!(!list.is_empty(), "{lang}");
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "{lang}: sorted, unique"
            );
            for e in &list {
                assert_eq!(*e, key(e, lang), "{lang}: {e} is its matching key");
            }
        }
    }

    #[test]
    fn a_brief_opening_as_it_may_is_not_chosen_again() {
        let doc_of = [0, 0, 0, 1, 1, 2, 2];
        let leads = vec![Some(0), None, Some(5)];
        // Sentences 2 and 4 are fit to open too; 1, 3 and 6 are not.
        let fit = |i: usize| [true, false, true, false, true, true, false][i];
        let cheap = |_: usize| 0.1;
        let o = Openers::new(fit, leads.clone(), true, false, cheap);
        assert!(o.retries(&[2, 0], &doc_of).is_empty());
        assert!(o.retries(&[], &doc_of).is_empty());
        // Opens mid-story in document 0 (with a fit sentence, but its lead
        // is cheap): its lead first, then document 2's.
        assert_eq!(
            o.retries(&[6, 2], &doc_of),
            [Retry::Lead(0), Retry::Lead(5)]
        );
        // Document 1 has no fit lead: its fit sentence 4 may open.
        assert!(o.retries(&[4, 6], &doc_of).is_empty());
        // Opens with 3 (unfit): from 4 on, then the leads after, then before.
        assert_eq!(
            o.retries(&[3, 4, 6], &doc_of),
            [Retry::Trim(4), Retry::Lead(5), Retry::Lead(0)]
        );
        // Opens mid-story in the last document: its lead, then the earlier ones.
        assert_eq!(o.retries(&[6], &doc_of), [Retry::Lead(5), Retry::Lead(0)]);
        // With a query, or a lead that takes a third of the budget, a fit
        // sentence opens where it stands.
        let o = Openers::new(fit, leads.clone(), true, true, cheap);
        assert!(o.retries(&[2, 6], &doc_of).is_empty());
        assert_eq!(o.retries(&[1, 2, 6], &doc_of)[0], Retry::Trim(2));
        let o = Openers::new(fit, leads.clone(), true, false, |_| 0.34);
        assert!(o.retries(&[2, 6], &doc_of).is_empty());
        // Without mid-story openings (the default), a query's brief still
        // opens with any fit sentence: a lead tells the story, not the answer.
        let o = Openers::new(fit, leads.clone(), false, true, |_| 0.34);
        assert!(o.retries(&[2, 6], &doc_of).is_empty());
        // Without a query, only a lead opens.
        let o = Openers::new(fit, leads, false, false, |_| 0.34);
        assert_eq!(
            o.retries(&[2, 6], &doc_of),
            [Retry::Lead(0), Retry::Lead(5)]
        );
        assert_eq!(
            o.retries(&[4, 6], &doc_of),
            [Retry::Lead(5), Retry::Lead(0)]
        );
    }
}
