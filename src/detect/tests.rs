use super::*;

#[test]
fn short_english_is_not_zulu_or_latin() {
    for text in [
        "Hello World.",
        "OK",
        "Ngiyabonga",
        "Et cetera.",
        "I am here.",
    ] {
        assert_eq!(detect(text, None).lang, Lang::EN, "{text}");
    }
}

#[test]
fn short_russian_is_not_ukrainian_or_bulgarian() {
    for text in ["Привет!", "Да.", "Это так.", "В. В. Путин", "Москва"] {
        assert_eq!(detect(text, None).lang, Lang::RU, "{text}");
    }
}

#[test]
fn longer_text_in_other_languages_is_recognised() {
    let uk = "Президент України провів телефонну розмову з прем'єр-міністром і обговорив питання безпеки та енергетики.";
    assert_eq!(detect(uk, None).lang.as_str(), "uk");
    let de = "Der Präsident hat am Samstag mit dem Ministerpräsidenten telefoniert und über die Lage gesprochen.";
    assert_eq!(detect(de, None).lang.as_str(), "de");
    let ar = "قال الرئيس إن المفاوضات السياسية يجب أن تبدأ بعد الانتصار في المدينة الكبيرة وأن تستمر حتى النهاية.";
    assert_eq!(detect(ar, None).lang.as_str(), "ar");
}

#[test]
fn persian_with_arabic_letter_forms_stays_persian() {
    // Arabic yeh and kaf, as a third of Pasokh's letters are.
    let text = "رييس جمهور در اين گفتگو به پيروزي اخير ارتش سوريه اشاره كرد.";
    assert_eq!(detect(text, None).lang, Lang::FA);
}

#[test]
fn the_function_word_table_answers_as_the_sorted_lists() {
    let (english, others) = packed_function_words();
    let table = function_word_table();
    let mut words: Vec<&str> = ENGLISH_FUNCTION_WORDS.to_vec();
    words.extend(OTHER_FUNCTION_WORDS);
    words.extend(["a", "zz", "thee", "house", "xyzzy", "q"]);
    for w in words {
        let key = pack(w.as_bytes());
        let want = if english.binary_search(&key).is_ok() {
            FunctionWord::English
        } else if others.binary_search(&key).is_ok() {
            FunctionWord::Other
        } else {
            FunctionWord::None
        };
        assert_eq!(table.kind(key), want, "{w}");
    }
}

#[test]
fn alphabetic_runs_are_the_pieces_split_gives() {
    for text in [
        "",
        "a",
        "The talks, in Astana\u{2019}s hotel\u{2014}ran late.",
        "\u{201C}Quoted\u{201D} caf\u{E9} na\u{EF}ve \u{0394}\u{03B5}\u{03BB}\u{03C4}\u{03B1} x1y",
        "Президент, ёж; کتاب\u{200C}ها ۱۲ end",
        "trailing space ",
    ] {
        let mut got = Vec::new();
        for_each_alphabetic_run(text, |w| got.push(w));
        let want: Vec<&str> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn english_function_words_are_sorted_unique_and_short() {
    for list in [ENGLISH_FUNCTION_WORDS, OTHER_FUNCTION_WORDS] {
        assert!(list.windows(2).all(|w| w[0] < w[1]));
        assert!(
            list.iter()
                .all(|w| w.len() <= 5 && w.bytes().all(|b| b.is_ascii_lowercase()))
        );
    }
    assert!(
        !ENGLISH_FUNCTION_WORDS
            .iter()
            .any(|w| OTHER_FUNCTION_WORDS.contains(w))
    );
}

#[test]
fn plain_english_is_found_by_its_function_words() {
    let text = "The minister said on Tuesday that the talks with the union had been \
        useful, and that the government would make its offer when the committee \
        meets. They have not said what the offer will be, but officials who were \
        at the meeting told reporters that there is room for a deal after the \
        summer, which the union has welcomed.";
    let d = detect(text, None);
    assert_eq!((d.lang, d.method), (Lang::EN, Method::FunctionWords));
    // The same text cut below 40 words goes to whatlang, and is still English.
    let short = detect("The minister said that the talks had been useful.", None);
    assert_eq!(short.lang, Lang::EN);
    assert_ne!(short.method, Method::FunctionWords);
}

#[test]
fn other_latin_languages_do_not_pass_for_english() {
    // Written for this test: news-like paragraphs in languages whose
    // short words overlap English the most.
    let texts = [
        (
            "de",
            "Der Minister hat am Dienstag gesagt, dass die Gespräche mit der Gewerkschaft nützlich waren und die Regierung ihr Angebot machen wird, wenn der Ausschuss tagt. Was das Angebot sein wird, hat er nicht gesagt, aber Beamte, die bei dem Treffen waren, sagten, dass es nach dem Sommer Raum für eine Einigung gibt.",
        ),
        (
            "nl",
            "De minister zei dinsdag dat de gesprekken met de vakbond nuttig waren en dat de regering haar aanbod zal doen wanneer de commissie vergadert. Wat het aanbod is, heeft hij niet gezegd, maar ambtenaren die bij de vergadering waren vertelden dat er na de zomer ruimte is voor een akkoord, wat de bond verwelkomt.",
        ),
        (
            "da",
            "Ministeren sagde tirsdag, at samtalerne med fagforeningen havde været nyttige, og at regeringen vil komme med sit tilbud, når udvalget mødes. Hvad tilbuddet bliver, har han ikke sagt, men embedsmænd, der var til stede ved mødet, fortalte, at der er plads til en aftale efter sommeren, hvilket forbundet har hilst velkommen.",
        ),
        (
            "fr",
            "Le ministre a déclaré mardi que les discussions avec le syndicat avaient été utiles et que le gouvernement ferait son offre lorsque la commission se réunira. Il n'a pas dit ce que serait cette offre, mais des responsables présents à la réunion ont indiqué aux journalistes qu'un accord était possible après l'été, ce que le syndicat a salué.",
        ),
        (
            "es",
            "El ministro dijo el martes que las conversaciones con el sindicato habían sido útiles y que el gobierno hará su oferta cuando se reúna la comisión. No ha dicho cuál será la oferta, pero funcionarios que estuvieron en la reunión dijeron a los periodistas que hay margen para un acuerdo después del verano, lo que el sindicato ha celebrado.",
        ),
        (
            "pl",
            "Minister powiedział we wtorek, że rozmowy ze związkiem były pożyteczne i że rząd złoży swoją ofertę, gdy zbierze się komisja. Nie powiedział, jaka to będzie oferta, ale urzędnicy, którzy byli na spotkaniu, powiedzieli dziennikarzom, że po lecie jest miejsce na porozumienie, co związek przyjął z zadowoleniem.",
        ),
    ];
    for (code, text) in texts {
        assert!(!english_by_function_words(text), "{code}");
        assert_eq!(detect(text, None).lang.as_str(), code);
    }
}

/// Regression (review): an English quotation or a list of English
/// names at the head of another language's article passed for English.
#[test]
fn english_quotations_and_names_do_not_make_an_article_english() {
    let es_quote = "\"We have said from the start that this was not about money, and that the workers who were here before the company came have the right to be heard,\" said the union's lawyer. El tribunal de Sevilla ha dado la razón a los trabajadores de la fábrica, que llevaban años esperando una decisión. Según la sentencia, la empresa deberá pagar las indemnizaciones que se le reclamaban y readmitir a los despedidos. La compañía ha anunciado que recurrirá el fallo ante el Tribunal Supremo, mientras que el sindicato celebra una victoria que considera histórica para el sector.";
    let es_names = "Cartel del festival: The Who, The Cure, The Strokes, The Killers, The National, The Smile, The Black Keys, The Libertines, The Kooks, The Vaccines, The Hives, The xx, The War on Drugs, The Lumineers y The Offspring. El festival se celebrará en Madrid del 10 al 13 de julio y espera reunir a más de cien mil personas en cuatro días de música, según los organizadores, que han anunciado también la venta de entradas para el próximo lunes.";
    let de_quote = "\"This is not the end of the road, and we will continue to fight for the people who have been affected. They have lost their homes and their jobs,\" sagte die Sprecherin der Organisation am Montag in Berlin. Die Bundesregierung hat bisher nur einen Teil der versprochenen Hilfe ausgezahlt, und viele Familien warten noch immer auf eine Entscheidung über ihre Anträge. Die Opposition wirft der Regierung vor, die Lage der Betroffenen nicht ernst zu nehmen. Nach Angaben der Organisation leben noch immer mehr als zweitausend Menschen in Notunterkünften, und die Zahl der Anträge steigt jede Woche weiter an.";
    for (code, text) in [("es", es_quote), ("es", es_names), ("de", de_quote)] {
        assert!(
            !english_by_function_words(head(text, SAMPLE_BYTES)),
            "{code}"
        );
        assert_eq!(detect(text, None).lang.as_str(), code, "{text}");
    }
}

/// Regression (review): a first KiB without letters, or in another
/// script, decided the language of the article after it.
#[test]
fn an_unrepresentative_first_kib_gives_way_to_four() {
    let table = "| 1402 | 12,500 | 13,200 | +5.6% |\n".repeat(32);
    let persian = "بارندگی‌های اخیر سطح آب سدهای کشور را بالا برد و مدیران شرکت آب منطقه‌ای گفتند که ذخیره سدها نسبت به سال گذشته بیشتر شده است. ".repeat(6);
    let text = format!("{table}{persian}");
    assert!(text.find('ب').unwrap() > SAMPLE_BYTES);
    assert_eq!(detect(&text, None).lang, Lang::FA);
    let header = "Source: Reuters. This article was translated from the original and has been edited for length and clarity. The views that are expressed in it are those of the author and not of the publisher, which has not checked them. ".repeat(5);
    let text = format!("{header}{}", persian.repeat(3));
    assert!(header.len() > SAMPLE_BYTES && text.len() > 2 * WIDE_SAMPLE_BYTES / 2);
    assert_eq!(detect(&text, None).lang, Lang::FA);
}

/// The one-pass tally answers as whatlang's script detection does, on
/// mixed texts and on the characters two scripts share.
#[test]
fn the_script_tally_agrees_with_whatlang() {
    let pool: Vec<char> = "aZ09 .,;«»\u{a0}é’“—Жжё\u{484}\u{485}ۀکي\u{fb50}\u{fe70}\u{1d2b}\u{1d78}ΩאहＡ中\u{2100}\u{2dff}\u{7f}"
        .chars()
        .collect();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for len in 0..400 {
        let text: String = (0..len % 40)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                pool[(state % pool.len() as u64) as usize]
            })
            .collect();
        let tally = Tally::of(&text);
        assert_eq!(
            tally.script(&text),
            whatlang::detect_script(&text),
            "{text:?}"
        );
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        assert_eq!(tally.letters, letters, "{text:?}");
    }
    for c in (0x80..=0x2_0000).filter_map(char::from_u32) {
        if let Some(script) = script_of_char(c) {
            assert_eq!(
                whatlang::detect_script(&c.to_string()),
                Some(script),
                "{c:?}"
            );
        }
    }
}

#[test]
fn no_letters_falls_back_with_zero_confidence() {
    let d = detect("12345 !!!", None);
    assert_eq!((d.lang, d.method), (Lang::EN, Method::Fallback));
    assert_eq!(d.confidence, 0.0);
}

#[test]
fn other_languages_of_the_script_are_read_by_their_letters_and_words() {
    for (text, want) in [
        (
            "Общинският съвет одобри във вторник бюджет за обществен транспорт. Планът предвижда три нови трамвайни линии.",
            "bg",
        ),
        (
            "Шӯрои шаҳр рӯзи сешанбе буҷаи нақлиёти ҷамъиятиро тасдиқ кард. Нархи роҳкиро бетағйир мемонад.",
            "tg",
        ),
        (
            "Қалалық кеңес сейсенбі күні қоғамдық көлік бюджетін бекітті. Жол ақысы өзгеріссіз қалады.",
            "kk",
        ),
        (
            "شہر کی کونسل نے منگل کو پبلک ٹرانسپورٹ کے لیے بجٹ کی منظوری دی۔ کرایہ وہی رہے گا۔",
            "ur",
        ),
        (
            "د ښار شورا د سه شنبې په ورځ د عامه ترانسپورت بودیجه تصویب کړه. کرایه به همغسې پاتې شي.",
            "ps",
        ),
    ] {
        let d = detect(text, None);
        assert_eq!(
            (d.lang.as_str(), d.method),
            (want, Method::Evidence),
            "{text}"
        );
    }
    // Names quoted as their language spells them, a verse, Arabic bodies.
    for (text, want) in [
        (
            "Мэр Киева (по-украински Київ) заявил об этом в понедельник. Компания «Укрзалізниця» сообщила о задержке поездов.",
            Lang::RU,
        ),
        (
            "سخنرانی با بسم الله الرحمن الرحیم آغاز شد و وزیر سپس درباره بودجه صحبت کرد. شبکه الجزیره گزارش داد که مذاکرات ادامه دارد.",
            Lang::FA,
        ),
    ] {
        assert_eq!(detect(text, None).lang, want, "{text}");
    }
}
