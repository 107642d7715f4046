//! The `brief` command line: parses arguments, loads configuration, calls the
//! library and maps errors to the documented exit codes.

mod cli;

use std::process::ExitCode;

// A batch allocates many small strings and maps per article: glibc malloc
// was 14 % of the instructions of a batch summary, mimalloc is 3 %
// (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's option numbers (`mi_option_e` in its `mimalloc.h`, v3, which
/// `libmimalloc-sys` 0.1.49 builds by default); the crate names only some of them. A
/// test checks the numbers against the options' documented defaults.
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// The allocation policy of a command that reads a translation memory:
/// commit arena memory as it is used, not in advance, and give freed pages
/// back at once. A large memory is read into short-lived parse trees; with
/// mimalloc's defaults (arenas committed eagerly, purges delayed a second)
/// the 100,000-unit memory export peaked at 194 MiB, with these at 185 MiB
/// (docs/performance.md, "Translation memory"). Other commands keep the
/// defaults: immediate purging cost batch summaries about 10 % of their
/// throughput.
pub(crate) fn use_memory_lean_allocation() {
    // SAFETY: `mi_option_set` only stores an option value; both are valid
    // options of the linked mimalloc, checked by the test below.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
    }
}

fn main() -> ExitCode {
    cli::main()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option numbers name the options meant: their defaults are the
    /// documented ones (arena eager commit 2, purge delay 1,000 ms), unless the
    /// environment set them.
    #[test]
    fn the_mimalloc_option_numbers_are_the_documented_ones() {
        if std::env::var_os("MIMALLOC_ARENA_EAGER_COMMIT").is_none() {
            // SAFETY: reading an option's value.
            let eager = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_ARENA_EAGER_COMMIT) };
            assert_eq!(eager, 2);
        }
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: reading an option's value.
            let delay = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
            assert_eq!(delay, 1000);
        }
    }
}
