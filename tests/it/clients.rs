//! Round trips through the translation clients that desks use (issue 9):
//! OmegaT 3.6 headless, translate-toolkit, the npm package `xliff`, a
//! spreadsheet-style TSV and plain scripts, driven by
//! `scripts/clients/roundtrip.py` against this build's `brief`.
//!
//! Fails when a round trip does not merge back exactly, or when a negative
//! case that `scripts/clients/expectations.py` marks as handled gives the
//! wrong exit code or names the wrong unit. Cases marked `known_failing` are
//! reported, not failed. A client that is not installed is skipped with a
//! message (`bash scripts/ci-clients.sh` installs them all); the cases that
//! need only Python's standard library always run.
//!
//! Python: `$BRIEF_CLIENTS_PYTHON`, else `.venv-ci/bin/python` (where
//! translate-toolkit lives), else `python3`. `BRIEF_CLIENTS=skip` skips the
//! whole test, with a message.

use std::path::{Path, PathBuf};
use std::process::Command;

fn python(repo: &Path) -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("BRIEF_CLIENTS_PYTHON").map(PathBuf::from),
        Some(repo.join(".venv-ci/bin/python")).filter(|p| p.exists()),
        Some(PathBuf::from("python3")),
    ];
    candidates.into_iter().flatten().find(|p| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn real_clients_round_trip_and_negative_cases() {
    if std::env::var("BRIEF_CLIENTS").as_deref() == Ok("skip") {
        eprintln!("SKIP clients: BRIEF_CLIENTS=skip");
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(python) = python(repo) else {
        crate::common::skip(
            "clients",
            "no Python found (BRIEF_CLIENTS_PYTHON, .venv-ci, python3)",
        );
        return;
    };
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("clients");
    let output = Command::new(&python)
        .arg(repo.join("scripts/clients/roundtrip.py"))
        .arg("--brief")
        .arg(env!("CARGO_BIN_EXE_brief"))
        .arg("--work")
        .arg(&work)
        .current_dir(repo)
        .output()
        .expect("run scripts/clients/roundtrip.py");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Printed always, so `cargo test -- --nocapture` shows the table and
    // every SKIP line; on failure it is part of the assertion message.
    println!("{stdout}");
    eprintln!("{stderr}");
    for line in stdout.lines().filter(|l| l.starts_with("SKIP ")) {
        eprintln!("clients: {line}");
    }
    assert!(
        output.status.success(),
        "scripts/clients/roundtrip.py with {} exited with {}:\n{stdout}\n{stderr}",
        python.display(),
        output.status
    );
}

// --- `brief export --format omegat` through OmegaT 3.6's console mode ------

/// OmegaT's jar (`$OMEGAT_JAR`, else Debian's), or why the OmegaT tests
/// cannot run here.
fn omegat() -> Result<PathBuf, String> {
    if std::env::var("BRIEF_CLIENTS").as_deref() == Ok("skip") {
        return Err("BRIEF_CLIENTS=skip".into());
    }
    let jar = std::env::var_os("OMEGAT_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/share/omegat/OmegaT.jar"));
    if !jar.exists() {
        return Err(format!(
            "{} not found (apt-get install omegat, or set OMEGAT_JAR)",
            jar.display()
        ));
    }
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        return Err("no java on PATH (apt-get install default-jre-headless)".into());
    }
    Ok(jar)
}

/// Runs OmegaT's console translation on every project at once and waits
/// (at most 5 minutes each); panics naming the project whose run failed.
fn omegat_translate(jar: &Path, projects: &[PathBuf], config: &Path) {
    let running: Vec<(PathBuf, std::process::Child)> = projects
        .iter()
        .map(|p| {
            let log = std::fs::File::create(p.with_extension("log")).unwrap();
            let child = Command::new("java")
                .args(["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"])
                .arg("-Djava.awt.headless=true")
                .arg("-jar")
                .arg(jar)
                .arg(p)
                .args([
                    "--mode=console-translate",
                    "--no-team",
                    "--disable-project-locking",
                ])
                .arg(format!("--config-dir={}", config.display()))
                .stdout(log.try_clone().unwrap())
                .stderr(log)
                .spawn()
                .expect("start java");
            (p.clone(), child)
        })
        .collect();
    for (p, mut child) in running {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(300);
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("OmegaT on {} took more than 300 s", p.display());
            }
            std::thread::sleep(std::time::Duration::from_millis(200));
        };
        let log = std::fs::read_to_string(p.with_extension("log")).unwrap_or_default();
        assert!(
            status.success(),
            "OmegaT on {}: {status}\n{log}",
            p.display()
        );
    }
}

/// (total, remaining) segments from OmegaT's `omegat/project_stats.txt`.
fn omegat_stats(project: &Path) -> (usize, usize) {
    let path = project.join("omegat/project_stats.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let count = |label: &str| -> usize {
        let line = text
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label} line in {}:\n{text}", path.display()));
        line.split('\t').nth(1).unwrap().trim().parse().unwrap()
    };
    (count("Total:"), count("Remaining:"))
}

/// The units' sources of an export's reference copy, in order.
fn reference_sources(reference: &Path) -> Vec<String> {
    std::fs::read_to_string(reference)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["source"].as_str().unwrap().to_string()
        })
        .collect()
}

/// A translator's deterministic translation of `source` into `lang`, in
/// the language's script, with markup characters that must survive.
/// Its numbers are the source's, as a translator keeps them (merge checks
/// numbers as values).
fn translation(source: &str, lang: &str) -> String {
    let numbers: Vec<&str> = source
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    let numbers = numbers.join(" ");
    match lang {
        "fa" => format!("«ترجمه‌ی این جمله» {numbers} A&B <تگ>"),
        _ => format!("«Перевод этого предложения» {numbers} A&B <тег>"),
    }
}

/// A TMX 1.4b memory translating every one of `sources` into `langs`.
fn memory(sources: &[String], langs: &[&str]) -> String {
    let mut tmx = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"test\" \
         creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"none\" adminlang=\"en\" srclang=\"en\" \
         datatype=\"plaintext\"/><body>\n",
    );
    for s in sources {
        for lang in langs {
            tmx += &format!(
                "<tu><tuv xml:lang=\"en\"><seg>{}</seg></tuv><tuv xml:lang=\"{lang}\"><seg>{}</seg></tuv></tu>\n",
                super::common::xml_escape(s),
                super::common::xml_escape(&translation(s, lang))
            );
        }
    }
    tmx + "</body></tmx>\n"
}

fn brief_ok(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = super::common::brief_in(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "brief {args:?}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn omegat_projects_of_one_brief_translate_every_segment_and_merge() {
    let jar = match omegat() {
        Ok(jar) => jar,
        Err(why) => {
            crate::common::skip("omegat project test", &why);
            return;
        }
    };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let seeds: Vec<String> = ["en-iran-russia-phone-call.txt", "en-putin-assad-aleppo.txt"]
        .iter()
        .map(|s| repo.join("seeds").join(s).display().to_string())
        .collect();
    // What the brief is: its sources, from a first export.
    let mut args = vec![
        "export",
        "--to",
        "fa",
        "--format",
        "jsonl",
        "--out-dir",
        "probe",
    ];
    args.extend(seeds.iter().map(String::as_str));
    brief_ok(dir, &args);
    let sources = reference_sources(&dir.join("probe/brief.reference.jsonl"));
    assert!(sources.len() >= 3);
    // The memory knows every sentence but the last.
    std::fs::write(
        dir.join("desk.tmx"),
        memory(&sources[..sources.len() - 1], &["fa", "ru"]),
    )
    .unwrap();
    let mut args = vec![
        "export",
        "--to",
        "fa,ru",
        "--format",
        "omegat",
        "--tm",
        "desk.tmx",
        "--out-dir",
        "out",
    ];
    args.extend(seeds.iter().map(String::as_str));
    let exported = brief_ok(dir, &args);
    // Export says what the memory gave (issue 22: it said nothing).
    let said = String::from_utf8_lossy(&exported.stderr);
    let want = format!(
        "memory matches: {} exact, 0 fuzzy, 2 without a match",
        2 * (sources.len() - 1)
    );
    assert!(said.contains(&want), "{want:?} not in {said}");
    let projects = [
        dir.join("out/brief.fa.omegat"),
        dir.join("out/brief.ru.omegat"),
    ];
    omegat_translate(&jar, &projects, &dir.join("omegat-config"));
    for p in &projects {
        // Every unit is a segment, the memory's matches are translations
        // (not segments), and only the sentence it lacks remains.
        assert_eq!(omegat_stats(p), (sources.len(), 1), "{}", p.display());
    }
    let out = super::common::brief_in(dir)
        .args(["merge", "out/brief.fa.omegat", "out/brief.ru.omegat"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let last = format!("s{}", sources.len());
    for lang in ["fa", "ru"] {
        assert!(
            stderr.contains(&format!("{last} [{lang}]: untranslated")),
            "{stderr}"
        );
    }
    // The translator translates the last sentence (a memory in tm/auto, as
    // OmegaT's own project memory would hold it) and creates the documents again.
    // One language per memory in tm/auto: OmegaT 3.6 inserts a Russian
    // variant into a Persian project when the memory has both (merge then
    // reports it as the wrong language).
    for (p, lang) in projects.iter().zip(["fa", "ru"]) {
        let tmx = memory(&sources[sources.len() - 1..], &[lang]);
        std::fs::write(p.join("tm/auto/translator.tmx"), tmx).unwrap();
    }
    omegat_translate(&jar, &projects, &dir.join("omegat-config"));
    for p in &projects {
        assert_eq!(omegat_stats(p), (sources.len(), 0), "{}", p.display());
    }
    let out = brief_ok(
        dir,
        &[
            "merge",
            "--format",
            "json",
            "out/brief.fa.omegat",
            "out/brief.ru.omegat",
        ],
    );
    let merged: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let translations = merged["translations"].as_array().unwrap();
    assert_eq!(translations.len(), 2);
    for t in translations {
        let lang = t["lang"].as_str().unwrap();
        let got: Vec<&str> = t["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["target"].as_str().unwrap())
            .collect();
        let want: Vec<String> = sources.iter().map(|s| translation(s, lang)).collect();
        assert_eq!(got, want, "{lang}");
    }
}

#[test]
fn omegat_projects_of_a_200_item_batch_translate_every_segment_and_merge() {
    let jar = match omegat() {
        Ok(jar) => jar,
        Err(why) => {
            crate::common::skip("omegat batch project test", &why);
            return;
        }
    };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let articles: Vec<String> = ["en-iran-russia-phone-call.txt", "en-putin-assad-aleppo.txt"]
        .iter()
        .map(|s| std::fs::read_to_string(repo.join("seeds").join(s)).unwrap())
        .collect();
    let mut batch = String::new();
    for i in 0..200 {
        let text = format!(
            "Desk item {i} was filed on day {} of the month. {}",
            i % 28 + 1,
            articles[i % 2]
        );
        batch += &serde_json::json!({"id": format!("a{i}"), "text": text}).to_string();
        batch.push('\n');
    }
    std::fs::write(dir.join("batch.jsonl"), batch).unwrap();
    brief_ok(
        dir,
        &[
            "export",
            "--input",
            "jsonl",
            "--to",
            "fa",
            "--format",
            "jsonl",
            "--out-dir",
            "probe",
            "batch.jsonl",
        ],
    );
    let sources = reference_sources(&dir.join("probe/en/brief.reference.jsonl"));
    let mut unique = sources.clone();
    unique.sort();
    unique.dedup();
    std::fs::write(dir.join("desk.tmx"), memory(&unique, &["fa", "ru"])).unwrap();
    brief_ok(
        dir,
        &[
            "export",
            "--input",
            "jsonl",
            "--to",
            "fa,ru",
            "--format",
            "omegat",
            "--tm",
            "desk.tmx",
            "--out-dir",
            "desk",
            "batch.jsonl",
        ],
    );
    let projects = [
        dir.join("desk/en/brief.fa.omegat"),
        dir.join("desk/en/brief.ru.omegat"),
    ];
    omegat_translate(&jar, &projects, &dir.join("omegat-config"));
    for p in &projects {
        assert_eq!(omegat_stats(p), (sources.len(), 0), "{}", p.display());
    }
    let out = brief_ok(
        dir,
        &[
            "merge",
            "--format",
            "jsonl",
            "desk/en/brief.fa.omegat",
            "desk/en/brief.ru.omegat",
        ],
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 400, "one line per item and language");
    assert_eq!(lines[0]["id"], "a0");
    assert_eq!(lines[399]["id"], "a199");
}
