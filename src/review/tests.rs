use proptest::prelude::*;
use scraper::{Html, Selector};

use super::*;
use crate::formats::Format;

fn unit(id: &str, source: &str, target: Option<&str>, document: Option<&str>) -> Unit {
    let mut u = Unit::new(id, source, target.map(str::to_string));
    u.document = document.map(str::to_string);
    u.previous = Some(format!("Before {id}."));
    u.next = Some(format!("After {id}."));
    u
}

fn file(path: &str, lang: &str, units: Vec<Unit>) -> UnitFile {
    UnitFile {
        path: path.into(),
        format: Format::Xliff20,
        source_lang: "en".into(),
        target_lang: lang.into(),
        units,
        warnings: vec![],
    }
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

#[test]
fn persian_targets_are_right_to_left_and_russian_left_to_right() {
    let files = [
        file(
            "a.fa.xlf",
            "fa",
            vec![unit("s1", "It rained.", Some("باران بارید."), None)],
        ),
        file(
            "a.ru.xlf",
            "ru",
            vec![unit("s1", "It rained.", Some("Шёл дождь."), None)],
        ),
    ];
    let page = render("brief check", &files, None, &[]);
    let doc = Html::parse_document(&page);
    let fa = select(&doc, "p.target[lang=fa]");
    assert_eq!(fa.len(), 1);
    assert_eq!(fa[0].value().attr("dir"), Some("rtl"));
    let ru = select(&doc, "p.target[lang=ru]");
    assert_eq!(ru[0].value().attr("dir"), Some("ltr"));
    assert!(page.contains("Nothing found."));
    // Neighbours are shown in the source language.
    assert_eq!(select(&doc, "p.context[lang=en]").len(), 4);
}

#[test]
fn every_finding_is_shown_with_kind_severity_and_counted_per_kind() {
    let files = [file(
        "b.fa.xlf",
        "fa",
        vec![
            unit("s1", "In 2019.", Some("در ۲۰۱۸."), Some("a1#0")),
            unit("s2", "He left.", Some("He left."), Some("a2#0")),
        ],
    )];
    let marks = [
        Mark::new(
            "b.fa.xlf",
            "s1",
            "numbers",
            Severity::Error,
            "2019 is missing",
        ),
        Mark::new("b.fa.xlf", "s2", "untranslated", Severity::Error, "a copy"),
        Mark::new("b.fa.xlf", "s2", "length", Severity::Warning, "short"),
        Mark::new(
            "b.fa.xlf",
            "s3-s5",
            "missing",
            Severity::Error,
            "not in the file",
        ),
    ];
    let page = render("brief merge", &files, None, &marks);
    let doc = Html::parse_document(&page);
    let counts: Vec<String> = select(&doc, "table.counts tbody tr")
        .iter()
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .collect();
    assert_eq!(
        counts,
        [
            "length|0|1",
            "missing|1|0",
            "numbers|1|0",
            "untranslated|1|0"
        ]
    );
    assert_eq!(select(&doc, ".unit.has-error").len(), 2, "{page}");
    assert_eq!(select(&doc, ".unit.orphan").len(), 1);
    let items: Vec<String> = select(&doc, ".item-id")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(items, ["a1", "a2"]);
    for m in &marks {
        assert!(
            page.contains(&format!(">{}<", m.id)),
            "{} not on the page",
            m.id
        );
    }
    assert_eq!(select(&doc, "li.warning").len(), 1);
}

/// Text that a page must show and never run: markup, entities, quotes,
/// bidi overrides, a URL scheme, raw-text element ends.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<script>alert(1)</script>",
        "</textarea>",
        "</style>",
        "<!--",
        "-->",
        "]]>",
        "\"",
        "'",
        "&amp;",
        "&",
        "javascript:alert(1)",
        "<img src=x onerror=alert(1)>",
        "\u{202e}",
        "\u{2066}",
        "\u{200c}",
        "\u{0}",
        "\u{1b}[31m",
        "باران",
        "дождь",
        " ",
        "x",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn nothing_from_a_file_is_markup_on_the_page(
        target in hostile(),
        source in hostile(),
        id in hostile(),
        message in hostile(),
        item in hostile(),
    ) {
        let document = format!("{item}#0");
        let files = [file("h.fa.xlf", "fa", vec![unit(&id, &source, Some(&target), Some(&document))])];
        let marks = [Mark::new("h.fa.xlf", id.clone(), "numbers", Severity::Error, message.clone())];
        let page = render("brief check", &files, None, &marks);
        let doc = Html::parse_document(&page);
        // Only the page's own elements: no script, image, link or handler.
        prop_assert!(select(&doc, "script, img, a, iframe, object, textarea").is_empty());
        for e in doc.root_element().descendants().filter_map(scraper::ElementRef::wrap) {
            prop_assert!(e.value().attrs().all(|(k, _)| !k.starts_with("on")));
        }
        prop_assert_eq!(select(&doc, "style").len(), 1);
        prop_assert_eq!(select(&doc, "div.unit").len(), 1);
        // The texts come back exactly, hidden characters as visible marks.
        let shown = |s: &str| -> String {
            s.chars().map(|c| if html::is_hidden(c) { format!("U+{:04X}", c as u32) } else { c.to_string() }).collect()
        };
        let target_el = select(&doc, "p.target");
        prop_assume!(!target.is_empty());
        prop_assert_eq!(target_el[0].text().collect::<String>(), shown(&target));
        let source_el = select(&doc, "p.source");
        prop_assert_eq!(source_el[0].text().collect::<String>(), shown(&source));
        let li = select(&doc, "li.error");
        let li_text: String = li[0].text().collect();
        prop_assert!(li_text.ends_with(&shown(&message)), "{}", li_text);
        let raw = page.contains('\u{202e}') || page.contains('\u{0}');
        prop_assert!(!raw, "a bidi override or NUL reached the page raw");
    }
}

#[test]
fn escape_leaves_plain_text_alone() {
    assert!(matches!(escape("plain"), std::borrow::Cow::Borrowed(_)));
    assert_eq!(
        escape(r#"<a href="x">'&'</a>"#),
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
    );
}
