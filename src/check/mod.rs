//! Translation quality checks: a target compared with its source.
//!
//! [`check_unit`] runs the per-unit checks on one source/target pair and
//! [`check_consistency`] compares units with each other. Every check has a
//! [`CheckKind`] (its name in reports and in TOML `[check]`) and reports
//! [`Finding`]s with a [`Severity`]. The checks are tuned for precision on
//! professional English→Persian and English→Russian news translation: a
//! desk should be able to leave them on (see `docs/quality.md` for each
//! check, its rule, an example, and its false-alarm rate and recall on the
//! dev data).
//!
//! ```
//! use brief::check::{check_unit, CheckSettings};
//! use brief::Lang;
//! let settings = CheckSettings::default();
//! let found = check_unit("Prices rose 5% in 2019.", "Цены выросли на 7% в 2019 году.",
//!                        Lang::EN, Lang::RU, &settings, None);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].check.name(), "numbers");
//! ```

#![deny(missing_docs)]

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::formats::TargetState;
use crate::lang::Lang;

mod digits;
mod glossary;
mod judge;
mod language;
mod names;
mod number_ordinals;
mod number_words;
mod numbers;
mod persian;
mod quotes;
mod script;
mod text;
mod untouchable;

pub use glossary::{Glossary, Term, Word, words};
pub use judge::{Fault, judge_target};
pub(crate) use language::{document_languages, has_other_language_letter};
#[cfg(feature = "mt")]
pub(crate) use script::foreign_script;
#[cfg(feature = "mt")]
pub(crate) use text::untouchable_spans;

/// Which check produced a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum CheckKind {
    /// The target repeats the source although the source has words to
    /// translate, or has not one letter of its language's script.
    Untranslated,
    /// The target is blank (only whitespace or invisible characters).
    Empty,
    /// A number of the source is missing from the target.
    Numbers,
    /// Persian spelling: Arabic letters where Persian has its own; a space
    /// where the unit elsewhere uses a ZWNJ.
    Orthography,
    /// One word mixes Latin and Cyrillic (or Arabic-script) letters.
    MixedScript,
    /// The source ends a sentence and the target does not.
    EndPunctuation,
    /// The same word twice in a row.
    RepeatedWord,
    /// The target is far shorter or longer than translations usually are.
    Length,
    /// Brackets or quotation marks do not pair up in the target.
    Brackets,
    /// A URL, e-mail address, @handle or #hashtag of the source is not in the target verbatim.
    Untouchables,
    /// The same source translated differently, or one translation for different sources.
    Inconsistency,
    /// A glossary term of the source without its glossary translation in the target.
    Glossary,
}

impl CheckKind {
    /// Every check, in report order.
    pub const ALL: [CheckKind; 12] = [
        CheckKind::Untranslated,
        CheckKind::Empty,
        CheckKind::Numbers,
        CheckKind::Orthography,
        CheckKind::MixedScript,
        CheckKind::EndPunctuation,
        CheckKind::RepeatedWord,
        CheckKind::Length,
        CheckKind::Brackets,
        CheckKind::Untouchables,
        CheckKind::Inconsistency,
        CheckKind::Glossary,
    ];

    /// The name used in reports and as the key in TOML `[check]`.
    pub fn name(self) -> &'static str {
        match self {
            CheckKind::Untranslated => "untranslated",
            CheckKind::Empty => "empty",
            CheckKind::Numbers => "numbers",
            CheckKind::Orthography => "orthography",
            CheckKind::MixedScript => "mixed_script",
            CheckKind::EndPunctuation => "end_punctuation",
            CheckKind::RepeatedWord => "repeated_word",
            CheckKind::Length => "length",
            CheckKind::Brackets => "brackets",
            CheckKind::Untouchables => "untouchables",
            CheckKind::Inconsistency => "inconsistency",
            CheckKind::Glossary => "glossary",
        }
    }
}

impl fmt::Display for CheckKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Probably acceptable, worth a look (e.g. a spacing convention).
    Warning,
    /// Almost certainly wrong.
    Error,
}

impl Severity {
    /// `"warning"` or `"error"`, as in the JSONL reports.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One problem found in a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The check that found it.
    pub check: CheckKind,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, quoting the text concerned.
    pub message: String,
}

impl Finding {
    fn error(check: CheckKind, message: String) -> Finding {
        Finding {
            check,
            severity: Severity::Error,
            message,
        }
    }

    fn warning(check: CheckKind, message: String) -> Finding {
        Finding {
            check,
            severity: Severity::Warning,
            message,
        }
    }
}

/// `[check]` in TOML: each check can be switched off (all are on by default).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CheckSettings {
    /// Target identical to a source that has words.
    pub untranslated: bool,
    /// Blank target.
    pub empty: bool,
    /// Numbers compared by value.
    pub numbers: bool,
    /// Persian letters and ZWNJ joins.
    pub orthography: bool,
    /// Words mixing scripts (look-alike letters).
    pub mixed_script: bool,
    /// Sentence-final punctuation.
    pub end_punctuation: bool,
    /// The same word twice in a row.
    pub repeated_word: bool,
    /// Target/source length ratio.
    pub length: bool,
    /// Brackets and quotation marks paired.
    pub brackets: bool,
    /// URLs, e-mail addresses, @handles and #hashtags kept verbatim.
    pub untouchables: bool,
    /// Consistency across units (used by the caller of [`check_consistency`]).
    pub inconsistency: bool,
    /// Glossary terms translated as the glossary says.
    pub glossary: bool,
}

impl Default for CheckSettings {
    fn default() -> CheckSettings {
        CheckSettings {
            untranslated: true,
            empty: true,
            numbers: true,
            orthography: true,
            mixed_script: true,
            end_punctuation: true,
            repeated_word: true,
            length: true,
            brackets: true,
            untouchables: true,
            inconsistency: true,
            glossary: true,
        }
    }
}

impl CheckSettings {
    /// Whether `check` is switched on.
    pub fn enabled(&self, check: CheckKind) -> bool {
        match check {
            CheckKind::Untranslated => self.untranslated,
            CheckKind::Empty => self.empty,
            CheckKind::Numbers => self.numbers,
            CheckKind::Orthography => self.orthography,
            CheckKind::MixedScript => self.mixed_script,
            CheckKind::EndPunctuation => self.end_punctuation,
            CheckKind::RepeatedWord => self.repeated_word,
            CheckKind::Length => self.length,
            CheckKind::Brackets => self.brackets,
            CheckKind::Untouchables => self.untouchables,
            CheckKind::Inconsistency => self.inconsistency,
            CheckKind::Glossary => self.glossary,
        }
    }
}

/// The longest source or target a unit check looks at, in bytes: longer
/// text is checked on its first this-many bytes (cut at a character
/// boundary), which keeps every check bounded in time.
pub const MAX_CHECKED_BYTES: usize = 64 * 1024;

fn bounded(text: &str) -> &str {
    if text.len() <= MAX_CHECKED_BYTES {
        return text;
    }
    let mut end = MAX_CHECKED_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Checks one unit's `target` against its `source`.
///
/// A blank target gives one `empty` finding and nothing else; otherwise
/// every enabled check runs, and the findings come in [`CheckKind::ALL`]
/// order. `glossary` is consulted only when given and the check is on.
/// Cross-unit consistency is [`check_consistency`]'s job.
///
/// ```
/// use brief::check::{check_unit, CheckKind, CheckSettings};
/// use brief::Lang;
/// let s = CheckSettings::default();
/// // Arabic kaf and yeh in Persian text:
/// let f = check_unit("The book.", "كتاب خوبي است.", Lang::EN, Lang::FA, &s, None);
/// assert!(f.iter().any(|f| f.check == CheckKind::Orthography));
/// // Guillemets for English quotes are correct:
/// let f = check_unit("He said \"no\".", "Он сказал «нет».", Lang::EN, Lang::RU, &s, None);
/// assert!(f.is_empty());
/// ```
pub fn check_unit(
    source: &str,
    target: &str,
    source_lang: Lang,
    target_lang: Lang,
    settings: &CheckSettings,
    glossary: Option<&Glossary>,
) -> Vec<Finding> {
    check_target(
        source,
        target,
        TargetState::Unspecified,
        source_lang,
        target_lang,
        settings,
        glossary,
    )
}

/// [`check_unit`] for a target with what its file says about it (its
/// [`TargetState`]): a target the file marks unfinished or partly
/// translated is reported as `untranslated`, as `brief merge` reports it.
pub fn check_target(
    source: &str,
    target: &str,
    state: TargetState,
    source_lang: Lang,
    target_lang: Lang,
    settings: &CheckSettings,
    glossary: Option<&Glossary>,
) -> Vec<Finding> {
    let source = bounded(source);
    let target = bounded(target);
    let mut out = Vec::new();
    // The judgement merge makes too; the number and untouchable errors
    // come from those checks below, with their warnings.
    let mut whole = judge_target(source, Some(target), state, source_lang, Some(target_lang));
    if whole.first() == Some(&Fault::Machine) {
        // Shown, not counted as an error: its origin is what a reviewer
        // needs to know; what the text shows is judged below as for any target.
        out.push(Finding::warning(
            CheckKind::Untranslated,
            Fault::Machine.message(),
        ));
        whole.remove(0);
    }
    match whole.first() {
        Some(Fault::Blank) => {
            if settings.empty {
                out.push(Finding::error(
                    CheckKind::Empty,
                    "the target is blank".to_string(),
                ));
            }
            return out;
        }
        Some(Fault::Numbers(_) | Fault::Untouchable(_)) | None => {}
        Some(fault) => {
            if settings.untranslated {
                out.push(Finding::error(CheckKind::Untranslated, fault.message()));
            }
        }
    }
    if settings.numbers {
        out.extend(numbers::check(source, target, source_lang, target_lang));
    }
    if settings.orthography && target_lang == Lang::FA {
        out.extend(persian::check(target));
    }
    if settings.mixed_script {
        out.extend(script::check(target, target_lang));
    }
    if settings.end_punctuation {
        out.extend(text::end_punctuation(source, target));
    }
    if settings.repeated_word {
        out.extend(text::repeated_word(
            source,
            target,
            source_lang,
            target_lang,
        ));
    }
    if settings.length {
        out.extend(text::length(source, target, source_lang, target_lang));
    }
    if settings.brackets {
        out.extend(text::brackets(source, target));
    }
    if settings.untouchables {
        out.extend(text::untouchables(source, target));
    }
    if settings.glossary
        && let Some(g) = glossary
    {
        out.extend(g.check(source, target, source_lang, target_lang));
    }
    out
}

/// Whitespace-collapsed, trimmed text: the form consistency compares.
fn collapse_spaces(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Letters and digits only, lowercased: sources that differ only in case,
/// spacing or punctuation may share a translation.
fn letters_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The fewest words a shared target must have before "one target for
/// different sources" is reported: short targets (headings, "he said",
/// names) are legitimately shared, and Persian does not mark gender, so
/// "He said." and "She said." are both "او گفت.".
pub const SHARED_TARGET_MIN_WORDS: usize = 6;

/// Compares units with each other, per target language: one source with
/// different targets, and one target (of at least
/// [`SHARED_TARGET_MIN_WORDS`] words) for sources that differ in more than
/// case, spacing and punctuation. Units with a blank target are skipped.
/// Findings are warnings, reported on each unit that departs from the first
/// unit seen with that source (or target), in input order.
///
/// Persian targets are also compared with the file's own ZWNJ style: a
/// space where the other units nearly always join the same affix with a
/// ZWNJ gives an `orthography` warning (see `persian`'s module docs).
/// Filter the findings with [`CheckSettings::enabled`]`(finding.check)`.
///
/// ```
/// use brief::check::check_consistency;
/// use brief::Lang;
/// let units = [
///     ("1", "Breaking news", "Срочные новости", Lang::RU),
///     ("2", "Breaking news", "Последние новости", Lang::RU),
/// ];
/// let found = check_consistency(&units);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].0, "2");
/// ```
pub fn check_consistency<'a>(units: &[(&'a str, &str, &str, Lang)]) -> Vec<(&'a str, Finding)> {
    let mut by_source: BTreeMap<(Lang, String), (&str, String)> = BTreeMap::new();
    let mut by_target: BTreeMap<(Lang, String), (&str, String)> = BTreeMap::new();
    let mut out = Vec::new();
    let persian: Vec<(usize, &str)> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.3 == Lang::FA)
        .map(|(i, u)| (i, bounded(u.2)))
        .collect();
    let mut style: Vec<(usize, Finding)> = persian::house_style(&persian);
    let mut langs: Vec<Lang> = units.iter().map(|u| u.3).collect();
    langs.sort();
    langs.dedup();
    for lang in langs {
        let of_lang: Vec<(usize, (&str, &str, &str))> = units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.3 == lang)
            .map(|(i, u)| (i, (u.0, bounded(u.1), bounded(u.2))))
            .collect();
        let texts: Vec<(&str, &str, &str)> = of_lang.iter().map(|&(_, t)| t).collect();
        style.extend(
            quotes::across_units(&texts)
                .into_iter()
                .map(|(k, f)| (of_lang[k].0, f)),
        );
    }
    for &(id, source, target, lang) in units {
        let (source, target) = (bounded(source), bounded(target));
        if text::is_blank(target) || text::is_blank(source) {
            continue;
        }
        let src = collapse_spaces(source);
        let tgt = collapse_spaces(target);
        match by_source.get(&(lang, src.clone())) {
            Some((first_id, first_target)) if *first_target != tgt => {
                out.push((
                    id,
                    Finding::warning(
                        CheckKind::Inconsistency,
                        format!(
                            "the same source is translated differently in unit {first_id}: \"{first_target}\""
                        ),
                    ),
                ));
            }
            Some(_) => {}
            None => {
                by_source.insert((lang, src.clone()), (id, tgt.clone()));
            }
        }
        if tgt.split(' ').count() < SHARED_TARGET_MIN_WORDS {
            continue;
        }
        let key = letters_key(&src);
        match by_target.get(&(lang, tgt.clone())) {
            Some((first_id, first_key)) if *first_key != key => {
                out.push((
                    id,
                    Finding::warning(
                        CheckKind::Inconsistency,
                        format!(
                            "the same translation is given for a different source in unit {first_id}"
                        ),
                    ),
                ));
            }
            Some(_) => {}
            None => {
                by_target.insert((lang, tgt), (id, key));
            }
        }
    }
    // In input order, after the inconsistencies.
    style.sort_by_key(|(i, _)| *i);
    out.extend(style.into_iter().map(|(i, f)| (units[i].0, f)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(source: &str, target: &str, lang: Lang) -> Vec<Finding> {
        check_unit(
            source,
            target,
            Lang::EN,
            lang,
            &CheckSettings::default(),
            None,
        )
    }

    #[test]
    fn blank_target_is_only_empty() {
        for blank in ["", "  ", "\u{200C}\u{00A0}", "\n"] {
            let f = run("Hello world.", blank, Lang::RU);
            assert_eq!(f.len(), 1, "{blank:?}");
            assert_eq!(f[0].check, CheckKind::Empty);
        }
    }

    #[test]
    fn settings_parse_from_toml_and_switch_checks_off() {
        let s: CheckSettings = toml::from_str("numbers = false\n").unwrap();
        assert!(!s.numbers && s.length);
        assert!(toml::from_str::<CheckSettings>("numbrs = false\n").is_err());
        let f = check_unit("In 2019.", "В 2018 году.", Lang::EN, Lang::RU, &s, None);
        assert!(f.is_empty(), "{f:?}");
        let f = run("In 2019.", "В 2018 году.", Lang::RU);
        assert_eq!(f[0].check, CheckKind::Numbers);
    }

    #[test]
    fn names_are_unique_and_snake_case() {
        let mut names: Vec<&str> = CheckKind::ALL.iter().map(|k| k.name()).collect();
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        );
        names.sort();
        names.dedup();
        assert_eq!(names.len(), CheckKind::ALL.len());
        let s = CheckSettings::default();
        assert!(CheckKind::ALL.iter().all(|&k| s.enabled(k)));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_any_text(
            source in "[a-zA-Z0-9 .,\"'«»()\\[\\]@#/:?!-]{0,60}|\\PC{0,40}",
            target in "[а-яa-z0-9 .,\"«»„“()@#/:؟!\u{200C}۰-۹٠-٩٫٬،یکيك-]{0,60}|\\PC{0,40}",
        ) {
            let g = Glossary::from_delimited("source,fa,ru\nKremlin,کرملین,Кремль\n", Lang::EN, "g".as_ref()).unwrap();
            for lang in [Lang::FA, Lang::RU, Lang::EN] {
                let f = check_unit(&source, &target, Lang::EN, lang, &CheckSettings::default(), Some(&g));
                // Deterministic.
                let again = check_unit(&source, &target, Lang::EN, lang, &CheckSettings::default(), Some(&g));
                proptest::prop_assert_eq!(f, again);
            }
            let _ = check_consistency(&[("a", source.as_str(), target.as_str(), Lang::FA), ("b", source.as_str(), source.as_str(), Lang::FA)]);
            let _ = Glossary::parse(&source, Lang::EN, "g".as_ref());
            let _ = Glossary::parse(&target, Lang::EN, "g".as_ref());
        }
    }

    #[test]
    fn long_units_are_checked_in_bounded_time() {
        let source = "The 25 talks failed (again). ".repeat(20_000);
        let target = "Переговоры 25 сорвались (снова). ".repeat(20_000);
        let start = std::time::Instant::now();
        let _ = check_unit(
            &source,
            &target,
            Lang::EN,
            Lang::RU,
            &CheckSettings::default(),
            None,
        );
        assert!(start.elapsed().as_secs() < 20);
    }

    #[test]
    fn consistency_same_source_different_targets() {
        let units = [
            (
                "a",
                "The minister resigned.",
                "Министр ушёл в отставку.",
                Lang::RU,
            ),
            (
                "b",
                "The minister  resigned.",
                "Министр ушёл в отставку.",
                Lang::RU,
            ),
            (
                "c",
                "The minister resigned.",
                "Министр подал в отставку.",
                Lang::RU,
            ),
            ("d", "The minister resigned.", "وزیر استعفا داد.", Lang::FA),
        ];
        let f = check_consistency(&units);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "c");
    }

    #[test]
    fn consistency_shared_target_needs_length_and_real_difference() {
        let units = [
            ("1", "He said.", "او گفت.", Lang::FA),
            ("2", "She said.", "او گفت.", Lang::FA),
            (
                "3",
                "Talks will resume on Monday in Geneva.",
                "گفتگوها روز دوشنبه در ژنو از سر گرفته می‌شود.",
                Lang::FA,
            ),
            (
                "4",
                "Talks will resume on Monday in Vienna.",
                "گفتگوها روز دوشنبه در ژنو از سر گرفته می‌شود.",
                Lang::FA,
            ),
            (
                "5",
                "talks will resume on monday in geneva",
                "گفتگوها روز دوشنبه در ژنو از سر گرفته می‌شود.",
                Lang::FA,
            ),
        ];
        let f = check_consistency(&units);
        let ids: Vec<&str> = f.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, ["4"], "{f:?}");
    }
}
