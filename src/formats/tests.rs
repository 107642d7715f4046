use super::*;

#[test]
fn language_tags_are_validated() {
    assert!("fa-IR".parse::<LanguageTag>().is_ok());
    assert!("ru".parse::<LanguageTag>().is_ok());
    assert!("zh-Hant-TW".parse::<LanguageTag>().is_ok());
    assert!("f".parse::<LanguageTag>().is_err());
    assert!("fa IR".parse::<LanguageTag>().is_err());
    assert!("fa-".parse::<LanguageTag>().is_err());
    assert!("fa-IR".parse::<LanguageTag>().unwrap().is_rtl());
}

#[test]
fn file_names_are_unique_per_format_and_language() {
    let mut names = std::collections::BTreeSet::new();
    for tag in ["fa", "ru", "fa-IR"] {
        let tag: LanguageTag = tag.parse().unwrap();
        for f in Format::ALL {
            assert!(names.insert(file_name(f, &tag)));
        }
    }
}

#[test]
fn fingerprints_differ_on_any_change() {
    assert_ne!(fingerprint("a b"), fingerprint("a  b"));
    assert_eq!(fingerprint("").len(), 16);
}

#[test]
fn metadata_round_trips_through_its_keys() {
    let u = Unit {
        id: "s1".into(),
        source: "One.".into(),
        target: None,
        fingerprint: Some(fingerprint("One.")),
        segment_count: Some(3),
        document: Some("a.txt".into()),
        document_index: Some(2),
        position: Some(4),
        paragraph: Some(1),
        rank: Some(1),
        score: Some(0.25),
        previous: Some("Zero.".into()),
        next: Some("Two.".into()),
        export_id: Some("0123456789abcdef".into()),
        state: TargetState::Unspecified,
    };
    let mut back = Unit::new("s1", "One.", None);
    for (k, v) in u.meta() {
        back.set_meta(k, &v);
    }
    assert_eq!(back, u);
    assert_eq!(u.meta().len(), META_KEYS.len());
}

#[test]
fn three_letter_codes_of_known_languages_are_read_as_two() {
    let path = std::path::Path::new("t.xlf");
    for (written, read, warned) in [
        ("pes", "fa", true),
        ("prs", "fa", true),
        ("pes_Arab", "fa-Arab", true),
        ("fas-IR", "fa-IR", true),
        ("rus", "ru", true),
        ("fa-IR", "fa-IR", false),
        ("ukr", "ukr", false),
    ] {
        let mut warnings = Vec::new();
        let tag = super::read_tag(written, "target-language", path, &mut warnings).unwrap();
        assert_eq!(tag, read, "{written}");
        assert_eq!(!warnings.is_empty(), warned, "{written}: {warnings:?}");
    }
}
