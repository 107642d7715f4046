//! LibreTranslate's API (as documented for LibreTranslate 1.6): `POST
//! /translate` with a JSON body `{"q": [...], "source", "target", "format",
//! "api_key"}` answering `{"translatedText": [...]}`, and `GET /languages`
//! answering `[{"code", "name", "targets": [...]}]`. Errors come as
//! `{"error": "..."}` with status 400, 403, 429 or 500.

use serde::{Deserialize, Serialize};

use super::ApiKey;

#[derive(Serialize)]
struct Request<'a> {
    q: &'a [&'a str],
    source: &'a str,
    target: &'a str,
    format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    api_key: Option<&'a str>,
}

#[derive(Deserialize)]
struct Response {
    #[serde(rename = "translatedText")]
    translated_text: Vec<String>,
}

#[derive(Deserialize)]
struct Language {
    code: String,
    #[serde(default)]
    targets: Vec<String>,
}

#[derive(Deserialize)]
struct ErrorBody {
    error: String,
}

pub(crate) fn translate_url(base: &str) -> String {
    format!("{}/translate", base.trim_end_matches('/'))
}

pub(crate) fn languages_url(base: &str) -> String {
    format!("{}/languages", base.trim_end_matches('/'))
}

/// The request body: plain text (`format: "text"`), or HTML when `markup`
/// (texts with placeholders the engine keeps, see `protect`), the key in the
/// body as the API wants it.
pub(crate) fn request_body(
    texts: &[&str],
    source: &str,
    target: &str,
    key: Option<&ApiKey>,
    markup: bool,
) -> Vec<u8> {
    let req = Request {
        q: texts,
        source,
        target,
        format: if markup { "html" } else { "text" },
        api_key: key.map(ApiKey::expose),
    };
    serde_json::to_vec(&req).expect("strings serialize")
}

/// The translations of a `POST /translate` answer.
pub(crate) fn parse_response(body: &[u8]) -> Result<Vec<String>, String> {
    serde_json::from_slice::<Response>(body)
        .map(|r| r.translated_text)
        .map_err(|e| format!("the answer is not a translation list ({e})"))
}

/// Whether `GET /languages` lists `source` with `target` among its targets.
/// A list without `targets` (older servers) is read as "every listed code".
pub(crate) fn supports(body: &[u8], source: &str, target: &str) -> Result<bool, String> {
    let langs: Vec<Language> = serde_json::from_slice(body)
        .map_err(|e| format!("the language list is not valid ({e})"))?;
    let listed = |code: &str| langs.iter().any(|l| l.code == code);
    Ok(match langs.iter().find(|l| l.code == source) {
        Some(l) if !l.targets.is_empty() => l.targets.iter().any(|t| t == target),
        Some(_) => listed(target),
        None => false,
    })
}

/// The server's own error message, if the body has one.
pub(crate) fn error_message(body: &[u8]) -> Option<String> {
    serde_json::from_slice::<ErrorBody>(body)
        .ok()
        .map(|e| e.error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_has_the_documented_fields() {
        let key = ApiKey::new("k-1").unwrap();
        let body = request_body(&["A.", "B."], "en", "fa", Some(&key), false);
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["q"], serde_json::json!(["A.", "B."]));
        assert_eq!(v["source"], "en");
        assert_eq!(v["target"], "fa");
        assert_eq!(v["format"], "text");
        assert_eq!(v["api_key"], "k-1");
        let body = request_body(&["A."], "en", "ru", None, true);
        let text = String::from_utf8(body).unwrap();
        assert!(!text.contains("api_key"));
        assert!(text.contains(r#""format":"html""#), "{text}");
    }

    #[test]
    fn languages_are_read_with_and_without_targets() {
        let list = br#"[{"code":"en","name":"English","targets":["fa","ru"]},{"code":"fa","name":"Persian","targets":["en"]}]"#;
        assert!(supports(list, "en", "fa").unwrap());
        assert!(!supports(list, "en", "de").unwrap());
        assert!(!supports(list, "de", "en").unwrap());
        let old = br#"[{"code":"en","name":"English"},{"code":"ru","name":"Russian"}]"#;
        assert!(supports(old, "en", "ru").unwrap());
        assert!(supports(b"{}", "en", "ru").is_err());
    }

    #[test]
    fn response_and_error_shapes() {
        assert_eq!(
            parse_response(br#"{"translatedText":["x","y"]}"#).unwrap(),
            ["x", "y"]
        );
        assert!(parse_response(br#"{"translatedText":"x"}"#).is_err());
        assert_eq!(
            error_message(br#"{"error":"Invalid API key"}"#).unwrap(),
            "Invalid API key"
        );
    }
}
