//! Filling one exported file: the units without a translation go to the
//! engine; translators' targets are kept; every machine target is then
//! checked with `brief check`'s rules (numbers, URLs, e-mail addresses,
//! handles...) and the findings are returned for the caller to report.

use crate::check::{CheckSettings, Finding, Glossary, check_unit};
use crate::formats::{self, Aids, FilledTarget, LanguageTag, TargetMode, TargetState, UnitFile};
use crate::invisible::is_blank;
use crate::tm::Memory;

use super::{MtError, Translator};

/// One finding of `brief check` on a machine target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MachineFinding {
    /// The unit id.
    pub id: String,
    /// What the check found.
    pub finding: Finding,
}

/// A file with its empty targets filled, ready to write.
#[derive(Debug, Clone)]
pub struct Filled {
    /// The file's new contents, in its own format.
    pub contents: Vec<u8>,
    /// Units the engine translated.
    pub machine: usize,
    /// Units whose translator's target was kept.
    pub kept: usize,
    /// Units filled from a translation memory's exact match (never sent).
    pub from_memory: usize,
    /// Distinct texts sent.
    pub unique: usize,
    /// HTTP requests sent (retries included).
    pub requests: usize,
    /// `brief check` findings on the machine targets, in unit order.
    pub findings: Vec<MachineFinding>,
}

/// Whether a unit still needs a translation: no target, a blank one, a copy
/// of the source, one the file marks as not translated, or unreviewed
/// machine work (sent again, so that the new file names the engine that
/// wrote each machine target: kept, it would lose its mark).
fn needs_translation(u: &formats::Unit) -> bool {
    match &u.target {
        None => true,
        Some(t) => {
            is_blank(t)
                || *t == u.source
                || matches!(u.state, TargetState::Initial | TargetState::Machine)
        }
    }
}

/// The translation an exact memory match gives `source`, by the rule
/// `brief export` fills targets with: the first memory's exact match, unless
/// the memories disagree, the match held inline codes, or it is blank.
fn memory_target(memories: &[Memory], source: &str, from: &str, to: &str) -> Option<String> {
    let mut exact = memories
        .iter()
        .filter_map(|m| m.lookup(source, from, to).exact);
    let first = exact.next()?;
    let disagree = exact.any(|m| m.target != first.target);
    (first.target_markup == 0 && !disagree && !is_blank(&first.target)).then_some(first.target)
}

/// The file's source and target language tags.
fn languages(
    file: &UnitFile,
    translator: &Translator,
) -> Result<(LanguageTag, LanguageTag), MtError> {
    let parse = |which: &str, tag: &str| {
        tag.parse::<LanguageTag>().map_err(|_| MtError::Response {
            engine: translator.engine(),
            message: format!(
                "{}: the {which} language {:?} is not a language tag",
                crate::escape::escape_path(&file.path),
                crate::escape::escape(tag)
            ),
        })
    };
    Ok((
        parse("source", &file.source_lang)?,
        parse("target", &file.target_lang)?,
    ))
}

/// Translates the empty targets of `file` and renders it again in its
/// format: exact matches of `memories` first (those texts are not sent,
/// and the targets are a translator's work from the memory), the rest by
/// the engine. Machine targets are checked with `check` and, if given,
/// `glossary` (its terms must be rendered as it says). Either every empty
/// target is filled or an error is returned.
pub fn fill_file(
    file: &UnitFile,
    translator: &Translator,
    memories: &[Memory],
    check: &CheckSettings,
    glossary: Option<&Glossary>,
) -> Result<Filled, MtError> {
    let (source, target) = languages(file, translator)?;
    let mut remembered: Vec<Option<String>> = vec![None; file.units.len()];
    let todo: Vec<usize> = (0..file.units.len())
        .filter(|&i| needs_translation(&file.units[i]))
        .filter(|&i| {
            let u = &file.units[i];
            remembered[i] = memory_target(memories, &u.source, source.as_str(), target.as_str());
            remembered[i].is_none()
        })
        .collect();
    let texts: Vec<&str> = todo
        .iter()
        .map(|&i| file.units[i].source.as_str())
        .collect();
    let translated = if texts.is_empty() {
        None
    } else {
        translator.check_languages(&source, &target)?;
        let unit_of = |e| match e {
            MtError::Segment {
                engine,
                index,
                message,
                ..
            } => MtError::Segment {
                engine,
                index,
                unit: todo.get(index).map(|&i| file.units[i].id.clone()),
                message,
            },
            e => e,
        };
        Some(
            translator
                .translate(&texts, &source, &target)
                .map_err(unit_of)?,
        )
    };
    let engine = translator.engine().name().to_string();
    let mut aids: Vec<Aids> = vec![Aids::default(); file.units.len()];
    let mut sent = vec![false; file.units.len()];
    for &i in &todo {
        sent[i] = true;
    }
    let mut kept = 0;
    let mut from_memory = 0;
    for (i, u) in file.units.iter().enumerate() {
        if let Some(t) = remembered[i].take() {
            from_memory += 1;
            aids[i].filled = Some(FilledTarget {
                text: t,
                machine: None,
            });
        } else if let (Some(t), false) = (&u.target, sent[i]) {
            kept += 1;
            aids[i].filled = Some(FilledTarget {
                text: t.clone(),
                machine: None,
            });
        }
    }
    let mut findings = Vec::new();
    if let Some(tr) = &translated {
        for (&i, text) in todo.iter().zip(&tr.texts) {
            let u = &file.units[i];
            for finding in check_unit(
                &u.source,
                text,
                source.lang(),
                target.lang(),
                check,
                glossary,
            ) {
                findings.push(MachineFinding {
                    id: u.id.clone(),
                    finding,
                });
            }
            aids[i].filled = Some(FilledTarget {
                text: text.clone(),
                machine: Some(engine.clone()),
            });
        }
    }
    let contents = formats::render(
        file.format,
        &source,
        &file.units,
        &target,
        TargetMode::Empty,
        &aids,
    )
    .map_err(|e| MtError::Response {
        engine: translator.engine(),
        message: format!("the translated file cannot be written: {e}"),
    })?;
    Ok(Filled {
        contents,
        machine: todo.len(),
        kept,
        from_memory,
        unique: translated.as_ref().map_or(0, |t| t.unique),
        requests: translated.as_ref().map_or(0, |t| t.requests),
        findings,
    })
}
