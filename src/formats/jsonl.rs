//! JSON Lines for machine translation engines: one object a unit with its
//! id, languages, source, target and metadata.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::tabular::{check_written, machine_origin, origin_state};
use super::{Format, Render, Unit, UnitFile, format_score, initial_target, invalid};
use crate::error::{Error, Result};

/// One JSONL line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct JsonlRecord {
    id: String,
    source_lang: String,
    target_lang: String,
    source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target: Option<String>,
    #[serde(default)]
    fingerprint: Option<String>,
    #[serde(default)]
    segment_count: Option<usize>,
    #[serde(default)]
    document: Option<String>,
    #[serde(default)]
    document_index: Option<usize>,
    #[serde(default)]
    position: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    paragraph: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rank: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    previous: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    next: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    export_id: Option<String>,
    /// `mt:ENGINE` when a machine wrote the target (`brief translate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    origin: Option<String>,
}

/// Writes a JSONL file, one object per unit.
pub(crate) fn write(render: &Render<'_>) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for (i, u) in render.units.iter().enumerate() {
        check_written(u, render.aids.get(i), render.mode)?;
        let record = JsonlRecord {
            id: u.id.clone(),
            source_lang: render.source.to_string(),
            target_lang: render.target.to_string(),
            source: u.source.clone(),
            target: initial_target(render.mode, u, render.aids.get(i)).map(str::to_string),
            fingerprint: u.fingerprint.clone(),
            segment_count: u.segment_count,
            document: u.document.clone(),
            document_index: u.document_index,
            position: u.position,
            paragraph: u.paragraph,
            rank: u.rank,
            score: u.score.map(|x| format_score(x).parse().unwrap_or(x)),
            previous: u.previous.clone(),
            next: u.next.clone(),
            export_id: u.export_id.clone(),
            origin: machine_origin(render.aids.get(i)),
        };
        serde_json::to_writer(&mut out, &record).map_err(|e| Error::Input {
            path: "<jsonl>".into(),
            message: e.to_string(),
        })?;
        out.push(b'\n');
    }
    Ok(out)
}

/// Reads a JSONL file written by [`write`].
pub(crate) fn read(text: &str, path: &Path) -> Result<Vec<UnitFile>> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: JsonlRecord = serde_json::from_str(line)
            .map_err(|e| invalid(path, format!("line {}: {e}", i + 1)))?;
        let unit = Unit {
            id: r.id,
            source: r.source,
            target: r.target,
            fingerprint: r.fingerprint,
            segment_count: r.segment_count,
            document: r.document,
            document_index: r.document_index,
            position: r.position,
            paragraph: r.paragraph,
            rank: r.rank,
            score: r.score,
            previous: r.previous,
            next: r.next,
            export_id: r.export_id,
            state: origin_state(r.origin.as_deref()),
        };
        rows.push((r.source_lang, r.target_lang, unit));
    }
    super::group_rows(rows, path, Format::Jsonl)
}
