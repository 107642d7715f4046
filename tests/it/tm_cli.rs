//! `brief export --tm` and `brief merge --update-tm`: exact matches become
//! translated targets, fuzzy ones candidates only; the memory grows without
//! doubling; every file stays valid.

use std::path::{Path, PathBuf};

use crate::common::brief_in as brief;

const ARTICLE: &str = "Tom met Jerry in Paris yesterday. The cat sat on the mat today. Nothing else happened here at all.";

/// A TMX memory as another tool writes it: one unit with a tuid, one without.
const MEMORY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header creationtool="other" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
<tu tuid="t1"><tuv xml:lang="en"><seg>Tom met Jerry in Paris yesterday.</seg></tuv><tuv xml:lang="fa"><seg>تام دیروز جری را در پاریس دید.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The cat sat on the mat yesterday.</seg></tuv><tuv xml:lang="fa"><seg>گربه دیروز روی حصیر نشست.</seg></tuv></tu>
</body></tmx>
"#;

const EXACT_FA: &str = "تام دیروز جری را در پاریس دید.";
const FUZZY_FA: &str = "گربه دیروز روی حصیر نشست.";

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("mem.tmx"), MEMORY).unwrap();
    dir
}

fn export(dir: &Path, extra: &[&str]) {
    let mut args = vec![
        "export",
        "--all",
        "--to",
        "fa",
        "--format",
        "xliff20,xliff12,tsv,jsonl,tmx",
        "--out-dir",
        "out",
    ];
    args.extend_from_slice(extra);
    args.push("a.txt");
    brief(dir).args(&args).assert().success();
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join("out").join(name)).unwrap()
}

/// The text of unit `id`'s element from `<unit id=...` to its end.
fn unit<'a>(xml: &'a str, open: &str, close: &str) -> &'a str {
    let start = xml
        .find(open)
        .unwrap_or_else(|| panic!("{open} not in {xml}"));
    let end = start + xml[start..].find(close).unwrap();
    &xml[start..end]
}

#[test]
fn exact_matches_are_translated_targets_and_fuzzy_ones_only_candidates() {
    let dir = setup();
    export(dir.path(), &["--tm", "mem.tmx"]);
    let x2 = read(dir.path(), "brief.fa.xliff20.xlf");
    assert!(x2.contains(r#"xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0""#));
    let s1 = unit(&x2, r#"<unit id="s1""#, "</unit>");
    assert!(s1.contains(&format!("<target>{EXACT_FA}</target>")), "{s1}");
    assert!(s1.contains(r#"state="translated""#), "{s1}");
    assert!(s1.contains("Target from translation memory: mem.tmx unit 1 (tuid t1)"));
    assert!(!s1.contains("mtc:match"), "{s1}");
    let s2 = unit(&x2, r#"<unit id="s2""#, "</unit>");
    assert!(
        s2.contains(
            r##"<mtc:match ref="#seg1" type="tm" matchQuality="85.0" origin="mem.tmx unit 2">"##
        ),
        "{s2}"
    );
    assert!(
        s2.contains(r#"<segment id="seg1" state="initial">"#),
        "{s2}"
    );
    assert!(s2.contains("<target></target>"), "{s2}");
    assert_eq!(s2.matches(FUZZY_FA).count(), 1, "{s2}");
    // No match: as without --tm.
    let s3 = unit(&x2, r#"<unit id="s3""#, "</unit>");
    assert!(s3.contains(r#"<segment state="initial">"#) && s3.contains("<target></target>"));
    assert!(!s3.contains("mtc:") && !s3.contains("memory"), "{s3}");

    let x12 = read(dir.path(), "brief.fa.xliff12.xlf");
    let t1 = unit(&x12, r#"<trans-unit id="s1""#, "</trans-unit>");
    assert!(t1.contains(&format!(
        r#"<target state="translated">{EXACT_FA}</target>"#
    )));
    assert!(
        t1.contains(r#"<note from="tm" annotates="target">"#),
        "{t1}"
    );
    let t2 = unit(&x12, r#"<trans-unit id="s2""#, "</trans-unit>");
    assert!(t2.contains(r#"<target state="new"></target>"#), "{t2}");
    assert!(
        t2.contains(r#"<alt-trans match-quality="85" origin="mem.tmx unit 2">"#),
        "{t2}"
    );
    assert!(!x12.contains(&format!(">{FUZZY_FA}</target>\n        <context")));

    // Tabular and TMX files: the exact match fills the target, nothing else.
    let tsv = read(dir.path(), "brief.fa.tsv");
    assert!(tsv.lines().nth(1).unwrap().contains(EXACT_FA));
    assert!(!tsv.contains(FUZZY_FA));
    let jsonl = read(dir.path(), "brief.fa.jsonl");
    assert!(jsonl.lines().next().unwrap().contains(EXACT_FA));
    assert!(!jsonl.contains(FUZZY_FA));
    let tmx = read(dir.path(), "brief.fa.tmx");
    assert!(tmx.contains(EXACT_FA) && !tmx.contains(FUZZY_FA));
    validate(dir.path());
}

#[test]
fn without_tm_the_files_are_byte_identical() {
    let plain = setup();
    export(plain.path(), &[]);
    let empty = setup();
    // A memory without any match changes nothing either.
    std::fs::write(
        empty.path().join("other.tmx"),
        MEMORY
            .replace("Tom met", "Ann saw")
            .replace("The cat", "A dog"),
    )
    .unwrap();
    export(empty.path(), &["--tm", "other.tmx"]);
    for name in [
        "brief.fa.xliff20.xlf",
        "brief.fa.xliff12.xlf",
        "brief.fa.tsv",
        "brief.fa.jsonl",
        "brief.fa.tmx",
    ] {
        assert_eq!(read(plain.path(), name), read(empty.path(), name), "{name}");
    }
}

#[test]
fn merge_accepts_memory_targets_that_differ_from_the_source() {
    let dir = setup();
    std::fs::write(
        dir.path().join("copy.tmx"),
        MEMORY.replace(EXACT_FA, "Tom met Jerry in Paris yesterday."),
    )
    .unwrap();
    export(dir.path(), &["--tm", "mem.tmx"]);
    let stderr = brief(dir.path())
        .args(["merge", "out/brief.fa.xliff20.xlf"])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(stderr).unwrap();
    assert!(!stderr.contains("s1 [fa]"), "{stderr}");
    assert!(stderr.contains("s2 [fa]: missing translation"), "{stderr}");
    // A memory "translation" equal to the source is still untranslated.
    let again = tempfile::tempdir().unwrap();
    std::fs::write(again.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::copy(dir.path().join("copy.tmx"), again.path().join("copy.tmx")).unwrap();
    export(again.path(), &["--tm", "copy.tmx"]);
    let stderr = brief(again.path())
        .args(["merge", "out/brief.fa.xliff12.xlf"])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(stderr).unwrap();
    assert!(stderr.contains("s1 [fa]: untranslated"), "{stderr}");
}

/// Fills every empty XLIFF 2.0 target with `prefix` + the unit id and marks
/// it translated, as a translator would.
fn translate(dir: &Path, prefix: &str) -> PathBuf {
    let x2 = read(dir, "brief.fa.xliff20.xlf");
    let mut out = String::new();
    let mut id = String::new();
    for line in x2.lines() {
        if let Some(rest) = line.trim().strip_prefix(r#"<unit id=""#) {
            id = rest.split('"').next().unwrap().to_string();
        }
        let line = line.replace(r#"state="initial""#, r#"state="translated""#);
        out.push_str(&line.replace(
            "<target></target>",
            &format!("<target>{prefix} {id}</target>"),
        ));
        out.push('\n');
    }
    let path = dir.join("out").join("done.xliff20.xlf");
    std::fs::write(&path, out).unwrap();
    path
}

fn update_tm(dir: &Path, date: &str) -> String {
    let out = brief(dir)
        .env("BRIEF_TM_DATE", date)
        .args(["merge", "--update-tm", "new.tmx", "out/done.xliff20.xlf"])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn update_tm_adds_then_updates_without_doubling() {
    let dir = setup();
    export(dir.path(), &["--tm", "mem.tmx"]);
    translate(dir.path(), "ترجمه");
    let first = update_tm(dir.path(), "1700000000");
    assert!(
        first.contains("new.tmx: translations: 3 added, 0 replaced, 0 unchanged, 0 skipped; units: 3 added, 0 updated"),
        "{first}"
    );
    let memory = std::fs::read_to_string(dir.path().join("new.tmx")).unwrap();
    assert_eq!(memory.matches("<tu ").count(), 3);
    assert!(memory.contains(EXACT_FA) && memory.contains("ترجمه s2"));
    assert!(memory.contains(r#"creationdate="20231114T221320Z""#));
    // The same merge again: nothing new, and the same bytes.
    let second = update_tm(dir.path(), "1700000000");
    assert!(
        second.contains(
            "translations: 0 added, 0 replaced, 3 unchanged, 0 skipped; units: 0 added, 0 updated"
        ),
        "{second}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("new.tmx")).unwrap(),
        memory
    );
    // A changed translation replaces the old one.
    translate(dir.path(), "دیگر");
    let third = update_tm(dir.path(), "1700000100");
    assert!(
        third.contains(
            "translations: 0 added, 2 replaced, 1 unchanged, 0 skipped; units: 0 added, 2 updated"
        ),
        "{third}"
    );
    let memory = std::fs::read_to_string(dir.path().join("new.tmx")).unwrap();
    assert_eq!(memory.matches("<tu ").count(), 3);
    assert!(memory.contains("دیگر s2") && !memory.contains("ترجمه s2"));
    // The memory feeds the next export.
    let next = tempfile::tempdir().unwrap();
    std::fs::write(next.path().join("a.txt"), ARTICLE).unwrap();
    std::fs::copy(dir.path().join("new.tmx"), next.path().join("new.tmx")).unwrap();
    export(next.path(), &["--tm", "new.tmx"]);
    let x2 = read(next.path(), "brief.fa.xliff20.xlf");
    assert!(x2.contains("<target>دیگر s3</target>"), "{x2}");
    if let Some(shared) = shared_schemas() {
        xmllint(
            dir.path(),
            &[
                "--dtdvalid",
                shared.join("tmx/tmx14.dtd").to_str().unwrap(),
                "new.tmx",
            ],
        );
    }
}

#[test]
fn update_tm_records_nothing_when_merge_finds_problems() {
    let dir = setup();
    export(dir.path(), &[]);
    brief(dir.path())
        .args([
            "merge",
            "--update-tm",
            "new.tmx",
            "out/brief.fa.xliff20.xlf",
        ])
        .assert()
        .code(1);
    assert!(!dir.path().join("new.tmx").exists());
    brief(dir.path())
        .env("BRIEF_TM_DATE", "soon")
        .args([
            "merge",
            "--allow-partial",
            "--update-tm",
            "new.tmx",
            "out/brief.fa.xliff20.xlf",
        ])
        .assert()
        .failure()
        .stderr(predicates::str::contains("BRIEF_TM_DATE"));
}

/// The schemas beside the project (see ../shared/README.md), if present.
pub(crate) fn shared_schemas() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/schemas");
    let found = dir.join("catalog-offline.xml").exists();
    let tool = std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok();
    if !found || !tool {
        crate::common::skip(
            "tmx schema validation",
            "xmllint or ../shared/schemas missing",
        );
        return None;
    }
    Some(dir.canonicalize().unwrap())
}

/// Runs xmllint offline in `dir` and fails the test unless it validates.
pub(crate) fn xmllint(dir: &Path, args: &[&str]) {
    let shared = shared_schemas().unwrap();
    let out = std::process::Command::new("xmllint")
        .current_dir(dir)
        .env("XML_CATALOG_FILES", shared.join("catalog-offline.xml"))
        .args(["--nonet", "--noout", "--nowarning"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "xmllint {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Validates the export's XLIFF files: XLIFF 2.0 against the core schema
/// and, since the core lets module elements through laxly, against a
/// driver schema that imports the core and the metadata, matches and
/// glossary modules; XLIFF 1.2 against the strict schema.
pub(crate) fn validate(dir: &Path) {
    let Some(shared) = shared_schemas() else {
        return;
    };
    let x20 = shared.join("xliff20");
    let driver = dir.join("xliff20-modules.xsd");
    let import = |ns: &str, file: &str| {
        format!(
            r#"  <xs:import namespace="urn:oasis:names:tc:xliff:{ns}" schemaLocation="{}"/>
"#,
            x20.join(file).display()
        )
    };
    std::fs::write(
        &driver,
        format!(
            "<?xml version=\"1.0\"?>\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n{}{}{}{}</xs:schema>\n",
            import("document:2.0", "xliff_core_2.0.xsd"),
            import("metadata:2.0", "modules/metadata.xsd"),
            import("matches:2.0", "modules/matches.xsd"),
            import("glossary:2.0", "modules/glossary.xsd"),
        ),
    )
    .unwrap();
    let out = dir.join("out");
    let core = x20.join("xliff_core_2.0.xsd");
    let strict = shared.join("xliff12/xliff-core-1.2-strict.xsd");
    xmllint(
        &out,
        &["--schema", core.to_str().unwrap(), "brief.fa.xliff20.xlf"],
    );
    xmllint(
        &out,
        &["--schema", driver.to_str().unwrap(), "brief.fa.xliff20.xlf"],
    );
    xmllint(
        &out,
        &["--schema", strict.to_str().unwrap(), "brief.fa.xliff12.xlf"],
    );
}

/// A desk memory from another tool: header props, notes and `<ude>`, inline
/// codes and highlights, variant props and notes, its own layout.
const DESK: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
<header creationtool="OtherCAT" creationtoolversion="9" segtype="sentence" o-tmf="OCAT" adminlang="en" srclang="en" datatype="html">
  <prop type="x-desk">Wire &amp; web</prop>
  <ude name="MacRoman" base="Macintosh"><map unicode="#xF8FF" code="#xF0" ent="Apple_logo" subst="[Apple]"/></ude>
</header>
<body>
 <tu tuid="k1" creationid="anna">
  <prop type="x-client">AP</prop>
  <tuv xml:lang="en"><seg>Press <bpt i="1" x="1">&lt;b&gt;</bpt>Enter<ept i="1">&lt;/b&gt;</ept> to go on.</seg></tuv>
  <tuv xml:lang="fa" creationid="reza"><prop type="x-reviewed">yes</prop><note>checked</note><seg>برای ادامه <bpt i="1" x="1">&lt;b&gt;</bpt>Enter<ept i="1">&lt;/b&gt;</ept> را بزنید.</seg></tuv>
 </tu>
 <tu tuid="k2"><tuv xml:lang="en"><seg>A <hi type="emph">big</hi> day<ph x="2">&lt;br/&gt;</ph> in <it pos="begin" x="3">&lt;i&gt;</it>Tehran.</seg></tuv><tuv xml:lang="ru"><seg>Большой день в Тегеране.</seg></tuv></tu>
 <tu tuid="k3"><tuv xml:lang="en"><seg>Tom met Jerry in Paris yesterday.</seg></tuv><tuv xml:lang="fa"><seg>تام دیروز جری را در پاریس دید.</seg></tuv></tu>
</body>
</tmx>
"##;

/// The `<tu>` elements of a memory, as written.
fn units_of(tmx: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = tmx;
    while let Some(start) = rest.find("<tu ") {
        let end = start + rest[start..].find("</tu>").unwrap() + "</tu>".len();
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

#[cfg(unix)]
#[test]
fn update_tm_keeps_another_tools_units_and_writes_through_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let dir = setup();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let real = shared.join("desk.tmx");
    std::fs::write(&real, DESK).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o664)).unwrap();
    std::os::unix::fs::symlink("shared/desk.tmx", dir.path().join("desk.tmx")).unwrap();
    export(dir.path(), &["--tm", "desk.tmx"]);
    translate(dir.path(), "ترجمه");
    let stderr = brief(dir.path())
        .env("BRIEF_TM_DATE", "1700000000")
        .args(["merge", "--update-tm", "desk.tmx", "out/done.xliff20.xlf"])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(stderr).unwrap();
    // s1 is k3's source (its exact target came from the memory): unchanged.
    assert!(
        stderr.contains("desk.tmx: translations: 2 added, 0 replaced, 1 unchanged, 0 skipped; units: 2 added, 0 updated"),
        "{stderr}"
    );
    let link = dir.path().join("desk.tmx");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    let after = std::fs::read_to_string(&real).unwrap();
    assert_eq!(real.metadata().unwrap().permissions().mode() & 0o777, 0o664);
    // Everything the merge did not add is as it was, byte for byte: the
    // prolog, the header with its props and <ude>, every unit, the end.
    let last = DESK.rfind("</tu>").unwrap() + "</tu>".len();
    assert!(after.starts_with(&DESK[..last]), "{after}");
    assert!(after.ends_with(&DESK[last..]), "{after}");
    let units = units_of(&after);
    assert_eq!(units.len(), 5);
    assert_eq!(units[..3], units_of(DESK)[..]);
    assert!(units[3].contains("ترجمه s2") && units[4].contains("ترجمه s3"));
    // No lock or temporary file is left beside the memory.
    let mut left: Vec<String> = std::fs::read_dir(&shared)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["desk.tmx"]);
}

#[test]
fn first_day_export_notes_the_missing_memory_and_merge_creates_it() {
    let dir = setup();
    let out = brief(dir.path())
        .args([
            "export",
            "--all",
            "--to",
            "fa",
            "--format",
            "xliff20",
            "--out-dir",
            "out",
            "--tm",
            "desk.tmx",
            "a.txt",
        ])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    assert!(
        stderr.contains("desk.tmx: no translation memory there yet"),
        "{stderr}"
    );
    assert!(
        stderr.contains("memory matches: 0 exact, 0 fuzzy, 3 without a match"),
        "{stderr}"
    );
    // A batch on the first day too.
    let item = serde_json::json!({"id": "a", "text": ARTICLE}).to_string();
    std::fs::write(dir.path().join("batch.jsonl"), item + "\n").unwrap();
    brief(dir.path())
        .args([
            "export",
            "--input",
            "jsonl",
            "--to",
            "fa",
            "--format",
            "tsv",
            "--out-dir",
            "batch",
            "--tm",
            "desk.tmx",
            "batch.jsonl",
        ])
        .assert()
        .success()
        .stderr(predicates::str::contains("no translation memory there yet"));
    translate(dir.path(), "ترجمه");
    let stderr = brief(dir.path())
        .env("BRIEF_TM_DATE", "1700000000")
        .args(["merge", "--update-tm", "desk.tmx", "out/done.xliff20.xlf"])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(stderr).unwrap();
    assert!(
        stderr.contains("desk.tmx: translations: 3 added, 0 replaced, 0 unchanged, 0 skipped; units: 3 added, 0 updated"),
        "{stderr}"
    );
    // The next export finds all three.
    let out = brief(dir.path())
        .args([
            "export",
            "--all",
            "--to",
            "fa",
            "--format",
            "xliff20",
            "--out-dir",
            "out2",
            "--tm",
            "desk.tmx",
            "a.txt",
        ])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    assert!(
        stderr.contains("memory matches: 3 exact, 0 fuzzy, 0 without a match"),
        "{stderr}"
    );
}

#[test]
fn a_failed_output_leaves_the_memory_as_it_was() {
    let dir = setup();
    export(dir.path(), &["--tm", "mem.tmx"]);
    translate(dir.path(), "ترجمه");
    // The merge's own output exists already and --force is not given: the
    // run fails, and neither the outputs nor the memory are written.
    std::fs::create_dir(dir.path().join("final")).unwrap();
    std::fs::write(dir.path().join("final").join("brief.fa.txt"), "old").unwrap();
    brief(dir.path())
        .args([
            "merge",
            "--update-tm",
            "mem.tmx",
            "--out-dir",
            "final",
            "out/done.xliff20.xlf",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mem.tmx")).unwrap(),
        MEMORY
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("final").join("brief.fa.txt")).unwrap(),
        "old"
    );
}

/// Two merges updating one memory at the same time, ten rounds: each round
/// both add three new units; every unit of every round must be there.
#[test]
fn concurrent_updates_lose_no_unit() {
    const ROUNDS: usize = 10;
    let root = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("brief");
    let memory = root.path().join("desk.tmx");
    let mut expected = Vec::new();
    // Words, not digits: the fake translation keeps no number.
    const ROUND_NAMES: [&str; ROUNDS] = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
    ];
    for (round, round_name) in ROUND_NAMES.iter().enumerate() {
        let mut jobs = Vec::new();
        for side in ["north", "south"] {
            let dir = root.path().join(format!("{side}{round}"));
            std::fs::create_dir(&dir).unwrap();
            let sentences: Vec<String> = ["kilo", "lima", "mike"]
                .iter()
                .map(|i| format!("The {side} desk filed report {i} in round {round_name} today."))
                .collect();
            expected.extend(sentences.iter().cloned());
            std::fs::write(dir.join("a.txt"), sentences.join(" ")).unwrap();
            brief(&dir)
                .args([
                    "export",
                    "--all",
                    "--lang",
                    "en",
                    "--to",
                    "fa",
                    "--format",
                    "xliff20",
                    "--out-dir",
                    "out",
                    "a.txt",
                ])
                .assert()
                .success();
            translate(&dir, "ترجمه");
            jobs.push(dir);
        }
        let children: Vec<std::process::Child> = jobs
            .iter()
            .map(|dir| {
                std::process::Command::new(&bin)
                    .current_dir(dir)
                    .env("XDG_CONFIG_HOME", dir.join("no-xdg"))
                    .env("BRIEF_LOCK_WAIT", "120")
                    .args(["merge", "--update-tm"])
                    .arg(&memory)
                    .arg("out/done.xliff20.xlf")
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "round {round}: {stderr}");
            assert!(
                stderr.contains("units: 3 added, 0 updated"),
                "round {round}: {stderr}"
            );
        }
    }
    let text = std::fs::read_to_string(&memory).unwrap();
    assert_eq!(units_of(&text).len(), 2 * 3 * ROUNDS);
    for sentence in &expected {
        assert_eq!(
            text.matches(&format!("<seg>{sentence}</seg>")).count(),
            1,
            "{sentence}"
        );
    }
}

/// Issue 25: a batch export with `--tm` prefills the exact matches of every
/// item, not only of the first or of one cluster.
#[test]
fn batch_export_prefills_exact_matches_in_every_item() {
    let dir = tempfile::tempdir().unwrap();
    // Three items, each with one sentence the memory holds and two it does
    // not; no sentence is near another (no fuzzy candidates).
    let known: Vec<(String, String)> = [
        (
            "The council approved plan 1 on Monday.",
            "شورا طرح 1 را روز دوشنبه تصویب کرد.",
        ),
        (
            "Two ships left the harbour at dawn.",
            "دو کشتی سپیده‌دم بندر را ترک کردند.",
        ),
        (
            "Our reporter spoke to the minister.",
            "خبرنگار ما با وزیر گفت‌وگو کرد.",
        ),
    ]
    .iter()
    .map(|(en, fa)| (en.to_string(), fa.to_string()))
    .collect();
    let units: String = known
        .iter()
        .map(|(en, fa)| {
            format!(
                "<tu><tuv xml:lang=\"en\"><seg>{en}</seg></tuv>\
                 <tuv xml:lang=\"fa\"><seg>{fa}</seg></tuv></tu>\n"
            )
        })
        .collect();
    let memory = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header \
         creationtool=\"other\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" \
         adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n<body>\n{units}</body></tmx>\n"
    );
    std::fs::write(dir.path().join("mem.tmx"), memory).unwrap();
    let others = [
        "Rain fell across the region. Schools stayed open all week.",
        "Markets were calm at the open. Traders waited for the report.",
        "The team won its third game. Fans cheered in the square.",
    ];
    let text: String = known
        .iter()
        .zip(others)
        .enumerate()
        .map(|(i, ((en, _), rest))| {
            serde_json::json!({"id": format!("k{i}"), "text": format!("{en} {rest}")}).to_string()
                + "\n"
        })
        .collect();
    std::fs::write(dir.path().join("batch.jsonl"), text).unwrap();
    let out = brief(dir.path())
        .args([
            "export", "--input", "jsonl", "--to", "fa", "--format", "xliff20",
        ])
        .args(["--sentences", "3", "--tm", "mem.tmx", "--out-dir", "batch"])
        .arg("batch.jsonl")
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    assert!(stderr.contains("3 exact, 0 fuzzy"), "{stderr}");
    let xliff = std::fs::read_to_string(dir.path().join("batch/en/brief.fa.xliff20.xlf")).unwrap();
    for (en, fa) in &known {
        let at = xliff
            .find(&format!("<source>{en}</source>"))
            .unwrap_or_else(|| panic!("{en:?} not in {xliff}"));
        let segment_start = xliff[..at].rfind("<segment").unwrap();
        let segment = &xliff[segment_start..at + xliff[at..].find("</segment>").unwrap()];
        assert!(
            segment.contains(&format!("<target>{fa}</target>")),
            "{segment}"
        );
        assert!(segment.contains("state=\"translated\""), "{segment}");
    }
    assert_eq!(xliff.matches("state=\"translated\"").count(), 3, "{xliff}");
}
