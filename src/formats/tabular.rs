//! What TSV ([`super::tsv`]) and JSONL ([`super::jsonl`]), the two
//! formats for machine translation engines, share: one unit a line with its
//! id, languages, source, a target and the metadata, the same character
//! policy, and an `origin` field for machine targets.

use super::xml::check_unit_text;
use super::{Aids, MACHINE_ORIGIN_PREFIX, TargetMode, TargetState, Unit, initial_target};
use crate::error::Result;

/// The export's character policy (see [`check_unit_text`]) for the texts
/// of a unit that TSV and JSONL write and merge reads back.
pub(super) fn check_written(u: &Unit, aid: Option<&Aids>, mode: TargetMode) -> Result<()> {
    check_unit_text(&u.source, &u.place())?;
    if let Some(t) = initial_target(mode, u, aid) {
        check_unit_text(t, &format!("target of {}", u.place()))?;
    }
    Ok(())
}

/// The `origin` field of a unit whose target a machine wrote (`mt:ENGINE`).
pub(super) fn machine_origin(aid: Option<&Aids>) -> Option<String> {
    aid.and_then(Aids::machine)
        .map(|e| format!("{MACHINE_ORIGIN_PREFIX}{e}"))
}

/// The target state an `origin` field gives: machine for `mt:…`.
pub(super) fn origin_state(origin: Option<&str>) -> TargetState {
    if origin.is_some_and(|o| o.starts_with(MACHINE_ORIGIN_PREFIX)) {
        TargetState::Machine
    } else {
        TargetState::default()
    }
}
