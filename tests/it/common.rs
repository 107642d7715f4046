//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `brief` binary run in `dir`, kept away from the user's configuration:
/// no `$XDG_CONFIG_HOME/brief/config.toml`, no `~/.config`, and only a
/// `brief.toml` that the test itself puts in `dir`.
pub fn brief_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("brief").unwrap();
    cmd.current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("no-xdg"))
        .env_remove("HOME");
    cmd
}

/// [`brief_in`] an empty directory of the test build.
pub fn brief() -> Command {
    brief_in(&empty_dir())
}

fn empty_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("empty-cwd");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
