//! TSV for machine translation engines: a header row, then one unit a line
//! with its id, languages, source, a target column and the metadata
//! columns; tabs, line breaks and backslashes escaped.

use std::path::Path;

use super::tabular::{check_written, machine_origin, origin_state};
use super::{Format, META_KEYS, Render, Unit, UnitFile, initial_target, invalid};
use crate::error::Result;

/// The columns before the metadata columns.
const LEAD_COLUMNS: [&str; 5] = ["id", "source_lang", "target_lang", "source", "target"];

/// The TSV header row, which is also how merge recognises a brief TSV file:
/// the five leading columns, then [`META_KEYS`] with `_` for `-`.
pub fn tsv_columns() -> Vec<String> {
    LEAD_COLUMNS
        .iter()
        .map(|c| c.to_string())
        .chain(META_KEYS.iter().map(|k| k.replace('-', "_")))
        .collect()
}

/// Escapes a TSV field: backslash, tab, line feed and carriage return become
/// `\\`, `\t`, `\n` and `\r`.
fn tsv_escape(text: &str) -> String {
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
fn tsv_unescape(field: &str) -> Option<String> {
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

/// The content of a field in RFC 4180 form (`"a ""b"""` is `a "b"`); `None`
/// when the field is not quoted that way.
fn rfc4180_unquote(field: &str) -> Option<String> {
    let inner = field.strip_prefix('"')?.strip_suffix('"')?;
    let unquoted = inner.replace("\"\"", "\"");
    // Every inner quote must have been doubled.
    (unquoted.matches('"').count() * 2 == inner.matches('"').count()).then_some(unquoted)
}

/// Whether a field is plainly in RFC 4180 form on its own: wrapped in
/// quotes, with quotes inside and every one of them doubled
/// (`"Он сказал: ""нет"""`). A field merely wrapped in quotes (`"Нет"`) may
/// be a quotation and is left as it is.
fn spreadsheet_quoted(field: &str) -> bool {
    field.len() >= 2
        && field
            .strip_prefix('"')
            .and_then(|f| f.strip_suffix('"'))
            .is_some_and(|inner| inner.contains("\"\"") && rfc4180_unquote(field).is_some())
}

/// Writes a TSV file with a header row.
pub(crate) fn write(render: &Render<'_>) -> Result<Vec<u8>> {
    // An `origin` column only in files `brief translate` wrote: readers
    // find columns by name, so files without it read as before.
    let machine = render.aids.iter().any(|a| a.machine().is_some());
    let mut out = tsv_columns().join("\t");
    if machine {
        out.push_str("\torigin");
    }
    out.push('\n');
    for (i, u) in render.units.iter().enumerate() {
        check_written(u, render.aids.get(i), render.mode)?;
        let meta = u.meta();
        let mut fields = vec![
            u.id.clone(),
            render.source.to_string(),
            render.target.to_string(),
            u.source.clone(),
            initial_target(render.mode, u, render.aids.get(i))
                .unwrap_or("")
                .to_string(),
        ];
        for key in META_KEYS {
            let value = meta.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone());
            fields.push(value.unwrap_or_default());
        }
        if machine {
            fields.push(machine_origin(render.aids.get(i)).unwrap_or_default());
        }
        let line: Vec<String> = fields.iter().map(|f| tsv_escape(f)).collect();
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    Ok(out.into_bytes())
}

/// A record read with RFC 4180 quotes ([`quoted_fields`]).
#[derive(Debug, PartialEq)]
enum Quoted {
    /// The fields, each still quoted.
    Fields(Vec<String>),
    /// A quote is open at the end: the record goes on on the next line.
    Open,
    /// Not RFC 4180: text after a closing quote (`"Yes," he said`).
    Invalid,
}

/// The fields of `record` split at tabs outside RFC 4180 quotes: a field
/// that starts with `"` runs to its closing quote (over tabs and line
/// breaks), which must end the field.
fn quoted_fields(record: &str) -> Quoted {
    let mut fields = vec![String::new()];
    let mut chars = record.chars().peekable();
    let mut open = false;
    let mut closed = false;
    while let Some(c) = chars.next() {
        let Some(field) = fields.last_mut() else {
            return Quoted::Invalid;
        };
        match c {
            '"' if open && chars.peek() == Some(&'"') => {
                field.push_str("\"\"");
                chars.next();
            }
            '"' if open => {
                open = false;
                closed = true;
                field.push(c);
            }
            '"' if field.is_empty() => {
                open = true;
                field.push(c);
            }
            '\t' if !open => {
                closed = false;
                fields.push(String::new());
            }
            _ if closed => return Quoted::Invalid,
            _ => field.push(c),
        }
    }
    if open {
        Quoted::Open
    } else {
        Quoted::Fields(fields)
    }
}

/// The most physical lines one record may span (a quoted field with line
/// breaks): a quote never closed cannot swallow the rest of the file.
const MAX_RECORD_LINES: usize = 64;

/// The records of a TSV body, each with its first line's index: its
/// fields split at tabs, or, when that does not give `columns` fields (or
/// the last field opens a quote it does not close), as a spreadsheet
/// saves them (RFC 4180 quotes around fields with tabs or line breaks,
/// over several lines). Empty fields past the header's last column (a
/// spreadsheet's trailing tabs) are dropped.
fn records<'a>(
    lines: impl Iterator<Item = (usize, &'a str)>,
    columns: usize,
) -> Vec<(usize, Vec<String>)> {
    let lines: Vec<(usize, &str)> = lines.collect();
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(&(i, line)) = lines.get(k) {
        k += 1;
        if line.is_empty() {
            continue;
        }
        let trimmed = |mut fields: Vec<String>| {
            while fields.len() > columns && fields.last().is_some_and(|f| f.trim().is_empty()) {
                fields.pop();
            }
            fields
        };
        let fields = trimmed(line.split('\t').map(str::to_string).collect());
        let last_open = fields.len() == columns
            && fields.last().is_some_and(|f| f.starts_with('"'))
            && quoted_fields(line) == Quoted::Open;
        if (fields.len() == columns && !last_open) || !line.contains('"') {
            out.push((i, fields));
            continue;
        }
        let mut record = line.to_string();
        let mut parsed = quoted_fields(&record);
        let mut taken = 1;
        while parsed == Quoted::Open && taken < MAX_RECORD_LINES && k + taken - 1 < lines.len() {
            record.push('\n');
            record.push_str(lines[k + taken - 1].1);
            parsed = quoted_fields(&record);
            taken += 1;
        }
        // Only a reading that gives the header's columns is taken; else
        // the record is the line as written (its field count names it,
        // or its fields are brief's own), and no later line is taken.
        match parsed {
            Quoted::Fields(p) if trimmed(p.clone()).len() == columns => {
                out.push((i, trimmed(p)));
                k += taken - 1;
            }
            _ => out.push((i, fields)),
        }
    }
    out
}

/// Reads a TSV file written by [`write`] (columns found by their header).
pub(crate) fn read(text: &str, path: &Path) -> Result<Vec<UnitFile>> {
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, l)| l.split('\t').collect())
        .unwrap_or_default();
    // A column of brief's twice (a spreadsheet's pasted copy of `target`)
    // leaves it open which one holds the translation: refused.
    let known = tsv_columns();
    for (i, h) in header.iter().enumerate() {
        let name = h.trim();
        if known.iter().any(|k| k == name) && header[..i].iter().any(|p| p.trim() == name) {
            return Err(invalid(
                path,
                format!("line 1: the column {name} appears twice in the header"),
            ));
        }
    }
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let (Some(c_id), Some(c_src), Some(c_trg), Some(c_sl), Some(c_tl)) = (
        col("id"),
        col("source"),
        col("target"),
        col("source_lang"),
        col("target_lang"),
    ) else {
        return Err(invalid(
            path,
            format!(
                "line 1: a TSV header needs the columns id, source_lang, target_lang, source and target (brief writes: {})",
                tsv_columns().join(" ")
            ),
        ));
    };
    let records = records(lines, header.len());
    // A spreadsheet saves with RFC 4180 quoting: a field holding `"` is put
    // in quotes with its quotes doubled. A file is taken as quoted when a
    // source only matches its fingerprint once unquoted; then every quoted
    // field of it is unquoted (targets too), so the quoting is not drift.
    let c_fp = col("fingerprint");
    let quoted = records.iter().any(|(_, f)| {
        let (Some(raw), Some(fp)) = (f.get(c_src), c_fp.and_then(|c| f.get(c))) else {
            return false;
        };
        let matches = |t: &str| tsv_unescape(t).is_some_and(|t| super::fingerprint(&t) == *fp);
        !matches(raw) && rfc4180_unquote(raw).is_some_and(|u| matches(&u))
    });
    // A spreadsheet told to quote every text field quotes the ids too.
    let quoted = quoted
        || records.iter().any(|(_, f)| {
            f.get(c_id)
                .is_some_and(|id| id.len() > 2 && id.starts_with("\"s") && id.ends_with('"'))
        });
    // A field holding a raw tab or line break is quoted: brief escapes
    // both, so only a spreadsheet's quoting can have put them there.
    let raw_break = |field: &str| field.contains(['\t', '\n']);
    let mut rows = Vec::new();
    for (i, fields) in records {
        if fields.len() != header.len() {
            return Err(invalid(
                path,
                format!(
                    "line {}: {} fields, but the header has {}",
                    i + 1,
                    fields.len(),
                    header.len()
                ),
            ));
        }
        let mut values: Vec<String> = Vec::with_capacity(fields.len());
        for (c, (name, field)) in header.iter().zip(&fields).enumerate() {
            // A target can be quoted alone: one holding `"` that a
            // spreadsheet saved while no source needed quotes. (A source
            // is only unquoted with the fingerprint's evidence, above.)
            let unquoted =
                if quoted || raw_break(field) || (c == c_trg && spreadsheet_quoted(field)) {
                    rfc4180_unquote(field)
                } else {
                    None
                };
            let field = unquoted.as_deref().unwrap_or(field);
            let value = tsv_unescape(field).ok_or_else(|| {
                invalid(
                    path,
                    format!("line {}: column {name}: bad backslash escape", i + 1),
                )
            })?;
            values.push(value);
        }
        let get = |c: usize| values.get(c).cloned().unwrap_or_default();
        let mut unit = Unit::new(get(c_id), get(c_src), Some(get(c_trg)));
        if let Some(c) = col("origin") {
            unit.state = origin_state(Some(&get(c)));
        }
        for (name, value) in header.iter().zip(&values) {
            if !value.is_empty() {
                unit.set_meta(&name.trim().replace('_', "-"), value);
            }
        }
        rows.push((get(c_sl), get(c_tl), unit));
    }
    super::group_rows(rows, path, Format::Tsv)
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

    #[test]
    fn rfc4180_fields_are_unquoted() {
        assert_eq!(
            rfc4180_unquote(r#""a ""b"" c""#).as_deref(),
            Some(r#"a "b" c"#)
        );
        assert_eq!(rfc4180_unquote(r#""a "b" c""#), None);
        assert_eq!(rfc4180_unquote("plain"), None);
    }

    #[test]
    fn a_spreadsheet_saved_tsv_is_not_drift() {
        let source = r#"He said "no"."#;
        let fp = super::super::fingerprint(source);
        let header = tsv_columns().join("\t");
        let mut row = vec![String::new(); 16];
        row[0] = "s1".into();
        row[1] = "en".into();
        row[2] = "fa".into();
        row[3] = r#""He said ""no"".""#.into();
        row[4] = r#""او گفت ""نه"".""#.into();
        row[5] = fp.clone();
        let text = format!("{header}\r\n{}\r\n", row.join("\t"));
        let files = read(&text, Path::new("s.tsv")).unwrap();
        assert_eq!(files[0].units[0].source, source);
        assert_eq!(files[0].units[0].target.as_deref(), Some(r#"او گفت "نه"."#));
        // Without the fingerprint's evidence, quotes are text.
        row[5] = String::new();
        let text = format!("{header}\n{}\n", row.join("\t"));
        let files = read(&text, Path::new("s.tsv")).unwrap();
        assert!(files[0].units[0].source.starts_with('"'));
    }

    #[test]
    fn a_target_quoted_by_a_spreadsheet_is_unquoted_alone() {
        assert!(spreadsheet_quoted("\"Он сказал: \"\"нет\"\"\""));
        assert!(!spreadsheet_quoted("\"Нет\""));
        assert!(!spreadsheet_quoted("\"a\" \"b\""));
        assert!(!spreadsheet_quoted("\""));
        let text = format!(
            "{}\ns1\ten\tru\tThey said talks would resume.\t\"Они сказали, что переговоры \"\"возобновятся\"\".\"\n\
             s2\ten\tru\t\"No.\"\t\"Нет.\"\n",
            "id\tsource_lang\ttarget_lang\tsource\ttarget"
        );
        let files = read(&text, Path::new("t.tsv")).unwrap();
        let targets: Vec<&str> = files[0]
            .units
            .iter()
            .filter_map(|u| u.target.as_deref())
            .collect();
        assert_eq!(
            targets,
            ["Они сказали, что переговоры \"возобновятся\".", "\"Нет.\""]
        );
    }

    /// Regression: a spreadsheet that saved a cell with a line break or a
    /// tab (RFC 4180 quotes over several lines), or trailing empty
    /// columns, made the file unreadable ("5 fields, but the header has
    /// 16"); a quote never closed is the text's, and takes no later line.
    #[test]
    fn spreadsheet_records_over_lines_and_trailing_columns_are_read() {
        let header = "id\tsource_lang\ttarget_lang\tsource\ttarget";
        let targets = |text: &str| -> Vec<String> {
            read(text, Path::new("t.tsv")).unwrap()[0]
                .units
                .iter()
                .filter_map(|u| u.target.clone())
                .collect()
        };
        for eol in ["\n", "\r\n"] {
            let text = [
                header,
                "s1\ten\tru\tOne.\t\"Один,",
                "и всё.\"",
                "s2\ten\tru\tTwo.\t\"Два\tи \"\"три\"\".\"\t\t",
                "s3\ten\tru\tThree.\tТри.\t",
                "",
            ]
            .join(eol);
            assert_eq!(
                targets(&text),
                ["Один,\nи всё.", "Два\tи \"три\".", "Три."],
                "{eol:?}"
            );
        }
        let open = format!("{header}\ns1\ten\tru\tOne.\t\"Один\ns2\ten\tru\tTwo.\tДва.\n");
        assert_eq!(targets(&open), ["\"Один", "Два."]);
        // Regression: a source that opens a quotation it does not close
        // (brief's own field, no RFC quoting) took the rows up to the next
        // source starting with a quote as one field of the same column.
        let crossing = format!(
            "{header}\ns1\ten\tru\t\"I heard it.\tЯ слышал.\ns2\ten\tru\tThen.\tПотом.\n             s3\ten\tru\t\"No,\" he said.\t«Нет», — сказал он.\n"
        );
        assert_eq!(
            targets(&crossing),
            ["Я слышал.", "Потом.", "«Нет», — сказал он."]
        );
        // A trailing column that is not empty is still refused.
        let extra = format!("{header}\ns1\ten\tru\tOne.\tОдин.\tx\n");
        assert!(read(&extra, Path::new("t.tsv")).is_err());
    }

    #[test]
    fn the_header_lists_every_metadata_key() {
        let cols = tsv_columns();
        assert_eq!(cols.len(), 16);
        assert_eq!(cols[8], "document_index");
        assert_eq!(cols.last().map(String::as_str), Some("export_id"));
    }
}
