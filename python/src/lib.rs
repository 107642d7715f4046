//! The `brief._brief` extension module: thin PyO3 wrappers over
//! [`library`], which holds every call into the library. The public Python API
//! (`brief/__init__.py`) validates arguments, turns mappings and paths into
//! these calls and parses the JSON they return.
//!
//! Every function releases the GIL while it works (`Python::detach`), and
//! catches panics so that none crosses into the interpreter.

mod library;
mod mt;
mod translation;

use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use crate::library::{CoreError, ExportOptions, Exported, Form, NamedFile, SummaryOptions};
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
fn run<T: Send>(py: Python<'_>, work: impl FnOnce() -> library::Result<T> + Send) -> PyResult<T> {
    py.detach(|| library::guarded(work))
        .map_err(|e| to_py(py, e))
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
    inner: library::KeptSummary,
}

/// The record of one article or cluster and the brief kept for export.
#[pyfunction]
#[pyo3(signature = (names, texts, options, config = None))]
fn summarize_kept(
    py: Python<'_>,
    names: Vec<String>,
    texts: Vec<String>,
    options: &Bound<'_, PyDict>,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<(String, KeptSummary)> {
    let options = summary_options(options)?;
    let config = config_of(config);
    let (record, inner) = run(py, || {
        library::summarize_kept(&names, &texts, &options, &config)
    })?;
    Ok((record, KeptSummary { inner }))
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
    let kept = &kept.inner;
    let files = run(py, || library::export_kept(kept, &export, &config))?;
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
#[pyo3(signature = (inputs, reference = None, glossary = None, config = None))]
fn check(
    py: Python<'_>,
    inputs: Vec<(PathBuf, Option<Bound<'_, PyBytes>>)>,
    reference: Option<PathBuf>,
    glossary: Option<PathBuf>,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<String> {
    let inputs = merge_inputs(inputs);
    let config = config_of(config);
    run(py, || {
        translation::check(&inputs, reference.as_deref(), glossary.as_deref(), &config)
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
) -> PyResult<String> {
    let inputs = merge_inputs(inputs);
    let config = config_of(config);
    run(py, || {
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

/// JSON array: one detection per text.
#[pyfunction]
#[pyo3(signature = (texts, lang = None, config = None))]
fn detect(
    py: Python<'_>,
    texts: Vec<String>,
    lang: Option<String>,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<String> {
    let config = config_of(config);
    run(py, || library::detect(&texts, lang.as_deref(), &config))
}

/// JSON array: one segmented document per text.
#[pyfunction]
#[pyo3(signature = (texts, lang = None, line_breaks = None, config = None))]
fn segment(
    py: Python<'_>,
    texts: Vec<String>,
    lang: Option<String>,
    line_breaks: Option<String>,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<String> {
    let config = config_of(config);
    run(py, || {
        library::segment(&texts, lang.as_deref(), line_breaks.as_deref(), &config)
    })
}

/// JSON record: the brief of one article or cluster.
#[pyfunction]
#[pyo3(signature = (names, texts, options, cli = false, config = None))]
fn summarize(
    py: Python<'_>,
    names: Vec<String>,
    texts: Vec<String>,
    options: &Bound<'_, PyDict>,
    cli: bool,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<String> {
    let options = summary_options(options)?;
    let config = config_of(config);
    run(py, || {
        library::summarize(&names, &texts, &options, &config, form(cli))
    })
}

/// JSON records: one per batch item (each a JSONL line).
#[pyfunction]
#[pyo3(signature = (lines, options, cli = false, config = None))]
fn summarize_items(
    py: Python<'_>,
    lines: Vec<String>,
    options: &Bound<'_, PyDict>,
    cli: bool,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<Vec<String>> {
    let options = summary_options(options)?;
    let config = config_of(config);
    run(py, || {
        library::summarize_items(&lines, &options, &config, form(cli))
    })
}

/// The export files of one article or cluster: (name, contents) pairs.
#[pyfunction]
#[pyo3(signature = (names, texts, options, export, config = None))]
fn export(
    py: Python<'_>,
    names: Vec<String>,
    texts: Vec<String>,
    options: &Bound<'_, PyDict>,
    export: &Bound<'_, PyDict>,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<PyFiles> {
    let options = summary_options(options)?;
    let export = export_options(export)?;
    let config = config_of(config);
    let files = run(py, || {
        library::export(&names, &texts, &options, &export, &config)
    })?;
    Ok(py_files(py, files))
}

/// The records of a batch and the export files of all its briefs.
#[pyfunction]
#[pyo3(signature = (lines, options, export, cli = false, config = None))]
fn export_items(
    py: Python<'_>,
    lines: Vec<String>,
    options: &Bound<'_, PyDict>,
    export: &Bound<'_, PyDict>,
    cli: bool,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<(Vec<String>, PyFiles)> {
    let options = summary_options(options)?;
    let export = export_options(export)?;
    let config = config_of(config);
    let (records, files) = run(py, || {
        library::export_items(&lines, &options, &export, &config, form(cli))
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
    run(py, || library::write_files(&dir, &files, force))
}

/// JSON merge result, and the multilingual TMX when asked for. Each input
/// is (path, None) to read a file or (name, contents).
#[pyfunction]
#[pyo3(signature = (inputs, reference = None, tmx = false, config = None))]
fn merge(
    py: Python<'_>,
    inputs: Vec<(PathBuf, Option<Bound<'_, PyBytes>>)>,
    reference: Option<PathBuf>,
    tmx: bool,
    config: Option<PyRef<'_, Config>>,
) -> PyResult<(String, Option<Py<PyBytes>>)> {
    let inputs = merge_inputs(inputs);
    let config = config_of(config);
    let (json, memory) = run(py, || {
        translation::merge(&inputs, reference.as_deref(), tmx, &config)
    })?;
    Ok((json, memory.map(|m| PyBytes::new(py, &m).unbind())))
}

#[pymodule]
fn _brief(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", library::version())?;
    m.add_class::<Config>()?;
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
