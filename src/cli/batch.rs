//! Order-preserving parallel processing of JSONL batches in bounded memory.

use rayon::prelude::*;

/// How many items are read ahead and processed in parallel at a time.
pub const CHUNK: usize = 512;

/// Applies `work` to every item on all cores, handing results to `sink` in
/// input order. At most [`CHUNK`] items are held at once; the first read
/// error stops the batch after the items before it were handed on.
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
    let mut items = items.peekable();
    while items.peek().is_some() {
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut failure = None;
        for item in items.by_ref().take(CHUNK) {
            match item {
                Ok(item) => chunk.push(item),
                Err(e) => {
                    failure = Some(e.into());
                    break;
                }
            }
        }
        let results: Vec<R> = chunk.into_par_iter().map(&work).collect();
        for r in results {
            sink(r)?;
        }
        if let Some(e) = failure {
            return Err(e);
        }
    }
    Ok(())
}
