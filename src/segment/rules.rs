//! The decision at each possible sentence end: terminators and what
//! follows them, abbreviations, initials, numbers, ellipses, list markers,
//! brackets, quotations and chat symbols. Language differences come from
//! the word lists in `resources` and their flags.

use super::Segmenter;
use super::ablation::Rule;
use super::scan::*;
use crate::lang::Lang;

impl Segmenter {
    /// Handles the terminal punctuation starting at `i`; returns where to go on.
    pub(super) fn terminator(&self, scan: &mut Scan<'_>, i: usize) -> usize {
        // The cluster: terminators (and ". . ." spaced dots), then closing
        // quotes and brackets, possibly followed by more terminators (`?».`).
        let text = scan.text;
        let mut j = i;
        let mut dots = 0usize;
        let mut spaced = false;
        let mut strong = false; // ! ? and other non-period terminators
        let mut ellipsis_char = false;
        let mut no_space_needed = false;
        let mut closers = false;
        let mut first_run = true;
        while let Some(c) = scan.char_at(j) {
            if c == '.' {
                if closers {
                    strong = true;
                } else {
                    dots += 1;
                }
                j += 1;
            } else if c == ' '
                && first_run
                && dots > 0
                && !closers
                && text.as_bytes().get(j + 1) == Some(&b'.')
                && text.as_bytes().get(j - 1) == Some(&b'.')
            {
                spaced = true;
                j += 1;
            } else if is_terminator(c) {
                if c == '…' {
                    ellipsis_char = true;
                } else {
                    strong = true;
                }
                no_space_needed |= is_cjk_terminator(c);
                j += c.len_utf8();
            } else if is_closer(c)
                || matches!(c, '«' | '(')
                    && j > i
                    && self.lang == Lang::FA
                    && !self.disabled.off(Rule::MirroredQuotes)
                    && scan
                        .char_at(j + c.len_utf8())
                        .is_none_or(|n| n.is_whitespace() || is_terminator(n))
            {
                // A `«` or `(` after the mark and before a space can only
                // close: Persian text stored in visual order has its quotes
                // and brackets mirrored (`»من می‌روم.« سپس …`, `)… است.( …`).
                closers = true;
                first_run = false;
                j += c.len_utf8();
            } else if c == ZWNJ && j > i && !self.disabled.off(Rule::FormatAfterMark) {
                // "دهد.\u{200C} انتظار", "شود.\u{200C}\u{200C}نقش": invisible
                // joiners typed after the mark belong to it; what follows
                // them decides.
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let Some(next) = scan.char_at(j) else {
            return j;
        };
        // "و... ." (or "و... .همینطور"): a period set after the ellipsis is
        // a full stop.
        let period_after_ellipsis = spaced
            && dots >= 4
            && !strong
            && text.get(..j).is_some_and(|t| t.ends_with("... ."))
            && !self.disabled.off(Rule::EllipsisPeriod);
        if period_after_ellipsis {
            let (_, after) = first_letter(scan, scan.skip_space_and_bullets(j));
            if after.is_some_and(is_caseless_letter) {
                scan.cut(j);
                return j;
            }
        }
        if !next.is_whitespace() && !no_space_needed {
            if self.glued_sentence_start(scan, i, j, next, strong, dots >= 2 || ellipsis_char) {
                scan.cut(j);
            }
            return j;
        }
        let k = scan.skip_space_and_bullets(j);
        if k >= scan.end {
            return j;
        }
        // Emoji, emoticons and hashtags after the end belong to the sentence;
        // the end comes after them.
        // An emoji glued to the next word is that sentence's bullet
        // (`… погоду. ✅Снасти: …`), so the word after it decides.
        let rest = text.get(k..scan.end).unwrap_or("");
        let bullet_end = emoji_bullet_end(rest)
            .filter(|_| !self.disabled.off(Rule::EmojiBullets))
            .map(|n| k + n);
        if bullet_end.is_none()
            && (rest.starts_with('#')
                || rest.chars().next().is_some_and(is_emoji)
                || emoticon_len(rest).is_some())
        {
            return j;
        }
        let k = bullet_end.unwrap_or(k);
        let (word_start, first) = first_letter(scan, k);
        let lower = first.is_some_and(char::is_lowercase);
        // The next word follows directly, with no quote, bracket or dash.
        let direct = word_start == k;

        // Ellipses.
        if !strong && (dots >= 2 || ellipsis_char) {
            if lower || first.is_none() || self.disabled.off(Rule::Ellipsis) {
                return j;
            }
            if first.is_some_and(is_caseless_letter) && !self.disabled.off(Rule::CaselessEllipsis) {
                // A finite verb closes a Persian clause (`… می‌بارید...
                // پیرمرد …`); after a noun or `و` ("and so on") it goes on.
                if self.lang == Lang::FA
                    && (!self.disabled.off(Rule::VerbEllipsis) && self.fa_verb_before_mark(scan, i)
                        || !self.disabled.off(Rule::EllipsisConjunction)
                            && matches!(caseless_word(scan, word_start), "اما" | "ولی"))
                {
                    scan.cut(j);
                }
                return j;
            }
            if spaced {
                let attached = scan.char_before(i).is_some_and(|c| !c.is_whitespace());
                if dots >= 4 && attached {
                    // "compounds. . . . The": the first mark ends the sentence
                    // and the ellipsis opens the next one.
                    scan.cut(i + scan.char_at(i).map_or(1, char::len_utf8));
                } else if dots >= 4 || !attached && self.spaced_ellipsis_ends(scan, word_start) {
                    scan.cut(j);
                }
                return j;
            }
            if matches!(scan.char_before(i), Some('[' | '(')) {
                return j; // "[...]": an omission, not an end
            }
            if !self.disabled.off(Rule::QuoteEllipsis) && inside_open_quote(scan, i) {
                return j; // "«Я думал… Нет, …», — сказал он": the speech goes on
            }
            scan.cut(j);
            return j;
        }

        if strong || dots != 1 {
            if lower {
                // Chat and reviews start sentences in lowercase after "?" and
                // "!", but "Yahoo! in" is a name.
                let question = text.get(i..j).is_some_and(|c| c.contains(['?', '؟', '？']));
                let word_start = skip_openers(text, token_start(scan, i), i);
                let capitalized_name = text
                    .get(word_start..i)
                    .and_then(|w| w.chars().next())
                    .is_some_and(char::is_uppercase);
                if direct
                    && !closers
                    && (question || !capitalized_name)
                    && !self.disabled.off(Rule::LowercaseAfterStrong)
                {
                    scan.cut(j);
                }
                return j;
            }
            if self.dash_inside_quote(scan, i, k) {
                return j;
            }
            if closers
                && strong
                && self.lang == Lang::FA
                && !self.disabled.off(Rule::QuoteContinuation)
                && (FA_QUOTE_CONTINUATIONS.contains(&caseless_word(scan, word_start))
                    || !self.disabled.off(Rule::SayingVerbs)
                        && clause_ends_in_saying_verb(scan, word_start))
            {
                return j; // "«کجا می‌روی؟» پرسید": the quotation is an object
            }
            scan.cut(j);
            return j;
        }

        // A single period.
        let closing = match scan.char_at(i + 1) {
            Some(')') => b')',
            _ => 0,
        };
        if self.period_marker(scan, i, closing) {
            return j;
        }
        if lower {
            if self.lists.lowercase_starts
                && !self.disabled.off(Rule::LowercaseStarts)
                && direct
                && !closers
                && self.plain_word_before(scan, i)
            {
                scan.cut(j);
            }
            return j;
        }
        if self.dash_inside_quote(scan, i, k) {
            return j;
        }
        if closers {
            if first.is_some_and(is_caseless_letter)
                && self.caseless_goes_on_after_closer(scan, i, j)
            {
                return j;
            }
            scan.cut(j);
            return j;
        }
        if self.period_ends_sentence(scan, i, word_start, first) {
            scan.cut(j);
        }
        j
    }

    /// A single period at `i`, closers up to `j`, then a caseless word:
    /// whether the sentence goes on. With no capital to ask, an abbreviation
    /// closing a bracket (`(۵۲۲–۴۸۶ ق.م.) سومین …`, mirrored `)۵۲۲–۴۸۶
    /// ق.م.( سومین …`) keeps its period.
    fn caseless_goes_on_after_closer(&self, scan: &Scan<'_>, i: usize, j: usize) -> bool {
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
    pub(super) fn spaced_ellipsis_ends(&self, scan: &Scan<'_>, next_word: usize) -> bool {
        let word = lowercase_word(scan, next_word);
        word != "i" && self.lists.starters.contains(word.as_str())
    }

    /// Whether a single period at `i` (followed by space and a word that is
    /// not lowercase, starting at `next_word`) ends the sentence.
    pub(super) fn period_ends_sentence(
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
            && word.chars().all(char::is_lowercase)
            && !self.disabled.off(Rule::NumberAfterWord)
            && next_letter_is_lowercase(scan, next_word)
        {
            return false; // "макс. 2-3 года", "ок. 5 км": no end before a counted word
        }
        if word.contains('@') || word.contains("://") || word.starts_with("www.") {
            return true;
        }
        let mut chars = word.chars();
        let single = chars.next().is_some() && chars.next().is_none();
        // Spaced abbreviations: "т. е.", "н. э.", "и т. д." (but "Н. Э." are initials).
        if !(single && last.is_uppercase())
            && let Some(found) = self.spaced_abbreviation(scan, word_start, word)
        {
            return found && self.abbreviation_ends_sentence(scan, next_word, first, None);
        }
        if single && last.is_uppercase() {
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
            return self.disabled.off(Rule::Initials)
                || self.lang == Lang::EN
                    && last == 'I'
                    && previous_word_first_char(scan, word_start).is_some_and(char::is_lowercase);
        }
        let mut key = std::mem::take(&mut scan.key);
        key.clear();
        key.extend(word.chars().flat_map(char::to_lowercase));
        let on = |rule| !self.disabled.off(rule);
        let decision = if self.lang == Lang::RU
            && on(Rule::YearEnds)
            && matches!(key.as_str(), "г" | "гг" | "в" | "вв")
            && self.year_ends_sentence(scan, word_start, first, key.starts_with('в'))
        {
            true
        } else if self.lang == Lang::RU
            && on(Rule::UnitEnds)
            && RU_UNITS_AFTER_NUMBER.contains(&key.as_str())
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
        } else if on(Rule::Prefixes) && self.lists.prefixes.contains(key.as_str()) {
            false
        } else if on(Rule::NumberPrefixes) && self.lists.number_prefixes.contains(key.as_str()) {
            !first.is_some_and(char::is_numeric)
        } else if on(Rule::Abbreviations) && self.lists.abbreviations.contains(key.as_str())
            || self.extra.contains(key.as_str())
        {
            self.abbreviation_ends_sentence(scan, next_word, first, Some((&key, i)))
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
    fn year_ends_sentence(
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
                && ending.chars().all(|c| matches!(c, 'а'..='я'))
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
                || RU_DATE_WORDS.contains(&lower.as_str());
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
    pub(super) fn abbreviation_ends_sentence(
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
        if let Some((key, at)) = key
            && (key == "a.m" || key == "p.m")
        {
            if scan.char_at(next_word).is_none_or(|c| c != first) || opener_before(scan, next_word)
            {
                return false;
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
    pub(super) fn spaced_abbreviation(
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

    /// Inside an open «quotation», a period or question mark followed by a
    /// dash continues the quoted speech («… – спросила мама. – Завтра …»).
    pub(super) fn dash_inside_quote(&self, scan: &Scan<'_>, i: usize, next: usize) -> bool {
        if self.disabled.off(Rule::QuoteDash)
            || !matches!(scan.char_at(next), Some('–' | '—' | '-'))
        {
            return false;
        }
        let before = scan.text.get(scan.sentence_start..i).unwrap_or("");
        let opened = before.matches('«').count();
        opened > before.matches('»').count()
    }

    /// Handles a possible list marker ending in a period at `i` (`1.`, `b.`,
    /// `2.)`); true if it was one and the period is therefore no end.
    pub(super) fn period_marker(&self, scan: &mut Scan<'_>, i: usize, closing: u8) -> bool {
        let style = if closing == b')' { 3 } else { 1 };
        self.marker(scan, i, style)
    }

    /// A `)` or `]` at `i`: a list marker (`1)`, `b)`), a smiley (an
    /// unmatched `)`, as in Russian chat), or the end of a bracketed
    /// sentence start (`(BBC) The …`, `[http://…] Normally …`). Returns
    /// where to go on.
    pub(super) fn closing_bracket(&self, scan: &mut Scan<'_>, i: usize) -> usize {
        let bytes = scan.text.as_bytes();
        let close = bytes.get(i).copied().unwrap_or(b')');
        let open = if close == b')' { '(' } else { '[' };
        let mut j = i;
        while bytes.get(j) == Some(&close) {
            j += 1;
        }
        if !scan.char_at(j).is_some_and(char::is_whitespace) {
            return j;
        }
        if close == b')' && j == i + 1 && self.marker(scan, i, 2) {
            return j;
        }
        if scan.char_before(i).is_some_and(|c| c.is_ascii_digit()) {
            return j;
        }
        // "а) Москва; б) Казань": a letter marker opening a list, not a smiley.
        let token = scan.text.get(token_start(scan, i)..i).unwrap_or("");
        if close == b')'
            && single_char(token).is_some_and(char::is_lowercase)
            && !self.disabled.off(Rule::InlineLists)
        {
            return j;
        }
        let k = scan.skip_space_and_bullets(j);
        let next_starts_sentence = match scan.char_at(k) {
            Some(c) if c.is_uppercase() => true,
            Some('(' | '[' | '"' | '«' | '“') => true,
            _ => false,
        };
        if !next_starts_sentence {
            return j;
        }
        let sentence = scan.text.get(scan.sentence_start..i).unwrap_or("");
        let opened = sentence.matches(open).count();
        let closed = sentence.matches(close as char).count();
        let first = scan.skip_space_and_bullets(scan.sentence_start);
        let group_at_start = opened == closed + 1 && scan.char_at(first) == Some(open);
        let smiley = close == b')' && opened <= closed;
        if smiley && !self.disabled.off(Rule::Smileys)
            || group_at_start
                && self.lists.bracket_groups
                && !self.disabled.off(Rule::BracketGroups)
        {
            scan.cut(j);
        }
        j
    }

    /// After an emoji, emoticon or hashtag ending at `from`: takes in any
    /// more of them, and ends the sentence there if a capitalised word follows
    /// (`Как красиво😍 Вид потрясающий`). Returns where to go on.
    pub(super) fn symbol_run_end(&self, scan: &mut Scan<'_>, start: usize, from: usize) -> usize {
        let text = scan.text;
        // After a terminator (`Супер! 😍 Вид …`) the end is that mark's; the
        // symbols only move it past themselves.
        let after_terminator = follows_terminator(scan, start);
        let mut j = from;
        while let Some(c) = scan.char_at(j) {
            if is_emoji(c) || c == '\u{FE0F}' || c == '\u{200D}' {
                j += c.len_utf8();
                continue;
            }
            if c.is_whitespace() {
                let k = scan.skip_space_and_bullets(j);
                let rest = text.get(k..scan.end).unwrap_or("");
                if let Some(len) = emoticon_len(rest) {
                    j = k + len;
                    continue;
                }
                let bullet = emoji_bullet_end(rest)
                    .filter(|_| !self.disabled.off(Rule::EmojiBullets))
                    .and_then(|n| rest.get(n..));
                if bullet.is_none() && rest.chars().next().is_some_and(is_emoji) {
                    j = k;
                    continue;
                }
                // A bullet-like mark that opens the sentence is its bullet
                // (`✔ К середине зимы …`), not an end; a reaction that opens
                // it (`👍👏 Я тоже …`) is a sentence of its own.
                let opens = scan.skip_space_and_bullets(scan.sentence_start) >= start
                    && text.get(start..j).is_some_and(|run| {
                        run.chars().all(|c| is_bullet_mark(c) || c == '\u{FE0F}')
                    })
                    && !self.disabled.off(Rule::SymbolBullets);
                let ends = !opens && (after_terminator || !self.disabled.off(Rule::EmojiEnds));
                if ends
                    && bullet
                        .unwrap_or(rest)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                {
                    scan.cut(j);
                }
            }
            break;
        }
        j
    }

    /// A sentence end with no space after it: `quality.You'll`, `talk?they`,
    /// `country....Iguazu`; never inside URLs, e-mail addresses or file names.
    pub(super) fn glued_sentence_start(
        &self,
        scan: &Scan<'_>,
        i: usize,
        j: usize,
        next: char,
        strong: bool,
        ellipsis: bool,
    ) -> bool {
        if !next.is_alphabetic() || self.disabled.off(Rule::Glued) {
            return false;
        }
        let text = scan.text;
        let start = token_start(scan, i);
        let end = text
            .get(j..scan.end)
            .and_then(|r| r.find(char::is_whitespace))
            .map_or(scan.end, |n| j + n);
        let token = text.get(start..end).unwrap_or("");
        if token.contains(['/', '@', '=', '&', ':', '_', '\\']) || token.contains("www") {
            return false;
        }
        let word = text.get(skip_openers(text, start, i)..i).unwrap_or("");
        if is_caseless_letter(next)
            && !ellipsis
            && word.is_empty()
            && scan.char_before(i) == Some(' ')
            && !self.disabled.off(Rule::DetachedMark)
        {
            // "… ببندم .کارشناس …": the mark was typed after the space. The
            // word before the space decides, as if the mark were on it; a
            // spelled Latin letter (`جی .ادواردز`) is an initial.
            let before = text.get(scan.start..i).unwrap_or("").trim_end();
            let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let key = crate::tokenize::normalize_key(word, Lang::FA);
            return word.chars().filter(|&c| is_caseless_letter(c)).count() >= 2
                && word.chars().all(|c| is_caseless_letter(c) || c == ZWNJ)
                && !self.lists.letter_names.contains(key.as_str());
        }
        if is_caseless_letter(next) && !ellipsis && !self.disabled.off(Rule::CaselessGlued) {
            // No capital letter to ask: a caseless word of two letters or
            // more before the mark ("می‌آید؟نمی‌دانم", "شد.فردا") ends, as in
            // UAX #29; "ق.م" (single letters) does not.
            return word.chars().filter(|&c| is_caseless_letter(c)).count() >= 2
                && word.chars().all(|c| is_caseless_letter(c) || c == ZWNJ)
                && (strong || !self.spelled_initial(text.get(j..end).unwrap_or("")));
        }
        if word.chars().count() < 2 || !word.chars().all(char::is_alphabetic) {
            return false;
        }
        if strong {
            return next.is_uppercase() || self.lists.lowercase_starts;
        }
        let mut after = text.get(j..end).unwrap_or("").chars();
        let second = after.nth(1);
        if ellipsis {
            return next.is_uppercase();
        }
        next.is_uppercase()
            && second.is_some_and(|c| c.is_lowercase() || c == '\'' || c == '’')
            && word.chars().all(char::is_lowercase)
    }

    /// Whether `rest`, glued after a period in a caseless script, goes on
    /// with a Latin acronym or initials spelled out (`ان.ان` of `سی.ان.ان`,
    /// `جی.فروشه` of `ام.جی.فروشه`): a letter name of
    /// `resources/fa/letter_names.txt` glued to another period and letter.
    /// A letter name on its own is not enough: several are words (`سی`
    /// thirty, `دی` the month, `بی` without), and `شدند.سی نفر` is two
    /// sentences.
    fn spelled_initial(&self, rest: &str) -> bool {
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
    pub(super) fn plain_word_before(&self, scan: &mut Scan<'_>, i: usize) -> bool {
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
        let known = self.lists.abbreviations.contains(key.as_str())
            || self.lists.prefixes.contains(key.as_str())
            || self.lists.number_prefixes.contains(key.as_str())
            || self.extra.contains(key.as_str());
        scan.key = key;
        !known
    }

    /// Records a list marker ending at `i` if there is one, and cuts before
    /// it when it continues a sequence (`… item 2. The second …`).
    pub(super) fn marker(&self, scan: &mut Scan<'_>, i: usize, style: u8) -> bool {
        let text = scan.text;
        let token = token_start(scan, i);
        let word_start = text
            .get(token..i)
            .and_then(|w| w.char_indices().find(|&(_, c)| !is_bullet(c)))
            .map_or(i, |(k, _)| token + k);
        let word = text.get(word_start..i).unwrap_or("");
        let value =
            if !word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) {
                word.parse::<u32>().ok()
            } else if word.len() == 1 && word.bytes().all(|b| b.is_ascii_lowercase()) {
                word.bytes().next().map(|b| u32::from(b - b'a') + 1)
            } else if let Some(c @ 'а'..='я') = single_char(word)
                && style == 2
                && !self.disabled.off(Rule::InlineLists)
            {
                // Russian letter markers "а)", "б)" (not "в." or "г.",
                // which are abbreviations).
                Some(u32::from(c) - u32::from('а') + 1)
            } else {
                None
            };
        let Some(value) = value else { return false };
        if self.disabled.off(Rule::ListMarkers) {
            return false;
        }
        let at_sentence_start = scan.skip_space_and_bullets(scan.sentence_start) >= word_start;
        let marker = Marker {
            value,
            style,
            start: token,
            at_sentence_start,
        };
        if at_sentence_start {
            scan.markers.push(marker);
            return true;
        }
        let previous = scan
            .markers
            .iter()
            .rev()
            .find(|m| m.style == style && m.value + 1 == value)
            .copied();
        scan.markers.push(marker);
        // An inline list goes on ("вопроса: 1) бюджет; 2) налоги"): its items
        // are separated by a comma or semicolon.
        let separated = text
            .get(scan.start..token)
            .is_some_and(|b| b.trim_end().ends_with([';', ',']));
        if previous.is_some() && separated && !self.disabled.off(Rule::InlineLists) {
            return true;
        }
        match previous {
            Some(prev) => {
                if !prev.at_sentence_start {
                    scan.cuts.push(prev.start);
                }
                scan.cut(token);
                true
            }
            None => false,
        }
    }
}

/// Whether the text before `at` (after spaces and closing quotes) ends in a
/// terminator.
fn follows_terminator(scan: &Scan<'_>, at: usize) -> bool {
    let before = scan.text.get(scan.start..at).unwrap_or("");
    before
        .trim_end()
        .trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(is_terminator)
}

/// The only character of `word`, if it has exactly one.
fn single_char(word: &str) -> Option<char> {
    let mut chars = word.chars();
    chars.next().filter(|_| chars.next().is_none())
}

/// Emoji and dingbats that posts use as list bullets (check marks,
/// arrows, stars, pointers), as opposed to reactions (`👍`, `😍`).
fn is_bullet_mark(c: char) -> bool {
    matches!(
        c,
        '✔' | '✓'
            | '☑'
            | '✅'
            | '➡'
            | '➤'
            | '▶'
            | '✦'
            | '✧'
            | '★'
            | '☆'
            | '✳'
            | '❇'
            | '🔹'
            | '🔸'
            | '🔷'
            | '🔶'
            | '👉'
            | '📌'
    )
}

/// The zero-width non-joiner, part of Persian words (`می‌آید`).
const ZWNJ: char = '\u{200C}';

/// Whether an open `«` before `i` in the current sentence is not closed yet.
fn inside_open_quote(scan: &Scan<'_>, i: usize) -> bool {
    let before = scan.text.get(scan.sentence_start..i).unwrap_or("");
    before.matches('«').count() > before.matches('»').count()
}

/// The caseless word (letters and ZWNJ) starting at `at`.
fn caseless_word<'t>(scan: &Scan<'t>, at: usize) -> &'t str {
    let rest = scan.text.get(at..scan.end).unwrap_or("");
    let len = rest
        .char_indices()
        .find(|&(_, c)| !(is_caseless_letter(c) || c == ZWNJ))
        .map_or(rest.len(), |(k, _)| k);
    rest.get(..len).unwrap_or("")
}

/// The whitespace-delimited token before the one at `word_start`.
fn word_before<'t>(scan: &Scan<'t>, word_start: usize) -> &'t str {
    let before = scan.text.get(scan.start..word_start).unwrap_or("");
    before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// Whether the token before the one at `word_start` is a number (`20`,
/// `1,5`, `10–12`).
fn number_before(scan: &Scan<'_>, word_start: usize) -> bool {
    let before = scan.text.get(scan.start..word_start).unwrap_or("");
    let token = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    token.ends_with(|c: char| c.is_ascii_digit())
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '–'))
}

/// Russian prefixes that are units after a number (`20 т.` tonnes, `18 ч.`
/// hours, `100 р.` roubles, `30 см.`, `5 мл.`), and so may end a sentence
/// there; before a number or a name they stay prefixes (`т. 2`, `ч. 3`).
const RU_UNITS_AFTER_NUMBER: &[&str] = &["т", "ч", "р", "см", "мл"];

/// Words that belong to a Russian date phrase (`в конце`, `летом`, `12
/// апреля`), for telling a date that opens a sentence from one that closes it.
const RU_DATE_WORDS: &[&str] = &[
    "в",
    "во",
    "с",
    "со",
    "по",
    "к",
    "ко",
    "до",
    "от",
    "на",
    "за",
    "около",
    "после",
    "между",
    "и",
    "или",
    "начале",
    "конце",
    "середине",
    "половине",
    "первой",
    "второй",
    "летом",
    "осенью",
    "зимой",
    "весной",
    "г",
    "гг",
    "в",
    "вв",
    "году",
    "годах",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];

/// Persian words that cannot open a sentence after a quotation: the object
/// marker, "and", "that", verbs of saying and the copula.
const FA_QUOTE_CONTINUATIONS: &[&str] = &[
    "را",
    "و",
    "که",
    "گفت",
    "پرسید",
    "می‌گوید",
    "می‌پرسد",
    "نوشت",
    "می‌نویسد",
    "گفته",
    "پرسیده",
    "است",
];

/// The word (after any openers) that ends at the mark at `i`.
fn word_before_mark<'t>(scan: &Scan<'t>, i: usize) -> &'t str {
    let text = scan.text;
    text.get(skip_openers(text, token_start(scan, i), i)..i)
        .unwrap_or("")
}

/// Persian past stems that end clauses as finite verbs (`بود`, `شد`, `گفت`):
/// the common ones only, since nouns also end in `د` and `ت`.
const FA_PAST_STEMS: &[&str] = &[
    "بود",
    "شد",
    "کرد",
    "داشت",
    "رفت",
    "آمد",
    "گفت",
    "ماند",
    "دید",
    "خورد",
    "نشست",
    "افتاد",
    "رسید",
    "کشید",
    "گذشت",
    "خواست",
    "دانست",
    "توانست",
    "آورد",
    "گرفت",
    "نوشت",
    "پرسید",
    "خندید",
    "بارید",
    "زد",
];

/// The person endings of Persian verbs (none for the third singular past).
const FA_PERSON_ENDINGS: &[&str] = &["", "م", "ی", "یم", "ید", "ند"];

/// Whether `word` is a finite Persian verb: a present or continuous form
/// (`می‌بارید`, `نمی‌دانم`), the copula (`است`, `نیست`), or a common past
/// form with its person ending, negated or not (`بود`, `نگفت`, `رفتند`).
fn is_fa_finite_verb(word: &str) -> bool {
    let prefixed = ["می\u{200C}", "نمی\u{200C}"].iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|rest| rest.chars().count() >= 2)
    });
    if prefixed || matches!(word, "است" | "نیست" | "هست" | "هستند" | "نیستند")
    {
        return true;
    }
    let positive = |w: &str| {
        FA_PAST_STEMS.iter().any(|stem| {
            w.strip_prefix(stem)
                .is_some_and(|ending| FA_PERSON_ENDINGS.contains(&ending))
        })
    };
    positive(word) || word == "نیامد" || word.strip_prefix('ن').is_some_and(positive)
}

impl Segmenter {
    /// Whether a finite Persian verb ends at the mark at `i`, in any of the
    /// spellings of news copy: `می‌کنند`, and without the joiner `می کنند`
    /// (the prefix a word of its own) or `میکنند` (glued; then only a
    /// person ending in `د` or `م`, since nouns also start with `می`).
    fn fa_verb_before_mark(&self, scan: &Scan<'_>, i: usize) -> bool {
        let word = word_before_mark(scan, i);
        if is_fa_finite_verb(word) {
            return true;
        }
        if self.disabled.off(Rule::VerbSpellings) || word.chars().count() < 2 {
            return false;
        }
        let start = i - word.len();
        if matches!(word_before(scan, start), "می" | "نمی") {
            return true;
        }
        ["می", "نمی"].iter().any(|p| {
            word.strip_prefix(p).is_some_and(|rest| {
                rest.chars().count() >= 3
                    && rest.ends_with(['د', 'م'])
                    && rest.chars().all(is_caseless_letter)
            })
        }) && word != "میلیارد"
    }
}

/// Stems of Persian verbs of saying, past and present (`گفت`/`گوی`,
/// `پرسید`/`پرس`, `نوشت`/`نویس`, `افزود`/`افزای`).
const FA_SAYING_STEMS: &[&str] = &[
    "گفت",
    "گوی",
    "پرسید",
    "پرس",
    "نوشت",
    "نویس",
    "افزود",
    "افزای",
];

/// Stems of the light verbs of compound verbs of saying, and the nouns they
/// follow (`فریاد زد`, `داد زد`, `جواب داد`, `پاسخ داد`, `ادامه داد`).
const FA_SAYING_COMPOUNDS: &[(&[&str], &[&str])] = &[
    (&["فریاد", "داد"], &["زد", "زن"]),
    (&["جواب", "پاسخ", "ادامه"], &["داد", "ده"]),
];

/// Whether `word` is a form of one of `stems`, not negated: an optional
/// `می‌`, the stem, and a person ending (or the participle's `ه`).
fn is_form_of(word: &str, stems: &[&str]) -> bool {
    let word = word.strip_prefix("می\u{200C}").unwrap_or(word);
    stems.iter().any(|stem| {
        word.strip_prefix(stem).is_some_and(|ending| {
            ending == "د" || ending == "ه" || FA_PERSON_ENDINGS.contains(&ending)
        })
    })
}

/// After a quotation closed by `؟` or `!`: whether the clause from
/// `word_start` to the next terminator is short and ends in a verb of
/// saying (`«چرا دیر آمدی؟» مادر با نگرانی پرسید.`, `«بس کن!» فریاد زد.`),
/// so that the quotation is its object and the sentence goes on.
fn clause_ends_in_saying_verb(scan: &Scan<'_>, word_start: usize) -> bool {
    let rest = scan.text.get(word_start..scan.end).unwrap_or("");
    let clause = rest.find(is_terminator).map_or(rest, |n| &rest[..n]);
    let (mut count, mut last, mut before) = (0, "", "");
    for word in clause.split_whitespace().take(7) {
        let word = word.trim_matches(|c: char| !(is_caseless_letter(c) || c == ZWNJ));
        if word.is_empty() {
            return false;
        }
        count += 1;
        before = last;
        last = word;
    }
    if count == 0 || count > 6 {
        return false;
    }
    is_form_of(last, FA_SAYING_STEMS)
        || FA_SAYING_COMPOUNDS
            .iter()
            .any(|(nouns, stems)| nouns.contains(&before) && is_form_of(last, stems))
}

/// A letter of a script without case (Arabic, Hebrew, CJK, Indic).
fn is_caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase()
}

/// Whether the first letter after `from` (past digits, signs and spaces, as
/// in `2-3 года`, `5 %`) is lowercase: UAX #29 keeps a period before such a
/// number inside the sentence.
fn next_letter_is_lowercase(scan: &Scan<'_>, from: usize) -> bool {
    scan.text
        .get(from..scan.end)
        .unwrap_or("")
        .chars()
        .take(24)
        .find(|c| c.is_alphabetic() || is_terminator(*c))
        .is_some_and(char::is_lowercase)
}
