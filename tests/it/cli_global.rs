//! Global options and everyday-use behaviour of the binary: completions, man
//! pages, input expansion, encodings, exit codes, broken pipes.

use std::io::Read;
use std::process::{Command, Stdio};

use predicates::prelude::*;

use crate::common::brief;

#[test]
fn completions_are_printed_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        brief()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("brief"));
    }
    brief().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_pages_render_for_brief_and_subcommands() {
    brief()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(".ie").and(predicate::str::contains(".TH brief 1")))
        .stdout(predicate::str::contains("Exit codes"));
    brief()
        .args(["man", "segment"])
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH brief-segment 1"));
    brief()
        .args(["man", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no subcommand \"nope\""));
}

#[test]
fn help_documents_exit_codes() {
    brief()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes").and(predicate::str::contains("2  usage")));
}

#[test]
fn usage_errors_exit_2() {
    brief().assert().code(2);
    brief().arg("frobnicate").assert().code(2);
    brief()
        .args(["segment", "--format", "xml"])
        .assert()
        .code(2);
}

#[test]
fn directories_are_read_recursively_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("b")).unwrap();
    std::fs::write(dir.path().join("a.txt"), "First file.").unwrap();
    std::fs::write(dir.path().join("b/c.md"), "Second file.").unwrap();
    std::fs::write(dir.path().join("b/skip.json"), "{}").unwrap();
    brief()
        .arg("segment")
        .arg(dir.path())
        .assert()
        .success()
        .stdout("First file.\n\nSecond file.\n");
}

#[test]
fn quoted_globs_are_expanded_and_empty_globs_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x1.txt"), "One.").unwrap();
    std::fs::write(dir.path().join("x2.txt"), "Two.").unwrap();
    brief()
        .arg("segment")
        .arg(dir.path().join("x*.txt"))
        .assert()
        .success()
        .stdout("One.\n\nTwo.\n");
    brief()
        .arg("segment")
        .arg(dir.path().join("y*.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no file matches"));
}

#[test]
fn invalid_utf8_names_file_and_byte_and_encoding_flag_decodes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cp1251.txt");
    // "Привет. Пока." in Windows-1251.
    let bytes: Vec<u8> = vec![
        0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2E, 0x20, 0xCF, 0xEE, 0xEA, 0xE0, 0x2E,
    ];
    std::fs::write(&file, &bytes).unwrap();
    brief()
        .arg("segment")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cp1251.txt: invalid UTF-8 at byte 0",
        ));
    brief()
        .args(["segment", "--encoding", "windows-1251"])
        .arg(&file)
        .assert()
        .success()
        .stdout("Привет.\nПока.\n");
    brief()
        .args(["segment", "--encoding", "klingon"])
        .arg(&file)
        .assert()
        .code(2);
}

#[test]
fn binary_and_missing_inputs_are_refused_with_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("image.png");
    std::fs::write(&file, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    brief()
        .arg("segment")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("image.png").and(predicate::str::contains("binary")));
    brief()
        .args(["segment", "no-such-file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-file.txt"));
}

#[test]
fn empty_input_warns_unless_quiet() {
    brief()
        .arg("segment")
        .write_stdin("  \n\n ")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("empty input"));
    brief()
        .args(["segment", "-q"])
        .write_stdin("")
        .assert()
        .success()
        .stderr("");
}

#[test]
fn verbose_names_the_configuration() {
    brief()
        .args(["segment", "-v"])
        .write_stdin("Hi.")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "configuration: <embedded defaults>",
        ));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let text = "A sentence here. ".repeat(200_000);
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("brief"))
        .args(["segment", "--lang", "en"])
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(text.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn language_precedence_is_flag_then_item_then_toml() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("b.jsonl");
    std::fs::write(
        &batch,
        "{\"id\": \"a\", \"text\": \"Hello there.\", \"lang\": \"de\"}\n{\"id\": \"b\", \"text\": \"Hello there.\"}\n",
    )
    .unwrap();
    let config = dir.path().join("c.toml");
    std::fs::write(&config, "[segment]\nlang = \"fr\"\n").unwrap();
    let langs = |extra: &[&str]| -> Vec<String> {
        let out = brief()
            .args(["segment", "--input", "jsonl", "--format", "jsonl"])
            .args(extra)
            .arg(&batch)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["lang"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(langs(&[]), ["de", "en"]);
    assert_eq!(langs(&["--config", config.to_str().unwrap()]), ["de", "fr"]);
    assert_eq!(
        langs(&["--config", config.to_str().unwrap(), "--lang", "ru"]),
        ["ru", "ru"]
    );
    for extra in [&["--lang", "ru"][..], &[]] {
        let out = brief()
            .args(["detect", "--input", "jsonl", "--format", "jsonl"])
            .args(extra)
            .arg(&batch)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        let want = if extra.is_empty() { "de" } else { "ru" };
        assert_eq!(first["lang"], want, "{extra:?}");
    }
}

#[test]
fn verbose_names_the_language_of_each_document() {
    // Issue 22: `-v` said what was read but not the languages `--help` promises.
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let dir = tempfile::tempdir().unwrap();
    for command in ["summarize", "export"] {
        let mut cmd = super::common::brief();
        cmd.arg("-v").arg(command);
        if command == "export" {
            cmd.args(["--to", "fa", "--out-dir"])
                .arg(dir.path().join("x"));
        }
        let out = cmd
            .arg(seeds.join("en-putin-assad-aleppo.txt"))
            .arg(seeds.join("en-iran-russia-phone-call.txt"))
            .output()
            .unwrap();
        assert!(out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("en-putin-assad-aleppo.txt: en (function-words, confidence 1.000)"),
            "{command}: {stderr}"
        );
        assert!(
            stderr.contains("en-iran-russia-phone-call.txt: en ("),
            "{stderr}"
        );
    }
}
