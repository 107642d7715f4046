//! The review page (`brief check --format html`, `brief merge --format
//! html`) on Persian and Russian files with findings and hostile targets:
//! valid HTML5 (`tidy`), every finding's unit on the page, Persian targets
//! right to left, nothing from a target as markup, and a non-blank
//! rendering without console messages in headless Chromium
//! (`scripts/clients/render_review.py`). `tidy` and Chromium are skipped
//! with a SKIP line when absent; CI installs both.

use std::path::{Path, PathBuf};
use std::process::Command;

use brief::Format;
use scraper::{Html, Selector};

use super::common::{brief_in, fill};

/// Targets a hostile or careless translator could deliver.
fn targets(lang: &str, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| match (lang, i % 3) {
            ("fa", 0) => "پوتین در سال ۲۰۱۵ گفت <script>alert(\"x\")</script> javascript:alert(1)"
                .to_string(),
            ("fa", 1) => {
                "مذاکرات </textarea><img src=x onerror=alert(1)> \u{202e}آغاز شد.".to_string()
            }
            // Not Persian at all: an error whatever the source says.
            ("fa", _) => "This became possible.".to_string(),
            (_, 0) => "Путин сказал в 2015 году <!-- ' \" & </style>".to_string(),
            (_, 1) => "Переговоры начались.".to_string(),
            _ => "This became possible.".to_string(),
        })
        .collect()
}

/// Exports a brief as TSV for fa and ru into `dir/out` and fills it.
fn translated_files(dir: &Path) -> Vec<PathBuf> {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/en-putin-assad-aleppo.txt");
    let out = brief_in(dir)
        .args([
            "export",
            "--to",
            "fa,ru",
            "--format",
            "tsv",
            "--out-dir",
            "out",
        ])
        .arg(seed)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    ["fa", "ru"]
        .iter()
        .map(|lang| {
            let path = dir.join(format!("out/brief.{lang}.tsv"));
            let text = std::fs::read_to_string(&path).unwrap();
            let rows = text.lines().count() - 1;
            std::fs::write(&path, fill(Format::Tsv, &text, &targets(lang, rows))).unwrap();
            PathBuf::from(format!("out/brief.{lang}.tsv"))
        })
        .collect()
}

/// Runs `tidy -errors -q` on `page`: it must report no error. Skips
/// (returns false) when tidy is not installed.
fn tidy_accepts(page: &Path) -> bool {
    let Ok(run) = Command::new("tidy")
        .arg("-errors")
        .arg("-q")
        .arg(page)
        .output()
    else {
        crate::common::skip(
            "review page",
            "tidy not installed (apt-get install tidy); HTML5 validity not checked",
        );
        return false;
    };
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success() && stderr.trim().is_empty(),
        "tidy finds errors in {}: {}\n{stderr}",
        page.display(),
        run.status
    );
    true
}

/// Renders `page` in headless Chromium; `Some(output)` when it ran.
fn render(page: &Path, shot: &Path, expect_console: bool) -> Option<String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/clients/render_review.py");
    let mut cmd = Command::new("python3");
    cmd.arg(script).arg(page).arg(shot);
    if expect_console {
        cmd.arg("--expect-console");
    }
    let run = cmd
        .output()
        .expect("run python3 scripts/clients/render_review.py");
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    if run.status.code() == Some(77) {
        crate::common::skip("review page in Chromium", stdout.trim());
        return None;
    }
    assert!(
        run.status.success(),
        "render_review.py {} (expect console: {expect_console}): {}\n{stdout}\n{}",
        page.display(),
        run.status,
        String::from_utf8_lossy(&run.stderr)
    );
    Some(stdout)
}

#[test]
fn check_review_page_shows_every_finding_escaped_in_its_direction() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let files = translated_files(dir);
    let jsonl = brief_in(dir)
        .args(["check", "--format", "jsonl"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(jsonl.status.code(), Some(1), "the fills have errors");
    let findings: Vec<serde_json::Value> = String::from_utf8(jsonl.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(findings.len() >= 3);
    let html = brief_in(dir)
        .args(["check", "--format", "html"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(html.status.code(), Some(1));
    let page = String::from_utf8(html.stdout).unwrap();
    let path = dir.join("review.html");
    std::fs::write(&path, &page).unwrap();
    tidy_accepts(&path);

    let doc = Html::parse_document(&page);
    let sel = |css: &str| Selector::parse(css).unwrap();
    // Every finding: its unit (by file section and id) and its kind.
    for f in &findings {
        let file = f["file"].as_str().unwrap();
        let id = f["id"].as_str().unwrap();
        let section = doc
            .select(&sel("section.file"))
            .find(|s| {
                s.select(&sel("h2"))
                    .any(|h| h.text().collect::<String>().starts_with(file))
            })
            .unwrap_or_else(|| panic!("no section for {file}"));
        let unit = section
            .select(&sel("div.unit"))
            .find(|u| {
                u.select(&sel("p.id"))
                    .any(|p| p.text().collect::<String>() == id)
            })
            .unwrap_or_else(|| panic!("{file}: unit {id} not on the page"));
        let kinds: Vec<String> = unit
            .select(&sel("li .kind"))
            .map(|k| k.text().collect())
            .collect();
        assert!(
            kinds.contains(&f["check"].as_str().unwrap().to_string()),
            "{f}"
        );
    }
    let counted: usize = doc
        .select(&sel("table.counts tbody td"))
        .map(|td| td.text().collect::<String>().parse::<usize>().unwrap())
        .sum();
    assert_eq!(counted, findings.len(), "the counts at the top add up");
    // Persian targets right to left, Russian left to right.
    let fa: Vec<_> = doc.select(&sel("p.target[lang=fa]")).collect();
    assert!(!fa.is_empty());
    assert!(fa.iter().all(|p| p.value().attr("dir") == Some("rtl")));
    assert!(
        doc.select(&sel("p.target[lang=ru]"))
            .all(|p| p.value().attr("dir") == Some("ltr"))
    );
    // Nothing from a target became markup; the text is there to read.
    assert_eq!(doc.select(&sel("script, img, textarea, a")).count(), 0);
    assert!(
        !page.contains('\u{202e}'),
        "a bidi override reached the page raw"
    );
    let fa_text: String = fa[0].text().collect();
    assert!(
        fa_text.contains("<script>alert(\"x\")</script>"),
        "{fa_text}"
    );

    // The browser: the page draws and logs nothing; the same check sees a
    // page that does log (so it cannot pass by seeing nothing).
    if let Some(out) = render(&path, &dir.join("review.png"), false) {
        println!("{out}");
        let bad = dir.join("bad.html");
        std::fs::write(
            &bad,
            page.replacen("<h1>", "<script>console.error('x')</script><h1>", 1),
        )
        .unwrap();
        render(&bad, &dir.join("bad.png"), true);
    }
}

#[test]
fn merge_review_page_names_merge_problems_and_is_valid() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let files = translated_files(dir);
    // One Persian target is deleted: merge's own problem on the page.
    let fa = dir.join(&files[0]);
    let text = std::fs::read_to_string(&fa).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let col = lines[0].split('\t').position(|c| c == "target").unwrap();
    let mut row: Vec<String> = lines[1].split('\t').map(str::to_string).collect();
    row[col].clear();
    lines[1] = row.join("\t");
    std::fs::write(&fa, lines.join("\n") + "\n").unwrap();
    let out = brief_in(dir)
        .args(["merge", "--format", "html"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = String::from_utf8(out.stdout).unwrap();
    let path = dir.join("merge.html");
    std::fs::write(&path, &page).unwrap();
    tidy_accepts(&path);
    let doc = Html::parse_document(&page);
    let sel = Selector::parse("div.unit.has-error li.error .kind").unwrap();
    let kinds: Vec<String> = doc.select(&sel).map(|k| k.text().collect()).collect();
    assert!(kinds.iter().any(|k| k == "empty-target"), "{kinds:?}");
    // --out-dir: one page per language.
    let out = brief_in(dir)
        .args(["merge", "--format", "html", "--out-dir", "pages"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    for lang in ["fa", "ru"] {
        let page = std::fs::read_to_string(dir.join(format!("pages/brief.{lang}.html"))).unwrap();
        assert!(page.contains(&format!("lang=\"{lang}\"")));
    }
}
