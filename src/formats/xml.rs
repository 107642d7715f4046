//! XML plumbing shared by the writers and readers: an indenting writer on top
//! of quick-xml that never indents inside text, and a guarded reader that
//! builds a small element tree.
//!
//! The reader accepts no DTD beyond TMX's own `<!DOCTYPE tmx SYSTEM
//! "tmx14.dtd">`, never resolves external entities, expands only the five
//! predefined entities and character references, and bounds the input size,
//! the element nesting depth, the number of elements and the namespace bytes
//! resolved (each element's namespace URI is shared, not copied, so a long
//! URI on millions of elements costs nothing per element; the total resolved
//! is still bounded so that time stays linear in the file size). Raw control
//! characters that XML 1.0 forbids are refused with their byte offset.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::{QName, ResolveResult};
use quick_xml::reader::NsReader;

use crate::error::{Error, Result};

/// The largest file the readers accept: the default input limit.
pub const MAX_INPUT_BYTES: usize = crate::input::DEFAULT_MAX_INPUT_BYTES as usize;
/// The deepest element nesting the readers accept.
pub const MAX_DEPTH: usize = 64;
/// The most elements one file may have (an export of 256 MiB has about 1.5
/// million); bounds the memory of the tree to about 1 GiB.
pub const MAX_ELEMENTS: usize = 4_000_000;
/// The most distinct namespace URIs one file may use.
pub const MAX_NAMESPACES: usize = 1024;
/// The longest namespace URI accepted.
pub const MAX_NAMESPACE_BYTES: usize = 4096;
/// Resolved namespace bytes (summed over elements) allowed per byte of input.
const NAMESPACE_BYTES_PER_INPUT_BYTE: usize = 64;

/// Characters XML 1.0 can carry: everything except most C0 controls,
/// surrogates (impossible in `str`) and U+FFFE/U+FFFF.
fn xml_char_ok(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Checks that `text` can be written to XML 1.0.
pub fn check_text(text: &str, what: &str) -> Result<()> {
    match text.chars().find(|&c| !xml_char_ok(c)) {
        None => Ok(()),
        Some(c) => Err(Error::Input {
            path: what.into(),
            message: format!(
                "contains the character U+{:04X}, which XML 1.0 cannot represent; remove it or use --format tsv/jsonl",
                c as u32
            ),
        }),
    }
}

/// Checks a unit's source or target before it is exported, in every
/// format: no control character but tab, line feed and carriage return
/// (form feed, vertical tab, ESC, NUL and the C1 controls are refused),
/// and nothing XML 1.0 cannot hold. It is the policy `brief merge` reads
/// with, so an export never writes a file that merge refuses.
pub fn check_unit_text(text: &str, what: &str) -> Result<()> {
    match text
        .chars()
        .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        None => check_text(text, what),
        Some(c) => Err(Error::Input {
            path: what.into(),
            message: format!(
                "contains the control character U+{:04X}, which brief neither exports nor merges (in any format); remove it from the input",
                c as u32
            ),
        }),
    }
}

/// The character reference that stands for `c` in element text (`&`,
/// `<`, `>`, and carriage returns, which an XML parser would otherwise turn
/// into line feeds) or, with `attr`, in an attribute value (also `"` and
/// the white space that attribute-value normalization would turn into
/// spaces).
fn reference(c: char, attr: bool) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '\r' => Some("&#13;"),
        '"' if attr => Some("&quot;"),
        '\t' if attr => Some("&#9;"),
        '\n' if attr => Some("&#10;"),
        _ => None,
    }
}

/// `text` with every character that needs it written as a reference.
fn escape(text: &str, attr: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| reference(c, attr).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match reference(c, attr) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// An XML document being written, two spaces per level, with text written
/// exactly as given (no white space added inside text-bearing elements).
pub struct XmlOut {
    writer: Writer<Vec<u8>>,
    depth: usize,
}

impl XmlOut {
    /// Starts a UTF-8 document with its XML declaration.
    pub fn new() -> Result<XmlOut> {
        let mut out = XmlOut {
            writer: Writer::new(Vec::with_capacity(64 * 1024)),
            depth: 0,
        };
        out.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(out)
    }

    /// Continues a document written elsewhere: no declaration, elements
    /// indented as inside `depth` open elements (units added to a memory
    /// that is otherwise kept as read).
    pub fn fragment(depth: usize) -> XmlOut {
        XmlOut {
            writer: Writer::new(Vec::with_capacity(4096)),
            depth,
        }
    }

    /// The bytes written so far, without a final newline (see [`XmlOut::fragment`]).
    pub fn into_bytes(self) -> Vec<u8> {
        self.writer.into_inner()
    }

    fn event(&mut self, event: Event<'_>) -> Result<()> {
        // Writing to a Vec cannot fail; map the error anyway rather than panic.
        self.writer
            .write_event(event)
            .map_err(|e| Error::io("<memory>", e))
    }

    fn newline(&mut self) -> Result<()> {
        let pad = format!("\n{}", "  ".repeat(self.depth));
        self.event(Event::Text(BytesText::from_escaped(pad)))
    }

    fn start_tag<'a>(name: &'a str, attrs: &[(&'a str, &str)]) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for (key, value) in attrs {
            start.push_attribute(Attribute {
                key: QName(key),
                value: Cow::Owned(escape(value, true).into_owned()),
            });
        }
        start
    }

    /// Writes a raw DOCTYPE declaration (a fixed string chosen by the caller).
    pub fn doctype(&mut self, decl: &str) -> Result<()> {
        self.newline()?;
        self.event(Event::DocType(BytesText::from_escaped(decl.to_string())))
    }

    /// Opens an element on its own line.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.newline()?;
        self.event(Event::Start(Self::start_tag(name, attrs)))?;
        self.depth += 1;
        Ok(())
    }

    /// Closes the element opened last, on its own line.
    pub fn close(&mut self, name: &str) -> Result<()> {
        self.depth = self.depth.saturating_sub(1);
        self.newline()?;
        self.event(Event::End(BytesEnd::new(name)))
    }

    /// An element holding only text, on one line.
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> Result<()> {
        self.newline()?;
        self.event(Event::Start(Self::start_tag(name, attrs)))?;
        if !text.is_empty() {
            self.event(Event::Text(BytesText::from_escaped(escape(text, false))))?;
        }
        self.event(Event::End(BytesEnd::new(name)))
    }

    /// An empty element.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.newline()?;
        self.event(Event::Empty(Self::start_tag(name, attrs)))
    }

    /// The finished document, ending with a newline.
    pub fn finish(mut self) -> Result<Vec<u8>> {
        self.event(Event::Text(BytesText::from_escaped("\n")))?;
        Ok(self.writer.into_inner())
    }
}

/// A parsed element.
#[derive(Debug, Clone, Default)]
pub struct Element {
    /// The namespace URI, if bound (shared by all elements in it).
    pub ns: Option<Arc<str>>,
    /// The local name.
    pub name: String,
    /// Attributes as (qualified name, normalized value), in document order.
    pub attrs: Vec<(String, String)>,
    /// Child nodes.
    pub children: Vec<Node>,
}

/// A child of an element.
#[derive(Debug, Clone)]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Character data (entities and character references resolved).
    Text(String),
}

impl Element {
    /// The value of the attribute with this qualified name.
    pub fn attr(&self, qname: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == qname)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// Child elements with this local name.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.name == name)
    }

    /// The first child element with this local name.
    pub fn child<'a>(&'a self, name: &'a str) -> Option<&'a Element> {
        self.children_named(name).next()
    }

    /// All text inside the element, inline elements included, in order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }
}

fn invalid(path: &Path, message: String) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        message,
    }
}

/// Parses `text` (already decoded) into its root element, refusing DTDs,
/// unknown entities, oversized input and deep nesting.
pub fn parse(text: &str, path: &Path) -> Result<Element> {
    parse_bounded(text, path, MAX_ELEMENTS)
}

fn parse_bounded(text: &str, path: &Path, max_elements: usize) -> Result<Element> {
    parse_split(
        text,
        path,
        MAX_INPUT_BYTES,
        max_elements,
        &mut |_, el, _| Ok(Some(el)),
    )
}

/// What [`parse_split`] hands each completed element to: its ancestors
/// (root first), the element and its byte span in `text`; the element comes
/// back (`Some`) to be attached to its parent, or is consumed (`None`).
pub(crate) type Split<'s> =
    dyn FnMut(&[Element], Element, std::ops::Range<usize>) -> Result<Option<Element>> + 's;

/// [`parse`] for documents too large to hold as a tree (a translation
/// memory): every completed element goes through `split`, which may consume
/// it, so only what it gives back is kept. The guards are [`parse`]'s,
/// with `max_bytes` for the input; `max_elements` bounds the elements held
/// at once, not those read.
pub(crate) fn parse_split(
    text: &str,
    path: &Path,
    max_bytes: usize,
    max_elements: usize,
    split: &mut Split<'_>,
) -> Result<Element> {
    if text.len() > max_bytes {
        return Err(invalid(
            path,
            format!("larger than {} MiB; refusing to read it", max_bytes >> 20),
        ));
    }
    check_raw_characters(text, path)?;
    let mut reader = NsReader::from_str(text);
    reader.config_mut().check_end_names = true;
    reader.config_mut().expand_empty_elements = false;
    let mut stack: Vec<Element> = Vec::new();
    // Where each open element starts, and how many elements it holds.
    let mut starts: Vec<(usize, usize)> = Vec::new();
    let mut root: Option<Element> = None;
    let mut namespaces = Namespaces::for_input(text.len());
    let mut elements = 0usize;
    loop {
        let pos = reader.buffer_position();
        let (resolved, event) = reader
            .read_resolved_event()
            .map_err(|e| invalid(path, format!("not well-formed XML near byte {pos}: {e}")))?;
        if matches!(event, Event::Start(_) | Event::Empty(_)) {
            elements += 1;
            if elements > max_elements {
                return Err(invalid(
                    path,
                    format!(
                        "more than {max_elements} elements near byte {pos}; refusing to read it"
                    ),
                ));
            }
        }
        let ns = match resolved {
            ResolveResult::Bound(ns) => Some(namespaces.intern(ns.0, path, pos)?),
            _ => None,
        };
        match event {
            Event::DocType(d) => check_doctype(&d.into_inner(), path)?,
            Event::Start(_) | Event::Empty(_) if root.is_some() => {
                return Err(invalid(
                    path,
                    format!("content after the root element near byte {pos}"),
                ));
            }
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(invalid(
                        path,
                        format!("elements nested deeper than {MAX_DEPTH} levels near byte {pos}"),
                    ));
                }
                stack.push(element(&start, ns, path, pos)?);
                starts.push((pos as usize, 1));
            }
            Event::Empty(start) => {
                let el = element(&start, ns, path, pos)?;
                let span = pos as usize..reader.buffer_position() as usize;
                match split(&stack, el, span)? {
                    Some(el) => match stack.last_mut() {
                        Some(parent) => {
                            parent.children.push(Node::Element(el));
                            if let Some(open) = starts.last_mut() {
                                open.1 += 1;
                            }
                        }
                        None => root = Some(el),
                    },
                    None => elements -= 1,
                }
            }
            Event::End(_) => {
                let (Some(el), Some((begin, held))) = (stack.pop(), starts.pop()) else {
                    return Err(invalid(path, format!("unexpected end tag near byte {pos}")));
                };
                let span = begin..reader.buffer_position() as usize;
                match split(&stack, el, span)? {
                    Some(el) => match stack.last_mut() {
                        Some(parent) => {
                            parent.children.push(Node::Element(el));
                            if let Some(open) = starts.last_mut() {
                                open.1 += held;
                            }
                        }
                        None => root = Some(el),
                    },
                    None => elements -= held,
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content(), path, pos)?,
            Event::CData(t) => push_text(&mut stack, &t.xml10_content(), path, pos)?,
            Event::GeneralRef(r) => {
                let resolved = resolve_reference(&r, path, pos)?;
                push_text(&mut stack, &resolved, path, pos)?;
            }
            Event::Comment(_) | Event::PI(_) | Event::Decl(_) => {}
            Event::Eof => break,
        }
    }
    if !stack.is_empty() {
        return Err(invalid(
            path,
            "unexpected end of file inside an element".into(),
        ));
    }
    root.ok_or_else(|| invalid(path, "no root element".into()))
}

/// Only TMX's own DOCTYPE is allowed: no entity declarations, no internal
/// subset (the way to billion-laughs and external entities).
fn check_doctype(decl: &str, path: &Path) -> Result<()> {
    let decl = decl.trim();
    let allowed =
        !decl.contains(['[', '<', '%', '&']) && decl.split_whitespace().next() == Some("tmx");
    if allowed {
        return Ok(());
    }
    Err(invalid(
        path,
        "a DOCTYPE with entity declarations or an internal subset is not allowed \
         (only TMX's <!DOCTYPE tmx SYSTEM \"tmx14.dtd\">)"
            .into(),
    ))
}

/// The text of a character reference or one of XML's five predefined
/// entities; any other reference is refused.
fn resolve_reference(r: &quick_xml::events::BytesRef<'_>, path: &Path, pos: u64) -> Result<String> {
    if r.is_char_ref() {
        return match r.resolve_char_ref() {
            Ok(Some(c)) if xml_char_ok(c) => Ok(c.to_string()),
            _ => Err(invalid(
                path,
                format!("invalid character reference near byte {pos}"),
            )),
        };
    }
    match &**r {
        "lt" => Ok("<".into()),
        "gt" => Ok(">".into()),
        "amp" => Ok("&".into()),
        "apos" => Ok("'".into()),
        "quot" => Ok("\"".into()),
        _ => Err(invalid(
            path,
            format!("reference to an undeclared entity near byte {pos}"),
        )),
    }
}

/// The namespace URIs of one document, each stored once.
struct Namespaces {
    interned: HashSet<Arc<str>>,
    last: Option<Arc<str>>,
    resolved_bytes: usize,
    budget: usize,
}

impl Namespaces {
    /// No namespace yet, and a budget of resolved bytes in proportion to an
    /// input of `len` bytes.
    fn for_input(len: usize) -> Namespaces {
        Namespaces {
            interned: HashSet::new(),
            last: None,
            resolved_bytes: 0,
            budget: len
                .saturating_mul(NAMESPACE_BYTES_PER_INPUT_BYTE)
                .saturating_add(1 << 20),
        }
    }
}

impl Namespaces {
    fn intern(&mut self, uri: &str, path: &Path, pos: u64) -> Result<Arc<str>> {
        self.resolved_bytes = self.resolved_bytes.saturating_add(uri.len());
        if self.resolved_bytes > self.budget {
            return Err(invalid(
                path,
                format!(
                    "namespace URIs near byte {pos} add up to more than {NAMESPACE_BYTES_PER_INPUT_BYTE} \
                     times the file size (namespace amplification); refusing to read it"
                ),
            ));
        }
        // Most elements share the namespace of the one before.
        if let Some(last) = &self.last
            && &**last == uri
        {
            return Ok(Arc::clone(last));
        }
        if uri.len() > MAX_NAMESPACE_BYTES {
            return Err(invalid(
                path,
                format!("a namespace URI longer than {MAX_NAMESPACE_BYTES} bytes near byte {pos}"),
            ));
        }
        let shared = match self.interned.get(uri) {
            Some(shared) => Arc::clone(shared),
            None => {
                if self.interned.len() >= MAX_NAMESPACES {
                    return Err(invalid(
                        path,
                        format!("more than {MAX_NAMESPACES} namespaces near byte {pos}"),
                    ));
                }
                let shared: Arc<str> = Arc::from(uri);
                self.interned.insert(Arc::clone(&shared));
                shared
            }
        };
        self.last = Some(Arc::clone(&shared));
        Ok(shared)
    }
}

/// Refuses the characters XML 1.0 forbids anywhere in a document (C0
/// controls other than tab, line feed and carriage return; U+FFFE, U+FFFF),
/// naming the byte offset, before the parser sees them.
fn check_raw_characters(text: &str, path: &Path) -> Result<()> {
    let bytes = text.as_bytes();
    let control = bytes
        .iter()
        .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'));
    let nonchar = memchr_ef_bf(bytes);
    let first = match (control, nonchar) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let Some(offset) = first else {
        return Ok(());
    };
    let c = text[offset..].chars().next().unwrap_or('\0');
    Err(invalid(
        path,
        format!(
            "the character U+{:04X} at byte {offset} is not allowed in XML 1.0",
            c as u32
        ),
    ))
}

/// The offset of the first U+FFFE or U+FFFF (UTF-8 `EF BF BE`/`EF BF BF`).
fn memchr_ef_bf(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(3)
        .position(|w| w[0] == 0xEF && w[1] == 0xBF && (w[2] == 0xBE || w[2] == 0xBF))
}

fn push_text(stack: &mut [Element], text: &str, path: &Path, pos: u64) -> Result<()> {
    match stack.last_mut() {
        Some(el) => {
            if let Some(Node::Text(prev)) = el.children.last_mut() {
                prev.push_str(text);
            } else {
                el.children.push(Node::Text(text.to_string()));
            }
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None => Err(invalid(
            path,
            format!("text outside the root element near byte {pos}"),
        )),
    }
}

fn element(start: &BytesStart<'_>, ns: Option<Arc<str>>, path: &Path, pos: u64) -> Result<Element> {
    let name = start.local_name().as_ref().to_string();
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr =
            attr.map_err(|e| invalid(path, format!("bad attribute near byte {pos}: {e}")))?;
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|_| {
                invalid(
                    path,
                    format!("attribute with an undeclared entity or bad reference near byte {pos}"),
                )
            })?;
        attrs.push((attr.key.0.to_string(), value.into_owned()));
    }
    Ok(Element {
        ns,
        name,
        attrs,
        children: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Element> {
        parse(s, Path::new("t.xml"))
    }

    #[test]
    fn text_round_trips_exactly() {
        let tricky = "Tom & \"Jerry\" <b> 'x' \r\n a\u{200C}b «» \t end";
        let mut out = XmlOut::new().unwrap();
        out.open("r", &[("a", tricky)]).unwrap();
        out.leaf("t", &[], tricky).unwrap();
        out.close("r").unwrap();
        let bytes = out.finish().unwrap();
        let root = p(std::str::from_utf8(&bytes).unwrap()).unwrap();
        assert_eq!(root.child("t").unwrap().text(), tricky);
        assert_eq!(root.attr("a"), Some(tricky));
    }

    #[test]
    fn entity_bombs_and_external_entities_are_refused() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>"#;
        let err = p(bomb).unwrap_err().to_string();
        assert!(err.contains("DOCTYPE"), "{err}");
        let xxe = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>"#;
        assert!(p(xxe).is_err());
        let undeclared = "<x>&e;</x>";
        assert!(
            p(undeclared)
                .unwrap_err()
                .to_string()
                .contains("undeclared")
        );
        assert!(p(r#"<!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx/>"#).is_ok());
        assert!(p(r#"<!DOCTYPE xliff SYSTEM "x.dtd"><xliff/>"#).is_err());
    }

    #[test]
    fn deep_nesting_and_bad_xml_are_refused() {
        let deep = format!("{}{}", "<a>".repeat(100), "</a>".repeat(100));
        assert!(p(&deep).unwrap_err().to_string().contains("nested"));
        assert!(p("<a><b></a>").is_err());
        assert!(p("<a>").is_err());
        assert!(p("").is_err());
        assert!(p("<a/><b/>").is_err());
        assert!(p("<a>&#0;</a>").is_err());
    }

    #[test]
    fn raw_control_characters_are_refused_with_the_byte_offset() {
        let err = p("<a>ok\u{1b}[2J</a>").unwrap_err().to_string();
        assert!(err.contains("U+001B at byte 5"), "{err}");
        let err = p("<a b=\"\u{1}\"/>").unwrap_err().to_string();
        assert!(err.contains("byte 6"), "{err}");
        let err = p("<a>\u{FFFF}</a>").unwrap_err().to_string();
        assert!(err.contains("U+FFFF at byte 3"), "{err}");
        assert!(p("<a>tab\tcr\rlf\n</a>").is_ok());
    }

    #[test]
    fn namespaces_are_shared_and_bounded() {
        let doc = r#"<r xmlns="urn:a" xmlns:b="urn:b"><x/><b:y/><x/></r>"#;
        let root = p(doc).unwrap();
        let kids: Vec<&Element> = root.elements().collect();
        let (x1, y, x2) = (
            kids[0].ns.as_ref().unwrap(),
            kids[1].ns.as_deref(),
            kids[2].ns.as_ref().unwrap(),
        );
        assert!(Arc::ptr_eq(x1, x2));
        assert!(Arc::ptr_eq(x1, root.ns.as_ref().unwrap()));
        assert_eq!(y, Some("urn:b"));
        // The amplification attack: a long URI on many small elements.
        let uri = "u".repeat(4000);
        let attack = format!(r#"<r xmlns:p="{uri}">{}</r>"#, "<p:a/>".repeat(100_000));
        let err = p(&attack).unwrap_err().to_string();
        assert!(err.contains("namespace amplification"), "{err}");
        let long = format!(r#"<r xmlns="{}"/>"#, "u".repeat(MAX_NAMESPACE_BYTES + 1));
        assert!(p(&long).unwrap_err().to_string().contains("longer than"));
        let many: String = (0..=MAX_NAMESPACES)
            .map(|i| format!(r#"<a xmlns="urn:{i}"/>"#))
            .collect();
        let err = p(&format!("<r>{many}</r>")).unwrap_err().to_string();
        assert!(err.contains("namespaces"), "{err}");
    }

    #[test]
    fn the_element_count_is_bounded() {
        let doc = format!("<r>{}</r>", "<a/>".repeat(100));
        assert!(parse_bounded(&doc, Path::new("t.xml"), 101).is_ok());
        let err = parse_bounded(&doc, Path::new("t.xml"), 100)
            .unwrap_err()
            .to_string();
        assert!(err.contains("more than 100 elements"), "{err}");
    }

    #[test]
    fn control_characters_are_reported() {
        assert!(check_text("ok\tok\n", "d").is_ok());
        assert!(check_text("bad\u{1}", "d").is_err());
    }
}
