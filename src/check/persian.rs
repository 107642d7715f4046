//! The `orthography` check for Persian targets.
//!
//! - Error: the Arabic letters `ي` (yeh), `ك` (kaf) and `ى` (alef maksura),
//!   which Persian writes `ی` and `ک` — they look alike but break search,
//!   sorting and spell-checking. `ة` (teh marbuta) and the Arabic-Indic
//!   digits `٤ ٥ ٦` (whose Persian shapes differ) are warnings: Arabic names
//!   and quotations legitimately keep `ة`. Hamza forms (`ئ أ ؤ`) are Persian.
//! - Warning: a space where the unit itself elsewhere joins the same affix
//!   with a ZWNJ (`می‌رود ... می رود`, `کتاب‌ها ... دفتر ها`). Many
//!   professional translators write these joins with a space throughout, so
//!   only a unit that mixes both spellings is reported; the affixes are in
//!   `resources/fa/zwnj_affixes.txt`. Across units,
//!   [`crate::check::check_consistency`] also reports a space where the other
//!   units of the file join that affix with a ZWNJ nearly always
//!   ([`ZWNJ_HOUSE_STYLE_MIN`] times or more, and at least ten times as often
//!   as they write a space).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use super::{CheckKind, Finding};
use crate::resources::entries as resource_entries;

const ZWNJ: char = '\u{200C}';

struct Affixes {
    prefixes: Vec<String>,
    suffixes: Vec<String>,
}

fn affixes() -> &'static Affixes {
    static A: OnceLock<Affixes> = OnceLock::new();
    A.get_or_init(|| {
        let mut prefixes = Vec::new();
        let mut suffixes = Vec::new();
        for e in resource_entries(crate::resources::builtin(
            crate::Lang::FA,
            "zwnj_affixes.txt",
        )) {
            if let Some(p) = e.strip_suffix('-') {
                prefixes.push(p.to_string());
            } else if let Some(s) = e.strip_prefix('-') {
                suffixes.push(s.to_string());
            }
        }
        Affixes { prefixes, suffixes }
    })
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

/// The words of `text` with the separator that precedes each: the words
/// are split at whitespace and ZWNJ, so `می‌رود` is ("می", ' '), ("رود", ZWNJ).
fn pieces(text: &str) -> Vec<(char, String)> {
    let mut out = Vec::new();
    let mut sep = ' ';
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_whitespace() || c == ZWNJ {
            if !cur.is_empty() {
                out.push((sep, std::mem::take(&mut cur)));
                sep = c;
            } else if c == ZWNJ || sep != ZWNJ {
                sep = c;
            }
            continue;
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push((sep, cur));
    }
    out
}

fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !is_letter(c))
}

/// Per affix, the number of ZWNJ joins; and each spaced join as (affix, words).
pub(crate) type Joins = (BTreeMap<String, usize>, Vec<(String, String)>);

/// The ZWNJ joins of `text`: how often it joins each affix with a ZWNJ,
/// and where it separates one with a space (each with the two words).
pub(crate) fn joins(text: &str) -> Joins {
    let a = affixes();
    let words = pieces(text);
    let mut zwnj = BTreeMap::new();
    let mut spaced = Vec::new();
    for pair in words.windows(2) {
        let (_, left) = &pair[0];
        let (sep, right) = &pair[1];
        // A word boundary only when nothing but letters meet there.
        if !left.ends_with(is_letter) || !right.starts_with(is_letter) {
            continue;
        }
        let l = bare(left);
        let r = bare(right);
        let affix = if a.prefixes.iter().any(|p| p == l) {
            Some(format!("{l}-"))
        } else if a.suffixes.iter().any(|s| s == r) {
            Some(format!("-{r}"))
        } else {
            None
        };
        let Some(affix) = affix else { continue };
        if *sep == ZWNJ {
            *zwnj.entry(affix).or_insert(0) += 1;
        } else if sep.is_whitespace() {
            spaced.push((affix, format!("{left} {right}")));
        }
    }
    (zwnj, spaced)
}

/// The fewest ZWNJ joins of one affix across a file's units before a space
/// in another unit is reported as departing from the file's own style.
pub const ZWNJ_HOUSE_STYLE_MIN: usize = 5;

/// File-level ZWNJ style: for each Persian target (by index) with a space
/// where the other units nearly always join that affix with a ZWNJ, and the
/// unit itself never does (that case is [`check`]'s), a warning.
pub(crate) fn house_style(targets: &[(usize, &str)]) -> Vec<(usize, Finding)> {
    let per_unit: Vec<(usize, Joins)> = targets.iter().map(|&(i, t)| (i, joins(t))).collect();
    let mut joined: BTreeMap<&str, usize> = BTreeMap::new();
    let mut spaced: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, (z, s)) in &per_unit {
        for (affix, n) in z {
            *joined.entry(affix.as_str()).or_insert(0) += n;
        }
        for (affix, _) in s {
            *spaced.entry(affix.as_str()).or_insert(0) += 1;
        }
    }
    let mut out = Vec::new();
    for (i, (z, s)) in &per_unit {
        let mut reported = BTreeSet::new();
        for (affix, words) in s {
            let with = joined.get(affix.as_str()).copied().unwrap_or(0);
            let without = spaced.get(affix.as_str()).copied().unwrap_or(0);
            if with >= ZWNJ_HOUSE_STYLE_MIN
                && without * 10 <= with
                && !z.contains_key(affix)
                && reported.insert(affix.clone())
            {
                out.push((
                    *i,
                    Finding::warning(
                        CheckKind::Orthography,
                        format!(
                            "\"{words}\": a space where the other units join {affix} with a ZWNJ ({with} times)"
                        ),
                    ),
                ));
            }
        }
    }
    out
}

pub(crate) fn check(target: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut arabic: Vec<char> = Vec::new();
    let mut soft: Vec<char> = Vec::new();
    for c in target.chars() {
        match c {
            '\u{064A}' | '\u{0643}' | '\u{0649}' if !arabic.contains(&c) => arabic.push(c),
            '\u{0629}' | '\u{0664}' | '\u{0665}' | '\u{0666}' if !soft.contains(&c) => soft.push(c),
            _ => {}
        }
    }
    if !arabic.is_empty() {
        let words: Vec<&str> = target
            .split_whitespace()
            .filter(|w| w.chars().any(|c| arabic.contains(&c)))
            .take(3)
            .collect();
        out.push(Finding::error(
            CheckKind::Orthography,
            format!(
                "Arabic letter{} {} where Persian writes ی/ک: {}",
                if arabic.len() > 1 { "s" } else { "" },
                describe(&arabic),
                words.join(" ")
            ),
        ));
    }
    if !soft.is_empty() {
        out.push(Finding::warning(
            CheckKind::Orthography,
            format!("Arabic character {} in Persian text", describe(&soft)),
        ));
    }
    let (zwnj, spaced) = joins(target);
    let mut reported = BTreeSet::new();
    for (affix, words) in spaced {
        if zwnj.contains_key(&affix) && reported.insert(affix.clone()) {
            out.push(Finding::warning(
                CheckKind::Orthography,
                format!("\"{words}\": a space where this unit elsewhere joins {affix} with a ZWNJ"),
            ));
        }
    }
    out
}

fn describe(chars: &[char]) -> String {
    chars
        .iter()
        .map(|c| format!("{c} (U+{:04X})", *c as u32))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<crate::check::Severity> {
        check(text).into_iter().map(|f| f.severity).collect()
    }

    #[test]
    fn arabic_yeh_and_kaf_are_errors() {
        use crate::check::Severity::*;
        assert_eq!(kinds("این كتاب خوب است."), [Error]);
        assert_eq!(kinds("او در تهران زندگي مي‌كند."), [Error]);
        assert_eq!(kinds("مصطفى آمد."), [Error]);
        assert!(kinds("این کتاب خوب است.").is_empty());
        // Hamza forms are Persian spelling.
        assert!(kinds("مسئله، رأی و مؤسسه").is_empty());
        assert_eq!(kinds("دائرة المعارف"), [Warning]);
    }

    #[test]
    fn spaces_are_reported_only_next_to_zwnj_joins_of_the_same_affix() {
        // Spaces throughout: a legitimate house style.
        assert!(check("او می رود و کتاب ها را می خواند.").is_empty());
        // ZWNJ throughout.
        assert!(check("او می‌رود و کتاب‌ها را می‌خواند.").is_empty());
        // Mixed within one unit.
        let f = check("او می‌رود و کتاب‌ها را می خواند.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("می خواند"));
        let f = check("کتاب‌ها و دفتر ها");
        assert_eq!(f.len(), 1, "{f:?}");
        // A prefix join does not license a suffix rule.
        assert!(check("او می‌رود و کتاب ها را").is_empty());
    }

    #[test]
    fn affix_list_is_sorted_and_persian() {
        let entries: Vec<&str> = resource_entries(crate::resources::builtin(
            crate::Lang::FA,
            "zwnj_affixes.txt",
        ))
        .collect();
        let mut sorted = entries.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(entries, sorted);
        let a = affixes();
        assert_eq!(a.prefixes.len() + a.suffixes.len(), entries.len());
        for e in entries {
            let bare = e.trim_matches('-');
            assert_eq!(crate::tokenize::normalize_key(bare, crate::Lang::FA), bare);
        }
    }

    #[test]
    fn house_style_reports_a_space_among_zwnj_joins() {
        let mut units: Vec<String> = (0..10).map(|i| format!("او {i} می‌رود.")).collect();
        units.push("ما می رویم.".to_string());
        let refs: Vec<(usize, &str)> = units.iter().map(String::as_str).enumerate().collect();
        let f = house_style(&refs);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, 10);
        // A file that writes spaces often has no house style to depart from.
        units.push("ما می خوریم.".to_string());
        let refs: Vec<(usize, &str)> = units.iter().map(String::as_str).enumerate().collect();
        assert!(house_style(&refs).is_empty());
    }

    #[test]
    fn pieces_record_the_separator() {
        let p = pieces("می‌رود  و");
        assert_eq!(p[0], (' ', "می".to_string()));
        assert_eq!(p[1], (ZWNJ, "رود".to_string()));
        assert_eq!(p[2].1, "و");
    }
}
