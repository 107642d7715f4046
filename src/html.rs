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

use std::borrow::Cow;
use std::ops::Deref;

use scraper::{Html, Node};

use crate::Lang;

/// What [`extract`] found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Extracted {
    /// The headline: the page's `<h1>` nearest the content, else `<title>`
    /// without the site name.
    pub title: Option<String>,
    /// The title (if any) and the body paragraphs, separated by blank lines; a
    /// `<br>` is a single line break. Entities are decoded.
    pub text: String,
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
    let flattened = cap_nesting(&capped);
    let document = Html::parse_document(&flattened);
    let page = Page::build(&document);
    page.extract()
}

/// Attributes kept per tag. html5ever checks each new attribute against the
/// ones already seen in its tag, so a tag with n attributes costs n² time; real
/// pages have a handful, and the ones extraction reads come first in practice.
pub const MAX_ATTRIBUTES_PER_TAG: usize = 256;

/// Cuts every start tag down to [`MAX_ATTRIBUTES_PER_TAG`] attribute-like
/// items. Works on the raw text with a rough scan (a `<` followed by a
/// letter up to the next `>`), which may also cut inside scripts or comments;
/// that only happens past the limit, where the page is abnormal anyway.
fn cap_attributes(html: &str) -> Cow<'_, str> {
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
fn cap_nesting(html: &str) -> Cow<'_, str> {
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

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
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

/// Elements whose content is never article text.
const DROPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "map",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "label",
    "figure",
    "figcaption",
    "dialog",
    "menu",
    "address",
    "head",
    "title",
    "meta",
    "link",
];

/// Elements that start and end a paragraph of the output.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Roles whose elements are never the article.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
    "form",
];

/// Words of `class`/`id` that mark boilerplate. A word matches a class or id
/// token it begins (`comment` matches `comments`, not `recomment`); tokens are
/// split at anything but letters and digits. The Russian and Persian words are
/// the common ones on sites that name classes in their language.
const NEGATIVE_HINTS: &[&str] = &[
    "ad",
    "ads",
    "adsbygoogle",
    "advert",
    "advertisement",
    "adslot",
    "banner",
    "breadcrumb",
    "byline",
    "author",
    "caption",
    "comment",
    "consent",
    "cookie",
    "disqus",
    "footer",
    "gdpr",
    "menu",
    "modal",
    "more",
    "mostread",
    "most",
    "nav",
    "newsletter",
    "outbrain",
    "popular",
    "popup",
    "promo",
    "recommend",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsor",
    "subscribe",
    "taboola",
    "tags",
    "toolbar",
    "trending",
    "widget",
    // ru
    "реклам",
    "баннер",
    "коммент",
    "меню",
    "подвал",
    "поделит",
    "читайте",
    "популярн",
    "автор",
    "подпис",
    "теги",
    // fa
    "تبلیغ",
    "آگهی",
    "نظر",
    "مرتبط",
    "منو",
    "پربازدید",
    "برچسب",
    "نویسنده",
    "کوکی",
];

/// Words of `class`/`id` that mark the article.
const POSITIVE_HINTS: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text", // en
    "статья",
    "статьи",
    "текст",
    "материал", // ru
    "متن",
    "خبر",
    "مطلب", // fa
];

/// Characters of class and id looked at: hints are near the start, and a
/// crafted page must not make this step slow.
const MAX_HINT_BYTES: usize = 512;

/// Characters of `<title>` kept.
const MAX_TITLE_CHARS: usize = 1000;

/// A paragraph shorter than this (in chars) does not count for scoring.
const MIN_SCORED_CHARS: usize = 25;

/// An element whose text is more than this share link text is a link list.
const MAX_LINK_DENSITY: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Element,
    Text,
    Other,
}

/// One node of the page in document order; `end` is one past the last node of
/// its subtree, so a subtree is the range `index..end` and skipping it is a jump.
#[derive(Debug)]
struct Item<'a> {
    kind: Kind,
    /// Lowercase local name for elements, the text for text nodes.
    name: &'a str,
    parent: usize,
    end: usize,
    /// Removed with its subtree: boilerplate or hidden.
    dropped: bool,
    /// Class/id weight: positive for article hints, negative for boilerplate.
    hint: i32,
    /// Chars of text below (dropped subtrees excluded), and of it inside links.
    text_chars: usize,
    link_chars: usize,
    commas: usize,
    /// Accumulated content score (elements only).
    score: f64,
    /// Whether the subtree holds an `<h1>`, `<article>` or `<main>`, which keeps
    /// a hinted ancestor from being dropped with the article inside it.
    holds_landmark: bool,
    /// Whether the subtree holds a block element.
    holds_block: bool,
}

const NO_PARENT: usize = usize::MAX;

struct Page<'a> {
    items: Vec<Item<'a>>,
    title_tag: Option<String>,
    lang: Option<Lang>,
}

impl<'a> Page<'a> {
    fn build(document: &'a Html) -> Page<'a> {
        let mut items: Vec<Item<'a>> = Vec::new();
        let mut own_drop: Vec<bool> = Vec::new();
        let mut stack: Vec<usize> = Vec::new();
        let mut title_tag = None;
        let mut lang = None;
        for edge in document.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => {
                    let parent = stack.last().copied().unwrap_or(NO_PARENT);
                    let index = items.len();
                    let value: &'a Node = node.value();
                    let (kind, name, drop_self, hint) = match value {
                        Node::Element(element) => {
                            let name = element.name();
                            if name == "title" && title_tag.is_none() {
                                let text: String = node
                                    .descendants()
                                    .filter_map(|d| d.value().as_text().map(|t| t.deref()))
                                    .collect();
                                // A real title is a line; a crafted one must not make
                                // the headline search (title × each h1) slow.
                                let title: String = collapse_whitespace(&text)
                                    .chars()
                                    .take(MAX_TITLE_CHARS)
                                    .collect();
                                title_tag = Some(title);
                            }
                            if name == "html" && lang.is_none() {
                                lang = element.attr("lang").and_then(|l| l.parse().ok());
                            }
                            let hint = hint_weight(element.attr("class"))
                                + hint_weight(element.attr("id"));
                            (Kind::Element, name, is_dropped(name, element), hint)
                        }
                        Node::Text(text) => (Kind::Text, text.deref(), false, 0),
                        Node::Document | Node::Fragment => (Kind::Other, "", false, 0),
                        _ => (Kind::Other, "", true, 0),
                    };
                    items.push(Item {
                        kind,
                        name,
                        parent,
                        end: index + 1,
                        dropped: false,
                        hint,
                        text_chars: 0,
                        link_chars: 0,
                        commas: 0,
                        score: 0.0,
                        holds_landmark: matches!(name, "h1" | "article" | "main")
                            && kind == Kind::Element,
                        holds_block: false,
                    });
                    own_drop.push(drop_self);
                    stack.push(index);
                }
                ego_tree::iter::Edge::Close(_) => {
                    if let Some(index) = stack.pop() {
                        items[index].end = items.len();
                    }
                }
            }
        }
        // Landmarks, bottom-up: children come after their parent.
        for index in (0..items.len()).rev() {
            let parent = items[index].parent;
            if parent != NO_PARENT {
                let is_block =
                    items[index].kind == Kind::Element && BLOCK_TAGS.contains(&items[index].name);
                if items[index].holds_landmark {
                    items[parent].holds_landmark = true;
                }
                if is_block || items[index].holds_block {
                    items[parent].holds_block = true;
                }
            }
        }
        // Dropping, top-down: a hinted element goes unless it holds the article.
        for index in 0..items.len() {
            let parent = items[index].parent;
            let by_hint = items[index].kind == Kind::Element
                && items[index].hint < 0
                && !items[index].holds_landmark
                && !matches!(items[index].name, "html" | "body");
            items[index].dropped =
                own_drop[index] || by_hint || (parent != NO_PARENT && items[parent].dropped);
        }
        // Text statistics, bottom-up.
        for index in (0..items.len()).rev() {
            if items[index].dropped {
                continue;
            }
            if items[index].kind == Kind::Text {
                let text = items[index].name;
                items[index].text_chars = text.chars().filter(|c| !c.is_whitespace()).count();
                items[index].commas = text
                    .chars()
                    .filter(|c| matches!(c, ',' | '،' | '、' | '，'))
                    .count();
            }
            if items[index].name == "a" && items[index].kind == Kind::Element {
                items[index].link_chars = items[index].text_chars;
            }
            let parent = items[index].parent;
            if parent != NO_PARENT {
                let (text, link, commas) = (
                    items[index].text_chars,
                    items[index].link_chars,
                    items[index].commas,
                );
                items[parent].text_chars += text;
                items[parent].link_chars += link;
                items[parent].commas += commas;
            }
        }
        Page {
            items,
            title_tag,
            lang,
        }
    }

    fn link_density(&self, index: usize) -> f64 {
        let item = &self.items[index];
        if item.text_chars == 0 {
            0.0
        } else {
            item.link_chars as f64 / item.text_chars as f64
        }
    }

    fn is_element(&self, index: usize, name: &str) -> bool {
        self.items[index].kind == Kind::Element && self.items[index].name == name
    }

    /// Readability's scoring: each paragraph adds to its parent, and less to
    /// the two elements above; an element's score then shrinks with its link
    /// density. Returns the best element, or `None` on a page without
    /// paragraphs.
    fn best_candidate(&mut self) -> Option<usize> {
        let count = self.items.len();
        for index in 0..count {
            let item = &self.items[index];
            let scorable = item.kind == Kind::Element
                && !item.dropped
                && matches!(
                    item.name,
                    "p" | "pre" | "td" | "blockquote" | "dd" | "div" | "section" | "li"
                )
                && !(item.holds_block && matches!(item.name, "div" | "section" | "li" | "td"));
            let bare_text = item.kind == Kind::Text && !item.dropped && {
                let parent = item.parent;
                parent != NO_PARENT && self.items[parent].holds_block
            };
            if !(scorable || bare_text) || item.text_chars < MIN_SCORED_CHARS {
                continue;
            }
            if self.link_density(index) > MAX_LINK_DENSITY {
                continue;
            }
            let points = 1.0 + item.commas as f64 + (item.text_chars as f64 / 100.0).min(3.0);
            let mut ancestor = item.parent;
            for level in 0..3 {
                if ancestor == NO_PARENT {
                    break;
                }
                let share = match level {
                    0 => 1.0,
                    1 => 0.5,
                    _ => 1.0 / 6.0,
                };
                self.items[ancestor].score += points * share;
                ancestor = self.items[ancestor].parent;
            }
        }
        let mut best: Option<(usize, f64)> = None;
        for index in 0..count {
            let item = &self.items[index];
            if item.kind != Kind::Element || item.dropped || item.score == 0.0 {
                continue;
            }
            let tag_weight = match item.name {
                "article" | "main" => 10.0,
                "div" => 5.0,
                "pre" | "td" | "blockquote" => 3.0,
                "ol" | "ul" | "dl" | "dd" | "dt" | "li" => -3.0,
                _ => 0.0,
            };
            let total = (item.score + tag_weight + 25.0 * item.hint.signum() as f64)
                * (1.0 - self.link_density(index));
            self.items[index].score = total;
            // Strictly greater: the first of equal candidates wins.
            if best.is_none_or(|(_, top)| total > top) {
                best = Some((index, total));
            }
        }
        best.map(|(index, _)| index)
    }

    /// The subtrees that make up the article: the best candidate and those of
    /// its siblings that score close to it or are plain paragraphs.
    fn content_roots(&mut self) -> Vec<usize> {
        let Some(best) = self.best_candidate() else {
            return self
                .items
                .iter()
                .position(|item| item.kind == Kind::Element && item.name == "body")
                .into_iter()
                .collect();
        };
        let parent = self.items[best].parent;
        if parent == NO_PARENT {
            return vec![best];
        }
        let threshold = (self.items[best].score * 0.2).max(10.0);
        let mut roots = Vec::new();
        let mut child = parent + 1;
        while child < self.items[parent].end {
            let item = &self.items[child];
            let keep = child == best
                || (!item.dropped
                    && item.kind == Kind::Element
                    && (item.score >= threshold
                        || (item.name == "p"
                            && item.text_chars >= 80
                            && self.link_density(child) < 0.25)));
            if keep {
                roots.push(child);
            }
            child = item.end;
        }
        roots
    }

    /// The `<h1>` that is the headline: the first inside the content, else the
    /// one sharing most with `<title>`, else the first.
    fn headline(&self, roots: &[usize]) -> Option<usize> {
        let h1s: Vec<usize> = (0..self.items.len())
            .filter(|&i| self.is_element(i, "h1") && !self.items[i].dropped)
            .filter(|&i| self.items[i].text_chars > 0)
            .collect();
        if let Some(&inside) = h1s
            .iter()
            .find(|&&i| roots.iter().any(|&r| r <= i && i < self.items[r].end))
        {
            return Some(inside);
        }
        let title = self.title_tag.as_deref().unwrap_or("");
        let mut best: Option<(usize, usize)> = None;
        for &h1 in &h1s {
            let text = self.inline_text(h1);
            let fits = !text.is_empty() && text.chars().count() <= MAX_TITLE_CHARS;
            let shared = if fits && title.contains(text.as_str()) {
                text.len()
            } else {
                0
            };
            if best.is_none_or(|(_, top)| shared > top) {
                best = Some((h1, shared));
            }
        }
        best.map(|(h1, _)| h1)
    }

    /// The text of a subtree on one line.
    fn inline_text(&self, index: usize) -> String {
        let mut text = String::new();
        let mut i = index;
        while i < self.items[index].end {
            let item = &self.items[i];
            if item.dropped {
                i = item.end;
                continue;
            }
            if item.kind == Kind::Text {
                text.push_str(item.name);
            } else if item.kind == Kind::Element && item.name == "br" {
                text.push(' ');
            }
            i += 1;
        }
        collapse_whitespace(&text)
    }

    fn extract(mut self) -> Extracted {
        let roots = self.content_roots();
        let headline = self.headline(&roots);
        let title = match headline {
            Some(h1) => Some(self.inline_text(h1)),
            None => self.title_tag.as_deref().map(strip_site_name),
        }
        .filter(|t| !t.is_empty());
        let headline_in_content =
            headline.is_some_and(|h1| roots.iter().any(|&r| r <= h1 && h1 < self.items[r].end));

        let mut writer = Writer::new(!headline_in_content, title.is_some());
        for &root in &roots {
            self.write_subtree(root, headline, &mut writer);
        }
        let mut paragraphs = writer.finish();
        if let (Some(title), Some(first)) = (&title, paragraphs.first())
            && first == title
        {
            paragraphs.remove(0);
        }
        let mut text = String::new();
        for paragraph in title.iter().chain(paragraphs.iter()) {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(paragraph);
        }
        Extracted {
            title,
            text,
            lang: self.lang,
        }
    }

    /// Writes a subtree's paragraphs, iteratively (pages can nest deeply).
    fn write_subtree(&self, root: usize, headline: Option<usize>, writer: &mut Writer) {
        // Ends of the open block elements, innermost last.
        let mut open_blocks: Vec<(usize, bool)> = Vec::new();
        let mut i = root;
        let end = self.items[root].end;
        while i < end {
            while let Some(&(block_end, is_heading)) = open_blocks.last() {
                if block_end > i {
                    break;
                }
                open_blocks.pop();
                writer.end_paragraph(is_heading);
            }
            let item = &self.items[i];
            if item.dropped {
                i = item.end;
                continue;
            }
            match item.kind {
                Kind::Text => {
                    let in_pre = self.inside(i, root, "pre");
                    writer.text(item.name, in_pre, self.inside(i, root, "a"));
                }
                Kind::Element => {
                    if Some(i) == headline {
                        writer.reset();
                        writer.before_headline = false;
                        writer.header_zone = true;
                        i = item.end;
                        continue;
                    }
                    if i != root && self.link_density(i) > MAX_LINK_DENSITY {
                        i = item.end;
                        continue;
                    }
                    if item.name == "br" {
                        writer.line_break();
                    } else if BLOCK_TAGS.contains(&item.name) {
                        writer.end_paragraph(false);
                        let heading = matches!(item.name, "h2" | "h3" | "h4" | "h5" | "h6");
                        open_blocks.push((item.end, heading));
                    }
                }
                Kind::Other => {}
            }
            i += 1;
        }
        while let Some((_, is_heading)) = open_blocks.pop() {
            writer.end_paragraph(is_heading);
        }
        writer.end_paragraph(false);
    }

    /// Whether the node at `index` is inside a `name` element below `root`.
    /// Walks up at most a bounded number of levels: pre and links are shallow.
    fn inside(&self, index: usize, root: usize, name: &str) -> bool {
        let mut ancestor = self.items[index].parent;
        for _ in 0..32 {
            if ancestor == NO_PARENT || ancestor < root {
                return false;
            }
            if self.is_element(ancestor, name) {
                return true;
            }
            ancestor = self.items[ancestor].parent;
        }
        false
    }
}

/// Collects inline text into paragraphs.
struct Writer {
    paragraphs: Vec<String>,
    current: String,
    link_chars: usize,
    /// Before the headline inside the content: kickers, breadcrumbs, dates.
    before_headline: bool,
    /// Between the headline and the first real paragraph: bylines, dates,
    /// captions — short lines without a sentence end.
    header_zone: bool,
}

impl Writer {
    fn new(headline_elsewhere: bool, has_headline: bool) -> Writer {
        Writer {
            paragraphs: Vec::new(),
            current: String::new(),
            link_chars: 0,
            before_headline: !headline_elsewhere,
            header_zone: has_headline,
        }
    }

    fn reset(&mut self) {
        self.current.clear();
        self.link_chars = 0;
    }

    fn text(&mut self, text: &str, preformatted: bool, in_link: bool) {
        if in_link {
            self.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
        }
        if preformatted {
            self.current.push_str(text);
        } else {
            for c in text.chars() {
                if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                    if !self.current.ends_with([' ', '\n']) && !self.current.is_empty() {
                        self.current.push(' ');
                    }
                } else if c != '\u{ad}' {
                    // Soft hyphens only mark where a word may break.
                    self.current.push(c);
                }
            }
        }
    }

    fn line_break(&mut self) {
        while self.current.ends_with(' ') {
            self.current.pop();
        }
        self.current.push('\n');
    }

    /// Ends the paragraph being written; two line breaks in a row inside it
    /// (`<br><br>`) split it into paragraphs.
    fn end_paragraph(&mut self, is_heading: bool) {
        if self.current.trim().is_empty() {
            self.reset();
            return;
        }
        let text = std::mem::take(&mut self.current);
        let total: usize = text.chars().filter(|c| !c.is_whitespace()).count();
        let link_chars = self.link_chars;
        self.link_chars = 0;
        if self.before_headline
            || (total > 0 && link_chars as f64 / total as f64 > MAX_LINK_DENSITY)
        {
            return;
        }
        let mut lines: Vec<&str> = Vec::new();
        let mut blocks: Vec<String> = Vec::new();
        for line in text.split('\n').map(|l| l.trim_matches([' ', '\t'])) {
            if line.is_empty() {
                if !lines.is_empty() {
                    blocks.push(lines.join("\n"));
                    lines.clear();
                }
            } else {
                lines.push(line);
            }
        }
        if !lines.is_empty() {
            blocks.push(lines.join("\n"));
        }
        for block in blocks {
            if self.header_zone && !is_heading {
                if block.chars().count() < 100 && !ends_sentence(&block) {
                    continue;
                }
                self.header_zone = false;
            }
            self.paragraphs.push(block);
        }
    }

    fn finish(mut self) -> Vec<String> {
        self.end_paragraph(false);
        self.paragraphs
    }
}

/// Whether a paragraph ends like a sentence (possibly inside quotes).
fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '»', '”', '’', ')', ' ', '\u{a0}']);
    trimmed.ends_with(['.', '!', '?', '…', '؟', ';', '؛', ':', '。'])
}

/// The weight of a class or id attribute: -1 if a token begins with a
/// boilerplate word, +1 if with an article word, else 0.
fn hint_weight(attr: Option<&str>) -> i32 {
    let Some(value) = attr else { return 0 };
    let mut end = value.len().min(MAX_HINT_BYTES);
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    let value = value[..end].to_lowercase();
    let mut weight = 0;
    for token in value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        if NEGATIVE_HINTS.iter().any(|hint| hint_matches(token, hint)) {
            return -1;
        }
        if POSITIVE_HINTS.iter().any(|hint| hint_matches(token, hint)) {
            weight = 1;
        }
    }
    weight
}

/// Short English words must be the whole token (`ad` is not `adjust`, `nav`
/// not `navy`), longer ones may begin it (`comment` → `comments`).
fn hint_matches(token: &str, hint: &str) -> bool {
    if hint.is_ascii() && hint.len() <= 4 {
        token == hint
            || (token.starts_with(hint)
                && token[hint.len()..]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == 's'))
    } else {
        token.starts_with(hint)
    }
}

/// Elements dropped for what they are, whatever their class.
fn is_dropped(name: &str, element: &scraper::node::Element) -> bool {
    if DROPPED_TAGS.contains(&name) {
        return true;
    }
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(role) = element.attr("role")
        && DROPPED_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
    {
        return true;
    }
    if let Some(style) = element.attr("style") {
        let style: String = style
            .chars()
            .take(MAX_HINT_BYTES)
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Collapses runs of HTML whitespace into one space and trims.
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split([' ', '\t', '\n', '\r', '\x0c'])
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace('\u{ad}', "")
}

/// `<title>` without the site name: the longest part around ` | `, ` - `,
/// ` — `, ` – ` or ` :: `.
fn strip_site_name(title: &str) -> String {
    let mut parts = vec![title];
    for separator in [" | ", " — ", " – ", " - ", " :: ", " « ", " » "] {
        parts = parts.iter().flat_map(|p| p.split(separator)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .max_by_key(|p| p.chars().count())
        .unwrap_or("")
        .to_string()
}

#[cfg(test)]
mod tests;
