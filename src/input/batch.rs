//! JSONL batches: one item a line, `{"id", "text" | "html" | "url" |
//! "documents", "lang"?, "title"?}`, read lazily and bounded like every input.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::*;
use crate::error::{Error, Result};
use crate::lang::Lang;

/// One item of a JSONL batch: `{"id", "text"}` or `{"id", "documents": [...]}`,
/// with an optional `lang`. Other keys (such as `references`) are kept in
/// [`BatchItem::extra`] for the commands that need them.
#[derive(Debug, Clone)]
pub struct BatchItem {
    /// The item's id, as given (numbers are turned into their decimal text).
    pub id: String,
    /// The item's documents: one for `text`, several for `documents`.
    pub documents: Vec<String>,
    /// The `lang` field, if present.
    pub lang: Option<Lang>,
    /// The batch file (`-` for standard input).
    pub path: PathBuf,
    /// The one-based line number in the batch file.
    pub line: usize,
    /// Every other field of the object.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl BatchItem {
    /// The item's documents, named `<id>#<n>`, with `lang` (the user's
    /// override) or else the item's own `lang`.
    pub fn to_documents(&self, lang: Option<Lang>) -> Vec<Document> {
        self.documents
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let mut d = Document::new(format!("{}#{i}", self.id), text.clone());
                d.lang = lang.or(self.lang);
                // The item's `title` heads its first document.
                if i == 0 {
                    d.title = self.field("title").map(str::to_string);
                }
                d
            })
            .collect()
    }

    /// The item's string field `key` (such as `query`), if present.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.extra.get(key).and_then(|v| v.as_str())
    }
}

#[derive(Deserialize)]
struct RawItem {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    documents: Option<Vec<String>>,
    lang: Option<String>,
    #[serde(flatten)]
    extra: serde_json::Map<String, serde_json::Value>,
}

/// Parses one JSONL line (`line` is one-based, for messages) with the
/// default [`InputSettings`]; see [`parse_batch_line_with`].
pub fn parse_batch_line(raw: &str, path: &Path, line: usize) -> Result<BatchItem> {
    parse_batch_line_with(raw, path, line, &InputSettings::default())
}

/// Parses one JSONL line (`line` is one-based, for messages). An item with
/// `"url"` is fetched now, with `settings.fetch` and up to
/// `settings.max_bytes`, and read as [`read_document`] reads a URL.
pub fn parse_batch_line_with(
    raw: &str,
    path: &Path,
    line: usize,
    settings: &InputSettings,
) -> Result<BatchItem> {
    parse_line(raw, path, line, settings, &mut None)
}

fn parse_line(
    raw: &str,
    path: &Path,
    line: usize,
    settings: &InputSettings,
    fetcher: &mut Option<url::Fetcher>,
) -> Result<BatchItem> {
    let err = |message: String| Error::Jsonl {
        path: path.to_path_buf(),
        line,
        message,
    };
    let item: RawItem =
        serde_json::from_str(raw).map_err(|e| err(format!("not a JSON object: {e}")))?;
    let id = match item.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return Err(err("\"id\" must be a string or a number".into())),
        None => return Err(err("missing \"id\"".into())),
    };
    // A web page's headline, the item's title unless it gives its own.
    let mut page_title = None;
    let documents = match (item.text, item.html, item.documents, item.url) {
        (Some(t), None, None, None) => vec![t],
        // A web page: its article text (title and body paragraphs).
        (None, Some(h), None, None) => {
            let (text, title) = page_parts(&h);
            page_title = title;
            vec![text]
        }
        (None, None, Some(d), None) => d,
        (None, None, None, Some(address)) => {
            if url::as_url(Path::new(&address)).is_none() {
                return Err(err(format!(
                    "item {id:?}: \"url\" must be an http:// or https:// URL, not {address:?}"
                )));
            }
            let (page, title) = fetch_with(fetcher, &address, settings)
                .and_then(|page| page_text_titled(&page, Markup::Detect))
                .map_err(|e| err(format!("item {id:?}: {e}")))?;
            page_title = title;
            vec![page]
        }
        (None, None, None, None) => {
            return Err(err(format!(
                "item {id:?} has no \"text\", \"html\", \"documents\" or \"url\""
            )));
        }
        _ => {
            return Err(err(format!(
                "item {id:?} has more than one of \"text\", \"html\", \"documents\" and \"url\"; give one"
            )));
        }
    };
    let lang = match item.lang {
        Some(code) => Some(code.parse().map_err(|e: Error| err(e.to_string()))?),
        None => None,
    };
    let mut extra = item.extra;
    if let Some(t) = page_title
        && !extra.contains_key("title")
    {
        extra.insert("title".into(), serde_json::Value::String(t));
    }
    Ok(BatchItem {
        id,
        documents,
        lang,
        path: path.to_path_buf(),
        line,
        extra,
    })
}

/// Prepares one line of a JSONL batch (without its `\n`) as the batch
/// reader does before parsing it: a line longer than `limit` bytes or not
/// valid UTF-8 is refused (naming `path` and the one-based `line`), a
/// byte-order mark and surrounding white space (a `\r`, a no-break space)
/// are dropped, and a blank line is `None` (skipped). Every front end that
/// takes batch lines (the binary, the Python package) calls this.
///
/// ```
/// use std::path::Path;
/// use brief::input::batch_line;
/// let p = Path::new("b.jsonl");
/// let line = batch_line(b"\xEF\xBB\xBF{\"id\": 1}\xC2\xA0\r".to_vec(), p, 1, 100).unwrap();
/// assert_eq!(line.as_deref(), Some("{\"id\": 1}"));
/// assert_eq!(batch_line(b" \r".to_vec(), p, 2, 100).unwrap(), None);
/// let err = batch_line(b"{\"id\": \"\xE0\"}".to_vec(), p, 3, 100).unwrap_err();
/// assert_eq!(err.to_string(), "b.jsonl:3: invalid UTF-8 at byte 8 of the line");
/// ```
pub fn batch_line(raw: Vec<u8>, path: &Path, line: usize, limit: u64) -> Result<Option<String>> {
    let err = |message: String| Error::Jsonl {
        path: path.to_path_buf(),
        line,
        message,
    };
    if raw.len() as u64 > limit {
        return Err(err(format!(
            "line longer than the input limit of {}",
            show_size(limit)
        )));
    }
    let text = String::from_utf8(raw).map_err(|e| {
        err(format!(
            "invalid UTF-8 at byte {} of the line",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.len() == text.len() {
        return Ok(Some(text));
    }
    Ok(Some(trimmed.to_string()))
}

/// Iterates over the items of a JSONL batch with the default
/// [`InputSettings`]; see [`batch_items_with`].
pub fn batch_items(path: &Path) -> Result<impl Iterator<Item = Result<BatchItem>> + use<>> {
    batch_items_with(path, &InputSettings::default())
}

/// Iterates over the items of a JSONL batch, one line at a time (bounded
/// memory: each line up to `settings.max_bytes`). Blank lines are skipped;
/// each item carries its line number. Items with `"url"` are fetched as
/// they are read, one after another (see [`parse_batch_line_with`]).
pub fn batch_items_with(
    path: &Path,
    settings: &InputSettings,
) -> Result<impl Iterator<Item = Result<BatchItem>> + use<>> {
    let reader: Box<dyn BufRead> = if is_stdin(path) {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        Box::new(std::io::BufReader::new(file))
    };
    let path = path.to_path_buf();
    let settings = settings.clone();
    let limit = settings.max_bytes;
    let mut reader = reader;
    let mut line_no = 0usize;
    let mut failed = false;
    let mut fetcher = None;
    Ok(std::iter::from_fn(move || {
        loop {
            if failed {
                return None;
            }
            // One line at a time, each bounded by the input limit, so a
            // batch without newlines (a device, a FIFO) cannot fill memory.
            let mut raw = Vec::new();
            match (&mut reader)
                .take(limit.saturating_add(1))
                .read_until(b'\n', &mut raw)
            {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    failed = true;
                    return Some(Err(Error::io(&path, e)));
                }
            }
            line_no += 1;
            if raw.last() == Some(&b'\n') {
                raw.pop();
            } else if raw.len() as u64 > limit {
                // The rest of this line is still unread: stop here.
                failed = true;
            }
            match batch_line(raw, &path, line_no, limit) {
                Ok(None) => continue,
                Ok(Some(text)) => {
                    return Some(parse_line(&text, &path, line_no, &settings, &mut fetcher));
                }
                Err(e) => return Some(Err(e)),
            }
        }
    }))
}
