//! TSV and JSONL writers for machine translation engines: one segment per
//! line with its id, languages, source, an empty target column and context.

use serde::{Deserialize, Serialize};

use super::{Bundle, LanguageTag, TargetMode, format_score, initial_target};
use crate::error::{Error, Result};

/// The TSV header row, which is also how merge recognises a brief TSV file.
pub const TSV_COLUMNS: [&str; 15] = [
    "id",
    "source_lang",
    "target_lang",
    "source",
    "target",
    "fingerprint",
    "segment_count",
    "document",
    "document_index",
    "position",
    "paragraph",
    "rank",
    "score",
    "previous",
    "next",
];

/// One JSONL line (export and merge share it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct JsonlRecord {
    pub id: String,
    pub source_lang: String,
    pub target_lang: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(default)]
    pub fingerprint: Option<String>,
    #[serde(default)]
    pub segment_count: Option<usize>,
    #[serde(default)]
    pub document: Option<String>,
    #[serde(default)]
    pub document_index: Option<usize>,
    #[serde(default)]
    pub position: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// Escapes a TSV field: backslash, tab, line feed and carriage return become
/// `\\`, `\t`, `\n` and `\r`.
pub(crate) fn tsv_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ => out.push(c),
        }
    }
    out
}

/// Reverses [`tsv_escape`]; `None` for an unknown or unfinished escape.
pub(crate) fn tsv_unescape(field: &str) -> Option<String> {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '\\' => out.push('\\'),
            't' => out.push('\t'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            _ => return None,
        }
    }
    Some(out)
}

pub(super) fn render_tsv(bundle: &Bundle, target: &LanguageTag, mode: TargetMode) -> Vec<u8> {
    let mut out = TSV_COLUMNS.join("\t");
    out.push('\n');
    let total = bundle.segments.len().to_string();
    for s in &bundle.segments {
        let fields = [
            s.id.clone(),
            bundle.source_lang.to_string(),
            target.to_string(),
            s.text.clone(),
            initial_target(s, mode).unwrap_or("").to_string(),
            super::fingerprint(&s.text),
            total.clone(),
            s.doc_name.clone(),
            (s.doc_index + 1).to_string(),
            s.position.to_string(),
            s.paragraph.map(|p| p.to_string()).unwrap_or_default(),
            s.rank.map(|r| r.to_string()).unwrap_or_default(),
            s.score.map(format_score).unwrap_or_default(),
            s.prev.clone().unwrap_or_default(),
            s.next.clone().unwrap_or_default(),
        ];
        let line: Vec<String> = fields.iter().map(|f| tsv_escape(f)).collect();
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    out.into_bytes()
}

pub(super) fn render_jsonl(
    bundle: &Bundle,
    target: &LanguageTag,
    mode: TargetMode,
) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let total = bundle.segments.len();
    for s in &bundle.segments {
        let record = JsonlRecord {
            id: s.id.clone(),
            source_lang: bundle.source_lang.to_string(),
            target_lang: target.to_string(),
            source: s.text.clone(),
            target: initial_target(s, mode).map(str::to_string),
            fingerprint: Some(super::fingerprint(&s.text)),
            segment_count: Some(total),
            document: Some(s.doc_name.clone()),
            document_index: Some(s.doc_index + 1),
            position: Some(s.position),
            paragraph: s.paragraph,
            rank: s.rank,
            score: s.score.map(|x| format_score(x).parse().unwrap_or(x)),
            previous: s.prev.clone(),
            next: s.next.clone(),
        };
        serde_json::to_writer(&mut out, &record).map_err(|e| Error::Input {
            path: "<jsonl>".into(),
            message: e.to_string(),
        })?;
        out.push(b'\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_escaping_round_trips() {
        for s in [
            "a\tb",
            "line\nbreak\r\n",
            "back\\slash \\n literal",
            "",
            "\\",
        ] {
            assert_eq!(tsv_unescape(&tsv_escape(s)).as_deref(), Some(s));
            assert!(!tsv_escape(s).contains(['\t', '\n', '\r']));
        }
        assert_eq!(tsv_unescape("bad\\x"), None);
        assert_eq!(tsv_unescape("bad\\"), None);
    }
}
