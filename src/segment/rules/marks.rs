//! Marks around a sentence end: list markers, brackets, quotation dashes,
//! emoji and symbol runs, and sentence ends with no space after them.

use crate::lang::Lang;
use crate::segment::Segmenter;
use crate::segment::ablation::Rule;
use crate::segment::cursor::*;

use super::words::*;

impl Segmenter {
    /// Inside an open «quotation», a period or question mark followed by a
    /// dash continues the quoted speech («… – спросила мама. – Завтра …»).
    pub(in crate::segment) fn dash_inside_quote(
        &self,
        scan: &Scan<'_>,
        i: usize,
        next: usize,
    ) -> bool {
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
    pub(in crate::segment) fn period_marker(
        &self,
        scan: &mut Scan<'_>,
        i: usize,
        closing: u8,
    ) -> bool {
        let style = if closing == b')' { 3 } else { 1 };
        self.marker(scan, i, style)
    }

    /// A `)` or `]` at `i`: a list marker (`1)`, `b)`), a smiley (an
    /// unmatched `)`, as in Russian chat), or the end of a bracketed
    /// sentence start (`(BBC) The …`, `[http://…] Normally …`). Returns
    /// where to go on.
    pub(in crate::segment) fn closing_bracket(&self, scan: &mut Scan<'_>, i: usize) -> usize {
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
        let after = scan.skip_space_and_bullets(j);
        if close == b')'
            && single_char(token)
                .is_some_and(|c| self.letter_in_case(scan, c, after).is_lowercase())
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
                && self.lists.switches.bracket_groups
                && !self.disabled.off(Rule::BracketGroups)
        {
            scan.cut(j);
        }
        j
    }

    /// After an emoji, emoticon or hashtag ending at `from`: takes in any
    /// more of them, and ends the sentence there if a capitalised word follows
    /// (`Как красиво😍 Вид потрясающий`). Returns where to go on.
    pub(in crate::segment) fn symbol_run_end(
        &self,
        scan: &mut Scan<'_>,
        start: usize,
        from: usize,
    ) -> usize {
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
    pub(in crate::segment) fn glued_sentence_start(
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
            return next.is_uppercase() || self.lists.switches.lowercase_starts;
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

    /// Records a list marker ending at `i` if there is one, and cuts before
    /// it when it continues a sequence (`… item 2. The second …`).
    pub(in crate::segment) fn marker(&self, scan: &mut Scan<'_>, i: usize, style: u8) -> bool {
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
            } else if word.len() == 1
                && word.bytes().all(|b| {
                    b.is_ascii_lowercase()
                        || b.is_ascii_uppercase()
                            && self.capitals(scan, scan.skip_space_and_bullets(i + 1))
                })
            {
                // "a.", "b)"; in a document in capitals "A.", "B)".
                word.bytes()
                    .next()
                    .map(|b| u32::from(b.to_ascii_lowercase() - b'a') + 1)
            } else if let Some(c) = single_char(word)
                .map(|c| self.letter_in_case(scan, c, scan.skip_space_and_bullets(i + 1)))
                .filter(|c| matches!(c, 'а'..='я'))
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

/// Emoji and dingbats that posts use as list bullets (check marks,
/// arrows, stars, pointers), as opposed to reactions (`👍`, `😍`).
pub(super) fn is_bullet_mark(c: char) -> bool {
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
