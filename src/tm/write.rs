//! Writing a memory as TMX 1.4b.

use std::ops::Range;

use quick_xml::events::Event;

use super::read::Base;
use super::{EXPORT_PROP, Entry, Memory, Meta, Variant, attr, prop};
use crate::error::{Error, Result};
use crate::formats::tmx::{self, Insert, MetaOut, TuOut, TuvOut};
use crate::formats::xml::XmlOut;
use crate::formats::{TOOL_NAME, TOOL_VERSION};

fn meta_out(meta: &[Meta]) -> Vec<MetaOut<'_>> {
    meta.iter()
        .map(|m| match m {
            Meta::Note(text) => MetaOut::Note(text),
            Meta::Prop { kind, lang, text } => MetaOut::Prop {
                kind,
                lang: lang.as_deref(),
                text,
            },
        })
        .collect()
}

fn pairs<'a>(attrs: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    attrs.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn variant_out(v: &Variant) -> TuvOut<'_> {
    let mut attrs = vec![("xml:lang", &*v.lang)];
    attrs.extend(pairs(&v.attrs));
    TuvOut {
        attrs,
        meta: meta_out(&v.meta),
        seg: &v.text,
    }
}

fn unit_out(entry: &Entry) -> TuOut<'_> {
    TuOut {
        attrs: pairs(&entry.attrs),
        meta: meta_out(&entry.meta),
        variants: entry.variants.iter().map(variant_out).collect(),
    }
}

pub(super) fn to_tmx(memory: &Memory) -> Result<Vec<u8>> {
    match &memory.base {
        Some(base) => in_place(memory, base),
        None => fresh(memory),
    }
}

/// A memory that was never a file: a new TMX 1.4b document.
fn fresh(memory: &Memory) -> Result<Vec<u8>> {
    let header = [
        ("creationtool", TOOL_NAME),
        ("creationtoolversion", TOOL_VERSION),
        ("segtype", "sentence"),
        ("o-tmf", TOOL_NAME),
        ("adminlang", "en"),
        ("srclang", memory.header_srclang()),
        ("datatype", "plaintext"),
    ];
    tmx::write_document(&header, &[], memory.entries.iter().map(|e| Ok(unit_out(e))))
}

fn refused(what: &str) -> Error {
    Error::Input {
        path: "translation memory".into(),
        message: what.to_string(),
    }
}

/// The memory as read, with the units this update changed rewritten in
/// their place and the new units added at the end of `<body>`; every other
/// byte (prolog, header, comments, units not changed) as it was.
fn in_place(memory: &Memory, base: &Base) -> Result<Vec<u8>> {
    if base.utf16 {
        return Err(refused(
            "is UTF-16 or UTF-32: brief writes memories in UTF-8 only, and would not write it back \
             as it was; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8, or -f UTF-32)",
        ));
    }
    let text = base.text.as_str();
    let mut out: Vec<u8> = Vec::with_capacity(text.len() + 4096);
    if base.bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    let mut cursor = 0;
    let mut added = XmlOut::fragment(2);
    for entry in &memory.entries {
        match &entry.span {
            Some(span) if span.start >= cursor => {
                out.extend_from_slice(&text.as_bytes()[cursor..span.start]);
                let raw = &text[span.clone()];
                if entry.edited {
                    out.extend_from_slice(patch_unit(entry, raw)?.as_bytes());
                } else {
                    out.extend_from_slice(raw.as_bytes());
                }
                cursor = span.end;
            }
            _ => tmx::write_unit(&mut added, &unit_out(entry))?,
        }
    }
    let added = added.into_bytes();
    match &base.insert {
        Insert::At(at) => {
            let at = (*at).max(cursor);
            out.extend_from_slice(&text.as_bytes()[cursor..at]);
            out.extend_from_slice(&added);
            out.extend_from_slice(&text.as_bytes()[at..]);
        }
        Insert::EmptyBody(body) => {
            out.extend_from_slice(&text.as_bytes()[cursor..body.start]);
            if added.is_empty() {
                out.extend_from_slice(&text.as_bytes()[body.clone()]);
            } else {
                out.extend_from_slice(b"<body>");
                out.extend_from_slice(&added);
                out.extend_from_slice(b"\n  </body>");
            }
            out.extend_from_slice(&text.as_bytes()[body.end..]);
        }
    }
    Ok(out)
}

/// Where the parts of one `<tuv>` lie in a unit's text.
#[derive(Debug, Default)]
struct TuvSpans {
    whole: Range<usize>,
    start_tag: Range<usize>,
    seg: Option<Range<usize>>,
    export_prop: Option<Range<usize>>,
}

/// The `<tu>` start tag and the `<tuv>`s of a unit's text (well-formed: it
/// was read by the guarded reader).
fn unit_spans(raw: &str) -> Result<(Range<usize>, Vec<TuvSpans>)> {
    let mut reader = quick_xml::Reader::from_str(raw);
    reader.config_mut().expand_empty_elements = false;
    let mut depth = 0usize;
    let mut tu_tag = 0..0;
    let mut tuvs: Vec<TuvSpans> = Vec::new();
    // (where the open prop started, whether it is brief's export prop)
    let mut prop: Option<(usize, bool)> = None;
    loop {
        let pos = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| refused(&format!("a unit could not be read again: {e}")))?;
        let end = reader.buffer_position() as usize;
        match event {
            Event::Start(e) | Event::Empty(e) if depth == 0 => {
                tu_tag = pos..end;
                if e.local_name().as_ref() == "tu" && raw[pos..end].ends_with("/>") {
                    break;
                }
                depth = 1;
            }
            Event::Start(e) => {
                match (depth, e.local_name().as_ref()) {
                    (1, "tuv") => tuvs.push(TuvSpans {
                        whole: pos..0,
                        start_tag: pos..end,
                        ..TuvSpans::default()
                    }),
                    (2, "seg") => {
                        if let Some(t) = tuvs.last_mut() {
                            t.seg = Some(pos..0);
                        }
                    }
                    (2, "prop") => {
                        let ours = e
                            .attributes()
                            .flatten()
                            .any(|a| a.key.0 == "type" && *a.value == *EXPORT_PROP);
                        prop = Some((pos, ours));
                    }
                    _ => {}
                }
                depth += 1;
            }
            Event::Empty(e) => match (depth, e.local_name().as_ref()) {
                (1, "tuv") => tuvs.push(TuvSpans {
                    whole: pos..end,
                    start_tag: pos..end,
                    ..TuvSpans::default()
                }),
                (2, "seg") => {
                    if let Some(t) = tuvs.last_mut() {
                        t.seg = Some(pos..end);
                    }
                }
                _ => {}
            },
            Event::End(e) => {
                depth -= 1;
                match (depth, e.local_name().as_ref()) {
                    (0, _) => break,
                    (1, "tuv") => {
                        if let Some(t) = tuvs.last_mut() {
                            t.whole.end = end;
                        }
                    }
                    (2, "seg") => {
                        if let Some(seg) = tuvs.last_mut().and_then(|t| t.seg.as_mut()) {
                            seg.end = end;
                        }
                    }
                    (2, "prop") => {
                        if let (Some((at, true)), Some(t)) = (prop.take(), tuvs.last_mut()) {
                            t.export_prop.get_or_insert(at..end);
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((tu_tag, tuvs))
}

/// `tag` (a start tag as written) with the attribute `name` set to `value`:
/// replaced where it is, else added before the tag's end.
fn set_tag_attr(tag: &str, name: &str, value: &str) -> String {
    let escaped = quick_xml::escape::escape(value);
    let bytes = tag.as_bytes();
    // Skip `<` and the element name.
    let mut i = 1;
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' && bytes[i] != b'/'
    {
        i += 1;
    }
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' || bytes[i] == b'/' {
            break;
        }
        let name_start = i;
        while i < bytes.len() && bytes[i] != b'=' && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let attr = &tag[name_start..i];
        while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\'' {
            i += 1;
        }
        let Some(&quote) = bytes.get(i) else { break };
        let value_start = i + 1;
        let value_end = tag[value_start..]
            .find(quote as char)
            .map_or(tag.len(), |j| value_start + j);
        if attr == name {
            return format!("{}{}{}", &tag[..value_start], escaped, &tag[value_end..]);
        }
        i = value_end + 1;
    }
    let end = if tag.ends_with("/>") {
        tag.len() - 2
    } else {
        tag.len() - 1
    };
    let end = tag[..end].trim_end().len();
    format!("{} {name}=\"{escaped}\"{}", &tag[..end], &tag[end..])
}

/// One element written alone, without the line break the writer puts first.
fn element_text(write: impl FnOnce(&mut XmlOut) -> Result<()>) -> Result<String> {
    let mut out = XmlOut::fragment(0);
    write(&mut out)?;
    let bytes = out.into_bytes();
    let text = String::from_utf8(bytes).map_err(|_| refused("wrote invalid UTF-8"))?;
    Ok(text.trim_start_matches('\n').to_string())
}

/// A unit changed by an update, rewritten from its text as read: the
/// `<tu>`'s `changedate` set, each replaced `<tuv>` given its new `<seg>`,
/// `changedate` and export prop, new `<tuv>`s added after the last one;
/// everything else (other variants, inline codes, notes, props) as it was.
fn patch_unit(entry: &Entry, raw: &str) -> Result<String> {
    let (tu_tag, tuvs) = unit_spans(raw)?;
    if tuvs.len() != entry.read_variants || tu_tag.end == raw.len() {
        return Err(refused(&format!(
            "a changed unit ({}) could not be matched to its text; not rewriting the memory",
            entry.from.as_ref().map_or(0, |f| f.1)
        )));
    }
    let mut out = String::with_capacity(raw.len() + 512);
    let mut tag = raw[tu_tag.clone()].to_string();
    if let Some(date) = attr(&entry.attrs, "changedate") {
        tag = set_tag_attr(&tag, "changedate", date);
    }
    out.push_str(&tag);
    let mut cursor = tu_tag.end;
    for (v, spans) in entry.variants.iter().zip(&tuvs) {
        if !v.edited {
            continue;
        }
        let Some(seg) = spans.seg.clone() else {
            return Err(refused("a changed <tuv> has no <seg>"));
        };
        out.push_str(&raw[cursor..spans.start_tag.start]);
        let mut tag = raw[spans.start_tag.clone()].to_string();
        if let Some(date) = attr(&v.attrs, "changedate") {
            tag = set_tag_attr(&tag, "changedate", date);
        }
        out.push_str(&tag);
        let export = prop(&v.meta, EXPORT_PROP);
        let new_prop = match export {
            Some(id) => element_text(|o| o.leaf("prop", &[("type", EXPORT_PROP)], id))?,
            None => String::new(),
        };
        let new_seg = element_text(|o| o.leaf("seg", &[], &v.text))?;
        match &spans.export_prop {
            Some(p) if p.end <= seg.start => {
                out.push_str(&raw[spans.start_tag.end..p.start]);
                out.push_str(&new_prop);
                out.push_str(&raw[p.end..seg.start]);
            }
            _ => {
                out.push_str(&raw[spans.start_tag.end..seg.start]);
                out.push_str(&new_prop);
            }
        }
        out.push_str(&new_seg);
        cursor = seg.end;
    }
    let last_tuv_end = tuvs.last().map_or(tu_tag.end, |t| t.whole.end);
    out.push_str(&raw[cursor..last_tuv_end]);
    if entry.variants.len() > entry.read_variants {
        let mut added = XmlOut::fragment(3);
        for v in &entry.variants[entry.read_variants..] {
            tmx::write_variant(&mut added, &variant_out(v))?;
        }
        let added =
            String::from_utf8(added.into_bytes()).map_err(|_| refused("wrote invalid UTF-8"))?;
        out.push_str(&added);
    }
    out.push_str(&raw[last_tuv_end..]);
    Ok(out)
}
