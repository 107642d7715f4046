//! Order-preserving parallel processing of JSONL batches in bounded memory.

use std::path::PathBuf;

use anyhow::Context;
use rayon::prelude::*;

use brief::input::BatchItem;

/// How many items are read ahead and processed in parallel at a time.
pub const CHUNK: usize = 512;

/// Applies `work` to every item on all cores, handing results to `sink` in
/// input order. At most [`CHUNK`] items are held at once. The first read
/// error stops the batch after the items before it were handed on; with
/// `--keep-going`, a malformed JSONL line is reported, counted (the run then
/// ends with exit code 1) and skipped instead.
pub fn ordered<T, R, E>(
    items: impl Iterator<Item = Result<T, E>>,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> anyhow::Result<()>,
) -> anyhow::Result<()>
where
    T: Send,
    R: Send,
    E: Into<anyhow::Error>,
{
    let progress = progress_bar();
    let mut items = items.peekable();
    while items.peek().is_some() {
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut failure = None;
        for item in items.by_ref().take(CHUNK) {
            match item {
                Ok(item) => chunk.push(item),
                Err(e) => {
                    let e: anyhow::Error = e.into();
                    if item_problem(&e) && super::globals().keep_going {
                        eprintln!("brief: skipped: {e}");
                        super::note_data_problem();
                        continue;
                    }
                    failure = Some(e);
                    break;
                }
            }
        }
        let done = chunk.len() as u64;
        let results: Vec<R> = chunk.into_par_iter().map(&work).collect();
        for r in results {
            sink(r)?;
        }
        if let Some(bar) = &progress {
            bar.inc(done);
        }
        if let Some(e) = failure {
            return Err(e);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(())
}

/// Whether an error is about one item of a batch (a malformed line, an
/// item of the wrong shape), which `--keep-going` skips.
fn item_problem(e: &anyhow::Error) -> bool {
    matches!(
        e.downcast_ref::<brief::Error>(),
        Some(brief::Error::Jsonl { .. })
    )
}

/// Runs `work` over every item of every JSONL input (standard input when
/// there are none) and hands each result to `emit` in input order, with
/// whether it is the first result of the run. An item that `work` refuses
/// with an item problem is skipped with `--keep-going`, as a malformed line is.
pub fn each_item<R: Send>(
    inputs: &[PathBuf],
    work: impl Fn(BatchItem) -> anyhow::Result<R> + Sync,
    mut emit: impl FnMut(R, bool) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut first = true;
    for path in &super::inputs_or_stdin(inputs) {
        let items = brief::input::batch_items_with(path, super::input_settings())?;
        ordered(items, &work, |result| {
            let r = match result {
                Ok(r) => r,
                Err(e) if item_problem(&e) && super::globals().keep_going => {
                    eprintln!("brief: skipped: {e}");
                    super::note_data_problem();
                    return Ok(());
                }
                Err(e) => return Err(e),
            };
            emit(r, first)?;
            first = false;
            Ok(())
        })
        .with_context(|| format!("reading {}", path.display()))?;
    }
    Ok(())
}

/// A spinner counting items, shown only when stderr is a terminal and
/// `--quiet` is off; plain (no colour) when `NO_COLOR` is set.
fn progress_bar() -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if super::globals().quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let template = if no_color {
        "{spinner} {pos} items, {per_sec}, {elapsed}"
    } else {
        "{spinner:.green} {pos} items, {per_sec}, {elapsed}"
    };
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    Some(bar)
}
