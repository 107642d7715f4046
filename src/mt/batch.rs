//! The engine-independent core: identical texts sent once, texts packed
//! into requests within the engine's limits, a bounded number of requests
//! in flight, retries with backoff, every reply checked.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::http::{self, Failure, Transport};
use super::protect::{self, Protected};
use super::{ApiKey, Engine, MtError, MtSettings, deepl, guard, libretranslate};
use crate::formats::LanguageTag;

/// A connection to one engine, with its settings.
pub struct Translator {
    engine: Engine,
    base: String,
    key: Option<ApiKey>,
    settings: MtSettings,
    transport: Transport,
    requests: AtomicUsize,
    /// Language pairs the engine said it translates (asked once each).
    pairs: Mutex<Vec<(String, String)>>,
}

impl Translator {
    /// Whether a glossary given to the job is checked on machine targets
    /// (`[mt] glossary`).
    pub fn checks_glossary(&self) -> bool {
        self.settings.glossary
    }
}

impl std::fmt::Debug for Translator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translator")
            .field("engine", &self.engine)
            .field("base", &self.base)
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

/// The result of [`Translator::translate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translated {
    /// One translation per input text, in input order.
    pub texts: Vec<String>,
    /// Distinct texts sent to the engine.
    pub unique: usize,
    /// HTTP requests sent (retries included).
    pub requests: usize,
}

impl Translator {
    /// A translator for `engine` at `url` (else `settings.url`; DeepL
    /// defaults to its free or pro host by the key). LibreTranslate needs a
    /// URL; DeepL needs a key.
    pub fn new(
        engine: Engine,
        url: Option<&str>,
        key: Option<ApiKey>,
        settings: &MtSettings,
    ) -> Result<Translator, MtError> {
        settings.validate()?;
        let base = match (url.or(settings.url.as_deref()), engine) {
            (Some(u), _) => u.to_string(),
            (None, Engine::DeepL) => deepl::default_base(key.as_ref()).to_string(),
            (None, Engine::LibreTranslate) => {
                return Err(MtError::Setting {
                    key: "url",
                    message: "libretranslate needs the server's URL (--url or [mt] url)".into(),
                });
            }
        };
        let lower = base.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://"))
            || base.chars().any(|c| c.is_control() || c.is_whitespace())
        {
            return Err(MtError::Setting {
                key: "url",
                message: format!(
                    "{}: expected an http:// or https:// URL",
                    crate::escape::escape(&base)
                ),
            });
        }
        if engine == Engine::DeepL && key.is_none() {
            return Err(MtError::Setting {
                key: "key_env",
                message: format!(
                    "deepl needs an API key (in ${} or the variable [mt] key_env names)",
                    engine.key_variable()
                ),
            });
        }
        Ok(Translator {
            engine,
            base,
            key,
            settings: settings.clone(),
            transport: Transport::new(settings),
            requests: AtomicUsize::new(0),
            pairs: Mutex::new(Vec::new()),
        })
    }

    /// The engine.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// The base URL requests go to.
    pub fn url(&self) -> &str {
        &self.base
    }

    /// Whether the key would travel unencrypted to another machine: a key,
    /// and a plain `http://` URL whose host is not a loopback address.
    pub fn sends_key_in_clear(&self) -> bool {
        if !self
            .base
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("http://"))
        {
            return false;
        }
        let host = self.base[7..]
            .split(['/', '?', '#'])
            .next()
            .unwrap_or_default();
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let name = match host.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or_default(),
            None => host.split(':').next().unwrap_or_default(),
        };
        let loopback = name.eq_ignore_ascii_case("localhost")
            || name
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback());
        self.key.is_some() && !loopback
    }

    /// HTTP requests sent so far.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::Relaxed)
    }

    /// Asks the engine whether it translates `source` to `target`, before
    /// any text is sent: LibreTranslate's `GET /languages`, DeepL's `GET
    /// /v2/languages?type=target`. Each pair is asked once per translator.
    pub fn check_languages(
        &self,
        source: &LanguageTag,
        target: &LanguageTag,
    ) -> Result<(), MtError> {
        let (s, t) = (base_code(source), base_code(target));
        let pair = (source.as_str().to_string(), target.as_str().to_string());
        if self.pairs.lock().expect("not poisoned").contains(&pair) {
            return Ok(());
        }
        let answer = match self.engine {
            Engine::LibreTranslate => {
                let body = self.call_with_retries(|| {
                    self.transport
                        .get(&libretranslate::languages_url(&self.base), &[])
                })?;
                libretranslate::supports(&body, &s, &t)
            }
            Engine::DeepL => {
                let headers: Vec<_> = self.key.iter().map(deepl::auth_header).collect();
                let body = self.call_with_retries(|| {
                    self.transport
                        .get(&deepl::languages_url(&self.base), &headers)
                })?;
                deepl::supports_target(&body, target.as_str())
            }
        };
        match answer {
            Ok(true) => {
                self.pairs.lock().expect("not poisoned").push(pair);
                Ok(())
            }
            Ok(false) => Err(MtError::Unsupported {
                engine: self.engine,
                source_lang: s,
                target_lang: t,
            }),
            Err(m) => Err(self.bad_response(m)),
        }
    }

    /// Translates `texts` from `source` to `target`. Identical texts are sent
    /// once; blank texts are not sent and come back as they are. URLs,
    /// addresses and handles go as placeholders and come back verbatim (see
    /// `protect`); a translation that lost one is an [`MtError::Segment`]
    /// naming the text (from 0). Either every text is translated or nothing
    /// is returned.
    pub fn translate(
        &self,
        texts: &[&str],
        source: &LanguageTag,
        target: &LanguageTag,
    ) -> Result<Translated, MtError> {
        let before = self.requests();
        let mut unique: Vec<&str> = Vec::new();
        let mut slot: HashMap<&str, usize> = HashMap::new();
        let index: Vec<Option<usize>> = texts
            .iter()
            .map(|t| {
                if t.trim().is_empty() {
                    return None;
                }
                Some(*slot.entry(t).or_insert_with(|| {
                    unique.push(t);
                    unique.len() - 1
                }))
            })
            .collect();
        let protected: Vec<Protected> = unique.iter().map(|t| protect::protect(t)).collect();
        // Packed by the larger form a text may travel in (escaped markup).
        let wire: Vec<String> = unique
            .iter()
            .zip(&protected)
            .map(|(t, p)| p.markup.clone().unwrap_or_else(|| protect::escape(t)))
            .collect();
        let batches = self.pack(&wire.iter().map(String::as_str).collect::<Vec<_>>())?;
        let done = self
            .run_batches(&unique, &protected, &batches, source, target)
            .map_err(|e| match e {
                // The first input with that text names it.
                MtError::Segment {
                    engine,
                    index: u,
                    unit,
                    message,
                } => MtError::Segment {
                    engine,
                    index: index_of(&index, u),
                    unit,
                    message,
                },
                e => e,
            })?;
        let texts = texts
            .iter()
            .zip(index)
            .map(|(t, i)| i.map_or_else(|| t.to_string(), |i| done[i].clone()))
            .collect();
        Ok(Translated {
            texts,
            unique: unique.len(),
            requests: self.requests() - before,
        })
    }

    /// The request limits of this engine and these settings.
    fn limits(&self) -> (usize, usize) {
        match self.engine {
            Engine::DeepL => (
                self.settings.batch_size.min(deepl::MAX_TEXTS),
                self.settings.batch_bytes.min(deepl::MAX_BODY_BYTES),
            ),
            Engine::LibreTranslate => (self.settings.batch_size, self.settings.batch_bytes),
        }
    }

    /// Packs texts into batches (lists of indices), in order, each within
    /// the limits on texts and body bytes.
    fn pack(&self, texts: &[&str]) -> Result<Vec<Vec<usize>>, MtError> {
        let (max_texts, max_bytes) = self.limits();
        // The JSON around the texts: field names, languages, the key.
        let overhead = 256 + self.key.as_ref().map_or(0, |k| k.expose().len());
        let mut batches: Vec<Vec<usize>> = Vec::new();
        let mut current: Vec<usize> = Vec::new();
        let mut bytes = overhead;
        for (i, t) in texts.iter().enumerate() {
            let size = serde_json::to_string(t).map_or(t.len() * 6, |s| s.len()) + 1;
            if overhead + size > max_bytes {
                return Err(MtError::Response {
                    engine: self.engine,
                    message: format!(
                        "a text of {} bytes does not fit in one request (at most {max_bytes} bytes)",
                        t.len()
                    ),
                });
            }
            if !current.is_empty() && (current.len() >= max_texts || bytes + size > max_bytes) {
                batches.push(std::mem::take(&mut current));
                bytes = overhead;
            }
            current.push(i);
            bytes += size;
        }
        if !current.is_empty() {
            batches.push(current);
        }
        Ok(batches)
    }

    /// Sends the batches with at most `concurrency` in flight; the first
    /// failure stops the rest (the error of the earliest failed batch is
    /// returned, so the message does not depend on thread timing).
    fn run_batches(
        &self,
        texts: &[&str],
        protected: &[Protected],
        batches: &[Vec<usize>],
        source: &LanguageTag,
        target: &LanguageTag,
    ) -> Result<Vec<String>, MtError> {
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        let results: Mutex<Vec<Option<Vec<String>>>> = Mutex::new(vec![None; batches.len()]);
        let errors: Mutex<Vec<(usize, MtError)>> = Mutex::new(Vec::new());
        let workers = self.settings.concurrency.min(batches.len()).max(1);
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    loop {
                        let b = next.fetch_add(1, Ordering::Relaxed);
                        if b >= batches.len() || failed.load(Ordering::Relaxed) {
                            break;
                        }
                        let batch: Vec<(usize, &str, &Protected)> = batches[b]
                            .iter()
                            .map(|&i| (i, texts[i], &protected[i]))
                            .collect();
                        match self.send_batch(&batch, source, target, &failed) {
                            Ok(out) => results.lock().expect("not poisoned")[b] = Some(out),
                            Err(e) => {
                                failed.store(true, Ordering::Relaxed);
                                errors.lock().expect("not poisoned").push((b, e));
                                break;
                            }
                        }
                    }
                });
            }
        });
        let mut errors = errors.into_inner().expect("not poisoned");
        errors.sort_by_key(|(b, _)| *b);
        if let Some((_, e)) = errors.into_iter().next() {
            return Err(e);
        }
        let mut out = vec![String::new(); texts.len()];
        for (batch, result) in batches
            .iter()
            .zip(results.into_inner().expect("not poisoned"))
        {
            let result = result.expect("every batch finished without an error");
            for (&i, t) in batch.iter().zip(result) {
                out[i] = t;
            }
        }
        Ok(out)
    }

    /// One batch of (index, text, protected form), with retries; the
    /// translations get their protected spans back and are checked. A batch
    /// with a span to protect goes as markup, every text of it escaped.
    fn send_batch(
        &self,
        batch: &[(usize, &str, &Protected)],
        source: &LanguageTag,
        target: &LanguageTag,
        failed: &AtomicBool,
    ) -> Result<Vec<String>, MtError> {
        let markup = batch.iter().any(|(_, _, p)| p.markup.is_some());
        let originals: Vec<&str> = batch.iter().map(|(_, t, _)| *t).collect();
        let escaped: Vec<String> = if markup {
            batch
                .iter()
                .map(|(_, t, p)| p.markup.clone().unwrap_or_else(|| protect::escape(t)))
                .collect()
        } else {
            Vec::new()
        };
        let texts: Vec<&str> = if markup {
            escaped.iter().map(String::as_str).collect()
        } else {
            originals.clone()
        };
        let texts = texts.as_slice();
        let (url, headers, body) = match self.engine {
            Engine::LibreTranslate => (
                libretranslate::translate_url(&self.base),
                vec![],
                libretranslate::request_body(
                    texts,
                    &base_code(source),
                    &base_code(target),
                    self.key.as_ref(),
                    markup,
                ),
            ),
            Engine::DeepL => (
                deepl::translate_url(&self.base),
                self.key.iter().map(deepl::auth_header).collect(),
                deepl::request_body(texts, source.as_str(), target.as_str(), markup),
            ),
        };
        let reply = self
            .call_with_retries_until(|| self.transport.post_json(&url, &headers, &body), failed)?;
        let parsed = match self.engine {
            Engine::LibreTranslate => libretranslate::parse_response(&reply),
            Engine::DeepL => deepl::parse_response(&reply),
        }
        .map_err(|m| self.bad_response(m))?;
        let parsed = if markup && parsed.len() == batch.len() {
            let mut restored = Vec::with_capacity(parsed.len());
            for ((index, _, p), t) in batch.iter().zip(&parsed) {
                let back = protect::restore(t, &p.spans).map_err(|message| MtError::Segment {
                    engine: self.engine,
                    index: *index,
                    unit: None,
                    message: self.redact(&message),
                })?;
                restored.push(back);
            }
            restored
        } else {
            parsed
        };
        guard::check_batch(&originals, &parsed, target.lang()).map_err(|m| self.bad_response(m))?;
        Ok(parsed)
    }

    fn call_with_retries(
        &self,
        call: impl Fn() -> Result<http::Reply, Failure>,
    ) -> Result<Vec<u8>, MtError> {
        self.call_with_retries_until(call, &AtomicBool::new(false))
    }

    /// Calls until a 2xx answer, retrying 429, 5xx and failed connections
    /// up to `retries` times; gives up early once `stop` is set.
    fn call_with_retries_until(
        &self,
        call: impl Fn() -> Result<http::Reply, Failure>,
        stop: &AtomicBool,
    ) -> Result<Vec<u8>, MtError> {
        let s = &self.settings;
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            self.requests.fetch_add(1, Ordering::Relaxed);
            let (error, retry_after) = match call() {
                Ok(reply) if (200..300).contains(&reply.status) => return Ok(reply.body),
                Ok(reply) => {
                    let message = self.server_message(&reply.body);
                    match reply.status {
                        401 | 403 => {
                            return Err(MtError::Forbidden {
                                engine: self.engine,
                                status: reply.status,
                                message,
                            });
                        }
                        456 => {
                            return Err(MtError::Quota {
                                engine: self.engine,
                            });
                        }
                        status => {
                            let e = MtError::Status {
                                engine: self.engine,
                                status,
                                attempts: attempt,
                                message,
                            };
                            if status != 429 && status < 500 {
                                return Err(e);
                            }
                            (e, reply.retry_after)
                        }
                    }
                }
                Err(Failure::TooLarge(limit)) => {
                    return Err(self.bad_response(format!(
                        "the answer is larger than {limit} bytes (mt.max_response_bytes)"
                    )));
                }
                Err(Failure::Other(m)) => (
                    MtError::Transport {
                        engine: self.engine,
                        message: self.redact(&m),
                        attempts: attempt,
                    },
                    None,
                ),
            };
            if attempt > s.retries || stop.load(Ordering::Relaxed) {
                return Err(error);
            }
            std::thread::sleep(http::backoff(
                attempt - 1,
                retry_after,
                s.retry_delay,
                s.max_retry_wait,
            ));
        }
    }

    fn bad_response(&self, message: String) -> MtError {
        MtError::Response {
            engine: self.engine,
            message: self.redact(&message),
        }
    }

    /// `: MESSAGE` from an error body, or nothing.
    fn server_message(&self, body: &[u8]) -> String {
        let message = match self.engine {
            Engine::LibreTranslate => libretranslate::error_message(body),
            Engine::DeepL => deepl::error_message(body),
        };
        message.map_or_else(String::new, |m| format!(": {}", self.redact(&m)))
    }

    /// Server text made safe to print: the key replaced, control characters
    /// escaped, at most 200 characters.
    fn redact(&self, text: &str) -> String {
        let mut text = text.to_string();
        if let Some(k) = &self.key {
            text = text.replace(k.expose(), "<key>");
        }
        let short: String = text.chars().take(200).collect();
        let more = if short.len() < text.len() { "…" } else { "" };
        format!("{}{more}", crate::escape::escape(&short))
    }
}

/// The first input index whose text got unique index `u`.
fn index_of(index: &[Option<usize>], u: usize) -> usize {
    index.iter().position(|&i| i == Some(u)).unwrap_or(u)
}

/// `ru` for `ru-RU`: LibreTranslate knows languages, not regions.
fn base_code(tag: &LanguageTag) -> String {
    tag.as_str()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translator(engine: Engine, settings: MtSettings) -> Translator {
        Translator::new(
            engine,
            Some("http://127.0.0.1:9"),
            Some(ApiKey::new("k").unwrap()),
            &settings,
        )
        .unwrap()
    }

    #[test]
    fn deepl_batches_never_exceed_its_limits() {
        let t = translator(
            Engine::DeepL,
            MtSettings {
                batch_size: 1000,
                batch_bytes: 10 << 20,
                ..MtSettings::default()
            },
        );
        let long = "x".repeat(10_000);
        let texts: Vec<&str> = (0..120)
            .map(|i| if i % 3 == 0 { long.as_str() } else { "a" })
            .collect();
        let batches = t.pack(&texts).unwrap();
        let mut seen = 0;
        for b in &batches {
            assert!(b.len() <= deepl::MAX_TEXTS);
            let body = deepl::request_body(
                &b.iter().map(|&i| texts[i]).collect::<Vec<_>>(),
                "en",
                "ru",
                true,
            );
            assert!(body.len() <= deepl::MAX_BODY_BYTES, "{}", body.len());
            assert_eq!(b[0], seen, "batches keep order");
            seen += b.len();
        }
        assert_eq!(seen, texts.len());
    }

    #[test]
    fn a_text_larger_than_a_request_is_refused() {
        let t = translator(Engine::DeepL, MtSettings::default());
        let huge = "x".repeat(200_000);
        let e = t.pack(&[huge.as_str()]).unwrap_err();
        assert!(
            e.to_string().starts_with("deepl: a text of 200000 bytes"),
            "{e}"
        );
    }

    #[test]
    fn settings_and_urls_are_checked() {
        let s = MtSettings::default();
        assert!(Translator::new(Engine::LibreTranslate, None, None, &s).is_err());
        assert!(Translator::new(Engine::LibreTranslate, Some("ftp://x"), None, &s).is_err());
        assert!(Translator::new(Engine::DeepL, None, None, &s).is_err());
        let t =
            Translator::new(Engine::DeepL, None, Some(ApiKey::new("a:fx").unwrap()), &s).unwrap();
        assert_eq!(t.url(), "https://api-free.deepl.com");
        assert!(!format!("{t:?}").contains("a:fx"));
        let bad = MtSettings {
            concurrency: 0,
            ..MtSettings::default()
        };
        assert!(
            Translator::new(Engine::DeepL, None, Some(ApiKey::new("a").unwrap()), &bad).is_err()
        );
    }

    #[test]
    fn a_key_over_plain_http_to_another_host_is_noticed() {
        let s = MtSettings::default();
        let key = || Some(ApiKey::new("k").unwrap());
        let at =
            |url: &str, key| Translator::new(Engine::LibreTranslate, Some(url), key, &s).unwrap();
        assert!(at("http://mt.example.org:5000", key()).sends_key_in_clear());
        assert!(at("HTTP://10.0.0.7/", key()).sends_key_in_clear());
        assert!(!at("http://127.0.0.1:5000", key()).sends_key_in_clear());
        assert!(!at("http://localhost:5000/x", key()).sends_key_in_clear());
        assert!(!at("http://[::1]:5000", key()).sends_key_in_clear());
        assert!(!at("https://mt.example.org", key()).sends_key_in_clear());
        assert!(!at("http://mt.example.org", None).sends_key_in_clear());
    }

    #[test]
    fn redaction_removes_the_key_and_escapes() {
        let t = Translator::new(
            Engine::LibreTranslate,
            Some("http://127.0.0.1:9"),
            Some(ApiKey::new("sekret-1").unwrap()),
            &MtSettings::default(),
        )
        .unwrap();
        let r = t.redact("bad key sekret-1\u{1b}");
        assert!(r.starts_with("bad key <key>"), "{r}");
        assert!(!r.contains('\u{1b}'));
    }
}
