//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `brief` binary run in `dir`, kept away from the user's configuration:
/// no `$XDG_CONFIG_HOME/brief/config.toml`, no `~/.config`, and only a
/// `brief.toml` that the test itself puts in `dir`.
pub fn brief_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("brief").unwrap();
    cmd.current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("no-xdg"))
        .env_remove("HOME");
    cmd
}

/// `brief export FILE --to LANG --format tsv --out-dir out --sentences N`
/// run in `dir`: the TSV file it wrote.
pub fn export_tsv(dir: &Path, file: &str, to: &str, sentences: &str) -> String {
    succeed(brief_in(dir).args([
        "export",
        file,
        "--to",
        to,
        "--format",
        "tsv",
        "--out-dir",
        "out",
        "--sentences",
        sentences,
    ]));
    std::fs::read_to_string(dir.join(format!("out/brief.{to}.tsv"))).unwrap()
}

/// The source column of an exported TSV, one entry a unit.
pub fn tsv_sources(tsv: &str) -> Vec<&str> {
    tsv.lines()
        .skip(1)
        .map(|l| l.split('\t').nth(3).unwrap())
        .collect()
}

/// Runs `cmd` and returns its output; panics with its stderr when it fails.
pub fn succeed(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// [`brief_in`] an empty directory of the test build.
pub fn brief() -> Command {
    brief_in(&empty_dir())
}

fn empty_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("empty-cwd");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `s` escaped for XML character data (and `\r`, which a parser would
/// otherwise turn into `\n`).
pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\r', "&#13;")
}

/// `s` escaped for a TSV field, as brief writes them.
pub fn tsv_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

/// Fills every empty target of an exported file, in unit order, with
/// `targets`, as a translator's tool would (and marks each unit translated).
/// Panics unless the file has exactly one empty target per entry.
pub fn fill<T: AsRef<str>>(format: brief::Format, file: &str, targets: &[T]) -> String {
    use brief::Format;
    match format {
        Format::Tsv => {
            let mut lines = file.lines();
            let header = lines.next().unwrap();
            let col = header.split('\t').position(|c| c == "target").unwrap();
            let mut out = header.to_string() + "\n";
            let mut filled = 0;
            for (line, t) in lines.zip(targets) {
                let mut f: Vec<String> = line.split('\t').map(str::to_string).collect();
                f[col] = tsv_escape(t.as_ref());
                out += &(f.join("\t") + "\n");
                filled += 1;
            }
            assert_eq!(filled, targets.len(), "one row per target");
            out
        }
        Format::Jsonl => {
            let lines: Vec<&str> = file.lines().collect();
            assert_eq!(lines.len(), targets.len(), "one line per target");
            lines
                .iter()
                .zip(targets)
                .map(|(line, t)| {
                    let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
                    v["target"] = t.as_ref().into();
                    v.to_string() + "\n"
                })
                .collect()
        }
        _ => {
            let (empty, open, close) = match format {
                Format::Xliff12 => (
                    "<target state=\"new\"></target>",
                    "<target state=\"translated\">",
                    "</target>",
                ),
                Format::Tmx => ("<seg></seg>", "<seg>", "</seg>"),
                _ => ("<target></target>", "<target>", "</target>"),
            };
            // A tool that fills a target marks its segment translated.
            let file = file.replace("state=\"initial\"", "state=\"translated\"");
            let mut parts = file.split(empty);
            let mut out = parts.next().unwrap().to_string();
            let mut filled = 0;
            for (part, t) in parts.zip(targets) {
                out += open;
                out += &xml_escape(t.as_ref());
                out += close;
                out += part;
                filled += 1;
            }
            assert_eq!(filled, targets.len(), "every unit has an empty target");
            out
        }
    }
}

/// The environment variable that turns every skip into a failure. `.ci/run`
/// sets it: CI installs every tool and has `../shared`, so a test that cannot
/// find its input there is a broken test, not a skip.
pub const REQUIRE_ALL: &str = "BRIEF_REQUIRE_ALL";

/// Declares that `test` cannot run because `reason` (a missing file or
/// tool). Under [`REQUIRE_ALL`] that fails the test; otherwise it prints a
/// `SKIPPED` line (visible with `--nocapture`, and counted by
/// `scripts/count-skips.sh` when the tests run with `--nocapture`) and the
/// caller returns.
pub fn skip(test: &str, reason: &str) {
    if std::env::var_os(REQUIRE_ALL).is_some() {
        panic!("{test}: {reason}, and {REQUIRE_ALL} is set (CI must run every test)");
    }
    eprintln!("SKIPPED {test}: {reason}");
}

/// `../shared/<relative>` beside the checkout, or `None` after [`skip`]
/// when it is absent.
pub fn shared_path(test: &str, relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    if path.exists() {
        Some(path)
    } else {
        skip(test, &format!("../shared/{relative} is absent"));
        None
    }
}

/// `brief summarize --input jsonl --format jsonl` with `args` on `items`
/// (one JSON object each): the output records, in order. Panics when the
/// command fails or its output is not one record per item.
pub fn summarize_batch(items: &[serde_json::Value], args: &[&str]) -> Vec<serde_json::Value> {
    let input: String = items.iter().map(|v| v.to_string() + "\n").collect();
    let out = succeed(
        brief()
            .args(["summarize", "--input", "jsonl", "--format", "jsonl"])
            .args(args)
            .write_stdin(input),
    );
    // Split at line feeds only: a record may hold U+2028 (`str::lines`
    // keeps it, but other readers do not).
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), items.len(), "one record per item");
    records
}

/// The end of a generator test: with `BRIEF_MUTATION_REPORT` set, prints
/// `what: W wrong of N`; fails listing the first ten of `wrong`.
pub fn assert_none_wrong(what: &str, wrong: &[String], of: usize) {
    if std::env::var_os("BRIEF_MUTATION_REPORT").is_some() {
        eprintln!("{what}: {} wrong of {of}", wrong.len());
    }
    assert!(
        wrong.is_empty(),
        "{what}: {} wrong of {of}:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(10)].join("\n")
    );
}

/// A deterministic generator (xorshift64*): the same variants every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A story's headline and six sentences, per language (a city's transport
/// budget), for generators that put something into a plain story.
pub fn transport_story(lang: &str) -> (&'static str, [&'static str; 6]) {
    match lang {
        "en" => (
            "Council approves transport budget",
            [
                "The city council approved a budget of 4.2 billion dollars for public transport on Tuesday.",
                "The plan adds three tram lines and 200 electric buses by the end of 2028.",
                "Fares will stay at 2 dollars for adults and 1 dollar for students.",
                "The mayor said the first tram line would open in the spring of 2027.",
                "Opposition members voted against the plan, saying it relied on federal grants.",
                "Construction of the depot in the western district starts next month.",
            ],
        ),
        "ru" => (
            "Дума утвердила транспортный бюджет",
            [
                "Городская дума во вторник утвердила бюджет общественного транспорта в 4,2 миллиарда рублей.",
                "План предусматривает три новые трамвайные линии и 200 электробусов к концу 2028 года.",
                "Стоимость проезда останется прежней: 50 рублей для взрослых и 25 для студентов.",
                "Мэр сообщил, что первая трамвайная линия откроется весной 2027 года.",
                "Депутаты оппозиции голосовали против, заявив, что план зависит от федеральных субсидий.",
                "Строительство депо в западном районе начнется в следующем месяце.",
            ],
        ),
        _ => (
            "شورای شهر بودجه حمل و نقل را تصویب کرد",
            [
                "شورای شهر روز سه‌شنبه بودجه ۴.۲ میلیارد دلاری حمل و نقل عمومی را تصویب کرد.",
                "این طرح تا پایان سال ۲۰۲۸ سه خط تراموا و ۲۰۰ اتوبوس برقی اضافه می‌کند.",
                "کرایه بزرگسالان ۲ دلار و کرایه دانشجویان ۱ دلار باقی می‌ماند.",
                "شهردار گفت نخستین خط تراموا در بهار ۲۰۲۷ افتتاح می‌شود.",
                "اعضای مخالف به این طرح رأی منفی دادند و گفتند به کمک‌های دولت مرکزی وابسته است.",
                "ساخت پایانه در منطقه غربی شهر از ماه آینده آغاز می‌شود.",
            ],
        ),
    }
}

/// Every ranking algorithm's name, for generators that try them all.
pub const RANKINGS: [&str; 6] = [
    "auto",
    "lexrank",
    "lexrank-threshold",
    "textrank",
    "centroid",
    "submodular",
];

/// The sentence texts of one `summarize --format jsonl` record.
pub fn summary_texts(brief: &serde_json::Value) -> Vec<&str> {
    brief["summary"]
        .as_array()
        .map(|s| s.iter().filter_map(|x| x["text"].as_str()).collect())
        .unwrap_or_default()
}
