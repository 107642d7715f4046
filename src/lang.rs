//! Language codes.
//!
//! brief names languages by their ISO 639-1 code (`en`, `ru`, `fa`), or by a
//! three-letter ISO 639-3 code where no two-letter code exists. [`Lang`] is a
//! small `Copy` value so it can travel with every document and sentence.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// A validated, lowercase ISO 639 language code of two or three ASCII letters.
///
/// ```
/// use brief::Lang;
/// let fa: Lang = "FA".parse().unwrap();
/// assert_eq!(fa.as_str(), "fa");
/// assert_eq!(fa, Lang::FA);
/// assert!("persian".parse::<Lang>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang {
    bytes: [u8; 3],
    len: u8,
}

impl Lang {
    /// English.
    pub const EN: Lang = Lang::from_static("en");
    /// Russian.
    pub const RU: Lang = Lang::from_static("ru");
    /// Persian (Farsi).
    pub const FA: Lang = Lang::from_static("fa");

    const fn from_static(code: &str) -> Lang {
        let b = code.as_bytes();
        let mut bytes = [0u8; 3];
        let mut i = 0;
        while i < b.len() {
            bytes[i] = b[i];
            i += 1;
        }
        Lang {
            bytes,
            len: b.len() as u8,
        }
    }

    /// The code as a string slice, e.g. `"en"`.
    pub fn as_str(&self) -> &str {
        // Only ASCII letters are ever stored, so this cannot fail.
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("und")
    }

    /// Whether text in this language is written right to left.
    pub fn is_rtl(&self) -> bool {
        matches!(
            self.as_str(),
            "fa" | "ar" | "he" | "ur" | "ps" | "yi" | "ckb" | "sd" | "ug" | "dv"
        )
    }

    /// The language for a whatlang detection result, by its ISO 639-1 code
    /// where one exists.
    pub fn from_whatlang(lang: whatlang::Lang) -> Lang {
        let code3 = lang.code();
        let code = WHATLANG_TO_639_1
            .iter()
            .find(|(three, _)| *three == code3)
            .map(|(_, two)| *two)
            .unwrap_or(code3);
        Lang::from_static(code)
    }

    /// The whatlang language for this code, if whatlang knows it.
    pub fn to_whatlang(&self) -> Option<whatlang::Lang> {
        let code = self.as_str();
        let three = WHATLANG_TO_639_1
            .iter()
            .find(|(_, two)| *two == code)
            .map(|(three, _)| *three)
            .unwrap_or(code);
        whatlang::Lang::from_code(three)
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// Accepts `en`, `EN`, and BCP 47 tags such as `fa-IR` (the region is dropped).
    fn from_str(s: &str) -> Result<Lang, Error> {
        let primary = s.split(['-', '_']).next().unwrap_or("");
        let ok =
            (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
        if !ok {
            return Err(Error::InvalidLanguage(s.to_string()));
        }
        let mut bytes = [0u8; 3];
        for (slot, b) in bytes.iter_mut().zip(primary.bytes()) {
            *slot = b.to_ascii_lowercase();
        }
        Ok(Lang {
            bytes,
            len: primary.len() as u8,
        })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.as_str())
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// whatlang's ISO 639-3 codes paired with ISO 639-1 codes.
const WHATLANG_TO_639_1: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_whatlang_language_maps_to_a_code_and_back() {
        for &lang in whatlang::Lang::all() {
            let ours = Lang::from_whatlang(lang);
            assert_eq!(ours.to_whatlang(), Some(lang), "{lang:?} -> {ours}");
        }
    }

    #[test]
    fn parses_bcp47_tags() {
        assert_eq!("ru-RU".parse::<Lang>().unwrap(), Lang::RU);
        assert_eq!("fa_IR".parse::<Lang>().unwrap(), Lang::FA);
        assert!("".parse::<Lang>().is_err());
        assert!("e1".parse::<Lang>().is_err());
        assert!(Lang::FA.is_rtl());
        assert!(!Lang::RU.is_rtl());
    }
}
