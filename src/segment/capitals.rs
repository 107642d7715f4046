//! Text written in capitals (wire copy, a telex): whether a document is,
//! and the word lists the segmenter asks there instead of the case of the
//! next word, which says nothing when every word is in capitals.

use crate::segment::Segmenter;
use crate::segment::ablation::Rule;
use crate::segment::cursor::{Scan, lowercase_word};

impl Segmenter {
    /// Whether the case of the word at `at` says nothing: it has no
    /// lowercase letter and the document is written in capitals. A word
    /// with a lowercase letter (`Smith`, `the`) tells its case in any
    /// document, so ordinary text rarely counts its letters at all: only
    /// when a word in capitals (`NATO`) or a number follows a mark.
    pub(super) fn capitals(&self, scan: &Scan<'_>, at: usize) -> bool {
        !self.disabled.off(Rule::Capitals)
            && !scan
                .text
                .get(at..scan.end)
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_alphabetic())
                .take(16)
                .any(char::is_lowercase)
            && scan.in_capitals()
    }

    /// A letter as the rules that ask its case should see it, `at` the word
    /// after it: in a document in capitals, in small letters (`А)` is a
    /// list letter there, as `а)` is elsewhere).
    pub(super) fn letter_in_case(&self, scan: &Scan<'_>, letter: char, at: usize) -> char {
        if letter.is_uppercase() && self.capitals(scan, at) {
            letter.to_lowercase().next().unwrap_or(letter)
        } else {
            letter
        }
    }

    /// In a document in capitals, whether the word at `at` carries the
    /// sentence on after an abbreviation or a date (`capitals_continuations.txt`:
    /// `U.S. IN 1990`, `1998 Г. В КАЛИФОРНИИ`).
    pub(super) fn capitals_continuation(&self, scan: &Scan<'_>, at: usize) -> bool {
        self.lists
            .capitals_continuations
            .contains(lowercase_word(scan, at).as_str())
    }

    /// In a document in capitals, whether the word at `at` opens a sentence
    /// after an abbreviation, an ellipsis or `I.`: in English a sentence
    /// starter that does not carry the sentence on (`3 P.M. ON FRIDAY`).
    /// Languages without starters: never.
    pub(super) fn capitals_starter(&self, scan: &Scan<'_>, at: usize) -> bool {
        let word = lowercase_word(scan, at);
        self.lists.starters.contains(word.as_str())
            && !self.lists.capitals_continuations.contains(word.as_str())
    }

    /// In a document in capitals, whether the word at `at` is a title with
    /// its period (`MR.`, `DR.`, `titles.txt`), which is written with a
    /// capital in ordinary case: after a clock time that closes a clause it
    /// opens a sentence (`… AT 6 P.M. MR. SMITH STAYED.`), as `Mr.` does.
    fn capitals_title(&self, scan: &Scan<'_>, at: usize) -> bool {
        if self.disabled.off(Rule::TitleAfterClock) {
            return false;
        }
        let word = lowercase_word(scan, at);
        self.lists.titles.contains(word.as_str()) && scan.char_at(at + word.len()) == Some('.')
    }

    /// In a document in capitals, whether the word at `word_start`, after
    /// a dialogue dash that follows a mark ending at `j`, is the author's
    /// words: a verb in the past tense (`past_tense_endings.txt`: `— ТЫ ГДЕ?
    /// — СПРОСИЛА МАМА`), with at least two letters before its ending.
    pub(super) fn capitals_author_words(
        &self,
        scan: &Scan<'_>,
        j: usize,
        word_start: usize,
    ) -> bool {
        let endings = &self.lists.past_tense_endings;
        if endings.is_empty()
            || !scan
                .text
                .get(j..word_start)
                .is_some_and(|between| between.contains(['—', '–', '-']))
            || !self.capitals(scan, word_start)
        {
            return false;
        }
        self.past_tense(scan, word_start) || self.present_with_pronoun(scan, word_start)
    }

    /// Whether `Я` at `at` is the pronoun after the verb it agrees with
    /// (`КРИЧУ Я.`, `— СПРОСИЛ Я.`), not an initial (`Я. СМИРНОВ`).
    pub(super) fn capitals_pronoun_i(&self, scan: &Scan<'_>, at: usize) -> bool {
        if self.disabled.off(Rule::AuthorPresent) {
            return false;
        }
        let before = scan.text.get(scan.start..at).unwrap_or("").trim_end();
        let mut tokens = before.rsplit(char::is_whitespace);
        let verb = tokens.next().unwrap_or("");
        if !verb.chars().all(char::is_alphabetic) {
            return false;
        }
        // A past tense only as the author's words after a dialogue dash
        // (`— СПРОСИЛ Я.`): `ПИСАЛ Я. СМИРНОВ` may be an initial.
        let after_dash = matches!(tokens.next(), Some("—" | "–" | "-"));
        let verb = verb.to_lowercase();
        let letters = verb.chars().count();
        let long = |ending: &str, more: usize| letters >= ending.chars().count() + more;
        self.lists
            .present_persons
            .iter()
            .any(|(e, who)| who == "я" && verb.ends_with(e.as_str()) && long(e, 3))
            || after_dash
                && self.lists.past_tense_endings.iter().any(|e| {
                    matches!(e.as_str(), "л" | "ла") && verb.ends_with(e.as_str()) && long(e, 2)
                })
    }

    /// Whether the word at `at` is a verb in the present tense followed
    /// directly by the pronoun that agrees with its ending
    /// (`present_tense_persons.txt`: `КРИЧУ Я`, `СПРАШИВАЕТ ОНА`), then a
    /// comma or a mark: inverted, as the author's words are. A verb of two
    /// letters and its ending are not enough (`БРАТ Я` does not agree).
    fn present_with_pronoun(&self, scan: &Scan<'_>, at: usize) -> bool {
        if self.disabled.off(Rule::AuthorPresent) || self.lists.present_persons.is_empty() {
            return false;
        }
        let rest = scan.text.get(at..scan.end).unwrap_or("");
        let mut words = rest.splitn(3, ' ');
        let (Some(verb), Some(pronoun)) = (words.next(), words.next()) else {
            return false;
        };
        let bare = pronoun.trim_end_matches([',', '.', '!', '?', '…']);
        if bare.len() == pronoun.len() || !verb.chars().all(char::is_alphabetic) {
            return false;
        }
        let verb = verb.to_lowercase();
        let pronoun = bare.to_lowercase();
        let letters = verb.chars().count();
        self.lists.present_persons.iter().any(|(ending, who)| {
            *who == pronoun
                && verb.ends_with(ending.as_str())
                && letters >= ending.chars().count() + 3
        })
    }

    /// Whether the word at `at` is a verb in the past tense
    /// (`past_tense_endings.txt`), with at least two letters before its
    /// ending.
    fn past_tense(&self, scan: &Scan<'_>, at: usize) -> bool {
        let word = lowercase_word(scan, at);
        self.lists
            .past_tense_endings
            .iter()
            .any(|e| word.ends_with(e.as_str()) && word.chars().count() >= e.chars().count() + 2)
    }

    /// In a document in capitals, whether the words at `at`, after a
    /// quotation closed by its mark, attribute it: in English one word and
    /// a verb of saying before a comma or a mark (`"THIS IS GREAT." SHE
    /// SAID.`, `saying_verbs.txt`), in Russian a verb in the past tense
    /// (`«ЧТО ЖЕ ТЕПЕРЬ БУДЕТ?» СПРАШИВАЛИ …`, `ЛОЗУНГ «…!» СТАЛ …`).
    /// In ordinary case the lowercase word tells.
    ///
    /// `j` is the end of the mark cluster, which must end in a closing
    /// quote (not `!!!))))`, not `?».`).
    pub(super) fn capitals_attribution(&self, scan: &Scan<'_>, j: usize, at: usize) -> bool {
        if self.disabled.off(Rule::Attribution)
            || !matches!(scan.char_before(j), Some('"' | '\'' | '”' | '’' | '»'))
            || !self.capitals(scan, at)
        {
            return false;
        }
        if self.lists.saying_verbs.is_empty() {
            return !self.lists.past_tense_endings.is_empty() && self.past_tense(scan, at);
        }
        let rest = scan.text.get(at..scan.end).unwrap_or("");
        let mut words = rest.splitn(3, ' ');
        let (Some(_who), Some(verb)) = (words.next(), words.next()) else {
            return false;
        };
        let bare = verb.trim_end_matches(['.', ',', '!', '?']);
        bare.len() < verb.len()
            && bare.chars().all(char::is_alphabetic)
            && self
                .lists
                .saying_verbs
                .contains(bare.to_lowercase().as_str())
    }

    /// In a document in capitals, whether an abbreviation that may end a
    /// sentence (`key` when it is a single word of the lists, `None` for a
    /// spaced one, a unit after a number, `и пр.`) ends it before the word
    /// at `next_word`, whose case says nothing. Never before a word that
    /// carries the sentence on. English then asks [`Self::capitals_starter`]
    /// as for any abbreviation (`A.M.`, `P.M.` after a clause of more than
    /// three words), except `ETC.`, which closes a list. Languages without
    /// starters end, except after an abbreviation that counts the noun
    /// after it (`300 ТЫС. ЧЕЛОВЕК`) when the word can be counted (not
    /// `10 ТЫС. ЭТО`, `not_counted.txt`).
    pub(super) fn capitals_abbreviation_ends(
        &self,
        scan: &Scan<'_>,
        next_word: usize,
        key: Option<(&str, usize)>,
    ) -> bool {
        if self.capitals_continuation(scan, next_word) {
            return false;
        }
        if self.lists.starters.is_empty() {
            return key.is_none_or(|(key, _)| !self.lists.counting_abbreviations.contains(key))
                || self
                    .lists
                    .not_counted
                    .contains(lowercase_word(scan, next_word).as_str());
        }
        match key {
            Some(("a.m" | "p.m", at)) => {
                let words = scan
                    .text
                    .get(scan.sentence_start..at)
                    .map_or(0, |s| s.split_whitespace().count());
                words > 3
                    && (self.capitals_starter(scan, next_word)
                        || self.capitals_title(scan, next_word))
            }
            Some(("etc", _)) if !self.disabled.off(Rule::EtcEnds) => true,
            _ => self.capitals_starter(scan, next_word),
        }
    }
}

/// The case of a character: (a capital, a letter with a case). ASCII and
/// Cyrillic, most of what is counted, are told by their ranges.
#[inline]
fn case_of(ch: char) -> (bool, bool) {
    match ch {
        'A'..='Z' | 'А'..='Я' | 'Ѐ'..='Џ' => (true, true),
        'a'..='z' | 'а'..='я' | 'ѐ'..='џ' => (false, true),
        '\0'..='\u{7F}' | '\u{600}'..='\u{6FF}' => (false, false),
        _ => {
            let up = ch.is_uppercase();
            (up, up || ch.is_lowercase())
        }
    }
}

/// How many letters of `text` are capitals, and how many have a case.
pub(crate) fn case_counts(text: &str) -> (usize, usize) {
    text.chars().fold((0, 0), |(upper, cased), ch| {
        let (up, has_case) = case_of(ch);
        (upper + usize::from(up), cased + usize::from(has_case))
    })
}

/// Whether a document is written in capitals throughout: at least 80 % of
/// its cased letters (and 20 of them) are capitals. The one judgement of
/// this, for the segmenter and for the furniture of a brief. It reads bytes
/// (ASCII and Cyrillic without decoding), and stops as soon as the rest of
/// the text could not bring the capitals to four times the small letters
/// even if every byte left were a capital (ordinary text stops within its
/// first third or so).
pub(crate) fn written_in_capitals(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut upper, mut lower) = (0usize, 0usize);
    let mut k = 0;
    while k < bytes.len() {
        let block_end = (k + 256).min(bytes.len());
        while k < block_end {
            let b = bytes[k];
            let next = bytes.get(k + 1).copied().unwrap_or(0);
            if b < 0x80 {
                upper += usize::from(b.wrapping_sub(b'A') < 26);
                lower += usize::from(b.wrapping_sub(b'a') < 26);
                k += 1;
            } else if b == 0xD0 && (0x80..=0xBF).contains(&next) {
                // U+0400–U+043F: Ѐ–Я capitals, а–п small letters.
                upper += usize::from(next < 0xB0);
                lower += usize::from(next >= 0xB0);
                k += 2;
            } else if b == 0xD1 && (0x80..=0x9F).contains(&next) {
                // U+0440–U+045F: р–я, ѐ–џ, small letters.
                lower += 1;
                k += 2;
            } else {
                let ch = text.get(k..).and_then(|t| t.chars().next()).unwrap_or(' ');
                let (up, has_case) = case_of(ch);
                upper += usize::from(up);
                lower += usize::from(has_case && !up);
                k += ch.len_utf8();
            }
        }
        if upper + (bytes.len() - k) < 4 * lower {
            return false;
        }
    }
    let cased = upper + lower;
    cased >= 20 && upper * 10 >= cased * 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::segment::SegmentSettings;
    use crate::segment::tests::split;

    /// The text in capitals has the sentences of the text in small letters.
    fn same_in_capitals(lang: Lang, text: &str) {
        let upper = text.to_uppercase();
        assert_eq!(upper.len(), text.len());
        let small: Vec<String> = split(lang, text).iter().map(|s| s.to_uppercase()).collect();
        assert_eq!(split(lang, &upper), small, "{upper}");
    }

    #[test]
    fn english_abbreviations_in_capitals_go_on_before_a_preposition() {
        for text in [
            "The meeting will start at 5 p.m. on Monday in the main hall of the building.",
            "They moved to the U.S. in 1990 and their son was born a year later.",
            "Our office hours are 9 a.m. to 5 p.m., Monday through Friday, every week.",
            "She works for Acme Inc. in Boston. Her husband is a teacher there.",
            "Mr. Smith met Dr. Jones and Gen. Miller on Jan. 5 at the U.N. headquarters.",
            "J. R. R. Tolkien wrote the book. It sold 3.5 million copies in a year.",
            "He left the bank at 6 p.m. He then went to the store.",
            "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        ] {
            same_in_capitals(Lang::EN, text);
        }
    }

    #[test]
    fn russian_abbreviations_in_capitals_keep_their_rules() {
        for text in [
            "В городе есть театр, музей, библиотека и т. д. Ежегодно его посещают тысячи.",
            "Он родился 12 апреля 1961 г. Тогда же был совершён первый полёт.",
            "Население города составляет 300 тыс. человек по данным переписи.",
            "Масса груза — 20 т. Его доставят по железной дороге завтра.",
            "Университет им. М. В. Ломоносова основан в 1755 г. в Москве.",
            "Цена составляет 1,5 тыс. руб. за килограмм, сказал продавец.",
            "Программа включает: а) ремонт дорог; б) строительство школ.",
            "Собор построен в 1990-х гг. Тогда от этой идеи отказались.",
            "— Ты где? — спросила мама. — Уже подхожу, — ответил он.",
            "— Ну что ж... — протянул он. — Попробуем! — Стой! — Кто там?",
        ] {
            same_in_capitals(Lang::RU, text);
        }
    }

    #[test]
    fn persian_is_unaffected_and_the_rules_can_be_switched_off() {
        let fa = "جلسه ساعت ۵ عصر آغاز شد. NATO و U.N. هم بودند. سپس همه رفتند.";
        same_in_capitals(Lang::FA, fa);
        // With the rules for capitals off, "P.M." ends the sentence before "ON".
        let text = "THE MEETING WILL START AT 5 P.M. ON MONDAY IN THE MAIN HALL.";
        let off = SegmentSettings {
            ablate: crate::segment::AblatedRules::parse("capitals"),
            ..Default::default()
        };
        assert_eq!(Segmenter::new(Lang::EN, None, &off).segment(text).len(), 2);
        assert_eq!(split(Lang::EN, text), [text]);
    }

    #[test]
    fn the_early_stop_gives_the_judgement_of_the_full_count() {
        // Around the 80 % line, with the small letters first, last and
        // spread, in Latin and Cyrillic.
        for (caps, small) in [
            (80, 20),
            (79, 21),
            (81, 19),
            (16, 4),
            (15, 5),
            (400, 100),
            (399, 101),
        ] {
            for (c, l) in [('A', 'b'), ('Ж', 'ы')] {
                let (cs, ls) = (c.to_string().repeat(caps), l.to_string().repeat(small));
                for text in [
                    format!("{cs} {ls}"),
                    format!("{ls} {cs}"),
                    (0..caps + small)
                        .map(|k| if k % 5 == 0 && k / 5 < small { l } else { c })
                        .collect(),
                ] {
                    let (u, n) = case_counts(&text);
                    assert_eq!(
                        written_in_capitals(&text),
                        n >= 20 && u * 10 >= n * 8,
                        "{text}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_byte_reader_gives_the_judgement_of_the_full_count() {
        // Mixed scripts, letters whose capitals are elsewhere (ß, Ѣ, É, Ω),
        // caseless letters and emoji, in a fixed pseudo-random order.
        let pool: Vec<char> = "AbЖыЁёЯяѢѣßÉéΩωا😀 .5PМр".chars().collect();
        let mut seed = 7u32;
        let mut seen = [false; 2];
        for len in [10, 30, 100, 300, 1000, 3000] {
            for bias in 0..6 {
                let text: String = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                        let c = pool[(seed >> 16) as usize % pool.len()];
                        if (seed >> 8) % 6 < bias {
                            c.to_uppercase().next().unwrap_or(c)
                        } else {
                            c
                        }
                    })
                    .collect();
                let (u, n) = case_counts(&text);
                let judged = written_in_capitals(&text);
                assert_eq!(judged, n >= 20 && u * 10 >= n * 8, "{text}");
                seen[usize::from(judged)] = true;
            }
        }
        assert_eq!(seen, [true, true], "both judgements are exercised");
    }

    #[test]
    fn counts_capitals_among_cased_letters() {
        assert_eq!(case_counts("AT 5 P.M. on"), (4, 6));
        assert_eq!(case_counts("ТЫС. руб. ۱۲ مرد"), (3, 6));
    }

    #[test]
    fn a_document_in_capitals_needs_enough_cased_letters() {
        assert!(written_in_capitals(
            "THE MEETING STARTS AT 5 P.M. ON MONDAY."
        ));
        assert!(!written_in_capitals(
            "The meeting starts at 5 p.m. on Monday."
        ));
        assert!(!written_in_capitals("AT 5 P.M."));
        // Persian has no case: never in capitals.
        assert!(!written_in_capitals(
            "جلسه ساعت پنج عصر روز دوشنبه آغاز می‌شود و تا شب ادامه دارد."
        ));
        // A few words in small letters still leave it in capitals.
        assert!(written_in_capitals(
            "THE NATO COUNCIL AND THE UN MET IN BRUSSELS on Monday"
        ));
    }
}
