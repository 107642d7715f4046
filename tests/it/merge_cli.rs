//! `brief merge`: round trips through every format, drift, missing, unknown
//! and duplicate ids, UTF-16 input, and hostile XML.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use predicates::str::contains;

use crate::common::brief_in as brief;

const TEXT: &str = "Tom & Jerry met. They said \"a < b\".\n\nThe end came. It was late.";

fn export(dir: &Path, format: &str) -> PathBuf {
    std::fs::write(dir.join("a.txt"), TEXT).unwrap();
    brief(dir)
        .args([
            "export",
            "--all",
            "--lang",
            "en",
            "--to",
            "fa,ru",
            "--format",
            format,
            "--out-dir",
            "out",
            "a.txt",
        ])
        .assert()
        .success();
    dir.join("out")
}

fn translation(lang: &str, n: usize) -> String {
    if lang == "fa" {
        format!("«جمله\u{200C}ی {n}» A&B <x>")
    } else {
        format!("«Фраза {n}» & <y> 'q'")
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Fills every empty target in order, as a translator's tool would.
fn fill_xml(text: &str, lang: &str, empty: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    let mut n = 0;
    while let Some(i) = rest.find(empty) {
        n += 1;
        out.push_str(&rest[..i]);
        out.push_str(open);
        out.push_str(&xml_escape(&translation(lang, n)));
        out.push_str(close);
        rest = &rest[i + empty.len()..];
    }
    out.push_str(rest);
    out
}

fn fill(path: &Path, lang: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    let filled = if name.ends_with(".xliff12.xlf") {
        fill_xml(
            &text,
            lang,
            "<target state=\"new\"></target>",
            "<target state=\"translated\">",
            "</target>",
        )
    } else if name.ends_with(".xlf") {
        fill_xml(&text, lang, "<target></target>", "<target>", "</target>")
            .replace("state=\"initial\"", "state=\"translated\"")
    } else if name.ends_with(".tmx") {
        fill_xml(&text, lang, "<seg></seg>", "<seg>", "</seg>")
    } else if name.ends_with(".tsv") {
        text.lines()
            .enumerate()
            .map(|(i, line)| {
                let mut f: Vec<String> = line.split('\t').map(str::to_string).collect();
                if i > 0 {
                    f[4] = translation(lang, i);
                }
                f.join("\t") + "\n"
            })
            .collect()
    } else {
        text.lines()
            .enumerate()
            .map(|(i, line)| {
                let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
                v["target"] = translation(lang, i + 1).into();
                v.to_string() + "\n"
            })
            .collect()
    };
    std::fs::write(path, filled).unwrap();
}

fn merged_json(dir: &Path, files: &[PathBuf]) -> serde_json::Value {
    let out = brief(dir)
        .arg("merge")
        .arg("--format")
        .arg("json")
        .args(files)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn every_format_round_trips_exactly() {
    for format in ["xliff20", "xliff21", "xliff12", "tmx", "tsv", "jsonl"] {
        let dir = tempfile::tempdir().unwrap();
        let out = export(dir.path(), format);
        let mut files = Vec::new();
        for lang in ["fa", "ru"] {
            let ext = match format {
                "tmx" | "tsv" | "jsonl" => format.to_string(),
                x => format!("{x}.xlf"),
            };
            let path = out.join(format!("brief.{lang}.{ext}"));
            fill(&path, lang);
            files.push(path);
        }
        let v = merged_json(dir.path(), &files);
        assert_eq!(v["problems"].as_array().unwrap().len(), 0, "{format}: {v}");
        for (t, lang) in v["translations"]
            .as_array()
            .unwrap()
            .iter()
            .zip(["fa", "ru"])
        {
            assert_eq!(t["lang"], lang);
            let got: Vec<&str> = t["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["target"].as_str().unwrap())
                .collect();
            let want: Vec<String> = (1..=4).map(|n| translation(lang, n)).collect();
            assert_eq!(got, want, "{format} {lang}");
            // Paragraphs are kept: two sentences, a blank line, two sentences.
            assert_eq!(
                t["text"].as_str().unwrap().matches("\n\n").count(),
                1,
                "{format}"
            );
        }
    }
}

#[test]
fn text_output_and_multilingual_tmx() {
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "xliff20");
    let fa = out.join("brief.fa.xliff20.xlf");
    let ru = out.join("brief.ru.xliff20.xlf");
    fill(&fa, "fa");
    fill(&ru, "ru");
    brief(dir.path())
        .arg("merge")
        .args([&fa, &ru])
        .args(["--tmx", "all.tmx", "--out-dir", "final"])
        .assert()
        .success()
        .stdout("");
    let fa_text = std::fs::read_to_string(dir.path().join("final/brief.fa.txt")).unwrap();
    assert_eq!(
        fa_text,
        format!(
            "{} {}\n\n{} {}\n",
            translation("fa", 1),
            translation("fa", 2),
            translation("fa", 3),
            translation("fa", 4)
        )
    );
    let tmx = std::fs::read_to_string(dir.path().join("all.tmx")).unwrap();
    assert_eq!(tmx.matches("<tu ").count(), 4);
    assert_eq!(tmx.matches("<tuv xml:lang=\"fa\">").count(), 4);
    assert_eq!(tmx.matches("<tuv xml:lang=\"ru\">").count(), 4);
    // The memory itself merges back.
    let v = merged_json(dir.path(), &[dir.path().join("all.tmx")]);
    assert_eq!(v["translations"].as_array().unwrap().len(), 2);
    // Outputs are not overwritten without --force.
    brief(dir.path())
        .arg("merge")
        .arg(&fa)
        .args(["--allow-partial", "--tmx", "all.tmx"])
        .assert()
        .code(2)
        .stderr(contains("--force"));
}

#[test]
fn drift_is_reported_by_unit_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "xliff12");
    let fa = out.join("brief.fa.xliff12.xlf");
    fill(&fa, "fa");
    let text = std::fs::read_to_string(&fa).unwrap();
    std::fs::write(
        &fa,
        text.replacen(
            "<source>The end came.</source>",
            "<source>The end came!</source>",
            1,
        ),
    )
    .unwrap();
    brief(dir.path())
        .arg("merge")
        .arg(&fa)
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("s3 [fa]: drift"));
    // With --allow-partial the translations are printed, and the exit code stays 1.
    brief(dir.path())
        .args(["merge", "--allow-partial"])
        .arg(&fa)
        .assert()
        .code(1)
        .stdout(contains(translation("fa", 4)));
}

#[test]
fn missing_empty_unknown_and_duplicate_units() {
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "jsonl");
    let ru = out.join("brief.ru.jsonl");
    fill(&ru, "ru");
    let lines: Vec<String> = std::fs::read_to_string(&ru)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    // Drop s2, empty the target of s3, duplicate s1 with another target, add
    // an unknown s7.
    let mut edited = vec![
        lines[0].clone(),
        lines[0].replace(&translation("ru", 1), "другой перевод"),
    ];
    edited.push(lines[2].replace(&translation("ru", 3).replace('"', "\\\""), ""));
    edited.push(lines[3].clone());
    edited.push(lines[3].replace("\"s4\"", "\"s7\""));
    std::fs::write(&ru, edited.join("\n") + "\n").unwrap();
    let assert = brief(dir.path()).arg("merge").arg(&ru).assert().code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    for needle in [
        "s1 [ru]: duplicate",
        "s2 [ru]: missing",
        "s3 [ru]: missing translation",
        "s7 [ru]: unknown id",
    ] {
        assert!(stderr.contains(needle), "{needle} not in {stderr}");
    }
}

#[test]
fn utf16_files_from_memoq_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = export(dir.path(), "xliff20");
    let fa = out.join("brief.fa.xliff20.xlf");
    fill(&fa, "fa");
    let text = std::fs::read_to_string(&fa)
        .unwrap()
        .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(&fa, bytes).unwrap();
    // The Persian file only, on purpose: --allow-partial.
    let out = brief(dir.path())
        .args(["merge", "--allow-partial", "--format", "json"])
        .arg(&fa)
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        v["translations"][0]["sentences"][0]["target"],
        translation("fa", 1)
    );
}

#[test]
fn hostile_and_invalid_files_exit_2_quickly_without_echoing_content() {
    let dir = tempfile::tempdir().unwrap();
    let mut bomb =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n<!ENTITY a \"SECRETSECRET\">\n");
    for i in 1..10 {
        bomb.push_str(&format!(
            "<!ENTITY {} \"{}\">\n",
            (b'a' + i) as char,
            format!("&{};", (b'a' + i - 1) as char).repeat(10)
        ));
    }
    bomb.push_str("]>\n<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\" trgLang=\"fa\"><file id=\"f\"><unit id=\"s1\"><segment><source>&j;</source></segment></unit></file></xliff>\n");
    let xxe = "<?xml version=\"1.0\"?><!DOCTYPE xliff [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"x\" source-language=\"en\" target-language=\"fa\" datatype=\"plaintext\"><body><trans-unit id=\"s1\"><source>&e;</source><target>x</target></trans-unit></body></file></xliff>";
    let undeclared = "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\" trgLang=\"fa\"><file id=\"f\"><unit id=\"s1\"><segment><source>&e;</source></segment></unit></file></xliff>";
    let cases = [
        ("bomb.xlf", bomb.as_str()),
        ("xxe.xlf", xxe),
        ("undeclared.xlf", undeclared),
        ("broken.xlf", "<xliff version=\"2.0\"><file>"),
        ("other.xml", "<html><body>hi</body></html>"),
        ("plain.txt", "just some text\n"),
        (
            "bad.tsv",
            "id\tsource_lang\ttarget_lang\tsource\ttarget\ns1\ten\tfa\tx\n",
        ),
        ("bad.jsonl", "{\"id\": \"s1\"}\n"),
    ];
    for (name, content) in cases {
        std::fs::write(dir.path().join(name), content).unwrap();
        let start = Instant::now();
        let assert = brief(dir.path()).args(["merge", name]).assert().code(2);
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{name} took too long"
        );
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert!(stderr.contains(name), "{name}: {stderr}");
        assert!(
            !stderr.contains("SECRET") && !stderr.contains("root:"),
            "{name}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
    }
}
