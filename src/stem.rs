//! Stemming and stopwords: turning tokens into the terms sentences are
//! compared by.
//!
//! Snowball stemmers (rust-stemmers) serve English, Russian and the other
//! languages Snowball covers; Persian gets a light suffix stemmer driven by
//! `resources/fa/suffixes.txt`. Stopword lists live in
//! `resources/<lang>/stopwords.txt` and can be extended with
//! `[languages.<code>] stopwords` in TOML.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use rust_stemmers::Algorithm;

use crate::lang::Lang;
use crate::resources::{self, LanguageSettings, entries as resource_entries};
use crate::tokenize::{for_each_word, normalize_key};

mod table;
use table::WordTable;

/// The built-in background frequency list of `lang` (empty for languages without one).
fn builtin_background(lang: Lang) -> &'static str {
    resources::builtin(lang, "background_freq.txt")
}

/// A background inverse document frequency per matching key (stemmed),
/// from a word frequency list: `-ln(frequency)`, the frequencies of the
/// words that share a stem summed. Words missing from the list are taken
/// to be rarer than its rarest word.
#[derive(Debug, Clone)]
pub struct Background {
    idf: HashMap<String, f32, BuildWordHasher>,
    unseen: f32,
}

impl Background {
    /// From a list in the format of `resources/<lang>/background_freq.txt`
    /// (`word zipf×100` per line), keyed as `stemmer` stems `lang`'s words.
    /// `None` for an empty list.
    pub fn from_list(text: &str, lang: Lang, stemmer: &Stemmer) -> Option<Background> {
        let mut freq: HashMap<String, f64> = HashMap::new();
        let mut rarest = f64::INFINITY;
        for line in resource_entries(text) {
            let mut cols = line.split_whitespace();
            let (Some(word), Some(zipf)) = (cols.next(), cols.next()) else {
                continue;
            };
            let Ok(zipf) = zipf.parse::<f64>() else {
                continue;
            };
            // Zipf = log10(occurrences per 10^9 words).
            let f = 10f64.powf(zipf / 100.0 - 9.0);
            rarest = rarest.min(f);
            let key = stemmer
                .stem_word(word, &normalize_key(word, lang))
                .into_owned();
            *freq.entry(key).or_insert(0.0) += f;
        }
        if freq.is_empty() {
            return None;
        }
        // Unseen words: half as frequent as the rarest listed one.
        let unseen = -(rarest / 2.0).ln() as f32;
        let idf = freq
            .into_iter()
            .map(|(k, f)| (k, (-f.min(1.0).ln() as f32).min(unseen)))
            .collect();
        Some(Background { idf, unseen })
    }

    /// Where the shipped table of `lang` is kept (`None` without one).
    fn builtin_cell(lang: Lang) -> Option<&'static OnceLock<Option<Background>>> {
        static EN: OnceLock<Option<Background>> = OnceLock::new();
        static RU: OnceLock<Option<Background>> = OnceLock::new();
        static FA: OnceLock<Option<Background>> = OnceLock::new();
        match lang.as_str() {
            "en" => Some(&EN),
            "ru" => Some(&RU),
            "fa" => Some(&FA),
            _ => None,
        }
    }

    /// The shipped table of `lang`, built once (`None` without one).
    pub fn builtin(lang: Lang) -> Option<&'static Background> {
        Background::builtin_cell(lang)?
            .get_or_init(|| {
                Background::from_list(builtin_background(lang), lang, &Stemmer::for_lang(lang))
            })
            .as_ref()
    }

    /// Whether `self` is the shipped table of `lang` (without building it).
    fn is_builtin(&self, lang: Lang) -> bool {
        Background::builtin_cell(lang)
            .and_then(OnceLock::get)
            .and_then(Option::as_ref)
            .is_some_and(|b| std::ptr::eq(b, self))
    }

    /// The background IDF of a key, relative to that of an unseen word (0..=1].
    ///
    pub fn relative_idf(&self, key: &str) -> f32 {
        self.idf
            .get(key)
            .map_or(1.0, |&i| (i / self.unseen).max(0.0))
    }
}

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

    /// The stem of a word as written, given its matching `key`: what the
    /// analyzer keys a content word by. Only a Persian word with a ZWNJ
    /// needs more than its key (see [`PersianStemmer::stem_word`]).
    pub fn stem_word<'a>(&self, word: &str, key: &'a str) -> Cow<'a, str> {
        match self {
            Stemmer::Persian(p) if word.contains('\u{200C}') => Cow::Owned(p.stem_word(word)),
            _ => self.stem(key),
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

    /// Whether `key` (normalized) is one of the suffixes.
    fn is_suffix(&self, key: &str) -> bool {
        self.suffixes.iter().any(|(suffix, _)| suffix == key)
    }

    /// The stem of a word as written (not yet normalized). A suffix set off
    /// by a ZWNJ (`شیوه‌ای`, `کتاب‌هایشان`, `بزرگ‌ترین`) is removed where the
    /// writer put it, and the rest is stemmed like the bare word. The key
    /// drops the ZWNJ, so without this `شیوه‌ای` would read as `شیوهای`,
    /// lose `های` as if it were a plural and stop matching `شیوه`.
    pub fn stem_word(&self, word: &str) -> String {
        let mut head = word;
        for _ in 0..2 {
            match head.rsplit_once('\u{200C}') {
                Some((before, tail))
                    if !before.is_empty() && self.is_suffix(&normalize_key(tail, Lang::FA)) =>
                {
                    head = before;
                }
                _ => break,
            }
        }
        self.stem(&normalize_key(head, Lang::FA)).to_string()
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
    /// Tells apart analyzers in the per-thread term memo.
    id: u64,
}

/// Distinct words remembered per analyzer and thread before the memo is
/// emptied: bounds memory on long batches while the common words of a
/// language (the bulk of every text) stay cached.
const MEMO_WORDS: usize = 1 << 16;

/// Analyzers with a memo per thread (one per language in a mixed batch).
const MEMO_ANALYZERS: usize = 8;

/// The term of each word seen on this thread, per analyzer: `None` when the
/// word is skipped (a stopword, a one-letter word, no key). Normalizing,
/// the stopword lookup and Snowball stemming cost most of the analysis;
/// words repeat (Zipf), so one hashed lookup replaces them for most tokens.
/// The index of a skipped word in [`Memo::words`], and of a term that is
/// not in the document in [`Memo::local`].
const NONE: u32 = u32::MAX;

struct Memo {
    /// Each word seen: the index of its term in `stems`, or [`NONE`].
    words: WordTable,
    /// The distinct terms, each once (words that share a stem share it).
    /// Shared with the documents' [`DocTerms`]: a document takes a term
    /// by a reference count, not a copy of its bytes.
    stems: Vec<std::sync::Arc<str>>,
    stem_ids: HashMap<std::sync::Arc<str>, u32, BuildWordHasher>,
    /// Scratch of [`Analyzer::doc_terms`]: the document's id of each term,
    /// or [`NONE`]; all [`NONE`] between documents.
    local: Vec<u32>,
    /// Tells this memo from every other one (and from itself before it was
    /// emptied), so that a [`DocTerms`] knows whether its indices into
    /// `stems` still hold.
    generation: u64,
    /// The background factor of each term of `stems` (NaN: not yet asked),
    /// for the shipped table of the analyzer's language and the weight
    /// (bits) in `factor_weight`. See [`Analyzer::background_factors`].
    factors: Vec<f32>,
    factor_weight: Option<u32>,
}

static NEXT_MEMO: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Default for Memo {
    fn default() -> Memo {
        Memo {
            words: WordTable::new(BuildWordHasher::default().0),
            stems: Vec::new(),
            stem_ids: HashMap::default(),
            local: Vec::new(),
            generation: NEXT_MEMO.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            factors: Vec::new(),
            factor_weight: None,
        }
    }
}

impl Memo {
    /// Empties a full memo; only between texts, so that indices stay valid
    /// while one text is read (one text adds at most its own words).
    fn make_room(&mut self) {
        if self.words.len() >= MEMO_WORDS || self.stems.len() >= MEMO_WORDS {
            *self = Memo::default();
        }
    }

    /// The index of `word`'s term in `stems`, or [`NONE`] when it is skipped.
    fn term(&mut self, analyzer: &Analyzer, word: &str) -> u32 {
        let (stems, stem_ids) = (&mut self.stems, &mut self.stem_ids);
        self.words
            .get_or_insert(word, || match analyzer.term_of(word) {
                None => NONE,
                Some(term) => match stem_ids.get(&*term) {
                    Some(&i) => i,
                    None => {
                        let i = stems.len() as u32;
                        let term: std::sync::Arc<str> = term.into();
                        stems.push(std::sync::Arc::clone(&term));
                        stem_ids.insert(term, i);
                        i
                    }
                },
            })
    }
}

thread_local! {
    static MEMOS: std::cell::RefCell<Vec<(u64, Memo)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A small multiplicative hash for short words, for maps local to one
/// analysis (the term memo, TF-IDF term ids): bounded, short-lived maps whose
/// keys an attacker gains little by colliding, where SipHash was a visible cost.
/// Seeded once per process from std's random keys, so that colliding words
/// cannot be precomputed.
#[derive(Clone, Copy)]
pub(crate) struct BuildWordHasher(u64);

impl Default for BuildWordHasher {
    fn default() -> BuildWordHasher {
        static SEED: OnceLock<u64> = OnceLock::new();
        BuildWordHasher(*SEED.get_or_init(|| {
            use std::hash::BuildHasher;
            std::collections::hash_map::RandomState::new().hash_one(0u64)
        }))
    }
}

pub(crate) struct WordHasher(u64);

impl std::hash::BuildHasher for BuildWordHasher {
    type Hasher = WordHasher;
    fn build_hasher(&self) -> WordHasher {
        WordHasher(self.0)
    }
}

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        // Mix the high bits down: hashbrown takes its tag from the top bits
        // and its bucket from the low ones.
        self.0 ^ (self.0 >> 29)
    }
}

/// The terms of a document's sentences, as ids local to the document.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocTerms {
    /// Each distinct term by its id; ids go by first appearance.
    pub names: Vec<std::sync::Arc<str>>,
    /// The terms of each sentence as ids, in text order.
    pub sentences: Vec<Vec<u32>>,
    /// The memo (its generation) the terms came from, and each term's index
    /// in it: valid while the memo is that generation.
    memo: (u64, Vec<u32>),
}

static NEXT_ANALYZER_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

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
            id: NEXT_ANALYZER_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// [`Analyzer::new`], shared: without extra stopwords, one analyzer per
    /// language for the whole process (parsing the stopword list per
    /// document was a measurable share of a batch, and a shared analyzer
    /// keeps its term memo warm).
    pub fn shared(lang: Lang, extra: Option<&LanguageSettings>) -> std::sync::Arc<Analyzer> {
        use std::sync::{Arc, Mutex};
        if extra.is_some_and(|e| !e.stopwords.is_empty()) {
            return Arc::new(Analyzer::new(lang, extra));
        }
        static BUILTIN: OnceLock<Mutex<HashMap<Lang, Arc<Analyzer>>>> = OnceLock::new();
        let cache = BUILTIN.get_or_init(Default::default);
        let mut cache = cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(
            cache
                .entry(lang)
                .or_insert_with(|| Arc::new(Analyzer::new(lang, None))),
        )
    }

    /// The term of one word, or `None` when it is skipped.
    fn term_of(&self, word: &str) -> Option<Box<str>> {
        let key = normalize_key(word, self.lang);
        if key.is_empty() {
            return None;
        }
        let mut chars = key.chars();
        let single = chars.next().is_some_and(|c| !c.is_numeric()) && chars.next().is_none();
        if single || self.stopwords.contains(key.as_str()) {
            return None;
        }
        Some(self.stemmer.stem_word(word, &key).into())
    }

    /// Runs `f` on this thread's memo for this analyzer (a fresh one if
    /// the memo is in use: `f` analyzing text itself).
    fn with_memo<R>(&self, f: impl FnOnce(&mut Memo) -> R) -> R {
        MEMOS.with(|memos| {
            let Ok(mut memos) = memos.try_borrow_mut() else {
                return f(&mut Memo::default());
            };
            let at = match memos.iter().position(|(id, _)| *id == self.id) {
                Some(at) => at,
                None => {
                    // Analyzers with user stopwords are made per document:
                    // keep the memos of the few most recent ones only.
                    if memos.len() >= MEMO_ANALYZERS {
                        memos.remove(0);
                    }
                    memos.push((self.id, Memo::default()));
                    memos.len() - 1
                }
            };
            let memo = &mut memos[at].1;
            memo.make_room();
            f(memo)
        })
    }

    /// The terms of each of `sentences` as [`DocTerms`]: one string per
    /// distinct term of the document, not one per occurrence, and a term
    /// found by its index in the memo rather than hashed again (both were a
    /// tenth of the work of a batch summary).
    pub(crate) fn doc_terms<'t>(&self, sentences: impl Iterator<Item = &'t str>) -> DocTerms {
        self.with_memo(|memo| {
            let mut order: Vec<u32> = Vec::new();
            // Each row is gathered in one scratch vector and copied out at
            // its size: one allocation per sentence, none to grow.
            let mut row: Vec<u32> = Vec::new();
            let rows = sentences
                .map(|text| {
                    row.clear();
                    for_each_word(text, |start, end| {
                        let i = memo.term(self, &text[start..end]);
                        if i == NONE {
                            return;
                        }
                        let i = i as usize;
                        if i >= memo.local.len() {
                            memo.local.resize(memo.stems.len(), NONE);
                        }
                        if memo.local[i] == NONE {
                            memo.local[i] = order.len() as u32;
                            order.push(i as u32);
                        }
                        row.push(memo.local[i]);
                    });
                    row.as_slice().to_vec()
                })
                .collect();
            let names = order
                .iter()
                .map(|&i| {
                    memo.local[i as usize] = NONE;
                    memo.stems[i as usize].clone()
                })
                .collect();
            DocTerms {
                names,
                sentences: rows,
                memo: (memo.generation, order),
            }
        })
    }

    /// `bg.relative_idf(name).powf(weight)` for each of `doc`'s term names
    /// (`doc` made by this analyzer). When `bg` is the shipped table of the
    /// analyzer's language and `doc` came from this thread's memo as it is,
    /// each term's factor is kept in the memo: a batch looks each distinct
    /// term up and raises it to the weight once, not once per article
    /// (the lookups and `powf` were 3 % of a batch). The factor is the same
    /// either way.
    pub(crate) fn background_factors(
        &self,
        doc: &DocTerms,
        bg: &Background,
        weight: f32,
    ) -> Vec<f32> {
        let direct = |name: &str| bg.relative_idf(name).powf(weight);
        if !bg.is_builtin(self.lang) {
            return doc.names.iter().map(|n| direct(n)).collect();
        }
        self.with_memo(|memo| {
            let (generation, ids) = &doc.memo;
            if *generation != memo.generation || ids.len() != doc.names.len() {
                return doc.names.iter().map(|n| direct(n)).collect();
            }
            if memo.factor_weight != Some(weight.to_bits()) {
                memo.factors.clear();
                memo.factor_weight = Some(weight.to_bits());
            }
            if memo.factors.len() < memo.stems.len() {
                memo.factors.resize(memo.stems.len(), f32::NAN);
            }
            ids.iter()
                .map(|&i| {
                    let i = i as usize;
                    if memo.factors[i].is_nan() {
                        memo.factors[i] = direct(&memo.stems[i]);
                    }
                    memo.factors[i]
                })
                .collect()
        })
    }

    /// Calls `f(term)` for each content term of `text`, in order.
    ///
    pub fn terms(&self, text: &str, mut f: impl FnMut(&str)) {
        self.with_memo(|memo| {
            for_each_word(text, |start, end| {
                let i = memo.term(self, &text[start..end]);
                if i != NONE {
                    f(&memo.stems[i as usize]);
                }
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

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
    fn relative_idf_example() {
        let bg = Background::builtin(Lang::EN).unwrap();
        assert!(bg.relative_idf("the") < bg.relative_idf("parliament"));
        assert_eq!(bg.relative_idf("zzxqjv"), 1.0);
    }

    #[test]
    fn background_lists_are_sorted_unique_with_valid_frequencies() {
        for (name, text) in [
            ("en/background_freq", builtin_background(Lang::EN)),
            ("ru/background_freq", builtin_background(Lang::RU)),
            ("fa/background_freq", builtin_background(Lang::FA)),
        ] {
            let rows: Vec<(&str, &str)> = resource_entries(text)
                .map(|e| e.split_once(' ').unwrap_or((e, "")))
                .collect();
            assert!(rows.len() >= 5_000, "{name} is short: {}", rows.len());
            assert!(
                rows.windows(2).all(|w| w[0].0 < w[1].0),
                "{name} must be sorted (byte order) and unique"
            );
            for (word, zipf) in rows {
                let z: u32 = zipf
                    .parse()
                    .unwrap_or_else(|_| panic!("{name}: {word} {zipf:?}"));
                assert!((1..=900).contains(&z), "{name}: {word} {z}");
            }
        }
    }

    #[test]
    fn background_idf_ranks_function_words_below_content_words() {
        for (lang, common, rare) in [
            (Lang::EN, "said", "parliament"),
            (Lang::RU, "сказал", "парламент"),
            (Lang::FA, "گفت", "پارلمان"),
        ] {
            let bg = Background::builtin(lang).expect("a shipped table");
            let stemmer = Stemmer::for_lang(lang);
            let key = |w: &str| stemmer.stem(&normalize_key(w, lang)).into_owned();
            let (c, r) = (bg.relative_idf(&key(common)), bg.relative_idf(&key(rare)));
            assert!(
                0.0 < c && c < r && r < 1.0,
                "{lang}: {common} {c}, {rare} {r}"
            );
        }
        assert!(Background::builtin("de".parse().expect("a language code")).is_none());
        assert!(Background::from_list("# nothing\n", Lang::EN, &Stemmer::Identity).is_none());
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
    fn a_suffix_after_a_zwnj_is_removed_where_it_was_written() {
        // Regression: `شیوه‌ای` keyed as `شیوهای` lost `های` as a plural
        // (stem `شیو`) and stopped matching `شیوه`.
        let analyzer = Analyzer::new(Lang::FA, None);
        let terms = |text: &str| {
            let mut out = Vec::new();
            analyzer.terms(text, |t| out.push(t.to_string()));
            out
        };
        assert_eq!(terms("شیوه\u{200C}ای"), terms("شیوه"));
        assert_eq!(terms("خانه\u{200C}ای"), terms("خانه"));
        assert_eq!(terms("کتاب\u{200C}هایشان"), terms("کتابهایشان"));
        assert_eq!(terms("بزرگ\u{200C}ترین"), terms("بزرگترین"));
        assert_eq!(terms("رسانه\u{200C}های"), terms("رسانه"));
        // A ZWNJ inside a compound or after a prefix is not a suffix.
        assert_eq!(terms("دستور\u{200C}العمل"), vec!["دستورالعمل".to_string()]);
        assert_ne!(terms("می\u{200C}رود"), terms("رود"));
    }

    #[test]
    fn detached_persian_plural_gives_the_terms_of_the_joined_one() {
        // `رسانه ها` (a space) and `رسانه‌ها` (a ZWNJ) are one word: the
        // detached `ها` must not become a term of its own.
        let a = Analyzer::new(Lang::FA, None);
        let terms = |text: &str| {
            let mut t = Vec::new();
            a.terms(text, |x| t.push(x.to_string()));
            t
        };
        assert_eq!(terms("رسانه ها"), terms("رسانه\u{200C}ها"));
        assert_eq!(terms("تلاش های مخالفان"), ["تلاش", "مخالف"]);
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
    fn memoized_terms_match_fresh_ones_per_analyzer() {
        let shared = Analyzer::shared(Lang::EN, None);
        assert!(std::sync::Arc::ptr_eq(
            &shared,
            &Analyzer::shared(Lang::EN, None)
        ));
        let extra = LanguageSettings {
            stopwords: vec!["said".into()],
            ..Default::default()
        };
        let own = Analyzer::shared(Lang::EN, Some(&extra));
        let text = "He said the talks were running late; she said so too.";
        let terms = |a: &Analyzer| {
            let mut t = Vec::new();
            a.terms(text, |x| t.push(x.to_string()));
            t
        };
        let expected: Vec<String> = tokenize(text, Lang::EN)
            .into_iter()
            .filter_map(|tok| shared.term_of(&text[tok.start..tok.end]).map(String::from))
            .collect();
        // First call fills the memo, the second reads it; the analyzer with
        // an extra stopword must not see the shared analyzer's memo.
        assert_eq!(terms(&shared), expected);
        assert_eq!(terms(&shared), expected);
        assert_eq!(terms(&own), ["talk", "run", "late"]);
        assert!(expected.contains(&"said".to_string()));
    }

    #[test]
    fn background_factors_are_the_direct_ones() {
        let bg = Background::builtin(Lang::EN).expect("a shipped table");
        let shared = Analyzer::shared(Lang::EN, None);
        let text = [
            "Parliament voted on the budget.",
            "The budget passed; parliament rose.",
        ];
        for weight in [0.5f32, 1.0, 0.5] {
            // Twice each: the second call reads the memo's factors.
            for _ in 0..2 {
                let doc = shared.doc_terms(text.iter().copied());
                let want: Vec<f32> = doc
                    .names
                    .iter()
                    .map(|n| bg.relative_idf(n).powf(weight))
                    .collect();
                assert_eq!(shared.background_factors(&doc, bg, weight), want);
                // Another language's table is looked up directly.
                let ru = Background::builtin(Lang::RU).expect("a shipped table");
                let want: Vec<f32> = doc
                    .names
                    .iter()
                    .map(|n| ru.relative_idf(n).powf(weight))
                    .collect();
                assert_eq!(shared.background_factors(&doc, ru, weight), want);
            }
        }
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
