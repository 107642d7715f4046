//! Language resources: the word lists under `resources/<lang>/`, embedded at
//! build time, read by one parser, and the user's additions to them.
//!
//! Every resource file has one entry per line; blank lines and lines
//! starting with `#` are comments. `build.rs` generates the table of
//! embedded files from the directory, so adding a file needs no code.

use serde::Deserialize;

use crate::lang::Lang;

include!(concat!(env!("OUT_DIR"), "/resource_table.rs"));

/// `[languages.<code>]`: words a user adds for one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LanguageSettings {
    /// Extra abbreviations, written without the final period (`"approx"`,
    /// `"т. е"` as `"т.е"`); matched case-insensitively.
    pub abbreviations: Vec<String>,
    /// Extra stopwords, ignored when comparing sentences.
    pub stopwords: Vec<String>,
}

/// The embedded file `resources/<lang>/<name>`, or "" when there is none.
pub(crate) fn builtin(lang: Lang, name: &str) -> &'static str {
    RESOURCE_FILES
        .binary_search_by(|(l, n, _)| (*l, *n).cmp(&(lang.as_str(), name)))
        .map_or("", |i| RESOURCE_FILES[i].2)
}

/// The entries of a resource file: trimmed lines, without blank lines and
/// `#` comment lines.
pub(crate) fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_every_file_sorted() {
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/resources"))
            .unwrap()
            .map(|d| d.unwrap().path())
            .filter(|d| d.is_dir())
            .flat_map(|d| std::fs::read_dir(d).unwrap())
            .filter(|f| {
                f.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|e| e == "txt")
            })
            .count();
        assert_eq!(RESOURCE_FILES.len(), on_disk);
        assert!(
            RESOURCE_FILES
                .windows(2)
                .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1))
        );
        assert!(!builtin(Lang::EN, "stopwords.txt").is_empty());
        assert_eq!(builtin(Lang::EN, "no-such-file.txt"), "");
    }

    #[test]
    fn no_entry_carries_a_comment_or_stray_white_space() {
        for (lang, name, text) in RESOURCE_FILES {
            for e in entries(text) {
                assert!(
                    !e.contains(" #"),
                    "{lang}/{name}: {e:?} has a trailing comment"
                );
                assert_eq!(e, e.trim(), "{lang}/{name}");
            }
        }
    }
}
