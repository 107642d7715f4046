//! DeepL's API v2 (as documented in 2024–2025): `POST /v2/translate` with a
//! JSON body `{"text": [...], "source_lang", "target_lang"}` and the header
//! `Authorization: DeepL-Auth-Key KEY`, answering `{"translations":
//! [{"detected_source_language", "text"}]}`. At most 50 texts and 128 KiB
//! of body per request. Keys ending in `:fx` belong to the free API at
//! `api-free.deepl.com`, others to `api.deepl.com`. 403: key refused; 456:
//! quota exceeded; 429: too many requests; 5xx: retry.

use serde::{Deserialize, Serialize};

use super::ApiKey;

/// DeepL's limit on texts per request.
pub(crate) const MAX_TEXTS: usize = 50;
/// DeepL's limit on the request body.
pub(crate) const MAX_BODY_BYTES: usize = 128 * 1024;

#[derive(Serialize)]
struct Request<'a> {
    text: &'a [&'a str],
    source_lang: String,
    target_lang: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    tag_handling: Option<&'static str>,
}

#[derive(Deserialize)]
struct Language {
    language: String,
}

#[derive(Deserialize)]
struct Response {
    translations: Vec<Translation>,
}

#[derive(Deserialize)]
struct Translation {
    text: String,
}

#[derive(Deserialize)]
struct ErrorBody {
    message: String,
}

/// The base URL for a key when none is configured.
pub(crate) fn default_base(key: Option<&ApiKey>) -> &'static str {
    match key {
        Some(k) if k.expose().ends_with(":fx") => "https://api-free.deepl.com",
        _ => "https://api.deepl.com",
    }
}

pub(crate) fn translate_url(base: &str) -> String {
    format!("{}/v2/translate", base.trim_end_matches('/'))
}

pub(crate) fn auth_header(key: &ApiKey) -> (&'static str, String) {
    ("Authorization", format!("DeepL-Auth-Key {}", key.expose()))
}

/// DeepL's language code: the upper-case ISO code, with a region for an
/// English target (DeepL refuses a bare `EN` target).
fn code(tag: &str, is_target: bool) -> String {
    let base = tag
        .split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_uppercase();
    match (base.as_str(), is_target) {
        ("EN", true) => "EN-US".into(),
        ("PT", true) => "PT-PT".into(),
        _ => base,
    }
}

/// `GET /v2/languages?type=target`: the target languages of the account.
pub(crate) fn languages_url(base: &str) -> String {
    format!("{}/v2/languages?type=target", base.trim_end_matches('/'))
}

/// Whether the `/v2/languages?type=target` answer lists `target` (a
/// listed `EN-US` serves `en`; a listed `RU` serves `ru-RU`).
pub(crate) fn supports_target(body: &[u8], target: &str) -> Result<bool, String> {
    let langs: Vec<Language> = serde_json::from_slice(body)
        .map_err(|e| format!("the language list is not valid ({e})"))?;
    let wanted = code(target, true);
    let base = code(target, false);
    Ok(langs.iter().any(|l| {
        let listed = l.language.to_ascii_uppercase();
        listed == wanted || listed == base || listed.split('-').next() == Some(base.as_str())
    }))
}

/// The request body; with `markup`, `tag_handling: "xml"` so that the
/// placeholders of `protect` come back as sent.
pub(crate) fn request_body(texts: &[&str], source: &str, target: &str, markup: bool) -> Vec<u8> {
    let req = Request {
        text: texts,
        source_lang: code(source, false),
        target_lang: code(target, true),
        tag_handling: markup.then_some("xml"),
    };
    serde_json::to_vec(&req).expect("strings serialize")
}

pub(crate) fn parse_response(body: &[u8]) -> Result<Vec<String>, String> {
    serde_json::from_slice::<Response>(body)
        .map(|r| r.translations.into_iter().map(|t| t.text).collect())
        .map_err(|e| format!("the answer is not a translation list ({e})"))
}

pub(crate) fn error_message(body: &[u8]) -> Option<String> {
    serde_json::from_slice::<ErrorBody>(body)
        .ok()
        .map(|e| e.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_has_the_documented_fields() {
        let body = request_body(&["A.", "B."], "en", "ru", false);
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["text"], serde_json::json!(["A.", "B."]));
        assert_eq!(v["source_lang"], "EN");
        assert_eq!(v["target_lang"], "RU");
        assert!(v.get("tag_handling").is_none());
        let v: serde_json::Value =
            serde_json::from_slice(&request_body(&["x"], "fa", "en", true)).unwrap();
        assert_eq!(v["target_lang"], "EN-US");
        assert_eq!(v["tag_handling"], "xml");
    }

    #[test]
    fn free_keys_go_to_the_free_host() {
        let free = ApiKey::new("abc:fx").unwrap();
        let pro = ApiKey::new("abc").unwrap();
        assert_eq!(default_base(Some(&free)), "https://api-free.deepl.com");
        assert_eq!(default_base(Some(&pro)), "https://api.deepl.com");
        assert_eq!(auth_header(&pro).1, "DeepL-Auth-Key abc");
    }

    #[test]
    fn target_languages_are_read() {
        let list = br#"[{"language":"EN-US","name":"English (American)"},{"language":"RU","name":"Russian","supports_formality":true}]"#;
        assert!(supports_target(list, "ru").unwrap());
        assert!(supports_target(list, "ru-RU").unwrap());
        assert!(supports_target(list, "en").unwrap());
        assert!(!supports_target(list, "fa").unwrap());
        assert!(supports_target(b"{}", "ru").is_err());
    }

    #[test]
    fn response_shape() {
        let body = br#"{"translations":[{"detected_source_language":"EN","text":"x"}]}"#;
        assert_eq!(parse_response(body).unwrap(), ["x"]);
        assert!(parse_response(br#"{"translations":{}}"#).is_err());
        assert_eq!(error_message(br#"{"message":"Quota"}"#).unwrap(), "Quota");
    }
}
