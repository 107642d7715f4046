//! Linear pre-scans of the raw markup that keep html5ever out of its
//! quadratic cases: too many attributes on one tag, too deep a nesting.

use std::borrow::Cow;

/// Attributes kept per tag. html5ever checks each new attribute against the
/// ones already seen in its tag, so a tag with n attributes costs n² time; real
/// pages have a handful, and the ones extraction reads come first in practice.
pub const MAX_ATTRIBUTES_PER_TAG: usize = 256;

/// Cuts every start tag down to [`MAX_ATTRIBUTES_PER_TAG`] attribute-like
/// items. Works on the raw text with a rough scan (a `<` followed by a
/// letter up to the next `>`), skipping comments and the content of
/// raw-text elements (a script's `0<arguments.length` followed by hundreds
/// of words is no tag: cutting there once removed the script's end tag and
/// with it a whole page).
pub(super) fn cap_attributes(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"<!--") {
            i = find(bytes, i + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if bytes[i] == b'<' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            let start = i;
            let mut j = i + 1;
            let mut items = 0usize;
            let mut in_space = false;
            let mut quote: Option<u8> = None;
            // A quote opens a value only after `=`, as in html5ever's
            // tokenizer: elsewhere (`style="" );"`) it is part of a name.
            let mut after_equals = false;
            let mut cut_from = None;
            while j < bytes.len() {
                let b = bytes[j];
                match quote {
                    Some(q) if b == q => quote = None,
                    Some(_) => {}
                    None if b == b'>' => break,
                    None if after_equals && (b == b'"' || b == b'\'') => {
                        quote = Some(b);
                        after_equals = false;
                    }
                    None if b.is_ascii_whitespace() => in_space = true,
                    None => {
                        after_equals = b == b'=';
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
            // A script's `a<b` is no tag: skip raw text to its end tag.
            let name_len = bytes[start + 1..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let name = html[start + 1..start + 1 + name_len].to_ascii_lowercase();
            if RAW_TEXT_TAGS.contains(&name.as_str()) {
                let end_tag = format!("</{name}");
                i = find_ignore_case(bytes, i, end_tag.as_bytes()).unwrap_or(bytes.len());
            }
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

/// Formatting elements (`b`, `i`, `font`, …) kept open at once. html5ever
/// re-creates every open formatting element in each new block (the HTML
/// standard's "reconstruct the active formatting elements"), so a page with n
/// unclosed `<b id=…>` and m paragraphs builds n × m elements; real pages
/// have a handful open.
pub const MAX_OPEN_FORMATTING: usize = 12;

/// Tags (and comments) every page may have, whatever its size.
pub const TAG_ALLOWANCE: usize = 65_536;

/// Bytes of page per further tag. With [`TAG_ALLOWANCE`] this bounds the
/// nodes of the parsed tree, and so its memory, by the page's size: a page
/// of 1 MB keeps up to about 109,000 tags (real ones have a quarter of that);
/// past the budget, tags are removed and their text kept, and comments are
/// removed.
pub const BYTES_PER_TAG: usize = 24;

/// Formatting elements in the HTML standard's sense.
const FORMATTING_TAGS: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Bounds the tree html5ever builds from a page, with one linear scan of the
/// raw markup that sees tags as html5ever's tokenizer does for well-formed
/// ones (comments and raw-text elements are skipped whole):
///
/// * elements nested deeper than [`MAX_NESTING`] lose their tags;
/// * formatting elements beyond [`MAX_OPEN_FORMATTING`] open at once lose
///   their tags;
/// * each tag costs one node, plus one for every formatting element open (the
///   most html5ever can re-create after it); once the page's budget of
///   [`TAG_ALLOWANCE`] + size / [`BYTES_PER_TAG`] is spent, further tags lose
///   their markup and comments and raw-text elements are removed.
///
/// Text is always kept. Pages within the limits are returned as they are.
pub(super) fn bound_tags(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let budget = TAG_ALLOWANCE + html.len() / BYTES_PER_TAG;
    let mut spent = 0usize;
    let mut depth = 0usize;
    let mut removed_open = 0usize;
    // Open formatting elements, as html5ever's list of active ones (roughly).
    let mut formatting: Vec<String> = Vec::new();
    let mut removed_formatting: Vec<(String, usize)> = Vec::new();
    let mut out = Cutter::new(html);
    let mut i = 0;
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        let start = i + offset;
        let rest = &bytes[start..];
        let over_budget = spent >= budget;
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            spent += 1;
            if over_budget {
                out.cut(start, i);
            }
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        if matches!(rest.get(1), Some(b'!' | b'?'))
            || (closing && rest.get(2).is_some_and(|b| !b.is_ascii_alphabetic()))
        {
            // A doctype or bogus comment: one node, to the next `>`.
            i = find(bytes, start + 1, b">").map_or(bytes.len(), |e| e + 1);
            spent += 1;
            if over_budget {
                out.cut(start, i);
            }
            continue;
        }
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
        spent += 1 + formatting.len();
        if !closing && RAW_TEXT_TAGS.contains(&name.as_str()) {
            // Skip to the matching end tag; its own `</name` is handled next round.
            let end_tag = format!("</{name}");
            i = find_ignore_case(bytes, tag_end, end_tag.as_bytes()).unwrap_or(bytes.len());
            if over_budget {
                // Its content would become text: remove the element whole.
                let end = find(bytes, i, b">").map_or(bytes.len(), |e| e + 1);
                out.cut(start, end);
                i = end;
            }
            continue;
        }
        if over_budget {
            out.cut(start, tag_end);
            continue;
        }
        if closing && RAW_TEXT_TAGS.contains(&name.as_str()) {
            // Its start tag did not count either.
            continue;
        }
        if FORMATTING_TAGS.contains(&name.as_str()) {
            if closing {
                if let Some(entry) = removed_formatting
                    .iter_mut()
                    .find(|(n, c)| *n == name && *c > 0)
                {
                    entry.1 -= 1;
                    out.cut(start, tag_end);
                    continue;
                }
                if let Some(at) = formatting.iter().rposition(|n| *n == name) {
                    formatting.remove(at);
                }
            } else {
                // A new `<a>` or `<nobr>` closes an open one first.
                if (name == "a" || name == "nobr")
                    && let Some(at) = formatting.iter().rposition(|n| *n == name)
                {
                    formatting.remove(at);
                }
                if formatting.len() >= MAX_OPEN_FORMATTING {
                    match removed_formatting.iter_mut().find(|(n, _)| *n == name) {
                        Some(entry) => entry.1 += 1,
                        None => removed_formatting.push((name, 1)),
                    }
                    out.cut(start, tag_end);
                    continue;
                }
                formatting.push(name.clone());
            }
        }
        if UNNESTED_TAGS.contains(&name.as_str()) {
            continue;
        }
        if closing {
            if removed_open > 0 {
                removed_open -= 1;
                out.cut(start, tag_end);
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if depth >= MAX_NESTING {
            removed_open += 1;
            out.cut(start, tag_end);
        } else {
            depth += 1;
        }
    }
    out.finish()
}

/// The text with byte ranges removed (given in order, disjoint, at ASCII
/// bytes, so every end is a char boundary); copies only once a cut is made.
struct Cutter<'a> {
    html: &'a str,
    out: Option<String>,
    last: usize,
}

impl<'a> Cutter<'a> {
    fn new(html: &'a str) -> Cutter<'a> {
        Cutter {
            html,
            out: None,
            last: 0,
        }
    }

    fn cut(&mut self, from: usize, to: usize) {
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.html.len()));
        out.push_str(&self.html[self.last..from]);
        self.last = to;
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.html),
            Some(mut out) => {
                out.push_str(&self.html[self.last..]);
                Cow::Owned(out)
            }
        }
    }
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
