//! XLIFF 1.2 (valid against the strict schema): one `<file>` per run of units
//! from the same document, one `<trans-unit>` per sentence, the
//! machine-readable data in a `<context-group>` with `x-brief-*` context
//! types, and the neighbouring sentences in a `<note>`.

use std::collections::BTreeMap;
use std::path::Path;

use super::inline::{self, Dialect};
use super::xml::{Element, XmlOut, check_text, check_unit_text};
use super::{
    Aids, Format, LanguageTag, Render, TOOL_NAME, TOOL_VERSION, TargetMode, TargetState, Unit,
    UnitFile, check_read_text, check_unit, context_notes, invalid, read_tag, required,
    required_tag, runs,
};
use crate::error::Result;

/// The XLIFF 1.2 namespace.
pub const NS_12: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// Writes one XLIFF 1.2 file.
pub(crate) fn write(render: &Render<'_>) -> Result<Vec<u8>> {
    let mut out = XmlOut::new()?;
    let mut index = 0usize;
    out.open("xliff", &[("xmlns", NS_12), ("version", "1.2")])?;
    for run in runs(render.units) {
        let original = super::run_document(run)?;
        out.open(
            "file",
            &[
                ("original", original),
                ("source-language", render.source.as_str()),
                ("target-language", render.target.as_str()),
                ("datatype", "plaintext"),
                ("tool-id", TOOL_NAME),
            ],
        )?;
        out.open("header", &[])?;
        out.empty(
            "tool",
            &[
                ("tool-id", TOOL_NAME),
                ("tool-name", TOOL_NAME),
                ("tool-version", TOOL_VERSION),
            ],
        )?;
        out.close("header")?;
        out.open("body", &[])?;
        for u in run {
            check_unit_text(&u.source, &u.place())?;
            out.open("trans-unit", &[("id", &u.id), ("xml:space", "preserve")])?;
            out.leaf("source", &[], &u.source)?;
            let aid = render.aids.get(index);
            index += 1;
            if let Some(f) = aid.and_then(|a| a.filled.as_ref()) {
                check_text(&f.text, &format!("target of {}", u.place()))?;
                match &f.machine {
                    Some(_) => out.leaf(
                        "target",
                        &[
                            ("state", "needs-review-translation"),
                            ("state-qualifier", "leveraged-mt"),
                        ],
                        &f.text,
                    )?,
                    None => out.leaf("target", &[("state", "translated")], &f.text)?,
                }
            } else if let Some(exact) = aid.and_then(|a| a.exact.as_ref()) {
                check_text(&exact.target, &format!("memory target of {}", u.place()))?;
                out.leaf("target", &[("state", "translated")], &exact.target)?;
            } else if let Some(t) = render.mode.initial(u) {
                // A copy of the source carries no state: OmegaT never updates
                // it, so "needs-translation" would stay on translated units.
                if render.mode == TargetMode::Source {
                    out.leaf("target", &[], t)?;
                } else {
                    out.leaf("target", &[("state", "new")], t)?;
                }
            }
            out.open(
                "context-group",
                &[
                    ("name", &format!("brief-{}", u.id)),
                    ("purpose", "information"),
                ],
            )?;
            // The document name has a standard context type; the rest are
            // brief's own. The neighbours go into notes.
            if let Some(doc) = &u.document {
                out.leaf("context", &[("context-type", "sourcefile")], doc)?;
            }
            for (key, value) in u
                .meta()
                .iter()
                .filter(|(k, _)| !matches!(*k, "document" | "previous" | "next"))
            {
                let kind = format!("x-brief-{key}");
                out.leaf("context", &[("context-type", &kind)], value)?;
            }
            out.close("context-group")?;
            // translate-toolkit reads locations only from this group: xliff2po
            // then writes "#: sN" and keeps repeated sources apart by id.
            out.open("context-group", &[("purpose", "location")])?;
            out.leaf("context", &[("context-type", "sourcefile")], &u.id)?;
            out.close("context-group")?;
            // from="developer": xliff2po keeps these as "#." comments.
            for (_, text) in context_notes(u) {
                check_text(&text, &format!("context of {}", u.place()))?;
                out.leaf(
                    "note",
                    &[("from", "developer"), ("annotates", "source")],
                    &text,
                )?;
            }
            if let Some(a) = aid {
                write_aids(&mut out, a, u, render.target)?;
            }
            out.close("trans-unit")?;
        }
        out.close("body")?;
        out.close("file")?;
    }
    out.close("xliff")?;
    out.finish()
}

/// Writes a unit's memory origin note, candidates (`<alt-trans>`, never
/// the target) and glossary terms (notes from "glossary").
fn write_aids(out: &mut XmlOut, aids: &Aids, u: &Unit, target: &LanguageTag) -> Result<()> {
    let place = u.place();
    if let Some(exact) = &aids.exact {
        let text = format!("Target from translation memory: {}", exact.origin);
        check_text(&text, &format!("memory note of {place}"))?;
        out.leaf("note", &[("from", "tm"), ("annotates", "target")], &text)?;
    }
    for t in &aids.terms {
        let text = format!("Glossary: {} = {}", t.term, t.translations.join("; "));
        check_text(&text, &format!("glossary term of {place}"))?;
        out.leaf(
            "note",
            &[("from", "glossary"), ("annotates", "source")],
            &text,
        )?;
    }
    if let (Some(f), Some(engine)) = (&aids.filled, aids.machine()) {
        // The engine's proposal, named: the target above is the same text.
        let origin = format!("brief-mt:{engine}");
        check_text(&origin, &format!("machine origin of {place}"))?;
        out.open("alt-trans", &[("origin", &origin)])?;
        out.leaf("source", &[], &u.source)?;
        out.leaf("target", &[("xml:lang", target.as_str())], &f.text)?;
        out.close("alt-trans")?;
    }
    for c in &aids.candidates {
        for text in [&c.source, &c.target, &c.origin] {
            check_text(text, &format!("memory match of {place}"))?;
        }
        let quality = c.score.to_string();
        out.open(
            "alt-trans",
            &[("match-quality", &quality), ("origin", &c.origin)],
        )?;
        out.leaf("source", &[], &c.source)?;
        out.leaf("target", &[("xml:lang", target.as_str())], &c.target)?;
        out.close("alt-trans")?;
    }
    Ok(())
}

/// Reads an XLIFF 1.2 document: one [`UnitFile`] per target language of its
/// `<file>`s. Only elements in the file's XLIFF namespace count.
///
/// A `needs-translation` state alone is not read as unfinished: OmegaT
/// leaves it on every unit it translated; merge judges such units by the
/// text. `approved="no"`, a fuzzy or MT `state-qualifier` and untranslated
/// `mrk` segments are (see [`target_state`]).
pub(crate) fn read(root: &Element, path: &Path) -> Result<Vec<UnitFile>> {
    let ns = root.ns.as_deref();
    let files: Vec<&Element> = inline::children(root, ns, "file").collect();
    let Some(first) = files.first() else {
        return Err(invalid(path, "XLIFF 1.2 file without any <file> element"));
    };
    let mut warnings = Vec::new();
    let source_lang = required_tag(first, "source-language", path, &mut warnings)?;
    let mut out: Vec<UnitFile> = Vec::new();
    for file in &files {
        let src = required_tag(file, "source-language", path, &mut warnings)?;
        if src != source_lang {
            return Err(invalid(
                path,
                "its <file> elements have different source languages",
            ));
        }
        let mut units = Vec::new();
        let mut unit_lang = None;
        if let Some(body) = inline::child(file, ns, "body") {
            collect_units(body, ns, path, &mut units, &mut unit_lang, 0)?;
        }
        let target = match file.attr("target-language").or(unit_lang.as_deref()) {
            Some(t) => read_tag(t, "target-language", path, &mut warnings)?,
            None => {
                return Err(invalid(
                    path,
                    "no target-language on <file>: which language is this?",
                ));
            }
        };
        match out.iter_mut().find(|f| f.target_lang == target) {
            Some(f) => f.units.extend(units),
            None => out.push(UnitFile {
                path: path.to_path_buf(),
                format: Format::Xliff12,
                source_lang: source_lang.clone(),
                target_lang: target,
                units,
                warnings: Vec::new(),
            }),
        }
    }
    out[0].warnings = warnings;
    Ok(out)
}

/// Whether a target is `brief translate`'s, unreviewed: marked
/// `leveraged-mt`, not in a state a translator sets on confirming it
/// (`translated`, `signed-off`, `final`), and still the text of brief's
/// machine `<alt-trans>` (OmegaT keeps the attributes of a target it
/// rewrites, so an edited text is what shows a person's work).
fn is_machine_target(unit: &Element, target: &Element, text: &str, ns: Option<&str>) -> bool {
    if target.attr("state-qualifier") != Some("leveraged-mt")
        || matches!(
            target.attr("state"),
            Some("translated" | "signed-off" | "final")
        )
    {
        return false;
    }
    inline::children(unit, ns, "alt-trans")
        .filter(|a| {
            a.attr("origin")
                .is_some_and(|o| o.starts_with(super::MACHINE_ALT_TRANS_PREFIX))
        })
        .filter_map(|a| inline::children(a, ns, "target").next())
        .any(|t| inline::text(t, ns, Dialect::Xliff12).is_ok_and(|m| m == text))
}

fn collect_units(
    parent: &Element,
    ns: Option<&str>,
    path: &Path,
    units: &mut Vec<Unit>,
    target_lang: &mut Option<String>,
    depth: usize,
) -> Result<()> {
    for el in parent.elements().filter(|e| e.ns.as_deref() == ns) {
        match el.name.as_str() {
            "group" if depth < 32 => collect_units(el, ns, path, units, target_lang, depth + 1)?,
            "trans-unit" => {
                let id = required(el, "id", path)?.to_string();
                check_read_text(&id, "id", &id, path)?;
                let text = |e: &Element, what: &str| {
                    inline::text(e, ns, Dialect::Xliff12)
                        .map_err(|m| invalid(path, format!("trans-unit {id}: {what}: {m}")))
                };
                let only = |name| {
                    inline::only_child(el, ns, name)
                        .map_err(|e| invalid(path, format!("trans-unit {id}: {e}")))
                };
                let Some(source_el) = only("source")? else {
                    return Err(invalid(path, format!("trans-unit {id} without <source>")));
                };
                let source = text(source_el, "source")?;
                let target_el = only("target")?;
                if target_lang.is_none() {
                    *target_lang = target_el
                        .and_then(|t| t.attr("xml:lang"))
                        .map(str::to_string);
                }
                let target = match target_el {
                    Some(t) => Some(text(t, "target")?),
                    None => None,
                };
                let machine = match (target_el, &target) {
                    (Some(t), Some(text)) => is_machine_target(el, t, text, ns),
                    _ => false,
                };
                // brief translate's own marks, the engine's text unchanged:
                // machine work; any other state is read as the file says.
                let state = if machine {
                    super::TargetState::Machine
                } else {
                    target_state(el, target_el, ns)
                };
                let mut unit = Unit::new(id, source, target);
                unit.state = state;
                let mut meta = BTreeMap::new();
                for group in inline::children(el, ns, "context-group") {
                    for ctx in inline::children(group, ns, "context") {
                        match ctx.attr("context-type") {
                            Some("sourcefile") if group.attr("purpose") != Some("location") => {
                                meta.insert("document".to_string(), ctx.text());
                            }
                            Some(kind) => {
                                if let Some(key) = kind.strip_prefix("x-brief-") {
                                    meta.insert(key.to_string(), ctx.text());
                                }
                            }
                            None => {}
                        }
                    }
                }
                for (k, v) in &meta {
                    unit.set_meta(k, v);
                }
                check_unit(&unit, path)?;
                units.push(unit);
            }
            _ => {}
        }
    }
    Ok(())
}

/// `state-qualifier`s that say a target was proposed, not translated.
const PROPOSED: [&str; 8] = [
    "fuzzy-match",
    "mt-suggestion",
    "tm-suggestion",
    "leveraged-mt",
    "leveraged-tm",
    "leveraged-inherited",
    "leveraged-glossary",
    "leveraged-repository",
];

/// Whether a `state-qualifier` says a reviewer rejected the target
/// (`rejected-inaccurate`, `-grammar`, `-length`, `-spelling`): unfinished
/// whatever its state, unless the state signs it off (`final`,
/// `signed-off`).
fn rejected(target: &Element) -> bool {
    target
        .attr("state-qualifier")
        .is_some_and(|q| q.starts_with("rejected-"))
        && !matches!(target.attr("state"), Some("final" | "signed-off"))
}

/// What a trans-unit says about its target beyond the text: `approved="no"`
/// (translate-toolkit's `pomerge` for a PO `#, fuzzy` entry), a reviewer's
/// `rejected-*` qualifier, a `needs-*` state with a fuzzy, TM or MT
/// qualifier, or a `<seg-source>` whose `mrk`
/// segments are not all translated in the target. A `needs-translation`
/// state alone says nothing (OmegaT leaves it on units it translated).
fn target_state(unit: &Element, target: Option<&Element>, ns: Option<&str>) -> TargetState {
    let Some(target) = target else {
        return TargetState::Unspecified;
    };
    if unit.attr("approved") == Some("no") || rejected(target) {
        return TargetState::Unapproved;
    }
    let needs = target
        .attr("state")
        .is_some_and(|s| s.starts_with("needs-") || s == "new");
    if needs
        && target
            .attr("state-qualifier")
            .is_some_and(|q| PROPOSED.contains(&q))
    {
        return TargetState::Unapproved;
    }
    if let Some(seg_source) = inline::child(unit, ns, "seg-source") {
        let mut source_ids = Vec::new();
        segment_marks(seg_source, ns, 0, &mut |mid, _| {
            source_ids.push(mid.to_string())
        });
        let mut translated = Vec::new();
        segment_marks(target, ns, 0, &mut |mid, text| {
            if !crate::invisible::is_blank(text) {
                translated.push(mid.to_string());
            }
        });
        if !source_ids.is_empty() && source_ids.iter().any(|m| !translated.contains(m)) {
            return TargetState::Partial;
        }
    }
    TargetState::Unspecified
}

/// Calls `f(mid, text)` for every `<mrk mtype="seg">` below `el`.
fn segment_marks(el: &Element, ns: Option<&str>, depth: usize, f: &mut dyn FnMut(&str, &str)) {
    if depth > 32 {
        return;
    }
    for child in el.elements().filter(|e| e.ns.as_deref() == ns) {
        if child.name == "mrk" && child.attr("mtype") == Some("seg") {
            f(child.attr("mid").unwrap_or(""), &child.text());
        } else {
            segment_marks(child, ns, depth + 1, f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_target_language_is_its_own_file() {
        let xml = format!(
            r#"<xliff xmlns="{NS_12}" version="1.2">
<file original="a" source-language="en" target-language="fa" datatype="plaintext"><body>
<trans-unit id="s1"><source>One.</source><target>یک <bpt id="1">&lt;b&gt;</bpt>x<ept id="1">&lt;/b&gt;</ept></target>
<context-group purpose="location"><context context-type="sourcefile">s1</context></context-group></trans-unit></body></file>
<file original="a" source-language="en" target-language="ru_RU" datatype="plaintext"><body>
<trans-unit id="s1"><source>One.</source><target>Один</target></trans-unit></body></file></xliff>"#
        );
        let root = super::super::xml::parse(&xml, Path::new("t.xlf")).unwrap();
        let files = read(&root, Path::new("t.xlf")).unwrap();
        let langs: Vec<&str> = files.iter().map(|f| f.target_lang.as_str()).collect();
        assert_eq!(langs, ["fa", "ru-RU"]);
        assert_eq!(files[0].units[0].target.as_deref(), Some("یک x"));
        // The location group holds the id, not the document name.
        assert_eq!(files[0].units[0].document, None);
        assert_eq!(files[1].units[0].target.as_deref(), Some("Один"));
    }

    #[test]
    fn unapproved_and_partly_segmented_targets_are_marked() {
        let xml = format!(
            r#"<xliff xmlns="{NS_12}" version="1.2"><file original="a" source-language="en" target-language="ru" datatype="plaintext"><body>
<trans-unit id="s1" approved="no"><source>One.</source><target state="needs-translation">Один.</target></trans-unit>
<trans-unit id="s2" approved="yes"><source>Two.</source><target state="translated">Два.</target></trans-unit>
<trans-unit id="s3"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" mid="2">B.</mrk></seg-source><target><mrk mtype="seg" mid="1">А.</mrk> <mrk mtype="seg" mid="2"></mrk></target></trans-unit>
<trans-unit id="s4"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" mid="2">B.</mrk></seg-source><target><mrk mtype="seg" mid="1">А.</mrk> <mrk mtype="seg" mid="2">Б.</mrk></target></trans-unit>
<trans-unit id="s5"><source>Five.</source><target state="needs-review-translation" state-qualifier="mt-suggestion">Пять.</target></trans-unit>
<trans-unit id="s6"><source>Six.</source><target state="needs-translation">Шесть.</target></trans-unit>
<trans-unit id="s7"><source>Seven.</source><target state="translated" state-qualifier="rejected-inaccurate">Восемь.</target></trans-unit>
<trans-unit id="s8"><source>Eight.</source><target state="needs-translation" state-qualifier="tm-suggestion">Восемь.</target></trans-unit>
<trans-unit id="s9"><source>Nine.</source><target state="signed-off" state-qualifier="rejected-length">Девять.</target></trans-unit>
</body></file></xliff>"#
        );
        let root = super::super::xml::parse(&xml, Path::new("t.xlf")).unwrap();
        let files = read(&root, Path::new("t.xlf")).unwrap();
        let states: Vec<TargetState> = files[0].units.iter().map(|u| u.state).collect();
        assert_eq!(
            states,
            [
                TargetState::Unapproved,
                TargetState::Unspecified,
                TargetState::Partial,
                TargetState::Unspecified,
                TargetState::Unapproved,
                TargetState::Unspecified,
                TargetState::Unapproved,
                TargetState::Unapproved,
                TargetState::Unspecified,
            ]
        );
    }
}
