//! Right script, wrong language (issue 21, kind 2), generated: sentences of
//! every language a desk may mix up with Russian (Cyrillic) or Persian
//! (Arabic script), written for this test, varied the ways a delivery
//! varies them — one or two words to several sentences, with and without
//! the language's own letters, its special letters only in a capitalized
//! name, in capitals, with a Latin name and digits, Arabic typed on a
//! Persian keyboard — and run through `brief check` (a TSV) and plain
//! `brief merge` (a TSV export filled in). Recall is counted per language
//! and per length; every clean sentence (Persian with Arabic phrases and
//! names, Dari, Russian with Ukrainian names spelled as in Ukrainian) must
//! raise no error at all.
//!
//! A target that is the same word in both languages is not wrong work: no
//! generated target is made of words of the file's language only (the
//! `short` lists are written with a word or letter the file's language
//! never uses, and the long variants join whole sentences).
//! `BRIEF_MUTATION_REPORT=1` prints the table.
//!
//! The same families, as whole documents of two sentences or more, go
//! through `brief detect`: none may be read as Russian or Persian, and
//! documents of the clean sentences must be.

use std::collections::{BTreeMap, BTreeSet};

use brief::{Format, Lang, LanguageTag, TargetMode};

use crate::common::{brief_in, fill, tsv_escape};

/// One language the file's language may be mixed up with.
struct Family {
    code: &'static str,
    file: Lang,
    /// Sentences as the language writes them.
    sentences: &'static [&'static str],
    /// Sentences whose letters are all letters of the file's language,
    /// where the language writes such sentences naturally (a special
    /// letter may stand in a capitalized name).
    plain: &'static [&'static str],
    /// Targets of one to three words, each with a word or letter the
    /// file's language never uses: a word both languages write ("Хвала"
    /// is Russian too, "نعم" Persian too) is not wrong work, so no such
    /// target is written.
    short: &'static [&'static str],
}

const FAMILIES: &[Family] = &[
    Family {
        code: "uk",
        file: Lang::RU,
        sentences: &[
            "Переговори відновляться у понеділок у Женеві.",
            "Уряд ухвалив рішення підвищити пенсії з наступного місяця.",
            "Поліція затримала двох підозрюваних після вибуху в центрі міста.",
            "Міністр заявив, що ціни на газ не зростуть цієї зими.",
            "Рятувальники працювали всю ніч, щоб загасити пожежу.",
            "Футбольна збірна України виграла матч у Львові.",
            "Ціни на хліб зросли на п'ять відсотків.",
        ],
        plain: &[
            "Президент прибув до Києва.",
            "Вона сказала, що угода буде готова завтра.",
            "Вони були вдома, коли почалася атака.",
            "Також уряд просить громадян залишатися вдома.",
            "Вони сказали, що завтра буде дощ.",
            "Депутат заявив, що уряд має план.",
        ],
        short: &[
            "Він прибув.",
            "Це правда.",
            "Що сталося?",
            "Дякую всім.",
            "Він пішов.",
            "Так, звичайно.",
        ],
    },
    Family {
        code: "be",
        file: Lang::RU,
        sentences: &[
            "Перамовы аднавяцца ў панядзелак у Жэневе.",
            "Урад прыняў рашэнне павысіць пенсіі з наступнага месяца.",
            "Міністр заявіў, што цэны на газ не вырастуць гэтай зімой.",
            "Паліцыя затрымала двух падазраваных пасля выбуху ў цэнтры горада.",
            "Беларускія спартсмены заваявалі тры медалі.",
        ],
        plain: &[
            "Яна сказала, што дамова будзе гатова.",
            "Яны кажуць, што гэта не так.",
            "Ён кажа, што надвор'е будзе добрае.",
        ],
        short: &["Дзякуй вам.", "Ён прыехаў.", "Так, вядома."],
    },
    Family {
        code: "bg",
        file: Lang::RU,
        sentences: &[
            "Министърът заяви, че цените на газа няма да се повишат.",
            "Полицията задържа двама души след експлозията в центъра на града.",
            "Президентът пристигна в столицата тази сутрин.",
        ],
        plain: &[
            "Това са думите, които той каза вчера на срещата.",
            "Тя каза, че ще дойде утре.",
            "Правителството прие нов закон за бюджета.",
            "Цените на хляба се повишиха с пет процента.",
            "Футболният отбор спечели мача в неделя.",
        ],
        short: &["Благодаря ви.", "Това е всичко.", "Да, разбира се."],
    },
    Family {
        code: "sr",
        file: Lang::RU,
        sentences: &[
            "Председник је стигао у Београд у понедељак.",
            "Влада ће усвојити нови закон о буџету.",
            "Полиција је ухапсила двојицу осумњичених после експлозије.",
            "Фудбалска репрезентација је победила у Београду.",
        ],
        plain: &[
            "Он каже да нема проблема.",
            "Министар каже да влада нема новца.",
            "Цене хлеба су порасле за пет одсто.",
        ],
        short: &["Нема проблема.", "Није тако."],
    },
    Family {
        code: "mk",
        file: Lang::RU,
        sentences: &[
            "Владата ќе донесе нов закон за буџетот.",
            "Претседателот пристигна во Скопје во понеделникот.",
            "Полицијата уапси двајца осомничени по експлозијата.",
        ],
        plain: &[
            "Владата рече дека цените нема да се зголемат.",
            "Цените на лебот пораснаа за пет отсто.",
        ],
        short: &["Ќе дојде.", "Благодарам многу."],
    },
    Family {
        code: "kk",
        file: Lang::RU,
        sentences: &[
            "Президент келесі аптада елге сапармен келеді.",
            "Үкімет жаңа заң жобасын мақұлдады.",
            "Полиция жарылыстан кейін екі адамды ұстады.",
            "Астанада халықаралық форум өтті.",
        ],
        plain: &["Ол осы туралы айтты."],
        short: &["Ол келді.", "Рахмет сізге."],
    },
    Family {
        code: "ky",
        file: Lang::RU,
        sentences: &[
            "Президент шайлоодо жеңишке жетти.",
            "Өкмөт жаңы мыйзам долбоорун жактырды.",
            "Бишкекте жаңы мектеп ачылды.",
        ],
        plain: &["Министр жана депутаттар менен жолугушту."],
        short: &["Рахмат сизге.", "Ал келди."],
    },
    Family {
        code: "tg",
        file: Lang::RU,
        sentences: &[
            "Гуфтугӯҳо рӯзи душанбе дар Женева аз сар гирифта мешаванд.",
            "Ҳукумат дар бораи баланд бардоштани нафақа қарор қабул кард.",
            "Полис пас аз таркиш ду нафарро боздошт кард.",
            "Нархи нон панҷ фоиз боло рафт.",
        ],
        plain: &[
            "Президент гуфт, ки хафтаи оянда ба кишвар сафар мекунад.",
            "Вай гуфт, ки ин кор осон нест.",
            "Дастаи футбол бозиро бурд.",
        ],
        short: &["Ташаккур ба шумо.", "Вай омад."],
    },
    Family {
        code: "tt",
        file: Lang::RU,
        sentences: &[
            "Президент киләсе атнада илгә килә.",
            "Хөкүмәт яңа закон кабул итте.",
            "Җәй көне шәһәрдә зур янгын булды.",
            "Казанда яңа мәктәп ачылды.",
        ],
        plain: &[],
        short: &["Рәхмәт сезгә.", "Ул килде."],
    },
    Family {
        code: "ba",
        file: Lang::RU,
        sentences: &[
            "Президент киләһе аҙнала илгә килә.",
            "Хөкүмәт яңы закон ҡабул итте.",
            "Ҡалала ҙур янғын булды.",
            "Өфөлә яңы мәктәп асылды.",
        ],
        plain: &[],
        short: &["Рәхмәт һеҙгә.", "Ул ҡайтты."],
    },
    Family {
        code: "mn",
        file: Lang::RU,
        sentences: &[
            "Ерөнхийлөгч ирэх долоо хоногт айлчлал хийнэ.",
            "Цагдаа дэлбэрэлтийн дараа хоёр хүнийг баривчилсан.",
        ],
        plain: &[
            "Засгийн газар шинэ хууль баталлаа.",
            "Энэ нь маш чухал асуудал байна.",
            "Улаанбаатарт шинэ сургууль нээгдлээ.",
        ],
        short: &["Баярлалаа.", "Тийм байна."],
    },
    Family {
        code: "ar",
        file: Lang::FA,
        sentences: &[
            "قال الوزير إن المحادثات ستستأنف يوم الاثنين في جنيف.",
            "أعلنت الحكومة زيادة الرواتب اعتبارا من الشهر المقبل.",
            "اعتقلت الشرطة شخصين بعد انفجار في وسط المدينة.",
            "قال الوزير إن أسعار الغاز لن ترتفع هذا الشتاء.",
            "عمل رجال الإنقاذ طوال الليل لإخماد الحريق.",
            "ارتفعت أسعار الخبز بنسبة خمسة في المئة.",
        ],
        plain: &[
            "المحادثات ستستأنف الأسبوع المقبل.",
            "وقال مسؤول إن الاجتماع لم يحقق أي تقدم.",
            "سيعقد الاجتماع المقبل في الرياض.",
        ],
        short: &["قال لا.", "في القاهرة", "هذا صحيح.", "لم يحدث."],
    },
    Family {
        code: "ur",
        file: Lang::FA,
        sentences: &[
            "یہ مذاکرات پیر کے روز جنیوا میں دوبارہ شروع ہوں گے۔",
            "حکومت نے اگلے مہینے سے تنخواہوں میں اضافے کا اعلان کیا۔",
            "پولیس نے شہر کے مرکز میں دھماکے کے بعد دو افراد کو گرفتار کر لیا۔",
            "وزیر نے کہا کہ اس سردی میں گیس کی قیمتیں نہیں بڑھیں گی۔",
            "آج لاہور میں بارش ہوئی۔",
            "ٹیم نے میچ جیت لیا۔",
        ],
        plain: &[],
        short: &["شکریہ۔", "وہ آئے۔"],
    },
    Family {
        code: "ps",
        file: Lang::FA,
        sentences: &[
            "خبرې اترې به د دوشنبې په ورځ په جنیوا کې بیا پیل شي.",
            "حکومت د راتلونکې میاشتې څخه د معاشونو د زیاتوالي اعلان وکړ.",
            "پولیسو د چاودنې وروسته دوه کسان ونیول.",
            "نن ورځ په کابل کې باران وشو.",
        ],
        plain: &["دا خبره د حکومت له خوا وشوه."],
        short: &["ډېره مننه.", "ښه ده."],
    },
    Family {
        code: "ckb",
        file: Lang::FA,
        sentences: &[
            "گفتوگۆکان ڕۆژی دووشەممە لە جنێڤ دەست پێدەکەنەوە.",
            "حکومەت زیادکردنی مووچەی ڕاگەیاند.",
            "پۆلیس دوای تەقینەوەکە دوو کەسی دەستگیر کرد.",
            "ئەمڕۆ لە هەولێر باران بارى.",
        ],
        plain: &[],
        short: &["سوپاس.", "باشە."],
    },
    Family {
        code: "ug",
        file: Lang::FA,
        sentences: &[
            "سۆھبەت دۈشەنبە كۈنى جەنۋەدە قايتا باشلىنىدۇ.",
            "ھۆكۈمەت يېڭى قانۇن ماقۇللىدى.",
            "بۈگۈن ئۈرۈمچىدە قار ياغدى.",
        ],
        plain: &[],
        short: &["رەھمەت.", "ياخشى."],
    },
    Family {
        code: "sd",
        file: Lang::FA,
        sentences: &[
            "حڪومت نئين قانون جو اعلان ڪيو.",
            "پوليس ڌماڪي کانپوءِ ٻه ماڻهو گرفتار ڪيا.",
            "وزير چيو ته ڳالهيون سومر تي ٿينديون.",
            "اڄ ڪراچي ۾ مينهن پيو.",
        ],
        plain: &[],
        short: &["مهرباني ڪري.", "ٺيڪ آهي."],
    },
];

/// Correct targets that look like other languages in places: they must
/// raise no error in check and no problem in merge.
const CLEAN: &[(Lang, &str)] = &[
    (
        Lang::FA,
        "رئیس جمهور در پایان سخنانش گفت: ان شاء الله این مشکل حل می‌شود.",
    ),
    (
        Lang::FA,
        "سخنرانی با بسم الله الرحمن الرحیم آغاز شد و وزیر سپس درباره بودجه صحبت کرد.",
    ),
    (
        Lang::FA,
        "عبدالله گل، رئیس جمهور پیشین ترکیه، به تهران سفر کرد.",
    ),
    (
        Lang::FA,
        "شبکه الجزیره گزارش داد که مذاکرات در قاهره ادامه دارد.",
    ),
    (
        Lang::FA,
        "آیت الله خامنه‌ای در دیدار با مسئولان قضایی سخنرانی کرد.",
    ),
    (
        Lang::FA,
        "حزب‌الله لبنان و جنبش حماس بیانیه مشترکی صادر کردند.",
    ),
    (Lang::FA, "المپیک توکیو با حضور ورزشکاران ایرانی برگزار شد."),
    (Lang::FA, "الجزیره"),
    (Lang::FA, "بالاخره قیمت نفت کاهش یافت."),
    // Dari is Persian.
    (
        Lang::FA,
        "ولسوال این ولسوالی گفت که شاروالی کابل سرک‌ها را ترمیم می‌کند.",
    ),
    (
        Lang::FA,
        "وزارت معارف افغانستان اعلام کرد که مکاتب از هفته آینده باز می‌شوند.",
    ),
    (
        Lang::RU,
        "Мэр Киева (по-украински Київ) заявил об этом в понедельник.",
    ),
    (
        Lang::RU,
        "Город Запоріжжя (Запорожье) подвергся обстрелу, сообщили местные власти.",
    ),
    (
        Lang::RU,
        "Компания «Укрзалізниця» сообщила о задержке поездов.",
    ),
    (Lang::RU, "Президент прибыл в Киев."),
    (Lang::RU, "ЗЕЛЕНСКИЙ ПРИБЫЛ В ЗАПОРІЖЖЯ И ПРОВЁЛ СОВЕЩАНИЕ"),
    (Lang::RU, "Депутаты проголосовали за закон о бюджете."),
    (
        Lang::RU,
        "Он заявил, что права человека нарушены не были, и выступил против.",
    ),
    (
        Lang::RU,
        "В Софии заявили, что Болгария поддерживает это решение.",
    ),
    (Lang::RU, "Переговоры возобновятся в понедельник в Женеве."),
    (Lang::RU, "Он сказал, что это не так, и ушёл."),
];

/// Persian-keyboard letters for the Arabic ones that Persian writes
/// otherwise (Arabic text typed on a Persian keyboard).
fn persian_keyboard(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ي' | 'ى' => 'ی',
            'ك' => 'ک',
            'ة' => 'ه',
            c => c,
        })
        .collect()
}

/// The words of `s` in the file's script (digits, Latin names and
/// punctuation left out).
fn script_words(s: &str, lang: Lang) -> usize {
    let cyrillic = |c: char| ('\u{400}'..='\u{52F}').contains(&c);
    let arabic = |c: char| ('\u{600}'..='\u{6FF}').contains(&c) && c.is_alphabetic();
    s.split_whitespace()
        .filter(|w| {
            w.chars().any(|c| {
                if lang == Lang::RU {
                    cyrillic(c)
                } else {
                    arabic(c)
                }
            })
        })
        .count()
}

fn bucket(words: usize) -> &'static str {
    match words {
        0..=2 => "1-2",
        3..=5 => "3-5",
        6..=12 => "6-12",
        _ => "13+",
    }
}

/// A generated target: its language, length bucket, variant, English
/// source and target.
struct Case {
    code: &'static str,
    bucket: &'static str,
    variant: &'static str,
    source: String,
    target: String,
}

/// The source of every row. It names Monday, as the clean targets that
/// name a day do: a target naming a day its source does not is a changed
/// date (the numbers check).
const SOURCE: &str = "The talks will resume on Monday.";

fn cases(file: Lang) -> Vec<Case> {
    let mut out = Vec::new();
    for f in FAMILIES.iter().filter(|f| f.file == file) {
        let mut push = |variant: &'static str, source: String, target: String| {
            out.push(Case {
                code: f.code,
                bucket: bucket(script_words(&target, file)),
                variant,
                source,
                target,
            });
        };
        let all: Vec<&str> = f.sentences.iter().chain(f.plain).copied().collect();
        for (i, s) in all.iter().enumerate() {
            let variant = if i < f.sentences.len() {
                "as written"
            } else {
                "own letters only"
            };
            push(variant, SOURCE.into(), s.to_string());
            // Two and three sentences in one unit.
            let next = all[(i + 1) % all.len()];
            let third = all[(i + 2) % all.len()];
            push("two sentences", SOURCE.into(), format!("{s} {next}"));
            push(
                "three sentences",
                SOURCE.into(),
                format!("{s} {next} {third}"),
            );
            push(
                "Latin name, digits",
                format!("{SOURCE} (Reuters, 2024)"),
                format!("{s} (Reuters, 2024)"),
            );
            if file == Lang::RU {
                push("capitals", SOURCE.into(), s.to_uppercase());
            } else if s.chars().any(|c| "يىكة".contains(c)) {
                push("Persian keyboard", SOURCE.into(), persian_keyboard(s));
            }
        }
        for s in f.short {
            push("short", SOURCE.into(), s.to_string());
            if file == Lang::FA && s.chars().any(|c| "يىكة".contains(c)) {
                push(
                    "short, Persian keyboard",
                    SOURCE.into(),
                    persian_keyboard(s),
                );
            }
        }
    }
    out
}

fn tsv(file: Lang, rows: &[(String, String)]) -> String {
    let mut s = String::from("id\tsource_lang\ttarget_lang\tsource\ttarget\n");
    for (i, (source, target)) in rows.iter().enumerate() {
        s += &format!(
            "u{}\ten\t{file}\t{}\t{}\n",
            i + 1,
            tsv_escape(source),
            tsv_escape(target)
        );
    }
    s
}

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("language_variants")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `brief check --format jsonl` on `rows`: the row indexes with an error
/// saying the target is written in another language, and those with any
/// error.
fn check(file: Lang, rows: &[(String, String)]) -> (BTreeSet<usize>, BTreeSet<usize>) {
    let d = dir(&format!("check-{file}"));
    let name = format!("rows.{file}.tsv");
    std::fs::write(d.join(&name), tsv(file, rows)).unwrap();
    let out = brief_in(&d)
        .args(["check", "--format", "jsonl", &name])
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    let (mut wrong, mut errors) = (BTreeSet::new(), BTreeSet::new());
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["severity"] != "error" {
            continue;
        }
        let i: usize = v["id"].as_str().unwrap()[1..].parse().unwrap();
        errors.insert(i - 1);
        if v["message"].as_str().unwrap().contains("written in") {
            wrong.insert(i - 1);
        }
    }
    (wrong, errors)
}

/// Merge of brief's TSV export of the sources filled with the targets: the
/// row indexes reported as in the wrong language, and those with any
/// problem (from the library's merge, the job `brief merge` runs; the
/// binary's exit code is checked to agree).
fn merge(file: Lang, rows: &[(String, String)]) -> (BTreeSet<usize>, BTreeSet<usize>) {
    let sources: Vec<String> = rows.iter().map(|(s, _)| s.clone()).collect();
    let export = crate::mutation::export_of(&sources);
    let target = LanguageTag::from_lang(file);
    let empty = export
        .render(Format::Tsv, &target, TargetMode::Empty)
        .unwrap();
    let targets: Vec<&str> = rows.iter().map(|(_, t)| t.as_str()).collect();
    let filled = fill(Format::Tsv, &String::from_utf8(empty).unwrap(), &targets);
    let name = brief::file_name(Format::Tsv, &target);
    // Plain `brief merge`: exit 1 when a target is damaged, 0 when none is.
    let d = dir(&format!("merge-{file}-{}", rows.len()));
    std::fs::write(d.join(&name), &filled).unwrap();
    let code = brief_in(&d)
        .arg("merge")
        .arg(&name)
        .output()
        .unwrap()
        .status
        .code();
    let files = brief::merge::read_bytes(filled.into_bytes(), name.as_ref()).unwrap();
    let result = brief::merge::merge(&files);
    let (mut wrong, mut any) = (BTreeSet::new(), BTreeSet::new());
    for p in &result.problems {
        let Some(i) = p.id.strip_prefix('s').and_then(|n| n.parse::<usize>().ok()) else {
            continue;
        };
        any.insert(i - 1);
        if p.kind == brief::merge::ProblemKind::WrongLanguage {
            wrong.insert(i - 1);
        }
    }
    assert_eq!(
        code,
        Some(if any.is_empty() { 0 } else { 1 }),
        "plain merge of {name}"
    );
    (wrong, any)
}

/// Recall floors per file language, as measured (see docs/quality.md). The
/// Russian file misses two sentences (three variants each) whose only word
/// Russian never writes is one: Bulgarian "Футболният отбор спечели мача
/// в неделя." and Tajik "Дастаи футбол бозиро бурд."; and three headlines
/// in capitals whose one word with letters Russian never uses may be a
/// name ("ЖАҢЫ", "ПАНҶ" as "ЗАПОРІЖЖЯ" in a Russian headline). Neither is
/// near-certain evidence, so they stay in the generator as misses.
const FLOOR: [(Lang, f64); 2] = [(Lang::RU, 97.5), (Lang::FA, 100.0)];

#[test]
fn other_languages_of_the_script_are_reported_and_clean_targets_are_not() {
    let report = std::env::var_os("BRIEF_MUTATION_REPORT").is_some();
    let mut failures: Vec<String> = Vec::new();
    for (file, floor) in FLOOR {
        let cases = cases(file);
        let clean: Vec<&str> = CLEAN
            .iter()
            .filter(|(l, _)| *l == file)
            .map(|(_, t)| *t)
            .collect();
        let mut rows: Vec<(String, String)> = cases
            .iter()
            .map(|c| (c.source.clone(), c.target.clone()))
            .collect();
        rows.extend(clean.iter().map(|t| (SOURCE.to_string(), t.to_string())));
        let (checked, check_errors) = check(file, &rows);
        let (merged, merge_any) = merge(file, &rows);
        // Clean targets: no error, no problem, and alone they merge (exit 0).
        let clean_rows: Vec<(String, String)> = clean
            .iter()
            .map(|t| (SOURCE.to_string(), t.to_string()))
            .collect();
        assert_eq!(merge(file, &clean_rows).1, BTreeSet::new(), "{file}");
        for (k, t) in clean.iter().enumerate() {
            let i = cases.len() + k;
            assert!(
                !check_errors.contains(&i),
                "{file}: check gives an error on a correct target: {t}"
            );
            assert!(
                !merge_any.contains(&i),
                "{file}: merge reports a correct target: {t}"
            );
        }
        // Recall per language and length.
        let mut table: BTreeMap<(&str, &str), [usize; 3]> = BTreeMap::new();
        let mut missed: Vec<String> = Vec::new();
        for (i, c) in cases.iter().enumerate() {
            let row = table.entry((c.code, c.bucket)).or_default();
            row[0] += 1;
            row[1] += usize::from(checked.contains(&i));
            row[2] += usize::from(merged.contains(&i));
            if !checked.contains(&i) || !merged.contains(&i) {
                missed.push(format!(
                    "{} ({}, {}): {}",
                    c.code, c.variant, c.bucket, c.target
                ));
            }
        }
        if report {
            eprintln!("\n{file} file: language | words | targets | check | merge");
            for ((code, bucket), [n, ch, me]) in &table {
                eprintln!("{code} | {bucket} | {n} | {ch} | {me}");
            }
            for m in &missed {
                eprintln!("missed: {m}");
            }
        }
        let total = cases.len();
        let caught = total - missed.len();
        let recall = 100.0 * caught as f64 / total as f64;
        eprintln!("{file}: {caught}/{total} generated targets reported by check and merge");
        if recall < floor {
            failures.push(format!(
                "{file}: recall {recall:.1} % < {floor} %; missed:\n{}",
                missed.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every string under `v` (documents and references are strings or lists).
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// The sentences of `text`: its lines, cut after `.`, `!`, `?`, `؟`
/// before white space.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let next_space = chars.get(k + 1).is_some_and(|&(_, n)| n.is_whitespace());
            if ".!?؟".contains(c) && next_space {
                out.push(line[start..i + c.len_utf8()].trim().to_string());
                start = i + c.len_utf8();
            }
        }
        out.push(line[start..].trim().to_string());
    }
    out.retain(|s| s.chars().count() > 1);
    out
}

/// The Russian and Persian dev texts (UD dev, ntrex_dev, ria, pasokh,
/// pn_summary), as sentences; `None` after [`crate::common::skip`] when
/// `../shared` lacks one.
fn dev_sentences(lang: Lang) -> Option<Vec<String>> {
    let test = "wrong_language_rules_raise_no_error_on_dev_texts";
    let mut files = vec![
        format!("data/segmentation/ud_dev_{lang}.jsonl"),
        "data/parallel/ntrex_dev.jsonl".to_string(),
    ];
    if lang == Lang::RU {
        files.push("data/summarization/ria_headline_smoke_dev.jsonl".into());
    } else {
        files.push("data/summarization/pasokh_single_abs_dev.jsonl".into());
        files.push("data/summarization/pasokh_multi_abs_dev.jsonl".into());
        files.push("data/summarization/pn_summary_smoke_dev.jsonl".into());
    }
    let mut out = BTreeSet::new();
    for f in files {
        let path = crate::common::shared_path(test, &f)?;
        for line in std::fs::read_to_string(path).unwrap().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let mut texts = Vec::new();
            for field in ["expected", "documents", "references"] {
                strings(&v[field], &mut texts);
            }
            strings(&v["docs"][lang.as_str()], &mut texts);
            out.extend(texts.iter().flat_map(|t| sentences(t)));
        }
    }
    Some(out.into_iter().collect())
}

/// Precision on real text: no sentence of the dev texts is in another
/// language by the same-script rules (their Arabic names, Ukrainian
/// names, quotations and tweets included).
#[test]
fn wrong_language_rules_raise_no_error_on_dev_texts() {
    let settings = brief::check::CheckSettings::default();
    for lang in [Lang::RU, Lang::FA] {
        let Some(sentences) = dev_sentences(lang) else {
            return;
        };
        assert!(sentences.len() > 2000, "{lang}: {}", sentences.len());
        let flagged: Vec<String> = sentences
            .iter()
            .filter_map(|s| {
                let findings = brief::check::check_unit("x", s, Lang::EN, lang, &settings, None);
                let wrong = findings.into_iter().find(|f| {
                    f.severity == brief::check::Severity::Error
                        && (f.message.contains("does not use")
                            || f.message.contains("words of another language"))
                })?;
                Some(format!("{s} → {}", wrong.message))
            })
            .collect();
        eprintln!(
            "{lang}: {} dev sentences, {} in another language",
            sentences.len(),
            flagged.len()
        );
        assert!(flagged.is_empty(), "{lang}:\n{}", flagged.join("\n"));
    }
}

/// Detection, generated: a document of a family's sentences (two to all,
/// its plain sentences among them) is not read as Russian or Persian, and
/// is read as its own language; documents of the clean sentences (Persian
/// with Arabic names and verses, Dari, Russian with Ukrainian names) stay
/// Russian or Persian. `brief detect` on one JSONL batch.
#[test]
fn documents_of_other_languages_of_the_script_are_not_read_as_russian_or_persian() {
    let mut items = Vec::new();
    let mut want: Vec<(&str, Lang)> = Vec::new();
    for f in FAMILIES {
        let all: Vec<&str> = f.sentences.iter().chain(f.plain).copied().collect();
        for n in 2..=all.len() {
            for start in [0, all.len() - n] {
                items.push(all[start..start + n].join(" "));
                want.push((f.code, f.file));
            }
        }
    }
    for (lang, code) in [(Lang::RU, "ru"), (Lang::FA, "fa")] {
        let clean: Vec<&str> = CLEAN
            .iter()
            .filter(|(l, _)| *l == lang)
            .map(|(_, s)| *s)
            .collect();
        for n in 2..=clean.len() {
            items.push(clean[..n].join(" "));
            want.push((code, lang));
        }
    }
    let input: String = items
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"id": i.to_string(), "text": t}).to_string() + "\n")
        .collect();
    let out = crate::common::succeed(
        crate::common::brief()
            .args(["detect", "--input", "jsonl", "--format", "jsonl"])
            .write_stdin(input),
    );
    let got: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["lang"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(got.len(), items.len());
    let mut table: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    // Wrong: a document of another language read as the file's, or a clean
    // one read as any other. A neighbour read as a neighbour (Kyrgyz as
    // Kazakh, which share `ң ө ү`) is counted, not failed: no Russian or
    // Persian rule applies to it either way.
    let mut wrong = Vec::new();
    for ((text, (code, file)), lang) in items.iter().zip(&want).zip(&got) {
        let row = table.entry(code).or_default();
        row.0 += 1;
        let clean = *code == file.as_str();
        if lang == file.as_str() && !clean {
            row.1 += 1;
            wrong.push(format!("{code} read as {lang}: {text}"));
        } else if lang != code {
            row.2 += 1;
            if clean || lang == "ru" || lang == "fa" {
                wrong.push(format!("{code} read as {lang}: {text}"));
            }
        }
    }
    if std::env::var_os("BRIEF_MUTATION_REPORT").is_some() {
        for (code, (n, as_file, other)) in &table {
            eprintln!(
                "{code}: {n} documents, {as_file} read as ru/fa, {other} as another language"
            );
        }
        for w in &wrong {
            eprintln!("  {w}");
        }
    }
    crate::common::assert_none_wrong("detection", &wrong, items.len());
}
