//! One update that gets two different translations of one source: both
//! kept, each conflict listed, the next update with one translation
//! settles them; the header of a new memory names every source language.

use super::*;

fn tr<'a>(
    source: &'a str,
    source_lang: &'a str,
    target: &'a str,
    target_lang: &'a str,
) -> NewTranslation<'a> {
    NewTranslation {
        source,
        source_lang,
        target,
        target_lang,
    }
}

/// The exact match and the other exact units' translations (score 100).
fn exact_and_others(m: &Memory, source: &str) -> (Option<String>, Vec<String>) {
    let hit = m.lookup(source, "en", "fa");
    let others = hit
        .fuzzy
        .iter()
        .filter(|f| f.score == 100)
        .map(|f| f.target.clone())
        .collect();
    (hit.exact.map(|e| e.target), others)
}

#[test]
fn two_sets_with_different_translations_keep_both_and_name_the_conflict() {
    let d = date("20261201T080000Z");
    let mut m = Memory::new();
    let one = [
        tr("The talks resumed.", "en", "A", "fa"),
        tr("Rain fell.", "en", "R", "fa"),
    ];
    let two = [
        tr("Rain fell.", "en", "R", "fa"),
        tr("The talks  resumed.", "en", "B", "fa"),
    ];
    let (s, conflicts) = m.update_sets(&[(&one, "e1"), (&two, "e2")], &d).unwrap();
    assert_eq!(
        conflicts,
        vec![Conflict {
            first: (0, 0),
            other: (1, 1)
        }]
    );
    assert_eq!((s.units_added, s.units_updated, s.conflicts), (3, 0, 1));
    // Every translation in one counter: R again is unchanged.
    assert_eq!(
        (
            s.translations_added,
            s.translations_replaced,
            s.translations_unchanged,
            s.translations_skipped
        ),
        (3, 0, 1, 0)
    );
    // Both translations are in the memory: the first as the exact match
    // (same date, first in the memory), the other beside it.
    let (exact, others) = exact_and_others(&m, "The talks resumed.");
    assert_eq!(exact.as_deref(), Some("A"));
    assert_eq!(others, vec!["B".to_string()]);
    let tmx = String::from_utf8(m.to_tmx().unwrap()).unwrap();
    assert_eq!(
        tmx.matches(r#"<prop type="x-brief-alternative">e1</prop>"#)
            .count(),
        1,
        "{tmx}"
    );
    // The same update again: nothing changes, the conflict is still named.
    let (s, again) = m.update_sets(&[(&one, "e1"), (&two, "e2")], &d).unwrap();
    assert_eq!(again, conflicts);
    assert!(!s.changed());
    assert_eq!(s.translations_unchanged, 4);
    assert_eq!(m.to_tmx().unwrap(), tmx.as_bytes());
}

#[test]
fn two_units_of_one_set_conflict_and_the_same_translation_twice_does_not() {
    let d = date("20261201T080000Z");
    let mut m = Memory::new();
    let s = m
        .update(
            &[
                pair("He said.", "X", "fa"),
                pair("He said.", "X", "fa"),
                pair("He said.", "Y", "fa"),
                pair("He said.", "Z", "ru"),
            ],
            "e1",
            &d,
        )
        .unwrap();
    // Y differs from X (one conflict); Z is another language (none).
    assert_eq!(s.conflicts, 1);
    assert_eq!((s.units_added, s.translations_added), (2, 3));
    assert_eq!(s.translations_unchanged, 1);
    let (exact, others) = exact_and_others(&m, "He said.");
    assert_eq!(
        (exact.as_deref(), others),
        (Some("X"), vec!["Y".to_string()])
    );
    // Translations that agree after normalization are no conflict.
    let mut m = Memory::new();
    let (s, conflicts) = m
        .update_sets(
            &[
                (&[pair("Go.", "Бег.", "ru")], "e1"),
                (&[pair("Go.", "Бег. ", "ru")], "e2"),
            ],
            &d,
        )
        .unwrap();
    assert!(conflicts.is_empty());
    assert_eq!((s.units_added, s.translations_unchanged), (1, 1));
}

#[test]
fn a_later_update_with_one_translation_settles_the_alternatives() {
    let d1 = date("20261201T080000Z");
    let d2 = date("20261202T080000Z");
    let mut m = Memory::new();
    m.update(
        &[
            pair("Talks failed.", "A", "fa"),
            pair("Talks failed.", "B", "fa"),
        ],
        "e1",
        &d1,
    )
    .unwrap();
    assert_eq!(m.len(), 2);
    let tmx = m.to_tmx().unwrap();
    let mut m = Memory::read(tmx, Path::new("m.tmx")).unwrap();
    let s = m
        .update(&[pair("Talks failed.", "B", "fa")], "e2", &d2)
        .unwrap();
    // The unit that held A now holds B; the alternative held B already.
    assert_eq!(
        (s.units_updated, s.translations_replaced, s.conflicts),
        (1, 1, 0)
    );
    let (exact, others) = exact_and_others(&m, "Talks failed.");
    assert_eq!(
        (exact.as_deref(), others),
        (Some("B"), Vec::<String>::new())
    );
    // A third translation replaces both.
    let s = m
        .update(&[pair("Talks failed.", "C", "fa")], "e3", &d2)
        .unwrap();
    assert_eq!((s.units_updated, s.translations_replaced), (2, 1));
    let (exact, others) = exact_and_others(&m, "Talks failed.");
    assert_eq!(
        (exact.as_deref(), others),
        (Some("C"), Vec::<String>::new())
    );
    assert_eq!(m.len(), 2);
}

#[test]
fn another_tools_duplicate_units_are_not_settled_by_an_update() {
    // Two units of one source written by another tool (alternatives tied
    // to their contexts, as OmegaT keeps them): only the first is updated.
    let xml = r#"<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>Talks failed.</seg></tuv><tuv xml:lang="fa"><seg>A</seg></tuv></tu>
<tu><prop type="file">b.txt</prop><tuv xml:lang="en"><seg>Talks failed.</seg></tuv><tuv xml:lang="fa"><seg>B</seg></tuv></tu>
</body></tmx>"#;
    let mut m = Memory::read(xml.as_bytes().to_vec(), Path::new("o.tmx")).unwrap();
    let s = m
        .update(
            &[pair("Talks failed.", "C", "fa")],
            "e1",
            &date("20261201T080000Z"),
        )
        .unwrap();
    assert_eq!(s.units_updated, 1);
    let out = String::from_utf8(m.to_tmx().unwrap()).unwrap();
    assert!(
        out.contains("<seg>B</seg>") && !out.contains("<seg>A</seg>"),
        "{out}"
    );
}

#[test]
fn a_conflict_with_a_translation_the_memory_held_replaces_nothing_it_still_needs() {
    let d = date("20261201T080000Z");
    let mut m = memory_of(&[("Talks failed.", "OLD")], "fa");
    // Two new translations: the first replaces the old one, the second is
    // an alternative.
    let (s, conflicts) = m
        .update_sets(
            &[
                (&[pair("Talks failed.", "A", "fa")], "e1"),
                (&[pair("Talks failed.", "B", "fa")], "e2"),
            ],
            &d,
        )
        .unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        (
            s.units_added,
            s.units_updated,
            s.translations_added,
            s.translations_replaced
        ),
        (1, 1, 1, 1)
    );
    let (exact, others) = exact_and_others(&m, "Talks failed.");
    assert_eq!(
        (exact.as_deref(), others),
        (Some("A"), vec!["B".to_string()])
    );
    // The memory holds B, this update gives B and C: the unit keeps A?
    // No: A is not given again, so C takes its place; B stays.
    let (s, _) = m
        .update_sets(
            &[
                (&[pair("Talks failed.", "B", "fa")], "e3"),
                (&[pair("Talks failed.", "C", "fa")], "e4"),
            ],
            &d,
        )
        .unwrap();
    assert_eq!(
        (
            s.units_added,
            s.translations_unchanged,
            s.translations_replaced
        ),
        (0, 1, 1)
    );
    let mut all = exact_and_others(&m, "Talks failed.").1;
    all.extend(exact_and_others(&m, "Talks failed.").0);
    all.sort();
    assert_eq!(all, vec!["B".to_string(), "C".to_string()]);
}

#[test]
fn a_new_memory_of_sets_in_two_source_languages_says_all_in_its_header() {
    let d = date("20261201T080000Z");
    // The Russian set's source is already in the memory (as the English
    // set's Russian translation): no new unit, but a second source language.
    let mut m = Memory::new();
    let en = [tr("Hello.", "en", "Привет.", "ru")];
    let ru = [tr("Привет.", "ru", "سلام.", "fa")];
    m.update_sets(&[(&en, "e1"), (&ru, "e2")], &d).unwrap();
    assert_eq!(m.len(), 1);
    let tmx = String::from_utf8(m.to_tmx().unwrap()).unwrap();
    assert!(tmx.contains(r#"srclang="*all*""#), "{tmx}");
}

#[test]
fn units_added_to_a_read_memory_compare_their_language_with_its_header() {
    // The header of a memory read from a file is never rewritten: every
    // unit in another source language says so itself, not only the first.
    let m = memory_of(&[("Kept.", "K")], "fa");
    let mut m = Memory::read(m.to_tmx().unwrap(), Path::new("m.tmx")).unwrap();
    let ru = [
        tr("Один.", "ru", "یک.", "fa"),
        tr("Два.", "ru", "دو.", "fa"),
    ];
    m.update(&ru, "e2", &date("20261201T080000Z")).unwrap();
    let tmx = String::from_utf8(m.to_tmx().unwrap()).unwrap();
    assert!(tmx.contains(r#"srclang="en""#), "{tmx}");
    assert_eq!(tmx.matches(r#"<tu tuid"#).count(), 3);
    assert_eq!(tmx.matches(r#"srclang="ru""#).count(), 2, "{tmx}");
}
