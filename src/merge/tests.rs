use super::*;
use crate::formats::fingerprint;

fn unit(id: &str, source: &str, target: Option<&str>) -> Unit {
    let mut u = Unit::new(id, source, target.map(str::to_string));
    u.fingerprint = Some(fingerprint(source));
    u.segment_count = Some(3);
    u
}

use crate::Format;
use crate::Lang;
use crate::formats::TargetState;

fn file(units: Vec<Unit>) -> UnitFile {
    UnitFile {
        path: "f.xlf".into(),
        format: Format::Xliff20,
        source_lang: "en".into(),
        target_lang: "fa".into(),
        units,
        warnings: Vec::new(),
    }
}

#[test]
fn every_kind_of_problem_is_reported_by_id() {
    let mut drifted = unit("s2", "Two.", Some("دو"));
    drifted.source = "Two!".into();
    let f = file(vec![
        unit("s1", "One.", Some("یک")),
        drifted,
        unit("s1", "One.", Some("یکی")),
        unit("s9", "Nine.", Some("نه")),
        unit("x", "X.", Some("x")),
    ]);
    let r = merge(&[f]);
    let got: Vec<(&str, ProblemKind)> =
        r.problems.iter().map(|p| (p.id.as_str(), p.kind)).collect();
    assert_eq!(
        got,
        [
            ("s1", ProblemKind::DuplicateId),
            ("s2", ProblemKind::Drift),
            ("s3", ProblemKind::MissingUnit),
            ("s9", ProblemKind::UnknownId),
            ("x", ProblemKind::UnknownId),
        ]
    );
}

#[test]
fn missing_units_are_reported_as_runs_even_for_absurd_counts() {
    // Found by the import_tsv fuzz target: a segment count of u64::MAX
    // made merge list every missing id, without bound.
    let mut one = unit("s2", "Two.", Some("دو"));
    one.segment_count = Some(usize::MAX);
    let mut far = unit("s7", "Seven.", Some("هفت"));
    far.segment_count = Some(7);
    let r = merge(&[file(vec![one, far])]);
    let got: Vec<(&str, ProblemKind)> =
        r.problems.iter().map(|p| (p.id.as_str(), p.kind)).collect();
    let tail = format!("s8-s{}", usize::MAX);
    assert_eq!(
        got,
        [
            ("s1", ProblemKind::MissingUnit),
            ("s3-s6", ProblemKind::MissingUnit),
            (tail.as_str(), ProblemKind::MissingUnit),
        ]
    );
    assert_eq!(r.translations[0].text(), "دو هفت");
}

#[test]
fn a_clean_file_merges_in_order() {
    let f = file(vec![
        unit("s3", "Three.", Some("سه")),
        unit("s1", "One.", Some("یک")),
        unit("s2", "Two.", Some("دو")),
    ]);
    let r = merge(&[f]);
    assert!(r.problems.is_empty());
    assert_eq!(r.translations[0].text(), "یک دو سه");
    let tmx = String::from_utf8(r.to_tmx().unwrap()).unwrap();
    assert!(tmx.contains(r#"<tuv xml:lang="fa">"#));
}

#[test]
fn empty_targets_are_missing_translations() {
    let f = file(vec![
        unit("s1", "One.", Some(" ")),
        unit("s2", "Two.", None),
        unit("s3", "Three.", Some("سه")),
    ]);
    let r = merge(&[f]);
    assert_eq!(r.problems.len(), 2);
    assert!(
        r.problems
            .iter()
            .all(|p| p.kind == ProblemKind::EmptyTarget)
    );
}

fn problems(r: &MergeResult) -> Vec<(&str, ProblemKind)> {
    r.problems.iter().map(|p| (p.id.as_str(), p.kind)).collect()
}

#[test]
fn ids_are_digits_only_and_bounded() {
    assert_eq!(id_number("s1"), Some(1));
    assert_eq!(id_number("s+1"), None);
    assert_eq!(id_number("s01"), None);
    assert_eq!(id_number("s"), None);
    assert_eq!(id_number("s18446744073709551615"), None);
    assert_eq!(id_number("s99999999999999999999999"), None);
    // Such ids are unknown, and nothing overflows.
    let mut huge = unit("s18446744073709551615", "One.", Some("یک"));
    huge.segment_count = Some(usize::MAX);
    let r = merge(&[file(vec![huge])]);
    assert!(problems(&r).contains(&("s18446744073709551615", ProblemKind::UnknownId)));
}

#[test]
fn agreeing_duplicates_are_one_unit_and_conflicts_show_both_targets() {
    let a = file(vec![
        unit("s1", "One.", Some("یک")),
        unit("s2", "Two.", Some("دو")),
    ]);
    let mut b = a.clone();
    b.path = "f.tmx".into();
    b.units.push(unit("s3", "Three.", Some("سه")));
    let r = merge(&[a.clone(), b.clone()]);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    b.units[1].target = Some("دوتا".into());
    let r = merge(&[a, b]);
    assert_eq!(problems(&r), [("s2", ProblemKind::DuplicateId)]);
    let detail = r.problems[0].detail.as_deref().unwrap();
    assert!(detail.contains("دو") && detail.contains("دوتا"), "{detail}");
}

#[test]
fn a_copy_of_the_source_is_untranslated_unless_nothing_needs_translating() {
    let f = file(vec![
        unit("s1", "One more.", Some("One more.")),
        unit("s2", "2024-05-01, 17:30", Some("2024-05-01, 17:30")),
        unit(
            "s3",
            "https://example.org/x @reuters",
            Some("https://example.org/x @reuters"),
        ),
    ]);
    assert_eq!(
        problems(&merge(std::slice::from_ref(&f))),
        [("s1", ProblemKind::Untranslated)]
    );
    // Into the source language (an en-GB edition of an en brief) a copy is fine.
    let mut same = f;
    same.target_lang = "en-GB".into();
    assert!(merge(&[same]).problems.is_empty());
}

#[test]
fn segment_states_are_reported() {
    let mut initial = unit("s1", "One.", Some("یک"));
    initial.state = TargetState::Initial;
    let mut partial = unit("s2", "Two.", Some("دو"));
    partial.state = TargetState::Partial;
    let r = merge(&[file(vec![
        initial,
        partial,
        unit("s3", "Three.", Some("سه")),
    ])]);
    assert_eq!(
        problems(&r),
        [
            ("s1", ProblemKind::Untranslated),
            ("s2", ProblemKind::PartlyTranslated)
        ]
    );
    assert_eq!(r.translations[0].sentences.len(), 1);
}

#[test]
fn files_of_different_exports_are_refused() {
    let mut a = file(vec![unit("s1", "One.", Some("یک"))]);
    a.units[0].segment_count = Some(1);
    a.units[0].export_id = Some("aaaa".into());
    let mut b = a.clone();
    b.path = "other.xlf".into();
    b.target_lang = "ru".into();
    b.units[0].target = Some("один".into());
    b.units[0].export_id = Some("bbbb".into());
    let r = merge(&[a, b]);
    assert_eq!(problems(&r), [("-", ProblemKind::MixedExports)]);
    assert!(r.problems[0].to_string().contains("other.xlf"));
    assert!(r.problems[0].to_string().contains("export"));
}

#[test]
fn exchanged_ids_are_out_of_order() {
    let mut units: Vec<Unit> = (1..=4)
        .map(|i| {
            let mut u = unit(&format!("s{i}"), &format!("S{i}."), Some(&format!("ت {i}")));
            u.document_index = Some(1);
            u.position = Some(i);
            u.segment_count = Some(4);
            u
        })
        .collect();
    assert!(merge(&[file(units.clone())]).problems.is_empty());
    units.swap(0, 1);
    units[0].id = "s1".into();
    units[1].id = "s2".into();
    let r = merge(&[file(units)]);
    assert_eq!(
        problems(&r),
        [
            ("s1", ProblemKind::OutOfOrder),
            ("s2", ProblemKind::OutOfOrder)
        ]
    );
}

fn reference() -> Reference {
    let units = ["One.", "Two.", "Three."]
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut u = unit(&format!("s{}", i + 1), s, None);
            u.paragraph = Some(i / 2 + 1);
            u.document_index = Some(1);
            u
        })
        .collect();
    Reference {
        path: "brief.reference.jsonl".into(),
        units,
        targets: Vec::new(),
    }
}

#[test]
fn without_metadata_drift_cannot_be_checked_but_a_reference_can() {
    let bare = |id: &str, s: &str, t: &str| Unit::new(id, s, Some(t.to_string()));
    let f = file(vec![
        bare("s1", "One.", "یک"),
        bare("s2", "Two, edited.", "دو"),
    ]);
    let r = merge(std::slice::from_ref(&f));
    assert!(problems(&r).contains(&("s2", ProblemKind::Unchecked)));
    let r = merge_with_reference(std::slice::from_ref(&f), Some(&reference()));
    assert_eq!(
        problems(&r),
        [("s2", ProblemKind::Drift), ("s3", ProblemKind::MissingUnit)]
    );
    // Swapped ids: each source is now under the other's id.
    let swapped = file(vec![
        bare("s1", "Two.", "دو"),
        bare("s2", "One.", "یک"),
        bare("s3", "Three.", "سه"),
    ]);
    let r = merge_with_reference(&[swapped], Some(&reference()));
    assert_eq!(
        problems(&r),
        [("s1", ProblemKind::Drift), ("s2", ProblemKind::Drift)]
    );
    // The paragraphs come from the reference.
    let good = file(vec![
        bare("s1", "One.", "یک"),
        bare("s2", "Two.", "دو"),
        bare("s3", "Three.", "سه"),
    ]);
    let r = merge_with_reference(&[good], Some(&reference()));
    assert!(r.problems.is_empty());
    assert_eq!(r.translations[0].text(), "یک دو\n\nسه");
}

#[test]
fn units_without_ids_are_matched_by_source_with_a_reference() {
    let bare = |s: &str, t: &str| Unit::new("", s, Some(t.to_string()));
    // Sorted by source, as OmegaT writes its project memory.
    let f = file(vec![
        bare("One.", "یک"),
        bare("Three.", "سه"),
        bare("Two.", "دو"),
    ]);
    let r = merge_with_reference(std::slice::from_ref(&f), Some(&reference()));
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.translations[0].text(), "یک دو\n\nسه");
    let r = merge(&[f]);
    assert!(
        r.problems
            .iter()
            .all(|p| p.kind == ProblemKind::Unchecked || p.kind == ProblemKind::MissingUnit)
    );
    assert!(!r.problems.is_empty());
}

#[test]
fn invisible_and_foreign_script_targets_are_not_translations() {
    // Red-team findings: a target of ZWNJ and bidi marks, and the Russian
    // text in the Persian file, merged as translations.
    let r = merge(&[file(vec![
        unit("s1", "One day.", Some("\u{200C}\u{200F} \u{200B}")),
        unit("s2", "Two days.", Some("Два дня.")),
        unit("s3", "Three days.", Some("سه روز.")),
    ])]);
    assert_eq!(
        problems(&r),
        [
            ("s1", ProblemKind::EmptyTarget),
            ("s2", ProblemKind::WrongLanguage)
        ]
    );
    assert_eq!(r.translations[0].sentences.len(), 1);
}

#[test]
fn languages_of_two_exports_disagree_on_fingerprints() {
    let fa = file(vec![
        unit("s1", "One.", Some("یک")),
        unit("s2", "Two.", Some("دو")),
        unit("s3", "Three.", Some("سه")),
    ]);
    let mut ru = file(vec![
        unit("s1", "One.", Some("Один")),
        unit("s2", "Other.", Some("Другой")),
        unit("s3", "Three.", Some("Три")),
    ]);
    ru.target_lang = "ru".into();
    let r = merge(&[fa.clone(), ru.clone()]);
    assert_eq!(problems(&r), [("s2", ProblemKind::MixedExports)]);
    // The same export in both: nothing to report.
    let mut same = fa.clone();
    same.target_lang = "ru".into();
    for u in &mut same.units {
        u.target = Some("Перевод".into());
    }
    assert!(merge(&[fa, same]).problems.is_empty());
}

#[test]
fn a_reference_with_two_sources_for_one_id_is_refused() {
    // Red team: the second was dropped, and merge checked against the first.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ref.tsv");
    let fp = |s: &str| fingerprint(s);
    let text = format!(
        "id\tsource_lang\ttarget_lang\tsource\ttarget\tfingerprint\n\
         s1\ten\tfa\tOne.\t\t{}\ns1\ten\tfa\tUno.\t\t{}\n",
        fp("One."),
        fp("Uno.")
    );
    std::fs::write(&path, text).unwrap();
    let err = read_reference(&path).unwrap_err().to_string();
    assert!(
        err.contains("unit s1: twice with different sources"),
        "{err}"
    );
}

/// Merge and check make one judgement of a target (check::judge_target):
/// what merge refuses, check reports as an error, and what merge accepts
/// ("NATO." left as it is), check accepts.
#[test]
fn merge_and_check_judge_every_target_alike() {
    use crate::check::{CheckSettings, Severity, check_target};
    let cases: [(&str, &str, TargetState, Option<ProblemKind>); 9] = [
        ("NATO.", "NATO.", TargetState::Unspecified, None),
        ("Reuters.", "Reuters.", TargetState::Unspecified, None),
        (
            "The talks failed.",
            "The talks failed.",
            TargetState::Unspecified,
            Some(ProblemKind::Untranslated),
        ),
        (
            "Turnout was 7.5%.",
            "Явка составила 75%.",
            TargetState::Unspecified,
            Some(ProblemKind::Numbers),
        ),
        (
            "Turnout was 7.5%.",
            "Явка становила 7,5%, і це більше, ніж торік.",
            TargetState::Unspecified,
            Some(ProblemKind::WrongLanguage),
        ),
        (
            "Turnout was 7.5%.",
            "Явка составила 7,5%.",
            TargetState::Unapproved,
            Some(ProblemKind::Untranslated),
        ),
        (
            "Turnout was 7.5%.",
            "Явка составила 7,5%.",
            TargetState::Unspecified,
            None,
        ),
        (
            "See\u{a0}https://example.org/a1.",
            "См.\u{a0}https://example.org/a2.",
            TargetState::Unspecified,
            Some(ProblemKind::Untouchables),
        ),
        (
            "It fell to -5 degrees.",
            "Температура упала до 5 градусов.",
            TargetState::Unspecified,
            Some(ProblemKind::Numbers),
        ),
    ];
    for (source, target, state, want) in cases {
        let mut u = unit("s1", source, Some(target));
        u.segment_count = Some(1);
        u.state = state;
        let mut f = file(vec![u]);
        f.target_lang = "ru".into();
        let merged = merge(&[f]);
        let kinds: Vec<ProblemKind> = merged.problems.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            want.into_iter().collect::<Vec<_>>(),
            "{source} → {target}"
        );
        let errors = check_target(
            source,
            target,
            state,
            Lang::EN,
            Lang::RU,
            &CheckSettings::default(),
            None,
        )
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
        assert_eq!(
            errors > 0,
            want.is_some(),
            "check disagrees on {source} → {target}"
        );
    }
}

/// The Russian file delivered under the Persian name, merged with the real
/// Russian file: the Persian translation is missing, and merge says so.
#[test]
fn a_file_named_for_another_language_is_reported() {
    let mut u = unit("s1", "Hello there, friends.", Some("Привет, друзья."));
    u.segment_count = Some(1);
    let mut ru = file(vec![u]);
    ru.target_lang = "ru".into();
    ru.path = "out/brief.ru.xliff20.xlf".into();
    let mut as_fa = ru.clone();
    as_fa.path = "out/brief.fa.xliff20.xlf".into();
    let r = merge(&[as_fa, ru.clone()]);
    assert_eq!(problems(&r), [("-", ProblemKind::WrongLanguage)]);
    assert!(
        r.problems[0]
            .to_string()
            .contains("fa translation is missing"),
        "{}",
        r.problems[0]
    );
    assert!(merge(&[ru]).problems.is_empty());
    assert_eq!(
        language_in_name("brief.fa-IR.tsv".as_ref()).map(|t| t.to_string()),
        Some("fa-IR".to_string())
    );
    assert_eq!(language_in_name("notes.fa.tsv".as_ref()), None);
}

#[test]
fn a_language_the_export_asked_for_and_no_file_is_in_is_a_problem() {
    let bare = |id: &str, s: &str, t: &str| Unit::new(id, s, Some(t.to_string()));
    let fa = file(vec![
        bare("s1", "One.", "یک"),
        bare("s2", "Two.", "دو"),
        bare("s3", "Three.", "سه"),
    ]);
    let mut r = reference();
    r.targets = vec!["fa".parse().unwrap(), "ru".parse().unwrap()];
    let mut result = merge_with_reference(std::slice::from_ref(&fa), Some(&r));
    assert_eq!(problems(&result), [("-", ProblemKind::MissingLanguage)]);
    let p = &result.problems[0];
    assert_eq!(p.lang, "ru");
    assert_eq!(p.file, r.path);
    assert!(p.to_string().contains("no ru brief"), "{p}");
    // Merging the languages given, on purpose: no problem left, the
    // Persian brief as it was.
    result.accept_missing_languages();
    assert!(result.problems.is_empty());
    assert_eq!(result.translations[0].text(), "یک دو\n\nسه");
    // Every language given: nothing missing; a reference that does not
    // list the languages says nothing about them.
    let mut ru = fa.clone();
    ru.target_lang = "ru".into();
    ru.path = "g.xlf".into();
    for (u, t) in ru.units.iter_mut().zip(["Один.", "Два.", "Три."]) {
        u.target = Some(t.into());
    }
    let both = merge_with_reference(&[fa.clone(), ru], Some(&r));
    assert!(both.problems.is_empty(), "{:?}", both.problems);
    let unlisted = merge_with_reference(&[fa], Some(&reference()));
    assert!(unlisted.problems.is_empty());
}
