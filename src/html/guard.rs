//! Linear pre-scans of the raw markup that keep html5ever out of its
//! quadratic cases: too many attributes on one tag, too deep a nesting.

use std::borrow::Cow;

/// Attributes kept per tag. html5ever checks each new attribute against the
/// ones already seen in its tag, so a tag with n attributes costs n² time; real
/// pages have a handful, and the ones extraction reads come first in practice.
pub const MAX_ATTRIBUTES_PER_TAG: usize = 256;

/// Cuts every start tag down to [`MAX_ATTRIBUTES_PER_TAG`] attribute-like
/// items. Works on the raw text with a rough scan (a `<` followed by a
/// letter up to the next `>`), which may also cut inside scripts or comments;
/// that only happens past the limit, where the page is abnormal anyway.
pub(super) fn cap_attributes(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            let mut j = i + 1;
            let mut items = 0usize;
            let mut in_space = false;
            let mut quote: Option<u8> = None;
            let mut cut_from = None;
            while j < bytes.len() {
                let b = bytes[j];
                match quote {
                    Some(q) if b == q => quote = None,
                    Some(_) => {}
                    None if b == b'>' => break,
                    None if b == b'"' || b == b'\'' => quote = Some(b),
                    None if b.is_ascii_whitespace() => in_space = true,
                    None => {
                        if in_space {
                            items += 1;
                            if items > MAX_ATTRIBUTES_PER_TAG && cut_from.is_none() {
                                cut_from = Some(j);
                            }
                        }
                        in_space = false;
                    }
                }
                j += 1;
            }
            if let Some(from) = cut_from {
                cuts.push((from, j));
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    apply_cuts(html, &cuts)
}

/// Open elements kept nested. html5ever looks through the stack of open
/// elements for most new tags, so n nested tags cost n² time, and each tag
/// below the deepest costs up to this many steps; real pages nest a few
/// dozen deep.
pub const MAX_NESTING: usize = 256;

/// Elements that never nest: void ones, and those whose end tag may be left
/// out (html5ever closes them by itself, so they do not pile up).
const UNNESTED_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
    "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
    "frame", "keygen",
];

/// Elements whose content is raw text, where a `<` starts no tag.
const RAW_TEXT_TAGS: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Removes the tags of elements nested deeper than [`MAX_NESTING`], keeping
/// their text, with a rough scan of the raw markup (the same as html5ever's
/// tokenizer for well-formed tags; comments and raw-text elements are skipped).
/// Pages below the limit are returned as they are.
pub(super) fn cap_nesting(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut removed_open = 0usize;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        let start = i + offset;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = find(bytes, name_start + name_len, b">").map_or(bytes.len(), |e| e + 1);
        i = tag_end;
        if !closing && RAW_TEXT_TAGS.contains(&name.as_str()) {
            // Skip to the matching end tag; its own `</name` is handled next round.
            let end_tag = format!("</{name}");
            i = find_ignore_case(bytes, tag_end, end_tag.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if UNNESTED_TAGS.contains(&name.as_str()) {
            continue;
        }
        if closing {
            if removed_open > 0 {
                removed_open -= 1;
                cuts.push((start, tag_end));
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if depth >= MAX_NESTING {
            removed_open += 1;
            cuts.push((start, tag_end));
        } else {
            depth += 1;
        }
    }
    apply_cuts(html, &cuts)
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

pub(super) fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// The text without the byte ranges in `cuts` (sorted, disjoint, at ASCII
/// bytes, so every end is a char boundary).
fn apply_cuts<'a>(html: &'a str, cuts: &[(usize, usize)]) -> Cow<'a, str> {
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for &(from, to) in cuts {
        out.push_str(&html[last..from]);
        last = to;
    }
    out.push_str(&html[last..]);
    Cow::Owned(out)
}
