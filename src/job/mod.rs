//! Jobs: what a front end (the `brief` command, the Python package) asks
//! the library to do, from resolved settings and inputs to the named files
//! it would write and a typed report. The front ends only build a job,
//! run it, write the files it returns and print its report; the decisions
//! (which files an export writes, where the reference is, which
//! translations reach the memory) are made here, once.
//!
//! | job | entry points |
//! |---|---|
//! | export | [`ExportOptions::resolve`], [`ExportJob::cluster`], [`ExportJob::batch`] → [`BatchExport`] |
//! | merge | [`TranslatedFiles::read`], [`merge()`], [`MergeOutputs::plan`] |
//! | check | [`TranslatedFiles::read`], [`check()`] |
//! | memory update | [`update_memory`] (also part of [`MergeOutputs::plan`]) |
//!
//! Nothing here touches process state: no signal handling, no environment
//! variable, no output on the terminal. Writing the files is
//! [`crate::outfile`]'s, and the caller's choice.

mod aids;
mod check;
mod conflicts;
mod export;
mod item;
mod merge;
mod merge_render;
mod translated;

pub use aids::TranslationAids;
pub use check::{
    CheckProblem, CheckReport, ItemSummary, check, check_files, check_limited, check_sets_limited,
    read_glossary,
};
pub use conflicts::{ConflictSide, MemoryConflict};
pub use export::{
    BatchExport, ExportJob, ExportOptions, ExportOutcome, ExportReport, ExportSet, ExportedItem,
    FormatName, OMEGAT, Selection,
};
pub use item::ItemId;
pub use merge::{
    MergeOutcome, MergeOutputs, MergePlan, check_outputs_distinct, memory_conflicts, merge,
    merge_sets, review_page, review_pages, update_memory, update_memory_sets,
};
pub use merge_render::{MergeFormat, render as render_merge};
pub use translated::{TranslatedFiles, TranslatedInput, reference_beside};
