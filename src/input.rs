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
    if looks_binary(&bytes) {
        return Err(Error::Encoding {
            path: path.to_path_buf(),
            message: "looks like a binary file (or UTF-16 without a byte-order mark), not text"
                .into(),
        });
    }
    let had_bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let mut bytes = bytes;
    if had_bom {
        bytes.drain(..3);
    }
    let offset = if had_bom { 3 } else { 0 };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
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

/// Like git and grep, judge by NUL bytes in the first 8 KiB; but a stray NUL
/// in otherwise valid text is kept (it is text with a control character),
/// so only many NULs (5% or more), or NULs in invalid UTF-8, mean binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    nuls > 0 && (nuls * 20 >= sample.len() || std::str::from_utf8(bytes).is_err())
}

/// How input bytes are turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 (a byte-order mark is dropped), or UTF-16 when the input starts
    /// with a UTF-16 byte-order mark; anything else is refused.
    #[default]
    Auto,
    /// An explicitly named encoding such as `windows-1251`, `latin1` or
    /// `utf-16le` (WHATWG labels). Malformed sequences are still refused.
    Named(&'static encoding_rs::Encoding),
}

impl std::str::FromStr for Encoding {
    type Err = Error;

    /// Parses `auto`, `utf-8` or any WHATWG encoding label.
    ///
    /// ```
    /// use brief::input::Encoding;
    /// assert!("windows-1251".parse::<Encoding>().is_ok());
    /// assert!("klingon".parse::<Encoding>().is_err());
    /// ```
    fn from_str(label: &str) -> Result<Encoding> {
        if label.eq_ignore_ascii_case("auto") {
            return Ok(Encoding::Auto);
        }
        encoding_rs::Encoding::for_label(label.trim().as_bytes())
            .map(Encoding::Named)
            .ok_or_else(|| Error::InvalidSetting {
                key: "--encoding".into(),
                message: format!(
                    "unknown encoding {label:?} (try utf-8, utf-16le, windows-1251, latin1)"
                ),
            })
    }
}

/// Decodes bytes read from `path` with an explicit encoding choice.
pub fn decode_as(bytes: Vec<u8>, path: &Path, encoding: Encoding) -> Result<String> {
    let enc = match encoding {
        Encoding::Auto => return decode(bytes, path),
        Encoding::Named(enc) if enc == encoding_rs::UTF_8 => return decode(bytes, path),
        Encoding::Named(enc) => enc,
    };
    // decode_without_bom_handling_and_without_replacement refuses malformed input
    // instead of inserting U+FFFD; a BOM of the named encoding is still dropped.
    let (enc, skip) = match encoding_rs::Encoding::for_bom(&bytes) {
        Some((bom_enc, len)) if bom_enc == enc => (enc, len),
        _ => (enc, 0),
    };
    match enc.decode_without_bom_handling_and_without_replacement(&bytes[skip..]) {
        Some(text) => Ok(text.into_owned()),
        None => Err(Error::Encoding {
            path: path.to_path_buf(),
            message: format!("not valid {} text", enc.name()),
        }),
    }
}

/// Expands the command line's inputs: `-` stays standard input; a directory
/// becomes every `.txt` and `.md` file below it (recursively, sorted by
/// path); a pattern with `*`, `?` or `[` that names no existing file is
/// expanded as a glob (sorted). Other paths are kept as given, so a missing
/// file is reported when it is read.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if is_stdin(input) {
            out.push(input.clone());
        } else if input.is_dir() {
            let before = out.len();
            walk_dir(input, &mut out)?;
            out[before..].sort();
        } else if !input.exists() && input.to_string_lossy().contains(['*', '?', '[']) {
            let pattern = input.to_string_lossy();
            let paths = glob::glob(&pattern).map_err(|e| Error::Input {
                path: input.clone(),
                message: format!("bad glob pattern: {e}"),
            })?;
            let mut found: Vec<PathBuf> = Vec::new();
            for entry in paths {
                let path = entry.map_err(|e| {
                    let path = e.path().to_path_buf();
                    Error::io(path, e.into())
                })?;
                if path.is_file() {
                    found.push(path);
                }
            }
            if found.is_empty() {
                return Err(Error::Input {
                    path: input.clone(),
                    message: "no file matches this pattern".into(),
                });
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        paths.push(entry.map_err(|e| Error::io(dir, e))?.path());
    }
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk_dir(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads plain-text documents with an explicit encoding choice.
pub fn read_documents_as(paths: &[PathBuf], encoding: Encoding) -> Result<Vec<Document>> {
    paths
        .iter()
        .map(|p| {
            Ok(Document {
                name: p.display().to_string(),
                text: decode_as(read_bytes(p)?, p, encoding)?,
                lang: None,
            })
        })
        .collect()
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
        path: path.to_path_buf(),
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
        let e = decode(b"ab\0\xFFcd".to_vec(), Path::new("f.bin")).unwrap_err();
        assert!(e.to_string().contains("binary"), "{e}");
        let e = decode(b"a\0b\0c\0".to_vec(), Path::new("f.bin")).unwrap_err();
        assert!(e.to_string().contains("binary"), "{e}");
        let text = "word ".repeat(100) + "\0 and more";
        assert_eq!(
            decode(text.clone().into_bytes(), Path::new("f.txt")).unwrap(),
            text
        );
        let e = decode(b"\xEF\xBB\xBFab\xC3".to_vec(), Path::new("f.txt")).unwrap_err();
        assert!(e.to_string().contains("byte 5"), "{e}");
    }

    #[test]
    fn decodes_named_encodings_and_refuses_malformed_input() {
        let cp1251 = Encoding::Named(encoding_rs::WINDOWS_1251);
        assert_eq!(
            decode_as(vec![0xCF, 0xF0, 0xE8], Path::new("x"), cp1251).unwrap(),
            "При"
        );
        let latin1: Encoding = "latin1".parse().unwrap();
        assert_eq!(
            decode_as(b"caf\xE9".to_vec(), Path::new("x"), latin1).unwrap(),
            "café"
        );
        let utf16: Encoding = "utf-16le".parse().unwrap();
        assert!(decode_as(vec![0x00, 0xD8], Path::new("x"), utf16).is_err());
    }

    #[test]
    fn expands_directories_sorted_and_recursively() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for name in ["b.txt", "a.md", "c.json", "sub/d.TXT"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let got = expand_inputs(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<String> = got
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["a.md", "b.txt", "sub/d.TXT"]);
        let pattern = dir.path().join("*.txt");
        assert_eq!(expand_inputs(&[pattern]).unwrap().len(), 1);
        assert!(expand_inputs(&[dir.path().join("*.nothing")]).is_err());
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
