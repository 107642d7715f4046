//! Every command of README.md and docs/guide.md runs as written.
//!
//! Each ```sh block is cut into commands (a line, with `\` continuations;
//! `#` lines are comments) and each command runs with bash, in document
//! order, in a fresh directory holding a copy of `seeds/` and `examples/`
//! (what a fresh checkout has), with this build's `brief` first on PATH and
//! a HOME of its own. A command must exit 0, or the code its comment names
//! (`# → exit 1`); `#>` lines after it are its exact output (white space
//! between fields compared loosely). The test fails naming every command
//! that did not.
//!
//! Markers, an HTML comment on the line before a block:
//! `<!-- docs-test: skip REASON -->` skips the block, reported with the
//! reason; `<!-- docs-test: needs omegat -->` runs it only when OmegaT 3.6
//! and java are installed (CI installs them), else reports it skipped.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// No documented command may take longer (OmegaT's console run is the
/// slowest, a few seconds).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(300);

#[derive(Debug, Clone, PartialEq)]
struct DocCommand {
    /// `README.md:42`
    place: String,
    text: String,
    expected_exit: i32,
    expected_output: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct Block {
    place: String,
    /// `skip REASON` or `needs WHAT`, from the marker before the block.
    marker: Option<String>,
    commands: Vec<DocCommand>,
}

/// The exit code a command's trailing comment names (`# → exit 1`).
fn expected_exit(command: &str) -> i32 {
    command
        .split_once("→ exit ")
        .and_then(|(_, rest)| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The ```sh blocks of `markdown` (named `doc` in places).
fn sh_blocks(doc: &str, markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let lines: Vec<&str> = markdown.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() != "```sh" {
            i += 1;
            continue;
        }
        let marker = lines[..i]
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty())
            .and_then(|l| l.trim().strip_prefix("<!-- docs-test:"))
            .and_then(|l| l.strip_suffix("-->"))
            .map(|m| m.trim().to_string());
        let mut block = Block {
            place: format!("{doc}:{}", i + 1),
            marker,
            commands: Vec::new(),
        };
        i += 1;
        let mut pending: Option<DocCommand> = None;
        while i < lines.len() && lines[i].trim() != "```" {
            let line = lines[i];
            let number = i + 1;
            i += 1;
            if let Some(c) = pending.as_mut().filter(|c| c.text.ends_with('\\')) {
                c.text.pop();
                c.text.truncate(c.text.trim_end().len());
                c.text.push(' ');
                c.text.push_str(line.trim());
                continue;
            }
            let trimmed = line.trim();
            if let Some(out) = trimmed.strip_prefix("#>") {
                let c = pending
                    .as_mut()
                    .unwrap_or_else(|| panic!("{doc}:{number}: #> output before any command"));
                c.expected_output.push(out.trim().to_string());
                continue;
            }
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if let Some(c) = pending.take() {
                block.commands.push(c);
            }
            pending = Some(DocCommand {
                place: format!("{doc}:{number}"),
                text: trimmed.to_string(),
                expected_exit: 0,
                expected_output: Vec::new(),
            });
        }
        i += 1;
        block.commands.extend(pending);
        for c in &mut block.commands {
            c.expected_exit = expected_exit(&c.text);
        }
        blocks.push(block);
    }
    blocks
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A directory as a fresh checkout has it, for the commands of one document.
fn checkout() -> tempfile::TempDir {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for d in ["seeds", "examples"] {
        copy_dir(&repo.join(d), &dir.path().join(d));
    }
    dir
}

fn omegat_missing() -> Option<String> {
    let jar = Path::new("/usr/share/omegat/OmegaT.jar");
    if !jar.exists() {
        return Some(format!(
            "{} not found (apt-get install omegat)",
            jar.display()
        ));
    }
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        return Some("no java (apt-get install default-jre-headless)".into());
    }
    None
}

/// Why `block` is not run here, if it is not.
fn skipped(block: &Block) -> Option<String> {
    let marker = block.marker.as_deref()?;
    if let Some(reason) = marker.strip_prefix("skip") {
        return Some(reason.trim().to_string());
    }
    match marker.strip_prefix("needs") {
        Some(what) if what.trim() == "omegat" => omegat_missing(),
        _ => panic!("{}: unknown docs-test marker {marker:?}", block.place),
    }
}

/// Runs `command` with bash in `dir`; `Err` says how it failed.
fn run(command: &DocCommand, dir: &Path) -> Result<(), String> {
    let brief = PathBuf::from(env!("CARGO_BIN_EXE_brief"));
    let bin = brief.parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    std::fs::create_dir_all(dir.join("home")).unwrap();
    let stdout_file = dir.join(".docs-test.stdout");
    let stderr_file = dir.join(".docs-test.stderr");
    let mut child = Command::new("bash")
        .arg("-o")
        .arg("pipefail")
        .arg("-c")
        .arg(&command.text)
        .current_dir(dir)
        .env("PATH", path)
        .env("HOME", dir.join("home"))
        .env("XDG_CONFIG_HOME", dir.join("home/.config"))
        .env_remove("BRIEF_MAX_INPUT")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout_file).unwrap())
        .stderr(std::fs::File::create(&stderr_file).unwrap())
        .spawn()
        .map_err(|e| format!("cannot start bash: {e}"))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > COMMAND_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("did not finish in {} s", COMMAND_TIMEOUT.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stdout = std::fs::read_to_string(&stdout_file).unwrap_or_default();
    let stderr = std::fs::read_to_string(&stderr_file).unwrap_or_default();
    let tail = |s: &str| -> String {
        let lines: Vec<&str> = s.lines().collect();
        lines[lines.len().saturating_sub(8)..].join("\n")
    };
    if status.code() != Some(command.expected_exit) {
        return Err(format!(
            "exit {:?}, the docs say {}\n{}",
            status.code(),
            command.expected_exit,
            tail(&stderr)
        ));
    }
    if !command.expected_output.is_empty() {
        let norm = |l: &str| l.split_whitespace().collect::<Vec<_>>().join(" ");
        let got: Vec<String> = stdout.lines().map(norm).collect();
        let want: Vec<String> = command.expected_output.iter().map(|l| norm(l)).collect();
        if got != want {
            return Err(format!(
                "the output is not the one shown\nshown:\n{}\ngot:\n{}",
                want.join("\n"),
                got.join("\n")
            ));
        }
    }
    Ok(())
}

/// Runs every block of `doc` in order in one fresh checkout; returns the
/// failures (place, command, why) and prints what was skipped.
fn run_document(doc: &str, markdown: &str) -> Vec<String> {
    let dir = checkout();
    let mut failures = Vec::new();
    let mut ran = 0;
    for block in sh_blocks(doc, markdown) {
        if let Some(reason) = skipped(&block) {
            for c in &block.commands {
                eprintln!("SKIP docs {} `{}`: {reason}", c.place, c.text);
            }
            continue;
        }
        for c in &block.commands {
            ran += 1;
            if let Err(why) = run(c, dir.path()) {
                failures.push(format!("{} `{}`: {why}", c.place, c.text));
            }
        }
    }
    eprintln!(
        "docs {doc}: {ran} command(s) run, {} failed",
        failures.len()
    );
    failures
}

fn check_document(relative: &str) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let markdown = std::fs::read_to_string(repo.join(relative)).unwrap();
    assert!(
        sh_blocks(relative, &markdown)
            .iter()
            .map(|b| b.commands.len())
            .sum::<usize>()
            >= 5,
        "{relative}: hardly any sh commands found; was the document restructured?"
    );
    let failures = run_document(relative, &markdown);
    assert!(
        failures.is_empty(),
        "{} documented command(s) do not run as written:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn readme_commands_run_as_written() {
    check_document("README.md");
}

#[test]
fn guide_commands_run_as_written() {
    check_document("docs/guide.md");
}

#[test]
fn the_runner_names_a_command_that_fails_or_says_something_else() {
    let markdown = "text\n\n```sh\nbrief detect seeds/fa-rainfall-dams.txt\n#> seeds/fa-rainfall-dams.txt fa 1.000 detector\n\
                    brief no-such-command     # a typo in the docs\n\
                    brief detect seeds/ru-archaeology-find.txt\n#> seeds/ru-archaeology-find.txt en 1.000 detector\n\
                    brief merge \\\n  missing.xlf   # → exit 2\n```\n\n\
                    <!-- docs-test: skip not here -->\n```sh\nfalse\n```\n";
    let blocks = sh_blocks("t.md", markdown);
    assert_eq!(blocks.len(), 2);
    assert_eq!(
        blocks[0].commands[3].text,
        "brief merge missing.xlf   # → exit 2"
    );
    assert_eq!(blocks[0].commands[3].expected_exit, 2);
    assert_eq!(skipped(&blocks[1]).as_deref(), Some("not here"));
    let failures = run_document("t.md", markdown);
    assert_eq!(failures.len(), 2, "{failures:#?}");
    assert!(
        failures[0].starts_with("t.md:6 `brief no-such-command"),
        "{}",
        failures[0]
    );
    assert!(
        failures[1].starts_with("t.md:7 `brief detect seeds/ru"),
        "{}",
        failures[1]
    );
    assert!(failures[1].contains("not the one shown"), "{}", failures[1]);
}
