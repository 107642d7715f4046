//! brief's integration tests, one crate (one link) with a module per area.
//! The CLI tests drive the real binary; the others use the library API.

mod common;

mod check_batch;
mod check_cli;
mod cli_global;
mod cli_output;
mod clients;
mod dateline_variants;
mod docs_commands;
mod docs_in_step;
mod eval_cli;
mod export_batch;
mod export_cli;
mod export_snapshots;
mod fetch;
mod glossary_cli;
mod job_parity;
mod language_variants;
mod library_signals;
mod merge_cli;
mod merge_hostile;
mod merge_reference;
mod merge_roundtrip;
mod merge_sets;
mod mt;
mod mt_export;
mod mt_server;
mod mutation;
mod mutation_text;
mod pipeline_props;
mod redteam;
mod review_page;
mod safety;
mod segment_capitals;
mod segment_clean;
mod segment_cli;
mod segment_golden;
mod segment_props;
mod segment_variants;
mod summarize_cli;
mod summarize_opening;
mod summarize_props;
mod summarize_reads;
mod summarize_variants;
mod tm_cli;
