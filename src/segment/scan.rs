//! The scanner: the one pass over a paragraph that stops only at the bytes
//! a rule can act on, and paragraph and line handling.

use super::Segmenter;
use super::ablation::Rule;
use super::cursor::*;
use super::email::may_open_salutation;

impl Segmenter {
    pub(super) fn scan_paragraph(&self, scan: &mut Scan<'_>, breaks_end_sentences: bool) {
        let bytes = scan.text.as_bytes();
        let email_layout =
            self.lists.switches.email_layout && !self.disabled.off(Rule::EmailLayout);
        // Separator symbols need attention only where they can be lines.
        let interesting = if email_layout {
            &INTERESTING_EMAIL
        } else {
            &INTERESTING
        };
        if email_layout {
            let first = if bytes.get(scan.start).is_some_and(u8::is_ascii_alphabetic) {
                scan.start
            } else {
                scan.skip_space_and_bullets(scan.start)
            };
            if bytes.get(first..).is_some_and(may_open_salutation) {
                self.salutation(scan, first, true);
            }
        }
        let mut i = scan.start;
        while i < scan.end {
            // Fast path: skip the bytes the match below does nothing with
            // (most letters, digits and spaces) without dispatching on each.
            // One search over the slice: no bounds test per byte.
            let rest = bytes.get(i..scan.end.min(bytes.len())).unwrap_or(&[]);
            i += rest
                .iter()
                .position(|&b| interesting[usize::from(b)])
                .unwrap_or(rest.len());
            if i >= scan.end {
                break;
            }
            let b = bytes.get(i).copied().unwrap_or(0);
            match b {
                b'.' | b'!' | b'?' => {
                    i = self.terminator(scan, i);
                    continue;
                }
                b'\n' | 0x0B | 0x0C => {
                    if breaks_end_sentences {
                        scan.cut(i);
                    }
                }
                b'\r' => {
                    // A lone CR is a line break (old Mac files); in CRLF the
                    // LF does the work.
                    if breaks_end_sentences && bytes.get(i + 1) != Some(&b'\n') {
                        scan.cut(i);
                    }
                }
                b')' | b']' => {
                    i = self.closing_bracket(scan, i);
                    continue;
                }
                b'*' | b'_' | b'-' | b'~' => {
                    if email_layout && let Some(next) = self.separator(scan, i) {
                        i = next;
                        continue;
                    }
                }
                b':' | b';' | b'=' => {
                    if email_layout {
                        let found = match b {
                            b'=' => self.separator(scan, i),
                            b':' => self.header_stamp(scan, i),
                            _ => None,
                        };
                        if let Some(next) = found {
                            i = next;
                            continue;
                        }
                    }
                    if let Some(len) = emoticon_len(scan.text.get(i..scan.end).unwrap_or("")) {
                        i = self.symbol_run_end(scan, i, i + len);
                        continue;
                    }
                }
                b'@' => self.at_sign(scan, i, email_layout),
                b'#' => {
                    if let Some(next) = self.hashtag(scan, i) {
                        i = next;
                        continue;
                    }
                }
                0x00..=0x7F => {}
                _ => {
                    // NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR end lines as LF does.
                    if let Some(c) = scan.char_at(i).filter(|&c| super::is_line_break(c)) {
                        if breaks_end_sentences {
                            scan.cut(i);
                        }
                        i += c.len_utf8();
                        continue;
                    }
                    let Some(next) = self.non_ascii(scan, i, b) else {
                        break;
                    };
                    i = next;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// An `@` at `i`: "@name" replies start a new comment in chat threads;
    /// in e-mail layout an address may end a header line.
    fn at_sign(&self, scan: &mut Scan<'_>, i: usize, email_layout: bool) {
        if i > scan.start
            && self.lists.switches.reply_handles
            && !self.disabled.off(Rule::Handles)
            && scan.char_before(i).is_some_and(char::is_whitespace)
            && scan.char_at(i + 1).is_some_and(char::is_alphanumeric)
            && (self.disabled.off(Rule::HandleContext) || !handle_inside_sentence(scan, i))
            && (self.disabled.off(Rule::HandleAtEnd) || !handle_before_end(scan, i))
        {
            scan.cut(i);
        } else if email_layout {
            self.address_end(scan, i);
        }
    }

    /// A `#` at `i`: a hashtag (and any symbols after it) belongs to the
    /// sentence before; returns where to go on, or `None` for a plain `#`.
    fn hashtag(&self, scan: &mut Scan<'_>, i: usize) -> Option<usize> {
        if scan.char_before(i).is_none_or(char::is_whitespace)
            && scan.char_at(i + 1).is_some_and(char::is_alphabetic)
        {
            let len = scan
                .text
                .get(i..scan.end)
                .unwrap_or("")
                .find(char::is_whitespace)
                .unwrap_or(scan.end - i);
            return Some(self.symbol_run_end(scan, i, i + len));
        }
        None
    }

    /// The character starting with the non-ASCII byte `b` at `i`: emoji,
    /// terminators and bullets of other scripts. Returns where to go on, or
    /// `None` when `i` is not on a character (the paragraph ends there).
    fn non_ascii(&self, scan: &mut Scan<'_>, i: usize, b: u8) -> Option<usize> {
        let c = scan.char_at(i)?;
        if is_emoji(c) {
            return Some(self.symbol_run_end(scan, i, i + c.len_utf8()));
        }
        if b >= 0xD8 {
            if is_terminator(c) {
                return Some(self.terminator(scan, i));
            }
            if is_bullet(c)
                && !self.disabled.off(Rule::Bullets)
                && scan.char_before(i).is_none_or(char::is_whitespace)
            {
                scan.cut(i);
            }
        }
        Some(i + c.len_utf8())
    }
}

/// Paragraphs: maximal runs of lines that are not blank, as byte ranges.
pub(super) fn paragraphs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while pos < text.len() {
            let rest = text.get(pos..).unwrap_or("");
            let line_len = line_length(rest);
            let line = rest.get(..line_len).unwrap_or("");
            let blank = line.trim().is_empty();
            match (start, blank) {
                (None, false) => start = Some(pos),
                (Some(s), true) => {
                    let end = pos;
                    pos += line_len;
                    return Some((s, end));
                }
                _ => {}
            }
            pos += line_len;
        }
        start.map(|s| (s, text.len()))
    })
}

/// Whether the `@name` at `at` stands inside a sentence: after another
/// `@name` (`@a @b text`), after `RT`, `via`, `cc` (`RT @user: …`, `… via
/// @YouTube`), or after a preposition or conjunction (`с @name`, `to
/// @name`). A plain word before it is no evidence: chat threads run
/// comments together without punctuation (`… на рисовые поля @name по-моему`).
fn handle_inside_sentence(scan: &Scan<'_>, at: usize) -> bool {
    let before = scan.text.get(scan.start..at).unwrap_or("").trim_end();
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = before.get(word_start..).unwrap_or("");
    if word.starts_with('@') {
        return true;
    }
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    super::resources::handle_governors().contains(lower.as_str())
}

/// Whether the `@name` at `at` is followed directly by a terminator
/// (`… на нашу базу отдыха @name!`): the last word of its sentence.
fn handle_before_end(scan: &Scan<'_>, at: usize) -> bool {
    let rest = scan.text.get(at + 1..scan.end).unwrap_or("");
    let name_len = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .map_or(rest.len(), |(k, _)| k);
    let name = rest.get(..name_len).unwrap_or("");
    // A period inside the name run ("@name. Next") is taken as the end mark.
    name.ends_with('.')
        || rest
            .get(name_len..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| matches!(c, '!' | '?' | '…'))
}

/// The length of the first line of `rest` with its line break.
fn line_length(rest: &str) -> usize {
    next_line_break(rest).map_or(rest.len(), |(at, len)| at + len)
}

/// The first line of `text`, without its line break.
pub(crate) fn first_line(text: &str) -> &str {
    &text[..next_line_break(text).map_or(text.len(), |(at, _)| at)]
}

/// The first line break of `text` as (offset, length): LF, CRLF (one break
/// of two bytes), or another of [`super::LINE_BREAKS`] (a lone CR, VT, FF,
/// NEL, U+2028, U+2029); `None` when `text` is one line.
pub(crate) fn next_line_break(text: &str) -> Option<(usize, usize)> {
    // A memchr search for the LF, then a byte search within that line only
    // for the first bytes of the other breaks, keep this about as fast as
    // an LF-only search.
    let lf = text.find('\n');
    let line = text.get(..lf.unwrap_or(text.len())).unwrap_or("");
    match (other_break(line), lf) {
        (Some((cr, _)), Some(lf)) if cr + 1 == lf && line.as_bytes()[cr] == b'\r' => Some((cr, 2)),
        (Some(found), _) => Some(found),
        (None, Some(lf)) => Some((lf, 1)),
        (None, None) => None,
    }
}

/// The first line break of `line` other than LF, as (offset, length).
fn other_break(line: &str) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    // Two SIMD searches: CR, VT and FF are ASCII; NEL opens with 0xC2, U+2028
    // and U+2029 with 0xE2 (lead bytes, never inside another character;
    // typographic quotes and ZWNJ share them, so each hit is checked).
    let ascii = memchr::memchr3(b'\r', 0x0B, 0x0C, bytes);
    let wide =
        memchr::memchr2_iter(0xC2, 0xE2, &bytes[..ascii.unwrap_or(bytes.len())]).find_map(|at| {
            let c = line.get(at..)?.chars().next()?;
            super::is_line_break(c).then(|| (at, c.len_utf8()))
        });
    wide.or(ascii.map(|at| (at, 1)))
}

/// A paragraph of lines of like widths is hard-wrapped when at least one
/// in this many of its lines (the last excepted) ends mid-sentence (a
/// wrapped line ends where a sentence does only now and then).
const WRAPPED_OPEN_SHARE: usize = 2;

/// Whether a paragraph's line breaks look like hard wrapping of running text.
pub(super) fn looks_wrapped(para: &str) -> bool {
    let para = para.trim_end();
    if next_line_break(para).is_none() {
        return false;
    }
    // A line ends where its wire layout codes start (`… sea. &QL;`); a
    // line of codes alone is no line of text.
    let lines: Vec<&str> = para
        .split(super::LINE_BREAKS)
        .map(super::trim_codes_end)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // A line that opens with a word in small letters goes on with the line
    // before it; a link, an address or a mark (`http://www.noaa.gov`,
    // `c.1998 N.Y. Times News Service`) is no word of running text.
    let continues = |l: &str| {
        let first = l.split_whitespace().next().unwrap_or("");
        let word = first.trim_end_matches(|c: char| !c.is_alphanumeric());
        word.chars().next().is_some_and(char::is_lowercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '\u{200c}'))
    };
    if lines.iter().skip(1).any(|l| continues(l)) {
        return true;
    }
    if lines.len() < 3 {
        return false;
    }
    let body = &lines[..lines.len() - 1];
    let widths: Vec<usize> = body.iter().map(|l| l.chars().count()).collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    let similar = widest >= 40 && widths.iter().all(|&w| w * 10 >= widest * 6);
    // Hard-wrapped prose ends most of its lines mid-sentence; text laid
    // out one sentence a line ends few of them so (a headline, a
    // subheading), however alike its lines' widths.
    let open_ended = body
        .iter()
        .filter(|l| !l.chars().next_back().is_some_and(is_terminator))
        .count();
    similar && open_ended > 0 && open_ended * WRAPPED_OPEN_SHARE >= body.len()
}
