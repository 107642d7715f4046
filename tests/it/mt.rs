//! `brief translate` against the fake engines of `mt_server`: every format
//! filled and marked, both APIs spoken as documented, every misbehaviour
//! ending in a retry that succeeds or exit 2 with nothing written, the key
//! in no output.

use std::path::{Path, PathBuf};

use brief::LanguageTag;
use brief::mt::{ApiKey, Engine, MtSettings, Translator};

use crate::common::brief_in;
use crate::mt_server::{Behaviour, FakeServer};

pub(crate) const ARTICLE: &str = "The council approved a budget of 5 million dollars on Monday. \
The plan adds 25 buses to the city fleet, officials said. \
Details are at https://example.org/plan and questions go to press@example.org. \
The mayor, @citymayor on social media, called it a good start. \
The council approved a budget of 5 million dollars on Monday.\n";

/// Short timeouts and waits, so misbehaving servers fail fast (yet long
/// enough for a loaded machine to answer).
pub(crate) const FAST: &str = "[mt]\nconnect_timeout = 3.0\nread_timeout = 3.0\nrequest_timeout = 4.0\n\
retries = 2\nretry_delay = 0.01\nmax_retry_wait = 2.0\nmax_response_bytes = 65536\n";

/// Short waits between retries but generous timeouts, so that an honest
/// server on a loaded machine is never taken for a silent one.
pub(crate) const PATIENT: &str = "[mt]\nconnect_timeout = 30.0\nread_timeout = 60.0\nrequest_timeout = 120.0\n\
retries = 2\nretry_delay = 0.01\nmax_retry_wait = 2.0\n";

pub(crate) struct Desk {
    pub(crate) dir: tempfile::TempDir,
}

impl Desk {
    /// An export of ARTICLE (every sentence) in `formats` to fa and ru.
    pub(crate) fn new(formats: &str) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
        std::fs::write(dir.path().join("brief.toml"), PATIENT).unwrap();
        brief_in(dir.path())
            .args([
                "export", "--all", "--lang", "en", "--to", "fa,ru", "--format", formats,
            ])
            .args(["--out-dir", "out", "a.txt"])
            .assert()
            .success();
        Desk { dir }
    }

    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub(crate) fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    /// `brief translate --engine libretranslate --url URL ARGS…` with no
    /// key in the environment (a key-less LibreTranslate, as most are).
    pub(crate) fn libretranslate_without_key(
        &self,
        url: &str,
        args: &[&str],
    ) -> assert_cmd::Command {
        let mut cmd = brief_in(self.dir.path());
        cmd.args(["translate", "--engine", "libretranslate", "--url", url])
            .args(args)
            .env_remove("LIBRETRANSLATE_API_KEY")
            .env_remove("DEEPL_AUTH_KEY");
        cmd
    }

    pub(crate) fn translate(
        &self,
        engine: &str,
        url: &str,
        files: &[&str],
    ) -> assert_cmd::assert::Assert {
        let mut cmd = brief_in(self.dir.path());
        cmd.args([
            "translate",
            "--engine",
            engine,
            "--url",
            url,
            "--out-dir",
            "mt",
        ])
        .args(files)
        .env_remove("DEEPL_AUTH_KEY")
        .env_remove("LIBRETRANSLATE_API_KEY");
        // Both engines get the key, so that every test can look for it.
        cmd.env("DEEPL_AUTH_KEY", KEY)
            .env("LIBRETRANSLATE_API_KEY", KEY);
        cmd.assert()
    }

    pub(crate) fn written(&self) -> Vec<String> {
        match std::fs::read_dir(self.path("mt")) {
            Ok(d) => d
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect(),
            Err(_) => vec![],
        }
    }
}

const KEY: &str = "sekret-7f3a-key:fx";

pub(crate) fn stdout_and_stderr(a: &assert_cmd::assert::Assert) -> String {
    let o = a.get_output();
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

pub(crate) fn targets(file: &Path) -> Vec<brief::Unit> {
    brief::merge::read_file(file).unwrap().remove(0).units
}

#[test]
fn libretranslate_fills_and_marks_every_format() {
    let desk = Desk::new("xliff20,xliff12,tsv,jsonl");
    let server = FakeServer::honest();
    let files = [
        "out/brief.fa.xliff20.xlf",
        "out/brief.ru.xliff12.xlf",
        "out/brief.fa.tsv",
        "out/brief.ru.jsonl",
    ];
    let a = desk.translate("libretranslate", &server.url, &files);
    let a = a.success();
    let out = stdout_and_stderr(&a);
    assert!(out.contains("libretranslate translated"), "{out}");
    for f in files {
        let name = Path::new(f).file_name().unwrap().to_str().unwrap();
        let units = targets(&desk.path(&format!("mt/{name}")));
        assert_eq!(units.len(), 5, "{name}");
        for u in &units {
            let t = u.target.as_deref().unwrap_or("");
            assert!(
                !t.trim().is_empty() && t != u.source,
                "{name} {}: {t:?}",
                u.id
            );
        }
        // The inputs are untouched.
        assert!(
            targets(&desk.path(f))
                .iter()
                .all(|u| u.target.as_deref().unwrap_or("").is_empty())
        );
    }
    let x2 = desk.read("mt/brief.fa.xliff20.xlf");
    assert_eq!(
        x2.matches(r#"state="initial" subState="brief:mt-libretranslate""#)
            .count(),
        5,
        "{x2}"
    );
    let x12 = desk.read("mt/brief.ru.xliff12.xlf");
    assert_eq!(
        x12.matches(r#"state="needs-review-translation" state-qualifier="leveraged-mt""#)
            .count(),
        5
    );
    assert_eq!(
        x12.matches(r#"<alt-trans origin="brief-mt:libretranslate">"#)
            .count(),
        5
    );
    let tsv = desk.read("mt/brief.fa.tsv");
    assert!(tsv.lines().next().unwrap().ends_with("\torigin"));
    assert!(
        tsv.lines()
            .skip(1)
            .all(|l| l.ends_with("\tmt:libretranslate")),
        "{tsv}"
    );
    let jsonl = desk.read("mt/brief.ru.jsonl");
    assert!(
        jsonl
            .lines()
            .all(|l| l.contains(r#""origin":"mt:libretranslate""#))
    );
    // The API as documented: GET /languages, then POST /translate with q as
    // an array, HTML (the URL, address and handle go as placeholders),
    // language codes; the repeated sentence sent once.
    let seen = server.seen();
    assert!(
        seen.iter()
            .any(|s| s.method == "GET" && s.path == "/languages")
    );
    let posts: Vec<_> = seen.iter().filter(|s| s.method == "POST").collect();
    assert_eq!(posts.len(), 4, "one request per file");
    for p in &posts {
        assert_eq!(p.path, "/translate");
        let j = p.json();
        assert_eq!(j["format"], "html");
        assert_eq!(j["source"], "en");
        assert!(j["target"] == "fa" || j["target"] == "ru");
        assert_eq!(
            j["q"].as_array().unwrap().len(),
            4,
            "5 units, one repeated: {j}"
        );
        assert_eq!(
            j["api_key"], KEY,
            "LibreTranslate takes the key in the body"
        );
    }
}

#[test]
fn deepl_speaks_v2_with_the_key_in_the_header_and_nowhere_else() {
    let desk = Desk::new("xliff20,xliff12");
    let server = FakeServer::honest();
    let a = desk
        .translate(
            "deepl",
            &server.url,
            &["out/brief.ru.xliff20.xlf", "out/brief.fa.xliff12.xlf"],
        )
        .success();
    assert!(!stdout_and_stderr(&a).contains(KEY));
    let posts: Vec<_> = server
        .seen()
        .into_iter()
        .filter(|s| s.method == "POST")
        .collect();
    assert_eq!(posts.len(), 2);
    for p in &posts {
        assert_eq!(p.path, "/v2/translate");
        assert_eq!(
            p.header("authorization"),
            Some(format!("DeepL-Auth-Key {KEY}").as_str())
        );
        let j = p.json();
        assert_eq!(j["source_lang"], "EN");
        assert!(j["target_lang"] == "RU" || j["target_lang"] == "FA");
        assert!(j["text"].as_array().unwrap().len() <= 50);
        assert!(!p.body.contains(KEY), "the key goes in the header only");
    }
    let x2 = desk.read("mt/brief.ru.xliff20.xlf");
    assert!(x2.contains(r#"subState="brief:mt-deepl""#));
    // And the Translation Candidates module's own record of machine work.
    assert!(
        x2.contains(r##"<mtc:match ref="#seg1" type="mt" origin="brief-mt:deepl">"##),
        "{x2}"
    );
    for name in desk.written() {
        assert!(!desk.read(&format!("mt/{name}")).contains(KEY), "{name}");
    }
}

/// Each misbehaviour that cannot be retried away ends in exit 2, a message
/// naming the engine and the reason, and no file written.
#[test]
fn misbehaving_engines_fail_cleanly_with_nothing_written() {
    let cases: Vec<(Behaviour, &str)> = vec![
        (Behaviour::Forbidden, "refused the API key (HTTP 403)"),
        (Behaviour::Quota, "quota is used up (HTTP 456)"),
        (Behaviour::ServerError, "HTTP 500 after 3 attempt(s)"),
        (Behaviour::TooMany(0), "HTTP 429 after 3 attempt(s)"),
        (Behaviour::Silent, "timeout"),
        (Behaviour::Truncated, "after 3 attempt(s)"),
        (Behaviour::Oversized(200_000), "larger than 65536 bytes"),
        (
            Behaviour::WrongCount,
            "sent 4 text(s) and got 3 translation(s)",
        ),
        (Behaviour::WrongScript, "no Arabic-script letter"),
        (Behaviour::Html, "markup"),
        (Behaviour::NotJson, "not a translation list"),
        (Behaviour::DropTags, "lost the protected"),
    ];
    let desk = Desk::new("xliff20");
    std::fs::write(desk.path("brief.toml"), FAST).unwrap();
    for engine in ["libretranslate", "deepl"] {
        for (behaviour, reason) in &cases {
            let server = FakeServer::start(vec![], behaviour.clone());
            let a = desk
                .translate(
                    engine,
                    &server.url,
                    &["out/brief.fa.xliff20.xlf", "out/brief.ru.xliff20.xlf"],
                )
                .code(2);
            let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
            assert!(err.contains(&format!("{engine}: ")), "{behaviour:?}: {err}");
            assert!(err.contains(reason), "{engine} {behaviour:?}: {err}");
            assert!(!err.contains(KEY) && !err.contains("sekret"), "{err}");
            assert!(
                desk.written().is_empty(),
                "{behaviour:?}: {:?}",
                desk.written()
            );
        }
    }
}

#[test]
fn rate_limits_and_server_errors_are_retried_until_they_pass() {
    let desk = Desk::new("xliff20");
    let server = FakeServer::start(
        vec![Behaviour::TooMany(1), Behaviour::ServerError],
        Behaviour::Honest,
    );
    let started = std::time::Instant::now();
    desk.translate("libretranslate", &server.url, &["out/brief.fa.xliff20.xlf"])
        .success();
    assert_eq!(server.translations(), 3);
    // Retry-After: 1 was honoured (a lower bound; no upper bound is timed).
    assert!(started.elapsed() >= std::time::Duration::from_millis(900));
    assert_eq!(desk.written(), ["brief.fa.xliff20.xlf"]);
}

#[test]
fn a_number_the_engine_changed_is_reported() {
    let desk = Desk::new("jsonl");
    let server = FakeServer::start(vec![], Behaviour::ChangedNumbers);
    let a = desk
        .translate("libretranslate", &server.url, &["out/brief.ru.jsonl"])
        .code(1);
    let out = String::from_utf8_lossy(&a.get_output().stdout).into_owned();
    assert!(
        out.lines()
            .any(|l| l.contains("\tnumbers\terror\t") && l.contains('5')),
        "{out}"
    );
    // The work was done: the file is written, for a translator to fix.
    assert_eq!(desk.written(), ["brief.ru.jsonl"]);
}

#[test]
fn inputs_are_never_replaced_and_outputs_only_with_force() {
    let desk = Desk::new("tsv");
    let server = FakeServer::honest();
    let mut cmd = brief_in(desk.dir.path());
    cmd.args([
        "translate",
        "--engine",
        "libretranslate",
        "--url",
        &server.url,
    ])
    .args(["--out-dir", "out", "out/brief.fa.tsv"]);
    let err = String::from_utf8_lossy(&cmd.assert().code(2).get_output().stderr).into_owned();
    assert!(err.contains("would replace the input"), "{err}");
    desk.translate("libretranslate", &server.url, &["out/brief.fa.tsv"])
        .success();
    desk.translate("libretranslate", &server.url, &["out/brief.fa.tsv"])
        .code(2);
    let mut cmd = brief_in(desk.dir.path());
    cmd.args([
        "translate",
        "--engine",
        "libretranslate",
        "--url",
        &server.url,
        "--force",
    ])
    .args(["--out-dir", "mt", "out/brief.fa.tsv"]);
    cmd.assert().success();
}

#[test]
fn a_200_item_batch_is_filled_with_identical_sentences_sent_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut batch = String::new();
    for i in 0..200 {
        let text = format!(
            "Item {i} reports that the river rose overnight. Officials closed the bridge. Residents were told to stay home."
        );
        batch.push_str(
            &serde_json::json!({"id": format!("n{i}"), "text": text, "lang": "en"}).to_string(),
        );
        batch.push('\n');
    }
    std::fs::write(dir.path().join("batch.jsonl"), batch).unwrap();
    std::fs::write(dir.path().join("brief.toml"), PATIENT).unwrap();
    brief_in(dir.path())
        .args([
            "export",
            "--input",
            "jsonl",
            "--to",
            "fa",
            "--format",
            "xliff20,tsv",
        ])
        .args(["--sentences", "3", "--out-dir", "desk", "batch.jsonl"])
        .assert()
        .success();
    let server = FakeServer::honest();
    brief_in(dir.path())
        .args([
            "translate",
            "--engine",
            "libretranslate",
            "--url",
            &server.url,
        ])
        .args([
            "--out-dir",
            "mt",
            "desk/en/brief.fa.xliff20.xlf",
            "desk/en/brief.fa.tsv",
        ])
        .assert()
        .success();
    let mut distinct = std::collections::BTreeSet::new();
    for name in ["brief.fa.xliff20.xlf", "brief.fa.tsv"] {
        let units = targets(&dir.path().join("mt").join(name));
        // One or more sentences of each of the 200 items.
        assert!(units.len() >= 200, "{name}: {}", units.len());
        assert!(
            units
                .iter()
                .all(|u| u.target.as_deref().is_some_and(|t| !t.is_empty()))
        );
        distinct.extend(units.into_iter().map(|u| u.source));
    }
    // Each distinct sentence sent once per file (the shared ones once, not
    // 200 times), at most 50 per request.
    assert!(distinct.len() < 400, "{}", distinct.len());
    let posts: Vec<_> = server
        .seen()
        .into_iter()
        .filter(|s| s.method == "POST")
        .collect();
    let sent: usize = posts
        .iter()
        .map(|p| p.json()["q"].as_array().unwrap().len())
        .sum();
    assert_eq!(sent, 2 * distinct.len());
    assert!(
        posts
            .iter()
            .all(|p| p.json()["q"].as_array().unwrap().len() <= 50)
    );
}

#[test]
fn the_library_sends_identical_texts_once_and_keeps_order() {
    let server = FakeServer::honest();
    let settings = MtSettings {
        batch_size: 2,
        concurrency: 3,
        ..MtSettings::default()
    };
    let t = Translator::new(Engine::LibreTranslate, Some(&server.url), None, &settings).unwrap();
    let en: LanguageTag = "en".parse().unwrap();
    let ru: LanguageTag = "ru".parse().unwrap();
    let texts = ["one", "two", "one", " ", "three", "four", "two", "five"];
    let out = t.translate(&texts, &en, &ru).unwrap();
    assert_eq!(out.unique, 5);
    assert_eq!(out.requests, 3);
    assert_eq!(out.texts[0], out.texts[2]);
    assert_eq!(out.texts[3], " ");
    for (src, tr) in texts.iter().zip(&out.texts) {
        if !src.trim().is_empty() {
            assert_eq!(tr, &crate::mt_server::fake_translate(src, "ru"));
        }
    }
    let key = ApiKey::new("zzz-secret").unwrap();
    assert_eq!(format!("{key:?}"), "ApiKey(<redacted>)");
}

/// Merge reports unreviewed machine targets as their own kind (exit 1),
/// takes them with --accept-mt, and takes a target a translator confirmed
/// (the format's own way) as human work.
#[test]
fn merge_reports_machine_translation_until_accepted_or_confirmed() {
    let desk = Desk::new("xliff20,xliff12,tsv,jsonl,tmx");
    let server = FakeServer::honest();
    let names = [
        "brief.fa.xliff20.xlf",
        "brief.ru.xliff12.xlf",
        "brief.fa.tsv",
        "brief.ru.jsonl",
        "brief.fa.tmx",
    ];
    let inputs: Vec<String> = names.iter().map(|n| format!("out/{n}")).collect();
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    desk.translate("libretranslate", &server.url, &inputs)
        .success();
    let merge = |file: &str, accept: bool| {
        let mut cmd = brief_in(desk.dir.path());
        cmd.args(["merge", file]);
        if accept {
            cmd.arg("--accept-mt");
        }
        cmd.assert()
    };
    // A translator's confirmation, in each format's terms.
    let confirm = |name: &str, text: &str| -> String {
        match name {
            "brief.fa.xliff20.xlf" => text.replace(
                r#"state="initial" subState="brief:mt-libretranslate""#,
                r#"state="translated""#,
            ),
            "brief.ru.xliff12.xlf" => text.replace(
                r#"state="needs-review-translation" state-qualifier="leveraged-mt""#,
                r#"state="translated""#,
            ),
            "brief.fa.tsv" => text.replace("\tmt:libretranslate", "\t"),
            "brief.fa.tmx" => text.replace(
                r#"<prop type="x-brief-origin">mt:libretranslate</prop>"#,
                "",
            ),
            _ => text.replace(r#","origin":"mt:libretranslate""#, ""),
        }
    };
    for name in names {
        let file = format!("mt/{name}");
        let a = merge(&file, false).code(1);
        let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
        assert_eq!(
            err.matches("unreviewed machine translation").count(),
            5,
            "{name}: {err}"
        );
        let a = merge(&file, true).success();
        let brief_text = String::from_utf8_lossy(&a.get_output().stdout).into_owned();
        let first = targets(&desk.path(&file)).remove(0).target.unwrap();
        assert!(brief_text.contains(&first), "{name}: {brief_text}");
        let confirmed = confirm(name, &desk.read(&file));
        assert_ne!(confirmed, desk.read(&file), "{name}: the marks were found");
        std::fs::write(desk.path(&file), confirmed).unwrap();
        merge(&file, false).success();
    }
}

/// A translator who rewrites a machine target in a tool that keeps the
/// XLIFF 1.2 attributes (OmegaT) made it human work: the text differs from
/// brief's machine alt-trans.
#[test]
fn an_edited_xliff12_machine_target_is_human_work() {
    let desk = Desk::new("xliff12");
    let server = FakeServer::honest();
    desk.translate("libretranslate", &server.url, &["out/brief.fa.xliff12.xlf"])
        .success();
    let file = desk.read("mt/brief.fa.xliff12.xlf");
    let units = targets(&desk.path("mt/brief.fa.xliff12.xlf"));
    let mut edited = file.clone();
    for u in &units {
        let t = u.target.as_deref().unwrap();
        let marked = format!(r#"state-qualifier="leveraged-mt">{t}</target>"#);
        let human = format!(r#"state-qualifier="leveraged-mt">{t} ویرایش</target>"#);
        assert!(edited.contains(&marked));
        edited = edited.replacen(&marked, &human, 1);
    }
    // Edited but still marked for review: not confirmed, not published.
    std::fs::write(desk.path("mt/brief.fa.xliff12.xlf"), &edited).unwrap();
    brief_in(desk.dir.path())
        .args(["merge", "mt/brief.fa.xliff12.xlf"])
        .assert()
        .code(1);
    // The translator confirms: state="translated" makes it human work.
    let confirmed = edited.replace(
        r#"state="needs-review-translation""#,
        r#"state="translated""#,
    );
    std::fs::write(desk.path("mt/brief.fa.xliff12.xlf"), confirmed).unwrap();
    brief_in(desk.dir.path())
        .args(["merge", "mt/brief.fa.xliff12.xlf"])
        .assert()
        .success();
}

/// Unreviewed machine translation never enters a translation memory.
#[test]
fn accept_mt_refuses_to_update_a_memory() {
    let a = crate::common::brief()
        .args(["merge", "--accept-mt", "--update-tm", "m.tmx", "x.xlf"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(err.contains("--update-tm"), "{err}");
}

/// URLs, addresses and handles travel as placeholders the engine keeps
/// (LibreTranslate `format: "html"`, DeepL `tag_handling: "xml"`) and come
/// back verbatim; the rest of the text is escaped markup.
#[test]
fn protected_spans_travel_as_placeholders_and_come_back() {
    let desk = Desk::new("jsonl");
    for (engine, field, flag, value) in [
        ("libretranslate", "q", "format", "html"),
        ("deepl", "text", "tag_handling", "xml"),
    ] {
        let server = FakeServer::honest();
        desk.translate(engine, &server.url, &["out/brief.ru.jsonl"])
            .success();
        let posts: Vec<_> = server
            .seen()
            .into_iter()
            .filter(|s| s.method == "POST")
            .collect();
        assert_eq!(posts.len(), 1);
        let j = posts[0].json();
        assert_eq!(j[flag], value, "{j}");
        let sent = j[field].to_string();
        for span in [
            "https://example.org/plan",
            "press@example.org",
            "@citymayor",
        ] {
            assert!(!sent.contains(span), "{span} sent as text: {sent}");
        }
        assert!(sent.contains(r#"<x id=\"1\"/>"#), "{sent}");
        let units = targets(&desk.path("mt/brief.ru.jsonl"));
        let all: String = units.iter().filter_map(|u| u.target.clone()).collect();
        for span in [
            "https://example.org/plan",
            "press@example.org",
            "@citymayor",
        ] {
            assert_eq!(all.matches(span).count(), 1, "{span}: {all}");
        }
        assert!(!all.contains('<') && !all.contains("&amp;"), "{all}");
        std::fs::remove_dir_all(desk.path("mt")).unwrap();
    }
}

/// A translation that lost a placeholder is refused naming the unit, for
/// both engines, and nothing is written.
#[test]
fn a_lost_placeholder_names_the_unit() {
    let desk = Desk::new("xliff12");
    std::fs::write(desk.path("brief.toml"), FAST).unwrap();
    let source = targets(&desk.path("out/brief.fa.xliff12.xlf"));
    let with_url = source
        .iter()
        .find(|u| u.source.contains("https://example.org/plan"))
        .unwrap();
    for engine in ["libretranslate", "deepl"] {
        let server = FakeServer::start(vec![], Behaviour::DropTags);
        let a = desk
            .translate(engine, &server.url, &["out/brief.fa.xliff12.xlf"])
            .code(2);
        let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
        let expected = format!(
            "{engine}: unit {}: the engine lost the protected",
            with_url.id
        );
        assert!(err.contains(&expected), "{err}");
        assert!(desk.written().is_empty(), "{:?}", desk.written());
    }
}

/// Exact memory matches fill their units before the engine is asked: their
/// texts are not sent, the targets are the memory's (human work), and the
/// count is reported.
#[test]
fn memory_matches_are_used_before_the_engine() {
    let desk = Desk::new("xliff20");
    let first = "The council approved a budget of 5 million dollars on Monday.";
    let memory_ru = "Совет утвердил бюджет в 5 миллионов долларов в понедельник.";
    let tmx = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu><tuv xml:lang="en"><seg>{first}</seg></tuv><tuv xml:lang="ru"><seg>{memory_ru}</seg></tuv></tu></body></tmx>
"#
    );
    std::fs::write(desk.path("mem.tmx"), tmx).unwrap();
    let server = FakeServer::honest();
    let a = desk
        .libretranslate_without_key(
            &server.url,
            &[
                "--tm",
                "mem.tmx",
                "--out-dir",
                "mt",
                "out/brief.ru.xliff20.xlf",
            ],
        )
        .assert()
        .success();
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(
        err.contains("2 segment(s) from translation memory exact matches"),
        "{err}"
    );
    let posts: Vec<_> = server
        .seen()
        .into_iter()
        .filter(|s| s.method == "POST")
        .collect();
    assert_eq!(posts.len(), 1);
    let sent = posts[0].json()["q"].clone();
    assert_eq!(sent.as_array().unwrap().len(), 3, "{sent}");
    assert!(!sent.to_string().contains("council approved"), "{sent}");
    let units = targets(&desk.path("mt/brief.ru.xliff20.xlf"));
    for u in units.iter().filter(|u| u.source == first) {
        assert_eq!(u.target.as_deref(), Some(memory_ru));
        assert_ne!(
            u.state,
            brief::TargetState::Machine,
            "memory work is not machine work"
        );
    }
    assert!(units.iter().any(|u| u.state == brief::TargetState::Machine));
    // The memory's targets count as a translator's; only the machine ones
    // hold merge back until accepted.
    brief_in(desk.dir.path())
        .args(["merge", "--accept-mt", "mt/brief.ru.xliff20.xlf"])
        .assert()
        .success();
}

/// A target language the engine does not list is refused before any text
/// is sent, naming the engine.
#[test]
fn an_unsupported_target_is_refused_before_sending() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    brief_in(dir.path())
        .args([
            "export", "--all", "--lang", "en", "--to", "de", "--format", "tsv",
        ])
        .args(["--out-dir", "out", "a.txt"])
        .assert()
        .success();
    for (engine, languages) in [
        ("libretranslate", "/languages"),
        ("deepl", "/v2/languages?type=target"),
    ] {
        let server = FakeServer::honest();
        let a = brief_in(dir.path())
            .args(["translate", "--engine", engine, "--url", &server.url])
            .args(["--out-dir", "mt", "out/brief.de.tsv"])
            .env("DEEPL_AUTH_KEY", KEY)
            .env("LIBRETRANSLATE_API_KEY", KEY)
            .assert()
            .code(2);
        let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
        assert!(
            err.contains(&format!("{engine}: the engine does not translate en to de")),
            "{err}"
        );
        let seen = server.seen();
        assert!(
            seen.iter()
                .any(|s| s.method == "GET" && s.path == languages)
        );
        assert_eq!(server.translations(), 0, "no text sent");
        assert!(!dir.path().join("mt").exists());
    }
}

/// The marked files are valid XLIFF: 2.0 against the core and the modules'
/// schemas (the `mtc:match` of type `mt`), 1.2 against the strict schema.
#[test]
fn machine_marked_xliff_validates() {
    let desk = Desk::new("xliff20,xliff12");
    let server = FakeServer::honest();
    desk.translate(
        "libretranslate",
        &server.url,
        &["out/brief.fa.xliff20.xlf", "out/brief.fa.xliff12.xlf"],
    )
    .success();
    let check = tempfile::tempdir().unwrap();
    std::fs::create_dir(check.path().join("out")).unwrap();
    for name in ["brief.fa.xliff20.xlf", "brief.fa.xliff12.xlf"] {
        std::fs::copy(
            desk.path(&format!("mt/{name}")),
            check.path().join("out").join(name),
        )
        .unwrap();
    }
    crate::tm_cli::validate(check.path());
}

/// Machine output in a TMX file is marked on its target variants, valid
/// against the TMX 1.4 DTD; translating a translated file again keeps every
/// machine target marked (it is sent again, never passed off as a
/// translator's).
#[test]
fn tmx_machine_targets_are_marked_and_stay_marked() {
    let desk = Desk::new("tmx");
    let server = FakeServer::honest();
    desk.translate("libretranslate", &server.url, &["out/brief.ru.tmx"])
        .success();
    let tmx = desk.read("mt/brief.ru.tmx");
    assert_eq!(
        tmx.matches(r#"<prop type="x-brief-origin">mt:libretranslate</prop>"#)
            .count(),
        5,
        "{tmx}"
    );
    if let Some(shared) = crate::tm_cli::shared_schemas() {
        crate::tm_cli::xmllint(
            &desk.path("mt"),
            &[
                "--dtdvalid",
                shared.join("tmx/tmx14.dtd").to_str().unwrap(),
                "brief.ru.tmx",
            ],
        );
    }
    let mut cmd = brief_in(desk.dir.path());
    cmd.args(["translate", "--engine", "deepl", "--url", &server.url])
        .args(["--out-dir", "again", "mt/brief.ru.tmx"])
        .env("DEEPL_AUTH_KEY", KEY);
    cmd.assert().success();
    let again = desk.read("again/brief.ru.tmx");
    assert_eq!(
        again
            .matches(r#"<prop type="x-brief-origin">mt:deepl</prop>"#)
            .count(),
        5,
        "{again}"
    );
    let a = brief_in(desk.dir.path())
        .args(["merge", "again/brief.ru.tmx"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert_eq!(
        err.matches("unreviewed machine translation").count(),
        5,
        "{err}"
    );
}
