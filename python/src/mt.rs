//! `brief._brief.translate`: the `brief translate` job (`brief::mt::TranslateJob`)
//! for Python. The key comes from the environment only, as for the CLI
//! (`DEEPL_AUTH_KEY`, `LIBRETRANSLATE_API_KEY` or the variable `[mt]
//! key_env` names); it is never an argument, so it cannot end up in a
//! notebook or a log of calls.

use std::path::{Path, PathBuf};

use brief::mt::{ApiKey, Engine, TranslateError, TranslateJob, Translator};
use brief::outfile::{OutFile, WriteOptions};
use brief::tm::Memory;
use pyo3::prelude::*;

use crate::library::{self, CoreError};

/// Adds `translate` to the extension module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(translate, m)?)
}

/// Fills the empty targets of exported `files` with a machine translation
/// engine and writes them to `out_dir` under their own names, as `brief
/// translate` does (all files or none; an existing output is replaced only
/// with `force`). Returns JSON: `{"files": [paths], "machine", "distinct",
/// "from_memory", "kept", "requests", "findings": [{"file", "id", "check",
/// "severity", "message"}]}`.
#[pyfunction]
#[pyo3(signature = (files, out_dir, engine = None, url = None, tm = Vec::new(), force = false, config = None))]
#[allow(clippy::too_many_arguments)]
fn translate(
    py: Python<'_>,
    files: Vec<PathBuf>,
    out_dir: PathBuf,
    engine: Option<String>,
    url: Option<String>,
    tm: Vec<PathBuf>,
    force: bool,
    config: Option<PyRef<'_, crate::Config>>,
) -> PyResult<String> {
    let config = crate::config_of(config);
    // On the process's pool, so Ctrl-C raises `KeyboardInterrupt` at once
    // (the requests in flight end with the call's own timeouts).
    crate::run_bg(py, move |_cancel| {
        work(
            &files,
            &out_dir,
            engine.as_deref(),
            url.as_deref(),
            &tm,
            force,
            &config,
        )
    })
}

fn other(message: String) -> CoreError {
    CoreError {
        kind: "Other",
        message,
    }
}

fn argument(message: String) -> CoreError {
    CoreError {
        kind: "Argument",
        message,
    }
}

fn work(
    files: &[PathBuf],
    out_dir: &Path,
    engine: Option<&str>,
    url: Option<&str>,
    tm: &[PathBuf],
    force: bool,
    config: &library::Config,
) -> library::Result<String> {
    if files.is_empty() {
        return Err(argument("no files to translate".into()));
    }
    let engine: Engine = match engine {
        Some(e) => e
            .parse()
            .map_err(|e: brief::mt::MtError| argument(e.to_string()))?,
        None => config.mt.engine.ok_or_else(|| {
            argument(
                "no engine: give engine='libretranslate' or 'deepl', or set [mt] engine".into(),
            )
        })?,
    };
    let variable = config
        .mt
        .key_env
        .clone()
        .unwrap_or_else(|| engine.key_variable().to_string());
    let key = match std::env::var(&variable) {
        Ok(v) if !v.is_empty() => {
            Some(ApiKey::new(v).map_err(|e| argument(format!("${variable}: {e}")))?)
        }
        Ok(_) | Err(std::env::VarError::NotPresent) => None,
        Err(std::env::VarError::NotUnicode(_)) => {
            return Err(argument(format!("${variable}: not valid UTF-8")));
        }
    };
    let translator =
        Translator::new(engine, url, key, &config.mt).map_err(|e| argument(e.to_string()))?;
    let mut memories = Vec::new();
    for path in tm {
        // A memory not there yet (a desk's first day) is no error.
        if path.exists() || path.symlink_metadata().is_ok() {
            memories.push(Memory::read_file(path)?.for_lookups());
        }
    }
    let outcome = TranslateJob {
        files,
        out_dir,
        translator: &translator,
        memories: &memories,
        check: &config.check,
        glossary: None,
    }
    .run()
    .map_err(|e| match e {
        TranslateError::File(e) => CoreError::from(e),
        e => other(e.to_string()),
    })?;
    std::fs::create_dir_all(out_dir).map_err(|e| CoreError::from(brief::Error::io(out_dir, e)))?;
    let written: Vec<&OutFile> = outcome.files.iter().collect();
    brief::outfile::write_all_with(&outcome.files, &WriteOptions::new(force), &mut |_| {})?;
    let findings: Vec<serde_json::Value> = outcome
        .findings
        .iter()
        .map(|(path, f)| {
            serde_json::json!({
                "file": path,
                "id": f.id,
                "check": f.finding.check.name(),
                "severity": f.finding.severity.name(),
                "message": f.finding.message,
            })
        })
        .collect();
    let json = serde_json::json!({
        "files": written.iter().map(|f| &f.path).collect::<Vec<_>>(),
        "machine": outcome.machine,
        "distinct": outcome.unique,
        "from_memory": outcome.from_memory,
        "kept": outcome.kept,
        "requests": translator.requests(),
        "findings": findings,
    });
    Ok(serde_json::to_string(&json)?)
}
