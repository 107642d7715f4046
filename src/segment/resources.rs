//! Per-language word lists that steer the segmenter, built once per process.
//!
//! Every list is a data file under `resources/<lang>/`, one lowercase entry per
//! line without the final period (`"u.s"`, `"т.е"`), `#` starting a comment.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lang::Lang;

/// The lists for one language.
#[derive(Debug, Default)]
pub(crate) struct LanguageLists {
    /// Abbreviations that may end a sentence.
    pub abbreviations: HashSet<String>,
    /// Abbreviations that never end a sentence (titles, `г.`, `т. е.`).
    pub prefixes: HashSet<String>,
    /// Abbreviations only before a number (`No. 5`); elsewhere ordinary words.
    pub number_prefixes: HashSet<String>,
    /// Latin letters spelled in a caseless script (`سی` for C): glued after a
    /// period they continue initials or an acronym (`سی.ان.ان`).
    pub letter_names: HashSet<String>,
    /// Whether writers of this language often start sentences in lowercase
    /// (chat, reviews), so that a plain word, a period and a lowercase word
    /// is still a sentence end.
    pub lowercase_starts: bool,
    /// After an abbreviation a sentence ends only before one of these
    /// (lowercase); empty means "before any word that is not lowercase".
    pub starters: HashSet<String>,
    /// Whether the e-mail and web layout of UD EWT applies: separator lines
    /// (`-----`), header stamps (`Kay Mann 04/26/2001 07:17 AM`) and
    /// salutations (`Dear All,`) are sentences of their own. Russian Taiga
    /// keeps separators inside the comment they decorate, so it is English only.
    pub email_layout: bool,
    /// Whether an `@name` after whitespace starts a sentence: Russian chat
    /// threads (UD Taiga) run replies together in one paragraph. On the
    /// English dev set the rule loses, so it is Russian only.
    pub reply_handles: bool,
    /// News agencies that sign a dateline (`تهران - واحد مرکزی خبر`), each as
    /// its words' matching keys.
    pub agencies: Vec<Vec<String>>,
    /// Whether a bracketed group at a sentence start followed by a capital
    /// is a sentence of its own (`(BBC) The …`): it pays in English and
    /// loses in Russian (`() Родился …`, `(*) до …` in GSD).
    pub bracket_groups: bool,
}

/// The entries of the shipped file `resources/<lang>/<name>`.
fn set(lang: Lang, name: &str) -> HashSet<String> {
    crate::resources::entries(crate::resources::builtin(lang, name))
        .map(str::to_owned)
        .collect()
}

/// The built-in lists for `lang` (empty lists for languages without any).
pub(crate) fn builtin(lang: Lang) -> &'static LanguageLists {
    static EN: OnceLock<LanguageLists> = OnceLock::new();
    static RU: OnceLock<LanguageLists> = OnceLock::new();
    static FA: OnceLock<LanguageLists> = OnceLock::new();
    static OTHER: OnceLock<LanguageLists> = OnceLock::new();
    match lang.as_str() {
        "en" => EN.get_or_init(|| LanguageLists {
            abbreviations: set(Lang::EN, "abbreviations.txt"),
            prefixes: set(Lang::EN, "prefixes.txt"),
            number_prefixes: set(Lang::EN, "number_prefixes.txt"),
            lowercase_starts: true,
            starters: set(Lang::EN, "sentence_starters.txt"),
            email_layout: true,
            reply_handles: false,
            bracket_groups: true,
            letter_names: HashSet::new(),
            agencies: Vec::new(),
        }),
        "ru" => RU.get_or_init(|| LanguageLists {
            abbreviations: set(Lang::RU, "abbreviations.txt"),
            prefixes: set(Lang::RU, "prefixes.txt"),
            number_prefixes: set(Lang::RU, "number_prefixes.txt"),
            reply_handles: true,
            ..LanguageLists::default()
        }),
        "fa" => FA.get_or_init(|| LanguageLists {
            abbreviations: set(Lang::FA, "abbreviations.txt"),
            prefixes: set(Lang::FA, "prefixes.txt"),
            letter_names: set(Lang::FA, "letter_names.txt"),
            agencies: crate::resources::entries(crate::resources::builtin(
                Lang::FA,
                "agencies.txt",
            ))
            .map(|name| {
                name.split_whitespace()
                    .map(|w| crate::tokenize::normalize_key(w, Lang::FA))
                    .collect()
            })
            .collect(),
            ..LanguageLists::default()
        }),
        _ => OTHER.get_or_init(LanguageLists::default),
    }
}

/// The lookup key of a user-written abbreviation: lowercase, without spaces
/// and without a final period (`"Т. е."` → `"т.е"`).
pub(crate) fn normalize_abbreviation(raw: &str) -> String {
    let trimmed = raw.trim().trim_end_matches('.');
    trimmed
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: &[(Lang, &str)] = &[
        (Lang::EN, "abbreviations.txt"),
        (Lang::EN, "prefixes.txt"),
        (Lang::EN, "sentence_starters.txt"),
        (Lang::EN, "number_prefixes.txt"),
        (Lang::RU, "abbreviations.txt"),
        (Lang::RU, "prefixes.txt"),
        (Lang::RU, "number_prefixes.txt"),
        (Lang::FA, "abbreviations.txt"),
        (Lang::FA, "prefixes.txt"),
        (Lang::FA, "letter_names.txt"),
    ];

    #[test]
    fn agencies_are_sorted_unique_persian_matching_keys() {
        let file = crate::resources::builtin(Lang::FA, "agencies.txt");
        let list: Vec<&str> = crate::resources::entries(file).collect();
        assert!(list.windows(2).all(|p| p[0] < p[1]), "{list:?}");
        for name in &list {
            for word in name.split_whitespace() {
                assert_eq!(crate::tokenize::normalize_key(word, Lang::FA), word);
            }
        }
        assert_eq!(builtin(Lang::FA).agencies.len(), list.len());
    }

    #[test]
    fn letter_names_are_persian_matching_keys() {
        for name in &builtin(Lang::FA).letter_names {
            assert_eq!(&crate::tokenize::normalize_key(name, Lang::FA), name);
        }
    }

    #[test]
    fn resource_files_are_sorted_unique_and_normalized() {
        for &(lang, name) in ALL {
            let file = crate::resources::builtin(lang, name);
            let list: Vec<&str> = crate::resources::entries(file).collect();
            assert!(!list.is_empty(), "{name} is empty");
            for pair in list.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{name}: {:?} before {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for entry in &list {
                assert_eq!(
                    normalize_abbreviation(entry),
                    *entry,
                    "{name}: {entry:?} is not normalized"
                );
            }
        }
    }

    #[test]
    fn an_abbreviation_is_never_both_kinds() {
        for lang in [Lang::EN, Lang::RU, Lang::FA] {
            let lists = builtin(lang);
            let both: Vec<_> = lists.abbreviations.intersection(&lists.prefixes).collect();
            assert!(both.is_empty(), "{lang}: {both:?}");
        }
    }

    #[test]
    fn user_abbreviations_are_normalized() {
        assert_eq!(normalize_abbreviation(" Т. е. "), "т.е");
        assert_eq!(normalize_abbreviation("Approx."), "approx");
    }
}
