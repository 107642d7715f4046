//! `brief export --input jsonl`: one brief per batch item, exported for
//! translation as one file set per source language (see docs/formats.md,
//! "Batch export").

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use brief::input::BatchItem;
use brief::outfile::{self, OutFile};
use brief::{Config, Export, Format, Lang, LanguageTag, TargetMode};

use super::{batch, output};

/// What `brief export` resolved from its flags and `[export]`, for a batch.
pub struct Plan<'a> {
    pub inputs: &'a [PathBuf],
    pub targets: Vec<LanguageTag>,
    pub formats: Vec<Format>,
    pub mode: TargetMode,
    pub source_tag: Option<LanguageTag>,
    pub settings: brief::SummarySettings,
    pub out_dir: &'a Path,
    pub force: bool,
    pub lang: Option<Lang>,
    /// --tm and --glossary, applied to every item as to one cluster.
    pub aids: super::export::TranslationAids,
    /// --format omegat: an OmegaT project per target language in each set.
    pub omegat: bool,
}

/// One summarized item: its brief as an export of its own and the number
/// of its documents (what [`Export::concat`] needs), so the analyzed
/// documents are dropped as soon as the item is done.
struct Done {
    id: String,
    path: PathBuf,
    line: usize,
    export: Export,
    documents: usize,
}

pub fn run(plan: &Plan, config: &Config) -> anyhow::Result<u8> {
    // The glossary is read in each source language's set (its syntax was
    // checked when it was loaded). A set it cannot serve goes without it;
    // with --lang every item is in one language, known now, so a glossary
    // of no use to it stops the run before any item is done.
    let glossary_name = plan
        .aids
        .glossary_path()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let mut glossaries: HashMap<Lang, Result<Option<brief::check::Glossary>, String>> =
        HashMap::new();
    if let Some(lang) = plan.lang {
        let glossary = plan.aids.glossary(lang);
        if let Err(reason) = &glossary {
            anyhow::bail!(
                "{glossary_name}: the glossary cannot be used for the {lang} items ({reason})"
            );
        }
        glossaries.insert(lang, glossary);
    }
    let work = |item: BatchItem| -> anyhow::Result<Done> {
        let docs = brief::analyze_all(item.to_documents(plan.lang), config);
        let summary = brief::summarize(&docs, &plan.settings, item.field("query"))?;
        let documents = docs.len();
        let export = Export::from_items(&[(docs, summary)], plan.source_tag.clone());
        Ok(Done {
            id: item.id,
            path: item.path,
            line: item.line,
            export,
            documents,
        })
    };
    // Items grouped by source language (code order), in batch order within
    // each: one export, hence one file set, per source language.
    let mut groups: BTreeMap<String, Vec<(Export, usize)>> = BTreeMap::new();
    let mut seen: HashMap<String, (PathBuf, usize)> = HashMap::new();
    let mut items = 0usize;
    batch::each_item(plan.inputs, work, |done, _first| {
        // Merge finds an item again by its id alone, so two items with one
        // id would be merged into one brief.
        if let Some((path, line)) = seen.get(&done.id) {
            let e = brief::Error::Jsonl {
                path: done.path.clone(),
                line: done.line,
                message: format!(
                    "duplicate item id {:?} (first at {}:{line})",
                    done.id,
                    brief::escape::escape_path(path)
                ),
            };
            if super::globals().keep_going {
                eprintln!("brief: skipped: {e}");
                super::note_data_problem();
                return Ok(());
            }
            return Err(e.into());
        }
        seen.insert(done.id.clone(), (done.path.clone(), done.line));
        if done.export.units.is_empty() {
            super::warn(format_args!(
                "{}:{}: item {:?} has no sentence to export",
                brief::escape::escape_path(&done.path),
                done.line,
                done.id
            ));
            return Ok(());
        }
        items += 1;
        groups
            .entry(done.export.source_lang.as_str().to_string())
            .or_default()
            .push((done.export, done.documents));
        Ok(())
    })?;
    if groups.is_empty() {
        anyhow::bail!("no item of the batch has a sentence to export");
    }

    let mut files = Vec::new();
    let mut units = 0usize;
    let mut ids = Vec::new();
    // Source languages of sets the glossary could not serve, and whether
    // it served any.
    let mut unserved: Vec<String> = Vec::new();
    let mut glossary_used = false;
    let mut projects: Vec<PathBuf> = Vec::new();
    for (code, group) in groups {
        let items_in_group = group.len();
        let export = Export::concat(group, plan.source_tag.clone());
        let (skipped, targets): (Vec<&LanguageTag>, Vec<&LanguageTag>) = plan
            .targets
            .iter()
            .partition(|t| t.same_language(&export.source_lang));
        for t in skipped {
            super::warn(format_args!(
                "no {t} file for the {} item(s) in {code}: the source is already in {}",
                items_in_group, export.source_lang
            ));
        }
        let Some(first_target) = targets.first() else {
            continue;
        };
        let dir = plan.out_dir.join(&code);
        // Memory matches and glossary terms depend on a unit's source alone,
        // so the set's aids are each item's aids, as in a one-cluster export.
        let source = export.source_lang.lang();
        let glossary = glossaries
            .entry(source)
            .or_insert_with(|| plan.aids.glossary(source));
        let glossary = match glossary {
            Ok(g) => {
                glossary_used |= g.is_some();
                g.as_ref()
            }
            Err(reason) => {
                super::warn(format_args!(
                    "glossary {glossary_name}: not used for the {code} items ({reason})"
                ));
                unserved.push(code.clone());
                None
            }
        };
        let aids = plan.aids.for_export(&export, &targets, glossary);
        plan.aids.report_matches(&targets, &aids);
        for format in &plan.formats {
            for (target, aids) in targets.iter().zip(&aids) {
                files.push(OutFile {
                    path: dir.join(brief::file_name(*format, target)),
                    contents: export.render_with(*format, target, plan.mode, aids)?,
                });
            }
        }
        if plan.omegat {
            for (target, aids) in targets.iter().zip(&aids) {
                files.extend(brief::omegat::project_files(&dir, &export, target, aids)?);
                projects.push(dir.join(brief::omegat::project_dir_name(target)));
            }
        }
        files.push(OutFile {
            path: dir.join(brief::merge::REFERENCE_FILE_NAME),
            contents: export.render_reference(first_target)?,
        });
        units += export.units.len();
        ids.push(format!("{code}: {}", export.id().unwrap_or("-")));
    }
    if files.is_empty() {
        anyhow::bail!(
            "every target language is the source language of every item: nothing to translate"
        );
    }
    if !glossary_used && !unserved.is_empty() {
        anyhow::bail!(
            "{glossary_name}: the glossary cannot be used for any item (sources in {})",
            unserved.join(", ")
        );
    }
    write_batch(&files, plan.force)?;
    for dir in &projects {
        brief::omegat::create_directories(dir)?;
    }
    let mut out = output::stdout();
    for f in &files {
        writeln!(out, "{}", brief::escape::escape_path(&f.path))?;
    }
    out.flush()?;
    eprintln!(
        "brief: exported {units} segment(s) of {items} item(s) to {} file(s) (export {})",
        files.len(),
        ids.join(", ")
    );
    Ok(super::exit::OK)
}

/// Writes every file of the batch in one transaction. Directories this run
/// had to create are removed again when the write is refused, so a refused
/// batch leaves nothing behind.
fn write_batch(files: &[OutFile], force: bool) -> anyhow::Result<()> {
    let mut created: Vec<PathBuf> = Vec::new();
    for f in files {
        let Some(dir) = f.path.parent() else { continue };
        let missing: Vec<&Path> = dir
            .ancestors()
            .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
            .collect();
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
        created.extend(missing.into_iter().map(Path::to_path_buf));
    }
    let result = outfile::write_all(files, force);
    if result.is_err() {
        // Deepest first; a directory that is not empty is left alone.
        created.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
        for d in &created {
            let _ = std::fs::remove_dir(d);
        }
    }
    Ok(result?)
}
