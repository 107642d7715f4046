//! English e-mail and web-page layout (UD EWT keeps their lines as
//! sentences even where the line breaks were lost): separator lines, header
//! stamps, addresses and salutations.

use super::Segmenter;
use super::cursor::*;

impl Segmenter {
    /// A run of three or more separator symbols (`***`, `-----`, `=====`,
    /// `____`): e-mail and web pages set them on a line of their own, and UD
    /// EWT keeps such a line as a sentence. A token of one repeated symbol is
    /// a sentence by itself (unless a lowercase word follows: then it is a
    /// dash, `CPS --- do you`); a token that starts with a run (`----== Posted
    /// via …`) starts one; a token that ends with one (`Message-----`,
    /// `News==----`) ends one before a word that is not lowercase (`*` is left
    /// out there: `f***` is a word). Returns where to go on, past the run.
    pub(super) fn separator(&self, scan: &mut Scan<'_>, i: usize) -> Option<usize> {
        let bytes = scan.text.as_bytes();
        let symbol = *bytes.get(i)?;
        let run = bytes
            .get(i..scan.end)?
            .iter()
            .take_while(|&&c| c == symbol)
            .count();
        if run < 3 {
            return None;
        }
        let run_end = i + run;
        let token_end = bytes
            .get(run_end..scan.end)?
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(scan.end, |n| run_end + n);
        let next = scan.skip_space_and_bullets(token_end);
        let at_token_start = i == scan.start
            || bytes
                .get(i.wrapping_sub(1))
                .is_some_and(u8::is_ascii_whitespace);
        if at_token_start {
            if token_end == run_end && scan.char_at(next).is_some_and(char::is_lowercase) {
                return Some(token_end); // "cut off to CPS --- do you know": a dash
            }
            scan.cut(i);
            if token_end == run_end && next < scan.end {
                scan.cut(run_end);
            }
            return Some(token_end);
        }
        if run_end == token_end
            && symbol != b'*'
            && next < scan.end
            && scan.char_at(next).is_some_and(|c| !c.is_lowercase())
        {
            scan.cut(token_end);
        }
        Some(run_end)
    }

    /// An e-mail header's date and time stamp (`Kay Mann 04/26/2001 07:17 AM
    /// Will you …`, lost line breaks in UD EWT) is a sentence of its own: one
    /// ends before it after a sender's name or address (not after `on` or
    /// `Sent:`), and the message starts after it. `i` is a colon; returns
    /// where to go on if it is inside such a stamp.
    pub(super) fn header_stamp(&self, scan: &mut Scan<'_>, i: usize) -> Option<usize> {
        let text = scan.text;
        if !scan.char_before(i).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let time_start = token_start(scan, i);
        let time_end = text
            .get(i..scan.end)?
            .find(char::is_whitespace)
            .map_or(scan.end, |n| i + n);
        if !is_clock_time(text.get(time_start..time_end)?) {
            return None;
        }
        let date_end = scan.start + text.get(scan.start..time_start)?.trim_end().len();
        let date_start = token_start(scan, date_end);
        if date_end == time_start || !is_numeric_date(text.get(date_start..date_end)?) {
            return None;
        }
        let after = text.get(time_end..scan.end)?;
        let gap = after.len() - after.trim_start().len();
        let word = after.trim_start();
        let word = word.get(..word.find(char::is_whitespace).unwrap_or(word.len()))?;
        let end = if matches!(word, "AM" | "PM" | "am" | "pm") {
            time_end + gap + word.len()
        } else {
            time_end
        };
        let sender_end = scan.start + text.get(scan.start..date_start)?.trim_end().len();
        let sender = text.get(token_start(scan, sender_end)..sender_end)?;
        let after_sender = sender
            .chars()
            .next()
            .is_some_and(|c| !c.is_lowercase() && !c.is_numeric())
            && !sender.ends_with([':', ',']);
        if after_sender {
            scan.cut(date_start);
        }
        let next = scan.skip_space_and_bullets(end);
        if next < scan.end && (after_sender || scan.char_at(next).is_some_and(char::is_uppercase)) {
            scan.cut(end);
            self.salutation(scan, next, false);
        }
        Some(end)
    }

    /// An e-mail address (`jane@example.com`, `"Jane" <jane@example.com>`)
    /// followed by a capitalised word ends a sentence: it closes a header
    /// or signature line (`Email: … <…@gmail.com> Today's Article`). `i` is
    /// the `@` inside a token. `Warner@ENRON` (no domain) is a name.
    pub(super) fn address_end(&self, scan: &mut Scan<'_>, i: usize) {
        let text = scan.text;
        let end = text
            .get(i..scan.end)
            .and_then(|r| r.find(char::is_whitespace))
            .map_or(scan.end, |n| i + n);
        let domain = text.get(i + 1..end).unwrap_or("").trim_end_matches('>');
        let Some((host, top)) = domain.rsplit_once('.') else {
            return;
        };
        if host.is_empty() || top.len() < 2 || !top.chars().all(|c| c.is_ascii_alphabetic()) {
            return;
        }
        let next = scan.skip_space_and_bullets(end);
        // In capitals every word is capitalised: a sentence starter decides
        // (`… AT JANE@EXAMPLE.COM BY NOON` goes on).
        if next < scan.end
            && scan.char_at(next).is_some_and(char::is_uppercase)
            && (!self.capitals(scan, next) || self.capitals_starter(scan, next))
        {
            scan.cut(end);
        }
    }

    /// A salutation that opens a message (`Dear All,`, `Hi Jill,`, `Hi,`,
    /// `Good Morning Debra -`, `All:`) and is followed by a capitalised word
    /// is a sentence of its own, as EWT keeps the line it stood on. So is a
    /// lone name and a dash at the start of a paragraph (`Vince - Thanks for
    /// …`). `k` is where a sentence starts. Only short openers count, so
    /// `However, I` and `Note: The` are left alone.
    pub(super) fn salutation(&self, scan: &mut Scan<'_>, k: usize, paragraph_start: bool) {
        let Some(rest) = scan.text.get(k..scan.end) else {
            return;
        };
        // Most sentences open with no salutation: decide from the first word
        // (and a dash after it) before walking the words.
        let Some(first_len) = rest.bytes().take(12).position(|b| b.is_ascii_whitespace()) else {
            return;
        };
        let first = rest.get(..first_len).unwrap_or("");
        if opener_kind(first.trim_end_matches([',', ':'])) == Opener::Name
            && !(paragraph_start
                && rest.get(first_len..).is_some_and(|r| {
                    [" - ", " -- ", " – ", " — "]
                        .iter()
                        .any(|d| r.starts_with(d))
                }))
        {
            return;
        }
        let mut kind = Opener::Name;
        let mut end = None;
        let mut first_word = "";
        // `words`: how many words of the salutation came before this token.
        for (words, token) in rest.split_whitespace().take(6).enumerate() {
            let offset = token.as_ptr() as usize - rest.as_ptr() as usize;
            if matches!(token, "-" | "--" | "–" | "—") {
                let name_ok = kind != Opener::Name
                    || paragraph_start && self.looks_like_first_name(first_word);
                if words > 0 && name_ok && !matches!(kind, Opener::NeedsName | Opener::Good) {
                    end = Some(offset + token.len());
                }
                break;
            }
            let word = token.trim_end_matches([',', ':']);
            let punctuated = word.len() < token.len();
            if words == 0 {
                kind = opener_kind(word);
                first_word = word;
            } else if words == 1 && kind == Opener::Good {
                if !matches!(
                    word.to_ascii_lowercase().as_str(),
                    "morning" | "afternoon" | "evening"
                ) {
                    return;
                }
                kind = Opener::Greeting;
            } else if matches!(kind, Opener::Alone | Opener::Name)
                || !word
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '.' || c == '\'')
                || word.ends_with('.') && word.chars().count() > 4
            {
                // "All" takes no name, a lone name no second word, and no
                // sentence ends inside a salutation.
                return;
            } else if kind == Opener::NeedsName {
                kind = Opener::Greeting;
            }
            if punctuated {
                if kind != Opener::Name && kind != Opener::NeedsName && kind != Opener::Good {
                    end = Some(offset + token.len());
                }
                break;
            }
        }
        let Some(end) = end else { return };
        let next = scan.skip_space_and_bullets(k + end);
        if next < scan.end && scan.char_at(next).is_some_and(char::is_uppercase) {
            scan.cut(k + end);
        }
    }

    /// A capitalised word that is not a common sentence opener (`Vince`, not
    /// `This`), as the lone name that opens a message.
    fn looks_like_first_name(&self, word: &str) -> bool {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && word.chars().count() >= 2
            && chars.all(char::is_lowercase)
            && !self.lists.starters.contains(word.to_lowercase().as_str())
    }
}

/// How a salutation opens (see `Segmenter::salutation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    /// `Hi`, `Hello`, `Hey`, `Greetings`: a name may follow.
    Greeting,
    /// `Dear`: a name must follow.
    NeedsName,
    /// `Good`: `morning`, `afternoon` or `evening` must follow.
    Good,
    /// `All`, `Everyone`: the punctuation follows at once.
    Alone,
    /// Any other word: only a lone first name with a dash.
    Name,
}

fn opener_kind(word: &str) -> Opener {
    let mut key = [0u8; 9];
    let initial = word.bytes().next().map(|b| b.to_ascii_lowercase());
    if word.len() > key.len() || !matches!(initial, Some(b'h' | b'd' | b'g' | b'a' | b'e')) {
        return Opener::Name;
    }
    for (slot, b) in key.iter_mut().zip(word.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    match key.get(..word.len()).unwrap_or(&[]) {
        b"hi" | b"hello" | b"hey" | b"greetings" => Opener::Greeting,
        b"dear" => Opener::NeedsName,
        b"good" => Opener::Good,
        b"all" | b"everyone" => Opener::Alone,
        _ => Opener::Name,
    }
}

/// A cheap first look for `Segmenter::salutation` at a paragraph start: a
/// word that may be a greeting, or a capitalised word and a dash.
pub(super) fn may_open_salutation(bytes: &[u8]) -> bool {
    match bytes.first() {
        Some(b'h' | b'H' | b'd' | b'D' | b'g' | b'G' | b'a' | b'A' | b'e' | b'E') => true,
        Some(b) if b.is_ascii_uppercase() => bytes
            .iter()
            .take(16)
            .zip(bytes.iter().skip(1))
            .any(|(&a, &b)| a == b' ' && (b == b'-' || b == 0xE2)),
        _ => false,
    }
}

/// `07:17`, `03:14:14`: a clock time.
fn is_clock_time(token: &str) -> bool {
    let mut parts = token.split(':');
    let hours = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    (1..=2).contains(&hours.len())
        && hours.bytes().all(|b| b.is_ascii_digit())
        && (1..=2).contains(&rest.len())
        && rest
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// `04/26/2001`, `04/25/01`, `2001-04-26`: a date written in digits.
fn is_numeric_date(token: &str) -> bool {
    let Some(sep) = token.chars().find(|c| matches!(c, '/' | '-' | '.')) else {
        return false;
    };
    let parts: Vec<&str> = token.split(sep).collect();
    let lengths: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && match lengths.as_slice() {
            [d, m, y] if (1..=2).contains(d) && (1..=2).contains(m) => *y == 2 || *y == 4,
            [4, m, d] => (1..=2).contains(m) && (1..=2).contains(d),
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_stamps_need_a_date_and_a_clock_time() {
        assert!(is_clock_time("07:17") && is_clock_time("03:14:14"));
        assert!(!is_clock_time("7:1") && !is_clock_time("a:bc") && !is_clock_time("12"));
        assert!(is_numeric_date("04/26/2001") && is_numeric_date("04/25/01"));
        assert!(is_numeric_date("2001-04-26"));
        assert!(!is_numeric_date("1/2") && !is_numeric_date("and/or") && !is_numeric_date("3.5"));
    }
}
