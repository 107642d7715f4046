//! Stemming and stopwords: turning tokens into the terms sentences are
//! compared by.
//!
//! Snowball stemmers (rust-stemmers) serve English, Russian and the other
//! languages Snowball covers; Persian gets a light suffix stemmer driven by
//! `resources/fa/suffixes.txt`. Stopword lists live in
//! `resources/<lang>/stopwords.txt` and can be extended with
//! `[languages.<code>] stopwords` in TOML.

use std::borrow::Cow;
use std::collections::HashSet;

use rust_stemmers::Algorithm;

use crate::lang::Lang;
use crate::resources::{self, LanguageSettings, entries as resource_entries};
use crate::tokenize::{normalize_key, tokenize};

/// The built-in stopword list of `lang` (empty for languages without one).
fn builtin_stopwords(lang: Lang) -> &'static str {
    resources::builtin(lang, "stopwords.txt")
}

/// A stemmer for one language.
pub enum Stemmer {
    /// A Snowball stemmer.
    Snowball(rust_stemmers::Stemmer),
    /// The light Persian suffix stemmer.
    Persian(PersianStemmer),
    /// No stemming: the key is the term.
    Identity,
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stemmer::Snowball(_) => f.write_str("Stemmer::Snowball"),
            Stemmer::Persian(_) => f.write_str("Stemmer::Persian"),
            Stemmer::Identity => f.write_str("Stemmer::Identity"),
        }
    }
}

fn snowball(lang: Lang) -> Option<Algorithm> {
    Some(match lang.as_str() {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "en" => Algorithm::English,
        "es" => Algorithm::Spanish,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "nl" => Algorithm::Dutch,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

impl Stemmer {
    /// The stemmer for `lang`.
    pub fn for_lang(lang: Lang) -> Stemmer {
        if lang == Lang::FA {
            return Stemmer::Persian(PersianStemmer::builtin());
        }
        match snowball(lang) {
            Some(alg) => Stemmer::Snowball(rust_stemmers::Stemmer::create(alg)),
            None => Stemmer::Identity,
        }
    }

    /// The stem of a matching key.
    ///
    pub fn stem<'a>(&self, key: &'a str) -> Cow<'a, str> {
        match self {
            Stemmer::Snowball(s) => s.stem(key),
            Stemmer::Persian(p) => Cow::Borrowed(p.stem(key)),
            Stemmer::Identity => Cow::Borrowed(key),
        }
    }
}

/// A light Persian stemmer: removes at most two inflectional suffixes,
/// longest first, while the stem keeps a minimum length.
#[derive(Debug, Clone)]
pub struct PersianStemmer {
    /// (suffix, shortest stem it may leave, in characters), longest first.
    suffixes: Vec<(String, usize)>,
}

impl PersianStemmer {
    /// The stemmer with the shipped suffix list.
    pub fn builtin() -> PersianStemmer {
        PersianStemmer::from_list(resources::builtin(Lang::FA, "suffixes.txt"))
    }

    /// A stemmer from a suffix list in the format of `resources/fa/suffixes.txt`.
    pub fn from_list(text: &str) -> PersianStemmer {
        let mut suffixes: Vec<(String, usize)> = resource_entries(text)
            .filter_map(|line| {
                let mut cols = line.split_whitespace();
                let suffix = cols.next()?.to_string();
                let min = cols.next().and_then(|m| m.parse().ok()).unwrap_or(3);
                Some((suffix, min))
            })
            .collect();
        suffixes.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(a.0.cmp(&b.0))
        });
        PersianStemmer { suffixes }
    }

    /// The stem of a normalized Persian key.
    pub fn stem<'a>(&self, key: &'a str) -> &'a str {
        let mut word = key;
        for _ in 0..2 {
            let len = word.chars().count();
            let found = self.suffixes.iter().find(|(suffix, min)| {
                word.ends_with(suffix.as_str()) && len - suffix.chars().count() >= *min
            });
            match found {
                Some((suffix, _)) => word = &word[..word.len() - suffix.len()],
                None => break,
            }
        }
        word
    }
}

/// Turns text into terms: tokens, minus stopwords and one-letter words,
/// stemmed.
#[derive(Debug)]
pub struct Analyzer {
    lang: Lang,
    stopwords: HashSet<String>,
    stemmer: Stemmer,
}

impl Analyzer {
    /// An analyzer for `lang` with the user's extra stopwords.
    pub fn new(lang: Lang, extra: Option<&LanguageSettings>) -> Analyzer {
        let mut stopwords: HashSet<String> = resource_entries(builtin_stopwords(lang))
            .map(str::to_string)
            .collect();
        if let Some(extra) = extra {
            stopwords.extend(
                extra
                    .stopwords
                    .iter()
                    .map(|w| normalize_key(w.trim(), lang)),
            );
        }
        Analyzer {
            lang,
            stopwords,
            stemmer: Stemmer::for_lang(lang),
        }
    }

    /// Calls `f(term)` for each content term of `text`, in order.
    ///
    pub fn terms(&self, text: &str, mut f: impl FnMut(&str)) {
        for token in tokenize(text, self.lang) {
            let key = token.key.as_str();
            let mut chars = key.chars();
            let single = chars.next().is_some_and(|c| !c.is_numeric()) && chars.next().is_none();
            if single || self.stopwords.contains(key) {
                continue;
            }
            f(&self.stemmer.stem(key));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_list(name: &str, text: &str, lang: Lang) {
        let entries: Vec<&str> = resource_entries(text).collect();
        assert!(!entries.is_empty(), "{name} is empty");
        let keys: Vec<&str> = entries
            .iter()
            .map(|e| e.split_whitespace().next().unwrap_or(""))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(keys, sorted, "{name} must be sorted and unique");
        for k in keys {
            assert_eq!(normalize_key(k, lang), k, "{name}: {k:?} is not normalized");
        }
    }

    #[test]
    fn resource_lists_are_sorted_unique_normalized() {
        check_list("en/stopwords", builtin_stopwords(Lang::EN), Lang::EN);
        check_list("ru/stopwords", builtin_stopwords(Lang::RU), Lang::RU);
        check_list("fa/stopwords", builtin_stopwords(Lang::FA), Lang::FA);
        check_list(
            "fa/suffixes",
            resources::builtin(Lang::FA, "suffixes.txt"),
            Lang::FA,
        );
    }

    #[test]
    fn persian_stemmer_keeps_short_stems() {
        let s = PersianStemmer::builtin();
        assert_eq!(s.stem("کتابها"), "کتاب");
        assert_eq!(s.stem("ایرانی"), "ایران");
        assert_eq!(s.stem("ایران"), "ایران");
        assert_eq!(s.stem("آنها"), "آنها");
        assert_eq!(s.stem("کتابهایشان"), "کتاب");
    }

    #[test]
    fn user_stopwords_are_normalized() {
        let extra = LanguageSettings {
            stopwords: vec!["Said".into()],
            ..Default::default()
        };
        let a = Analyzer::new(Lang::EN, Some(&extra));
        let mut terms = Vec::new();
        a.terms("He said hello", |t| terms.push(t.to_string()));
        assert_eq!(terms, ["hello"]);
    }

    #[test]
    fn terms_example() {
        use crate::{Lang, stem::Analyzer};
        let a = Analyzer::new(Lang::EN, None);
        let mut terms = Vec::new();
        a.terms("The talks were running late.", |t| {
            terms.push(t.to_string())
        });
        assert_eq!(terms, ["talk", "run", "late"]);
    }

    #[test]
    fn stem_example() {
        use crate::{Lang, stem::Stemmer};
        assert_eq!(Stemmer::for_lang(Lang::EN).stem("running"), "run");
        assert_eq!(Stemmer::for_lang(Lang::RU).stem("переговоры"), "переговор");
        assert_eq!(Stemmer::for_lang(Lang::FA).stem("کتابهای"), "کتاب");
    }
}
