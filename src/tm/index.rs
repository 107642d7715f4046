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

use crate::stem::BuildWordHasher;

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
    /// (hash of the normalized text, item), sorted: a copy of every text
    /// would cost as much memory as the texts, and a map of lists one
    /// allocation per text; a hash collision is sorted out by comparing the
    /// texts at lookup.
    exact: Vec<(u64, u32)>,
    words: HashMap<Box<str>, u32, BuildWordHasher>,
    /// Key ids by word id and occurrence number.
    keys: Vec<Vec<u32>>,
    /// The posting list of key `k` is `postings[starts[k]..starts[k + 1]]`:
    /// items by word count, then in item order.
    starts: Vec<u32>,
    postings: Vec<u32>,
    /// Word ids of every item, in text order, item after item; the item's
    /// (word, occurrence) key ids, sorted, at the same place of `item_keys`.
    item_words: Vec<u32>,
    item_keys: Vec<u32>,
    /// Language keys of the whole memory, by id (first appearance).
    langs: Vec<String>,
    /// The items' texts, when the memory does not hold them (see `compact`).
    loaded: Option<super::compact::Loaded>,
}

/// One variant in the index's language.
#[derive(Debug, Clone)]
struct Item {
    entry: u32,
    variant: u32,
    /// The variant's language id.
    lang: u32,
    /// Where its words and keys begin in `item_words` and `item_keys`.
    at: u32,
    /// How many words (0 when over [`MAX_FUZZY_WORDS`]).
    len: u32,
    /// Bit `i` set: the unit has a non-blank variant with language id `i`.
    targets: u64,
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
        let units = memory.unit_count();
        let mut lang_ids: HashMap<&str, u32> = HashMap::new();
        for unit in 0..units {
            memory.visit_variants(unit, &mut |_, key, _| {
                if !lang_ids.contains_key(key) {
                    lang_ids.insert(key, index.langs.len() as u32);
                    index.langs.push(key.to_string());
                }
            });
        }
        // (variant number, language id) of the unit's variants to index.
        let mut mine: Vec<(usize, u32)> = Vec::new();
        let mut items: Vec<Item> = Vec::new();
        for entry_no in 0..units {
            let mut targets = 0u64;
            mine.clear();
            memory.visit_variants(entry_no, &mut |variant_no, key, blank| {
                if blank {
                    return;
                }
                let id = lang_ids[key];
                targets |= lang_bit(id);
                if lang::primary(key) == primary {
                    mine.push((variant_no, id));
                }
            });
            items.extend(mine.iter().map(|&(variant_no, lang)| Item {
                entry: entry_no as u32,
                variant: variant_no as u32,
                lang,
                at: 0,
                len: 0,
                targets,
            }));
        }
        let wanted: Vec<(u32, u32)> = items.iter().map(|i| (i.entry, i.variant)).collect();
        let loaded = match memory.load_texts(&wanted) {
            Ok(loaded) => loaded,
            // The file changed since it was read: its units are not found,
            // and `Memory::check_unchanged` says so.
            Err(_) => return LangIndex::default(),
        };
        drop(wanted);
        index.items.reserve_exact(items.len());
        index.exact.reserve_exact(items.len());
        let mut counts: Vec<u32> = Vec::new();
        let mut scratch = Scratch::default();
        for (i, item) in items.into_iter().enumerate() {
            let text = match &loaded {
                Some(l) => l.get(i),
                None => memory
                    .variant_text(item.entry as usize, item.variant as usize)
                    .unwrap_or_default(),
            };
            index.add(item, text, &mut counts, &mut scratch);
        }
        index.loaded = loaded;
        index.exact.sort_unstable();
        index.fill_postings(counts);
        index
    }

    fn add(&mut self, mut item: Item, text: &str, counts: &mut Vec<u32>, scratch: &mut Scratch) {
        let id = self.items.len() as u32;
        text::normalize_into(text, &mut scratch.normalized);
        self.exact.push((exact_key(&scratch.normalized), id));
        let word_ids = &mut scratch.word_ids;
        word_ids.clear();
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
        item.at = self.item_words.len() as u32;
        if word_ids.len() <= MAX_FUZZY_WORDS {
            let start = self.item_keys.len();
            for (word, occurrence) in occurrences(word_ids) {
                let by_occurrence = &mut self.keys[word as usize];
                let key = match by_occurrence.get(occurrence as usize) {
                    Some(&key) => key,
                    None => {
                        // Occurrences are numbered from 0 without gaps.
                        let key = counts.len() as u32;
                        by_occurrence.push(key);
                        counts.push(0);
                        key
                    }
                };
                counts[key as usize] += 1;
                self.item_keys.push(key);
            }
            self.item_keys[start..].sort_unstable();
            self.item_words.extend_from_slice(word_ids);
            item.len = word_ids.len() as u32;
        }
        self.items.push(item);
    }

    /// Lays the posting lists out one after the other, each sorted by word
    /// count and then in item order (items are visited in that order).
    fn fill_postings(&mut self, counts: Vec<u32>) {
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for c in &counts {
            total += c;
            starts.push(total);
        }
        let mut by_length: Vec<Vec<u32>> = vec![Vec::new(); MAX_FUZZY_WORDS + 1];
        for (i, item) in self.items.iter().enumerate() {
            if item.len > 0 {
                by_length[item.len as usize].push(i as u32);
            }
        }
        let mut next: Vec<u32> = starts[..counts.len()].to_vec();
        let mut postings = vec![0u32; total as usize];
        for i in by_length.into_iter().flatten() {
            let item = &self.items[i as usize];
            for &key in self.keys_of(item) {
                let slot = &mut next[key as usize];
                postings[*slot as usize] = i;
                *slot += 1;
            }
        }
        self.starts = starts;
        self.postings = postings;
    }

    /// The text of item `i`.
    fn item_text<'a>(&'a self, memory: &'a Memory, i: u32) -> &'a str {
        match &self.loaded {
            Some(l) => l.get(i as usize),
            None => {
                let item = &self.items[i as usize];
                memory
                    .variant_text(item.entry as usize, item.variant as usize)
                    .unwrap_or_default()
            }
        }
    }

    fn words_of(&self, item: &Item) -> &[u32] {
        &self.item_words[item.at as usize..(item.at + item.len) as usize]
    }

    fn keys_of(&self, item: &Item) -> &[u32] {
        &self.item_keys[item.at as usize..(item.at + item.len) as usize]
    }

    fn posting_list(&self, key: u32) -> &[u32] {
        let k = key as usize;
        &self.postings[self.starts[k] as usize..self.starts[k + 1] as usize]
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
        let key = exact_key(&normalized);
        let first = self.exact.partition_point(|&(k, _)| k < key);
        let exact_items: Vec<u32> = self.exact[first..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .map(|&(_, i)| i)
            .filter(|&i| text::normalize(self.item_text(memory, i)) == normalized)
            .collect();
        let exact_items = exact_items.as_slice();
        let mut exact: Vec<(Option<String>, u32, Match)> = exact_items
            .iter()
            .filter(|&&i| eligible(&self.items[i as usize]))
            .filter_map(|&i| {
                let item = &self.items[i as usize];
                let (m, latest) = self.make_match(memory, item, target_key, 100)?;
                Some((latest, i, m))
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
                let Some((m, _)) =
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
                    Some(&k) => (self.posting_list(k).len(), Some(k)),
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
                let list = self.posting_list(key);
                let len_of = |&i: &u32| self.items[i as usize].len as usize;
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
                let shared = sorted_overlap(&query_keys, self.keys_of(item));
                let longer = n.max(item.len as usize);
                (100 * shared >= threshold * longer).then_some((shared, i))
            })
            .collect();
        overlapping.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        overlapping.truncate(MAX_DISTANCE_CHECKS);

        let mut scored: Vec<(u32, u8)> = overlapping
            .into_iter()
            .filter_map(|(_, i)| {
                let item = &self.items[i as usize];
                let longer = n.max(item.len as usize);
                let allowed = longer * (100 - threshold) / 100;
                let d = bounded_distance(&query, self.words_of(item), allowed)?;
                let score = (100 * (longer - d) / longer).min(99);
                (score >= threshold).then_some((i, score as u8))
            })
            .collect();
        scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        scored
    }

    /// The match of `item` and the latest date of its unit and target, or
    /// `None` when it has no variant to serve as `target_key`'s.
    fn make_match(
        &self,
        memory: &Memory,
        item: &Item,
        target_key: &str,
        score: u8,
    ) -> Option<(Match, Option<String>)> {
        // A unit read again from its bytes reads as the first time (see
        // `compact`); were it not to, it is no match rather than a wrong one,
        // and `Memory::check_unchanged` says so.
        let entry = memory.entry(item.entry as usize).ok()?;
        let entry = &*entry;
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
        Some((m, latest_date(entry, t).map(str::to_string)))
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

/// Buffers reused from one item to the next while building.
#[derive(Default)]
struct Scratch {
    normalized: String,
    word_ids: Vec<u32>,
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
