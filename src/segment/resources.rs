//! Per-language word lists that steer the segmenter, built once per process.
//!
//! Every list is a data file under `resources/<lang>/`, one lowercase entry per
//! line without the final period (`"u.s"`, `"т.е"`), `#` starting a comment.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lang::Lang;

/// A set of words looked up while segmenting (every period asks one or
/// more), with the short-word hash of the term memo instead of SipHash.
/// Nothing iterates these sets for an output.
pub(crate) type WordSet = HashSet<String, crate::stem::BuildWordHasher>;

/// The lists for one language.
#[derive(Debug, Default)]
pub(crate) struct LanguageLists {
    /// Abbreviations that may end a sentence.
    pub abbreviations: WordSet,
    /// Abbreviations that never end a sentence (titles, `г.`, `т. е.`).
    pub prefixes: WordSet,
    /// Abbreviations only before a number (`No. 5`); elsewhere ordinary words.
    pub number_prefixes: WordSet,
    /// Abbreviations that are units after a number (`20 т.`): there a
    /// period may end the sentence.
    pub units_after_number: WordSet,
    /// Words of a date phrase (`в конце`, `12 апреля`), for telling a year
    /// that opens a sentence from one that closes it.
    pub date_words: WordSet,
    /// Month names in the genitive (`мая`): a number before one after a
    /// short word and a period is a date that opens a sentence.
    pub date_months: WordSet,
    /// Latin letters spelled in a caseless script (`سی` for C): glued after a
    /// period they continue initials or an acronym (`سی.ان.ان`).
    pub letter_names: WordSet,
    /// After an abbreviation a sentence ends only before one of these
    /// (lowercase); empty means "before any word that is not lowercase".
    pub starters: WordSet,
    /// Words that carry the sentence on after a clock time in `a.m.`/`p.m.`
    /// (`at 5 p.m. Monday`): days, months, time zones.
    pub clock_followers: WordSet,
    /// Words that carry the sentence on after an abbreviation in a document
    /// written in capitals (`U.S. IN 1990`, `ТЫС. РУБ. ЗА`).
    pub capitals_continuations: WordSet,
    /// Abbreviations of a number that counts the noun after it (`тыс.`):
    /// in a document in capitals the sentence goes on after them.
    pub counting_abbreviations: WordSet,
    /// Words a counting abbreviation cannot count (pronouns, openers): in
    /// capitals it ends the sentence before them (`10 ТЫС. ЭТО …`).
    pub not_counted: WordSet,
    /// Endings of the past tense: after a dialogue dash in a document in
    /// capitals such a word is the author's (`— ТЫ ГДЕ? — СПРОСИЛА МАМА`).
    pub past_tense_endings: Vec<String>,
    /// Words that cannot open a sentence after a closed quotation (the
    /// object marker, "and", verbs of saying).
    pub quote_continuations: WordSet,
    /// Verbs of saying: in capitals one word and one of these after a
    /// closed quotation attribute it (`"GREAT." SHE SAID.`).
    pub saying_verbs: WordSet,
    /// English titles before a name (`Mr.`): in capitals one after a clock
    /// time that closes a clause opens a sentence, as its capital does.
    pub titles: WordSet,
    /// Russian abbreviations before a name in quotes (`газ. «Правда»`).
    pub quote_prefixes: WordSet,
    /// Russian present-tense endings with the pronoun that agrees
    /// (`у` and `я`): in capitals, such a verb and its pronoun after a
    /// dialogue dash are the author's words (`— КРИЧУ Я.`).
    pub present_persons: Vec<(String, String)>,
    /// Persian words of a date phrase before an era marker (`در سال`).
    pub date_phrase_words: WordSet,
    /// Persian nouns of compound verbs of reporting (`اعلام` of `اعلام کرد`).
    pub report_nouns: WordSet,
    /// Past stems that end clauses as finite verbs.
    pub past_stems: Vec<String>,
    /// Person endings of verbs, the empty ending first.
    pub person_endings: Vec<String>,
    /// Stems of verbs of saying.
    pub saying_stems: Vec<String>,
    /// Compound verbs of saying: (noun, light-verb stem).
    pub saying_compounds: Vec<(String, String)>,
    /// News agencies that sign a dateline (`تهران - واحد مرکزی خبر`), each as
    /// its words' matching keys.
    pub agencies: Vec<Vec<String>>,
    /// The switches of `resources/<lang>/segmenter.txt`.
    pub switches: Switches,
}

/// Language-specific rules that are on or off per language; the reasons
/// stand beside each name in `resources/en/segmenter.txt`.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Switches {
    /// Writers often start sentences in lowercase (chat, reviews), so a plain
    /// word, a period and a lowercase word is still a sentence end.
    pub lowercase_starts: bool,
    /// The e-mail and web layout of UD EWT: separator lines, header stamps
    /// and salutations are sentences of their own.
    pub email_layout: bool,
    /// An `@name` after whitespace starts a sentence (chat threads).
    pub reply_handles: bool,
    /// A bracketed group at a sentence start followed by a capital is a
    /// sentence of its own (`(BBC) The …`).
    pub bracket_groups: bool,
}

impl Switches {
    fn from_names<'a>(names: impl Iterator<Item = &'a str>) -> Switches {
        let mut switches = Switches::default();
        for name in names {
            match name {
                "bracket_groups" => switches.bracket_groups = true,
                "email_layout" => switches.email_layout = true,
                "lowercase_starts" => switches.lowercase_starts = true,
                "reply_handles" => switches.reply_handles = true,
                // An unknown name is caught by a test of the shipped files.
                _ => {}
            }
        }
        switches
    }
}

/// The entries of the shipped file `resources/<lang>/<name>`.
fn entries(lang: Lang, name: &str) -> impl Iterator<Item = &'static str> {
    crate::resources::entries(crate::resources::builtin(lang, name))
}

/// The entries of the shipped file `resources/<lang>/<name>` as a set.
fn set(lang: Lang, name: &str) -> WordSet {
    entries(lang, name).map(str::to_owned).collect()
}

/// The entries of the shipped file `resources/<lang>/<name>` in file order.
fn list(lang: Lang, name: &str) -> Vec<String> {
    entries(lang, name).map(str::to_owned).collect()
}

/// Reads every list of `lang` from its files (missing files are empty lists).
fn load(lang: Lang) -> LanguageLists {
    let person_endings = std::iter::once(String::new())
        .chain(list(lang, "person_endings.txt"))
        .collect();
    let saying_compounds = entries(lang, "saying_compounds.txt")
        .filter_map(|line| line.split_once(' '))
        .map(|(noun, stem)| (noun.to_owned(), stem.to_owned()))
        .collect();
    let agencies = entries(lang, "agencies.txt")
        .map(|name| {
            name.split_whitespace()
                .map(|w| crate::tokenize::normalize_key(w, lang))
                .collect()
        })
        .collect();
    LanguageLists {
        abbreviations: set(lang, "abbreviations.txt"),
        prefixes: set(lang, "prefixes.txt"),
        number_prefixes: set(lang, "number_prefixes.txt"),
        units_after_number: set(lang, "units_after_number.txt"),
        date_words: set(lang, "date_words.txt"),
        date_months: set(lang, "date_months.txt"),
        letter_names: set(lang, "letter_names.txt"),
        starters: set(lang, "sentence_starters.txt"),
        clock_followers: set(lang, "clock_followers.txt"),
        capitals_continuations: set(lang, "capitals_continuations.txt"),
        counting_abbreviations: set(lang, "counting_abbreviations.txt"),
        not_counted: set(lang, "not_counted.txt"),
        past_tense_endings: list(lang, "past_tense_endings.txt"),
        quote_continuations: set(lang, "quote_continuations.txt"),
        saying_verbs: set(lang, "saying_verbs.txt"),
        titles: set(lang, "titles.txt"),
        quote_prefixes: set(lang, "quote_prefixes.txt"),
        present_persons: entries(lang, "present_tense_persons.txt")
            .filter_map(|line| line.split_once(' '))
            .map(|(ending, pronoun)| (ending.to_owned(), pronoun.to_owned()))
            .collect(),
        date_phrase_words: set(lang, "date_phrase_words.txt"),
        report_nouns: set(lang, "report_nouns.txt"),
        past_stems: list(lang, "past_stems.txt"),
        person_endings,
        saying_stems: list(lang, "saying_stems.txt"),
        saying_compounds,
        agencies,
        switches: Switches::from_names(entries(lang, "segmenter.txt")),
    }
}

/// The built-in lists for `lang` (empty lists for languages without any).
pub(crate) fn builtin(lang: Lang) -> &'static LanguageLists {
    static EN: OnceLock<LanguageLists> = OnceLock::new();
    static RU: OnceLock<LanguageLists> = OnceLock::new();
    static FA: OnceLock<LanguageLists> = OnceLock::new();
    static OTHER: OnceLock<LanguageLists> = OnceLock::new();
    match lang.as_str() {
        "en" => EN.get_or_init(|| load(Lang::EN)),
        "ru" => RU.get_or_init(|| load(Lang::RU)),
        "fa" => FA.get_or_init(|| load(Lang::FA)),
        _ => OTHER.get_or_init(LanguageLists::default),
    }
}

/// Words after which an `@name` is part of the sentence, in every shipped
/// language at once: chat threads mix languages.
pub(crate) fn handle_governors() -> &'static HashSet<String> {
    static GOVERNORS: OnceLock<HashSet<String>> = OnceLock::new();
    GOVERNORS.get_or_init(|| {
        [Lang::EN, Lang::RU, Lang::FA]
            .into_iter()
            .flat_map(|lang| set(lang, "handle_governors.txt"))
            .collect()
    })
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
        (Lang::EN, "capitals_continuations.txt"),
        (Lang::EN, "clock_followers.txt"),
        (Lang::EN, "saying_verbs.txt"),
        (Lang::RU, "capitals_continuations.txt"),
        (Lang::RU, "counting_abbreviations.txt"),
        (Lang::RU, "not_counted.txt"),
        (Lang::RU, "past_tense_endings.txt"),
        (Lang::EN, "number_prefixes.txt"),
        (Lang::RU, "abbreviations.txt"),
        (Lang::RU, "prefixes.txt"),
        (Lang::RU, "number_prefixes.txt"),
        (Lang::FA, "abbreviations.txt"),
        (Lang::FA, "prefixes.txt"),
        (Lang::FA, "letter_names.txt"),
        (Lang::RU, "units_after_number.txt"),
        (Lang::RU, "date_words.txt"),
        (Lang::RU, "date_months.txt"),
        (Lang::EN, "handle_governors.txt"),
        (Lang::RU, "handle_governors.txt"),
        (Lang::EN, "units_after_number.txt"),
        (Lang::EN, "titles.txt"),
        (Lang::RU, "quote_prefixes.txt"),
    ];

    /// The switch names a `segmenter.txt` may hold.
    const SWITCH_NAMES: &[&str] = &[
        "bracket_groups",
        "email_layout",
        "lowercase_starts",
        "reply_handles",
    ];

    /// Persian grammar lists: sorted, unique, each entry a matching key's
    /// letters (no stray spaces, no period).
    const FA_GRAMMAR: &[&str] = &[
        "quote_continuations.txt",
        "past_stems.txt",
        "person_endings.txt",
        "saying_stems.txt",
        "saying_compounds.txt",
    ];

    #[test]
    fn persian_grammar_lists_are_sorted_unique_and_loaded() {
        for name in FA_GRAMMAR {
            let list: Vec<&str> = entries(Lang::FA, name).collect();
            assert!(!list.is_empty(), "{name} is empty");
            assert!(list.windows(2).all(|p| p[0] < p[1]), "{name}: {list:?}");
            assert!(list.iter().all(|e| !e.contains('.')), "{name}");
        }
        let fa = builtin(Lang::FA);
        assert_eq!(fa.person_endings[0], "", "the empty ending comes first");
        assert_eq!(
            fa.saying_compounds.len(),
            entries(Lang::FA, "saying_compounds.txt").count()
        );
        assert!(
            fa.saying_compounds
                .iter()
                .all(|(n, s)| !n.is_empty() && !s.contains(' '))
        );
        assert!(fa.past_stems.iter().any(|s| s == "گفت"));
    }

    #[test]
    fn switch_files_name_known_switches_only() {
        for lang in [Lang::EN, Lang::RU, Lang::FA] {
            let names: Vec<&str> = entries(lang, "segmenter.txt").collect();
            assert!(names.windows(2).all(|p| p[0] < p[1]), "{lang}: {names:?}");
            for name in names {
                assert!(
                    SWITCH_NAMES.contains(&name),
                    "{lang}/segmenter.txt: unknown {name:?}"
                );
            }
        }
        assert!(builtin(Lang::EN).switches.email_layout);
        assert!(builtin(Lang::RU).switches.reply_handles);
        assert!(!builtin(Lang::FA).switches.lowercase_starts);
    }

    #[test]
    fn handle_governors_join_the_languages() {
        let all = handle_governors();
        assert!(all.contains("via") && all.contains("для"));
    }

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
    fn titles_are_prefixes_and_pairs_are_sorted_unique() {
        let en = builtin(Lang::EN);
        assert!(en.titles.contains("mr"));
        for word in &en.titles {
            assert!(en.prefixes.contains(word), "title {word} is no prefix");
        }
        let ru = builtin(Lang::RU);
        let pairs: Vec<&str> = entries(Lang::RU, "present_tense_persons.txt").collect();
        assert!(pairs.windows(2).all(|p| p[0] < p[1]), "{pairs:?}");
        assert_eq!(ru.present_persons.len(), pairs.len());
        assert!(
            ru.present_persons
                .iter()
                .all(|(e, p)| !e.is_empty() && !p.contains(' ') && e.to_lowercase() == *e)
        );
        for (name, len) in [
            (
                "date_phrase_words.txt",
                builtin(Lang::FA).date_phrase_words.len(),
            ),
            ("report_nouns.txt", builtin(Lang::FA).report_nouns.len()),
        ] {
            let fa: Vec<&str> = entries(Lang::FA, name).collect();
            assert!(fa.windows(2).all(|p| p[0] < p[1]), "{name}: {fa:?}");
            for word in &fa {
                assert_eq!(crate::tokenize::normalize_key(word, Lang::FA), *word);
            }
            assert_eq!(len, fa.len(), "{name}");
        }
    }

    #[test]
    fn counting_abbreviations_are_abbreviations() {
        let ru = builtin(Lang::RU);
        assert!(!ru.counting_abbreviations.is_empty());
        for word in &ru.counting_abbreviations {
            assert!(ru.abbreviations.contains(word), "{word} is no abbreviation");
        }
    }

    #[test]
    fn user_abbreviations_are_normalized() {
        assert_eq!(normalize_abbreviation(" Т. е. "), "т.е");
        assert_eq!(normalize_abbreviation("Approx."), "approx");
    }
}
