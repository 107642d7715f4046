//! Numbers the source writes in words ("twenty-five people"), judged by
//! the `numbers` check: the target must give the same value, in digits
//! or in words, as often as the source does.

use super::super::number_words::{WrittenNumber, roman_values, written_numbers};
use super::super::{CheckKind, Finding};
use super::{
    Number, Targets, close_to, converted, extract, is_degrees, next_word, same, source_values,
    unit_factors,
};
use crate::lang::Lang;

/// The numbers of a source, each with every value a target may give for
/// it, and the values its conversions may take ("5 miles" → "8 км").
struct SourceNumbers {
    readings: Vec<Vec<f64>>,
    conversions: Vec<f64>,
}

impl SourceNumbers {
    fn new(source: &str, lang: Lang, src: &[Number], written: &[WrittenNumber]) -> Self {
        let mut readings: Vec<Vec<f64>> = written.iter().map(|w| vec![w.value]).collect();
        let mut conversions: Vec<f64> = written
            .iter()
            .flat_map(|w| written_converted(source, w, written))
            .collect();
        for (i, n) in src.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| &src[j]);
            readings.push(source_values(source, n, prev, lang));
            conversions.extend(converted(source, n, src.get(i + 1)));
        }
        SourceNumbers {
            readings,
            conversions,
        }
    }

    /// How many numbers of the source may be `v`.
    fn may_be(&self, v: f64) -> usize {
        let hits = |vs: &&Vec<f64>| vs.iter().any(|&s| same(s, v));
        self.readings.iter().filter(hits).count()
    }

    /// How many numbers of the source can only be `v` ("18", not "4:15
    /// p.m.", which a target may give as 16).
    fn only(&self, v: f64) -> usize {
        let only = |vs: &&Vec<f64>| !vs.is_empty() && vs.iter().all(|&s| same(s, v));
        self.readings.iter().filter(only).count()
    }

    fn converts_to(&self, v: f64) -> bool {
        self.conversions.iter().any(|&c| close_to(v, c))
    }
}

/// Values the target may give for a number written in words before an
/// imperial or Fahrenheit unit ("five miles" → "8 км"), or as a share of
/// the next ("four in ten", "two out of three" → "40 %", "67 %").
fn written_converted(source: &str, w: &WrittenNumber, written: &[WrittenNumber]) -> Vec<f64> {
    let ratio = written.iter().find(|o| {
        o.start > w.end
            && source
                .get(w.end..o.start)
                .is_some_and(|g| matches!(g.trim(), "in" | "out of"))
    });
    if let Some(o) = ratio.filter(|o| o.value > 0.0) {
        return vec![w.value / o.value * 100.0];
    }
    let word = next_word(source, w.end).0;
    let mut out: Vec<f64> = unit_factors(word.trim_start_matches('°'))
        .iter()
        .map(|f| w.value * f)
        .collect();
    if is_degrees(&word) && !matches!(word.trim_start_matches('°'), "c" | "celsius") {
        out.push((w.value - 32.0) * 5.0 / 9.0);
        out.push(w.value * 5.0 / 9.0);
    }
    out
}

/// An error when a number the source writes in words is given fewer times
/// in the target (in digits, in words, or as the source's words kept:
/// "Four Corners" left in English) and the target has a number of its
/// own instead — one no source number may be, or one it gives more often
/// than the source: "Twenty-five people" → "35 человек", "Three people …
/// at 5 a.m." → "۵ نفر … ساعت ۵ صبح". A target without a number of its
/// own may have said it another way ("both", "a pair"): a warning, for a
/// reviewer to see that "three soldiers" became "военные". Numbers are compared whole: "seventy" is not in "هفتاد و دو".
pub(super) fn changed_written(
    source: &str,
    source_lang: Lang,
    src: &[Number],
    written: &[WrittenNumber],
    target: &Targets<'_>,
) -> Option<Finding> {
    if written.is_empty() {
        return None;
    }
    let (scales, runs): (Vec<WrittenNumber>, Vec<WrittenNumber>) =
        written_numbers(target.text, target.lang)
            .into_iter()
            .partition(|r| r.after_digits);
    // Numbers of the target's URLs, handles and the like are not its own;
    // nor the parts of a number written with digits and scale words mixed
    // ("۴۳ میلیون و ۸۴ هزار", "71 هزار و 295", "98 тыс. 42"), whose whole
    // value is judged by the numbers check.
    let spans = super::super::text::untouchable_spans(target.text);
    let text = target.text;
    let mixed = |n: &Number| {
        scales.iter().any(|s| {
            let between = |a: usize, b: usize| {
                text.get(a..b).is_some_and(|g| {
                    g.trim_matches(|c: char| c.is_whitespace() || c == '.')
                        .trim()
                        .is_empty()
                        || g.trim() == "و"
                })
            };
            (s.start >= n.end && between(n.end, s.start))
                || (s.end <= n.start && between(s.end, n.start))
        })
    };
    let found = extract(text);
    let outside = |n: &Number| !spans.iter().any(|&(s, e)| n.start >= s && n.end <= e);
    let numbers: Vec<&Vec<f64>> = found
        .iter()
        .zip(&target.numbers)
        .filter(|(n, _)| outside(n))
        .map(|(_, vs)| vs)
        .collect();
    let alone: Vec<&Vec<f64>> = found
        .iter()
        .zip(&target.numbers)
        .filter(|(n, _)| outside(n) && !mixed(n))
        .map(|(_, vs)| vs)
        .collect();
    let sources = SourceNumbers::new(source, source_lang, src, written);
    let lower = target.text.to_lowercase();
    // "the twenty-first century" → "XXI век".
    let romans = roman_values(target.text);
    let in_target = |w: &WrittenNumber| {
        let conversions = written_converted(source, w, written);
        let as_value = |t: f64| same(t, w.value) || conversions.iter().any(|&c| close_to(t, c));
        let digits = numbers.iter().filter(|vs| vs.iter().any(|&t| as_value(t)));
        let kept = source[w.start..w.end].to_lowercase();
        // An ordinal is given as an ordinal: "for the ninth time" is not in
        // "نه" ("not", also "nine") or "دو کره" ("the two Koreas").
        let words = runs
            .iter()
            .filter(|r| as_value(r.value) && (r.ordinal || !w.ordinal));
        digits.count()
            + words.count()
            + romans.iter().filter(|&&v| same(v, w.value)).count()
            + lower.matches(kept.as_str()).count()
    };
    let missing = written
        .iter()
        .find(|w| w.value >= 2.0 && in_target(w) < sources.only(w.value))?;
    // The target's numbers: every reading of each, its main value first,
    // and whether it is an ordinal (never a conversion: "8 см" may be "3
    // inches", "восьмой" may not).
    let mut given: Vec<(&[f64], bool)> = alone.iter().map(|vs| (vs.as_slice(), false)).collect();
    let certain: Vec<([f64; 1], bool)> = runs
        .iter()
        .filter(|r| r.certain)
        .map(|r| ([r.value], r.ordinal))
        .collect();
    given.extend(certain.iter().map(|(v, o)| (v.as_slice(), *o)));
    let own = given.iter().find_map(|&(vs, ordinal)| {
        let &t = vs.first()?;
        let whole = t >= 2.0 && t.fract() == 0.0;
        let new = !vs
            .iter()
            .any(|&v| sources.may_be(v) > 0 || (!ordinal && sources.converts_to(v)));
        let times = given
            .iter()
            .filter(|(g, _)| g.first().is_some_and(|&m| same(m, t)));
        let more = sources.may_be(t) > 0 && times.count() > sources.may_be(t);
        (whole && (new || more)).then_some(t)
    });
    let shown = &source[missing.start..missing.end];
    let Some(own) = own else {
        return Some(Finding::warning(
            CheckKind::Numbers,
            format!(
                "the number \"{shown}\" ({}) of the source is not in the target",
                missing.value
            ),
        ));
    };
    Some(Finding::error(
        CheckKind::Numbers,
        format!(
            "the number \"{shown}\" ({}) of the source is not in the target, which has {own}",
            missing.value
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::check;
    use crate::lang::Lang;

    fn read(text: &str, lang: Lang) -> Vec<(f64, bool)> {
        written_numbers(text, lang)
            .iter()
            .filter(|w| !w.after_digits)
            .map(|w| (w.value, w.certain))
            .collect()
    }

    use super::written_numbers;

    #[test]
    fn runs_of_number_words_are_read_whole() {
        let en = |t| read(t, Lang::EN).iter().map(|r| r.0).collect::<Vec<_>>();
        assert_eq!(en("Twenty-five people"), [25.0]);
        assert_eq!(en("two hundred and fifty"), [250.0]);
        assert_eq!(en("one thousand one hundred and eighty"), [1180.0]);
        assert_eq!(en("three million voters"), [3e6]);
        assert_eq!(en("five six"), [5.0, 6.0]);
        assert_eq!(en("one or two moments"), [1.0, 2.0]);
        assert_eq!(en("two and three"), [2.0, 3.0]);
        assert!(en("3 million").is_empty(), "a scale after digits is theirs");
        let fa = |t| read(t, Lang::FA).iter().map(|r| r.0).collect::<Vec<_>>();
        assert_eq!(fa("هفتاد و دو نفر"), [72.0]);
        assert_eq!(fa("یک میلیون و دویست هزار"), [1_200_000.0]);
        assert_eq!(fa("سه هزار و صد و بیست و هفت"), [3127.0]);
        let ru = |t| read(t, Lang::RU).iter().map(|r| r.0).collect::<Vec<_>>();
        assert_eq!(ru("пять тысяч сто пятьдесят четыре"), [5154.0]);
        assert_eq!(ru("полторы тысячи"), [1500.0]);
    }

    #[test]
    fn short_stems_are_not_certainly_numbers() {
        assert_eq!(read("первенство мира", Lang::RU), [(1.0, false)]);
        // Words that only start as a number word does are none: the
        // short stems are listed as whole forms ("пара", "второй").
        for text in [
            "во вторник",
            "партия",
            "парламент",
            "пародия",
            "сотрудник",
            "пятница",
            "шествие",
        ] {
            assert_eq!(read(text, Lang::RU), [], "{text}");
        }
        assert_eq!(read("в третий раз", Lang::RU), [(3.0, true)]);
        assert_eq!(read("пара ботинок", Lang::RU), [(2.0, true)]);
        assert_eq!(read("двадцать человек", Lang::RU), [(20.0, true)]);
        assert_eq!(read("пять человек", Lang::RU), [(5.0, true)]);
    }

    fn errors(source: &str, target: &str, lang: Lang) -> Vec<String> {
        check(source, target, Lang::EN, lang)
            .into_iter()
            .filter(|f| f.severity == super::super::super::Severity::Error)
            .map(|f| f.message)
            .collect()
    }

    /// Each target gives another number for one of its source's.
    fn assert_changed(cases: &[(&str, &str, Lang)]) {
        for &(source, target, lang) in cases {
            let found = errors(source, target, lang);
            assert!(
                found
                    .iter()
                    .any(|m| m.contains("of the source is not in the target, which has")),
                "{source} → {target}: {found:?}"
            );
        }
    }

    /// Each target keeps its source's numbers.
    fn assert_accepted(cases: &[(&str, &str, Lang)]) {
        for &(source, target, lang) in cases {
            let found = errors(source, target, lang);
            assert!(found.is_empty(), "{source} → {target}: {found:?}");
        }
    }

    #[test]
    fn a_number_written_in_words_must_keep_its_value() {
        assert_changed(&[
            (
                "Twenty-five people were hurt.",
                "Пострадали 35 человек.",
                Lang::RU,
            ),
            ("Two people died.", "Погибли три человека.", Lang::RU),
            (
                "Eleven people were hurt.",
                "دوازده نفر زخمی شدند.",
                Lang::FA,
            ),
            (
                "One in five voters backed him.",
                "Его поддержал каждый четвертый избиратель.",
                Lang::RU,
            ),
            // The value the target gives instead is one the source has
            // elsewhere, once: the target gives it twice.
            (
                "Three people were hurt at 5 a.m.",
                "ساعت ۵ صبح ۵ نفر زخمی شدند.",
                Lang::FA,
            ),
            // Given twice in the source, once in the target.
            (
                "There are one or two moments. Two people were hurt.",
                "Есть один или два момента. Пострадали восемь человек.",
                Lang::RU,
            ),
        ]);
    }

    #[test]
    fn an_ordinal_in_words_must_keep_its_value() {
        assert_changed(&[
            (
                "He won for the second time.",
                "Он победил в третий раз.",
                Lang::RU,
            ),
            (
                "He won for the second time.",
                "او برای سومین بار پیروز شد.",
                Lang::FA,
            ),
            (
                "She began her fifth term.",
                "Она начала свой шестой срок.",
                Lang::RU,
            ),
            (
                "It is the twenty-first century.",
                "Это двадцатый век.",
                Lang::RU,
            ),
            // Given only as a cardinal that means something else: "نه"
            // is "not" (and "nine").
            (
                "They are migrants, not refugees. He won for the ninth time.",
                "آنها مهاجرند نه پناهنده. او برای چهارمین بار پیروز شد.",
                Lang::FA,
            ),
            // An ordinal is never a metric conversion ("3 inches" = 8 cm).
            (
                "Up to 3 inches of rain fell. He won for the sixth time.",
                "Выпало до 8 см осадков. Он выиграл в восьмой раз.",
                Lang::RU,
            ),
        ]);
        assert_accepted(&[
            (
                "He won for the second time.",
                "Он победил во второй раз.",
                Lang::RU,
            ),
            (
                "He won for the second time.",
                "او برای بار دوم پیروز شد.",
                Lang::FA,
            ),
            ("It is the twenty-first century.", "Это XXI век.", Lang::RU),
            ("It is the twenty-first century.", "Это 21-й век.", Lang::RU),
            (
                "It is the twenty-first century.",
                "این قرن بیست و یکم است.",
                Lang::FA,
            ),
            (
                "The twenty-first round ended.",
                "Завершилась двадцать первая встреча.",
                Lang::RU,
            ),
            (
                "A third of the budget, 5 roads.",
                "Треть бюджета, 5 дорог.",
                Lang::RU,
            ),
            (
                "Two-thirds of 40 seats are empty.",
                "Две трети из 40 мест пустуют.",
                Lang::RU,
            ),
            (
                "Two-thirds of 40 seats are empty.",
                "دو سوم از ۴۰ صندلی خالی است.",
                Lang::FA,
            ),
            (
                "A second later, 5 people ran.",
                "Секундой позже 5 человек побежали.",
                Lang::RU,
            ),
        ]);
    }

    #[test]
    fn the_same_value_in_digits_words_or_kept_words_is_accepted() {
        assert_accepted(&[
            (
                "Twenty-five people were hurt.",
                "Пострадали 25 человек.",
                Lang::RU,
            ),
            (
                "Twenty-five people were hurt.",
                "Пострадали двадцать пять человек.",
                Lang::RU,
            ),
            (
                "Twenty-five people were hurt.",
                "بیست و پنج نفر زخمی شدند.",
                Lang::FA,
            ),
            ("Three children.", "Трое детей.", Lang::RU),
            ("the five-time winner", "пятикратный победитель", Lang::RU),
            // Regressions from the mutation battery: the source's words
            // kept in English; the clock's 24-hour reading; numbers of a
            // handle; a number written with digits and scale words mixed.
            (
                "Rain reaches the Four Corners. It starts at 11:15 p.m.",
                "باران به Four Corners می‌رسد. ساعت ۲۳:۱۵ آغاز می‌شود.",
                Lang::FA,
            ),
            (
                "Rain reaches the Four Corners. It starts at 4:15 p.m.",
                "Ливни пройдут в районе Четырех углов. Начало в 16:15.",
                Lang::RU,
            ),
            (
                "The Four Corners. Follow @newsdesk335.",
                "Four Corners. ‏@newsdesk335 را دنبال کنید.",
                Lang::FA,
            ),
            (
                "It happened two years before. Some 43,084,000 people signed.",
                "این دوسال قبل رخ داد. حدود ۴۳ میلیون و ۸۴ هزار نفر امضا کردند.",
                Lang::FA,
            ),
            (
                "Half a million people came.",
                "Пришли 500 тысяч человек.",
                Lang::RU,
            ),
            (
                "Half a million people came.",
                "نیم میلیون نفر آمدند.",
                Lang::FA,
            ),
            (
                "Four in ten voters are undecided.",
                "40% избирателей не определились.",
                Lang::RU,
            ),
            (
                "Two out of three voters backed it.",
                "۶۷ درصد رای‌دهندگان موافق بودند.",
                Lang::FA,
            ),
            (
                "A seven-year-old boy was rescued.",
                "Семилетнего мальчика спасли.",
                Lang::RU,
            ),
            (
                "A seven-year-old boy was rescued.",
                "پسر هفت‌ساله نجات یافت.",
                Lang::FA,
            ),
            // Converted to metric units.
            ("They walked five miles.", "Они прошли 8 км.", Lang::RU),
            ("It was ninety degrees.", "دما ۳۲ درجه بود.", Lang::FA),
            (
                "It was ninety degrees.",
                "Было тридцать два градуса.",
                Lang::RU,
            ),
            // A target that says it another way, with no number of its own.
            (
                "Two people died in 2019.",
                "Оба погибли в 2019 году.",
                Lang::RU,
            ),
        ]);
    }
}
