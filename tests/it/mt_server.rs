//! A fake machine translation server on 127.0.0.1 for the `mt` tests: it
//! speaks LibreTranslate's `POST /translate` and `GET /languages` and
//! DeepL's `POST /v2/translate` (request and response shapes as documented,
//! see docs/mt.md), translates by transliterating Latin letters into the
//! target's script (numbers, URLs, e-mail addresses and handles kept), and
//! misbehaves on demand for the first requests of a run.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// How the server answers a translation request.
#[derive(Debug, Clone, PartialEq)]
pub enum Behaviour {
    /// As documented.
    Honest,
    /// 403 with an error message that quotes the key it was sent.
    Forbidden,
    /// 429 with `Retry-After: N`.
    TooMany(u32),
    /// DeepL's 456, quota exceeded.
    Quota,
    /// 500.
    ServerError,
    /// Accepts the connection and never answers.
    Silent,
    /// Announces a longer body than it sends, then closes.
    Truncated,
    /// A 200 answer of this many bytes.
    Oversized(usize),
    /// One translation fewer than texts sent.
    WrongCount,
    /// Each text back untranslated (Latin in a Persian or Russian target).
    WrongScript,
    /// `<script>` appended to each translation.
    Html,
    /// Every digit 5 changed to 6.
    ChangedNumbers,
    /// 200 with a body that is not JSON.
    NotJson,
    /// The placeholders (`<x id="N"/>`) of markup texts dropped.
    DropTags,
}

/// One request as received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

struct State {
    /// Misbehaviours for the next translation requests, then `then`.
    script: Vec<Behaviour>,
    then: Behaviour,
    seen: Vec<Seen>,
}

/// A running server; it stops with the test process.
#[derive(Clone)]
pub struct FakeServer {
    pub url: String,
    state: Arc<Mutex<State>>,
}

impl FakeServer {
    /// A server that answers the first translation requests as `script`
    /// says, then every one as `then`.
    pub fn start(script: Vec<Behaviour>, then: Behaviour) -> FakeServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(Mutex::new(State {
            script,
            then,
            seen: Vec::new(),
        }));
        let shared = Arc::clone(&state);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = Arc::clone(&shared);
                thread::spawn(move || serve(stream, &state));
            }
        });
        FakeServer { url, state }
    }

    pub fn honest() -> FakeServer {
        FakeServer::start(vec![], Behaviour::Honest)
    }

    /// The requests received so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.state.lock().unwrap().seen.clone()
    }

    /// Translation requests received so far.
    pub fn translations(&self) -> usize {
        self.seen().iter().filter(|s| s.method == "POST").count()
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>) {
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    // Keep-alive: one request after another on the connection.
    while let Some(seen) = read_request(&mut reader) {
        let behaviour = if seen.method == "POST" {
            let mut s = state.lock().unwrap();
            s.seen.push(seen.clone());
            if s.script.is_empty() {
                s.then.clone()
            } else {
                s.script.remove(0)
            }
        } else {
            state.lock().unwrap().seen.push(seen.clone());
            Behaviour::Honest
        };
        let mut out = stream.try_clone().unwrap();
        if !answer(&mut out, &seen, &behaviour) {
            return;
        }
    }
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Seen> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let path = parts.next()?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (name, value) = h.split_once(':')?;
        headers.push((name.trim().to_string(), value.trim().to_string()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Seen {
        method,
        path,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn respond(out: &mut TcpStream, status: &str, extra: &str, body: &str) -> bool {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{extra}\r\n",
        body.len()
    );
    out.write_all(head.as_bytes()).is_ok() && out.write_all(body.as_bytes()).is_ok()
}

/// Answers one request; false when the connection is to be dropped.
fn answer(out: &mut TcpStream, seen: &Seen, behaviour: &Behaviour) -> bool {
    let req = seen.json();
    match (seen.method.as_str(), seen.path.as_str()) {
        ("GET", "/languages") => {
            let list = r#"[{"code":"en","name":"English","targets":["fa","ru"]},{"code":"fa","name":"Persian","targets":["en"]},{"code":"ru","name":"Russian","targets":["en"]}]"#;
            return respond(out, "200 OK", "", list);
        }
        ("GET", "/v2/languages?type=target") => {
            let list = r#"[{"language":"EN-US","name":"English (American)"},{"language":"FA","name":"Persian"},{"language":"RU","name":"Russian","supports_formality":true}]"#;
            return respond(out, "200 OK", "", list);
        }
        ("POST", "/translate") | ("POST", "/v2/translate") => {}
        _ => return respond(out, "404 Not Found", "", r#"{"error":"Not Found"}"#),
    }
    let deepl = seen.path == "/v2/translate";
    let key = if deepl {
        seen.header("authorization").unwrap_or("").to_string()
    } else {
        req["api_key"].as_str().unwrap_or("").to_string()
    };
    let error = |message: String| {
        if deepl {
            serde_json::json!({ "message": message }).to_string()
        } else {
            serde_json::json!({ "error": message }).to_string()
        }
    };
    match behaviour {
        Behaviour::Forbidden => {
            return respond(
                out,
                "403 Forbidden",
                "",
                &error(format!("Invalid API key {key}")),
            );
        }
        Behaviour::TooMany(after) => {
            let extra = format!("Retry-After: {after}\r\n");
            return respond(
                out,
                "429 Too Many Requests",
                &extra,
                &error("Slow down".into()),
            );
        }
        Behaviour::Quota => {
            return respond(
                out,
                "456 Quota Exceeded",
                "",
                &error("Quota exceeded".into()),
            );
        }
        Behaviour::ServerError => {
            return respond(out, "500 Internal Server Error", "", &error("oops".into()));
        }
        Behaviour::Silent => {
            thread::sleep(Duration::from_secs(30));
            return false;
        }
        Behaviour::Truncated => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"translatedText\":[\"";
            out.write_all(head.as_bytes()).ok();
            return false;
        }
        Behaviour::Oversized(n) => {
            let body = format!("{{\"translatedText\":[\"{}\"]}}", "x".repeat(*n));
            return respond(out, "200 OK", "", &body);
        }
        Behaviour::NotJson => return respond(out, "200 OK", "", "<html>gateway</html>"),
        _ => {}
    }
    let (texts, target) = if deepl {
        (&req["text"], req["target_lang"].as_str().unwrap_or(""))
    } else {
        (&req["q"], req["target"].as_str().unwrap_or(""))
    };
    let texts: Vec<String> = texts
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let mut translations: Vec<String> = texts
        .iter()
        .map(|t| match behaviour {
            Behaviour::WrongScript => t.clone(),
            Behaviour::Html => format!("{}<script>alert(1)</script>", fake_translate(t, target)),
            Behaviour::ChangedNumbers => fake_translate(t, target).replace('5', "6"),
            Behaviour::DropTags => drop_placeholders(&fake_translate(t, target)),
            _ => fake_translate(t, target),
        })
        .collect();
    if *behaviour == Behaviour::WrongCount {
        translations.pop();
    }
    let body = if deepl {
        let list: Vec<serde_json::Value> = translations
            .iter()
            .map(|t| serde_json::json!({"detected_source_language": "EN", "text": t}))
            .collect();
        serde_json::json!({ "translations": list }).to_string()
    } else {
        serde_json::json!({ "translatedText": translations }).to_string()
    };
    respond(out, "200 OK", "", &body)
}

/// `text` without its `<x id="N"/>` placeholders.
fn drop_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("<x ") {
        out.push_str(&rest[..i]);
        rest = rest[i..].split_once("/>").map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out
}

/// A deterministic stand-in for a translation: Latin letters of words
/// become letters of the target's script; words with digits, `@`, `#`,
/// `://` or `.` inside (numbers, addresses, handles, URLs) stay as they are,
/// and so do words with markup (`<`, `>`, `&`: the placeholders and
/// character references of a `format: "html"` or `tag_handling: "xml"` text).
pub fn fake_translate(text: &str, target: &str) -> String {
    let alphabet: Vec<char> = if target.eq_ignore_ascii_case("fa") {
        "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی".chars().collect()
    } else {
        "абвгдежзийклмнопрстуфхцчшщыэюя".chars().collect()
    };
    text.split(' ')
        .map(|word| {
            let keep = word
                .chars()
                .any(|c| c.is_ascii_digit() || "@#<>&".contains(c))
                || word.contains("://")
                || word
                    .trim_end_matches(['.', ',', '!', '?', ':', ';'])
                    .contains('.');
            if keep {
                return word.to_string();
            }
            // Scale words are translated, as an engine does: merge reads
            // "5 million" as a value, and a letter-for-letter "million"
            // would change it.
            let fa = target.eq_ignore_ascii_case("fa");
            match word.trim_end_matches(['.', ',']) {
                "thousand" => return if fa { "هزار" } else { "тысяч" }.to_string(),
                "million" => {
                    return if fa {
                        "میلیون"
                    } else {
                        "миллионов"
                    }
                    .to_string();
                }
                "billion" => {
                    return if fa {
                        "میلیارد"
                    } else {
                        "миллиардов"
                    }
                    .to_string();
                }
                _ => {}
            }
            word.chars()
                .map(|c| {
                    if c.is_ascii_alphabetic() {
                        let i = (c.to_ascii_lowercase() as usize - 'a' as usize) % alphabet.len();
                        alphabet[i]
                    } else {
                        c
                    }
                })
                .collect()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
