//! Reading inputs: plain-text files, standard input and JSONL batches.
//!
//! Text is decoded strictly: UTF-8 (a leading byte-order mark is dropped) or
//! UTF-16 with a byte-order mark. Anything else is refused with the byte
//! offset of the first bad sequence, so a wrong encoding is never silently
//! turned into replacement characters.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

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
    /// The headline given with the text (a JSONL item's `title`), if any;
    /// the summarizer also recognises a headline as the text's first line.
    pub title: Option<String>,
}

impl Document {
    /// A document from a string.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            name: name.into(),
            text: text.into(),
            lang: None,
            title: None,
        }
    }
}

/// Whether `path` means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The default input size limit, 256 MiB; merge's readers take the same
/// (`formats::xml::MAX_INPUT_BYTES` is defined from this one, so input
/// needs nothing from formats).
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;
/// The environment variable the `brief` binary reads for the input size
/// limit when `--max-input` is not given. The library never reads it: a
/// program passes the limit in [`InputSettings`].
pub const MAX_INPUT_ENV: &str = "BRIEF_MAX_INPUT";

/// How inputs are read: the size limit, the text encoding, how web pages are
/// told from text, and how URLs are fetched. The caller (the binary, from
/// its flags and environment) decides every one of them; the library keeps
/// no process-wide state and reads no environment variable.
///
/// ```
/// use brief::input::InputSettings;
/// let settings = InputSettings { max_bytes: 1 << 20, ..InputSettings::default() };
/// assert_eq!(settings.max_bytes, 1048576);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputSettings {
    /// The most bytes read from one input (a file, a device, standard input,
    /// a JSONL line, a fetched page after decompression); more is refused.
    pub max_bytes: u64,
    /// How text is decoded.
    pub encoding: Encoding,
    /// How web pages are told from plain text.
    pub markup: Markup,
    /// How URLs are fetched: timeouts, redirects, proxy, user agent.
    pub fetch: url::FetchSettings,
}

impl Default for InputSettings {
    fn default() -> InputSettings {
        InputSettings {
            max_bytes: DEFAULT_MAX_INPUT_BYTES,
            encoding: Encoding::Auto,
            markup: Markup::Detect,
            fetch: url::FetchSettings::default(),
        }
    }
}

impl InputSettings {
    /// The input limit from a `--max-input` value if given, else from the
    /// value of [`MAX_INPUT_ENV`] if set, else [`DEFAULT_MAX_INPUT_BYTES`].
    /// The caller reads the environment; an unparsable value is an
    /// [`Error::InvalidSetting`] naming the variable.
    ///
    /// ```
    /// use brief::input::InputSettings;
    /// assert_eq!(InputSettings::max_bytes_from(None, Some("1K")).unwrap(), 1024);
    /// assert_eq!(InputSettings::max_bytes_from(Some(5), Some("1K")).unwrap(), 5);
    /// assert!(InputSettings::max_bytes_from(None, Some("lots")).is_err());
    /// ```
    pub fn max_bytes_from(flag: Option<u64>, env: Option<&str>) -> Result<u64> {
        match (flag, env) {
            (Some(limit), _) => Ok(limit),
            (None, Some(value)) => parse_size(value).map_err(|message| Error::InvalidSetting {
                key: MAX_INPUT_ENV.into(),
                message,
            }),
            (None, None) => Ok(DEFAULT_MAX_INPUT_BYTES),
        }
    }
}

/// Parses a size such as `1000`, `64K`, `256M`, `1G` (also `MiB`, `MB`:
/// all powers of 1024).
///
/// ```
/// assert_eq!(brief::input::parse_size("256M"), Ok(256 << 20));
/// assert!(brief::input::parse_size("0").is_err());
/// ```
pub fn parse_size(text: &str) -> std::result::Result<u64, String> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => {
            return Err(format!(
                "{text:?} is not a size such as 1000, 64K, 256M or 1G"
            ));
        }
    };
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a size such as 1000, 64K, 256M or 1G"))?;
    match n.checked_mul(1 << shift) {
        Some(0) => Err("the input limit must be more than 0 bytes".into()),
        Some(v) => Ok(v),
        None => Err(format!("{text:?} is too large")),
    }
}

fn too_large(path: &Path, limit: u64) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        message: format!(
            "larger than the input limit of {}; refusing to read it (raise it with --max-input or ${MAX_INPUT_ENV})",
            show_size(limit)
        ),
    }
}

fn show_size(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads at most `limit` bytes; one byte more is an error.
fn read_bounded(reader: impl Read, path: &Path, limit: u64, hint: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(usize::try_from(hint.min(limit)).unwrap_or(0));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, limit));
    }
    Ok(bytes)
}

/// Reads a whole file (or standard input for `-`) as raw bytes, up to
/// [`DEFAULT_MAX_INPUT_BYTES`]; [`read_bytes_limited`] takes the caller's
/// limit (the user's `--max-input`).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    read_bytes_limited(path, DEFAULT_MAX_INPUT_BYTES)
}

/// Reads a whole file (or standard input for `-`) as raw bytes, up to
/// `limit` bytes: the one bounded file reader of brief. FIFOs, devices and
/// standard input are read until end of file or the limit; a regular file
/// larger than the limit is refused before it is read, and one that changes
/// size or modification time while it is read is refused (it was being
/// written).
pub fn read_bytes_limited(path: &Path, limit: u64) -> Result<Vec<u8>> {
    if is_stdin(path) {
        return read_bounded(std::io::stdin().lock(), path, limit, 0);
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let before = file.metadata().map_err(|e| Error::io(path, e))?;
    if before.is_dir() {
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: "is a directory, not a text file".into(),
        });
    }
    if !before.is_file() {
        return read_bounded(&file, path, limit, 0);
    }
    if before.len() > limit {
        return Err(too_large(path, limit));
    }
    let bytes = read_bounded(&file, path, limit, before.len())?;
    let after = file.metadata().map_err(|e| Error::io(path, e))?;
    if changed_while_read(&before, bytes.len() as u64, &after) {
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: format!(
                "changed while it was read ({} bytes before, {} read, {} after); \
                 read it again when it is complete",
                before.len(),
                bytes.len(),
                after.len()
            ),
        });
    }
    Ok(bytes)
}

/// Whether a regular file changed between the two `stat`s around reading
/// `read` bytes of it: another size or modification time, or fewer or more
/// bytes than its size. A file that claims size 0 and keeps it (as `/proc`
/// files do) is taken as it reads.
fn changed_while_read(before: &std::fs::Metadata, read: u64, after: &std::fs::Metadata) -> bool {
    after.len() != before.len()
        || after.modified().ok() != before.modified().ok()
        || (read != before.len() && before.len() != 0)
}

/// Reads and decodes a text file (or standard input for `-`), up to
/// [`DEFAULT_MAX_INPUT_BYTES`].
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
    // UTF-32's byte-order marks come first: the little-endian one begins
    // with UTF-16LE's, and read as UTF-16 it would give text full of NULs.
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\x00\x00") {
        return decode_utf32(rest, path, u32::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\x00\x00\xFE\xFF") {
        return decode_utf32(rest, path, u32::from_be_bytes);
    }
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

fn decode_utf32(rest: &[u8], path: &Path, unit: fn([u8; 4]) -> u32) -> Result<String> {
    if !rest.len().is_multiple_of(4) {
        return Err(Error::Encoding {
            path: path.to_path_buf(),
            message: "UTF-32 input has a number of bytes that is not a multiple of 4".into(),
        });
    }
    let mut text = String::with_capacity(rest.len() / 4);
    for (i, c) in rest.chunks_exact(4).enumerate() {
        match char::from_u32(unit([c[0], c[1], c[2], c[3]])) {
            Some(ch) => text.push(ch),
            None => {
                return Err(Error::Encoding {
                    path: path.to_path_buf(),
                    message: format!("invalid UTF-32 at byte {}", 4 + 4 * i),
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
    /// UTF-8 (a byte-order mark is dropped), or UTF-16 or UTF-32 when the
    /// input starts with a byte-order mark of theirs; anything else is refused.
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

/// Expands the command line's inputs: `-` stays standard input and an
/// `http://` or `https://` URL stays as it is (any other `scheme://` that
/// names no file is refused); a directory
/// becomes every `.txt` and `.md` file below it (recursively, sorted by
/// path); a pattern with `*`, `?` or `[` that names no existing file is
/// expanded as a glob (sorted). Other paths are kept as given, so a missing
/// file is reported when it is read. Warnings (see [`expand_inputs_reporting`])
/// go to standard error.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    expand_inputs_reporting(inputs, &mut |message| {
        eprintln!("brief: warning: {message}")
    })
}

/// [`expand_inputs`], with each warning (already escaped for a terminal)
/// given to `warn`.
///
/// Walking directories and globs is bounded: symbolic links to directories
/// are not followed (a warning names them), a directory reached twice (a bind
/// mount loop) is walked once, a file reached twice (hard or symbolic links)
/// is read once, FIFOs, sockets and devices are skipped with a warning, and
/// the kernel's pseudo file systems (`/proc`, `/sys`, `/dev` and the like)
/// are not entered, so `brief segment /` ends. Paths given by name are used as
/// given, even a FIFO or a device (read up to the input limit).
pub fn expand_inputs_reporting(
    inputs: &[PathBuf],
    warn: &mut dyn FnMut(String),
) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut walk = Walk {
        dirs_seen: HashSet::new(),
        files_seen: HashSet::new(),
        warn,
    };
    for input in inputs {
        if is_stdin(input) || url::as_url(input).is_some() {
            out.push(input.clone());
        } else if let Some(scheme) = url::foreign_scheme(input) {
            return Err(Error::Input {
                path: input.clone(),
                message: format!(
                    "a {scheme}: URL; brief reads only http and https URLs (write ./{} for a file of that name)",
                    input.display()
                ),
            });
        } else if input.is_dir() {
            let mut found = Vec::new();
            walk.dir(input, None, &mut |p| has_text_extension(p), &mut found)?;
            found.sort();
            out.extend(found);
        } else if !input.exists() && input.to_string_lossy().contains(['*', '?', '[']) {
            let found = walk.glob(input)?;
            if found.is_empty() {
                return Err(Error::Input {
                    path: input.clone(),
                    message: "no file matches this pattern".into(),
                });
            }
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

fn has_text_extension(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        ["txt", "md", "html", "htm"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// Whether `path` names a web page by its extension (`.html`, `.htm`).
pub fn has_html_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// How to tell web pages from plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Markup {
    /// A page is a file ending in `.html`/`.htm`, or a text that is plainly
    /// an HTML document ([`crate::html::looks_like_html`]).
    #[default]
    Detect,
    /// Every input is a web page.
    Html,
}

/// Decodes one input and, if it is a web page, extracts its article text
/// (title and body paragraphs; see [`crate::html`]). A page that is not
/// valid in `encoding` but declares its own charset is read in that one.
pub fn decode_document(
    bytes: Vec<u8>,
    path: &Path,
    encoding: Encoding,
    markup: Markup,
) -> Result<String> {
    decode_titled(bytes, path, encoding, markup).map(|(text, _)| text)
}

/// [`decode_document`] with the page's headline (its `<h1>` or `<title>`,
/// see [`crate::html`]) when the input is a web page: the document's
/// given title, which the brief shows as its title.
pub fn decode_titled(
    bytes: Vec<u8>,
    path: &Path,
    encoding: Encoding,
    markup: Markup,
) -> Result<(String, Option<String>)> {
    let html_named = markup == Markup::Html || has_html_extension(path);
    // A page that is not UTF-8 but declares its charset (old ru/fa sites use
    // windows-1251/1256) is read in the declared one.
    let declared = (encoding == Encoding::Auto)
        .then(|| crate::html::declared_encoding(&bytes))
        .flatten()
        .filter(|e| *e != encoding_rs::UTF_8 && std::str::from_utf8(&bytes).is_err());
    let text = match declared {
        Some(e) => decode_as(bytes, path, Encoding::Named(e))?,
        None => decode_as(bytes, path, encoding)?,
    };
    if html_named || crate::html::looks_like_html(&text) {
        Ok(page_parts(&text))
    } else {
        Ok((text, None))
    }
}

/// A web page's article text and headline.
fn page_parts(html: &str) -> (String, Option<String>) {
    let page = crate::html::extract(html);
    (page.text, page.title)
}

/// State of one expansion: what was visited, for loops and duplicates.
struct Walk<'w> {
    dirs_seen: HashSet<(u64, u64)>,
    files_seen: HashSet<(u64, u64)>,
    warn: &'w mut dyn FnMut(String),
}

#[cfg(unix)]
fn file_id(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// Whether `dir` is a kernel pseudo file system (or `/dev`), whose files are
/// not documents and whose size or depth may be endless.
fn is_pseudo_fs(dir: &Path) -> bool {
    if dir.file_name().is_some_and(|n| n == "dev")
        && dir.canonicalize().is_ok_and(|c| c == Path::new("/dev"))
    {
        return true;
    }
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let Ok(c) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
            return false;
        };
        // SAFETY: statfs fills the zeroed struct for a valid path.
        let mut st: libc::statfs = unsafe { std::mem::zeroed() };
        if unsafe { libc::statfs(c.as_ptr(), &mut st) } != 0 {
            return false;
        }
        // proc, sysfs, devpts, cgroup, cgroup2, debugfs, tracefs,
        // securityfs, pstore, bpf, configfs, selinuxfs, fusectl, mqueue,
        // binfmt_misc.
        const PSEUDO: [u32; 15] = [
            0x9fa0,
            0x6265_6572,
            0x1cd1,
            0x0027_e0eb,
            0x6367_7270,
            0x6462_6720,
            0x7472_6163,
            0x7363_6673,
            0x6165_676c,
            0xcafe_4a11,
            0x6265_6570,
            0xf97c_ff8c,
            0x6573_5543,
            0x1980_0202,
            0x4249_4e4d,
        ];
        #[allow(clippy::unnecessary_cast)] // f_type's width differs between targets
        PSEUDO.contains(&(st.f_type as u32))
    }
    #[cfg(not(target_os = "linux"))]
    false
}

impl Walk<'_> {
    /// Collects into `out` the files below `dir` that `wants`, at most
    /// `depth` levels down (`None`: no bound).
    fn dir(
        &mut self,
        dir: &Path,
        depth: Option<usize>,
        wants: &mut dyn FnMut(&Path) -> bool,
        out: &mut Vec<PathBuf>,
    ) -> Result<()> {
        let shown = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let meta = std::fs::metadata(shown).map_err(|e| Error::io(shown, e))?;
        if let Some(id) = file_id(&meta)
            && !self.dirs_seen.insert(id)
        {
            (self.warn)(format!(
                "{}: a directory already walked (a loop of mounts or links); skipped",
                crate::escape::escape_path(shown)
            ));
            return Ok(());
        }
        if is_pseudo_fs(shown) {
            (self.warn)(format!(
                "{}: a kernel pseudo file system (such as /proc, /sys, /dev); not walked",
                crate::escape::escape_path(shown)
            ));
            return Ok(());
        }
        let mut entries: Vec<(PathBuf, std::fs::FileType)> = Vec::new();
        for entry in std::fs::read_dir(shown).map_err(|e| Error::io(shown, e))? {
            let entry = entry.map_err(|e| Error::io(shown, e))?;
            let kind = entry.file_type().map_err(|e| Error::io(entry.path(), e))?;
            entries.push((dir.join(entry.file_name()), kind));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, kind) in entries {
            if kind.is_dir() {
                if depth != Some(0) {
                    self.dir(&path, depth.map(|d| d - 1), wants, out)?;
                }
                continue;
            }
            // A symbolic link to a directory is named even when its name
            // would not match: the user may have expected it to be walked.
            if !kind.is_symlink() && !wants(&path) {
                continue;
            }
            // Follows a symbolic link, to see what it points to.
            let target = match std::fs::metadata(&path) {
                Ok(meta) => meta,
                Err(_) if kind.is_symlink() => {
                    if wants(&path) {
                        (self.warn)(format!(
                            "{}: a broken symbolic link; skipped",
                            crate::escape::escape_path(&path)
                        ));
                    }
                    continue;
                }
                Err(e) => return Err(Error::io(&path, e)),
            };
            if target.is_dir() {
                (self.warn)(format!(
                    "{}: a symbolic link to a directory; not followed",
                    crate::escape::escape_path(&path)
                ));
            } else if !wants(&path) {
            } else if !target.is_file() {
                (self.warn)(format!(
                    "{}: not a regular file (a FIFO, socket or device); skipped",
                    crate::escape::escape_path(&path)
                ));
            } else if file_id(&target).is_none_or(|id| self.files_seen.insert(id)) {
                out.push(path);
            }
        }
        Ok(())
    }

    /// The files matching a glob pattern, sorted: the directory named by the
    /// pattern's leading literal components is walked (as deep as the pattern
    /// goes, or without bound for `**`) and each path matched as a whole.
    fn glob(&mut self, input: &Path) -> Result<Vec<PathBuf>> {
        let text = input.to_string_lossy();
        let pattern = glob::Pattern::new(&text).map_err(|e| Error::Input {
            path: input.to_path_buf(),
            message: format!("bad glob pattern: {e}"),
        })?;
        let mut base = PathBuf::new();
        let mut levels = 0usize;
        let mut recursive = false;
        for component in input.components() {
            let part = component.as_os_str().to_string_lossy();
            if levels == 0 && !part.contains(['*', '?', '[']) {
                base.push(component);
            } else {
                levels += 1;
                recursive |= part.contains("**");
            }
        }
        if levels == 0 {
            return Ok(Vec::new());
        }
        if !base.as_os_str().is_empty() && !base.is_dir() {
            return Ok(Vec::new());
        }
        let options = glob::MatchOptions {
            case_sensitive: true,
            require_literal_separator: true,
            require_literal_leading_dot: false,
        };
        let depth = (!recursive).then(|| levels - 1);
        let mut found = Vec::new();
        self.dir(
            &base,
            depth,
            &mut |p| pattern.matches_path_with(p, options),
            &mut found,
        )?;
        found.sort();
        Ok(found)
    }
}

/// Reads documents with an explicit encoding choice and the default
/// [`InputSettings`] otherwise; see [`read_documents_with`].
pub fn read_documents_as(
    paths: &[PathBuf],
    encoding: Encoding,
    markup: Markup,
) -> Result<Vec<Document>> {
    let settings = InputSettings {
        encoding,
        markup,
        ..InputSettings::default()
    };
    read_documents_with(paths, &settings)
}

/// Reads one document per input: a file, standard input for `-`, or a web
/// page for an `http://` or `https://` URL (see [`url`]), each bounded by
/// `settings.max_bytes`. A document read from a URL is named by the URL
/// without its user name and password.
pub fn read_documents_with(paths: &[PathBuf], settings: &InputSettings) -> Result<Vec<Document>> {
    let mut fetcher = None;
    paths
        .iter()
        .map(|p| read_one(p, settings, &mut fetcher))
        .collect()
}

/// Reads one input (a file, `-`, or a URL); see [`read_documents_with`].
pub fn read_document(path: &Path, settings: &InputSettings) -> Result<Document> {
    read_one(path, settings, &mut None)
}

/// [`read_document`] with a fetcher made on the first URL and kept for the
/// next ones (its connections and TLS roots).
fn read_one(
    path: &Path,
    settings: &InputSettings,
    fetcher: &mut Option<url::Fetcher>,
) -> Result<Document> {
    if let Some(address) = url::as_url(path) {
        let page = fetch_with(fetcher, address, settings)?;
        let (text, title) = page_text_titled(&page, settings.markup)?;
        return Ok(Document {
            text,
            name: page.name,
            lang: None,
            title,
        });
    }
    let (text, title) = decode_titled(
        read_bytes_limited(path, settings.max_bytes)?,
        path,
        settings.encoding,
        settings.markup,
    )?;
    Ok(Document {
        name: path.display().to_string(),
        text,
        lang: None,
        title,
    })
}

fn fetch_with(
    fetcher: &mut Option<url::Fetcher>,
    address: &str,
    settings: &InputSettings,
) -> Result<url::Page> {
    let fetcher = match fetcher {
        Some(f) => f,
        None => fetcher.insert(url::Fetcher::new(&settings.fetch)?),
    };
    fetcher.fetch(address, settings.max_bytes)
}

/// The text of a fetched page: its article text when it is a web page
/// (by its media type, or by its content when the server gives none), else
/// the text as it is. Its encoding is chosen by [`charset::decode_page`].
pub fn page_text(page: &url::Page, markup: Markup) -> Result<String> {
    page_text_titled(page, markup).map(|(text, _)| text)
}

/// [`page_text`] with the page's headline when it is a web page.
pub fn page_text_titled(page: &url::Page, markup: Markup) -> Result<(String, Option<String>)> {
    let shown = Path::new(&page.name);
    let media = page.media_type.as_deref();
    let is_html = matches!(media, Some("text/html" | "application/xhtml+xml"));
    let is_text = is_html || media.is_none_or(|m| m.starts_with("text/"));
    if !is_text {
        return Err(Error::Input {
            path: shown.to_path_buf(),
            message: format!(
                "the server sent {}, not a web page or text",
                media.unwrap_or_default()
            ),
        });
    }
    let text = charset::decode_page(&page.body, page.charset.as_deref(), page.tld(), shown)?;
    if is_html || markup == Markup::Html || crate::html::looks_like_html(&text) {
        Ok(page_parts(&text))
    } else {
        Ok((text, None))
    }
}

/// Reads plain-text documents: one per path, standard input for `-`, each
/// up to [`DEFAULT_MAX_INPUT_BYTES`].
pub fn read_documents(paths: &[PathBuf]) -> Result<Vec<Document>> {
    paths
        .iter()
        .map(|p| {
            Ok(Document {
                name: p.display().to_string(),
                text: read_text(p)?,
                lang: None,
                title: None,
            })
        })
        .collect()
}

mod batch;
pub use batch::{
    BatchItem, batch_items, batch_items_with, batch_line, parse_batch_line, parse_batch_line_with,
};

pub mod charset;
pub mod url;

#[cfg(test)]
mod tests;
