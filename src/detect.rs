//! Language detection: script first, then a restricted whatlang detector.
//!
//! whatlang alone labels short English as Zulu or Latin and short Russian as
//! Ukrainian or Bulgarian. brief's users read English, Russian and Persian
//! first, so detection works in two steps:
//!
//! 1. the writing system decides the candidate family (Latin, Cyrillic,
//!    Arabic, ...);
//! 2. within it, the preferred language (en, ru, fa) wins unless whatlang is
//!    reliably sure of another one *and* the text is long enough to trust it
//!    (Cyrillic also needs a letter that Russian does not use, Arabic script a
//!    sign that the text is not Persian).

use serde::Serialize;
use whatlang::{Detector, Lang as W, Script};

use crate::lang::Lang;

/// How a language was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// Given by the user (`--lang`, TOML or the JSONL `lang` field).
    Override,
    /// whatlang within the script's languages.
    Detector,
    /// The script's preferred language, because nothing else was sure.
    Script,
    /// No letters at all: English by convention, with confidence 0.
    Fallback,
}

/// The outcome of language detection for one document.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Detection {
    /// The language.
    pub lang: Lang,
    /// Confidence between 0 and 1.
    pub confidence: f64,
    /// The dominant writing system, if the text has letters.
    #[serde(serialize_with = "serialize_script")]
    pub script: Option<Script>,
    /// How the language was decided.
    pub method: Method,
}

/// Texts shorter than this (in characters) keep the script's preferred
/// language unless whatlang is very sure.
const MIN_CHARS_FOR_OTHER: usize = 40;

/// Detects the language of `text`; `user` (an override) wins when given.
///
/// ```
/// use brief::{detect, Lang};
/// assert_eq!(detect("The president spoke on the phone.", None).lang, Lang::EN);
/// assert_eq!(detect("Президент говорил по телефону.", None).lang, Lang::RU);
/// assert_eq!(detect("رئیس‌جمهور تلفنی صحبت کرد.", None).lang, Lang::FA);
/// assert_eq!(detect("Hello", Some(Lang::RU)).lang, Lang::RU);
/// ```
pub fn detect(text: &str, user: Option<Lang>) -> Detection {
    // The first 4 KiB say enough about the script, and keep long inputs cheap.
    let script = whatlang::detect_script(head(text, 4096));
    if let Some(lang) = user {
        return Detection {
            lang,
            confidence: 1.0,
            script,
            method: Method::Override,
        };
    }
    let Some(script) = script else {
        return Detection {
            lang: Lang::EN,
            confidence: 0.0,
            script: None,
            method: Method::Fallback,
        };
    };
    // Long documents: the first 4 KiB say enough and keep detection cheap.
    let sample = head(text, 4096);
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    let (preferred, allow): (Lang, &[W]) = match script {
        Script::Latin => (Lang::EN, LATIN),
        Script::Cyrillic => (Lang::RU, CYRILLIC),
        Script::Arabic => (Lang::FA, ARABIC),
        _ => return other_script(sample, script),
    };
    let guess = Detector::with_allowlist(allow.to_vec()).detect(sample);
    let Some(info) = guess else {
        return by_script(preferred, script, 0.5);
    };
    let found = Lang::from_whatlang(info.lang());
    if found == preferred {
        return Detection {
            lang: found,
            confidence: info.confidence().max(0.5),
            script: Some(script),
            method: Method::Detector,
        };
    }
    let trusted = info.is_reliable()
        && letters >= MIN_CHARS_FOR_OTHER
        && match script {
            Script::Cyrillic => has_non_russian_cyrillic(sample),
            Script::Arabic => !has_persian_letters(sample),
            _ => true,
        };
    if trusted {
        Detection {
            lang: found,
            confidence: info.confidence(),
            script: Some(script),
            method: Method::Detector,
        }
    } else {
        by_script(preferred, script, 1.0 - info.confidence() / 2.0)
    }
}

fn serialize_script<S: serde::Serializer>(
    script: &Option<Script>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match script {
        Some(script) => s.serialize_str(script.name()),
        None => s.serialize_none(),
    }
}

fn by_script(lang: Lang, script: Script, confidence: f64) -> Detection {
    Detection {
        lang,
        confidence: confidence.clamp(0.0, 1.0),
        script: Some(script),
        method: Method::Script,
    }
}

fn other_script(sample: &str, script: Script) -> Detection {
    match whatlang::detect(sample) {
        Some(info) if info.script() == script => Detection {
            lang: Lang::from_whatlang(info.lang()),
            confidence: info.confidence(),
            script: Some(script),
            method: Method::Detector,
        },
        _ => {
            // whatlang could not decide: the script's main language.
            let lang = match script {
                Script::Hebrew => W::Heb,
                Script::Greek => W::Ell,
                Script::Mandarin => W::Cmn,
                Script::Hiragana | Script::Katakana => W::Jpn,
                Script::Hangul => W::Kor,
                Script::Devanagari => W::Hin,
                Script::Armenian => W::Hye,
                Script::Georgian => W::Kat,
                Script::Thai => W::Tha,
                _ => W::Eng,
            };
            by_script(Lang::from_whatlang(lang), script, 0.5)
        }
    }
}

fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Letters of Ukrainian, Belarusian, Serbian, Macedonian and others that Russian lacks.
fn has_non_russian_cyrillic(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c,
            'і' | 'ї'
                | 'є'
                | 'ґ'
                | 'ў'
                | 'ј'
                | 'љ'
                | 'њ'
                | 'ћ'
                | 'ђ'
                | 'џ'
                | 'ѓ'
                | 'ќ'
                | 'ѕ'
                | 'ә'
                | 'ғ'
                | 'қ'
                | 'ң'
                | 'ө'
                | 'ұ'
                | 'ү'
                | 'һ'
                | 'І'
                | 'Ї'
                | 'Є'
                | 'Ґ'
                | 'Ў'
                | 'Ј'
                | 'Љ'
                | 'Њ'
                | 'Ћ'
                | 'Ђ'
                | 'Џ'
        )
    })
}

/// Letters used by Persian but not by Arabic (pe, che, zhe, gaf, Persian kaf and yeh).
fn has_persian_letters(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی'))
}

const LATIN: &[W] = &[
    W::Eng,
    W::Deu,
    W::Fra,
    W::Spa,
    W::Por,
    W::Ita,
    W::Nld,
    W::Swe,
    W::Dan,
    W::Nob,
    W::Fin,
    W::Pol,
    W::Ces,
    W::Slk,
    W::Slv,
    W::Hrv,
    W::Hun,
    W::Ron,
    W::Tur,
    W::Est,
    W::Lav,
    W::Lit,
    W::Cat,
    W::Ind,
    W::Vie,
    W::Aze,
    W::Uzb,
    W::Tgl,
    W::Afr,
    W::Lat,
    W::Epo,
    W::Cym,
    W::Zul,
    W::Sna,
    W::Aka,
    W::Tuk,
    W::Jav,
];

const CYRILLIC: &[W] = &[W::Rus, W::Ukr, W::Bel, W::Bul, W::Srp, W::Mkd];

const ARABIC: &[W] = &[W::Pes, W::Ara, W::Urd];

#[cfg(test)]
mod tests {
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
        for text in ["Привет!", "Да.", "Это так.", "В. В. Путин", "Москва"]
        {
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
    fn no_letters_falls_back_with_zero_confidence() {
        let d = detect("12345 !!!", None);
        assert_eq!((d.lang, d.method), (Lang::EN, Method::Fallback));
        assert_eq!(d.confidence, 0.0);
    }
}
