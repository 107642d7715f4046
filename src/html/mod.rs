//! Web pages as input: the article's title and body paragraphs as plain text.
//!
//! [`extract`] parses a page with html5ever (through `scraper`) and keeps only
//! the main content, chosen by a readability-style score (see docs/html.md for
//! the algorithm and how it was measured against existing crates). The result
//! is the text that every later stage works on: sentence byte spans refer to
//! [`Extracted::text`], not to the HTML.
//!
//! ```
//! let page = "<!DOCTYPE html><html><head><title>Metro opens | Courier</title></head>\
//!     <body><nav><a href='/'>Home</a></nav><article><h1>Metro opens</h1>\
//!     <p>The new line opened on Sunday &amp; carried 5,000 people, officials said.</p>\
//!     </article><footer>All rights reserved.</footer></body></html>";
//! assert!(brief::html::looks_like_html(page));
//! let page = brief::html::extract(page);
//! assert_eq!(page.title.as_deref(), Some("Metro opens"));
//! assert_eq!(page.text, "Metro opens\n\nThe new line opened on Sunday & carried 5,000 people, officials said.");
//! ```

mod content;
mod guard;
mod hidden;
mod hints;
mod meta;
mod vocabulary;
mod writer;

use scraper::Html;

use crate::Lang;
use content::Page;
pub use guard::{
    BYTES_PER_TAG, MAX_ATTRIBUTES_PER_TAG, MAX_NESTING, MAX_OPEN_FORMATTING, TAG_ALLOWANCE,
};
use guard::{bound_tags, cap_attributes, find};

/// What [`extract`] found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Extracted {
    /// The headline: the page's `<h1>` nearest the content, else `<title>`
    /// without the site name.
    pub title: Option<String>,
    /// The title (if any) and the body paragraphs, separated by blank lines; a
    /// `<br>` is a single line break. Entities are decoded. This is what the
    /// pipeline reads: the headline is the brief's first sentence candidate.
    pub text: String,
    /// The body paragraphs alone, without the headline: the article text as
    /// extraction benchmarks count it.
    pub body: String,
    /// When the article was published, as the page states it (a `<meta>`
    /// publication date or the first `<time datetime>`), unparsed.
    pub date: Option<String>,
    /// Who wrote it, as the page states it (`<meta name=author>`, a
    /// `rel=author` link, or a short byline element), never part of `body`.
    pub byline: Option<String>,
    /// The language declared by `<html lang>`, when it is a valid code.
    pub lang: Option<Lang>,
}

/// Whether `text` is plainly an HTML document rather than text that mentions a
/// tag: after a byte-order mark, whitespace, comments and an XML declaration
/// it starts with `<!DOCTYPE html`, `<html`, `<head` or `<body`.
pub fn looks_like_html(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}');
    // A few leading comments or declarations at most: a page never has many.
    for _ in 0..16 {
        rest = rest.trim_start();
        if rest.starts_with("<!--") {
            match rest.find("-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
        } else if rest.starts_with("<?xml") {
            match rest.find("?>") {
                Some(end) => rest = &rest[end + 2..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let head = rest.as_bytes();
    let starts_with_tag = |tag: &[u8]| {
        head.len() > tag.len()
            && head[..tag.len()].eq_ignore_ascii_case(tag)
            && matches!(
                head[tag.len()],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/'
            )
    };
    starts_with_tag(b"<!doctype html")
        || starts_with_tag(b"<html")
        || starts_with_tag(b"<head")
        || starts_with_tag(b"<body")
}

/// The encoding a page declares in a `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` within its first
/// 1024 bytes, as browsers look for it (simplified: the first `charset` label
/// inside a `<meta` tag). A declared UTF-16 means UTF-8, as in browsers, since
/// the declaration itself was readable as ASCII. For the input reader: old
/// Russian and Persian pages are often windows-1251 or windows-1256.
///
/// ```
/// let page = b"<html><head><meta charset=\"windows-1251\"><title>\xcd\xee\xe2\xee\xf1\xf2\xe8</title>";
/// assert_eq!(brief::html::declared_encoding(page), Some(encoding_rs::WINDOWS_1251));
/// assert_eq!(brief::html::declared_encoding(b"<html><p>charset=koi8-r</p>"), None);
/// ```
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(meta) = find(&lower, from, b"<meta") {
        let tag_end = find(&lower, meta, b">").unwrap_or(lower.len());
        let tag = &lower[meta..tag_end];
        from = tag_end;
        let Some(at) = find(tag, 0, b"charset") else {
            continue;
        };
        let mut rest = &tag[at + b"charset".len()..];
        rest = rest.trim_ascii_start();
        let Some(after_equals) = rest.strip_prefix(b"=") else {
            continue;
        };
        let value = after_equals.trim_ascii_start();
        let value = value
            .strip_prefix(b"\"")
            .or_else(|| value.strip_prefix(b"'"))
            .unwrap_or(value);
        let label_len = value
            .iter()
            .take_while(|b| {
                !matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') && !b.is_ascii_whitespace()
            })
            .count();
        let encoding = encoding_rs::Encoding::for_label(&value[..label_len])?;
        return Some(match encoding.name() {
            "UTF-16LE" | "UTF-16BE" => encoding_rs::UTF_8,
            "x-user-defined" => encoding_rs::WINDOWS_1252,
            _ => encoding,
        });
    }
    None
}

/// Extracts the article from an HTML page: its title and body paragraphs,
/// without navigation, banners, ads, related-story lists, comments, footers,
/// captions, forms, scripts, styles and hidden elements.
///
/// Never panics and works on any input (a text that is not HTML comes out as
/// its text). Deterministic. Time is linear in the input, apart from html5ever's
/// handling of attributes, which [`MAX_ATTRIBUTES_PER_TAG`] bounds.
pub fn extract(html: &str) -> Extracted {
    let capped = cap_attributes(html);
    let flattened = bound_tags(&capped);
    let document = Html::parse_document(&flattened);
    let page = Page::build(&document);
    page.extract()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_pages;
