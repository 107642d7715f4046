//! The `brief` command line: parses arguments, loads configuration, calls the
//! library and maps errors to the documented exit codes.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
