//! The lookup index of one source language and the lookup itself.
//!
//! Exact matches come from a hash map keyed by [`text::normalize`]. Fuzzy
//! candidates come from an inverted index whose keys are (word, occurrence)
//! pairs, so that the overlap of two word multisets is the overlap of two
//! key sets. A score of at least `s` % needs, for a query of `n` words and a
//! unit of `m`, a length `m` in `[⌈s·n/100⌉, ⌊100·n/s⌋]` and at least
//! `t = ⌈s·n/100⌉` shared keys; so every qualifying unit holds one of the
//! `n − t + 1` rarest query keys (prefix filtering), and only those posting
//! lists, cut to that length range (postings are sorted by length), are
//! read. Candidates are then checked by exact key overlap and finally by a
//! banded word-level edit distance. Each stage has a fixed budget.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use super::{
    EXPORT_PROP, Entry, FUZZY_THRESHOLD, Lookup, MAX_FUZZY, MAX_FUZZY_WORDS, Match, Memory, Origin,
    attr, date, lang, prop, text,
};

/// Posting-list entries read per lookup, at most.
pub(super) const MAX_POSTINGS_SCANNED: usize = 200_000;
/// Candidates whose key overlap is computed per lookup, at most.
pub(super) const MAX_OVERLAP_CHECKS: usize = 2_000;
/// Candidates whose edit distance is computed per lookup, at most.
pub(super) const MAX_DISTANCE_CHECKS: usize = 200;

/// Bit 63 of a target mask stands for every language id from 63 on.
const OVERFLOW_BIT: u32 = 63;

#[derive(Debug, Clone, Default)]
pub(super) struct LangIndex {
    items: Vec<Item>,
    /// Items by a hash of their normalized text (a copy of every text
    /// would cost as much memory as the texts; a hash collision is sorted
    /// out by comparing the texts at lookup).
    exact: HashMap<u64, Vec<u32>>,
    words: HashMap<Box<str>, u32>,
    /// Key ids by word id and occurrence number.
    keys: Vec<Vec<u32>>,
    postings: Vec<Vec<u32>>,
    /// Language keys of the whole memory, by id (first appearance).
    langs: Vec<String>,
}

/// One variant in the index's language.
#[derive(Debug, Clone)]
struct Item {
    entry: u32,
    variant: u32,
    /// The variant's language id.
    lang: u32,
    /// Bit `i` set: the unit has a non-blank variant with language id `i`.
    targets: u64,
    /// Word ids in text order (empty when over [`MAX_FUZZY_WORDS`]).
    words: Box<[u32]>,
    /// (word, occurrence) key ids, sorted.
    keys: Box<[u32]>,
}

fn lang_bit(id: u32) -> u64 {
    1u64 << id.min(OVERFLOW_BIT)
}

fn is_blank(s: &str) -> bool {
    text::is_blank(s)
}

thread_local! {
    /// Per-thread hit counters, one per item, reset after each lookup.
    static HITS: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
}

impl LangIndex {
    /// Indexes every non-blank variant whose primary language is `primary`.
    pub(super) fn build(memory: &Memory, primary: &str) -> LangIndex {
        let mut index = LangIndex::default();
        let mut lang_ids: HashMap<&str, u32> = HashMap::new();
        for v in memory.entries.iter().flat_map(|e| &e.variants) {
            if !lang_ids.contains_key(&*v.lang_key) {
                lang_ids.insert(&v.lang_key, index.langs.len() as u32);
                index.langs.push(v.lang_key.to_string());
            }
        }
        for (entry_no, entry) in memory.entries.iter().enumerate() {
            let mut targets = 0u64;
            let mut mine = Vec::new();
            for (variant_no, v) in entry.variants.iter().enumerate() {
                if is_blank(&v.text) {
                    continue;
                }
                targets |= lang_bit(lang_ids[&*v.lang_key]);
                if lang::primary(&v.lang_key) == primary {
                    mine.push(variant_no);
                }
            }
            for variant_no in mine {
                let v = &entry.variants[variant_no];
                index.add(
                    entry_no as u32,
                    variant_no as u32,
                    lang_ids[&*v.lang_key],
                    targets,
                    &v.text,
                );
            }
        }
        let items = &index.items;
        for list in &mut index.postings {
            // Stable: equal lengths stay in item order.
            list.sort_by_key(|&i| items[i as usize].words.len());
        }
        index
    }

    fn add(&mut self, entry: u32, variant: u32, lang: u32, targets: u64, text: &str) {
        let id = self.items.len() as u32;
        self.exact
            .entry(exact_key(&text::normalize(text)))
            .or_default()
            .push(id);
        let mut word_ids: Vec<u32> = Vec::new();
        text::for_each_word(text, |w| {
            if word_ids.len() > MAX_FUZZY_WORDS {
                return;
            }
            let word = match self.words.get(w) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.words.insert(w.into(), id);
                    self.keys.push(Vec::new());
                    id
                }
            };
            word_ids.push(word);
        });
        let (word_ids, keys) = if word_ids.len() <= MAX_FUZZY_WORDS {
            let mut keys: Vec<u32> = occurrences(&word_ids)
                .map(|(word, occurrence)| {
                    let by_occurrence = &mut self.keys[word as usize];
                    let key = match by_occurrence.get(occurrence as usize) {
                        Some(&key) => key,
                        None => {
                            // Occurrences are numbered from 0 without gaps.
                            let key = self.postings.len() as u32;
                            by_occurrence.push(key);
                            self.postings.push(Vec::new());
                            key
                        }
                    };
                    self.postings[key as usize].push(id);
                    key
                })
                .collect();
            keys.sort_unstable();
            (word_ids, keys)
        } else {
            (Vec::new(), Vec::new())
        };
        self.items.push(Item {
            entry,
            variant,
            lang,
            targets,
            words: word_ids.into(),
            keys: keys.into(),
        });
    }

    pub(super) fn lookup(
        &self,
        memory: &Memory,
        source: &str,
        source_key: &str,
        target_key: &str,
    ) -> Lookup {
        let source_ok: Vec<bool> = self
            .langs
            .iter()
            .map(|l| lang::match_level(source_key, l).is_some())
            .collect();
        let mut target_mask = 0u64;
        for (i, l) in self.langs.iter().enumerate() {
            if lang::match_level(target_key, l).is_some() {
                target_mask |= lang_bit(i as u32);
            }
        }
        if target_mask == 0 {
            return Lookup::default();
        }
        let eligible =
            |item: &Item| source_ok[item.lang as usize] && item.targets & target_mask != 0;

        let normalized = text::normalize(source);
        if normalized.is_empty() {
            return Lookup::default();
        }
        let exact_items: Vec<u32> = self
            .exact
            .get(&exact_key(&normalized))
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .copied()
            .filter(|&i| {
                let item = &self.items[i as usize];
                let v = &memory.entries[item.entry as usize].variants[item.variant as usize];
                text::normalize(&v.text) == normalized
            })
            .collect();
        let exact_items = exact_items.as_slice();
        let mut exact: Vec<(Option<&str>, u32, Match)> = exact_items
            .iter()
            .filter(|&&i| eligible(&self.items[i as usize]))
            .filter_map(|&i| {
                let item = &self.items[i as usize];
                let (m, entry, t) = self.make_match(memory, item, target_key, 100)?;
                Some((latest_date(entry, t), i, m))
            })
            .collect();
        // Most recent first; undated last; then memory order.
        exact.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut exact = exact.into_iter().map(|(_, _, m)| m);
        let best = exact.next();
        let mut candidates: Vec<Match> = Vec::new();
        let mut seen: HashSet<(String, String)> = HashSet::new();
        if let Some(b) = &best {
            seen.insert((normalized.clone(), b.target.clone()));
        }
        for m in exact {
            if seen.insert((normalized.clone(), m.target.clone())) {
                candidates.push(m);
            }
        }
        if candidates.len() < MAX_FUZZY {
            for (item, score) in self.fuzzy(source, exact_items, &eligible) {
                if candidates.len() >= MAX_FUZZY {
                    break;
                }
                let Some((m, _, _)) =
                    self.make_match(memory, &self.items[item as usize], target_key, score)
                else {
                    continue;
                };
                if seen.insert((text::normalize(&m.source), m.target.clone())) {
                    candidates.push(m);
                }
            }
        }
        candidates.truncate(MAX_FUZZY);
        Lookup {
            exact: best,
            fuzzy: candidates,
        }
    }

    /// Items scoring at least [`FUZZY_THRESHOLD`] (not exact), best first,
    /// ties in memory order.
    fn fuzzy(
        &self,
        source: &str,
        exact: &[u32],
        eligible: &dyn Fn(&Item) -> bool,
    ) -> Vec<(u32, u8)> {
        let threshold = usize::from(FUZZY_THRESHOLD);
        let words = text::words(source);
        let n = words.len();
        if n == 0 || n > MAX_FUZZY_WORDS {
            return Vec::new();
        }
        let query: Vec<u32> = words
            .iter()
            .map(|w| self.words.get(w.as_str()).copied().unwrap_or(u32::MAX))
            .collect();
        // (document frequency, key) per query key; unknown words have none.
        let mut probes: Vec<(usize, Option<u32>)> = occurrences(&query)
            .map(|(word, occurrence)| {
                let key = self
                    .keys
                    .get(word as usize)
                    .and_then(|by_occurrence| by_occurrence.get(occurrence as usize));
                match key {
                    Some(&k) => (self.postings[k as usize].len(), Some(k)),
                    None => (0, None),
                }
            })
            .collect();
        let mut query_keys: Vec<u32> = probes.iter().filter_map(|p| p.1).collect();
        query_keys.sort_unstable();
        let required = (threshold * n).div_ceil(100);
        let prefix = n - required + 1;
        probes.sort_by_key(|&(df, k)| (df, k));
        probes.truncate(prefix);
        let shortest = required;
        let longest = 100 * n / threshold;

        let mut touched: Vec<u32> = Vec::new();
        HITS.with_borrow_mut(|hits| {
            if hits.len() < self.items.len() {
                hits.resize(self.items.len(), 0);
            }
            let mut budget = MAX_POSTINGS_SCANNED;
            for key in probes.iter().filter_map(|p| p.1) {
                let list = &self.postings[key as usize];
                let len_of = |&i: &u32| self.items[i as usize].words.len();
                let start = list.partition_point(|i| len_of(i) < shortest);
                let end = list.partition_point(|i| len_of(i) <= longest);
                let take = (end - start).min(budget);
                budget -= take;
                for &i in &list[start..start + take] {
                    let h = &mut hits[i as usize];
                    if *h == 0 {
                        touched.push(i);
                    }
                    *h += 1;
                }
                if budget == 0 {
                    break;
                }
            }
            let mut ranked: Vec<(u16, u32)> = touched
                .iter()
                .map(|&i| {
                    let h = hits[i as usize];
                    hits[i as usize] = 0;
                    (h, i)
                })
                .collect();
            ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            touched = ranked.into_iter().map(|(_, i)| i).collect();
        });

        let mut overlapping: Vec<(usize, u32)> = touched
            .into_iter()
            .filter(|i| !exact.contains(i) && eligible(&self.items[*i as usize]))
            .take(MAX_OVERLAP_CHECKS)
            .filter_map(|i| {
                let item = &self.items[i as usize];
                let shared = sorted_overlap(&query_keys, &item.keys);
                let longer = n.max(item.words.len());
                (100 * shared >= threshold * longer).then_some((shared, i))
            })
            .collect();
        overlapping.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        overlapping.truncate(MAX_DISTANCE_CHECKS);

        let mut scored: Vec<(u32, u8)> = overlapping
            .into_iter()
            .filter_map(|(_, i)| {
                let item = &self.items[i as usize];
                let longer = n.max(item.words.len());
                let allowed = longer * (100 - threshold) / 100;
                let d = bounded_distance(&query, &item.words, allowed)?;
                let score = (100 * (longer - d) / longer).min(99);
                (score >= threshold).then_some((i, score as u8))
            })
            .collect();
        scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        scored
    }

    fn make_match<'m>(
        &self,
        memory: &'m Memory,
        item: &Item,
        target_key: &str,
        score: u8,
    ) -> Option<(Match, &'m Entry, usize)> {
        let entry = &memory.entries[item.entry as usize];
        let source = &entry.variants[item.variant as usize];
        let t = pick_target(entry, target_key, item.variant as usize)?;
        let target = &entry.variants[t];
        let own_or_unit = |name: &str| {
            attr(&target.attrs, name)
                .or_else(|| attr(&entry.attrs, name))
                .map(str::to_string)
        };
        let origin = Origin {
            file: entry.from.as_ref().map(|(p, _)| p.to_path_buf()),
            unit: entry.from.as_ref().map(|(_, n)| *n),
            tuid: attr(&entry.attrs, "tuid").map(str::to_string),
            source_lang: source.lang.to_string(),
            target_lang: target.lang.to_string(),
            creation_date: own_or_unit("creationdate"),
            change_date: own_or_unit("changedate"),
            creation_id: own_or_unit("creationid"),
            export_id: prop(&target.meta, EXPORT_PROP)
                .or_else(|| prop(&entry.meta, EXPORT_PROP))
                .map(str::to_string),
        };
        let m = Match {
            source: source.text.clone(),
            target: target.text.clone(),
            score,
            target_markup: target.markup,
            origin,
        };
        Some((m, entry, t))
    }
}

/// The variant of `entry` to use as the translation into `target_key`: the
/// identical tag before a prefix tag, then document order; never the
/// source variant itself, never a blank one.
pub(super) fn pick_target(entry: &Entry, target_key: &str, source_variant: usize) -> Option<usize> {
    entry
        .variants
        .iter()
        .enumerate()
        .filter(|&(i, v)| i != source_variant && !is_blank(&v.text))
        .filter_map(|(i, v)| lang::match_level(target_key, &v.lang_key).map(|l| (l, i)))
        .min()
        .map(|(_, i)| i)
}

/// The latest well-formed date of a unit and its target variant.
fn latest_date(entry: &Entry, target: usize) -> Option<&str> {
    let v = &entry.variants[target];
    ["changedate", "creationdate"]
        .iter()
        .flat_map(|name| [attr(&v.attrs, name), attr(&entry.attrs, name)])
        .flatten()
        .filter(|d| date::is_tmx_date(d))
        .max()
}

/// The exact map's key of a normalized text: SipHash with fixed keys, so
/// the index is the same in every run.
fn exact_key(normalized: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    #[allow(deprecated)]
    let mut h = std::hash::SipHasher::new();
    normalized.hash(&mut h);
    h.finish()
}

/// (word, occurrence number) for each word, in word-id order: the second
/// `the` of a text is `(the, 1)`.
fn occurrences(word_ids: &[u32]) -> impl Iterator<Item = (u32, u32)> {
    let mut sorted = word_ids.to_vec();
    sorted.sort_unstable();
    let mut run = 0;
    (0..sorted.len()).map(move |i| {
        run = if i > 0 && sorted[i] == sorted[i - 1] {
            run + 1
        } else {
            0
        };
        (sorted[i], run)
    })
}

fn sorted_overlap(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The Levenshtein distance between two word sequences if it is at most
/// `max`, computed only in the diagonal band `|i − j| ≤ max`.
pub(super) fn bounded_distance(a: &[u32], b: &[u32], max: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    let inf = max + 1;
    let mut prev = vec![inf; m + 1];
    let mut cur = vec![inf; m + 1];
    for (j, cell) in prev.iter_mut().enumerate().take(m.min(max) + 1) {
        *cell = j;
    }
    for i in 1..=n {
        let lo = i.saturating_sub(max).max(1);
        let hi = m.min(i + max);
        cur[lo - 1] = if lo == 1 && i <= max { i } else { inf };
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
            let substitute = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let v = substitute.min(prev[j] + 1).min(cur[j - 1] + 1).min(inf);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if hi < m {
            cur[hi + 1] = inf;
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[m] <= max).then_some(prev[m])
}
