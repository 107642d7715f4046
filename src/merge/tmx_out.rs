//! The multilingual TMX a merge writes (`brief merge --tmx`): of one set,
//! or of several sets merged in one command.

use std::collections::HashMap;

use super::{MergeResult, id_number};
use crate::error::Result;
use crate::formats::tmx::{self, TmxUnit};
use crate::formats::{LanguageTag, Unit, fingerprint};

/// One set's rows: its source language, and per unit the source unit and
/// every language's translation of it, in id order.
struct SetRows {
    source: LanguageTag,
    units: Vec<Unit>,
    targets: Vec<Vec<(LanguageTag, String)>>,
    total: usize,
}

impl MergeResult {
    /// One multilingual TMX 1.4b memory: each unit's source and every
    /// language's translation of it.
    pub fn to_tmx(&self) -> Result<Vec<u8>> {
        MergeResult::sets_to_tmx(&[self])
    }

    /// One multilingual TMX 1.4b memory of several sets merged in one
    /// command: each set's units as [`MergeResult::to_tmx`] writes them
    /// (with the set's export id), set after set in the order given. The
    /// header's `srclang` is `*all*` when the sets have different source
    /// languages.
    pub fn sets_to_tmx(results: &[&MergeResult]) -> Result<Vec<u8>> {
        let sets: Vec<SetRows> = results.iter().map(|r| r.rows()).collect();
        let rows: Vec<Vec<TmxUnit<'_>>> = sets
            .iter()
            .map(|set| {
                set.units
                    .iter()
                    .zip(&set.targets)
                    .map(|(unit, targets)| TmxUnit {
                        unit,
                        targets: targets.clone(),
                        machine: None,
                    })
                    .collect()
            })
            .collect();
        let parts: Vec<(&LanguageTag, &[TmxUnit<'_>])> = sets
            .iter()
            .zip(&rows)
            .map(|(set, rows)| (&set.source, rows.as_slice()))
            .collect();
        let total = sets.iter().map(|s| s.total).sum();
        tmx::write(&parts, total)
    }

    /// This result's rows for the TMX.
    fn rows(&self) -> SetRows {
        let source_lang = self
            .translations
            .first()
            .map(|t| t.source_lang.as_str())
            .unwrap_or("en");
        let source: LanguageTag = source_lang
            .parse()
            .unwrap_or_else(|_| LanguageTag::from_lang(crate::Lang::EN));
        let total = self
            .translations
            .iter()
            .map(|t| t.segment_count)
            .max()
            .unwrap_or(0);
        // One lookup table per language, so the memory is built in n·log n.
        let by_id: Vec<(Option<LanguageTag>, HashMap<&str, &str>)> = self
            .translations
            .iter()
            .map(|t| {
                let targets = t
                    .sentences
                    .iter()
                    .map(|s| (s.id.as_str(), s.target.as_str()))
                    .collect();
                (t.lang.parse().ok(), targets)
            })
            .collect();
        let mut ids: Vec<&Unit> = self.sources.values().collect();
        ids.sort_by_key(|u| id_number(&u.id));
        let mut units: Vec<Unit> = Vec::with_capacity(ids.len());
        let mut targets: Vec<Vec<(LanguageTag, String)>> = Vec::with_capacity(ids.len());
        for unit in ids {
            let t: Vec<(LanguageTag, String)> = by_id
                .iter()
                .filter_map(|(tag, map)| {
                    Some((tag.clone()?, map.get(unit.id.as_str())?.to_string()))
                })
                .collect();
            if t.is_empty() {
                continue;
            }
            let mut u = unit.clone();
            u.target = None;
            u.fingerprint = Some(fingerprint(&u.source));
            u.segment_count = Some(total);
            units.push(u);
            targets.push(t);
        }
        SetRows {
            source,
            units,
            targets,
            total,
        }
    }
}
