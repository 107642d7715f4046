//! Quotations that run across units. A unit's own marks are judged by
//! `text::brackets`, which must let a quotation opened in one unit close in
//! a later one; here the units a quotation of the source spans are judged
//! together: from a unit where the source has no quotation open, to the
//! unit that closes the last one, the target's marks must pair up too.
//!
//! A translator may close and reopen a quotation at every unit, or drop
//! the marks of a long quotation altogether (indirect speech): both pair
//! up. What is reported is a mark that closes what no unit of the span
//! opened (on that unit), and a quotation still open where the source
//! closes its own (on each unit of the span where the source closes a
//! quotation): a dropped mark.

use super::text::depths_with;
use super::{CheckKind, Finding};

/// The most units one judged span may have: a longer one is more likely
/// the source's own unclosed quotation than a long quote, and is skipped.
pub(crate) const MAX_SPAN_UNITS: usize = 8;

/// Warnings for units (given as (id, source, target) of one target
/// language, in document order) in spans of two or more units over which
/// the source's quotation marks pair up and the target's do not, as
/// (position in `units`, finding).
pub(crate) fn across_units(units: &[(&str, &str, &str)]) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth: i64 = 0;
    for (k, &(_, source, _)) in units.iter().enumerate() {
        let (_, q) = depths_with(source, false);
        if depth + q.low < 0 {
            // The source closes what it never opened: no span to judge.
            depth = 0;
            start = k + 1;
            continue;
        }
        depth += q.net;
        if depth > 0 {
            continue;
        }
        let span = start..k + 1;
        start = k + 1;
        if span.len() >= 2 && span.len() <= MAX_SPAN_UNITS {
            out.extend(judge_span(units, span));
        }
    }
    out
}

/// The findings of one span whose source quotations pair up.
fn judge_span(units: &[(&str, &str, &str)], span: std::ops::Range<usize>) -> Vec<(usize, Finding)> {
    let (first, last) = (units[span.start].0, units[span.end - 1].0);
    // A Russian „ in one unit and its “ in the next are told apart as
    // they are within a unit.
    let low_quote = units[span.clone()].iter().any(|u| u.2.contains('„'));
    let mut out = Vec::new();
    let mut open: i64 = 0;
    for i in span.clone() {
        let (_, q) = depths_with(units[i].2, low_quote);
        if open + q.low < 0 {
            out.push((
                i,
                Finding::warning(
                    CheckKind::Brackets,
                    format!(
                        "a quotation mark closes a quotation that no unit from {first} on opens in the target (the source's quotation runs across units {first}–{last})"
                    ),
                ),
            ));
            open = q.net - q.low;
        } else {
            open += q.net;
        }
    }
    if open > 0 {
        // The closing mark belongs where the source closes a quotation:
        // the span's last unit, and any other that closes one of its
        // nested quotations.
        let end = span.end;
        let closes = |i: usize| {
            let (_, q) = depths_with(units[i].1, false);
            q.marks > q.net || i == end - 1
        };
        for i in span.filter(|&i| closes(i)) {
            if out.iter().all(|(j, _)| *j != i) {
                out.push((
                    i,
                    Finding::warning(
                        CheckKind::Brackets,
                        format!(
                            "a quotation the target opens in units {first}–{last} is still open where the source closes its quotation"
                        ),
                    ),
                ));
            }
        }
        out.sort_by_key(|(i, _)| *i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Positions in `targets` flagged, for sources `sources`.
    fn flagged(sources: &[&str], targets: &[&str]) -> Vec<usize> {
        let units: Vec<(&str, &str, &str)> = sources
            .iter()
            .zip(targets)
            .map(|(s, t)| ("u", *s, *t))
            .collect();
        across_units(&units).into_iter().map(|(i, _)| i).collect()
    }

    const SOURCE: [&str; 3] = [
        "He said: \"We will win.",
        "Nobody doubts it,\" he added.",
        "It rained.",
    ];

    #[test]
    fn a_quotation_across_units_pairs_up_in_every_correct_arrangement() {
        // Closed where the source closes it; closed and reopened at every
        // unit; no marks at all (indirect speech); Russian „“ across units.
        for targets in [
            [
                "Он сказал: «Мы победим.",
                "Никто не сомневается», — добавил он.",
                "Шёл дождь.",
            ],
            [
                "Он сказал: «Мы победим».",
                "«Никто не сомневается», — добавил он.",
                "Шёл дождь.",
            ],
            [
                "Он сказал, что они победят.",
                "Никто не сомневается, добавил он.",
                "Шёл дождь.",
            ],
            [
                "Он сказал: „Мы победим.",
                "Никто не сомневается“, — добавил он.",
                "Шёл дождь.",
            ],
        ] {
            assert_eq!(
                flagged(&SOURCE, &targets),
                Vec::<usize>::new(),
                "{targets:?}"
            );
        }
    }

    #[test]
    fn a_dropped_mark_across_units_is_reported_where_it_shows() {
        // The closing mark dropped: still open where the source closes.
        let t = [
            "Он сказал: «Мы победим.",
            "Никто не сомневается, — добавил он.",
            "Шёл дождь.",
        ];
        assert_eq!(flagged(&SOURCE, &t), [1]);
        // Closed in the first unit, closed again in the second.
        let t = [
            "Он сказал: «Мы победим».",
            "Никто не сомневается», — добавил он.",
            "Шёл дождь.",
        ];
        assert_eq!(flagged(&SOURCE, &t), [1]);
        // The opening mark dropped.
        let t = [
            "او گفت: ما پیروز می‌شویم.",
            "هیچ‌کس شک ندارد»، او افزود.",
            "باران بارید.",
        ];
        assert_eq!(flagged(&SOURCE, &t), [1]);
    }

    #[test]
    fn a_nested_quotation_left_open_is_reported_where_the_source_closes_it() {
        let s = [
            "He said: \"We saw 'a shark",
            "in the water.'",
            "Then we ran,\" he added.",
        ];
        let t = [
            "Он сказал: «Мы увидели „акулу",
            "в воде.",
            "Потом мы побежали», — добавил он.",
        ];
        assert_eq!(flagged(&s, &t), [1, 2]);
        let mut closed = t;
        closed[1] = "в воде“.";
        assert!(flagged(&s, &closed).is_empty());
    }

    #[test]
    fn spans_the_source_does_not_pair_up_or_too_long_are_not_judged() {
        // One unit: the unit check's business.
        assert!(flagged(&["He said \"no\"."], &["Он сказал «нет."]).is_empty());
        // The source closes what it never opened, then opens for good.
        let s = ["It ended.\"", "He said: \"Yes."];
        assert!(flagged(&s, &["Всё кончилось.", "Он сказал: «Да»."]).is_empty());
        let mut s = vec!["\"One."];
        s.extend(["More."; MAX_SPAN_UNITS]);
        s.push("End.\"");
        let mut t = vec!["«Раз."];
        t.extend(["Ещё."; MAX_SPAN_UNITS]);
        t.push("Конец.");
        assert!(flagged(&s, &t).is_empty());
    }
}
