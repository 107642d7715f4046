//! `brief segment` and `brief detect` through the real binary: every flag,
//! exit codes, the JSONL batch contract and the configuration lookup.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use crate::common::brief_in as brief;

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn text_format_prints_one_sentence_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout_of(
        brief(dir.path())
            .args(["segment", "--lang", "en"])
            .write_stdin("Dr. Smith left at 5 p.m. today. He was\nhappy.\n\nBye!"),
    );
    assert_eq!(
        out,
        "Dr. Smith left at 5 p.m. today.\nHe was happy.\nBye!\n"
    );
}

#[test]
fn files_and_dash_read_inputs_with_a_blank_line_between_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "One. Two.").unwrap();
    let out = stdout_of(
        brief(dir.path())
            .args(["segment", "--lang", "en", "a.txt", "-"])
            .write_stdin("Three."),
    );
    assert_eq!(out, "One.\nTwo.\n\nThree.\n");
}

#[test]
fn json_format_describes_each_document() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ru.txt"),
        "В. В. Путин прибыл в г. Москву. Встреча прошла.",
    )
    .unwrap();
    let out = stdout_of(brief(dir.path()).args(["segment", "--format", "json", "ru.txt"]));
    let docs: Value = serde_json::from_str(&out).unwrap();
    let doc = &docs[0];
    assert_eq!(doc["name"], "ru.txt");
    assert_eq!(doc["lang"], "ru");
    let sentences = doc["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 2);
    assert_eq!(sentences[0]["text"], "В. В. Путин прибыл в г. Москву.");
    assert_eq!(sentences[0]["start"], 0);
}

#[test]
fn jsonl_batch_contract_holds() {
    let dir = tempfile::tempdir().unwrap();
    let items = [
        r#"{"id": "a", "text": "  Hello there. Bye now!  ", "lang": "en"}"#,
        r#"{"id": "b", "text": "Он пришёл. Всё хорошо."}"#,
        r#"{"id": 7, "text": "رئیس‌جمهور آمد. او رفت؟ بله!", "lang": "fa"}"#,
        r#"{"id": "empty", "text": ""}"#,
    ];
    let out = stdout_of(
        brief(dir.path())
            .args(["segment", "--input", "jsonl", "--format", "jsonl"])
            .write_stdin(items.join("\n") + "\n"),
    );
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "one output line per input line");
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "7", "empty"]);
    assert_eq!(lines[1]["lang"], "ru");
    assert_eq!(lines[2]["lang"], "fa");
    for (line, raw) in lines.iter().zip(items) {
        let item: Value = serde_json::from_str(raw).unwrap();
        let text = item["text"].as_str().unwrap();
        for s in line["sentences"].as_array().unwrap() {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text[start..end],
                s["text"].as_str().unwrap(),
                "span equals its text"
            );
            assert_eq!(
                s["text"].as_str().unwrap().trim(),
                s["text"].as_str().unwrap()
            );
        }
    }
    assert_eq!(lines[0]["sentences"][0]["start"], 2);
    assert_eq!(lines[2]["sentences"].as_array().unwrap().len(), 3);
    assert!(lines[3]["sentences"].as_array().unwrap().is_empty());
}

#[test]
fn jsonl_input_can_print_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout_of(
        brief(dir.path())
            .args(["segment", "--input", "jsonl", "--format", "text"])
            .write_stdin("{\"id\":\"1\",\"text\":\"Ab cd. Ef gh.\",\"lang\":\"en\"}\n{\"id\":\"2\",\"text\":\"E.\"}\n"),
    );
    assert_eq!(out, "Ab cd.\nEf gh.\n\nE.\n");
}

#[test]
fn bad_jsonl_is_an_error_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("b.jsonl"),
        "{\"id\":\"1\",\"text\":\"ok\"}\nnot json\n",
    )
    .unwrap();
    brief(dir.path())
        .args([
            "segment", "--input", "jsonl", "--format", "jsonl", "b.jsonl",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("b.jsonl:2"));
    std::fs::write(
        dir.path().join("c.jsonl"),
        "{\"id\":\"1\",\"text\":\"ok\",\"lang\":\"english\"}\n",
    )
    .unwrap();
    brief(dir.path())
        .args(["segment", "--input", "jsonl", "c.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("c.jsonl:1"));
}

#[test]
fn keep_going_skips_an_item_of_the_wrong_shape() {
    // Regression: `--keep-going` used to abort on an item with "documents".
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("b.jsonl"),
        "{\"id\":\"1\",\"text\":\"One. Two.\"}\n{\"id\":\"2\",\"documents\":[\"A.\",\"B.\"]}\n{\"id\":\"3\",\"text\":\"Three.\"}\n",
    )
    .unwrap();
    let out = brief(dir.path())
        .args([
            "--keep-going",
            "segment",
            "--input",
            "jsonl",
            "--format",
            "jsonl",
            "b.jsonl",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("b.jsonl:2"))
        .get_output()
        .stdout
        .clone();
    let ids: Vec<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"1\"", "\"3\""]);
    brief(dir.path())
        .args(["segment", "--input", "jsonl", "b.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not \"documents\""));
}

#[test]
fn lang_flag_overrides_detection_and_bad_codes_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    // As Russian, "гг." after a date that opens the sentence is an
    // abbreviation; as English it is a word, and the sentence ends there.
    let text = "В 1898–1900 гг. Иванов жил там.";
    let ru = stdout_of(brief(dir.path()).args(["segment"]).write_stdin(text));
    assert_eq!(ru.lines().count(), 1);
    let en = stdout_of(
        brief(dir.path())
            .args(["segment", "--lang", "en"])
            .write_stdin(text),
    );
    assert_eq!(en.lines().count(), 2);
    brief(dir.path())
        .args(["segment", "--lang", "english1"])
        .write_stdin("x")
        .assert()
        .code(2);
}

#[test]
fn line_breaks_flag_and_setting() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Headline here\nThe story begins\nand goes on.";
    let auto = stdout_of(
        brief(dir.path())
            .args(["segment", "--lang", "en"])
            .write_stdin(text),
    );
    assert_eq!(
        auto.lines().count(),
        1,
        "a lowercase line start means wrapped text"
    );
    let sentence = stdout_of(
        brief(dir.path())
            .args(["segment", "--lang", "en", "--line-breaks", "sentence"])
            .write_stdin(text),
    );
    assert_eq!(sentence.lines().count(), 3);
    let space = stdout_of(
        brief(dir.path())
            .args(["segment", "--lang", "en", "--line-breaks", "space"])
            .write_stdin("Headline here\nThe story."),
    );
    assert_eq!(space.lines().count(), 1);
    std::fs::write(
        dir.path().join("brief.toml"),
        "[segment]\nline_breaks = \"sentence\"\n",
    )
    .unwrap();
    let from_toml = stdout_of(
        brief(dir.path())
            .args(["segment", "--lang", "en"])
            .write_stdin(text),
    );
    assert_eq!(from_toml.lines().count(), 3);
    brief(dir.path())
        .args(["segment", "--line-breaks", "never"])
        .write_stdin(text)
        .assert()
        .code(2);
}

#[test]
fn unknown_flags_and_formats_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["segment", "--frobnicate"][..],
        &["segment", "--format", "xml"],
        &["segment", "--input", "csv"],
        &["detect", "--format", "json"],
    ] {
        brief(dir.path())
            .args(args)
            .write_stdin("x")
            .assert()
            .code(2);
    }
}

#[test]
fn missing_input_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    brief(dir.path())
        .args(["segment", "nope.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.txt"));
}

#[test]
fn user_abbreviations_from_toml_are_used() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The fee is approx. Ten dollars were paid.";
    let before = stdout_of(
        brief(dir.path())
            .args(["segment", "--lang", "ru"])
            .write_stdin(text),
    );
    assert_eq!(before.lines().count(), 2);
    std::fs::write(
        dir.path().join("my.toml"),
        "[languages.ru]\nabbreviations = [\"approx\"]\n[segment]\nline_breaks = \"auto\"\n",
    )
    .unwrap();
    // A known abbreviation still ends a Russian sentence before a capital;
    // before a lowercase word it never does.
    let text = "Было approx. сто человек. Потом ушли.";
    let with = stdout_of(
        brief(dir.path())
            .args(["--config", "my.toml", "segment", "--lang", "ru"])
            .write_stdin(text),
    );
    assert_eq!(with, "Было approx. сто человек.\nПотом ушли.\n");
    let en_text = "The fee is approx. Ten dollars.";
    std::fs::write(
        dir.path().join("en.toml"),
        "[languages.en]\nabbreviations = [\"Approx.\"]\n",
    )
    .unwrap();
    let en = stdout_of(
        brief(dir.path())
            .args(["--config", "en.toml", "segment", "--lang", "en"])
            .write_stdin(en_text),
    );
    assert_eq!(
        en.lines().count(),
        1,
        "English abbreviations end sentences only before starters"
    );
}

#[test]
fn config_lookup_order() {
    let dir = tempfile::tempdir().unwrap();
    let xdg = dir.path().join("xdg");
    std::fs::create_dir_all(xdg.join("brief")).unwrap();
    let text = "Line one\nLine two";
    let run = |extra: &[&str]| {
        let mut cmd = Command::cargo_bin("brief").unwrap();
        cmd.current_dir(dir.path())
            .env("XDG_CONFIG_HOME", &xdg)
            .env_remove("HOME")
            .args(extra)
            .args(["segment", "--lang", "en"])
            .write_stdin(text);
        stdout_of(&mut cmd).lines().count()
    };
    // Embedded defaults: "auto" splits unwrapped lines.
    assert_eq!(run(&[]), 2);
    // The XDG file is used when there is no ./brief.toml.
    std::fs::write(
        xdg.join("brief/config.toml"),
        "[segment]\nline_breaks = \"space\"\n",
    )
    .unwrap();
    assert_eq!(run(&[]), 1);
    // ./brief.toml wins over the XDG file.
    std::fs::write(
        dir.path().join("brief.toml"),
        "[segment]\nline_breaks = \"sentence\"\n",
    )
    .unwrap();
    assert_eq!(run(&[]), 2);
    // --config wins over both.
    std::fs::write(
        dir.path().join("c.toml"),
        "[segment]\nline_breaks = \"space\"\n",
    )
    .unwrap();
    assert_eq!(run(&["--config", "c.toml"]), 1);
}

#[test]
fn config_errors_name_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "[segment]\nline_breaks = \"auto\"\nfoo = 1\n",
    )
    .unwrap();
    brief(dir.path())
        .args(["--config", "bad.toml", "segment"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.toml:3").and(predicate::str::contains("foo")));
    std::fs::write(
        dir.path().join("syntax.toml"),
        "[segment]\n\nline_breaks = \n",
    )
    .unwrap();
    brief(dir.path())
        .args(["--config", "syntax.toml", "segment"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("syntax.toml:3"));
    std::fs::write(
        dir.path().join("mode.toml"),
        "[segment]\nline_breaks = \"maybe\"\n",
    )
    .unwrap();
    brief(dir.path())
        .args(["--config", "mode.toml", "segment"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("mode.toml:2"));
    brief(dir.path())
        .args(["--config", "missing.toml", "segment"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.toml"));
    // A broken ./brief.toml is an error too, not silently skipped.
    std::fs::write(dir.path().join("brief.toml"), "[segmnt]\n").unwrap();
    brief(dir.path())
        .args(["segment"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("brief.toml:1"));
}

#[test]
fn detect_flags_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ru.txt"),
        "Президент говорил по телефону с коллегой.",
    )
    .unwrap();
    let out = stdout_of(brief(dir.path()).args(["detect", "ru.txt"]));
    let fields: Vec<&str> = out.trim_end().split('\t').collect();
    assert_eq!(fields[0], "ru.txt");
    assert_eq!(fields[1], "ru");
    let out = stdout_of(brief(dir.path()).args(["detect", "--lang", "fa", "ru.txt"]));
    assert!(out.contains("\tfa\t1.000\toverride"), "{out}");
    let out = stdout_of(
        brief(dir.path())
            .args(["detect", "--input", "jsonl", "--format", "jsonl"])
            .write_stdin(
                "{\"id\":\"x\",\"text\":\"رئیس‌جمهور تلفنی صحبت کرد.\"}\n{\"id\":\"y\",\"text\":\"Hello\",\"lang\":\"ru\"}\n",
            ),
    );
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["id"], "x");
    assert_eq!(lines[0]["lang"], "fa");
    assert_eq!(lines[1]["lang"], "ru");
    assert_eq!(lines[1]["method"], "override");
    let out = stdout_of(
        brief(dir.path())
            .args(["detect"])
            .write_stdin("The president spoke."),
    );
    assert!(out.starts_with("-\ten\t"), "{out}");
    brief(dir.path())
        .args(["detect", "missing.txt"])
        .assert()
        .code(2);
}

/// The hidden ablation switches reach the segmenter from the binary's
/// environment (the library reads none): `uax29` is plain UAX #29, which
/// breaks after "Dr." before a capital.
#[test]
fn the_ablation_variable_reaches_the_segmenter_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Dr. Smith left. He was happy.";
    let plain = stdout_of(
        brief(dir.path())
            .args(["segment", "--lang", "en"])
            .write_stdin(text),
    );
    assert_eq!(plain, "Dr. Smith left.\nHe was happy.\n");
    let ablated = stdout_of(
        brief(dir.path())
            .env("BRIEF_SEGMENT_ABLATE", "uax29")
            .args(["segment", "--lang", "en"])
            .write_stdin(text),
    );
    assert_eq!(ablated, "Dr.\nSmith left.\nHe was happy.\n");
}
