//! What the package reads, prepared as the CLI prepares it: texts as the
//! CLI reads a file ([`InputOptions::prepare`]), batch items as it reads a
//! line of a JSONL batch ([`brief::input::batch_line`]), and the order in
//! which a batch's items are worked on and its first error is found.

use std::path::Path;

use rayon::prelude::*;

use crate::error::{CoreError, Result};

/// How texts are read, as the CLI's global flags say it: `--max-input`,
/// `--encoding` and `--input html`.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// The most bytes of one text (its UTF-8 bytes for a `str`).
    pub max_bytes: u64,
    /// How bytes are decoded.
    pub encoding: brief::input::Encoding,
    /// How web pages are told from text.
    pub markup: brief::input::Markup,
    /// `--keep-going`: a batch's item problems are skipped, not fatal.
    pub keep_going: bool,
}

impl Default for InputOptions {
    fn default() -> InputOptions {
        InputOptions {
            max_bytes: brief::input::DEFAULT_MAX_INPUT_BYTES,
            encoding: brief::input::Encoding::Auto,
            markup: brief::input::Markup::Detect,
            keep_going: false,
        }
    }
}

impl InputOptions {
    /// From the Python keywords (`encoding` as the CLI's `--encoding`).
    pub fn new(max_bytes: u64, encoding: Option<&str>, html: bool) -> Result<InputOptions> {
        if max_bytes == 0 {
            return Err(CoreError::argument("max_input must be more than 0 bytes"));
        }
        let encoding = match encoding {
            None => brief::input::Encoding::Auto,
            Some(label) => label.parse::<brief::input::Encoding>().map_err(|_| {
                CoreError::argument(format!(
                    "encoding {label:?}: unknown (try utf-8, utf-16le, windows-1251, latin1)"
                ))
            })?,
        };
        let markup = if html {
            brief::input::Markup::Html
        } else {
            brief::input::Markup::Detect
        };
        Ok(InputOptions {
            max_bytes,
            encoding,
            markup,
            keep_going: false,
        })
    }

    /// Turns the bytes of one input named `name` into the text the CLI
    /// would read from a file holding them: the size limit, the encoding
    /// (invalid UTF-8, such as windows-1251 text, is refused; a byte-order
    /// mark is dropped), and a web page becomes its article text.
    pub fn prepare(&self, name: &str, bytes: Vec<u8>) -> Result<String> {
        self.prepare_titled(name, bytes).map(|(text, _)| text)
    }

    /// [`InputOptions::prepare`] with the page's headline when the input is
    /// a web page (the document's title, as the CLI reads it).
    pub fn prepare_titled(&self, name: &str, bytes: Vec<u8>) -> Result<(String, Option<String>)> {
        if bytes.len() as u64 > self.max_bytes {
            return Err(too_large(name, self.max_bytes));
        }
        brief::input::decode_titled(bytes, Path::new(name), self.encoding, self.markup).map_err(
            |e| {
                let mut e = CoreError::from(e);
                // The CLI's hint, in this package's words.
                e.message = e.message.replace("--encoding", "encoding=");
                e
            },
        )
    }

    /// [`InputOptions::prepare`] for each (name, bytes), on all cores; an
    /// error names the first failing input in order.
    pub fn prepare_all(&self, names: &[String], raws: Vec<Vec<u8>>) -> Result<Vec<String>> {
        let results: Vec<Result<String>> = names
            .par_iter()
            .zip(raws.into_par_iter())
            .map(|(name, raw)| self.prepare(name, raw))
            .collect();
        results.into_iter().collect()
    }

    /// [`InputOptions::prepare_all`] with each page's headline.
    pub fn prepare_all_titled(
        &self,
        names: &[String],
        raws: Vec<Vec<u8>>,
    ) -> Result<Vec<(String, Option<String>)>> {
        let results: Vec<Result<(String, Option<String>)>> = names
            .par_iter()
            .zip(raws.into_par_iter())
            .map(|(name, raw)| self.prepare_titled(name, raw))
            .collect();
        results.into_iter().collect()
    }
}

/// The CLI's refusal of a file over the input limit, in this package's
/// words: `NAME: larger than the input limit of 22 bytes; refusing ...`
/// (a whole number of MiB shown as such, as the CLI shows it).
pub(crate) fn too_large(name: &str, limit: u64) -> CoreError {
    let size = if limit >= 1 << 20 && limit.is_multiple_of(1 << 20) {
        format!("{} MiB", limit >> 20)
    } else {
        format!("{limit} bytes")
    };
    CoreError {
        kind: "Input",
        message: format!(
            "{}: larger than the input limit of {size}; refusing to read it (raise it with max_input=)",
            brief::escape::escape(name)
        ),
    }
}

/// The text the CLI would read from a file holding `raw` (see
/// [`InputOptions::prepare`]).
pub fn prepare_text(name: &str, raw: Vec<u8>, input: &InputOptions) -> Result<String> {
    input.prepare(name, raw)
}

/// One item of a batch, as Python gave it.
#[derive(Debug, Clone)]
pub enum Item {
    /// One line of a JSONL batch (bytes, or a mapping written as JSON).
    Line(Vec<u8>),
    /// One article: its id and the bytes of its text (a `str`'s UTF-8),
    /// prepared as the CLI prepares a file.
    Text {
        /// The item's id.
        id: String,
        /// The text's bytes.
        raw: Vec<u8>,
    },
}

/// Where the items come from, for messages: a name (as a batch file's
/// path; `<items>` by default) and the line number of the first item.
#[derive(Debug, Clone)]
pub struct ItemSource {
    /// Named in messages as the batch file.
    pub name: String,
    /// The one-based line number of the first item.
    pub first_line: usize,
}

impl Default for ItemSource {
    fn default() -> ItemSource {
        ItemSource {
            name: "<items>".into(),
            first_line: 1,
        }
    }
}

/// How many items are prepared and summarized between two looks at
/// whether the caller gave up.
const CHUNK: usize = 256;

/// Item `index` prepared as the CLI prepares a batch line (or, for a text,
/// a file): `None` for a blank line, which the CLI skips.
fn batch_item(
    item: Item,
    index: usize,
    source: &ItemSource,
    input: &InputOptions,
) -> Result<Option<brief::input::BatchItem>> {
    let line = source.first_line + index;
    let path = Path::new(&source.name);
    match item {
        Item::Line(raw) => {
            let Some(text) = brief::input::batch_line(raw, path, line, input.max_bytes)? else {
                return Ok(None);
            };
            Ok(Some(brief::input::parse_batch_line(&text, path, line)?))
        }
        Item::Text { id, raw } => {
            let name = format!("{}:{line}", source.name);
            let (text, title) = input.prepare_titled(&name, raw)?;
            // A web page's headline is the item's title, as for a file.
            let mut extra = serde_json::Map::new();
            if let Some(t) = title {
                extra.insert("title".into(), serde_json::Value::String(t));
            }
            Ok(Some(brief::input::BatchItem {
                id,
                documents: vec![text],
                lang: None,
                path: path.to_path_buf(),
                line,
                extra,
            }))
        }
    }
}

/// Applies `work` to every item (prepared by [`batch_item`]; blank lines
/// skipped) on all cores, a chunk at a time, in order, handing each result
/// to `sink` with the run's warnings. The first failing item in order
/// stops the batch and its error is returned, whatever the threads'
/// timing; `cancel` is looked at between chunks. With `keep_going`
/// (`--keep-going`), an item problem (a malformed line, an item of the
/// wrong shape, a repeated id: a `Jsonl` error) is skipped instead, the
/// CLI's `skipped: ...` line for it added to the warnings in its place.
pub fn each_item<R: Send>(
    items: Vec<Item>,
    source: &ItemSource,
    input: &InputOptions,
    cancel: &crate::run::Cancel,
    work: impl Fn(brief::input::BatchItem) -> Result<R> + Sync,
    mut sink: impl FnMut(R, &mut Vec<String>) -> Result<()>,
    warnings: &mut Vec<String>,
) -> Result<()> {
    let skip = |e: CoreError, warnings: &mut Vec<String>| {
        if input.keep_going && e.kind == "Jsonl" {
            warnings.push(format!("skipped: {}", e.message));
            Ok(())
        } else {
            Err(e)
        }
    };
    let mut items = items.into_iter().enumerate();
    loop {
        cancel.check()?;
        let chunk: Vec<(usize, Item)> = items.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            return Ok(());
        }
        let done: Vec<Result<Option<R>>> = chunk
            .into_par_iter()
            .map(|(i, item)| batch_item(item, i, source, input)?.map(&work).transpose())
            .collect();
        for result in done {
            match result.and_then(|r| r.map_or(Ok(()), |r| sink(r, warnings))) {
                Ok(()) => {}
                Err(e) => skip(e, warnings)?,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Item {
        Item::Line(text.as_bytes().to_vec())
    }

    #[test]
    fn the_first_bad_item_in_order_is_named_whatever_the_timing() {
        let mut items: Vec<Item> = (0..700)
            .map(|i| line(&format!(r#"{{"id": {i}, "text": "A."}}"#)))
            .collect();
        items[600] = Item::Line(b"{\"id\": \"\xe0\"}".to_vec());
        items[650] = line("{not json");
        let source = ItemSource::default();
        let input = InputOptions::default();
        let cancel = crate::run::Cancel::default();
        let mut seen = 0;
        let err = each_item(
            items,
            &source,
            &input,
            &cancel,
            |item| Ok(item.id),
            |_, _| {
                seen += 1;
                Ok(())
            },
            &mut Vec::new(),
        )
        .unwrap_err();
        assert_eq!(err.kind, "Jsonl");
        assert!(
            err.message.starts_with("<items>:601: invalid UTF-8"),
            "{}",
            err.message
        );
        assert_eq!(seen, 600);
    }

    #[test]
    fn blank_lines_are_skipped_and_texts_prepared_as_files() {
        let items = vec![
            Item::Line(b"\xef\xbb\xbf{\"id\": \"a\", \"text\": \"T.\"}\xc2\xa0\r".to_vec()),
            line("  "),
            Item::Text {
                id: "b".into(),
                raw: b"\xef\xbb\xbf<!DOCTYPE html><html><body><p>Hello there.</p></body></html>"
                    .to_vec(),
            },
        ];
        let mut got = Vec::new();
        each_item(
            items,
            &ItemSource::default(),
            &InputOptions::default(),
            &crate::run::Cancel::default(),
            |item| Ok((item.id, item.line, item.documents)),
            |r, _| {
                got.push(r);
                Ok(())
            },
            &mut Vec::new(),
        )
        .unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "a");
        assert_eq!((got[1].0.as_str(), got[1].1), ("b", 3));
        assert!(!got[1].2[0].contains('<') && got[1].2[0].contains("Hello there."));
    }

    #[test]
    fn keep_going_skips_item_problems_in_place_and_stops_at_others() {
        let items = || {
            vec![
                line(r#"{"id": "a", "text": "A."}"#),
                line("{not json"),
                line(r#"{"id": "b", "text": "B."}"#),
            ]
        };
        let input = InputOptions {
            keep_going: true,
            ..InputOptions::default()
        };
        let mut warnings = vec!["before".to_string()];
        let mut ids = Vec::new();
        let sink = |id: String, warnings: &mut Vec<String>| {
            warnings.push(format!("saw {id}"));
            ids.push(id);
            Ok(())
        };
        let cancel = crate::run::Cancel::default();
        let source = ItemSource::default();
        each_item(
            items(),
            &source,
            &input,
            &cancel,
            |item| Ok(item.id),
            sink,
            &mut warnings,
        )
        .unwrap();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        assert!(
            warnings[2].starts_with("skipped: <items>:2: "),
            "{warnings:?}"
        );
        // A problem that is not the item's (here: the sink's own) still stops the batch.
        let failing = |_: String, _: &mut Vec<String>| Err(CoreError::argument("disk full"));
        let err = each_item(
            items(),
            &source,
            &input,
            &cancel,
            |item| Ok(item.id),
            failing,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert_eq!(err.message, "disk full");
    }

    #[test]
    fn windows_1251_and_oversized_texts_are_refused() {
        let input = InputOptions::new(8, None, false).unwrap();
        let err = input
            .prepare("a.txt", b"\xcf\xf0\xe8".to_vec())
            .unwrap_err();
        assert_eq!(err.kind, "Encoding");
        assert!(err.message.contains("use encoding="), "{}", err.message);
        let err = input.prepare("a.txt", b"123456789".to_vec()).unwrap_err();
        assert_eq!(err.kind, "Input");
        assert!(InputOptions::new(0, None, false).is_err());
        let named = InputOptions::new(8, Some("windows-1251"), false).unwrap();
        assert_eq!(named.prepare("a", b"\xcf\xf0\xe8".to_vec()).unwrap(), "При");
    }
}
