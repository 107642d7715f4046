//! The character encoding of a fetched page.
//!
//! A file on disk is decoded strictly, as its user says ([`super::Encoding`]).
//! A page from a server comes with labels that are often wrong (a site moved
//! to UTF-8 and kept its old `<meta>`, a server adds `charset=utf-8` to
//! everything), so each candidate is tried in this order and the first that
//! decodes the whole body without a malformed sequence is used:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//! 2. UTF-8, when the body is valid UTF-8: text in a legacy encoding with
//!    letters outside ASCII is almost never valid UTF-8 by accident, and a
//!    label that says otherwise is the one that is wrong;
//! 3. the `charset` of the `Content-Type` header;
//! 4. the page's `<meta charset>` or `<meta http-equiv>` declaration;
//! 5. a guess from the bytes (Firefox's detector, `chardetng`), helped by
//!    the top-level domain (`.ru`, `.ir`).
//!
//! No candidate ever turns bytes into replacement characters: a body that
//! none of them decodes is refused, naming the page.

use std::path::Path;

use encoding_rs::Encoding;

use crate::error::{Error, Result};

/// Where the encoding of a page came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CharsetSource {
    /// A byte-order mark.
    ByteOrderMark,
    /// The body is valid UTF-8.
    Utf8,
    /// The `charset` parameter of the `Content-Type` header.
    Header,
    /// A `<meta>` declaration in the page.
    Meta,
    /// Guessed from the bytes.
    Guess,
}

/// A page's text and how its encoding was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedPage {
    /// The text.
    pub text: String,
    /// The encoding's WHATWG name, such as `windows-1251`.
    pub encoding: &'static str,
    /// Why this encoding.
    pub source: CharsetSource,
}

/// Decodes a page's body: see the module documentation for the order.
/// `header_charset` is the `charset` of its `Content-Type`, `tld` the last
/// label of its host name (a hint for the guess); `name` names it in errors.
///
/// ```
/// use brief::input::charset::{decode_page_detailed, CharsetSource};
/// // "Привет" in windows-1251, served as UTF-8 by a server that lies.
/// let body = b"\xcf\xf0\xe8\xe2\xe5\xf2";
/// let page = decode_page_detailed(body, Some("utf-8"), Some("ru"), "p".as_ref()).unwrap();
/// assert_eq!(page.text, "Привет");
/// assert_eq!(page.source, CharsetSource::Guess);
/// ```
pub fn decode_page_detailed(
    body: &[u8],
    header_charset: Option<&str>,
    tld: Option<&str>,
    name: &Path,
) -> Result<DecodedPage> {
    let found = |text: String, encoding: &'static Encoding, source| DecodedPage {
        text,
        encoding: encoding.name(),
        source,
    };
    if let Some((encoding, skip)) = Encoding::for_bom(body)
        && let Some(text) = strict(encoding, &body[skip..])
    {
        return Ok(found(text, encoding, CharsetSource::ByteOrderMark));
    }
    if let Ok(text) = std::str::from_utf8(body) {
        return Ok(found(
            text.to_owned(),
            encoding_rs::UTF_8,
            CharsetSource::Utf8,
        ));
    }
    let header = header_charset.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    let meta = crate::html::declared_encoding(body);
    for (candidate, source) in [(header, CharsetSource::Header), (meta, CharsetSource::Meta)] {
        if let Some(encoding) = candidate
            && let Some(text) = strict(encoding, body)
        {
            return Ok(found(text, encoding, source));
        }
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(body, true);
    let guess = detector.guess(tld.map(str::as_bytes), false);
    if let Some(text) = strict(guess, body) {
        return Ok(found(text, guess, CharsetSource::Guess));
    }
    let declared: Vec<&str> = [header, meta]
        .into_iter()
        .flatten()
        .map(|e| e.name())
        .collect();
    Err(Error::Encoding {
        path: name.to_path_buf(),
        message: format!(
            "not valid text in UTF-8{}{} or the guessed {}",
            if declared.is_empty() { "" } else { ", " },
            declared.join(", "),
            guess.name()
        ),
    })
}

/// [`decode_page_detailed`], the text alone.
pub fn decode_page(
    body: &[u8],
    header_charset: Option<&str>,
    tld: Option<&str>,
    name: &Path,
) -> Result<String> {
    decode_page_detailed(body, header_charset, tld, name).map(|page| page.text)
}

/// The whole of `bytes` in `encoding`, or `None` at the first malformed
/// sequence (never a replacement character).
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(body: &[u8], header: Option<&str>, tld: Option<&str>) -> DecodedPage {
        decode_page_detailed(body, header, tld, Path::new("page")).unwrap()
    }

    fn cp1251(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn cp1256(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    const RU: &str = "Археологи нашли в Новгороде берестяную грамоту XII века. \
                      Находка изменит представления о грамотности горожан.";
    // Written with the Arabic yeh, as windows-1256 sites wrote Persian (the
    // Persian yeh is not in windows-1256).
    const FA: &str = "باستان‌شناسان در شيراز يک کتيبه تازه يافتند. \
                      اين کتيبه به دوران هخامنشي مي‌رسد و خوانده شد.";

    #[test]
    fn a_byte_order_mark_wins_over_every_label() {
        let mut body = b"\xEF\xBB\xBF".to_vec();
        body.extend_from_slice(RU.as_bytes());
        let page = decode(&body, Some("windows-1251"), None);
        assert_eq!(
            (page.text.as_str(), page.source),
            (RU, CharsetSource::ByteOrderMark)
        );
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        utf16.extend(FA.encode_utf16().flat_map(u16::to_le_bytes));
        let page = decode(&utf16, None, None);
        assert_eq!((page.text.as_str(), page.encoding), (FA, "UTF-16LE"));
    }

    #[test]
    fn valid_utf8_wins_over_a_legacy_label() {
        let page = decode(RU.as_bytes(), Some("windows-1251"), Some("ru"));
        assert_eq!((page.text.as_str(), page.source), (RU, CharsetSource::Utf8));
    }

    #[test]
    fn the_header_then_the_meta_then_a_guess() {
        let page = decode(&cp1251(RU), Some("windows-1251"), None);
        assert_eq!(
            (page.text.as_str(), page.source),
            (RU, CharsetSource::Header)
        );
        let mut html = b"<html><head><meta charset=\"windows-1256\"></head><body><p>".to_vec();
        html.extend(cp1256(FA));
        let page = decode(&html, None, None);
        assert!(page.text.contains(FA));
        assert_eq!(
            (page.encoding, page.source),
            ("windows-1256", CharsetSource::Meta)
        );
        let page = decode(&cp1256(FA), None, Some("ir"));
        assert_eq!((page.text.as_str(), page.encoding), (FA, "windows-1256"));
        assert_eq!(page.source, CharsetSource::Guess);
        let page = decode(&cp1251(RU), None, None);
        assert_eq!((page.text.as_str(), page.encoding), (RU, "windows-1251"));
    }

    #[test]
    fn a_lying_header_gives_way_to_the_meta_or_the_guess() {
        // Says UTF-8, is windows-1251: the UTF-8 decoding fails, the meta is right.
        let mut html =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>"
                .to_vec();
        html.extend(cp1251(RU));
        let page = decode(&html, Some("utf-8"), None);
        assert!(page.text.contains(RU));
        assert_eq!(page.source, CharsetSource::Meta);
        // Says windows-1256 (Arabic), is windows-1251 with no meta: both are
        // single-byte encodings, so the header's decoding "succeeds"; only
        // content could tell, which is past what a label check can know.
        // Says ISO-2022-JP, a stateful encoding these bytes are not valid in:
        let page = decode(&cp1251(RU), Some("iso-2022-jp"), Some("ru"));
        assert_eq!(
            (page.text.as_str(), page.source),
            (RU, CharsetSource::Guess)
        );
    }

    #[test]
    fn an_unknown_label_is_passed_over() {
        let page = decode(&cp1251(RU), Some("x-klingon"), Some("ru"));
        assert_eq!((page.text.as_str(), page.encoding), (RU, "windows-1251"));
    }

    #[test]
    fn nothing_is_ever_replaced() {
        // Every strategy either decodes the whole body or refuses it.
        for body in [
            &b"\xFF\xFE\x00\xD8"[..],
            b"\x1b$B\xff\xff",
            b"ok \xE0\x80 no",
        ] {
            match decode_page_detailed(body, Some("iso-2022-jp"), None, Path::new("p")) {
                Ok(page) => assert!(!page.text.contains('\u{FFFD}'), "{body:?}"),
                Err(e) => assert!(e.to_string().starts_with("p: not valid text"), "{e}"),
            }
        }
    }
}
