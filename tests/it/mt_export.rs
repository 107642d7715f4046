//! `brief export --mt` and `--glossary` on machine targets, against the
//! fake engines of `mt_server` (split from `mt.rs`, which shares its desk).

use crate::common::brief_in;
use crate::mt::{ARTICLE, Desk, FAST, targets};
use crate::mt_server::{Behaviour, FakeServer};

/// `brief export --mt` exports and translates in one step: the files are
/// written once, already filled and marked; an engine failure leaves no
/// file behind.
#[test]
fn export_with_mt_prefills_and_writes_nothing_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("brief.toml"), FAST).unwrap();
    let export = |url: &str, out: &str| {
        let mut cmd = brief_in(dir.path());
        cmd.args(["export", "--all", "--lang", "en", "--to", "fa,ru"])
            .args(["--format", "xliff20,tsv", "--out-dir", out, "a.txt"])
            .args(["--mt", "libretranslate", "--mt-url", url])
            .env_remove("LIBRETRANSLATE_API_KEY");
        cmd.assert()
    };
    let server = FakeServer::honest();
    let a = export(&server.url, "out").success();
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(
        err.contains("libretranslate translated 20 segment(s)"),
        "{err}"
    );
    assert_eq!(server.translations(), 4, "one request per file");
    for name in ["brief.fa.xliff20.xlf", "brief.ru.tsv"] {
        let units = targets(&dir.path().join("out").join(name));
        assert_eq!(units.len(), 5);
        assert!(
            units.iter().all(|u| u.state == brief::TargetState::Machine),
            "{name}"
        );
    }
    brief_in(dir.path())
        .args([
            "merge",
            "--accept-mt",
            "out/brief.fa.xliff20.xlf",
            "out/brief.ru.tsv",
        ])
        .assert()
        .success();
    let broken = FakeServer::start(vec![], Behaviour::Quota);
    let a = export(&broken.url, "out2").code(2);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(
        err.contains("libretranslate: the account's translation quota"),
        "{err}"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path().join("out2"))
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}

/// The Russian TSV of an export with a glossary for "budget" beside it.
fn glossary_desk() -> Desk {
    let desk = Desk::new("tsv");
    std::fs::write(
        desk.path("terms.csv"),
        "source,fa,ru\nbudget,بودجه,бюджет\n",
    )
    .unwrap();
    desk
}

/// `translate`'s arguments after the engine for the glossary desk.
const GLOSSARY_RUN: &[&str] = &[
    "--glossary",
    "terms.csv",
    "--out-dir",
    "mt",
    "out/brief.ru.tsv",
];

/// With `--glossary`, machine targets are checked for the glossary's terms
/// (a finding, exit 1, the file written for a translator to fix).
#[test]
fn glossary_terms_are_checked_on_machine_targets() {
    let desk = glossary_desk();
    let server = FakeServer::honest();
    let a = desk
        .libretranslate_without_key(&server.url, GLOSSARY_RUN)
        .assert()
        .code(1);
    let out = String::from_utf8_lossy(&a.get_output().stdout).into_owned();
    assert!(
        out.lines()
            .any(|l| l.contains("\tglossary\t") && l.contains("бюджет")),
        "{out}"
    );
    assert_eq!(desk.written(), ["brief.ru.tsv"]);
}

/// `[mt] glossary = false` leaves the terms to a later `brief check`: the
/// same translation as above writes its file with no glossary finding.
#[test]
fn the_glossary_check_can_be_left_to_brief_check() {
    let desk = glossary_desk();
    let config = desk.read("brief.toml") + "glossary = false\n";
    std::fs::write(desk.path("brief.toml"), config).unwrap();
    let server = FakeServer::honest();
    let a = desk
        .libretranslate_without_key(&server.url, GLOSSARY_RUN)
        .assert()
        .success();
    let out = String::from_utf8_lossy(&a.get_output().stdout).into_owned();
    assert!(!out.contains("\tglossary\t"), "{out}");
    assert_eq!(desk.written(), ["brief.ru.tsv"]);
}
