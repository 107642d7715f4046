//! The review page: translated files and what `brief check` and
//! `brief merge` found in them, as one self-contained HTML5 file.
//!
//! The page is for a reviewer who reads Persian or Russian beside the
//! English: per unit the source, the target in its own direction
//! (`dir="rtl"` and a Persian font stack for Persian), the neighbouring
//! sentences, and every finding of the unit with its kind and severity;
//! counts per kind at the top; the units of a batch export grouped by item.
//!
//! It needs nothing but a browser: the style sheet is inline, there is no
//! script, and a Content-Security-Policy forbids scripts and every network
//! request, so even a page of hostile text can do nothing but show it.
//! Every text from a file is escaped ([`escape`]); control and bidi
//! formatting characters that could hide or reorder text are shown as
//! visible marks instead.

mod html;
/// `brief check`'s findings as marks on the review page.
pub fn check_marks(problems: &[crate::job::CheckProblem]) -> Vec<Mark> {
    problems
        .iter()
        .map(|p| {
            let severity = if p.is_error() {
                Severity::Error
            } else {
                Severity::Warning
            };
            Mark::new(
                p.path().to_path_buf(),
                p.id.clone(),
                p.check,
                severity,
                p.message.clone(),
            )
        })
        .collect()
}

/// A merge's problems (errors, all of them) and its checks' findings as
/// marks on the review page.
pub fn merge_marks(outcome: &crate::job::MergeOutcome) -> Vec<Mark> {
    let mut marks: Vec<Mark> = outcome
        .result
        .problems
        .iter()
        .map(|p| {
            let kind = serde_json::to_value(p.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let full = p.to_string();
            // The message without the file, id and language the page shows.
            let message = full
                .split_once("]: ")
                .map_or(full.as_str(), |(_, m)| m)
                .to_string();
            Mark::new(p.file.clone(), p.id.clone(), kind, Severity::Error, message)
        })
        .collect();
    marks.extend(check_marks(&outcome.checks));
    marks
}

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

use crate::check::Severity;
use crate::formats::{LanguageTag, Unit, UnitFile};
use crate::merge::Reference;

pub use html::escape;

/// One finding to show on the page: a `brief check` finding or a merge
/// problem, named by file and unit id.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Mark {
    /// The file the unit is in (as in [`UnitFile::path`]).
    pub file: PathBuf,
    /// The unit id (a merge problem may name a run such as `s4-s9`).
    pub id: String,
    /// The kind: a check's name (`numbers`) or a merge problem (`drift`).
    pub kind: String,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
}

impl Mark {
    /// A mark of `kind` on unit `id` of `file`.
    pub fn new(
        file: impl Into<PathBuf>,
        id: impl Into<String>,
        kind: impl Into<String>,
        severity: Severity,
        message: impl Into<String>,
    ) -> Mark {
        Mark {
            file: file.into(),
            id: id.into(),
            kind: kind.into(),
            severity,
            message: message.into(),
        }
    }
}

/// The batch item of a document name: the name before the `#<n>` that a
/// batch export appends (`a1#0` is item `a1`), as check and merge read it.
fn batch_item(document: &str) -> Option<&str> {
    match document.rsplit_once('#') {
        Some((id, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => Some(id),
        _ => None,
    }
}

/// The reference's unit for `unit`: the same id and the same source.
fn reference_unit<'a>(reference: Option<&'a Reference>, unit: &Unit) -> Option<&'a Unit> {
    reference?
        .units
        .iter()
        .find(|r| r.id == unit.id && r.source == unit.source)
}

/// The page for `files` with `marks`, titled `title` (e.g. "brief check").
/// `reference` supplies the neighbouring sentences and batch items of
/// units whose file lost them. Deterministic: the same input gives the
/// same bytes.
pub fn render(
    title: &str,
    files: &[UnitFile],
    reference: Option<&Reference>,
    marks: &[Mark],
) -> String {
    render_sets(title, &[(files, reference)], marks)
}

/// One page for the files of several exports (the sets of a batch checked
/// or merged in one command), each set's files with that set's
/// `reference`: the counts of every set at the top, then each file in its
/// own section, set after set. A mark belongs to the file its path names.
pub fn render_sets(
    title: &str,
    sets: &[(&[UnitFile], Option<&Reference>)],
    marks: &[Mark],
) -> String {
    let mut out = String::with_capacity(16 * 1024);
    html::head(&mut out, title);
    let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    let (files, units) = sets.iter().fold((0, 0), |(f, u), (files, _)| {
        (
            f + files.len(),
            u + files.iter().map(|f| f.units.len()).sum::<usize>(),
        )
    });
    summary(&mut out, files, units, marks);
    let mut fi = 0;
    for (files, reference) in sets {
        for file in files.iter() {
            file_section(&mut out, fi, file, *reference, marks);
            fi += 1;
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Counts per kind and severity, and per file.
fn summary(out: &mut String, files: usize, units: usize, marks: &[Mark]) {
    let mut per_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for m in marks {
        let e = per_kind.entry(m.kind.as_str()).or_default();
        match m.severity {
            Severity::Error => e.0 += 1,
            Severity::Warning => e.1 += 1,
        }
    }
    let errors = marks
        .iter()
        .filter(|m| m.severity == Severity::Error)
        .count();
    let _ = writeln!(
        out,
        "<p class=\"totals\">{units} unit(s) in {} file(s): <span class=\"error\">{errors} error(s)</span>, \
         <span class=\"warning\">{} warning(s)</span></p>",
        files,
        marks.len() - errors
    );
    if per_kind.is_empty() {
        out.push_str("<p class=\"clean\">Nothing found.</p>\n");
        return;
    }
    out.push_str(
        "<table class=\"counts\">\n<thead><tr><th scope=\"col\">kind</th><th scope=\"col\">errors</th><th scope=\"col\">warnings</th></tr></thead>\n<tbody>\n",
    );
    for (kind, (e, w)) in per_kind {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\"><span class=\"kind\">{}</span></th><td>{e}</td><td>{w}</td></tr>",
            html::text(kind)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The `lang` and `dir` attributes for text in `tag`.
fn lang_attrs(tag: &str) -> String {
    let dir = match tag.parse::<LanguageTag>() {
        Ok(t) if t.is_rtl() => "rtl",
        _ => "ltr",
    };
    format!("lang=\"{}\" dir=\"{dir}\"", escape(tag))
}

fn file_section(
    out: &mut String,
    fi: usize,
    file: &UnitFile,
    reference: Option<&Reference>,
    marks: &[Mark],
) {
    let path = file.path.display().to_string();
    let _ = write!(
        out,
        "<section class=\"file\" id=\"f{fi}\">\n<h2>{} <span class=\"langs\">{} → {}</span></h2>\n",
        html::text(&path),
        html::text(&file.source_lang),
        html::text(&file.target_lang)
    );
    let in_file: Vec<&Mark> = marks.iter().filter(|m| m.file == file.path).collect();
    // Findings for ids that are not units of this file (a missing unit,
    // a run of them): listed first, so none is lost.
    let orphans: Vec<&&Mark> = in_file
        .iter()
        .filter(|m| !file.units.iter().any(|u| u.id == m.id))
        .collect();
    if !orphans.is_empty() {
        out.push_str("<div class=\"unit orphan\">\n<p class=\"id\">not in the file</p>\n<ul class=\"findings\">\n");
        for m in orphans {
            finding(out, m, true);
        }
        out.push_str("</ul>\n</div>\n");
    }
    let mut current_item: Option<String> = None;
    for (ui, unit) in file.units.iter().enumerate() {
        let reference_unit = reference_unit(reference, unit);
        let document = unit
            .document
            .as_deref()
            .or(reference_unit.and_then(|r| r.document.as_deref()));
        let item = document.and_then(batch_item).map(str::to_string);
        if item != current_item {
            if current_item.is_some() {
                out.push_str("</section>\n");
            }
            if let Some(id) = &item {
                let _ = writeln!(
                    out,
                    "<section class=\"item\">\n<h3>item <span class=\"item-id\">{}</span></h3>",
                    html::text(id)
                );
            }
            current_item = item;
        }
        let own: Vec<&&Mark> = in_file.iter().filter(|m| m.id == unit.id).collect();
        let level = if own.iter().any(|m| m.severity == Severity::Error) {
            " has-error"
        } else if own.is_empty() {
            ""
        } else {
            " has-warning"
        };
        let _ = write!(
            out,
            "<div class=\"unit{level}\" id=\"f{fi}-u{ui}\">\n<p class=\"id\">{}</p>\n",
            html::text(&unit.id)
        );
        let previous = unit
            .previous
            .as_deref()
            .or(reference_unit.and_then(|r| r.previous.as_deref()));
        let next = unit
            .next
            .as_deref()
            .or(reference_unit.and_then(|r| r.next.as_deref()));
        let source_attrs = lang_attrs(&file.source_lang);
        if let Some(p) = previous {
            let _ = writeln!(
                out,
                "<p class=\"context\" {source_attrs}><span class=\"label\" lang=\"en\" dir=\"ltr\">before</span> {}</p>",
                html::text(p)
            );
        }
        let _ = writeln!(
            out,
            "<div class=\"pair\">\n<p class=\"source\" {source_attrs}>{}</p>",
            html::text(&unit.source)
        );
        match unit.target.as_deref() {
            Some(t) if !t.is_empty() => {
                let _ = writeln!(
                    out,
                    "<p class=\"target\" {}>{}</p>",
                    lang_attrs(&file.target_lang),
                    html::text(t)
                );
            }
            _ => out.push_str("<p class=\"target missing\">(no translation)</p>\n"),
        }
        out.push_str("</div>\n");
        if let Some(n) = next {
            let _ = writeln!(
                out,
                "<p class=\"context\" {source_attrs}><span class=\"label\" lang=\"en\" dir=\"ltr\">after</span> {}</p>",
                html::text(n)
            );
        }
        if !own.is_empty() {
            out.push_str("<ul class=\"findings\">\n");
            for m in own {
                finding(out, m, false);
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</div>\n");
    }
    if current_item.is_some() {
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");
}

fn finding(out: &mut String, m: &Mark, with_id: bool) {
    let severity = m.severity.name();
    let id = if with_id {
        format!("<span class=\"id\">{}</span> ", html::text(&m.id))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<li class=\"{severity}\">{id}<span class=\"kind\">{}</span> <span class=\"severity\">{severity}</span> {}</li>",
        html::text(&m.kind),
        html::text(&m.message)
    );
}
