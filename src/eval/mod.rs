//! ROUGE evaluation, computed the way Google's `rouge-score` does.
//!
//! - English: lowercase, every character outside `[a-z0-9]` becomes a space,
//!   and tokens longer than three characters are stemmed (Porter).
//! - Other languages: NFKC, lowercase, words as runs of letters and digits
//!   (joined by ZWNJ); Russian `ё` is read as `е`; Persian yeh/kaf variants,
//!   alef maksura, teh marbuta and Persian/Arabic-Indic digits are unified.
//!   No stemming. This matches `../shared/tools/rouge.py`.
//! - ROUGE-1 and ROUGE-2 count clipped n-gram overlaps; ROUGE-Lsum splits
//!   both texts into sentences at newlines and takes the union LCS of each
//!   reference sentence against all summary sentences.
//!
//! Scores for an item are averaged over its references. [`evaluate`] runs
//! the summarizer over a whole dataset; [`paired_bootstrap`] tells whether
//! its difference from LEAD is more than the noise of a small set.

mod bootstrap;
mod dataset;

pub use bootstrap::{PairedDifference, RESAMPLES, paired_bootstrap};
pub use dataset::{EvalOptions, EvalReport, ItemResult, evaluate};

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::lang::Lang;

/// Recall, precision and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Prf {
    /// Recall.
    pub r: f64,
    /// Precision.
    pub p: f64,
    /// F1.
    pub f: f64,
}

impl Prf {
    fn new(hits: usize, reference: usize, candidate: usize) -> Prf {
        let r = if reference > 0 {
            hits as f64 / reference as f64
        } else {
            0.0
        };
        let p = if candidate > 0 {
            hits as f64 / candidate as f64
        } else {
            0.0
        };
        let f = if r + p > 0.0 {
            2.0 * r * p / (r + p)
        } else {
            0.0
        };
        Prf { r, p, f }
    }

    fn add(&mut self, o: &Prf) {
        self.r += o.r;
        self.p += o.p;
        self.f += o.f;
    }

    fn scale(&mut self, k: f64) {
        self.r *= k;
        self.p *= k;
        self.f *= k;
    }
}

/// ROUGE-1, ROUGE-2 and ROUGE-Lsum.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Rouge {
    /// ROUGE-1.
    pub rouge1: Prf,
    /// ROUGE-2.
    pub rouge2: Prf,
    /// ROUGE-Lsum.
    pub rouge_lsum: Prf,
}

impl Rouge {
    /// Adds another score (for averaging).
    pub fn add(&mut self, o: &Rouge) {
        self.rouge1.add(&o.rouge1);
        self.rouge2.add(&o.rouge2);
        self.rouge_lsum.add(&o.rouge_lsum);
    }

    /// Multiplies every figure by `k`.
    pub fn scale(&mut self, k: f64) {
        self.rouge1.scale(k);
        self.rouge2.scale(k);
        self.rouge_lsum.scale(k);
    }

    /// The mean of several scores (zero for none).
    pub fn mean(scores: &[Rouge]) -> Rouge {
        let mut total = Rouge::default();
        for s in scores {
            total.add(s);
        }
        if !scores.is_empty() {
            total.scale(1.0 / scores.len() as f64);
        }
        total
    }
}

/// A ROUGE tokenizer for one language.
pub struct RougeTokenizer {
    lang: Lang,
    stemmer: Option<rust_stemmers::Stemmer>,
}

impl std::fmt::Debug for RougeTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RougeTokenizer({})", self.lang)
    }
}

fn python_word_char(c: char) -> bool {
    // Python's `\w`: letters and digits (not combining marks) and `_`.
    c == '_' || (c.is_alphanumeric() && !crate::tokenize::is_mark(c))
}

impl RougeTokenizer {
    /// The tokenizer for `lang`.
    pub fn new(lang: Lang) -> RougeTokenizer {
        let stemmer = (lang == Lang::EN)
            .then(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));
        RougeTokenizer { lang, stemmer }
    }

    /// The tokens of `text`.
    ///
    /// ```
    /// use brief::{eval::RougeTokenizer, Lang};
    /// let en = RougeTokenizer::new(Lang::EN);
    /// assert_eq!(en.tokens("The cats' U.S. talks"), ["the", "cat", "u", "s", "talk"]);
    /// let fa = RougeTokenizer::new(Lang::FA);
    /// assert_eq!(fa.tokens("كتاب‌ها ۱۲"), ["کتاب\u{200c}ها", "12"]);
    /// ```
    pub fn tokens(&self, text: &str) -> Vec<String> {
        if self.lang == Lang::EN {
            let lower = text.to_lowercase();
            let cleaned: String = lower
                .chars()
                .map(|c| {
                    if c.is_ascii_lowercase() || c.is_ascii_digit() {
                        c
                    } else {
                        ' '
                    }
                })
                .collect();
            return cleaned
                .split_whitespace()
                .map(|w| match &self.stemmer {
                    Some(s) if w.len() > 3 => s.stem(w).into_owned(),
                    _ => w.to_string(),
                })
                .collect();
        }
        let norm: String = text.nfkc().collect::<String>().to_lowercase();
        let mapped: String = norm
            .chars()
            .map(|c| match (self.lang.as_str(), c) {
                ("ru", 'ё') => 'е',
                ("fa", 'ي' | 'ى') => 'ی',
                ("fa", 'ك') => 'ک',
                ("fa", 'ة') => 'ه',
                ("fa", '\u{06F0}'..='\u{06F9}') => {
                    char::from_u32(c as u32 - 0x06F0 + u32::from(b'0')).unwrap_or(c)
                }
                ("fa", '\u{0660}'..='\u{0669}') => {
                    char::from_u32(c as u32 - 0x0660 + u32::from(b'0')).unwrap_or(c)
                }
                _ => c,
            })
            .collect();
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = mapped.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            if !python_word_char(chars[i].1) {
                i += 1;
                continue;
            }
            let start = chars[i].0;
            let mut j = i;
            loop {
                while j < chars.len() && python_word_char(chars[j].1) {
                    j += 1;
                }
                // `\w+(?:\u200c\w+)*`: a ZWNJ followed by a word character continues the word.
                if j + 1 < chars.len()
                    && chars[j].1 == '\u{200C}'
                    && python_word_char(chars[j + 1].1)
                {
                    j += 1;
                    continue;
                }
                break;
            }
            let end = chars.get(j).map_or(mapped.len(), |c| c.0);
            out.push(mapped[start..end].to_string());
            i = j;
        }
        out
    }
}

fn ngram_counts(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts = HashMap::new();
    if tokens.len() >= n {
        for w in tokens.windows(n) {
            *counts.entry(w).or_insert(0) += 1;
        }
    }
    counts
}

fn rouge_n(reference: &[String], candidate: &[String], n: usize) -> Prf {
    let r = ngram_counts(reference, n);
    let c = ngram_counts(candidate, n);
    let hits: usize = r
        .iter()
        .map(|(g, &k)| k.min(c.get(g).copied().unwrap_or(0)))
        .sum();
    Prf::new(hits, r.values().sum(), c.values().sum())
}

/// Indices into `reference` of one LCS with `candidate`, chosen by the same
/// backtracking as rouge-score.
fn lcs_indices(reference: &[String], candidate: &[String]) -> Vec<usize> {
    let (rows, cols) = (reference.len(), candidate.len());
    let width = cols + 1;
    let mut t = vec![0u32; (rows + 1) * width];
    for i in 1..=rows {
        for j in 1..=cols {
            t[i * width + j] = if reference[i - 1] == candidate[j - 1] {
                t[(i - 1) * width + j - 1] + 1
            } else {
                t[(i - 1) * width + j].max(t[i * width + j - 1])
            };
        }
    }
    let (mut i, mut j) = (rows, cols);
    let mut out = Vec::new();
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            out.push(i - 1);
            i -= 1;
            j -= 1;
        } else if t[i * width + j - 1] > t[(i - 1) * width + j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    out.reverse();
    out
}

fn rouge_lsum(reference: &[Vec<String>], candidate: &[Vec<String>]) -> Prf {
    let m: usize = reference.iter().map(Vec::len).sum();
    let n: usize = candidate.iter().map(Vec::len).sum();
    if m == 0 || n == 0 {
        return Prf::default();
    }
    let mut ref_counts: HashMap<&str, usize> = HashMap::new();
    let mut cand_counts: HashMap<&str, usize> = HashMap::new();
    for t in reference.iter().flatten() {
        *ref_counts.entry(t).or_insert(0) += 1;
    }
    for t in candidate.iter().flatten() {
        *cand_counts.entry(t).or_insert(0) += 1;
    }
    let mut hits = 0;
    for r in reference {
        let mut union: Vec<usize> = candidate.iter().flat_map(|c| lcs_indices(r, c)).collect();
        union.sort_unstable();
        union.dedup();
        for i in union {
            let t = r[i].as_str();
            let (Some(rc), Some(cc)) = (ref_counts.get(t).copied(), cand_counts.get(t).copied())
            else {
                continue;
            };
            if rc > 0 && cc > 0 {
                hits += 1;
                ref_counts.insert(t, rc - 1);
                cand_counts.insert(t, cc - 1);
            }
        }
    }
    Prf::new(hits, m, n)
}

impl RougeTokenizer {
    /// ROUGE-1/2/Lsum of `candidate` against one `reference`. Sentences are
    /// separated by newlines in both.
    ///
    /// ```
    /// use brief::{eval::RougeTokenizer, Lang};
    /// let t = RougeTokenizer::new(Lang::EN);
    /// let s = t.score("the cat sat on the mat", "the cat sat");
    /// assert!((s.rouge1.p - 1.0).abs() < 1e-9);
    /// assert!((s.rouge1.r - 0.5).abs() < 1e-9);
    /// ```
    pub fn score(&self, reference: &str, candidate: &str) -> Rouge {
        let rt = self.tokens(reference);
        let ct = self.tokens(candidate);
        let sents = |text: &str| -> Vec<Vec<String>> {
            text.split('\n')
                .filter(|s| !s.is_empty())
                .map(|s| self.tokens(s))
                .collect()
        };
        Rouge {
            rouge1: rouge_n(&rt, &ct, 1),
            rouge2: rouge_n(&rt, &ct, 2),
            rouge_lsum: rouge_lsum(&sents(reference), &sents(candidate)),
        }
    }

    /// The scores of `candidate` averaged over `references`.
    pub fn score_multi(&self, references: &[String], candidate: &str) -> Rouge {
        let scores: Vec<Rouge> = references
            .iter()
            .map(|r| self.score(r, candidate))
            .collect();
        Rouge::mean(&scores)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn lsum_uses_the_union_of_lcs() {
        let r = vec![toks(&["a", "b", "c", "d"])];
        let c = vec![toks(&["a", "b"]), toks(&["c", "d"])];
        let s = rouge_lsum(&r, &c);
        assert!((s.r - 1.0).abs() < 1e-9);
    }

    #[test]
    fn bigrams_are_clipped() {
        let s = rouge_n(
            &toks(&["a", "b", "a", "b"]),
            &toks(&["a", "b", "a", "b", "a", "b"]),
            2,
        );
        // reference: ab×2, ba×1; candidate: ab×3, ba×2.
        assert!((s.r - 1.0).abs() < 1e-9);
        assert!((s.p - 3.0 / 5.0).abs() < 1e-9);
    }

    #[test]
    fn russian_yo_and_case() {
        let t = RougeTokenizer::new(Lang::RU);
        assert_eq!(t.tokens("Ёлка, ЁЖ!"), ["елка", "еж"]);
    }

    #[test]
    fn empty_texts_score_zero() {
        let t = RougeTokenizer::new(Lang::EN);
        assert_eq!(t.score("", "a b"), Rouge::default());
        assert_eq!(t.score("a b", ""), Rouge::default());
    }
}
