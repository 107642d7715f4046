//! Single periods: abbreviations, initials, years, spaced abbreviations
//! and the plain words before a period.

use crate::lang::Lang;
use crate::segment::Segmenter;
use crate::segment::ablation::Rule;
use crate::segment::cursor::*;

use super::words::*;
use crate::segment::resources::builtin;

impl Segmenter {
    /// A single period at `i`, closers up to `j`, then a caseless word:
    /// whether the sentence goes on. With no capital to ask, an abbreviation
    /// closing a bracket (`(۵۲۲–۴۸۶ ق.م.) سومین …`, mirrored `)۵۲۲–۴۸۶
    /// ق.م.( سومین …`) keeps its period.
    pub(super) fn caseless_goes_on_after_closer(
        &self,
        scan: &Scan<'_>,
        i: usize,
        j: usize,
    ) -> bool {
        let text = scan.text;
        let closers = text.get(i + 1..j).unwrap_or("");
        if !closers.starts_with([')', ']', '(']) || self.disabled.off(Rule::BracketAbbreviation) {
            return false;
        }
        let word = text
            .get(skip_openers(text, token_start(scan, i), i)..i)
            .unwrap_or("");
        let key: String = word.chars().flat_map(char::to_lowercase).collect();
        self.lists.abbreviations.contains(key.as_str())
            || self.lists.prefixes.contains(key.as_str())
            || self.extra.contains(key.as_str())
            || is_dotted_acronym(word)
    }

    /// After a spaced three-dot ellipsis (`the region . . . This operation`),
    /// a word that usually starts sentences begins a new one. `I` does not:
    /// `the thing is . . . I didn't mean it` trails off and goes on.
    pub(in crate::segment) fn spaced_ellipsis_ends(
        &self,
        scan: &Scan<'_>,
        next_word: usize,
    ) -> bool {
        let word = lowercase_word(scan, next_word);
        word != "i" && self.lists.starters.contains(word.as_str())
    }

    /// Whether the number at `number` and the month after it (`12 мая`)
    /// open a sentence after the short `word` and its period: not when the
    /// word is an abbreviation that stands before a number (`ок.`, `см.`).
    fn date_opens(&self, scan: &Scan<'_>, word: &str, number: usize) -> bool {
        if self.lists.date_months.is_empty() || self.disabled.off(Rule::DateAfterWord) {
            return false;
        }
        let key: String = word.chars().flat_map(char::to_lowercase).collect();
        if self.lists.prefixes.contains(key.as_str())
            || self.lists.number_prefixes.contains(key.as_str())
        {
            return false;
        }
        let rest = scan.text.get(number..scan.end).unwrap_or("");
        let after = number + rest.find(char::is_whitespace).unwrap_or(rest.len());
        let month = scan
            .text
            .get(after..scan.end)
            .unwrap_or("")
            .find(|c: char| !c.is_whitespace())
            .map_or(scan.end, |k| after + k);
        self.lists
            .date_months
            .contains(lowercase_word(scan, month).as_str())
    }

    /// Whether a single period at `i` (followed by space and a word that is
    /// not lowercase, starting at `next_word`) ends the sentence.
    pub(in crate::segment) fn period_ends_sentence(
        &self,
        scan: &mut Scan<'_>,
        i: usize,
        next_word: usize,
        first: Option<char>,
    ) -> bool {
        let text = scan.text;
        let token_start = token_start(scan, i);
        let word_start = skip_openers(text, token_start, i);
        let word = text.get(word_start..i).unwrap_or("");
        let Some(last) = word.chars().next_back() else {
            return true; // a lone period
        };
        if last.is_numeric() {
            return true;
        }
        if first.is_some_and(char::is_numeric)
            && self.lists.starters.is_empty()
            && (2..=4).contains(&word.chars().count())
            && word
                .chars()
                .all(|c| c.is_lowercase() || c.is_uppercase() && self.capitals(scan, next_word))
            && !self.disabled.off(Rule::NumberAfterWord)
            && next_letter_is_lowercase(scan, next_word, self.capitals(scan, next_word))
            && !self.date_opens(scan, word, next_word)
        {
            return false; // "макс. 2-3 года", "ок. 5 км": no end before a counted word
        }
        if word.contains('@') || word.contains("://") || word.starts_with("www.") {
            return true;
        }
        let mut chars = word.chars();
        let single = chars.next().is_some() && chars.next().is_none();
        // In capitals a single letter may be a word of the lists written
        // small elsewhere: "И Т. Д.", "1961 Г.", "20 Т.".
        let capital_letter = single && last.is_uppercase();
        let capitals = capital_letter && self.capitals(scan, next_word);
        // Spaced abbreviations: "т. е.", "н. э.", "и т. д." (but "Н. Э." are initials).
        if (!capital_letter || capitals)
            && let Some(found) = self.spaced_abbreviation(scan, word_start, word)
        {
            return found && self.abbreviation_ends_sentence(scan, next_word, first, None);
        }
        if capital_letter && !(capitals && self.capital_letter_is_word(scan, word_start, last)) {
            return self.capital_letter_ends(scan, word_start, next_word, last, capitals);
        }
        let mut key = std::mem::take(&mut scan.key);
        key.clear();
        if word.is_ascii() {
            // The same key without a `char` at a time.
            key.push_str(word);
            key.make_ascii_lowercase();
        } else {
            key.extend(word.chars().flat_map(char::to_lowercase));
        }
        let on = |rule| !self.disabled.off(rule);
        let decision = if self.lang == Lang::RU
            && on(Rule::YearEnds)
            && matches!(key.as_str(), "г" | "гг" | "в" | "вв")
            && self.year_ends_sentence(scan, word_start, first, key.starts_with('в'))
            && !(self.capitals(scan, next_word) && self.capitals_continuation(scan, next_word))
        {
            true
        } else if self.lang == Lang::RU
            && on(Rule::UnitEnds)
            && builtin(Lang::RU).units_after_number.contains(key.as_str())
            && number_before(scan, word_start)
        {
            // "Масса груза — 20 т. Его …": after a number, a unit.
            self.abbreviation_ends_sentence(scan, next_word, first, None)
        } else if self.lang == Lang::RU
            && on(Rule::Abbreviations)
            && key == "пр"
            && word_before(scan, word_start) == "и"
        {
            // "и пр." is "and so on", not "проспект".
            self.abbreviation_ends_sentence(scan, next_word, first, None)
        } else if let Some(decision) =
            self.period_in_context(scan, word_start, &key, next_word, first)
        {
            decision
        } else if on(Rule::Prefixes) && self.lists.prefixes.contains(key.as_str()) {
            false
        } else if on(Rule::NumberPrefixes) && self.lists.number_prefixes.contains(key.as_str()) {
            !first.is_some_and(char::is_numeric)
        } else if on(Rule::Abbreviations) && self.lists.abbreviations.contains(key.as_str())
            || self.extra.contains(key.as_str())
        {
            // "5 км. 12 мая он …": a date after a unit opens a sentence.
            first.is_some_and(char::is_numeric) && self.date_opens(scan, word, next_word)
                || self.abbreviation_ends_sentence(scan, next_word, first, Some((&key, i)))
        } else if single && on(Rule::LoneLetters) {
            // A lone letter: an initial or a list letter, except Russian "я".
            self.lang == Lang::RU && key == "я" || !last.is_alphabetic()
        } else if on(Rule::DottedAcronyms) && is_dotted_acronym(word) {
            // "U.S.", "Ph.D." are abbreviations; uppercase dotted letters are
            // initials in languages that do not write acronyms with periods.
            if self.lists.starters.is_empty() && word.chars().all(|c| !c.is_lowercase()) {
                false
            } else {
                self.abbreviation_ends_sentence(scan, next_word, first, Some((&key, i)))
            }
        } else {
            true
        };
        scan.key = key;
        decision
    }

    /// Russian `г.`/`гг.` after a year in digits, and `в.`/`вв.` after a
    /// century in Roman numerals, followed by a capitalised word: the end of
    /// the sentence when the date closes a clause, that is when at least two
    /// words of the clause before it are not part of a date (`Он родился 12
    /// апреля 1961 г. Тогда …`, `Храм был построен в XII в. Его …`). Not when
    /// the date opens the sentence (`В 1812 г. Наполеон …`, `22 июня 1941 г.
    /// Германия …`) or follows a single word (`Когда в 1991 г. СССР распался
    /// …`); a century needs three such words (`…, составленного еще в XVIII
    /// в. Киршей …` goes on). Without a number `г.` is "city"
    /// and `в.` a letter: they stay prefixes (`г. Москва`).
    pub(super) fn year_ends_sentence(
        &self,
        scan: &Scan<'_>,
        word_start: usize,
        first: Option<char>,
        century: bool,
    ) -> bool {
        if !first.is_some_and(char::is_uppercase) {
            return false;
        }
        let before = scan.text.get(scan.sentence_start..word_start).unwrap_or("");
        let mut words = before.split_whitespace().rev();
        let Some(number) = words.next() else {
            return false;
        };
        let forms = !self.disabled.off(Rule::YearForms);
        let mut date = number.trim_matches(|c: char| !c.is_alphanumeric());
        if forms && !century {
            // A decade: "1990-х гг.", "в 1960-е гг.".
            if let Some((digits, ending)) = date.rsplit_once('-')
                && (1..=3).contains(&ending.chars().count())
                && ending
                    .chars()
                    .all(|c| matches!(self.letter_in_case(scan, c, word_start), 'а'..='я'))
            {
                date = digits;
            }
        }
        let range_dash = |c: char| matches!(c, '-' | '–') || forms && c == '—';
        let is_date = if century {
            !date.is_empty()
                && date
                    .chars()
                    .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L') || range_dash(c))
        } else {
            date.len() >= 3 && date.chars().all(|c| c.is_ascii_digit() || range_dash(c))
        };
        if !is_date {
            return false;
        }
        // The clause before the date: back to a comma, colon or dash.
        let mut content = 0;
        let mut opens_sentence = true;
        for word in words {
            if matches!(word, "—" | "–" | "-") {
                opens_sentence = false;
                break;
            }
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            let lower: String = bare.chars().flat_map(char::to_lowercase).collect();
            let date_word = bare.chars().all(|c| c.is_ascii_digit() || range_dash(c))
                || builtin(Lang::RU).date_words.contains(lower.as_str());
            if word.ends_with([',', ';', ':']) {
                opens_sentence = false;
                break;
            }
            if !date_word {
                content += 1;
            }
        }
        // Centuries ask for one word more after a comma or dash: a
        // participle and an adverb before one are not a clause of their own
        // (`…, составленного еще в XVIII в. Киршей Даниловым`). A clause
        // that opens the sentence is one (`Город основан в XII в. Впервые …`).
        let opening_counts = opens_sentence && !self.disabled.off(Rule::CenturyOpening);
        let needed = if century && !opening_counts { 3 } else { 2 };
        content >= needed
    }

    /// After an abbreviation that may end a sentence: English needs a word
    /// that usually starts sentences; other languages a capital letter.
    pub(in crate::segment) fn abbreviation_ends_sentence(
        &self,
        scan: &Scan<'_>,
        next_word: usize,
        first: Option<char>,
        key: Option<(&str, usize)>,
    ) -> bool {
        let Some(first) = first else { return false };
        if !first.is_alphabetic() || first.is_lowercase() {
            return false;
        }
        // English prose puts a spaced dash after an abbreviation inside a
        // sentence (`RENO, Nev. — The governor …`, `Washington, D.C. — The
        // …`); no English sentence opens with one.
        if self.lang == Lang::EN && spaced_dash_before(scan, next_word) {
            return false;
        }
        if self.capitals(scan, next_word) {
            return self.capitals_abbreviation_ends(scan, next_word, key);
        }
        if let Some((key, at)) = key
            && (key == "a.m" || key == "p.m")
        {
            if scan.char_at(next_word).is_none_or(|c| c != first) || opener_before(scan, next_word)
            {
                return false;
            }
            if !self.disabled.off(Rule::ClockFollowers)
                && self
                    .lists
                    .clock_followers
                    .contains(lowercase_word(scan, next_word).as_str())
            {
                return false; // "at 5 p.m. Monday", "7 p.m. EST"
            }
            // "At 5 a.m. Mr. Smith went" vs "He left at 6 P.M. Mr. Smith then":
            // a time that ends a clause of its own ends the sentence.
            let words = scan
                .text
                .get(scan.sentence_start..at)
                .map_or(0, |s| s.split_whitespace().count());
            return words > 3;
        }
        if self.lists.starters.is_empty() {
            return true;
        }
        if self.lang == Lang::EN
            && key.is_some_and(|(key, _)| key == "etc")
            && !opener_before(scan, next_word)
            && !self.disabled.off(Rule::EtcEnds)
        {
            return true;
        }
        self.lists
            .starters
            .contains(lowercase_word(scan, next_word).as_str())
    }

    /// `Some(true)` if the period closes a known spaced abbreviation that may
    /// end a sentence, `Some(false)` for one that never does, `None` if the
    /// word is not part of one.
    pub(in crate::segment) fn spaced_abbreviation(
        &self,
        scan: &mut Scan<'_>,
        word_start: usize,
        word: &str,
    ) -> Option<bool> {
        if word.chars().count() > 3
            || !word.chars().all(char::is_alphabetic)
            || self.disabled.off(Rule::SpacedAbbreviations)
        {
            return None;
        }
        let text = scan.text;
        let mut parts: Vec<&str> = vec![word];
        let mut at = word_start;
        // Up to three earlier "x." parts separated by single spaces.
        while parts.len() < 4 {
            let Some(before) = text.get(scan.start..at) else {
                break;
            };
            let Some(rest) = before.strip_suffix(". ") else {
                break;
            };
            let part_start = rest
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphabetic())
                .last()
                .map(|(k, _)| k);
            let Some(part_start) = part_start else { break };
            let part = &rest[part_start..];
            if part.chars().count() > 3 {
                break;
            }
            parts.push(part);
            at = scan.start + part_start;
        }
        if parts.len() < 2 {
            return None;
        }
        // Longest match first: "до н. э." before "н. э.".
        let mut key = std::mem::take(&mut scan.key);
        let mut found = None;
        for n in (2..=parts.len()).rev() {
            key.clear();
            for (idx, part) in parts[..n].iter().rev().enumerate() {
                if idx > 0 {
                    key.push('.');
                }
                key.extend(part.chars().flat_map(char::to_lowercase));
            }
            if self.lists.prefixes.contains(key.as_str()) {
                found = Some(false);
                break;
            }
            if self.lists.abbreviations.contains(key.as_str()) || self.extra.contains(key.as_str())
            {
                found = Some(true);
                break;
            }
        }
        scan.key = key;
        found
    }

    /// A single capital `last` and a period at `word_start`, not a word of
    /// the lists: whether it ends the sentence (`capitals`: the document is
    /// written in capitals).
    fn capital_letter_ends(
        &self,
        scan: &Scan<'_>,
        word_start: usize,
        next_word: usize,
        last: char,
        capitals: bool,
    ) -> bool {
        if capitals && self.lang == Lang::EN && last == 'I' {
            // "YOU AND I. DID YOU": no case to ask of the word before.
            return !self.disabled.off(Rule::Initials)
                && word_before(scan, word_start).chars().count() > 1
                && self.capitals_starter(scan, next_word);
        }
        // Russian initials are Cyrillic: a Latin capital after a word is a
        // numeral or a letter name ("Пётр I.", "витамин D.").
        if self.lang == Lang::RU
            && last.is_ascii_uppercase()
            && !self.disabled.off(Rule::LatinLetters)
            && previous_word_first_char(scan, word_start).is_some_and(|c| !c.is_ascii())
        {
            return true;
        }
        // An initial, except the English pronoun after a lowercase word
        // ("you and I. Did you", not "Albert I. Jones").
        self.disabled.off(Rule::Initials)
            || self.lang == Lang::EN
                && last == 'I'
                && previous_word_first_char(scan, word_start).is_some_and(char::is_lowercase)
    }

    /// In a document in capitals, whether the capital letter `letter`
    /// before a period at `word_start` is a word of the lists rather than an
    /// initial: after a number (`1961 Г.`, `20 Т.`, `200 М.`), and Russian
    /// `Г.` and `В.` anywhere (a year or a century when a date comes before
    /// them, a prefix otherwise, so the rules of those words decide), and
    /// `Я.` after a verb that agrees with it (`— КРИЧУ Я.`: the pronoun).
    fn capital_letter_is_word(&self, scan: &Scan<'_>, word_start: usize, letter: char) -> bool {
        number_before(scan, word_start)
            || self.lang == Lang::RU && matches!(letter, 'Г' | 'В')
            || self.lang == Lang::RU && letter == 'Я' && self.capitals_pronoun_i(scan, word_start)
    }

    /// Whether `rest`, glued after a period in a caseless script, goes on
    /// with a Latin acronym or initials spelled out (`ان.ان` of `سی.ان.ان`,
    /// `جی.فروشه` of `ام.جی.فروشه`): a letter name of
    /// `resources/fa/letter_names.txt` glued to another period and letter.
    /// A letter name on its own is not enough: several are words (`سی`
    /// thirty, `دی` the month, `بی` without), and `شدند.سی نفر` is two
    /// sentences.
    pub(super) fn spelled_initial(&self, rest: &str) -> bool {
        let word_end = rest
            .find(|c: char| !(is_caseless_letter(c) || c == ZWNJ))
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(word_end);
        let dotted = after
            .strip_prefix('.')
            .is_some_and(|a| a.starts_with(is_caseless_letter));
        if !dotted {
            return false;
        }
        // The matching key of the word (Arabic yeh and kaf as Persian, no ZWNJ).
        let key = crate::tokenize::normalize_key(word, Lang::FA);
        self.lists.letter_names.contains(key.as_str())
    }

    /// Whether the token before the period at `i` is a plain lowercase word
    /// or a number, not a known abbreviation (for lowercase sentence starts).
    pub(in crate::segment) fn plain_word_before(&self, scan: &mut Scan<'_>, i: usize) -> bool {
        let text = scan.text;
        let word = text
            .get(skip_openers(text, token_start(scan, i), i)..i)
            .unwrap_or("");
        if word.chars().count() < 2 {
            return false;
        }
        if word
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == ',')
        {
            return word.ends_with(|c: char| c.is_ascii_digit());
        }
        if !word.chars().all(char::is_lowercase) {
            return false;
        }
        let mut key = std::mem::take(&mut scan.key);
        key.clear();
        key.push_str(word);
        let word_start = i - word.len();
        let known = self.unit_after_number(scan, word_start, &key)
            || self.lists.abbreviations.contains(key.as_str())
            || self.lists.prefixes.contains(key.as_str())
            || self.lists.number_prefixes.contains(key.as_str())
            || self.extra.contains(key.as_str());
        scan.key = key;
        !known
    }
}

/// Whether a spaced dash (`—`, `–`, `--`, ` - `) stands between the word
/// that starts at `word` and the word before it (perhaps with an opening
/// quote or bracket after the dash).
fn spaced_dash_before(scan: &Scan<'_>, word: usize) -> bool {
    let before = scan.text.get(..word).unwrap_or("");
    let before = before.trim_end_matches(|c: char| c.is_whitespace() || is_opener(c));
    before.ends_with(['—', '–']) || before.ends_with("--") || before.ends_with(" -")
}
