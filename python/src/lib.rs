//! The `brief._brief` extension module: thin PyO3 wrappers over
//! [`library`], which holds every call into the library. The public Python API
//! (`brief/__init__.py`) validates arguments, turns mappings and paths into
//! these calls and parses the JSON they return.
//!
//! Every function releases the GIL while it works, and catches panics so
//! that none crosses into the interpreter. The jobs run on a thread pool of
//! the calling process ([`run::pool`], made again after a fork) while the
//! calling thread checks for signals, so Ctrl-C raises `KeyboardInterrupt`
//! at once ([`run::interruptible`]).
//!
//! Texts reach the library as bytes (a `str` as its UTF-8) and are prepared
//! as the CLI prepares a file ([`library::InputOptions::prepare`]).

mod error;
mod input;
mod library;
mod mt;
mod run;
mod translation;

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyString};

use crate::library::{
    CoreError, ExportOptions, Exported, Form, InputOptions, Item, ItemSource, NamedFile,
    SummaryOptions,
};
use crate::run::{Cancel, Interrupted};
use crate::translation::MergeInput;

/// Turns a [`CoreError`] into an instance of the matching class of
/// `brief.errors` (a `ValueError` for bad arguments).
fn to_py(py: Python<'_>, e: CoreError) -> PyErr {
    if e.kind == "Argument" {
        return PyValueError::new_err(e.message);
    }
    let class_name = match e.kind {
        "Io" => "IoError",
        "Encoding" => "EncodingError",
        "Config" => "ConfigError",
        "InvalidSetting" => "InvalidSettingError",
        "InvalidLanguage" => "InvalidLanguageError",
        "Jsonl" => "ItemError",
        "Input" => "InputError",
        "Usage" => "UsageError",
        "Internal" => "InternalError",
        _ => "Error",
    };
    let raised = py
        .import("brief.errors")
        .and_then(|m| m.getattr(class_name))
        .and_then(|class| class.call1((e.message.clone(),)));
    match raised {
        Ok(instance) => PyErr::from_value(instance),
        // The package is broken if its errors module is missing; say so
        // rather than lose the library's message.
        Err(_) => pyo3::exceptions::PyRuntimeError::new_err(e.message),
    }
}

/// Runs `work` without the GIL, with panics caught, and maps its error.
#[allow(dead_code)] // for short calls that borrow their inputs
fn run<T: Send>(py: Python<'_>, work: impl FnOnce() -> library::Result<T> + Send) -> PyResult<T> {
    py.detach(|| library::guarded(work))
        .map_err(|e| to_py(py, e))
}

/// Runs `work` on the process's pool without the GIL, with panics caught;
/// Ctrl-C raises `KeyboardInterrupt` at once and tells `work` to stop.
fn run_bg<T: Send + 'static>(
    py: Python<'_>,
    work: impl FnOnce(&Cancel) -> library::Result<T> + Send + 'static,
) -> PyResult<T> {
    run::interruptible(py, work).map_err(|e| match e {
        Interrupted::Failed(e) => to_py(py, e),
        Interrupted::Signal(e) => e,
    })
}

/// The bytes of each text: a `bytes`/`bytearray` as it is, a `str` as its
/// UTF-8 (a `str` that has none, with a lone surrogate, is refused).
fn raw_texts(py: Python<'_>, texts: &[Bound<'_, PyAny>], what: &str) -> PyResult<Vec<Vec<u8>>> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| raw_text(py, t, &format!("{what}[{i}]")))
        .collect()
}

fn raw_text(py: Python<'_>, t: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<u8>> {
    if let Ok(b) = t.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = t.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    if let Ok(s) = t.cast::<PyString>() {
        return match s.extract::<String>() {
            Ok(s) => Ok(s.into_bytes()),
            Err(_) => Err(to_py(
                py,
                CoreError {
                    kind: "Encoding",
                    message: format!(
                        "{what}: a str that has no UTF-8 form (a lone surrogate such as \\udc80)"
                    ),
                },
            )),
        };
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be a str or bytes, not {}",
        t.get_type().name()?
    )))
}

/// Refuses a text over the input limit before it is copied, naming it as
/// the library would (`names[i]`): bytes by their length, a `str` by its
/// length in characters (its UTF-8 is at least as long; one within the
/// limit in characters but not in bytes is refused after the copy).
fn check_sizes(
    py: Python<'_>,
    texts: &[Bound<'_, PyAny>],
    names: &[String],
    input: &InputOptions,
) -> PyResult<()> {
    for (t, name) in texts.iter().zip(names) {
        let size = if let Ok(b) = t.cast::<PyBytes>() {
            b.as_bytes().len()
        } else if let Ok(b) = t.cast::<PyByteArray>() {
            b.len()
        } else if let Ok(s) = t.cast::<PyString>() {
            s.len()?
        } else {
            continue;
        };
        if size as u64 > input.max_bytes {
            return Err(to_py(py, input::too_large(name, input.max_bytes)));
        }
    }
    Ok(())
}

/// The input keywords: `{"max_input": int, "encoding": str?, "html": bool}`.
fn input_options(d: &Bound<'_, PyDict>) -> PyResult<InputOptions> {
    let max_bytes: u64 = get(d, "max_input")?.unwrap_or(brief::input::DEFAULT_MAX_INPUT_BYTES);
    let encoding: Option<String> = get(d, "encoding")?;
    let html: bool = get(d, "html")?.unwrap_or(false);
    let mut input = InputOptions::new(max_bytes, encoding.as_deref(), html)
        .map_err(|e| PyValueError::new_err(e.message))?;
    input.keep_going = get(d, "keep_going")?.unwrap_or(false);
    Ok(input)
}

/// Batch items from Python: `("line", None, bytes)` (a JSONL line) or
/// `("text", id, str | bytes)` (an article).
fn batch_items(
    py: Python<'_>,
    items: Vec<(String, Option<String>, Bound<'_, PyAny>)>,
) -> PyResult<Vec<Item>> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, (kind, id, payload))| {
            let raw = raw_text(py, &payload, &format!("items[{i}]"))?;
            match (kind.as_str(), id) {
                ("line", _) => Ok(Item::Line(raw)),
                ("text", Some(id)) => Ok(Item::Text { id, raw }),
                _ => Err(PyValueError::new_err(format!(
                    "items[{i}]: unknown kind {kind:?}"
                ))),
            }
        })
        .collect()
}

fn item_source(source: Option<(String, usize)>) -> ItemSource {
    match source {
        Some((name, first_line)) => ItemSource {
            name,
            first_line: first_line.max(1),
        },
        None => ItemSource::default(),
    }
}

/// A parsed configuration (the layout of `config/default.toml`).
#[pyclass(frozen, module = "brief._brief", name = "Config")]
struct Config {
    inner: library::Config,
}

#[pymethods]
impl Config {
    /// The built-in defaults.
    #[new]
    fn new() -> Config {
        Config {
            inner: library::default_config(),
        }
    }

    /// Reads a TOML file.
    #[staticmethod]
    fn from_file(py: Python<'_>, path: PathBuf) -> PyResult<Config> {
        let inner = run(py, || library::config_from_file(&path))?;
        Ok(Config { inner })
    }

    /// Parses TOML text; `name` names it in messages.
    #[staticmethod]
    #[pyo3(signature = (text, name = "<toml>".to_string()))]
    fn from_toml(py: Python<'_>, text: String, name: String) -> PyResult<Config> {
        let inner = run(py, || library::config_from_toml(&text, &name))?;
        Ok(Config { inner })
    }

    /// Builds one from a JSON object with the TOML file's layout.
    #[staticmethod]
    #[pyo3(signature = (json, name = "<dict>".to_string()))]
    fn from_json(py: Python<'_>, json: String, name: String) -> PyResult<Config> {
        let inner = run(py, || library::config_from_json(&json, &name))?;
        Ok(Config { inner })
    }

    fn __repr__(&self) -> String {
        format!("brief.Config({})", library::config_summary(&self.inner))
    }
}

fn config_of(config: Option<PyRef<'_, Config>>) -> library::Config {
    config.map_or_else(library::default_config, |c| c.inner.clone())
}

fn get<'py, T: pyo3::conversion::FromPyObjectOwned<'py>>(
    d: &Bound<'py, PyDict>,
    key: &str,
) -> PyResult<Option<T>> {
    match d.get_item(key)? {
        Some(v) if !v.is_none() => Ok(Some(v.extract::<T>().map_err(Into::into)?)),
        _ => Ok(None),
    }
}

fn summary_options(d: &Bound<'_, PyDict>) -> PyResult<SummaryOptions> {
    Ok(SummaryOptions {
        lang: get(d, "lang")?,
        sentences: get(d, "sentences")?,
        words: get(d, "words")?,
        chars: get(d, "chars")?,
        bytes: get(d, "bytes")?,
        ratio: get(d, "ratio")?,
        algorithm: get(d, "algorithm")?,
        query: get(d, "query")?,
        order: get(d, "order")?,
    })
}

fn export_options(d: &Bound<'_, PyDict>) -> PyResult<ExportOptions> {
    Ok(ExportOptions {
        to: get(d, "to")?.unwrap_or_default(),
        formats: get(d, "formats")?.unwrap_or_default(),
        all: get(d, "all")?.unwrap_or(false),
        target: get(d, "target")?,
        source_tag: get(d, "source_tag")?,
        tm: get(d, "tm")?.unwrap_or_default(),
        glossary: get(d, "glossary")?,
        max_input: get(d, "max_input")?.unwrap_or(brief::input::DEFAULT_MAX_INPUT_BYTES),
    })
}

fn form(cli: bool) -> Form {
    if cli { Form::Cli } else { Form::Python }
}

/// Export files as Python (name, bytes) pairs, and the job's warnings.
type PyFiles = (Vec<(String, Py<PyBytes>)>, Vec<String>);

fn py_files(py: Python<'_>, (files, warnings): Exported) -> PyFiles {
    let files = files
        .into_iter()
        .map(|(name, contents)| (name, PyBytes::new(py, &contents).unbind()))
        .collect();
    (files, warnings)
}

/// A brief kept with its analysis (`brief.summarize(..., keep=True)`), to
/// export without a second analysis.
#[pyclass(frozen, module = "brief._brief", name = "KeptSummary")]
struct KeptSummary {
    inner: Arc<library::KeptSummary>,
}

/// The record of one article or cluster and the brief kept for export.
#[pyfunction]
#[pyo3(signature = (names, texts, options, input, config = None))]
fn summarize_kept(
    py: Python<'_>,
    names: Vec<String>,
    texts: Vec<Bound<'_, PyAny>>,
    options: &Bound<'_, PyDict>,
    input: &Bound<'_, PyDict>,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<(String, KeptSummary, Vec<String>)> {
    let options = summary_options(options)?;
    let input = input_options(input)?;
    check_sizes(py, &texts, &names, &input)?;
    let raws = raw_texts(py, &texts, "texts")?;
    drop(texts);
    let config = config_of(config);
    let (record, inner, warnings) = run_bg(py, move |_| {
        library::summarize_kept(&names, raws, &input, &options, &config)
    })?;
    Ok((
        record,
        KeptSummary {
            inner: Arc::new(inner),
        },
        warnings,
    ))
}

/// The export files of a kept brief.
#[pyfunction]
#[pyo3(signature = (kept, export, config = None))]
fn export_kept(
    py: Python<'_>,
    kept: PyRef<'_, KeptSummary>,
    export: &Bound<'_, PyDict>,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<PyFiles> {
    let export = export_options(export)?;
    let config = config_of(config);
    let kept = kept.inner.clone();
    let files = run_bg(py, move |_| library::export_kept(&kept, &export, &config))?;
    Ok(py_files(py, files))
}

fn merge_inputs(inputs: Vec<(PathBuf, Option<Bound<'_, PyBytes>>)>) -> Vec<MergeInput> {
    inputs
        .into_iter()
        .map(|(name, contents)| match contents {
            None => MergeInput::Path(name),
            Some(b) => MergeInput::Bytes(name.display().to_string(), b.as_bytes().to_vec()),
        })
        .collect()
}

/// JSON check report, as `brief check --format json`.
#[pyfunction]
#[pyo3(signature = (inputs, reference = None, glossary = None, max_input = brief::input::DEFAULT_MAX_INPUT_BYTES, config = None))]
fn check(
    py: Python<'_>,
    inputs: Vec<(PathBuf, Option<Bound<'_, PyBytes>>)>,
    reference: Option<PathBuf>,
    glossary: Option<PathBuf>,
    max_input: u64,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<(String, Vec<String>)> {
    let inputs = merge_inputs(inputs);
    let config = config_of(config);
    run_bg(py, move |_| {
        translation::check(
            &inputs,
            reference.as_deref(),
            glossary.as_deref(),
            max_input,
            &config,
        )
    })
}

/// JSON outcome of a memory update, as `brief merge --update-tm`.
#[pyfunction]
#[pyo3(signature = (memory, inputs, reference = None, date = None, allow_partial = false, config = None))]
fn update_memory(
    py: Python<'_>,
    memory: PathBuf,
    inputs: Vec<(PathBuf, Option<Bound<'_, PyBytes>>)>,
    reference: Option<PathBuf>,
    date: Option<u64>,
    allow_partial: bool,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<(String, Vec<String>)> {
    let inputs = merge_inputs(inputs);
    let config = config_of(config);
    run_bg(py, move |_| {
        translation::update_memory(
            &memory,
            &inputs,
            reference.as_deref(),
            date,
            allow_partial,
            &config,
        )
    })
}

/// The text the CLI would read from a file holding `text` (BOM dropped,
/// encoding checked, a web page's article text).
#[pyfunction]
#[pyo3(signature = (text, input, name = "text".to_string()))]
fn prepare_text(
    py: Python<'_>,
    text: Bound<'_, PyAny>,
    input: &Bound<'_, PyDict>,
    name: String,
) -> PyResult<String> {
    let input = input_options(input)?;
    check_sizes(
        py,
        std::slice::from_ref(&text),
        std::slice::from_ref(&name),
        &input,
    )?;
    let raw = raw_text(py, &text, &name)?;
    drop(text);
    run_bg(py, move |_| library::prepare_text(&name, raw, &input))
}

/// Names of the texts of one call: the given ones, else `text`/`texts[i]`.
fn text_names(names: Option<Vec<String>>, count: usize) -> Vec<String> {
    names.unwrap_or_else(|| {
        if count == 1 {
            vec!["text".into()]
        } else {
            (0..count).map(|i| format!("texts[{i}]")).collect()
        }
    })
}

/// JSON array: one detection per text.
#[pyfunction]
#[pyo3(signature = (texts, input, lang = None, config = None))]
fn detect(
    py: Python<'_>,
    texts: Vec<Bound<'_, PyAny>>,
    input: &Bound<'_, PyDict>,
    lang: Option<String>,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<String> {
    let input = input_options(input)?;
    let names = text_names(None, texts.len());
    check_sizes(py, &texts, &names, &input)?;
    let raws = raw_texts(py, &texts, "texts")?;
    drop(texts);
    let config = config_of(config);
    run_bg(py, move |_| {
        library::detect(&names, raws, &input, lang.as_deref(), &config)
    })
}

/// JSON array: one segmented document per text.
#[pyfunction]
#[pyo3(signature = (texts, input, lang = None, line_breaks = None, config = None))]
fn segment(
    py: Python<'_>,
    texts: Vec<Bound<'_, PyAny>>,
    input: &Bound<'_, PyDict>,
    lang: Option<String>,
    line_breaks: Option<String>,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<String> {
    let input = input_options(input)?;
    let names = text_names(None, texts.len());
    check_sizes(py, &texts, &names, &input)?;
    let raws = raw_texts(py, &texts, "texts")?;
    drop(texts);
    let config = config_of(config);
    run_bg(py, move |_| {
        library::segment(
            &names,
            raws,
            &input,
            lang.as_deref(),
            line_breaks.as_deref(),
            &config,
        )
    })
}

/// JSON record: the brief of one article or cluster.
#[pyfunction]
#[pyo3(signature = (names, texts, options, input, cli = false, config = None))]
fn summarize(
    py: Python<'_>,
    names: Vec<String>,
    texts: Vec<Bound<'_, PyAny>>,
    options: &Bound<'_, PyDict>,
    input: &Bound<'_, PyDict>,
    cli: bool,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<(String, Vec<String>)> {
    let options = summary_options(options)?;
    let input = input_options(input)?;
    check_sizes(py, &texts, &names, &input)?;
    let raws = raw_texts(py, &texts, "texts")?;
    drop(texts);
    let config = config_of(config);
    run_bg(py, move |_| {
        library::summarize(&names, raws, &input, &options, &config, form(cli))
    })
}

/// JSON records: one per batch item (blank lines give none).
#[pyfunction]
#[pyo3(signature = (items, options, input, source = None, cli = false, config = None))]
fn summarize_items(
    py: Python<'_>,
    items: Vec<(String, Option<String>, Bound<'_, PyAny>)>,
    options: &Bound<'_, PyDict>,
    input: &Bound<'_, PyDict>,
    source: Option<(String, usize)>,
    cli: bool,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<(Vec<String>, Vec<String>)> {
    let options = summary_options(options)?;
    let input = input_options(input)?;
    let items = batch_items(py, items)?;
    let source = item_source(source);
    let config = config_of(config);
    run_bg(py, move |cancel| {
        library::summarize_items(items, &source, &input, &options, &config, form(cli), cancel)
    })
}

/// The export files of one article or cluster: (name, contents) pairs.
#[pyfunction]
#[pyo3(signature = (names, texts, options, input, export, config = None))]
#[allow(clippy::too_many_arguments)]
fn export(
    py: Python<'_>,
    names: Vec<String>,
    texts: Vec<Bound<'_, PyAny>>,
    options: &Bound<'_, PyDict>,
    input: &Bound<'_, PyDict>,
    export: &Bound<'_, PyDict>,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<PyFiles> {
    let options = summary_options(options)?;
    let input = input_options(input)?;
    let export = export_options(export)?;
    check_sizes(py, &texts, &names, &input)?;
    let raws = raw_texts(py, &texts, "texts")?;
    drop(texts);
    let config = config_of(config);
    let files = run_bg(py, move |_| {
        library::export(&names, raws, &input, &options, &export, &config)
    })?;
    Ok(py_files(py, files))
}

/// The records of a batch and the export files of all its briefs.
#[pyfunction]
#[pyo3(signature = (items, options, input, export, source = None, cli = false, config = None))]
#[allow(clippy::too_many_arguments)]
fn export_items(
    py: Python<'_>,
    items: Vec<(String, Option<String>, Bound<'_, PyAny>)>,
    options: &Bound<'_, PyDict>,
    input: &Bound<'_, PyDict>,
    export: &Bound<'_, PyDict>,
    source: Option<(String, usize)>,
    cli: bool,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<(Vec<String>, PyFiles)> {
    let options = summary_options(options)?;
    let input = input_options(input)?;
    let export = export_options(export)?;
    let items = batch_items(py, items)?;
    let source = item_source(source);
    let config = config_of(config);
    let (records, files) = run_bg(py, move |cancel| {
        library::export_items(
            items,
            &source,
            &input,
            &options,
            &export,
            &config,
            form(cli),
            cancel,
        )
    })?;
    Ok((records, py_files(py, files)))
}

/// Writes (name, contents) pairs under a directory; returns the paths.
#[pyfunction]
#[pyo3(signature = (dir, files, force = false))]
fn write_files(
    py: Python<'_>,
    dir: PathBuf,
    files: Vec<(String, Bound<'_, PyBytes>)>,
    force: bool,
) -> PyResult<(Vec<PathBuf>, Vec<String>)> {
    let files: Vec<NamedFile> = files
        .into_iter()
        .map(|(name, b)| (name, b.as_bytes().to_vec()))
        .collect();
    run_bg(py, move |_| library::write_files(&dir, &files, force))
}

/// JSON merge result, and the multilingual TMX when asked for. Each input
/// is (path, None) to read a file or (name, contents).
#[pyfunction]
#[pyo3(signature = (inputs, reference = None, tmx = false, allow_partial = false, accept_mt = false, strict = false, config = None))]
#[allow(clippy::too_many_arguments)]
fn merge(
    py: Python<'_>,
    inputs: Vec<(PathBuf, Option<Bound<'_, PyBytes>>)>,
    reference: Option<PathBuf>,
    tmx: bool,
    allow_partial: bool,
    accept_mt: bool,
    strict: bool,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<(String, Option<Py<PyBytes>>, Vec<String>)> {
    let inputs = merge_inputs(inputs);
    let config = config_of(config);
    let accept = translation::Accept {
        missing_languages: allow_partial,
        machine_translation: accept_mt,
    };
    let (json, memory, warnings) = run_bg(py, move |_| {
        translation::merge(&inputs, reference.as_deref(), tmx, accept, strict, &config)
    })?;
    Ok((
        json,
        memory.map(|m| PyBytes::new(py, &m).unbind()),
        warnings,
    ))
}

#[pymodule]
fn _brief(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", library::version())?;
    m.add("DEFAULT_MAX_INPUT", brief::input::DEFAULT_MAX_INPUT_BYTES)?;
    m.add_class::<Config>()?;
    m.add_function(wrap_pyfunction!(prepare_text, m)?)?;
    m.add_function(wrap_pyfunction!(detect, m)?)?;
    m.add_function(wrap_pyfunction!(segment, m)?)?;
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(summarize_items, m)?)?;
    m.add_function(wrap_pyfunction!(export, m)?)?;
    m.add_function(wrap_pyfunction!(export_items, m)?)?;
    m.add_function(wrap_pyfunction!(write_files, m)?)?;
    m.add_function(wrap_pyfunction!(merge, m)?)?;
    m.add_class::<KeptSummary>()?;
    m.add_function(wrap_pyfunction!(summarize_kept, m)?)?;
    m.add_function(wrap_pyfunction!(export_kept, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(update_memory, m)?)?;
    mt::register(m)?;
    Ok(())
}
