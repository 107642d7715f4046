//! Memories written by other tools: every unit an update does not touch is
//! written back exactly as read.

use super::*;

/// A memory as another tool writes it: header props, notes and `<ude>`,
/// paired and isolated codes, placeholders and highlights, tuv props and
/// notes, attributes brief does not know, comments and its own layout.
const ANOTHER_TOOL: &str = "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">
<!-- exported by Other CAT 9 -->
<tmx version=\"1.4\">
<header creationtool=\"OtherCAT\" creationtoolversion=\"9.1\" segtype=\"sentence\" o-tmf=\"OCAT\" adminlang=\"en-US\" srclang=\"en\" datatype=\"html\">
  <prop type=\"x-project\">Desk &amp; wire</prop>
  <note>Approved units only.</note>
  <ude name=\"MacRoman\" base=\"Macintosh\"><map unicode=\"#xF8FF\" code=\"#xF0\" ent=\"Apple_logo\" subst=\"[Apple]\"/></ude>
</header>
<body>
 <tu tuid='u1' creationid='anna' datatype='html' usagecount='4'>
  <prop type='x-client'>AP</prop>
  <tuv xml:lang='en'><seg>Press <bpt i='1' x='1'>&lt;b&gt;</bpt>Enter<ept i='1'>&lt;/b&gt;</ept> to go on.</seg></tuv>
  <tuv xml:lang='fa' creationid='reza'><prop type='x-reviewed'>yes</prop><note>checked twice</note><seg>برای ادامه <bpt i='1' x='1'>&lt;b&gt;</bpt>Enter<ept i='1'>&lt;/b&gt;</ept> را بزنید.</seg></tuv>
 </tu>
 <tu tuid='u2'><tuv xml:lang='en'><seg>A <hi type='emph'>big</hi> day<ph x='2'>&lt;br/&gt;</ph> in <it pos='begin' x='3'>&lt;i&gt;</it>Tehran.</seg></tuv><tuv xml:lang='ru'><seg>Большой день в Тегеране.</seg></tuv></tu>
 <!-- a comment between units -->
 <tu tuid='u3' changedate='20250101T000000Z'>
  <note>keep me</note>
  <tuv xml:lang='en'><seg>The <ph x='1'>{1}</ph> minister arrived.</seg></tuv>
  <tuv xml:lang='fa'><prop type='x-brief-export'>old</prop><seg>وزیر <ph x='1'>{1}</ph> رسید.</seg></tuv>
 </tu>
</body>
</tmx>
";

/// The bytes of each `<tu>` of a TMX document, in order.
fn unit_texts(text: &str) -> Vec<String> {
    let mut spans = Vec::new();
    crate::formats::tmx::read_units(
        text,
        Path::new("t.tmx"),
        MAX_MEMORY_BYTES,
        &mut |_, _, span, _| {
            spans.push(text[span].to_string());
            Ok(())
        },
    )
    .unwrap();
    spans
}

#[test]
fn another_tools_memory_keeps_every_unit_it_did_not_touch() {
    let mut m = Memory::read(ANOTHER_TOOL.as_bytes().to_vec(), Path::new("o.tmx")).unwrap();
    let d = date("20261205T120000Z");
    let s = m
        .update(
            &[
                // u3 gets a new Persian translation, u2 a Persian variant;
                // two sentences are new.
                pair("The minister arrived.", "وزیر وارد شد.", "fa"),
                pair("A big day in Tehran.", "روزی بزرگ در تهران.", "fa"),
                pair("Talks resumed.", "گفتگوها از سر گرفته شد.", "fa"),
                pair("Talks resumed.", "Переговоры возобновились.", "ru"),
                pair("Rain & wind <today>.", "باران و باد <امروز>.", "fa"),
            ],
            "e9",
            &d,
        )
        .unwrap();
    assert_eq!((s.units_added, s.units_updated), (2, 2));
    assert_eq!(
        (
            s.translations_added,
            s.translations_replaced,
            s.translations_unchanged
        ),
        (4, 1, 0)
    );
    let out = String::from_utf8(m.to_tmx().unwrap()).unwrap();
    // Everything up to the first changed unit, header and BOM included, as read.
    let u2 = ANOTHER_TOOL.find(" <tu tuid='u2'").unwrap();
    assert_eq!(out[..u2], ANOTHER_TOOL[..u2]);
    let before = unit_texts(ANOTHER_TOOL.trim_start_matches('\u{FEFF}'));
    let after = unit_texts(out.trim_start_matches('\u{FEFF}'));
    assert_eq!(after.len(), 5);
    // The untouched unit, byte for byte.
    assert_eq!(after[0], before[0]);
    // A changed unit keeps all it had; its new variant comes after the others.
    assert!(after[1].starts_with("<tu tuid='u2' changedate=\"20261205T120000Z\">"));
    assert!(after[1].contains(&before[1]["<tu tuid='u2'>".len()..before[1].len() - "</tu>".len()]));
    assert!(
        after[1].contains("<seg>روزی بزرگ در تهران.</seg>"),
        "{}",
        after[1]
    );
    // A replaced translation: new text, date and export; codes of the
    // source variant, notes and other props kept.
    assert!(
        after[2].contains(
            "<tuv xml:lang='en'><seg>The <ph x='1'>{1}</ph> minister arrived.</seg></tuv>"
        )
    );
    assert!(after[2].contains("<note>keep me</note>"));
    assert!(
        after[2].contains("changedate='20261205T120000Z'"),
        "{}",
        after[2]
    );
    assert!(after[2].contains("<tuv xml:lang='fa' changedate=\"20261205T120000Z\"><prop type=\"x-brief-export\">e9</prop><seg>وزیر وارد شد.</seg></tuv>"), "{}", after[2]);
    assert!(!after[2].contains("{1}</ph> رسید"));
    // The comment between units and everything after the last unit stay.
    assert!(out.contains(" <!-- a comment between units -->\n"));
    assert!(out.ends_with("\n</body>\n</tmx>\n"));
    assert!(after[4].contains("<seg>Rain &amp; wind &lt;today&gt;.</seg>"));
    // And the result is a memory again, with every unit findable.
    let again = Memory::read(out.into_bytes(), Path::new("o2.tmx")).unwrap();
    assert_eq!(again.len(), 5);
    assert_eq!(
        again
            .lookup("Talks resumed.", "en", "ru")
            .exact
            .unwrap()
            .target,
        "Переговоры возобновились."
    );
    assert_eq!(
        again
            .lookup("Press Enter to go on.", "en", "fa")
            .exact
            .unwrap()
            .target_markup,
        2
    );
    // Without changes the memory is written back exactly as read.
    let same = Memory::read(ANOTHER_TOOL.as_bytes().to_vec(), Path::new("o.tmx")).unwrap();
    assert_eq!(same.to_tmx().unwrap(), ANOTHER_TOOL.as_bytes());
}

#[test]
fn an_empty_body_gets_its_first_units_and_utf16_memories_are_refused_for_writing() {
    let empty = r#"<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/><body/></tmx>"#;
    let mut m = read_str(empty).unwrap();
    m.update(&[pair("One.", "یک.", "fa")], "e", &date("20261201T000000Z"))
        .unwrap();
    let out = String::from_utf8(m.to_tmx().unwrap()).unwrap();
    assert!(out.starts_with(&empty[..empty.find("<body/>").unwrap()]));
    assert!(out.ends_with("</body></tmx>"), "{out}");
    assert_eq!(read_str(&out).unwrap().len(), 1);
    let mut le = vec![0xFF, 0xFE];
    for unit in empty.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
    }
    let mut m = Memory::read(le, Path::new("le.tmx")).unwrap();
    m.update(&[pair("One.", "یک.", "fa")], "e", &date("20261201T000000Z"))
        .unwrap();
    let err = m.to_tmx().unwrap_err().to_string();
    assert!(err.contains("UTF-16") && err.contains("iconv"), "{err}");
    // UTF-32 in either byte order is read, and refused for writing alike
    // (its big-endian mark is not UTF-16's).
    for big_endian in [false, true] {
        let mut bytes = if big_endian {
            vec![0, 0, 0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE, 0, 0]
        };
        for c in empty.chars() {
            let c = c as u32;
            bytes.extend_from_slice(&if big_endian {
                c.to_be_bytes()
            } else {
                c.to_le_bytes()
            });
        }
        let mut m = Memory::read(bytes, Path::new("u32.tmx")).unwrap();
        m.update(&[pair("One.", "یک.", "fa")], "e", &date("20261201T000000Z"))
            .unwrap();
        let err = m.to_tmx().unwrap_err().to_string();
        assert!(err.contains("UTF-32") && err.contains("iconv"), "{err}");
    }
}

/// A unit another tool might write: random codes, highlights, notes and
/// props around a sentence of random words.
fn foreign_unit() -> impl Strategy<Value = (String, String)> {
    let word = prop::sample::select(vec![
        "talks", "minister", "Tehran", "Moscow", "rain", "wind", "day", "big", "the", "a",
    ]);
    let inline = prop::sample::select(vec![
        "",
        "<ph x='1'>&lt;br/&gt;</ph>",
        "<bpt i='1'>&lt;b&gt;</bpt>",
        "<ept i='1'>&lt;/b&gt;</ept>",
        "<hi type='x'>hi</hi>",
        "<it pos='end'>&lt;/i&gt;</it>",
    ]);
    let extra = prop::sample::select(vec![
        "",
        "<note>n</note>",
        "<prop type='x-a'>p &amp; q</prop>",
    ]);
    (
        prop::collection::vec((word.clone(), inline), 1..6),
        extra,
        prop::collection::vec(word, 1..4),
    )
        .prop_map(|(words, extra, target)| {
            let source: String = words
                .iter()
                .map(|(w, code)| format!("{w}{code} "))
                .collect();
            let plain: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
            let xml = format!(
                "<tu>{extra}<tuv xml:lang='en'><seg>{}</seg></tuv><tuv xml:lang='fa'>{extra}<seg>{}</seg></tuv></tu>",
                source.trim_end(),
                target.join(" ")
            );
            (xml, plain.join(" "))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn updates_never_change_a_unit_they_do_not_touch(
        units in prop::collection::vec(foreign_unit(), 1..12),
        touched in prop::collection::vec(any::<bool>(), 12),
        new_words in prop::collection::vec("[a-z]{1,8}", 0..4),
    ) {
        let body: String = units.iter().map(|(xml, _)| format!("\n  {xml}")).collect();
        let doc = format!(
            "<?xml version='1.0'?>\n<tmx version='1.4'><header srclang='en' segtype='sentence' o-tmf='x' adminlang='en' datatype='plaintext' creationtool='x' creationtoolversion='1'><prop type='x-h'>h</prop></header><body>{body}\n</body></tmx>\n"
        );
        let mut m = read_str(&doc).unwrap();
        let sources: Vec<String> = units.iter().map(|(_, s)| s.clone()).collect();
        let mut pairs: Vec<NewTranslation<'_>> = Vec::new();
        for (i, s) in sources.iter().enumerate() {
            if touched[i] {
                pairs.push(pair(s, "تازه", "fa"));
            }
        }
        let fresh = new_words.join(" ") + " new.";
        if !new_words.is_empty() {
            pairs.push(pair(&fresh, "نو", "fa"));
        }
        m.update(&pairs, "e", &date("20261201T000000Z")).unwrap();
        let out = String::from_utf8(m.to_tmx().unwrap()).unwrap();
        let before = unit_texts(&doc);
        let after = unit_texts(&out);
        prop_assert!(after.len() >= before.len());
        for (i, (b, a)) in before.iter().zip(&after).enumerate() {
            // A unit is touched when its source (as the memory reads it)
            // was given a translation, by itself or by a twin.
            let text = read_str(&doc).unwrap().entries[i].variants[0].text.clone();
            let hit = sources.iter().enumerate().any(|(j, s)| touched[j] && normalize(s) == normalize(&text))
                || normalize(&fresh) == normalize(&text);
            if !hit {
                prop_assert_eq!(a, b);
            }
        }
        prop_assert!(out.starts_with(&doc[..doc.find("<body>").unwrap()]));
        prop_assert!(read_str(&out).is_ok());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// What the fuzz target `tm_memory` checks, on bodies assembled from
    /// TMX pieces (most of them well-formed, many of them odd).
    #[test]
    fn any_memory_read_takes_an_update_and_reads_again(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "<tu>", "</tu>", "<tu tuid='x'>", "<tuv xml:lang='en'>", "<tuv xml:lang='fa'>",
            "<tuv lang='EN'>", "</tuv>", "<seg>", "</seg>", "<seg/>", "Talks ended.", "یک",
            "<ph>x</ph>", "<bpt i='1'>&lt;b&gt;</bpt>", "<!-- c -->", "<prop type='x'>p</prop>",
            "<note>n</note>", " ", "\n", "<hi>h</hi>", "&amp;", "<tuv xml:lang='fa'/>",
        ]), 0..40),
    ) {
        let body: String = pieces.concat();
        let doc = format!(
            "<tmx version='1.4'><header srclang='en' segtype='sentence' o-tmf='x' adminlang='en' datatype='plaintext' creationtool='x' creationtoolversion='1'/><body>{body}</body></tmx>"
        );
        if let Ok(mut m) = read_str(&doc) {
            let before = m.len();
            let s = m
                .update(&[pair("A sentence of its own.", "جمله", "fa"), pair("Talks ended.", "پایان", "fa")], "e", &date("20261201T000000Z"))
                .unwrap();
            let out = m.to_tmx().unwrap();
            let again = Memory::read(out, Path::new("again.tmx")).unwrap();
            prop_assert_eq!(again.len(), before + s.units_added);
            prop_assert_eq!(
                again.lookup("Talks ended.", "en", "fa").exact.map(|e| e.target),
                Some("پایان".to_string())
            );
        }
    }
}

#[test]
fn a_memory_for_lookups_only_finds_the_same_and_refuses_to_be_written() {
    let m = read_str(OMEGAT).unwrap();
    let found = m.lookup("The talks ended on Monday.", "en", "ru");
    let light = m.clone().for_lookups();
    assert_eq!(
        light.lookup("The talks ended on Monday.", "en", "ru"),
        found
    );
    assert!(light.base.is_none());
    let err = light.to_tmx().unwrap_err().to_string();
    assert!(err.contains("lookups only"), "{err}");
    // A new memory has nothing to drop and is written as before.
    assert!(Memory::new().for_lookups().to_tmx().is_ok());
}
