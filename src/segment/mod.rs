//! Sentence segmentation with byte spans into the original text.
//!
//! The segmenter never changes the text: it reports spans, and every span
//! `text[start..end]` is a sentence with surrounding whitespace excluded.
//! Everything between two spans is whitespace.
//!
//! One pass over each paragraph finds candidate ends (`.`, `!`, `?`, `…`,
//! `؟`, `。` and kin, with any closing quotes and brackets after them) and
//! decides each from its neighbourhood: the word before (abbreviation,
//! initial, number, list marker, URL) and the word after (lowercase means
//! the sentence goes on). Blank lines always end a paragraph; what a single
//! line break means is [`LineBreaks`]. The rules are described in
//! `docs/segmentation.md`.

mod ablation;
mod capitals;
mod codes;
mod cursor;
mod dateline;
mod email;
mod resources;
mod rules;
mod scan;

use serde::Deserialize;

use crate::lang::Lang;
use crate::resources::LanguageSettings;

/// Segmentation rules switched off, for measuring what each is worth
/// (hidden: the ablation script's, through the binary).
#[doc(hidden)]
pub use ablation::Disabled as AblatedRules;
use ablation::{Disabled, Rule};
pub(crate) use capitals::{case_counts, written_in_capitals};
pub(crate) use codes::{is_code, leading_codes_len, trim_codes_end};

/// The characters that end a line: LF, CR (alone, or before LF), and the
/// other line and paragraph breaks that word processors and JSON strings
/// carry (VT, FF, NEL, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR).
/// The segmenter, the summarizer's line rules and the review page read
/// lines by this one list.
pub(crate) const LINE_BREAKS: [char; 7] = [
    '\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}',
];

/// Whether `c` ends a line (see [`LINE_BREAKS`]).
pub(crate) fn is_line_break(c: char) -> bool {
    LINE_BREAKS.contains(&c)
}

/// The stems of the verbs of saying of `lang` (`resources/<lang>/saying_stems.txt`:
/// `گفت`, `افزود`), for rules outside the segmenter that tell a speaker
/// from a name.
pub(crate) fn saying_stems(lang: crate::lang::Lang) -> &'static [String] {
    &resources::builtin(lang).saying_stems
}
use cursor::Scan;
use resources::LanguageLists;
pub(crate) use scan::{first_line, next_line_break};
use scan::{looks_wrapped, paragraphs};

/// `[segment]` settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SegmentSettings {
    /// Language of every input; absent means detect per document.
    pub lang: Option<Lang>,
    /// What a single line break inside a paragraph means.
    pub line_breaks: LineBreaks,
    /// Rules switched off for an ablation run (none otherwise); never read
    /// from a file.
    #[doc(hidden)]
    #[serde(skip)]
    pub ablate: AblatedRules,
}

/// What a single line break (not a blank line) means.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineBreaks {
    /// A line break ends a sentence, unless the paragraph looks hard-wrapped
    /// (a line starts in lowercase, or the lines are of a similar width and
    /// do not all end in a full stop); then it is a space.
    #[default]
    Auto,
    /// Every line break ends a sentence (headlines, lists, chat lines).
    Sentence,
    /// A line break is a space; only punctuation and blank lines end sentences.
    Space,
}

/// One sentence: a byte span into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Index of the paragraph (a block of text between blank lines) the
    /// sentence belongs to, counting only paragraphs with text, from 0.
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence's text within `doc`.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        doc.get(self.start..self.end).unwrap_or("")
    }
}

/// A sentence segmenter for one language, built once and reused.
///
/// ```
/// use brief::{Lang, SegmentSettings, Segmenter};
/// let text = "Mr. Smith paid $3.50 at 5 p.m. yesterday. He left.\n\nNext paragraph!";
/// let seg = Segmenter::new(Lang::EN, None, &SegmentSettings::default());
/// let sentences = seg.segment(text);
/// let texts: Vec<&str> = sentences.iter().map(|s| s.text(text)).collect();
/// assert_eq!(texts, ["Mr. Smith paid $3.50 at 5 p.m. yesterday.", "He left.", "Next paragraph!"]);
/// assert_eq!(sentences[2].paragraph, 1);
/// ```
#[derive(Debug, Clone)]
pub struct Segmenter {
    lang: Lang,
    lists: &'static LanguageLists,
    /// The user's abbreviations (normalized keys); they may end a sentence.
    extra: resources::WordSet,
    line_breaks: LineBreaks,
    /// Rules switched off for an ablation run (none otherwise).
    disabled: Disabled,
}

impl Segmenter {
    /// A segmenter for `lang` with the user's additions.
    pub fn new(
        lang: Lang,
        extra: Option<&LanguageSettings>,
        settings: &SegmentSettings,
    ) -> Segmenter {
        let extra = extra
            .map(|e| {
                e.abbreviations
                    .iter()
                    .map(|a| resources::normalize_abbreviation(a))
                    .filter(|a| !a.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        Segmenter {
            lang,
            lists: resources::builtin(lang),
            extra,
            line_breaks: settings.line_breaks,
            disabled: settings.ablate,
        }
    }

    /// The language this segmenter was built for.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Splits `text` into sentences, in text order.
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        if self.disabled.off(Rule::Uax29) {
            return uax29(text);
        }
        let mut out = Vec::new();
        let mut scan = Scan {
            text,
            start: 0,
            end: 0,
            cuts: Vec::new(),
            sentence_start: 0,
            markers: Vec::new(),
            key: String::new(),
            capitals: std::cell::OnceCell::new(),
        };
        let mut paragraph = 0;
        for (start, end) in paragraphs(text) {
            scan.start = start;
            scan.end = end;
            scan.sentence_start = start;
            scan.cuts.clear();
            scan.markers.clear();
            let para = text.get(start..end).unwrap_or("");
            let breaks_end_sentences = match self.line_breaks {
                LineBreaks::Sentence => true,
                LineBreaks::Space => false,
                LineBreaks::Auto => !looks_wrapped(para),
            };
            self.scan_paragraph(&mut scan, breaks_end_sentences);
            scan.cuts.sort_unstable();
            if !self.lists.agencies.is_empty() && !self.disabled.off(Rule::Datelines) {
                dateline::cut_datelines(text, start, end, &self.lists.agencies, &mut scan.cuts);
            }
            let before = out.len();
            let mut from = start;
            for &cut in scan.cuts.iter().chain(std::iter::once(&end)) {
                if cut > from {
                    push_trimmed(text, from, cut, paragraph, &mut out);
                    from = cut;
                }
            }
            if out.len() > before {
                paragraph += 1;
            }
        }
        out
    }
}

/// Plain UAX #29 sentence boundaries, the ablation baseline, in one
/// paragraph.
fn uax29(text: &str) -> Vec<Sentence> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = Vec::new();
    for (start, piece) in text.split_sentence_bound_indices() {
        push_trimmed(text, start, start + piece.len(), 0, &mut out);
    }
    out
}

fn push_trimmed(text: &str, from: usize, to: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let Some(piece) = text.get(from..to) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = from + lead;
        out.push(Sentence {
            start,
            end: start + trimmed.len(),
            paragraph,
        });
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The sentences of `text` as strings (the tests of the rule files too).
    pub(crate) fn split(lang: Lang, text: &str) -> Vec<String> {
        let seg = Segmenter::new(lang, None, &SegmentSettings::default());
        seg.segment(text)
            .iter()
            .map(|s| s.text(text).to_string())
            .collect()
    }

    #[test]
    fn splits_simple_sentences_in_three_languages() {
        assert_eq!(
            split(Lang::EN, "Hello World. My name is Jonas."),
            ["Hello World.", "My name is Jonas."]
        );
        assert_eq!(
            split(Lang::RU, "Это так. А это нет!"),
            ["Это так.", "А это нет!"]
        );
        assert_eq!(
            split(
                Lang::FA,
                "خوشبختم، آقای رضا. شما کجایی هستید؟ من از تهران هستم."
            ),
            [
                "خوشبختم، آقای رضا.",
                "شما کجایی هستید؟",
                "من از تهران هستم."
            ]
        );
    }

    #[test]
    fn an_ellipsis_character_before_spaced_dots_loses_no_text() {
        // Found by the proptest in tests/segment_props.rs: the cut after the
        // first mark of "…. . .." fell inside the three-byte "…".
        for text in ["Mr…. . .. 1", "Mr…. . .. A", "Yes…. . . . The end."] {
            let got = split(Lang::EN, text);
            assert_eq!(
                got.concat().replace(' ', ""),
                text.replace(' ', ""),
                "{text}"
            );
        }
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let seg = Segmenter::new(Lang::EN, None, &SegmentSettings::default());
        let text = "One\n\n  \nTwo. Three";
        let s = seg.segment(text);
        assert_eq!(s.iter().map(|s| s.paragraph).collect::<Vec<_>>(), [0, 1, 1]);
    }

    #[test]
    fn every_line_break_is_found_with_its_length() {
        for (text, want) in [
            ("one line", None),
            ("a\nb", Some((1, 1))),
            ("a\r\nb", Some((1, 2))),
            ("a\rb\nc", Some((1, 1))),
            ("a\u{b}b", Some((1, 1))),
            ("a\u{c}b", Some((1, 1))),
            ("«a»\u{85}b", Some((5, 2))),
            ("“a”\u{2028}b\nc", Some((7, 3))),
            ("\u{200c}a\u{2029}", Some((4, 3))),
            ("می\u{200c}شود\nب", Some((13, 1))),
        ] {
            assert_eq!(next_line_break(text), want, "{text:?}");
        }
        for c in LINE_BREAKS {
            let text = format!("Headline here{c}The story begins.");
            assert_eq!(
                split(Lang::EN, &text),
                ["Headline here", "The story begins."],
                "{c:?}"
            );
        }
    }

    #[test]
    fn wrapped_paragraphs_keep_line_breaks_as_spaces() {
        assert_eq!(
            split(Lang::EN, "The minister said\nthat it was over."),
            ["The minister said\nthat it was over."]
        );
        assert_eq!(
            split(Lang::EN, "Headline here\nThe story begins."),
            ["Headline here", "The story begins."]
        );
        // A spaced dash after an abbreviation goes on with the sentence.
        assert_eq!(
            split(
                Lang::EN,
                "RENO, Nev. — The governor spoke. Washington, D.C. -- The rest moved."
            ),
            [
                "RENO, Nev. — The governor spoke.",
                "Washington, D.C. -- The rest moved."
            ]
        );
        // A link, a mark or wire codes on a line are no running text.
        for line in [
            "http://www.noaa.gov",
            "c.1998 N.Y. Times News Service",
            "&QL; &QL;",
        ] {
            let text = format!("Salmon runs fall\nThe board met. &QL;\n{line}\nThe plan is set.");
            assert_eq!(split(Lang::EN, &text)[0], "Salmon runs fall", "{line}");
        }
        // One sentence a line, lines of like widths, one of them open-ended
        // (a two-part headline): line breaks stay boundaries. Prose wrapped
        // at like widths, most lines open-ended, is one paragraph.
        let laid_out = "I Ran My Newsletter Through a Tool. Here's What I Found (And Why)\n\
            Heavy floods closed schools and roads in the city of Tabriz on Monday.\n\
            The city council said that 1,200 homes had been damaged by the water.\n\
            Rescue teams reached the eastern districts by boat on Monday evening.";
        assert_eq!(split(Lang::EN, laid_out).len(), 5);
        let wrapped = "Heavy floods closed schools and roads in the city of Tabriz on\n\
            Monday. The city council said that 1,200 homes had been damaged by\n\
            the water, and rescue teams reached the eastern districts by boat\n\
            on Monday evening.";
        assert_eq!(split(Lang::EN, wrapped).len(), 2);
    }

    #[test]
    fn email_layout_is_english_only() {
        let text = "Вот это заготовки @screened-1 ~~~~~~ Мы в телеграме.";
        assert_eq!(split(Lang::RU, text).len(), 2);
        assert_eq!(
            split(Lang::EN, "Thanks. ~~~~~~ We are on Telegram."),
            ["Thanks.", "~~~~~~", "We are on Telegram."]
        );
    }

    #[test]
    fn user_abbreviations_are_used() {
        let extra = LanguageSettings {
            abbreviations: vec!["Approx".into()],
            ..Default::default()
        };
        let seg = Segmenter::new(Lang::RU, Some(&extra), &SegmentSettings::default());
        let text = "Было approx. сто человек.";
        assert_eq!(seg.segment(text).len(), 1);
    }

    #[test]
    fn handles_inside_a_sentence_start_none() {
        assert_eq!(
            split(
                Lang::EN,
                "RT @newsdesk: Flood warning lifted for the valley"
            ),
            ["RT @newsdesk: Flood warning lifted for the valley"]
        );
        assert_eq!(
            split(
                Lang::EN,
                "Watch the full interview via @VideoChannel tonight"
            ),
            ["Watch the full interview via @VideoChannel tonight"]
        );
        assert_eq!(
            split(Lang::RU, "Гуляли вчера с @screened-7 по набережной"),
            ["Гуляли вчера с @screened-7 по набережной"]
        );
        assert_eq!(
            split(Lang::RU, "@anna @boris спасибо за вечер"),
            ["@anna @boris спасибо за вечер"]
        );
        // A reply after a comment with no punctuation still starts one.
        assert_eq!(
            split(Lang::RU, "очень красивый закат @mila а где это снято"),
            ["очень красивый закат", "@mila а где это снято"]
        );
    }

    #[test]
    fn caseless_ellipsis_goes_on() {
        let text = "کتاب و دفتر و… را خریدم. فردا می‌آیم.";
        assert_eq!(
            split(Lang::FA, text),
            ["کتاب و دفتر و… را خریدم.", "فردا می‌آیم."]
        );
        let dots = "میوه‌ها مثل سیب و پرتقال و... در بازار بود.";
        assert_eq!(split(Lang::FA, dots).len(), 1);
        // Case still decides in Russian.
        assert_eq!(
            split(Lang::RU, "Мы ждали… Никто не пришёл."),
            ["Мы ждали…", "Никто не пришёл."]
        );
    }

    #[test]
    fn short_abbreviations_before_counted_numbers_go_on() {
        assert_eq!(
            split(
                Lang::RU,
                "Срок хранения макс. 2-3 года при комнатной температуре."
            ),
            ["Срок хранения макс. 2-3 года при комнатной температуре."]
        );
        assert_eq!(
            split(Lang::RU, "До станции ок. 5 км пешком."),
            ["До станции ок. 5 км пешком."]
        );
        // A sentence that opens with a date still starts after a long word.
        assert_eq!(
            split(Lang::RU, "Работа над альбомом шла долго. 12 мая он вышел."),
            ["Работа над альбомом шла долго.", "12 мая он вышел."]
        );
    }

    #[test]
    fn a_year_closing_a_clause_ends_the_sentence() {
        assert_eq!(
            split(
                Lang::RU,
                "Завод построили на окраине города в 1968 г. Сейчас там музей."
            ),
            [
                "Завод построили на окраине города в 1968 г.",
                "Сейчас там музей."
            ]
        );
        assert_eq!(
            split(Lang::RU, "В 1812 г. Наполеон начал поход на Москву."),
            ["В 1812 г. Наполеон начал поход на Москву."]
        );
        assert_eq!(
            split(Lang::RU, "Они переехали в г. Тверь весной."),
            ["Они переехали в г. Тверь весной."]
        );
    }

    #[test]
    fn a_lone_carriage_return_is_a_line_break() {
        let text = "Storm closes schools\rAll schools in the county stay shut today.\r\rNext.";
        assert_eq!(
            split(Lang::EN, text),
            [
                "Storm closes schools",
                "All schools in the county stay shut today.",
                "Next."
            ]
        );
        let seg = Segmenter::new(Lang::EN, None, &SegmentSettings::default());
        assert_eq!(seg.segment(text).last().map(|s| s.paragraph), Some(1));
        let crlf = "Storm closes schools\r\nAll schools stay shut.";
        assert_eq!(
            split(Lang::EN, crlf),
            ["Storm closes schools", "All schools stay shut."]
        );
    }

    /// Checks each case: the text splits into exactly the sentences given.
    fn check(lang: Lang, cases: &[(&str, &[&str])]) {
        for (text, expected) in cases {
            assert_eq!(split(lang, text), *expected, "{text}");
        }
    }

    #[test]
    fn dates_close_a_clause_only_after_two_words_that_are_not_dates() {
        check(
            Lang::RU,
            &[
                (
                    "Она умерла 3 мая 1950 г. Похоронена в Москве.",
                    &["Она умерла 3 мая 1950 г.", "Похоронена в Москве."],
                ),
                (
                    "Собор заложили здесь в XIV в. Позже его расширили.",
                    &["Собор заложили здесь в XIV в.", "Позже его расширили."],
                ),
                (
                    "Город основан князем Олегом в 882 г. Он рос быстро.",
                    &["Город основан князем Олегом в 882 г.", "Он рос быстро."],
                ),
                (
                    "В начале 1990 г. Ельцин стал председателем.",
                    &["В начале 1990 г. Ельцин стал председателем."],
                ),
                (
                    "Когда в 1991 г. Союз распался, он уехал.",
                    &["Когда в 1991 г. Союз распался, он уехал."],
                ),
                // A participle and an adverb before a century: no clause.
                (
                    "Текст, записанный ещё в XVII в. Аввакумом, сохранился.",
                    &["Текст, записанный ещё в XVII в. Аввакумом, сохранился."],
                ),
            ],
        );
    }

    #[test]
    fn units_after_numbers_and_latin_letters_may_end_a_russian_sentence() {
        check(
            Lang::RU,
            &[
                (
                    "Вес слона достигает 6 т. Живёт он до 70 лет.",
                    &["Вес слона достигает 6 т.", "Живёт он до 70 лет."],
                ),
                (
                    "Магазин открыт до 21 ч. Выходных нет.",
                    &["Магазин открыт до 21 ч.", "Выходных нет."],
                ),
                ("См. т. 2, с. 15.", &["См. т. 2, с. 15."]),
                (
                    "Трон унаследовал Карл V. Он правил долго.",
                    &["Трон унаследовал Карл V.", "Он правил долго."],
                ),
                (
                    "А. С. Пушкин родился в Москве.",
                    &["А. С. Пушкин родился в Москве."],
                ),
                (
                    "Продают мебель, посуду и пр. Цены низкие.",
                    &["Продают мебель, посуду и пр.", "Цены низкие."],
                ),
                ("Дом на пр. Мира снесли.", &["Дом на пр. Мира снесли."]),
            ],
        );
    }

    #[test]
    fn inline_lists_and_ellipses_in_quotations_go_on() {
        check(
            Lang::RU,
            &[
                (
                    "Нужно купить: 1) хлеб; 2) молоко; 3) сыр. Всё.",
                    &["Нужно купить: 1) хлеб; 2) молоко; 3) сыр.", "Всё."],
                ),
                (
                    "Призёры: 1) Иванов; 2) Петров. Поздравляем!",
                    &["Призёры: 1) Иванов; 2) Петров.", "Поздравляем!"],
                ),
                (
                    "Выбор: а) Тула, б) Орёл. Всё.",
                    &["Выбор: а) Тула, б) Орёл.", "Всё."],
                ),
                (
                    "«Может… Может, завтра», — ответил он.",
                    &["«Может… Может, завтра», — ответил он."],
                ),
            ],
        );
        // A numbered list run together without separators still splits.
        check(
            Lang::EN,
            &[(
                "Steps: 1) open the box 2) take the cable out",
                &["Steps:", "1) open the box", "2) take the cable out"],
            )],
        );
    }

    #[test]
    fn persian_glued_ends_split_and_quotations_before_verbs_go_on() {
        check(
            Lang::FA,
            &[
                ("کی برمی‌گردی؟فردا.", &["کی برمی‌گردی؟", "فردا."]),
                ("تمام شد.برویم.", &["تمام شد.", "برویم."]),
                ("سال ۵۰۰ ق.م.", &["سال ۵۰۰ ق.م."]),
                ("«بس است!» گفت و رفت.", &["«بس است!» گفت و رفت."]),
                ("«کی؟» را نپرسید.", &["«کی؟» را نپرسید."]),
                ("«بس است!» همه ساکت شدند.", &["«بس است!»", "همه ساکت شدند."]),
            ],
        );
    }

    /// Regression: Pasokh news writes Latin acronyms and initials with
    /// glued periods; the glued-end rule cut them into sentences.
    #[test]
    fn persian_spelled_acronyms_and_initials_are_not_sentence_ends() {
        check(
            Lang::FA,
            &[
                ("او به «سی.ان.ان» گفت.", &["او به «سی.ان.ان» گفت."]),
                ("شبكه اي.بي.سي اعلام كرد.", &["شبكه اي.بي.سي اعلام كرد."]),
                (
                    "العربيه يا بي\u{200c}.بي.سي گفتند.",
                    &["العربيه يا بي\u{200c}.بي.سي گفتند."],
                ),
                ("ژان ام.جی.فروشه آمد.", &["ژان ام.جی.فروشه آمد."]),
                // Real glued ends before letter names that are words still
                // split (review).
                ("خواهد بود.وی افزود.", &["خواهد بود.", "وی افزود."]),
                (
                    "ده نفر کشته شدند.سی نفر زخمی شدند.",
                    &["ده نفر کشته شدند.", "سی نفر زخمی شدند."],
                ),
                (
                    "در آبان پایان رسید.دی ماه برگزار می‌شود.",
                    &["در آبان پایان رسید.", "دی ماه برگزار می‌شود."],
                ),
                (
                    "او بهترین بود.بی شک می‌درخشد.",
                    &["او بهترین بود.", "بی شک می‌درخشد."],
                ),
                (
                    "امیدواریم حل شود.ان شاء الله می‌رسد.",
                    &["امیدواریم حل شود.", "ان شاء الله می‌رسد."],
                ),
            ],
        );
    }

    #[test]
    fn english_etc_before_a_capital_ends_the_sentence() {
        check(
            Lang::EN,
            &[
                (
                    "We ordered rolls, soup, etc. Everything was cold.",
                    &["We ordered rolls, soup, etc.", "Everything was cold."],
                ),
                (
                    "Bring pens, tape, etc. to the desk.",
                    &["Bring pens, tape, etc. to the desk."],
                ),
                (
                    "Use tools (hammers, etc.) carefully.",
                    &["Use tools (hammers, etc.) carefully."],
                ),
            ],
        );
    }

    #[test]
    fn persian_abbreviations_closing_a_bracket_go_on() {
        check(
            Lang::FA,
            &[
                (
                    "حافظ (۷۲۷–۷۹۲ ه.ق.) از شاعران ایران است. آرامگاه او در شیراز است.",
                    &[
                        "حافظ (۷۲۷–۷۹۲ ه.ق.) از شاعران ایران است.",
                        "آرامگاه او در شیراز است.",
                    ],
                ),
                (
                    "(۵۲۲–۴۸۶ ق.م.) سومین پادشاه بود.",
                    &["(۵۲۲–۴۸۶ ق.م.) سومین پادشاه بود."],
                ),
                // A bracket closed after an ordinary word is a sentence end.
                (
                    "(سال گذشته.) امسال بهتر است.",
                    &["(سال گذشته.)", "امسال بهتر است."],
                ),
            ],
        );
    }

    #[test]
    fn chat_bullets_handles_at_the_end_and_ok() {
        check(
            Lang::RU,
            &[
                (
                    "✔ Зимой судак уходит на глубину. Клюёт ночью.",
                    &["✔ Зимой судак уходит на глубину.", "Клюёт ночью."],
                ),
                ("👍👏 Я тоже такой хочу", &["👍👏", "Я тоже такой хочу"]),
                (
                    "Ждём вас на нашей базе @screened-1! Будет весело.",
                    &["Ждём вас на нашей базе @screened-1!", "Будет весело."],
                ),
                (
                    "Красиво @screened-2 спасибо за фото",
                    &["Красиво", "@screened-2 спасибо за фото"],
                ),
                (
                    "Кажется, что все Ок. Своих проблем хватает.",
                    &["Кажется, что все Ок.", "Своих проблем хватает."],
                ),
                ("Там ок. 5 км пути.", &["Там ок. 5 км пути."]),
            ],
        );
    }
    #[test]
    fn russian_date_ranges_decades_and_centuries_opening_a_sentence() {
        check(
            Lang::RU,
            &[
                (
                    "Храм строили в 1820—1835 гг. Освящён он позже.",
                    &["Храм строили в 1820—1835 гг.", "Освящён он позже."],
                ),
                (
                    "Завод закрыли ещё в 1960-х гг. Теперь здесь парк.",
                    &["Завод закрыли ещё в 1960-х гг.", "Теперь здесь парк."],
                ),
                (
                    "Крепость возведена в XV в. Стены её из камня.",
                    &["Крепость возведена в XV в.", "Стены её из камня."],
                ),
                // A decade or range that opens the sentence still goes on.
                (
                    "В 1960-х гг. Москва росла быстро.",
                    &["В 1960-х гг. Москва росла быстро."],
                ),
                // After a comma a century still needs three words.
                (
                    "Рукопись, найденная ещё в XVI в. Строгановым, хранится там.",
                    &["Рукопись, найденная ещё в XVI в. Строгановым, хранится там."],
                ),
            ],
        );
    }

    #[test]
    fn persian_ellipsis_after_a_finite_verb_ends_the_sentence() {
        check(
            Lang::FA,
            &[
                (
                    "باد می\u{200c}وزید... کسی بیرون نبود.",
                    &["باد می\u{200c}وزید...", "کسی بیرون نبود."],
                ),
                (
                    "همه رفته بودند… خانه ساکت بود.",
                    &["همه رفته بودند…", "خانه ساکت بود."],
                ),
                ("او چیزی نگفت... فقط رفت.", &["او چیزی نگفت...", "فقط رفت."]),
                // After a noun or "and", the ellipsis is "and so on".
                ("سیب و پرتقال و... خریدیم.", &["سیب و پرتقال و... خریدیم."]),
                (
                    "کتاب، دفتر، مداد... همه را آورد.",
                    &["کتاب، دفتر، مداد... همه را آورد."],
                ),
                // Without the joiner: "می" apart or glued.
                ("باد می وزید... کسی نبود.", &["باد می وزید...", "کسی نبود."]),
                ("باد میوزید... کسی نبود.", &["باد میوزید...", "کسی نبود."]),
                (
                    "حدود ۵ میلیارد... هزینه شد.",
                    &["حدود ۵ میلیارد... هزینه شد."],
                ),
            ],
        );
    }

    #[test]
    fn persian_quotations_before_a_clause_ending_in_a_verb_of_saying_go_on() {
        check(
            Lang::FA,
            &[
                (
                    "«کجا بودی؟» پدر با خشم پرسید.",
                    &["«کجا بودی؟» پدر با خشم پرسید."],
                ),
                ("«نرو!» فریاد زدم. رفت.", &["«نرو!» فریاد زدم.", "رفت."]),
                ("«آمدی؟» می\u{200c}پرسد.", &["«آمدی؟» می\u{200c}پرسد."]),
                // A new clause that is not about saying starts a sentence.
                ("«آمدی؟» همه خندیدند.", &["«آمدی؟»", "همه خندیدند."]),
                ("«نرو!» او پاسخ نداد.", &["«نرو!»", "او پاسخ نداد."]),
            ],
        );
    }
    #[test]
    fn persian_marks_after_a_space_or_before_joiners_and_ellipses_before_but() {
        check(
            Lang::FA,
            &[
                // A mark typed after the space, glued to the next word.
                ("کار تمام شد .همه رفتند.", &["کار تمام شد .", "همه رفتند."]),
                ("به «جان جی .اسمیت» رسید.", &["به «جان جی .اسمیت» رسید."]),
                // A period after an ellipsis is a full stop.
                (
                    "سیب، انار و... . بعد رفتیم.",
                    &["سیب، انار و... .", "بعد رفتیم."],
                ),
                (
                    "سیب، انار و... .بعد رفتیم.",
                    &["سیب، انار و... .", "بعد رفتیم."],
                ),
                // Joiners typed after the mark belong to it.
                (
                    "تمام شد.\u{200c} بعد رفتیم.",
                    &["تمام شد.\u{200c}", "بعد رفتیم."],
                ),
                (
                    "تمام شد.\u{200c}\u{200c}بعد رفتیم.",
                    &["تمام شد.\u{200c}\u{200c}", "بعد رفتیم."],
                ),
                // "And so on" before "but" closes the sentence.
                (
                    "سیب، انار و... اما پول نبود.",
                    &["سیب، انار و...", "اما پول نبود."],
                ),
                ("سیب، انار و... خریدیم.", &["سیب، انار و... خریدیم."]),
            ],
        );
    }
    #[test]
    fn persian_mirrored_quotes_and_brackets_close_after_a_mark() {
        check(
            Lang::FA,
            &[
                (
                    "او گفت: »می\u{200c}روم.« سپس رفت.",
                    &["او گفت: »می\u{200c}روم.«", "سپس رفت."],
                ),
                ("پرسید: »کجا؟« کسی نگفت.", &["پرسید: »کجا؟«", "کسی نگفت."]),
                (")این درست است.( سپس رفت.", &[")این درست است.(", "سپس رفت."]),
                ("»کجا؟« را پرسید.", &["»کجا؟« را پرسید."]),
                // A mirrored bracket closing an abbreviation keeps its period.
                (
                    ")۵۲۲–۴۸۶ ق.م.( سومین پادشاه بود.",
                    &[")۵۲۲–۴۸۶ ق.م.( سومین پادشاه بود."],
                ),
                // An opening quote after the space still opens.
                ("رفت. «سلام» گفت.", &["رفت.", "«سلام» گفت."]),
            ],
        );
        // Other languages keep `(` and `«` as openers.
        check(Lang::RU, &[("Он ушёл.« Да", &["Он ушёл.« Да"])]);
    }
}
