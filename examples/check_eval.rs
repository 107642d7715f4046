//! Measures the translation checks on aligned dev data: false alarms on the
//! clean units, and recall on copies of them with planted errors.
//!
//! ```text
//! cargo run --example check_eval -- ../shared/data/parallel/ntrex_dev.jsonl [--show CHECK]
//! ```
//!
//! The input is JSONL, one document per line, `{"id", "docs": {"en", "ru",
//! "fa"}}`, line i of each version translating line i of the others. The
//! clean translations are taken as good work: every finding on them is a
//! false alarm. Each kind of error is then planted, one copy per eligible
//! unit, with a fixed seed, and recall is the share of copies on which the
//! check for that kind fires. The glossary is extracted from the data at run
//! time (capitalized English words and the target stem that co-occurs with
//! them, Dice ≥ 0.8 in ≥ 3 units of ≥ 2 documents, no other English word
//! going with that stem as well; a word whose translation holds only
//! inside a longer capitalized name, as `مجمع` in "General Assembly" but
//! not for the Welsh "Assembly", gives way to that name; `--show
//! glossary-terms` prints it).
//! `--show CHECK` prints the clean units
//! that CHECK flags, `--show miss:KIND` the planted errors missed;
//! `--write-po DIR` also writes the clean and planted units as
//! `DIR/<lang>/<kind>.po`, for running other checkers on the same units.
//! Output is deterministic.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::ExitCode;

use brief::Lang;
use brief::check::{CheckKind, CheckSettings, Glossary, check_consistency, check_unit};

struct Unit {
    id: String,
    en: String,
    targets: BTreeMap<Lang, String>,
}

/// SplitMix64: a fixed-seed generator, so runs are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn load(path: &Path) -> Result<Vec<Unit>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut units = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let id = v["id"].as_str().unwrap_or("doc").to_string();
        let doc = |k: &str| -> Result<Vec<String>, String> {
            v["docs"][k]
                .as_str()
                .map(|s| s.split('\n').map(str::to_string).collect())
                .ok_or_else(|| format!("{}:{}: no docs.{k}", path.display(), n + 1))
        };
        let (en, ru, fa) = (doc("en")?, doc("ru")?, doc("fa")?);
        if en.len() != ru.len() || en.len() != fa.len() {
            return Err(format!(
                "{}:{}: versions differ in length",
                path.display(),
                n + 1
            ));
        }
        for i in 0..en.len() {
            let mut targets = BTreeMap::new();
            targets.insert(Lang::RU, ru[i].clone());
            targets.insert(Lang::FA, fa[i].clone());
            units.push(Unit {
                id: format!("{id}:{}", i + 1),
                en: en[i].clone(),
                targets,
            });
        }
    }
    Ok(units)
}

fn stems_of(text: &str, lang: Lang) -> Vec<(String, String)> {
    brief::check::words(text, lang)
        .into_iter()
        .map(|w| (w.stem, text[w.start..w.end].to_string()))
        .collect()
}

/// Builds a glossary CSV from the data: capitalized English words (not the
/// first word) and, per language, the target stem with the best Dice score.
fn extract_glossary(units: &[Unit]) -> String {
    let mut en_units: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    // Names of two capitalized words ("General Assembly"), by unit.
    let mut names: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, u) in units.iter().enumerate() {
        let toks = brief::check::words(&u.en, Lang::EN);
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        for (k, t) in toks.iter().enumerate().skip(1) {
            let w = &u.en[t.start..t.end];
            if capital(w) && w.chars().count() >= 3 {
                en_units.entry(w.to_string()).or_default().insert(i);
            }
            if let Some(n) = toks.get(k + 1)
                && &u.en[t.end..n.start] == " "
                && capital(w)
                && capital(&u.en[n.start..n.end])
            {
                names
                    .entry(u.en[t.start..n.end].to_string())
                    .or_default()
                    .insert(i);
            }
        }
    }
    let mut rows: BTreeMap<String, BTreeMap<Lang, String>> = BTreeMap::new();
    for lang in [Lang::FA, Lang::RU] {
        let mut t_units: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        let mut surface: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for (i, u) in units.iter().enumerate() {
            for (s, w) in stems_of(&u.targets[&lang], lang) {
                // Short words are too often function words; a short stem
                // of a longer word is not (Russian `Мэй` is stemmed `мэ`).
                if w.chars().count() < 3 {
                    continue;
                }
                t_units.entry(s.clone()).or_default().insert(i);
                *surface.entry(s).or_default().entry(w).or_default() += 1;
            }
        }
        let dice = |eu: &BTreeSet<usize>, tu: &BTreeSet<usize>| {
            let both = eu.intersection(tu).count();
            (both, 2.0 * both as f64 / (eu.len() + tu.len()) as f64)
        };
        for (word, eu) in &en_units {
            if eu.len() < 3 {
                continue;
            }
            let mut best: Option<(f64, &String)> = None;
            for (s, tu) in &t_units {
                let (both, d) = dice(eu, tu);
                if both < 3 {
                    continue;
                }
                if d >= 0.8 && best.is_none_or(|(b, _)| d > b) {
                    best = Some((d, s));
                }
            }
            // A glossary term recurs across articles (a pair seen in one
            // article only is that article's coincidence: a hurricane's
            // name and a verb of its forecast), and its translation is
            // the term's own: no other English word goes with the target
            // stem as well (not "May" for "Тереза", which is "Theresa").
            let best = best.filter(|&(d, s)| {
                let docs: BTreeSet<&str> = eu
                    .intersection(&t_units[s])
                    .map(|&i| units[i].id.rsplit_once(':').map_or("", |(doc, _)| doc))
                    .collect();
                docs.len() >= 2
                    && en_units
                        .iter()
                        .filter(|(w, _)| *w != word)
                        .all(|(_, other)| dice(other, &t_units[s]).1 < d)
            });
            // Only translations in the target's own script: a name kept in
            // Latin letters is not a glossary spelling.
            let own_script = |w: &str| w.chars().all(|c| !c.is_ascii_alphabetic());
            if let Some((_, s)) = best.filter(|(_, s)| own_script(s)) {
                let forms = &surface[s];
                let (form, _) = forms
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .expect("a stem has a form");
                rows.entry(term_of(word, eu, &t_units[s], &names))
                    .or_default()
                    .insert(lang, form.clone());
            }
        }
    }
    let mut csv = String::from("source,fa,ru\n");
    for (word, t) in rows {
        let cell = |l: Lang| t.get(&l).cloned().unwrap_or_default();
        csv.push_str(&format!("{word},{},{}\n", cell(Lang::FA), cell(Lang::RU)));
    }
    csv
}

/// The source term a word's translation belongs to: the word, or the
/// longer name that holds the word wherever the translation goes with it
/// and nowhere the word goes without it ("General Assembly" for
/// `مجمع`, when the Welsh "Assembly" is `مجلس`): the word alone has more
/// than one translation, the name has one.
fn term_of(
    word: &str,
    word_units: &BTreeSet<usize>,
    stem_units: &BTreeSet<usize>,
    names: &BTreeMap<String, BTreeSet<usize>>,
) -> String {
    let both: BTreeSet<usize> = word_units.intersection(stem_units).copied().collect();
    let without: BTreeSet<usize> = word_units.difference(stem_units).copied().collect();
    if without.is_empty() {
        return word.to_string();
    }
    names
        .iter()
        .filter(|(name, _)| name.split(' ').any(|w| w == word))
        .find(|(_, at)| at.is_superset(&both) && at.is_disjoint(&without))
        .map_or_else(|| word.to_string(), |(name, _)| name.clone())
}

const HOMOGLYPHS: &[(char, char)] = &[
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('Х', 'X'),
];

fn is_final(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '؟')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '“' | ')' | ']') || c.is_whitespace()
}

/// Word spans (letters, digits, ZWNJ inside) of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    out.extend(
        brief::check::words(text, Lang::EN)
            .iter()
            .map(|w| (w.start, w.end)),
    );
    out
}

fn digit_positions(text: &str) -> Vec<(usize, char)> {
    text.char_indices()
        .filter(|(_, c)| {
            c.is_ascii_digit()
                || ('\u{06F0}'..='\u{06F9}').contains(c)
                || ('\u{0660}'..='\u{0669}').contains(c)
        })
        .collect()
}

fn bump_digit(c: char) -> char {
    let (base, v) = match c {
        '0'..='9' => ('0' as u32, c as u32 - '0' as u32),
        '\u{06F0}'..='\u{06F9}' => (0x06F0, c as u32 - 0x06F0),
        _ => (0x0660, c as u32 - 0x0660),
    };
    char::from_u32(base + (v + 1) % 10).unwrap_or(c)
}

const PLANTED_URL: &str = "https://www.example.org/news/article-42";

/// A copy of `unit`'s (source, target) with one error of `kind` planted,
/// or None when the unit offers no place for it.
fn plant(
    kind: &str,
    en: &str,
    target: &str,
    lang: Lang,
    glossary: &Glossary,
    rng: &mut Rng,
) -> Option<(String, String)> {
    let s = en.to_string();
    match kind {
        "empty" => Some((s, " ".to_string())),
        "untranslated" => Some((s.clone(), s)),
        "orthography" => {
            if lang != Lang::FA {
                return None;
            }
            let spots: Vec<(usize, char)> = target
                .char_indices()
                .filter(|(_, c)| matches!(c, 'ی' | 'ک'))
                .collect();
            if spots.is_empty() {
                return None;
            }
            let (i, c) = spots[rng.below(spots.len())];
            let to = if c == 'ی' { 'ي' } else { 'ك' };
            Some((
                s,
                format!("{}{}{}", &target[..i], to, &target[i + c.len_utf8()..]),
            ))
        }
        "orthography_zwnj" => {
            if lang != Lang::FA {
                return None;
            }
            let spots: Vec<usize> = target
                .char_indices()
                .filter(|&(i, c)| {
                    c == '\u{200C}'
                        && target[..i]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphabetic)
                        && target[i + 3..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphabetic)
                })
                .map(|(i, _)| i)
                .collect();
            if spots.is_empty() {
                return None;
            }
            let i = spots[rng.below(spots.len())];
            Some((s, format!("{} {}", &target[..i], &target[i + 3..])))
        }
        "mixed_script" => {
            if lang != Lang::RU {
                return None;
            }
            let spots: Vec<(usize, char, char)> = target
                .char_indices()
                .filter_map(|(i, c)| {
                    HOMOGLYPHS
                        .iter()
                        .find(|(cy, _)| *cy == c)
                        .map(|&(cy, la)| (i, cy, la))
                })
                .collect();
            if spots.is_empty() {
                return None;
            }
            let (i, cy, la) = spots[rng.below(spots.len())];
            Some((
                s,
                format!("{}{}{}", &target[..i], la, &target[i + cy.len_utf8()..]),
            ))
        }
        "numbers" => {
            if digit_positions(en).is_empty() {
                return None;
            }
            let spots = digit_positions(target);
            if spots.is_empty() {
                return None;
            }
            let (i, c) = spots[rng.below(spots.len())];
            if rng.below(2) == 0 {
                Some((
                    s,
                    format!(
                        "{}{}{}",
                        &target[..i],
                        bump_digit(c),
                        &target[i + c.len_utf8()..]
                    ),
                ))
            } else {
                // Drop the whole number the digit belongs to.
                let w = words(target).into_iter().find(|&(a, b)| a <= i && i < b)?;
                Some((
                    s,
                    format!("{}{}", &target[..w.0], target[w.1..].trim_start()),
                ))
            }
        }
        "end_punctuation" => {
            let src_end = en.trim_end_matches(is_closer).chars().next_back()?;
            let body = target.trim_end_matches(is_closer);
            let last = body.chars().next_back()?;
            if !is_final(src_end) || !is_final(last) {
                return None;
            }
            let mut cut = body.len() - last.len_utf8();
            // "..." counts as one mark.
            while target[..cut].ends_with('.') {
                cut -= 1;
            }
            Some((s, format!("{}{}", &target[..cut], &target[body.len()..])))
        }
        "brackets" => {
            let spots: Vec<(usize, char)> = target
                .char_indices()
                .filter(|(_, c)| {
                    matches!(c, '(' | ')' | '[' | ']' | '«' | '»' | '"' | '“' | '”' | '„')
                })
                .collect();
            if spots.is_empty() {
                let w = words(target);
                let (a, _) = *w.get(rng.below(w.len()))?;
                return Some((s, format!("{}({}", &target[..a], &target[a..])));
            }
            let (i, c) = spots[rng.below(spots.len())];
            Some((
                s,
                format!("{}{}", &target[..i], &target[i + c.len_utf8()..]),
            ))
        }
        "repeated_word" => {
            let w: Vec<(usize, usize)> = words(target)
                .into_iter()
                .filter(|&(a, b)| target[a..b].chars().any(char::is_alphabetic))
                .collect();
            let (a, b) = *w.get(rng.below(w.len()))?;
            Some((s, format!("{} {}", &target[..b], &target[a..])))
        }
        "untouchables" => {
            // Insert a URL on both sides before the end, then break the target's.
            let cut = |t: &str| {
                t.trim_end_matches(|c: char| is_closer(c) || is_final(c))
                    .len()
            };
            let (sc, tc) = (cut(en), cut(target));
            let src = format!("{} ({PLANTED_URL}){}", &en[..sc], &en[sc..]);
            let url: Vec<char> = PLANTED_URL.chars().collect();
            let k = 8 + rng.below(url.len() - 8);
            let broken: String = url
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != k)
                .map(|(_, c)| c)
                .collect();
            Some((
                src,
                format!("{} ({broken}){}", &target[..tc], &target[tc..]),
            ))
        }
        "length" => truncate(en, target, 4),
        "glossary" => {
            let terms = glossary.terms_in(en, lang);
            let term = terms.first()?;
            let want = stems_of(&term.targets[0], lang);
            let (want_stem, _) = want.first()?;
            let replacement = if lang == Lang::FA {
                "فلانی"
            } else {
                "некто"
            };
            let mut out = String::new();
            let mut last = 0;
            let mut changed = false;
            for t in brief::check::words(target, lang) {
                let st = &t.stem;
                if st.starts_with(want_stem.as_str()) {
                    out.push_str(&target[last..t.start]);
                    out.push_str(replacement);
                    last = t.end;
                    changed = true;
                }
            }
            out.push_str(&target[last..]);
            changed.then_some((s, out))
        }
        _ => None,
    }
}

/// The target cut to 1/`part` of its characters, at a word boundary.
fn truncate(en: &str, target: &str, part: usize) -> Option<(String, String)> {
    if en.chars().filter(|c| !c.is_whitespace()).count() < 20 {
        return None;
    }
    let n = target.chars().count() / part;
    let byte = target.char_indices().nth(n).map(|(i, _)| i)?;
    let cut = target[..byte].rfind(' ').unwrap_or(byte);
    Some((en.to_string(), target[..cut].to_string()))
}

const PLANTED: &[(&str, CheckKind)] = &[
    ("untranslated", CheckKind::Untranslated),
    ("empty", CheckKind::Empty),
    ("numbers", CheckKind::Numbers),
    ("orthography", CheckKind::Orthography),
    ("orthography_zwnj", CheckKind::Orthography),
    ("mixed_script", CheckKind::MixedScript),
    ("end_punctuation", CheckKind::EndPunctuation),
    ("repeated_word", CheckKind::RepeatedWord),
    ("length", CheckKind::Length),
    ("brackets", CheckKind::Brackets),
    ("untouchables", CheckKind::Untouchables),
    ("glossary", CheckKind::Glossary),
];

fn po_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
}

/// Collects units as a PO file, for running other checkers (pofilter) on
/// exactly the same clean and planted units.
struct Po(String);

impl Po {
    fn new(lang: Lang) -> Po {
        Po(format!(
            "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: {lang}\\n\"\n\n"
        ))
    }
    fn add(&mut self, id: &str, source: &str, target: &str) {
        self.0.push_str(&format!(
            "msgctxt \"{}\"\nmsgid \"{}\"\nmsgstr \"{}\"\n\n",
            po_escape(id),
            po_escape(source),
            po_escape(target)
        ));
    }
    fn write(&self, dir: Option<&str>, lang: Lang, name: &str) {
        let Some(dir) = dir else { return };
        let dir = Path::new(dir).join(lang.as_str());
        if let Err(e) = std::fs::create_dir_all(&dir)
            .and_then(|_| std::fs::write(dir.join(format!("{name}.po")), &self.0))
        {
            eprintln!("check_eval: {}: {e}", dir.display());
        }
    }
}

/// Whether the cross-unit checks flag `unit`, replaced by (`src`, `tgt`),
/// with `kind` when run over its document.
fn across_units(
    units: &[Unit],
    docs: &[std::ops::Range<usize>],
    unit: &Unit,
    src: &str,
    tgt: &str,
    lang: Lang,
    kind: CheckKind,
) -> bool {
    let Some(range) = docs
        .iter()
        .find(|r| units[(*r).clone()].iter().any(|u| u.id == unit.id))
    else {
        return false;
    };
    let tuples: Vec<(&str, &str, &str, Lang)> = units[range.clone()]
        .iter()
        .map(|u| {
            if u.id == unit.id {
                (u.id.as_str(), src, tgt, lang)
            } else {
                (
                    u.id.as_str(),
                    u.en.as_str(),
                    u.targets[&lang].as_str(),
                    lang,
                )
            }
        })
        .collect();
    check_consistency(&tuples)
        .iter()
        .any(|(id, f)| *id == unit.id && f.check == kind)
}

fn pct(k: usize, n: usize) -> String {
    if n == 0 {
        "—".to_string()
    } else {
        format!("{:.1} % ({k}/{n})", 100.0 * k as f64 / n as f64)
    }
}

/// The table rows of the planted kinds for `lang`: recall on every
/// planted copy, and on those of units whose clean target the check
/// passes (`per_check` holds the clean units each check flags).
fn planted_rows(
    units: &[Unit],
    docs: &[std::ops::Range<usize>],
    glossary: &Glossary,
    lang: Lang,
    per_check: &BTreeMap<CheckKind, BTreeSet<usize>>,
    show: Option<&str>,
    po_dir: Option<&str>,
) {
    let settings = CheckSettings::default();
    let n = units.len();
    let mut rng =
        Rng(0x5EED_0000 + lang.as_str().len() as u64 + lang.as_str().as_bytes()[0] as u64);
    for &(name, kind) in PLANTED {
        let fa = per_check.get(&kind).map_or(0, |s| s.len());
        let (mut planted, mut found) = (0, 0);
        // The same, only in units whose clean target the check passes:
        // taking a mark out of a quotation the translator left
        // unclosed pairs it up again, which is no damage to detect.
        let (mut planted_ok, mut found_ok) = (0, 0);
        let passes = |i: usize| per_check.get(&kind).is_none_or(|s| !s.contains(&i));
        let mut po = Po::new(lang);
        for (i, u) in units.iter().enumerate() {
            let Some((src, tgt)) = plant(name, &u.en, &u.targets[&lang], lang, glossary, &mut rng)
            else {
                continue;
            };
            planted += 1;
            planted_ok += usize::from(passes(i));
            po.add(&u.id, &src, &tgt);
            let in_unit = check_unit(&src, &tgt, Lang::EN, lang, &settings, Some(glossary))
                .iter()
                .any(|f| f.check == kind);
            if in_unit || across_units(units, docs, u, &src, &tgt, lang, kind) {
                found += 1;
                found_ok += usize::from(passes(i));
            } else if show == Some(&format!("miss:{name}")) {
                println!(
                    "  [{lang} missed {name}] {}\n    en: {src}\n    {lang}: {tgt}",
                    u.id
                );
            }
        }
        if planted > 0 {
            po.write(po_dir, lang, name);
        }
        let fa_cell = if name == "orthography_zwnj" {
            "(as above)".to_string()
        } else {
            pct(fa, n)
        };
        println!(
            "| {lang} | {name} | {fa_cell} | {} | {} |",
            pct(found, planted),
            pct(found_ok, planted_ok)
        );
    }
}

/// The table rows of the kinds planted otherwise: inconsistency (a pair
/// of units) and length cut to 1/2 and 1/3.
fn other_rows(units: &[Unit], lang: Lang, per_check: &BTreeMap<CheckKind, BTreeSet<usize>>) {
    let settings = CheckSettings::default();
    let n = units.len();
    // Inconsistency: the same source with an edited target, and one
    // target for the next unit's different source.
    let (mut planted, mut found) = (0, 0);
    for pair in units.windows(2) {
        let t = &pair[0].targets[&lang];
        let Some(cut) = t.trim_end().rfind(' ') else {
            continue;
        };
        let edited = format!("{}.", &t[..cut]);
        planted += 1;
        let us = [
            ("a", pair[0].en.as_str(), t.as_str(), lang),
            ("b", pair[0].en.as_str(), edited.as_str(), lang),
        ];
        found += check_consistency(&us).iter().any(|(id, _)| *id == "b") as usize;
        if t.split_whitespace().count() >= brief::check::SHARED_TARGET_MIN_WORDS {
            planted += 1;
            let us = [
                ("a", pair[0].en.as_str(), t.as_str(), lang),
                ("b", pair[1].en.as_str(), t.as_str(), lang),
            ];
            found += check_consistency(&us).iter().any(|(id, _)| *id == "b") as usize;
        }
    }
    let fa = per_check
        .get(&CheckKind::Inconsistency)
        .map_or(0, |s| s.len());
    println!(
        "| {lang} | inconsistency | {} | {} | |",
        pct(fa, n),
        pct(found, planted)
    );
    for part in [2, 3] {
        let (mut planted, mut found) = (0, 0);
        for u in units {
            if let Some((s, t)) = truncate(&u.en, &u.targets[&lang], part) {
                planted += 1;
                found += check_unit(&s, &t, Lang::EN, lang, &settings, None)
                    .iter()
                    .any(|f| f.check == CheckKind::Length) as usize;
            }
        }
        println!(
            "| {lang} | length (cut to 1/{part}) | (as above) | {} | |",
            pct(found, planted)
        );
    }
}

/// The documents as index ranges of `units` (ids are "doc:line").
fn documents(units: &[Unit]) -> Vec<std::ops::Range<usize>> {
    let mut docs: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        let doc = u.id.rsplit_once(':').map_or("", |(d, _)| d);
        match docs.last_mut() {
            Some(r) if units[r.start].id.rsplit_once(':').map_or("", |(d, _)| d) == doc => {
                r.end = i + 1
            }
            _ => docs.push(i..i + 1),
        }
    }
    docs
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .cloned()
        .unwrap_or_else(|| "../shared/data/parallel/ntrex_dev.jsonl".into());
    let po_dir = args
        .iter()
        .position(|a| a == "--write-po")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let units = match load(Path::new(&path)) {
        Ok(u) => u,
        Err(e) => {
            eprintln!("check_eval: {e}");
            return ExitCode::from(2);
        }
    };
    let csv = extract_glossary(&units);
    let glossary = match Glossary::from_delimited(&csv, Lang::EN, Path::new("<extracted glossary>"))
    {
        Ok(g) => g,
        Err(e) => {
            eprintln!("check_eval: {e}");
            return ExitCode::from(2);
        }
    };
    if show.as_deref() == Some("glossary-terms") {
        print!("{csv}");
    }
    let settings = CheckSettings::default();
    let docs = documents(&units);
    println!(
        "data: {path}: {} units per language; extracted glossary: {} terms",
        units.len(),
        glossary.len()
    );
    println!();
    println!(
        "| lang | check | false alarms (clean units) | recall (planted) | recall (planted in units the check passes) |"
    );
    println!("|---|---|---|---|---|");
    for lang in [Lang::FA, Lang::RU] {
        let mut clean_po = Po::new(lang);
        for u in &units {
            clean_po.add(&u.id, &u.en, &u.targets[&lang]);
        }
        clean_po.write(po_dir.as_deref(), lang, "clean");
        let mut flagged_any = BTreeSet::new();
        let mut flagged_no_glossary = BTreeSet::new();
        let mut per_check: BTreeMap<CheckKind, BTreeSet<usize>> = BTreeMap::new();
        for (i, u) in units.iter().enumerate() {
            let t = &u.targets[&lang];
            for f in check_unit(&u.en, t, Lang::EN, lang, &settings, Some(&glossary)) {
                flagged_any.insert(i);
                if f.check != CheckKind::Glossary {
                    flagged_no_glossary.insert(i);
                }
                per_check.entry(f.check).or_default().insert(i);
                if show.as_deref() == Some(f.check.name()) {
                    println!(
                        "  [{lang} {}] {} {}\n    en: {}\n    {lang}: {}",
                        f.check, u.id, f.message, u.en, t
                    );
                }
            }
        }
        // Cross-unit checks run per document: the units a desk checks together.
        for range in &docs {
            let tuples: Vec<(&str, &str, &str, Lang)> = units[range.clone()]
                .iter()
                .map(|u| {
                    (
                        u.id.as_str(),
                        u.en.as_str(),
                        u.targets[&lang].as_str(),
                        lang,
                    )
                })
                .collect();
            for (id, f) in check_consistency(&tuples) {
                let i = units.iter().position(|u| u.id == id).unwrap_or(0);
                flagged_any.insert(i);
                flagged_no_glossary.insert(i);
                per_check.entry(f.check).or_default().insert(i);
                if show.as_deref() == Some(f.check.name()) {
                    println!("  [{lang} {} across units] {id} {}", f.check, f.message);
                }
            }
        }
        let n = units.len();
        planted_rows(
            &units,
            &docs,
            &glossary,
            lang,
            &per_check,
            show.as_deref(),
            po_dir.as_deref(),
        );
        other_rows(&units, lang, &per_check);
        println!(
            "| {lang} | **any check** | **{}** | | |",
            pct(flagged_any.len(), n)
        );
        println!(
            "| {lang} | **any check but glossary** | **{}** | | |",
            pct(flagged_no_glossary.len(), n)
        );
    }
    ExitCode::SUCCESS
}
