//! CLI tests of `brief summarize`: length flags, TOML keys, errors, formats.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::common::brief;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn seed(name: &str) -> PathBuf {
    seeds().join(name)
}

fn json(args: &[&str], inputs: &[PathBuf]) -> serde_json::Value {
    let out = brief()
        .arg("summarize")
        .args(args)
        .args(["--format", "json"])
        .args(inputs)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn texts(v: &serde_json::Value) -> Vec<String> {
    v["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}

const EN: &str = "en-putin-assad-aleppo.txt";

#[test]
fn sentences_flag_gives_that_many() {
    let v = json(&["--sentences", "2"], &[seed(EN)]);
    assert_eq!(texts(&v).len(), 2);
    assert_eq!(v["budget"]["unit"], "sentences");
}

#[test]
fn word_char_byte_and_ratio_budgets_are_caps() {
    for (flag, n) in [("--words", 40usize), ("--chars", 300), ("--bytes", 300)] {
        let v = json(&[flag, &n.to_string()], &[seed(EN)]);
        let t = texts(&v);
        assert!(!t.is_empty(), "{flag}");
        let joined = t.join("\n");
        let used = match flag {
            "--words" => joined.split_whitespace().count(),
            "--chars" => joined.chars().count(),
            _ => joined.len(),
        };
        assert!(used <= n, "{flag}: {used} > {n}");
    }
    let text = std::fs::read_to_string(seed(EN)).unwrap();
    let words = text.split_whitespace().count();
    let v = json(&["--ratio", "0.2"], &[seed(EN)]);
    let used: usize = texts(&v).iter().map(|s| s.split_whitespace().count()).sum();
    assert!(used as f64 <= 0.2 * words as f64);
    assert!(used > 0);
}

#[test]
fn json_spans_point_into_the_inputs() {
    let inputs = [seed(EN), seed("en-iran-russia-phone-call.txt")];
    let v = json(&["--words", "120"], &inputs);
    let docs: Vec<String> = inputs
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut last = (0u64, 0u64);
    for s in v["summary"].as_array().unwrap() {
        let (d, start, end) = (
            s["doc"].as_u64().unwrap(),
            s["start"].as_u64().unwrap(),
            s["end"].as_u64().unwrap(),
        );
        // Documents and sentences are indices from 0 in every output.
        assert!(s["sentence"].is_u64());
        assert_eq!(
            &docs[d as usize][start as usize..end as usize],
            s["text"].as_str().unwrap()
        );
        assert!((d, start) > last || last == (0, 0), "document order");
        last = (d, start);
        assert!(s["score"].is_number());
    }
    assert_eq!(v["lang"], "en");
}

#[test]
fn toml_lengths_are_used_and_flags_win() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("b.toml");
    std::fs::write(&cfg, "[summary]\nsentences = 2\n").unwrap();
    let cfgs = cfg.to_str().unwrap();
    let v = json(&["--config", cfgs], &[seed(EN)]);
    assert_eq!(texts(&v).len(), 2);
    let v = json(&["--config", cfgs, "--sentences", "1"], &[seed(EN)]);
    assert_eq!(texts(&v).len(), 1);
    let v = json(&["--config", cfgs, "--words", "30"], &[seed(EN)]);
    assert_eq!(v["budget"]["unit"], "words");

    std::fs::write(&cfg, "[summary]\nwords = 40\n").unwrap();
    let v = json(&["--config", cfgs], &[seed(EN)]);
    let words: usize = texts(&v).iter().map(|s| s.split_whitespace().count()).sum();
    assert!(words <= 40 && words > 0, "{words}");
}

#[test]
fn bad_lengths_are_errors() {
    for args in [
        vec!["--sentences", "2", "--words", "10"],
        vec!["--words", "0"],
        vec!["--ratio", "1.5"],
        vec!["--ratio", "0"],
        vec!["--algorithm", "magic"],
    ] {
        brief()
            .arg("summarize")
            .args(&args)
            .arg(seed(EN))
            .assert()
            .code(2)
            .stderr(predicate::str::is_empty().not());
    }
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("b.toml");
    std::fs::write(&cfg, "[summary]\nsentences = 2\nwords = 5\n").unwrap();
    brief()
        .args(["--config", cfg.to_str().unwrap(), "summarize"])
        .arg(seed(EN))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sentences and words"));
    std::fs::write(&cfg, "[summary]\nsentense = 2\n").unwrap();
    brief()
        .args(["--config", cfg.to_str().unwrap(), "summarize"])
        .arg(seed(EN))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sentense"));
}

#[test]
fn text_output_has_one_sentence_per_line() {
    let out = brief()
        .args(["summarize", "--sentences", "3"])
        .arg(seed(EN))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);
}

#[test]
fn jsonl_batches_keep_order_and_ids() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("in.jsonl");
    let a = std::fs::read_to_string(seed(EN)).unwrap();
    let b = std::fs::read_to_string(seed("en-iran-russia-phone-call.txt")).unwrap();
    let mut lines = String::new();
    for i in 0..20 {
        let item = if i % 2 == 0 {
            serde_json::json!({"id": format!("item{i}"), "text": a})
        } else {
            serde_json::json!({"id": i, "documents": [a, b], "lang": "en"})
        };
        lines.push_str(&item.to_string());
        lines.push('\n');
    }
    std::fs::write(&batch, lines).unwrap();
    let out = brief()
        .args([
            "summarize",
            "--input",
            "jsonl",
            "--format",
            "jsonl",
            "--sentences",
            "2",
        ])
        .arg(&batch)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 20);
    for (i, row) in rows.iter().enumerate() {
        let want = if i % 2 == 0 {
            format!("item{i}")
        } else {
            i.to_string()
        };
        assert_eq!(row["id"], want.as_str());
        assert_eq!(row["lang"], "en");
        assert_eq!(row["summary"].as_array().unwrap().len(), 2);
    }
    std::fs::write(&batch, "{\"id\": 1, \"text\": \"A b c.\"}\n{oops\n").unwrap();
    brief()
        .args(["summarize", "--input", "jsonl", "--format", "jsonl"])
        .arg(&batch)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("in.jsonl:2"));
}

#[test]
fn russian_seeds_end_to_end() {
    let inputs: Vec<PathBuf> = ["ru-archaeology-find.txt", "ru-city-budget-transport.txt"]
        .iter()
        .map(|n| seed(n))
        .collect();
    if inputs.iter().any(|p| !p.exists()) {
        crate::common::skip("russian seeds", "seeds/ru-*.txt not present");
        return;
    }
    for input in &inputs {
        let v = json(&["--words", "60"], std::slice::from_ref(input));
        assert_eq!(v["lang"], "ru");
        let t = texts(&v);
        assert!(!t.is_empty());
        let words: usize = t.iter().map(|s| s.split_whitespace().count()).sum();
        assert!(words <= 60);
        assert!(
            t.iter()
                .all(|s| s.chars().any(|c| ('а'..='я').contains(&c)))
        );
    }
}

#[test]
fn persian_seeds_end_to_end() {
    let inputs: Vec<PathBuf> = ["fa-rainfall-dams.txt", "fa-tehran-metro-line.txt"]
        .iter()
        .map(|n| seed(n))
        .collect();
    if inputs.iter().any(|p| !p.exists()) {
        crate::common::skip("persian seeds", "seeds/fa-*.txt not present");
        return;
    }
    for input in &inputs {
        let v = json(&["--sentences", "2"], std::slice::from_ref(input));
        assert_eq!(v["lang"], "fa");
        let text = std::fs::read_to_string(input).unwrap();
        let t = texts(&v);
        assert_eq!(t.len(), 2);
        for s in &t {
            assert!(text.contains(s.as_str()), "sentences are copied verbatim");
        }
    }
    // Both Persian articles as one cluster.
    let v = json(&["--words", "80"], &inputs);
    assert_eq!(v["lang"], "fa");
    assert!(!texts(&v).is_empty());
}

#[test]
fn web_pages_are_read_as_their_article_text() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html><html><head><title>Rain</title><script>var x = 'Cookie banner';</script></head>\
        <body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>\
        <article><h1>Heavy rain fills the dams of Tehran</h1>\
        <p>Heavy rain fell on Tehran on Monday and filled the city's dams, officials said.</p>\
        <p>The water authority said the five dams were nearly full for the first time in years.</p>\
        <p>Residents were asked to save water despite the rain.</p></article>\
        <footer>Copyright footer text</footer></body></html>";
    std::fs::write(dir.path().join("page.html"), page).unwrap();
    // Plainly HTML even without the extension, and forced with --input html.
    std::fs::write(dir.path().join("page.txt"), page).unwrap();
    for args in [
        vec!["summarize", "--sentences", "2", "page.html"],
        vec!["summarize", "--sentences", "2", "page.txt"],
        vec!["summarize", "--sentences", "2", "--input", "html", "-"],
    ] {
        let out = crate::common::brief_in(dir.path())
            .args(&args)
            .write_stdin(page)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("Heavy rain fell on Tehran"), "{args:?}: {out}");
        for junk in ["<", "Cookie", "Home", "Copyright"] {
            assert!(!out.contains(junk), "{args:?}: {junk:?} in {out}");
        }
    }
    let item = serde_json::json!({"id": "p1", "html": page}).to_string();
    let out = crate::common::brief_in(dir.path())
        .args(["summarize", "--input", "jsonl", "--format", "jsonl"])
        .write_stdin(item)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["id"], "p1");
    assert!(!v["summary"].to_string().contains("Copyright"));
}
