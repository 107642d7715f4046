//! The `brief` command line: parses arguments, loads configuration, calls the
//! library and maps errors to the documented exit codes.

mod cli;

use std::process::ExitCode;

// A batch allocates many small strings and maps per article: glibc malloc
// was 14 % of the instructions of a batch summary, mimalloc is 3 %
// (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::main()
}
