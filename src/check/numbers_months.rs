//! Months in dates, judged by the `numbers` check: a month the source
//! dates something in must be the month the target dates it in.

use super::super::number_words::MonthUse;
use super::super::{CheckKind, Finding};
use super::{Number, extract, is_dotted_date};
use crate::lang::Lang;

/// A month the source names in a date ("December 23") must be the month
/// the target names: an error when the target names months and not this
/// one, in words or in a numeric date, or dates something in a month the
/// source names nowhere ("23 ноября" for "December 23" is a changed date, even where
/// the unit names December elsewhere; "23.12.2016" and a target that
/// names no month are judged by their numbers alone).
pub(super) fn changed_month(
    source: &str,
    target: &str,
    tgt_numbers: &[Number],
    source_lang: Lang,
    target_lang: Lang,
) -> Option<Finding> {
    let named = super::super::number_words::months_named(target, target_lang, MonthUse::Any);
    if named.is_empty() {
        return None;
    }
    let dated = super::super::number_words::months_named(source, source_lang, MonthUse::Time);
    let &first = dated.first()?;
    let numeric = numeric_months(target, tgt_numbers);
    let missing = dated
        .iter()
        .find(|(m, _)| !named.iter().any(|(t, _)| t == m) && !numeric.contains(m));
    // Every month the source gives, in words (dates or not) or in digits.
    let mut in_source: Vec<u32> =
        super::super::number_words::months_named(source, source_lang, MonthUse::Any)
            .iter()
            .map(|&(m, _)| m)
            .collect();
    in_source.extend(numeric_months(source, &extract(source)));
    // Only a month of a date in the target is its own: "Марты" (a name)
    // and Persian "مه" (fog) stand alone.
    let target_dated =
        super::super::number_words::months_named(target, target_lang, MonthUse::Time);
    let foreign = target_dated.iter().find(|(m, _)| !in_source.contains(m));
    let (month, word) = missing.copied().unwrap_or(first);
    if missing.is_none() && foreign.is_none() {
        return None;
    }
    let shown: Vec<&str> = match foreign {
        Some(&(_, w)) => vec![w],
        None => named.iter().map(|(_, w)| *w).take(3).collect(),
    };
    Some(Finding::error(
        CheckKind::Numbers,
        format!(
            "the month {word} ({month}) of the source is not the month of the target, which names {}",
            shown.join(", ")
        ),
    ))
}

/// Months in numeric dates of `text`: "23.12.2016", "2016/12/23", and the
/// middle of an ISO date "2016-12-23" (three numbers there).
pub(super) fn numeric_months(text: &str, numbers: &[Number]) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    for n in numbers {
        if is_dotted_date(n) || n.seps.contains(&'/') {
            out.extend(n.groups.iter().filter_map(|g| g.parse::<u32>().ok()));
        }
    }
    for w in numbers.windows(3) {
        let joined = |a: &Number, b: &Number| text.get(a.end..b.start) == Some("-");
        if joined(&w[0], &w[1]) && joined(&w[1], &w[2]) {
            out.extend(w[1].groups.first().and_then(|g| g.parse::<u32>().ok()));
        }
    }
    out
}
