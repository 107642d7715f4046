//! Updating a memory and writing it as TMX 1.4b.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::{
    EXPORT_PROP, Entry, Memory, Meta, NewTranslation, TmxDate, UpdateSummary, Variant, attr, lang,
    set_attr, set_prop, text,
};
use crate::error::{Error, Result};
use crate::formats::xml::{XmlOut, check_text};
use crate::formats::{TOOL_NAME, TOOL_VERSION};

const WHAT: &str = "translation memory update";

pub(super) fn update(
    memory: &mut Memory,
    translations: &[NewTranslation<'_>],
    export_id: &str,
    date: &TmxDate,
) -> Result<UpdateSummary> {
    // Validate everything first, so that a failure changes nothing.
    if export_id.trim().is_empty() {
        return Err(Error::InvalidSetting {
            key: "export id".into(),
            message: "must not be empty".into(),
        });
    }
    check_text(export_id, WHAT)?;
    for t in translations {
        for tag in [t.source_lang, t.target_lang] {
            if !lang::is_valid(tag) {
                return Err(Error::InvalidLanguage(tag.to_string()));
            }
        }
        check_text(t.source, WHAT)?;
        check_text(t.target, WHAT)?;
    }

    let mut summary = UpdateSummary::default();
    // Per source primary language: normalized source -> units, built only
    // for the languages this update uses.
    let mut by_source: HashMap<String, HashMap<String, Vec<usize>>> = HashMap::new();
    let mut tuids: Option<HashSet<String>> = None;
    for t in translations {
        let source_key = lang::key(t.source_lang);
        let target_key = lang::key(t.target_lang);
        let normalized = text::normalize(t.source);
        if normalized.is_empty()
            || text::normalize(t.target).is_empty()
            || lang::match_level(&source_key, &target_key).is_some()
        {
            summary.skipped += 1;
            continue;
        }
        let primary = lang::primary(&source_key).to_string();
        let sources = by_source
            .entry(primary.clone())
            .or_insert_with(|| sources_of(memory, &primary));
        let existing = sources.get(&normalized).and_then(|units| {
            units.iter().copied().find(|&u| {
                memory.entries[u].variants.iter().any(|v| {
                    lang::match_level(&source_key, &v.lang_key).is_some()
                        && text::normalize(&v.text) == normalized
                })
            })
        });
        match existing {
            Some(u) => {
                let entry = &mut memory.entries[u];
                match entry
                    .variants
                    .iter_mut()
                    .find(|v| *v.lang_key == *target_key)
                {
                    Some(v) if v.text == t.target => {
                        summary.unchanged += 1;
                        continue;
                    }
                    Some(v) => {
                        v.text = t.target.to_string();
                        v.markup = 0;
                        set_attr(&mut v.attrs, "changedate", date.as_str());
                        set_prop(&mut v.meta, EXPORT_PROP, export_id);
                    }
                    None => {
                        entry
                            .variants
                            .push(new_variant(t.target, t.target_lang, export_id, date))
                    }
                }
                set_attr(&mut entry.attrs, "changedate", date.as_str());
                summary.updated += 1;
            }
            None => {
                let tuids = tuids.get_or_insert_with(|| {
                    memory
                        .entries
                        .iter()
                        .filter_map(|e| attr(&e.attrs, "tuid").map(str::to_string))
                        .collect()
                });
                let tuid = new_tuid(&primary, &normalized, tuids);
                let mut source = new_variant(t.source, t.source_lang, export_id, date);
                source.meta.clear();
                memory.entries.push(Entry {
                    attrs: vec![("tuid", tuid), ("creationdate", date.as_str().into())],
                    meta: vec![Meta::Prop {
                        kind: Cow::Borrowed(EXPORT_PROP),
                        lang: None,
                        text: export_id.into(),
                    }],
                    variants: vec![
                        source,
                        new_variant(t.target, t.target_lang, export_id, date),
                    ],
                    from: None,
                });
                sources
                    .entry(normalized)
                    .or_default()
                    .push(memory.entries.len() - 1);
                memory.note_source_lang(t.source_lang);
                summary.added += 1;
            }
        }
    }
    Ok(summary)
}

/// Normalized text -> units, over the variants in one primary language.
fn sources_of(memory: &Memory, primary: &str) -> HashMap<String, Vec<usize>> {
    let mut map: HashMap<String, Vec<usize>> = HashMap::new();
    for (u, e) in memory.entries.iter().enumerate() {
        for v in &e.variants {
            if lang::primary(&v.lang_key) == primary {
                let units = map.entry(text::normalize(&v.text)).or_default();
                if units.last() != Some(&u) {
                    units.push(u);
                }
            }
        }
    }
    map
}

fn new_variant(text: &str, tag: &str, export_id: &str, date: &TmxDate) -> Variant {
    Variant {
        lang: Arc::from(tag),
        lang_key: Arc::from(lang::key(tag)),
        attrs: vec![("creationdate", date.as_str().into())],
        meta: vec![Meta::Prop {
            kind: Cow::Borrowed(EXPORT_PROP),
            lang: None,
            text: export_id.into(),
        }],
        text: text.to_string(),
        markup: 0,
    }
}

/// A tuid derived from the source, so that the same sentence gets the same
/// id in every memory brief writes; made unique against `taken`.
fn new_tuid(primary: &str, normalized: &str, taken: &mut HashSet<String>) -> String {
    let digest = Sha256::digest(format!("{primary}\n{normalized}").as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let base = format!("brief-{hex}");
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

fn write_meta(out: &mut XmlOut, meta: &[Meta]) -> Result<()> {
    for m in meta {
        match m {
            Meta::Note(text) => out.leaf("note", &[], text)?,
            Meta::Prop { kind, lang, text } => {
                let mut attrs: Vec<(&str, &str)> = vec![("type", kind.as_ref())];
                if let Some(l) = lang {
                    attrs.push(("xml:lang", l));
                }
                out.leaf("prop", &attrs, text)?
            }
        }
    }
    Ok(())
}

fn pairs<'a>(attrs: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    attrs.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

pub(super) fn to_tmx(memory: &Memory) -> Result<Vec<u8>> {
    let mut out = XmlOut::new()?;
    out.doctype(r#"tmx SYSTEM "tmx14.dtd""#)?;
    out.open("tmx", &[("version", "1.4")])?;
    out.empty(
        "header",
        &[
            ("creationtool", TOOL_NAME),
            ("creationtoolversion", TOOL_VERSION),
            ("segtype", "sentence"),
            ("o-tmf", TOOL_NAME),
            ("adminlang", "en"),
            ("srclang", memory.srclang.as_deref().unwrap_or("*all*")),
            ("datatype", "plaintext"),
        ],
    )?;
    out.open("body", &[])?;
    for entry in &memory.entries {
        out.open("tu", &pairs(&entry.attrs))?;
        write_meta(&mut out, &entry.meta)?;
        for v in &entry.variants {
            let mut attrs = vec![("xml:lang", &*v.lang)];
            attrs.extend(pairs(&v.attrs));
            out.open("tuv", &attrs)?;
            write_meta(&mut out, &v.meta)?;
            out.leaf("seg", &[], &v.text)?;
            out.close("tuv")?;
        }
        out.close("tu")?;
    }
    out.close("body")?;
    out.close("tmx")?;
    out.finish()
}
