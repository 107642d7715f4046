//! Reading inputs: plain-text files, standard input and JSONL batches.
//!
//! Text is decoded strictly: UTF-8 (a leading byte-order mark is dropped) or
//! UTF-16 with a byte-order mark. Anything else is refused with the byte
//! offset of the first bad sequence, so a wrong encoding is never silently
//! turned into replacement characters.

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::lang::Lang;

/// One input document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// A name for reports: the file path, `-` for standard input, or the JSONL id.
    pub name: String,
    /// The decoded text. All byte offsets that brief reports point into it.
    pub text: String,
    /// The language given by the user or the JSONL `lang` field, if any.
    pub lang: Option<Lang>,
}

impl Document {
    /// A document from a string.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            name: name.into(),
            text: text.into(),
            lang: None,
        }
    }
}

/// Whether `path` means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads a whole file (or standard input for `-`) as raw bytes.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if is_stdin(path) {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    }
    Ok(bytes)
}

/// Reads and decodes a text file (or standard input for `-`).
pub fn read_text(path: &Path) -> Result<String> {
    decode(read_bytes(path)?, path)
}

/// Decodes bytes read from `path` into text.
///
/// ```
/// use std::path::Path;
/// let text = brief::input::decode(b"\xEF\xBB\xBFHello".to_vec(), Path::new("a.txt")).unwrap();
/// assert_eq!(text, "Hello");
/// let err = brief::input::decode(b"ok \xFF".to_vec(), Path::new("a.txt")).unwrap_err();
/// assert_eq!(err.to_string(), "a.txt: invalid UTF-8 at byte 3 (use --encoding to read another encoding)");
/// ```
pub fn decode(bytes: Vec<u8>, path: &Path) -> Result<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, path, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, path, u16::from_be_bytes);
    }
    let had_bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let mut bytes = bytes;
    if had_bom {
        bytes.drain(..3);
    }
    let offset = if had_bom { 3 } else { 0 };
    match String::from_utf8(bytes) {
        Ok(text) => {
            if looks_binary(&text) {
                return Err(Error::Encoding {
                    path: path.to_path_buf(),
                    message: "looks like a binary file (NUL bytes), not text".into(),
                });
            }
            Ok(text)
        }
        Err(e) => Err(Error::Encoding {
            path: path.to_path_buf(),
            message: format!(
                "invalid UTF-8 at byte {} (use --encoding to read another encoding)",
                e.utf8_error().valid_up_to() + offset
            ),
        }),
    }
}

fn decode_utf16(rest: &[u8], path: &Path, unit: fn([u8; 2]) -> u16) -> Result<String> {
    if !rest.len().is_multiple_of(2) {
        return Err(Error::Encoding {
            path: path.to_path_buf(),
            message: "UTF-16 input has an odd number of bytes".into(),
        });
    }
    let units = rest.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text = String::with_capacity(rest.len());
    for (i, ch) in char::decode_utf16(units).enumerate() {
        match ch {
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(Error::Encoding {
                    path: path.to_path_buf(),
                    message: format!("invalid UTF-16 at byte {}", 2 + 2 * i),
                });
            }
        }
    }
    Ok(text)
}

/// Text with a NUL in its first 8 KiB is treated as binary, as git and grep do.
fn looks_binary(text: &str) -> bool {
    text.as_bytes().iter().take(8192).any(|&b| b == 0)
}

/// Reads plain-text documents: one per path, standard input for `-`.
pub fn read_documents(paths: &[PathBuf]) -> Result<Vec<Document>> {
    paths
        .iter()
        .map(|p| {
            Ok(Document {
                name: p.display().to_string(),
                text: read_text(p)?,
                lang: None,
            })
        })
        .collect()
}

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
    /// The one-based line number in the batch file.
    pub line: usize,
    /// Every other field of the object.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

#[derive(Deserialize)]
struct RawItem {
    id: Option<serde_json::Value>,
    text: Option<String>,
    documents: Option<Vec<String>>,
    lang: Option<String>,
    #[serde(flatten)]
    extra: serde_json::Map<String, serde_json::Value>,
}

/// Parses one JSONL line (`line` is one-based, for messages).
pub fn parse_batch_line(raw: &str, path: &Path, line: usize) -> Result<BatchItem> {
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
    let documents = match (item.text, item.documents) {
        (Some(t), None) => vec![t],
        (None, Some(d)) => d,
        (Some(_), Some(_)) => {
            return Err(err(format!(
                "item {id:?} has both \"text\" and \"documents\"; give one"
            )));
        }
        (None, None) => return Err(err(format!("item {id:?} has no \"text\" or \"documents\""))),
    };
    let lang = match item.lang {
        Some(code) => Some(code.parse().map_err(|e: Error| err(e.to_string()))?),
        None => None,
    };
    Ok(BatchItem {
        id,
        documents,
        lang,
        line,
        extra: item.extra,
    })
}

/// Iterates over the items of a JSONL batch, one line at a time (bounded
/// memory). Blank lines are skipped; each item carries its line number.
pub fn batch_items(path: &Path) -> Result<impl Iterator<Item = Result<BatchItem>>> {
    let reader: Box<dyn BufRead> = if is_stdin(path) {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        Box::new(std::io::BufReader::new(file))
    };
    let path = path.to_path_buf();
    let mut line_no = 0usize;
    let mut lines = reader.split(b'\n');
    Ok(std::iter::from_fn(move || {
        loop {
            let raw = lines.next()?;
            line_no += 1;
            let raw = match raw {
                Ok(raw) => raw,
                Err(e) => return Some(Err(Error::io(&path, e))),
            };
            let text = match String::from_utf8(raw) {
                Ok(t) => t,
                Err(e) => {
                    return Some(Err(Error::Jsonl {
                        path: path.clone(),
                        line: line_no,
                        message: format!(
                            "invalid UTF-8 at byte {} of the line",
                            e.utf8_error().valid_up_to()
                        ),
                    }));
                }
            };
            let trimmed = text.trim_start_matches('\u{feff}').trim();
            if trimmed.is_empty() {
                continue;
            }
            return Some(parse_batch_line(trimmed, &path, line_no));
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Привет".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(le, Path::new("x")).unwrap(), "Привет");
        let mut be = vec![0xFE, 0xFF];
        for u in "سلام".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(be, Path::new("x")).unwrap(), "سلام");
    }

    #[test]
    fn refuses_binary_and_names_the_byte() {
        let e = decode(b"ab\0cd".to_vec(), Path::new("f.bin")).unwrap_err();
        assert!(e.to_string().contains("binary"), "{e}");
        let e = decode(b"\xEF\xBB\xBFab\xC3".to_vec(), Path::new("f.txt")).unwrap_err();
        assert!(e.to_string().contains("byte 5"), "{e}");
    }

    #[test]
    fn parses_batch_lines() {
        let p = Path::new("b.jsonl");
        let it = parse_batch_line(r#"{"id": 7, "text": "Hi.", "lang": "en"}"#, p, 1).unwrap();
        assert_eq!(
            (it.id.as_str(), it.documents.len(), it.lang),
            ("7", 1, Some(Lang::EN))
        );
        let it = parse_batch_line(
            r#"{"id": "a", "documents": ["x", "y"], "references": []}"#,
            p,
            2,
        )
        .unwrap();
        assert_eq!(it.documents, vec!["x", "y"]);
        assert!(it.extra.contains_key("references"));
        let e = parse_batch_line(r#"{"text": "x"}"#, p, 3).unwrap_err();
        assert_eq!(e.to_string(), "b.jsonl:3: missing \"id\"");
        let e = parse_batch_line("{oops", p, 4).unwrap_err();
        assert!(
            e.to_string().starts_with("b.jsonl:4: not a JSON object"),
            "{e}"
        );
    }
}
