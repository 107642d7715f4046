//! The decision at each possible sentence end: terminators and what
//! follows them, abbreviations, initials, numbers, ellipses, list markers,
//! brackets, quotations and chat symbols. Language differences come from
//! the word lists in `resources` and their flags.

mod contexts;
mod marks;
mod period;
mod persian;
mod words;

use crate::lang::Lang;
use crate::segment::Segmenter;
use crate::segment::ablation::Rule;
use crate::segment::cursor::*;

use persian::{clause_ends_in_saying_verb, continues_quotation};
use words::*;

/// The run of marks at a possible sentence end: terminators (and ". . ."
/// spaced dots), then closing quotes and brackets, possibly followed by more
/// terminators (`?».`).
struct Cluster {
    /// Where the run ends.
    end: usize,
    /// Periods before any closer.
    dots: usize,
    /// Whether the dots are spaced (`. . .`).
    spaced: bool,
    /// Whether a `!`, `?` or other non-period terminator is in the run.
    strong: bool,
    /// Whether an ellipsis character `…` is in the run.
    ellipsis_char: bool,
    /// Whether a CJK terminator, which needs no space after it, is in the run.
    no_space_needed: bool,
    /// Whether a closing quote or bracket is in the run.
    closers: bool,
}

impl Cluster {
    /// Whether the run is an ellipsis (two or more periods, or `…`) without
    /// a strong mark.
    fn is_ellipsis(&self) -> bool {
        !self.strong && (self.dots >= 2 || self.ellipsis_char)
    }
}

/// What follows the cluster: the next word after spaces, bullets and openers.
struct Next {
    /// Where the next token starts (after spaces and a glued emoji bullet).
    token: usize,
    /// Where its first letter (or digit) is.
    word_start: usize,
    /// That first letter, if any.
    first: Option<char>,
    /// Whether it is lowercase.
    lower: bool,
    /// Whether the word follows directly, with no quote, bracket or dash.
    direct: bool,
}

impl Segmenter {
    /// Handles the terminal punctuation starting at `i`; returns where to go on.
    pub(in crate::segment) fn terminator(&self, scan: &mut Scan<'_>, i: usize) -> usize {
        let cluster = self.cluster(scan, i);
        let j = cluster.end;
        let Some(next) = scan.char_at(j) else {
            return j;
        };
        // "و... ." (or "و... .همینطور"): a period set after the ellipsis is
        // a full stop.
        let period_after_ellipsis = cluster.spaced
            && cluster.dots >= 4
            && !cluster.strong
            && scan.text.get(..j).is_some_and(|t| t.ends_with("... ."))
            && !self.disabled.off(Rule::EllipsisPeriod);
        if period_after_ellipsis {
            let (_, after) = first_letter(scan, scan.skip_space_and_bullets(j));
            if after.is_some_and(is_caseless_letter) {
                scan.cut(j);
                return j;
            }
        }
        if !next.is_whitespace() && !cluster.no_space_needed {
            let ellipsis = cluster.dots >= 2 || cluster.ellipsis_char;
            if self.glued_sentence_start(scan, i, j, next, cluster.strong, ellipsis) {
                scan.cut(j);
            }
            return j;
        }
        let Some(next) = self.next_word(scan, j) else {
            return j;
        };
        if cluster.is_ellipsis() {
            self.after_ellipsis(scan, i, &cluster, &next);
        } else if cluster.strong || cluster.dots != 1 {
            self.after_strong(scan, i, &cluster, &next);
        } else {
            self.after_period(scan, i, &cluster, &next);
        }
        j
    }

    /// Reads the cluster of marks starting at `i`.
    fn cluster(&self, scan: &Scan<'_>, i: usize) -> Cluster {
        let text = scan.text;
        let mut c = Cluster {
            end: i,
            dots: 0,
            spaced: false,
            strong: false,
            ellipsis_char: false,
            no_space_needed: false,
            closers: false,
        };
        let mut first_run = true;
        let j = &mut c.end;
        while let Some(ch) = scan.char_at(*j) {
            if ch == '.' {
                if c.closers {
                    c.strong = true;
                } else {
                    c.dots += 1;
                }
                *j += 1;
            } else if ch == ' '
                && first_run
                && c.dots > 0
                && !c.closers
                && text.as_bytes().get(*j + 1) == Some(&b'.')
                && text.as_bytes().get(*j - 1) == Some(&b'.')
            {
                c.spaced = true;
                *j += 1;
            } else if is_terminator(ch) {
                if ch == '…' {
                    c.ellipsis_char = true;
                } else {
                    c.strong = true;
                }
                c.no_space_needed |= is_cjk_terminator(ch);
                *j += ch.len_utf8();
            } else if is_closer(ch)
                || self.mirrored_closer(scan, i, *j, ch)
                || self.low_quote_closer(scan, i, *j, ch)
            {
                c.closers = true;
                first_run = false;
                *j += ch.len_utf8();
            } else if ch == ZWNJ && *j > i && !self.disabled.off(Rule::FormatAfterMark) {
                // "دهد.\u{200C} انتظار", "شود.\u{200C}\u{200C}نقش": invisible
                // joiners typed after the mark belong to it; what follows
                // them decides.
                *j += ch.len_utf8();
            } else {
                break;
            }
        }
        c
    }

    /// A `«` or `(` after the mark and before a space can only close:
    /// Persian text stored in visual order has its quotes and brackets
    /// mirrored (`»من می‌روم.« سپس …`, `)… است.( …`).
    fn mirrored_closer(&self, scan: &Scan<'_>, i: usize, j: usize, c: char) -> bool {
        matches!(c, '«' | '(')
            && j > i
            && self.lang == Lang::FA
            && !self.disabled.off(Rule::MirroredQuotes)
            && scan
                .char_at(j + c.len_utf8())
                .is_none_or(|n| n.is_whitespace() || is_terminator(n))
    }

    /// A `“` (or `‘`) after the mark closes the quotation when a low `„`
    /// (or `‚`) opened one earlier in the paragraph and is still open:
    /// `„хорошо!“ Это правда.`, German and Russian handwriting style, where
    /// `“` elsewhere opens.
    fn low_quote_closer(&self, scan: &Scan<'_>, i: usize, j: usize, c: char) -> bool {
        let low = match c {
            '“' => '„',
            '‘' => '‚',
            _ => return false,
        };
        j > i
            && !self.disabled.off(Rule::LowQuotes)
            && scan
                .text
                .get(scan.start..i)
                .is_some_and(|t| t.matches(low).count() > t.matches(c).count())
    }

    /// The word after the spaces that follow the cluster ending at `j`, or
    /// `None` when the sentence cannot end before it: the text ends, or
    /// emoji, emoticons and hashtags follow, which belong to the sentence
    /// (the end comes after them).
    fn next_word(&self, scan: &mut Scan<'_>, j: usize) -> Option<Next> {
        let k = scan.skip_space_and_bullets(j);
        if k >= scan.end {
            return None;
        }
        // An emoji glued to the next word is that sentence's bullet
        // (`… погоду. ✅Снасти: …`), so the word after it decides.
        let rest = scan.text.get(k..scan.end).unwrap_or("");
        let bullet_end = emoji_bullet_end(rest)
            .filter(|_| !self.disabled.off(Rule::EmojiBullets))
            .map(|n| k + n);
        if bullet_end.is_none()
            && (rest.starts_with('#')
                || rest.chars().next().is_some_and(is_emoji)
                || emoticon_len(rest).is_some())
        {
            return None;
        }
        let token = bullet_end.unwrap_or(k);
        let (word_start, first) = first_letter(scan, token);
        Some(Next {
            token,
            word_start,
            first,
            lower: first.is_some_and(char::is_lowercase),
            direct: word_start == token,
        })
    }

    /// After an ellipsis (`...`, `…`, `. . .`) at `i`: whether it ends the
    /// sentence.
    fn after_ellipsis(&self, scan: &mut Scan<'_>, i: usize, c: &Cluster, next: &Next) {
        let j = c.end;
        if next.lower || next.first.is_none() || self.disabled.off(Rule::Ellipsis) {
            return;
        }
        if next.first.is_some_and(is_caseless_letter) && !self.disabled.off(Rule::CaselessEllipsis)
        {
            // A finite verb closes a Persian clause (`… می‌بارید...
            // پیرمرد …`); after a noun or `و` ("and so on") it goes on.
            if self.lang == Lang::FA
                && (!self.disabled.off(Rule::VerbEllipsis) && self.fa_verb_before_mark(scan, i)
                    || !self.disabled.off(Rule::EllipsisConjunction)
                        && matches!(caseless_word(scan, next.word_start), "اما" | "ولی"))
            {
                scan.cut(j);
            }
            return;
        }
        if c.spaced {
            let attached = scan.char_before(i).is_some_and(|c| !c.is_whitespace());
            if c.dots >= 4 && attached {
                // "compounds. . . . The": the first mark ends the sentence
                // and the ellipsis opens the next one.
                scan.cut(i + scan.char_at(i).map_or(1, char::len_utf8));
            } else if c.dots >= 4 || !attached && self.spaced_ellipsis_ends(scan, next.word_start) {
                scan.cut(j);
            }
            return;
        }
        if matches!(scan.char_before(i), Some('[' | '(')) {
            return; // "[...]": an omission, not an end
        }
        if !self.lists.starters.is_empty()
            && self.capitals(scan, next.word_start)
            && !self.capitals_starter(scan, next.word_start)
            && !matches!(
                scan.char_before(next.word_start),
                Some('"' | '“' | '‘' | '\'')
            )
        {
            // "HEART AND SOUL ... TO ALL": no case to ask. A quotation that
            // opens ends it (`GREAT... "YES," SHE SAID`).
            return;
        }
        // A `»` in the cluster closes the quotation (`«Это было хорошо…»
        // Это правда.`), so the quotes are counted up to its end; but in
        // capitals a dash after it may bring the author's words (`«НЕ
        // ЗНАЮ…» — И ОТВЕРНУЛАСЬ`), which only the case tells.
        let dash_after = || {
            scan.text
                .get(j..next.word_start)
                .is_some_and(|between| between.contains(['—', '–']))
        };
        let upto = if dash_after() && self.capitals(scan, next.word_start) {
            i
        } else {
            j
        };
        if !self.disabled.off(Rule::QuoteEllipsis) && inside_open_quote(scan, upto) {
            return; // "«Я думал… Нет, …», — сказал он": the speech goes on
        }
        if self.capitals_author_words(scan, j, next.word_start)
            || c.closers && next.direct && self.capitals_attribution(scan, j, next.word_start)
        {
            return; // "— НУ ЧТО Ж... — ПРОТЯНУЛ ОН.", "«…» СПРАШИВАЛИ ЖИТЕЛИ."
        }
        scan.cut(j);
    }

    /// After `!`, `?` or another strong mark (or several periods) at `i`:
    /// whether it ends the sentence.
    fn after_strong(&self, scan: &mut Scan<'_>, i: usize, c: &Cluster, next: &Next) {
        let text = scan.text;
        let j = c.end;
        if next.lower {
            // Chat and reviews start sentences in lowercase after "?" and
            // "!", but "Yahoo! in" is a name.
            let question = text.get(i..j).is_some_and(|c| c.contains(['?', '؟', '？']));
            let word_start = skip_openers(text, token_start(scan, i), i);
            let capitalized_name = text
                .get(word_start..i)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase);
            if next.direct
                && !c.closers
                && (question || !capitalized_name)
                && !self.disabled.off(Rule::LowercaseAfterStrong)
            {
                scan.cut(j);
            }
            return;
        }
        if self.dash_inside_quote(scan, i, next.token)
            || self.capitals_author_words(scan, j, next.word_start)
            || c.closers && next.direct && self.capitals_attribution(scan, j, next.word_start)
        {
            return;
        }
        if c.closers
            && c.strong
            && self.lang == Lang::FA
            && !self.disabled.off(Rule::QuoteContinuation)
            && (continues_quotation(caseless_word(scan, next.word_start))
                || !self.disabled.off(Rule::SayingVerbs)
                    && clause_ends_in_saying_verb(scan, next.word_start))
        {
            return; // "«کجا می‌روی؟» پرسید": the quotation is an object
        }
        scan.cut(j);
    }

    /// After a single period at `i`: whether it ends the sentence.
    fn after_period(&self, scan: &mut Scan<'_>, i: usize, c: &Cluster, next: &Next) {
        let j = c.end;
        let closing = match scan.char_at(i + 1) {
            Some(')') => b')',
            _ => 0,
        };
        if self.period_marker(scan, i, closing) {
            return;
        }
        if next.lower {
            if self.lists.switches.lowercase_starts
                && !self.disabled.off(Rule::LowercaseStarts)
                && next.direct
                && !c.closers
                && self.plain_word_before(scan, i)
            {
                scan.cut(j);
            }
            return;
        }
        if self.dash_inside_quote(scan, i, next.token) {
            return;
        }
        if c.closers {
            if next.first.is_some_and(is_caseless_letter)
                && self.caseless_goes_on_after_closer(scan, i, j)
                || next.direct && self.capitals_attribution(scan, j, next.word_start)
            {
                return;
            }
            scan.cut(j);
            return;
        }
        if self.period_ends_sentence(scan, i, next.word_start, next.first) {
            scan.cut(j);
        }
    }
}

#[cfg(test)]
mod tests;
