//! What the engine must not touch goes to it as a placeholder: the URLs,
//! e-mail addresses, @handles and #hashtags of a source (the spans `brief
//! check`'s untouchables rule reads) become empty elements `<x id="N"/>`,
//! and the rest of the text is escaped as XML character data. The engine is
//! asked to keep markup (LibreTranslate `format: "html"`, DeepL
//! `tag_handling: "xml"`), and [`restore`] puts each span back where its
//! placeholder came back. A translation that lost, repeated, or invented a
//! placeholder, or holds any other tag, is refused: the caller names the
//! unit and writes nothing.

use crate::check::untouchable_spans;

/// A source ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Protected {
    /// The text with placeholders, escaped; `None` when the source has no
    /// span to protect (it can go as plain text).
    pub markup: Option<String>,
    /// The protected spans, placeholder `N` being `spans[N - 1]`.
    pub spans: Vec<String>,
}

/// The placeholders and escaped text of `source`.
pub(crate) fn protect(source: &str) -> Protected {
    let spans = untouchable_spans(source);
    if spans.is_empty() {
        return Protected {
            markup: None,
            spans: vec![],
        };
    }
    let mut markup = String::with_capacity(source.len() + 16 * spans.len());
    let mut kept = Vec::with_capacity(spans.len());
    let mut at = 0;
    for (n, &(s, e)) in spans.iter().enumerate() {
        escape_into(&mut markup, &source[at..s]);
        markup.push_str(&format!("<x id=\"{}\"/>", n + 1));
        kept.push(source[s..e].to_string());
        at = e;
    }
    escape_into(&mut markup, &source[at..]);
    Protected {
        markup: Some(markup),
        spans: kept,
    }
}

/// `text` escaped as XML character data (also valid HTML text).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// The translation of a markup text with its placeholders replaced by
/// `spans` and its character references decoded. Every placeholder must
/// come back exactly once; any other tag is refused. The error says which
/// placeholder (by the span it stands for) or what tag.
pub(crate) fn restore(translation: &str, spans: &[String]) -> Result<String, String> {
    let mut out =
        String::with_capacity(translation.len() + spans.iter().map(String::len).sum::<usize>());
    let mut seen = vec![0usize; spans.len()];
    let mut rest = translation;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('&') {
            let (c, len) = reference(rest);
            match c {
                Some(c) => out.push(c),
                None => out.push('&'),
            }
            rest = &rest[len..];
            continue;
        }
        let Some(end) = rest.find('>') else {
            return Err("holds an unclosed tag".into());
        };
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        // A closing `</x>` after `<x id="N">` (HTML parsers write empty
        // elements that way) adds nothing.
        if tag.trim() == "/x" {
            continue;
        }
        let Some(n) = placeholder(tag).filter(|n| (1..=spans.len()).contains(n)) else {
            let shown: String = tag.chars().take(40).collect();
            return Err(format!(
                "holds markup the source does not have: <{}>",
                crate::escape::escape(&shown)
            ));
        };
        seen[n - 1] += 1;
        out.push_str(&spans[n - 1]);
    }
    out.push_str(rest);
    for (span, count) in spans.iter().zip(&seen) {
        match count {
            1 => {}
            0 => {
                return Err(format!(
                    "the engine lost the protected \"{}\"",
                    crate::escape::escape(span)
                ));
            }
            _ => {
                return Err(format!(
                    "the engine repeated the protected \"{}\"",
                    crate::escape::escape(span)
                ));
            }
        }
    }
    Ok(out)
}

/// `N` of a tag `x id="N"` (`/` at the end, spaces, either quote).
fn placeholder(tag: &str) -> Option<usize> {
    let tag = tag.trim().trim_end_matches('/').trim_end();
    let rest = tag.strip_prefix('x')?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim_start().strip_prefix("id")?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let q = rest.chars().next().filter(|&q| q == '"' || q == '\'')?;
    let value = rest[1..].strip_suffix(q)?;
    if value.is_empty() || value.len() > 6 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok()
}

/// The character a reference at the start of `text` stands for, and its
/// length; `None` (and length 1) when it is not a known reference: the `&`
/// is then kept as text.
fn reference(text: &str) -> (Option<char>, usize) {
    let Some(semi) = text[1..].find(';').filter(|&i| i <= 10) else {
        return (None, 1);
    };
    let name = &text[1..1 + semi];
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let number = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok()
            } else {
                None
            };
            number
                .and_then(char::from_u32)
                .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        }
    };
    match c {
        Some(c) => (Some(c), semi + 2),
        None => (None, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn spans_become_placeholders_and_text_is_escaped() {
        let p = protect("See https://example.org/a?b=1&c=2 or write to press@example.org, R&D <3.");
        assert_eq!(
            p.markup.as_deref(),
            Some("See <x id=\"1\"/> or write to <x id=\"2\"/>, R&amp;D &lt;3.")
        );
        assert_eq!(
            p.spans,
            ["https://example.org/a?b=1&c=2", "press@example.org"]
        );
        assert_eq!(protect("Nothing to keep, 5 & 6.").markup, None);
    }

    #[test]
    fn placeholders_come_back_in_any_order_and_form() {
        let spans = vec!["@citymayor".to_string(), "https://x.org".to_string()];
        let cases = [
            "Мэр <x id=\"1\"/> и <x id=\"2\"/>.",
            "Мэр <x id='1' /> и <x id=\"2\"></x>.",
            "<x  id = \"2\"/> мэр <x id=\"1\">.",
        ];
        for c in cases {
            let r = restore(c, &spans).unwrap();
            assert!(
                r.contains("@citymayor") && r.contains("https://x.org"),
                "{c}: {r}"
            );
            assert!(!r.contains('<'), "{r}");
        }
        assert_eq!(
            restore("R&amp;D &lt;3 &#1605;&#x41; &nbsp;&bogus; & x", &[]).unwrap(),
            "R&D <3 مA \u{a0}&bogus; & x"
        );
    }

    #[test]
    fn lost_repeated_invented_and_foreign_tags_are_refused() {
        let spans = vec!["press@example.org".to_string()];
        let cases = [
            ("Пишите нам.", "lost the protected \"press@example.org\""),
            ("<x id=\"1\"/> <x id=\"1\"/>", "repeated"),
            (
                "<x id=\"1\"/> <x id=\"2\"/>",
                "markup the source does not have",
            ),
            ("<x id=\"1\"/><script>", "<script>"),
            ("<x id=\"1\"/> <b", "unclosed"),
        ];
        for (t, why) in cases {
            let e = restore(t, &spans).unwrap_err();
            assert!(e.contains(why), "{t}: {e}");
        }
    }

    proptest! {
        // What is protected comes back byte for byte, whatever the text
        // around it, when the engine keeps the placeholders.
        #[test]
        fn round_trip(words in proptest::collection::vec("[a-zA-Z&<>;\"]{1,6}|https://[a-z]{1,5}\\.org/[a-z&=?]{0,5}|@[a-z]{2,6}|[a-z]{1,4}@[a-z]{1,4}\\.com", 1..8)) {
            let source = words.join(" ");
            let p = protect(&source);
            let back = match &p.markup {
                Some(m) => restore(m, &p.spans).unwrap(),
                None => source.clone(),
            };
            prop_assert_eq!(back, source);
        }
    }
}
