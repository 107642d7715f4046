//! Recording translations in a memory: one update of the translations of
//! one export or of several (the sets one `brief merge` merges), in which
//! two different translations of one source are both kept.
//!
//! The translations of one update are grouped by source (source language,
//! text after [`normalize`](super::normalize)) and target language. A group
//! whose translations all agree (after `normalize`) is one translation: it
//! goes into the unit that holds the source, as before. A group with
//! several different translations is a [`Conflict`]: the update gave them
//! at the same time, so none is newer, and each is kept — the first in the
//! unit that holds the source, every other in a unit of its own, marked
//! with [`ALTERNATIVE_PROP`]. The next lookup then finds conflicting exact
//! matches (an export offers them all as candidates, none as the target)
//! and a later update with one translation settles them (it is written into
//! the alternatives too). `docs/tm.md` ("Conflicts") says the same.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::{
    Attrs, Conflict, EXPORT_PROP, Entry, Memory, Meta, NewTranslation, TmxDate, UpdateSummary,
    Variant, attr, lang, prop, set_attr, set_prop, text,
};
use crate::error::{Error, Result};
use crate::formats::xml::check_text;

const WHAT: &str = "translation memory update";

/// The `<prop type>` on a `<tu>` that holds an alternative translation: one
/// update gave two different translations of its source into one language
/// (its value is the export id of the translation it differs from).
pub const ALTERNATIVE_PROP: &str = "x-brief-alternative";

/// One translation of an update: its set and its index in that set.
type Given = (usize, usize);

/// The translations of one update with one source and target language.
struct Group {
    source_key: Arc<str>,
    target_key: Arc<str>,
    /// The source after `normalize`.
    normalized: String,
    /// The different translations, in the order given (each the first of
    /// those that agree after `normalize`).
    given: Vec<Given>,
}

/// The update's bookkeeping across groups.
struct State {
    /// Units that existed before this update: only those count as updated.
    existing_units: usize,
    changed_units: HashSet<usize>,
    /// Per source primary language: normalized source -> units, built only
    /// for the languages this update uses.
    by_source: HashMap<String, HashMap<String, Vec<usize>>>,
    tuids: Option<HashSet<String>>,
}

/// What one translation did to one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Done {
    Unchanged,
    Added,
    Replaced,
}

pub(super) fn update_sets(
    memory: &mut Memory,
    sets: &[(&[NewTranslation<'_>], &str)],
    date: &TmxDate,
) -> Result<(UpdateSummary, Vec<Conflict>)> {
    // Validate everything first, so that a failure changes nothing.
    for (translations, export_id) in sets {
        validate(translations, export_id)?;
    }
    let mut summary = UpdateSummary::default();
    let mut conflicts = Vec::new();
    let groups = group(sets, &mut summary, &mut conflicts);
    summary.conflicts = conflicts.len();
    let mut state = State {
        existing_units: memory.entries.len(),
        changed_units: HashSet::new(),
        by_source: HashMap::new(),
        tuids: None,
    };
    for g in &groups {
        apply(memory, &mut state, sets, g, date, &mut summary);
    }
    summary.units_updated = state.changed_units.len();
    Ok((summary, conflicts))
}

/// The translations of `sets` grouped by source and target language, in
/// the order their first translation was given. Skipped translations, and
/// translations that agree with one given before, are counted here; two
/// different ones in one group are a conflict.
fn group(
    sets: &[(&[NewTranslation<'_>], &str)],
    summary: &mut UpdateSummary,
    conflicts: &mut Vec<Conflict>,
) -> Vec<Group> {
    // Per (source language, target language, normalized source): the
    // translations given, each the first of those that agree. The keys are
    // held once, here, and moved into the groups at the end.
    let mut index: HashMap<(Arc<str>, Arc<str>, String), usize> = HashMap::new();
    let mut given: Vec<Vec<Given>> = Vec::new();
    // The few language keys, shared by the keys that use them.
    let mut keys: HashMap<String, Arc<str>> = HashMap::new();
    let mut intern = |tag: &str| -> Arc<str> {
        keys.entry(lang::key(tag))
            .or_insert_with_key(|k| Arc::from(k.as_str()))
            .clone()
    };
    for (s, (translations, _)) in sets.iter().enumerate() {
        for (i, t) in translations.iter().enumerate() {
            let source_key = intern(t.source_lang);
            let target_key = intern(t.target_lang);
            let normalized = text::normalize(t.source);
            if normalized.is_empty()
                || text::is_blank(t.target)
                || lang::match_level(&source_key, &target_key).is_some()
            {
                summary.translations_skipped += 1;
                continue;
            }
            let next = given.len();
            let g = *index
                .entry((source_key, target_key, normalized))
                .or_insert(next);
            if g == next {
                given.push(vec![(s, i)]);
                continue;
            }
            // A source given again (rare): its translations compared after
            // `normalize`, computed only now.
            let target = text::normalize(t.target);
            let target_of = |(s, i): Given| text::normalize(sets[s].0[i].target);
            if given[g].iter().any(|&other| target_of(other) == target) {
                // The same translation again: the memory holds it by now.
                summary.translations_unchanged += 1;
                continue;
            }
            conflicts.push(Conflict {
                first: given[g][0],
                other: (s, i),
            });
            given[g].push((s, i));
        }
    }
    let mut groups: Vec<Option<Group>> = given.iter().map(|_| None).collect();
    for ((source_key, target_key, normalized), g) in index {
        groups[g] = Some(Group {
            source_key,
            target_key,
            normalized,
            given: std::mem::take(&mut given[g]),
        });
    }
    groups.into_iter().flatten().collect()
}

/// Records the translations of group `g`.
fn apply(
    memory: &mut Memory,
    state: &mut State,
    sets: &[(&[NewTranslation<'_>], &str)],
    g: &Group,
    date: &TmxDate,
    summary: &mut UpdateSummary,
) {
    let translation = |(s, i): Given| (&sets[s].0[i], sets[s].1);
    let primary = lang::primary(&g.source_key).to_string();
    let sources = state
        .by_source
        .entry(primary.clone())
        .or_insert_with(|| sources_of(memory, &primary));
    // The units that hold the source, in memory order.
    let units: Vec<usize> = sources
        .get(&g.normalized)
        .map(|units| {
            units
                .iter()
                .copied()
                .filter(|&u| holds_source(&memory.entries[u], &g.source_key, &g.normalized))
                .collect()
        })
        .unwrap_or_default();
    let target_of = |memory: &Memory, u: usize| -> Option<String> {
        target_variant(&memory.entries[u], &g.target_key)
            .map(|v| memory.entries[u].variants[v].text.clone())
    };
    let mut fresh: Vec<Given> = Vec::new();
    if let [one] = g.given[..] {
        let (t, export_id) = translation(one);
        let Some(&first) = units.first() else {
            new_unit(memory, state, g, t, export_id, date, None);
            summary.translations_added += 1;
            summary.units_added += 1;
            return;
        };
        // The unit that holds the source, and the alternatives an earlier
        // update kept: one translation now settles them.
        let mut done = set_target(memory, state, first, g, t, export_id, date);
        for &u in &units[1..] {
            let alternative = prop(&memory.entries[u].meta, ALTERNATIVE_PROP).is_some();
            if alternative && target_of(memory, u).is_some_and(|old| old != t.target) {
                done = done.max(set_target(memory, state, u, g, t, export_id, date));
            }
        }
        count(summary, done);
        return;
    }
    // Several translations: those the memory holds stay where they are.
    let held: Vec<String> = units.iter().filter_map(|&u| target_of(memory, u)).collect();
    for &given in &g.given {
        if held.iter().any(|h| h == translation(given).0.target) {
            summary.translations_unchanged += 1;
        } else {
            fresh.push(given);
        }
    }
    let mut fresh = fresh.into_iter();
    match units.first() {
        // The unit's translation, if this update does not give it again,
        // is replaced by the first new one.
        Some(&first) => {
            let replaceable = target_of(memory, first).is_none_or(|old| {
                !g.given
                    .iter()
                    .any(|&given| translation(given).0.target == old)
            });
            if replaceable && let Some(given) = fresh.next() {
                let (t, export_id) = translation(given);
                let done = set_target(memory, state, first, g, t, export_id, date);
                count(summary, done);
            }
        }
        None => {
            if let Some(given) = fresh.next() {
                let (t, export_id) = translation(given);
                new_unit(memory, state, g, t, export_id, date, None);
                summary.translations_added += 1;
                summary.units_added += 1;
            }
        }
    }
    let (_, first_export) = translation(g.given[0]);
    for given in fresh {
        let (t, export_id) = translation(given);
        new_unit(memory, state, g, t, export_id, date, Some(first_export));
        summary.translations_added += 1;
        summary.units_added += 1;
    }
}

fn count(summary: &mut UpdateSummary, done: Done) {
    match done {
        Done::Unchanged => summary.translations_unchanged += 1,
        Done::Added => summary.translations_added += 1,
        Done::Replaced => summary.translations_replaced += 1,
    }
}

/// Whether `entry` has a variant in `source_key`'s language (tag rules of
/// lookups) whose text is `normalized` after `normalize`.
fn holds_source(entry: &Entry, source_key: &str, normalized: &str) -> bool {
    entry.variants.iter().any(|v| {
        lang::match_level(source_key, &v.lang_key).is_some()
            && text::normalize(&v.text) == normalized
    })
}

/// The variant of `entry` in exactly `target_key`.
fn target_variant(entry: &Entry, target_key: &str) -> Option<usize> {
    entry
        .variants
        .iter()
        .position(|v| *v.lang_key == *target_key)
}

/// Gives unit `u` the translation `t`: a new `<tuv>`, or the old text
/// replaced (`changedate` set), or nothing when it already holds it.
fn set_target(
    memory: &mut Memory,
    state: &mut State,
    u: usize,
    g: &Group,
    t: &NewTranslation<'_>,
    export_id: &str,
    date: &TmxDate,
) -> Done {
    let entry = &mut memory.entries[u];
    let done = match target_variant(entry, &g.target_key) {
        Some(v) if entry.variants[v].text == t.target => return Done::Unchanged,
        Some(v) => {
            let v = &mut entry.variants[v];
            v.text = t.target.to_string();
            v.markup = 0;
            v.edited = true;
            set_attr(&mut v.attrs, "changedate", date.as_str());
            set_prop(&mut v.meta, EXPORT_PROP, export_id);
            Done::Replaced
        }
        None => {
            entry
                .variants
                .push(new_variant(t.target, t.target_lang, export_id, date));
            Done::Added
        }
    };
    if u < state.existing_units {
        set_attr(&mut entry.attrs, "changedate", date.as_str());
        entry.edited = true;
        state.changed_units.insert(u);
    }
    // Every language a translation is recorded from, for the header of a
    // new memory (`*all*` once there are several).
    memory.note_source_lang(t.source_lang);
    done
}

/// Adds a unit for `t`; `alternative_to`: the export id of the translation
/// this one conflicts with, for a unit that holds an alternative.
fn new_unit(
    memory: &mut Memory,
    state: &mut State,
    g: &Group,
    t: &NewTranslation<'_>,
    export_id: &str,
    date: &TmxDate,
    alternative_to: Option<&str>,
) {
    let primary = lang::primary(&g.source_key);
    let tuids = state.tuids.get_or_insert_with(|| {
        memory
            .entries
            .iter()
            .filter_map(|e| attr(&e.attrs, "tuid").map(str::to_string))
            .collect()
    });
    let tuid = new_tuid(primary, &g.normalized, tuids);
    let mut entry = new_entry(memory.srclang.as_deref(), t, tuid, export_id, date);
    if let Some(other) = alternative_to {
        set_prop(&mut entry.meta, ALTERNATIVE_PROP, other);
    }
    memory.entries.push(entry);
    if let Some(sources) = state.by_source.get_mut(primary) {
        sources
            .entry(g.normalized.clone())
            .or_default()
            .push(memory.entries.len() - 1);
    }
    // Every language a translation is recorded from, for the header of a
    // new memory (`*all*` once there are several).
    memory.note_source_lang(t.source_lang);
}

/// Refuses an update that could not be written: an empty or unwritable
/// export id, an invalid language tag, text that XML cannot hold.
fn validate(translations: &[NewTranslation<'_>], export_id: &str) -> Result<()> {
    if export_id.trim().is_empty() {
        return Err(Error::InvalidSetting {
            key: "export id".into(),
            message: "must not be empty".into(),
        });
    }
    check_text(export_id, WHAT)?;
    for t in translations {
        for tag in [t.source_lang, t.target_lang] {
            if !lang::is_valid(tag) {
                return Err(Error::InvalidLanguage(tag.to_string()));
            }
        }
        check_text(t.source, WHAT)?;
        check_text(t.target, WHAT)?;
    }
    Ok(())
}

/// A new unit for `t`, with `tuid`, dated `date`, tagged with the export.
/// A source in another language than the memory's (`header_srclang`: the
/// header's as read, never rewritten, or a new memory's first) says so
/// itself.
fn new_entry(
    header_srclang: Option<&str>,
    t: &NewTranslation<'_>,
    tuid: String,
    export_id: &str,
    date: &TmxDate,
) -> Entry {
    let mut source = new_variant(t.source, t.source_lang, export_id, date);
    source.meta.clear();
    let mut attrs: Attrs = vec![("tuid", tuid), ("creationdate", date.as_str().into())];
    if let Some(header) = header_srclang
        && header != "*all*"
        && lang::match_level(&lang::key(header), &lang::key(t.source_lang)).is_none()
    {
        attrs.push(("srclang", t.source_lang.to_string()));
    }
    Entry {
        attrs,
        meta: vec![Meta::Prop {
            kind: Cow::Borrowed(EXPORT_PROP),
            lang: None,
            text: export_id.into(),
        }],
        variants: vec![
            source,
            new_variant(t.target, t.target_lang, export_id, date),
        ],
        read_variants: 0,
        from: None,
        span: None,
        edited: false,
    }
}

/// Normalized text -> units, over the variants in one primary language.
fn sources_of(memory: &Memory, primary: &str) -> HashMap<String, Vec<usize>> {
    let mut map: HashMap<String, Vec<usize>> = HashMap::new();
    for (u, e) in memory.entries.iter().enumerate() {
        for v in &e.variants {
            if lang::primary(&v.lang_key) == primary {
                let units = map.entry(text::normalize(&v.text)).or_default();
                if units.last() != Some(&u) {
                    units.push(u);
                }
            }
        }
    }
    map
}

fn new_variant(text: &str, tag: &str, export_id: &str, date: &TmxDate) -> Variant {
    Variant {
        lang: Arc::from(tag),
        lang_key: Arc::from(lang::key(tag)),
        attrs: vec![("creationdate", date.as_str().into())],
        meta: vec![Meta::Prop {
            kind: Cow::Borrowed(EXPORT_PROP),
            lang: None,
            text: export_id.into(),
        }],
        text: text.to_string(),
        markup: 0,
        edited: false,
    }
}

/// A tuid derived from the source, so that the same sentence gets the same
/// id in every memory brief writes; made unique against `taken`.
fn new_tuid(primary: &str, normalized: &str, taken: &mut HashSet<String>) -> String {
    let digest = Sha256::digest(format!("{primary}\n{normalized}").as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let base = format!("brief-{hex}");
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}
