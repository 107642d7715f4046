//! Two kinds of untouchables beside URLs, e-mail addresses, @handles and
//! #hashtags (`text::untouchable_spans`): placeholders of a software
//! string (printf `%s`, `%d`, `%1$s`, `%(name)s`; ICU and .NET `{name}`,
//! `{0}`) and bare domains (`example.org`, `bbc.co.uk`, `gov.uk/news`).
//! A translation must keep each as written.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lang::Lang;
use crate::resources::{builtin, entries};

/// The top-level domains of `resources/en/top_level_domains.txt`.
fn top_level_domains() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| entries(builtin(Lang::EN, "top_level_domains.txt")).collect())
}

/// Whether `core` (a piece of text between white space, without the
/// punctuation around it) is a bare domain, with or without a path: two
/// or more labels of ASCII letters, digits and inner hyphens, separated
/// by single points, the last one a known top-level domain written in
/// lowercase. Abbreviations (`U.S`, `e.g`, `т.е`), decimal numbers
/// (`3.5`), a sentence run into the next (`end.It`) and file names
/// (`report.pdf`) are none.
pub(super) fn is_bare_domain(core: &str) -> bool {
    let host = core.split('/').next().unwrap_or(core);
    let labels: Vec<&str> = host.split('.').collect();
    let Some((&tld, rest)) = labels.split_last() else {
        return false;
    };
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    !rest.is_empty() && labels.iter().all(|l| label_ok(l)) && top_level_domains().contains(tld)
}

/// The byte length of a printf placeholder at the start of `s` (which
/// starts with `%`): `%s`, `%d`, `%1$s`, `%-5.2f`, `%(name)s`, `%lld`.
fn printf_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 1;
    let digits = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > from
    };
    let at = i;
    if digits(&mut i) && b.get(i) != Some(&b'$') {
        i = at;
    } else if i > at {
        i += 1;
    }
    if b.get(i) == Some(&b'(') {
        let close = s[i..].find(')')?;
        let name = &s[i + 1..i + close];
        if name.is_empty() || !name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_') {
            return None;
        }
        i += close + 1;
    }
    while b.get(i).is_some_and(|c| b"-+0#".contains(c)) {
        i += 1;
    }
    digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return None;
        }
    }
    while b.get(i).is_some_and(|c| b"hlzjtL".contains(c)) {
        i += 1;
    }
    b.get(i).filter(|c| b"sdifuxXeEgGcpo@".contains(c))?;
    Some(i + 1)
}

/// The byte length of a brace placeholder at the start of `s` (which
/// starts with `{`): `{0}`, `{name}`, `{user.name}`.
fn brace_len(s: &str) -> Option<usize> {
    let close = s.find('}')?;
    let name = &s[1..close];
    let first = name.bytes().next()?;
    let ok = if first.is_ascii_digit() {
        name.bytes().all(|c| c.is_ascii_digit())
    } else {
        (first.is_ascii_alphabetic() || first == b'_')
            && name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
            && !name.ends_with('.')
    };
    ok.then_some(close + 1)
}

/// Byte spans of the placeholders of `text`. A `%` after a digit is a
/// percent sign (`5%s` is no placeholder), `%%` is a literal percent, and
/// a placeholder must not run on into letters (`%sth`).
pub(super) fn placeholder_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut skip_to = 0;
    for (i, c) in text.char_indices() {
        if i < skip_to {
            continue;
        }
        let len = match c {
            '%' if text[i + 1..].starts_with('%') => {
                skip_to = i + 2;
                continue;
            }
            '%' if !text[..i].ends_with(|p: char| p.is_alphanumeric()) => printf_len(&text[i..]),
            '{' => brace_len(&text[i..]),
            _ => None,
        };
        let Some(len) = len else { continue };
        if text[i + len..].starts_with(char::is_alphanumeric) {
            continue;
        }
        out.push((i, i + len));
        skip_to = i + len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_domain_list_is_sorted_unique_lowercase_ascii() {
        let list: Vec<&str> = entries(builtin(Lang::EN, "top_level_domains.txt")).collect();
        assert!(list.len() > 50);
        assert!(
            list.windows(2).all(|w| w[0] < w[1]),
            "not sorted and unique"
        );
        assert!(
            list.iter()
                .all(|t| t.bytes().all(|b| b.is_ascii_lowercase()))
        );
    }

    /// Every listed top-level domain makes a bare domain, with subdomains
    /// and a path; written in capitals, or after a point that ends a
    /// sentence run into the next, it does not.
    #[test]
    fn every_listed_domain_makes_a_bare_domain() {
        for tld in entries(builtin(Lang::EN, "top_level_domains.txt")) {
            for host in ["example", "bbc.co", "news-24", "a1.b2"] {
                assert!(is_bare_domain(&format!("{host}.{tld}")), "{host}.{tld}");
                assert!(is_bare_domain(&format!("{host}.{tld}/news/a-1")));
                assert!(!is_bare_domain(&format!("{host}.{}", tld.to_uppercase())));
                assert!(!is_bare_domain(&format!("{host}..{tld}")));
                assert!(!is_bare_domain(&format!("-{host}.{tld}")));
            }
            assert!(!is_bare_domain(tld));
        }
    }

    /// No abbreviation of the languages checked, as written in a sentence
    /// (lowercase, capitalized, in capitals), no decimal number and no
    /// word of another script is a bare domain.
    #[test]
    fn abbreviations_numbers_and_other_scripts_are_no_domains() {
        for lang in [Lang::EN, Lang::RU, Lang::FA] {
            for abbr in entries(builtin(lang, "abbreviations.txt")) {
                let mut capital = abbr.chars();
                let capital: String = capital
                    .next()
                    .map(|c| c.to_uppercase().chain(capital).collect())
                    .unwrap_or_default();
                for form in [abbr.to_string(), capital, abbr.to_uppercase()] {
                    assert!(!is_bare_domain(&form), "{form}");
                }
            }
        }
        for other in [
            "3.5",
            "1.250.000",
            "23.12.2016",
            "v1.2",
            "т.е",
            "г",
            "U.S",
            "e.g",
            "i.e",
            "a.m",
            "end.It",
            "Node.js",
            "report.pdf",
            "ASP.NET",
            "U.S.-China",
            "کاخ.سفید",
            "۳.۵",
        ] {
            assert!(!is_bare_domain(other), "{other}");
        }
    }

    #[test]
    fn placeholders_of_every_style_are_found() {
        for p in [
            "%s",
            "%d",
            "%i",
            "%f",
            "%1$s",
            "%2$d",
            "%-5.2f",
            "%lld",
            "%(name)s",
            "%(count)d",
            "%@",
            "{0}",
            "{12}",
            "{name}",
            "{user_name}",
            "{user.name}",
        ] {
            for text in [
                p.to_string(),
                format!("Hello {p}, welcome."),
                format!("سلام {p}."),
                format!("({p})"),
            ] {
                let spans = placeholder_spans(&text);
                assert_eq!(spans.len(), 1, "{text}");
                let (s, e) = spans[0];
                assert_eq!(&text[s..e], p, "{text}");
            }
        }
    }

    #[test]
    fn percent_signs_and_braces_of_text_are_no_placeholders() {
        for text in [
            "Prices rose 5% in May.",
            "Prices rose 5%, then 7 %.",
            "It was 100%s",
            "10%-15% of voters",
            "100%% sure",
            "a % of b",
            "%sth",
            "{ 0 }",
            "{}",
            "{имя}",
            "{a b}",
            "{name.}",
            "Рост 5 %и",
            "۵٪ رشد",
            "%",
            "{",
            "%1$",
        ] {
            assert!(placeholder_spans(text).is_empty(), "{text}");
        }
    }
}
