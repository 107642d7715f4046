//! XLIFF 2.0 and 2.1: one `<file>` per run of units from the same document,
//! one `<unit>` with one `<segment>` per sentence, metadata in the `mda`
//! module and the neighbouring sentences as unit-level notes.

use std::collections::BTreeMap;
use std::path::Path;

use super::inline::{self, Dialect};
use super::xml::{Element, XmlOut, check_text, check_unit_text};
use super::{
    Aids, Format, LanguageTag, Render, TargetMode, TargetState, Unit, UnitFile, check_read_text,
    check_unit, context_notes, invalid, read_tag, required, required_tag, runs,
};
use crate::error::Result;

/// The XLIFF 2 core namespace (also used by version 2.1).
pub const NS_CORE: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// The XLIFF 2 metadata module namespace.
pub const NS_MDA: &str = "urn:oasis:names:tc:xliff:metadata:2.0";
/// The XLIFF 2 translation candidates module namespace.
pub const NS_MTC: &str = "urn:oasis:names:tc:xliff:matches:2.0";
/// The XLIFF 2 glossary module namespace.
pub const NS_GLS: &str = "urn:oasis:names:tc:xliff:glossary:2.0";
/// The id of the one segment of a unit with candidates or terms: their
/// `ref` must point to a segment (or a span) of the unit.
const SEGMENT_ID: &str = "seg1";

fn dir(tag: &LanguageTag) -> &'static str {
    if tag.is_rtl() { "rtl" } else { "ltr" }
}

/// Writes one XLIFF 2 file (`version` "2.0" or "2.1").
pub(crate) fn write(render: &Render<'_>, version: &str) -> Result<Vec<u8>> {
    let src_dir = dir(render.source);
    let trg_dir = dir(render.target);
    let mut out = XmlOut::new()?;
    let mut root = vec![("xmlns", NS_CORE), ("xmlns:mda", NS_MDA)];
    // Declared only when used, so files without aids stay as they were.
    if render
        .aids
        .iter()
        .any(|a| !a.candidates.is_empty() || a.machine().is_some())
    {
        root.push(("xmlns:mtc", NS_MTC));
    }
    if render.aids.iter().any(|a| !a.terms.is_empty()) {
        root.push(("xmlns:gls", NS_GLS));
    }
    root.extend([
        ("version", version),
        ("srcLang", render.source.as_str()),
        ("trgLang", render.target.as_str()),
    ]);
    out.open("xliff", &root)?;
    let mut index = 0usize;
    for (f, run) in runs(render.units).into_iter().enumerate() {
        let file_id = format!("f{}", f + 1);
        let original = super::run_document(run)?;
        out.open(
            "file",
            &[
                ("id", &file_id),
                ("original", original),
                ("canResegment", "no"),
                ("srcDir", src_dir),
                ("trgDir", trg_dir),
                ("xml:space", "preserve"),
            ],
        )?;
        for u in run {
            let aid = render.aids.get(index);
            index += 1;
            write_unit(&mut out, u, aid, render.mode, (src_dir, trg_dir))?;
        }
        out.close("file")?;
    }
    out.close("xliff")?;
    out.finish()
}

/// Writes one unit: its metadata, aids, context notes and the segment with
/// its target (a memory's exact match, a filled target, or `mode`'s).
fn write_unit(
    out: &mut XmlOut,
    u: &Unit,
    aid: Option<&Aids>,
    mode: TargetMode,
    (src_dir, trg_dir): (&str, &str),
) -> Result<()> {
    check_unit_text(&u.source, &u.place())?;
    out.open(
        "unit",
        &[("id", &u.id), ("srcDir", src_dir), ("trgDir", trg_dir)],
    )?;
    out.open("mda:metadata", &[])?;
    out.open("mda:metaGroup", &[("category", "brief")])?;
    // The neighbours go into notes, where translators see them.
    for (key, value) in u
        .meta()
        .iter()
        .filter(|(k, _)| !matches!(*k, "previous" | "next"))
    {
        out.leaf("mda:meta", &[("type", key)], value)?;
    }
    out.close("mda:metaGroup")?;
    out.close("mda:metadata")?;
    if let Some(a) = aid {
        write_aids(out, a, u)?;
    }
    let notes = context_notes(u);
    if !notes.is_empty() {
        out.open("notes", &[])?;
        for (id, text) in &notes {
            check_text(text, &format!("context of {}", u.place()))?;
            out.leaf(
                "note",
                &[("id", id), ("category", "context"), ("appliesTo", "source")],
                text,
            )?;
        }
        if let Some(exact) = aid.and_then(|a| a.exact.as_ref()) {
            let text = format!("Target from translation memory: {}", exact.origin);
            check_text(&text, &format!("memory note of {}", u.place()))?;
            out.leaf(
                "note",
                &[("id", "tm"), ("category", "tm"), ("appliesTo", "target")],
                &text,
            )?;
        }
        out.close("notes")?;
    }
    let exact = aid.and_then(|a| a.exact.as_ref());
    let referenced = aid
        .is_some_and(|a| !a.candidates.is_empty() || !a.terms.is_empty() || a.machine().is_some());
    let filled = aid.and_then(|a| a.filled.as_ref());
    let state = if exact.is_some() || filled.is_some_and(|f| f.machine.is_none()) {
        "translated"
    } else {
        "initial"
    };
    // Machine translation stays "initial" (not reviewed), its origin
    // in brief's own subState.
    let sub_state = filled
        .and_then(|f| f.machine.as_deref())
        .map(|engine| format!("brief:mt-{engine}"));
    let mut attrs: Vec<(&str, &str)> = Vec::new();
    if referenced {
        attrs.push(("id", SEGMENT_ID));
    }
    attrs.push(("state", state));
    if let Some(sub) = &sub_state {
        attrs.push(("subState", sub));
    }
    out.open("segment", &attrs)?;
    out.leaf("source", &[], &u.source)?;
    if let Some(f) = filled {
        check_text(&f.text, &format!("target of {}", u.place()))?;
        out.leaf("target", &[], &f.text)?;
        out.close("segment")?;
        out.close("unit")?;
        return Ok(());
    }
    match exact {
        Some(s) => {
            check_text(&s.target, &format!("memory target of {}", u.place()))?;
            out.leaf("target", &[], &s.target)?;
        }
        None => {
            if let Some(t) = mode.initial(u) {
                out.leaf("target", &[], t)?;
            }
        }
    }
    out.close("segment")?;
    out.close("unit")?;
    Ok(())
}

/// Writes a unit's memory candidates (`mtc:matches`) and glossary terms
/// (`gls:glossary`): both are module elements, allowed before `<notes>`.
fn write_aids(out: &mut XmlOut, aids: &Aids, u: &Unit) -> Result<()> {
    let reference = format!("#{SEGMENT_ID}");
    // A machine target is also recorded as the match it is (type `mt`),
    // naming the engine, as the Translation Candidates module provides.
    let machine = aids
        .filled
        .as_ref()
        .and_then(|f| Some((f.machine.as_deref()?, &f.text)));
    if !aids.candidates.is_empty() || machine.is_some() {
        out.open("mtc:matches", &[])?;
        if let Some((engine, text)) = machine {
            let origin = format!("brief-mt:{engine}");
            check_text(&origin, &format!("machine origin of {}", u.place()))?;
            out.open(
                "mtc:match",
                &[("ref", &reference), ("type", "mt"), ("origin", &origin)],
            )?;
            out.leaf("source", &[], &u.source)?;
            out.leaf("target", &[], text)?;
            out.close("mtc:match")?;
        }
        for c in &aids.candidates {
            for text in [&c.source, &c.target, &c.origin] {
                check_text(text, &format!("memory match of {}", u.place()))?;
            }
            let quality = format!("{}.0", c.score);
            out.open(
                "mtc:match",
                &[
                    ("ref", &reference),
                    ("type", "tm"),
                    ("matchQuality", &quality),
                    ("origin", &c.origin),
                ],
            )?;
            out.leaf("source", &[], &c.source)?;
            out.leaf("target", &[], &c.target)?;
            out.close("mtc:match")?;
        }
        out.close("mtc:matches")?;
    }
    if !aids.terms.is_empty() {
        out.open("gls:glossary", &[])?;
        for t in &aids.terms {
            check_text(&t.term, &format!("glossary term of {}", u.place()))?;
            out.open("gls:glossEntry", &[("ref", &reference)])?;
            out.leaf("gls:term", &[("source", "glossary")], &t.term)?;
            for tr in &t.translations {
                check_text(tr, &format!("glossary term of {}", u.place()))?;
                out.leaf("gls:translation", &[], tr)?;
            }
            out.close("gls:glossEntry")?;
        }
        out.close("gls:glossary")?;
    }
    Ok(())
}

/// Reads an XLIFF 2.x document. Only elements in the file's XLIFF namespace
/// count (a `<x:target xmlns:x="urn:other">` is not a target).
pub(crate) fn read(root: &Element, path: &Path) -> Result<UnitFile> {
    let ns = root.ns.as_deref();
    let mut warnings = Vec::new();
    let source_lang = required_tag(root, "srcLang", path, &mut warnings)?;
    let target_lang = match root.attr("trgLang") {
        Some(t) => Some(read_tag(t, "trgLang", path, &mut warnings)?),
        None => None,
    };
    let version = root.attr("version").unwrap_or("2.0");
    let mut units = Vec::new();
    let files: Vec<&Element> = inline::children(root, ns, "file").collect();
    if files.is_empty() {
        return Err(invalid(path, "XLIFF 2 file without any <file> element"));
    }
    for file in files {
        collect_units(file, ns, path, &mut units, 0)?;
    }
    let has_targets = units.iter().any(|u: &Unit| u.target.is_some());
    let target_lang = match target_lang {
        Some(t) => t,
        None if has_targets => {
            return Err(invalid(
                path,
                "has <target> elements but no trgLang on <xliff>",
            ));
        }
        None => {
            return Err(invalid(
                path,
                "no trgLang on <xliff>: which language is this?",
            ));
        }
    };
    Ok(UnitFile {
        path: path.to_path_buf(),
        format: if version.starts_with("2.0") {
            Format::Xliff20
        } else {
            Format::Xliff21
        },
        source_lang,
        target_lang,
        units,
        warnings,
    })
}

fn collect_units(
    parent: &Element,
    ns: Option<&str>,
    path: &Path,
    units: &mut Vec<Unit>,
    depth: usize,
) -> Result<()> {
    for el in parent.elements().filter(|e| e.ns.as_deref() == ns) {
        match el.name.as_str() {
            "group" if depth < 32 => collect_units(el, ns, path, units, depth + 1)?,
            "unit" => {
                let unit = read_unit(el, ns, path)?;
                check_unit(&unit, path)?;
                units.push(unit);
            }
            _ => {}
        }
    }
    Ok(())
}

fn read_unit(unit: &Element, ns: Option<&str>, path: &Path) -> Result<Unit> {
    let id = required(unit, "id", path)?.to_string();
    check_read_text(&id, "id", &id, path)?;
    let mut meta = BTreeMap::new();
    for md in unit
        .elements()
        .filter(|e| e.ns.as_deref() == Some(NS_MDA) && e.name == "metadata")
    {
        for group in md.children_named("metaGroup") {
            for m in group.children_named("meta") {
                if let Some(kind) = m.attr("type") {
                    meta.insert(kind.to_string(), m.text());
                }
            }
        }
    }
    let text = |el: &Element, what: &str| {
        inline::text(el, ns, Dialect::Xliff2)
            .map_err(|e| invalid(path, format!("unit {id}: {what}: {e}")))
    };
    // Several segments (a tool resegmented the unit) are joined with the
    // text of the <ignorable>s between them.
    let mut source = String::new();
    let mut target = String::new();
    let (mut segments, mut translated, mut initial) = (0usize, 0usize, 0usize);
    let mut machine_segments = 0usize;
    for part in unit.elements().filter(|e| e.ns.as_deref() == ns) {
        let is_segment = part.name == "segment";
        if !is_segment && part.name != "ignorable" {
            continue;
        }
        let only = |name| {
            inline::only_child(part, ns, name).map_err(|e| invalid(path, format!("unit {id}: {e}")))
        };
        let Some(src_el) = only("source")? else {
            return Err(invalid(
                path,
                format!("unit {id}: <{}> without <source>", part.name),
            ));
        };
        let src = text(src_el, "source")?;
        let trg = match only("target")? {
            Some(t) => Some(text(t, "target")?),
            None => None,
        };
        if is_segment {
            segments += 1;
            // Blank as merge and check see it: ZWNJ or bidi marks alone
            // are no translation of a segment either.
            let has_text = trg
                .as_deref()
                .is_some_and(|t| !crate::invisible::is_blank(t));
            translated += usize::from(has_text);
            // "initial" is the state a segment has before anyone translated
            // it; XLIFF 2 has three others, all translated. Any other value
            // (another version's "needs-translation") says nothing certain:
            // read as not translated, never published on a guess.
            let state = part.attr("state");
            if has_text && state.is_some_and(|s| !matches!(s, "translated" | "reviewed" | "final"))
            {
                // brief translate's mark: a machine's, not reviewed. A
                // translator who confirms it changes the state.
                let machine = part
                    .attr("subState")
                    .is_some_and(|s| s.starts_with(super::MACHINE_SUBSTATE_PREFIX));
                if machine {
                    machine_segments += 1;
                } else {
                    initial += 1;
                }
            }
            target.push_str(trg.as_deref().unwrap_or(""));
        } else {
            // An <ignorable> without a target keeps its source text (spaces).
            target.push_str(trg.as_deref().unwrap_or(&src));
        }
        source.push_str(&src);
    }
    if segments == 0 {
        return Err(invalid(path, format!("unit {id} has no <segment>")));
    }
    let state = if translated > 0 && translated < segments {
        TargetState::Partial
    } else if initial > 0 {
        TargetState::Initial
    } else if machine_segments > 0 {
        TargetState::Machine
    } else {
        TargetState::Unspecified
    };
    let target = (translated > 0).then_some(target);
    let mut out = Unit::new(id, source, target);
    out.state = state;
    for (k, v) in &meta {
        out.set_meta(k, v);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(body: &str, trg: &str) -> Result<UnitFile> {
        let xml = format!(
            r#"<xliff xmlns="{NS_CORE}" xmlns:x="urn:other" version="2.0" srcLang="en" trgLang="{trg}"><file id="f1">{body}</file></xliff>"#
        );
        let root = super::super::xml::parse(&xml, Path::new("t.xlf"))?;
        read(&root, Path::new("t.xlf"))
    }

    #[test]
    fn a_target_in_another_namespace_is_no_target() {
        let f = read_str(
            r#"<unit id="s1"><segment><source>One.</source><x:target>یک</x:target></segment></unit>"#,
            "fa",
        )
        .unwrap();
        assert_eq!(f.units[0].target, None);
    }

    #[test]
    fn segments_are_joined_and_a_partial_unit_is_marked() {
        let f = read_str(
            r#"<unit id="s1"><segment state="translated"><source>One.</source><target>یک.</target></segment><ignorable><source> </source></ignorable><segment><source>Two.</source><target>دو.</target></segment></unit>
               <unit id="s2"><segment state="translated"><source>A.</source><target>الف.</target></segment><ignorable><source> </source></ignorable><segment><source>B.</source><target></target></segment></unit>
               <unit id="s3"><segment state="initial"><source>C.</source><target>ج.</target></segment></unit>"#,
            "fa",
        )
        .unwrap();
        assert_eq!(f.units[0].source, "One. Two.");
        assert_eq!(f.units[0].target.as_deref(), Some("یک. دو."));
        assert_eq!(f.units[0].state, TargetState::Unspecified);
        assert_eq!(f.units[1].state, TargetState::Partial);
        assert_eq!(f.units[2].state, TargetState::Initial);
        // A segment whose target is only a ZWNJ and a bidi mark is not translated.
        let f = read_str(
            "<unit id=\"s1\"><segment><source>A.</source><target>الف.</target></segment><segment><source>B.</source><target>\u{200C}\u{200F}</target></segment></unit>",
            "fa",
        )
        .unwrap();
        assert_eq!(f.units[0].state, TargetState::Partial);
    }

    #[test]
    fn language_tags_are_validated_and_canonical() {
        let unit =
            r#"<unit id="s1"><segment><source>One.</source><target>یک</target></segment></unit>"#;
        assert_eq!(read_str(unit, "FA").unwrap().target_lang, "fa");
        let f = read_str(unit, "fa_ir").unwrap();
        assert_eq!(f.target_lang, "fa-IR");
        assert_eq!(f.warnings.len(), 1);
        let err = read_str(unit, "x/../../escaped").unwrap_err().to_string();
        assert!(
            err.contains("t.xlf") && err.contains("not a BCP 47"),
            "{err}"
        );
        let xml = format!(
            r#"<xliff xmlns="{NS_CORE}" version="2.0" srcLang="english!" trgLang="fa"><file id="f1">{unit}</file></xliff>"#
        );
        let root = super::super::xml::parse(&xml, Path::new("t.xlf")).unwrap();
        assert!(
            read(&root, Path::new("t.xlf"))
                .unwrap_err()
                .to_string()
                .contains("srcLang")
        );
    }

    #[test]
    fn inline_codes_without_text_are_refused_naming_the_unit() {
        let err = read_str(
            r#"<unit id="s7"><segment><source>One.</source><target>یک<ph id="1"/></target></segment></unit>"#,
            "fa",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("unit s7: target") && err.contains("<ph"),
            "{err}"
        );
    }
}
