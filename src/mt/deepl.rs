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

pub(crate) fn request_body(texts: &[&str], source: &str, target: &str) -> Vec<u8> {
    let req = Request {
        text: texts,
        source_lang: code(source, false),
        target_lang: code(target, true),
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
        let body = request_body(&["A.", "B."], "en", "ru");
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["text"], serde_json::json!(["A.", "B."]));
        assert_eq!(v["source_lang"], "EN");
        assert_eq!(v["target_lang"], "RU");
        let v: serde_json::Value =
            serde_json::from_slice(&request_body(&["x"], "fa", "en")).unwrap();
        assert_eq!(v["target_lang"], "EN-US");
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
    fn response_shape() {
        let body = br#"{"translations":[{"detected_source_language":"EN","text":"x"}]}"#;
        assert_eq!(parse_response(body).unwrap(), ["x"]);
        assert!(parse_response(br#"{"translations":{}}"#).is_err());
        assert_eq!(error_message(br#"{"message":"Quota"}"#).unwrap(), "Quota");
    }
}
