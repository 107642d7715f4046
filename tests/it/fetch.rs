//! URLs as inputs (issue 23, items 4 and 5): every server case against a
//! local HTTP server on 127.0.0.1 started by the test itself (std only, no
//! network): normal pages, redirects and loops, error statuses, a body that
//! never ends, a server that never answers, lying charsets, a gzip bomb,
//! Russian and Persian pages in legacy encodings, proxies. Most cases use
//! the library; the last ones drive the binary (exit codes, messages).
#![cfg(feature = "fetch")]

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use brief::input::url::{FetchSettings, ProxySettings};
use brief::input::{InputSettings, read_document};
use predicates::prelude::*;
use predicates::str::contains;

use crate::common::brief;

/// One request as the server saw it: its request line and headers, lower case names.
#[derive(Debug, Clone)]
struct Seen {
    target: String,
    headers: Vec<(String, String)>,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What a route does with a connection once the request is read.
type Handler = dyn Fn(&Seen, &mut TcpStream) + Send + Sync;

/// A local HTTP/1.1 server: each connection in its own thread, one request
/// per connection (`Connection: close`), routed by the request target.
struct Server {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    fn start(route: impl Fn(&Seen, &mut TcpStream) + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        let route: Arc<Handler> = Arc::new(route);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let (route, log) = (Arc::clone(&route), Arc::clone(&log));
                std::thread::spawn(move || {
                    let Some(request) = read_request(&stream) else {
                        return;
                    };
                    log.lock().unwrap().push(request.clone());
                    route(&request, &mut stream);
                });
            }
        });
        Server { addr, seen }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

fn read_request(stream: &TcpStream) -> Option<Seen> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let target = line.split_whitespace().nth(1)?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).ok()? == 0 || h.trim().is_empty() {
            break;
        }
        let (k, v) = h.split_once(':')?;
        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
    }
    Some(Seen { target, headers })
}

/// Writes a whole response and closes.
fn respond(stream: &mut TcpStream, status: &str, headers: &[(&str, &str)], body: &[u8]) {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

/// One route: path, status, headers, body.
type Route = (
    &'static str,
    &'static str,
    Vec<(&'static str, String)>,
    Vec<u8>,
);

/// A server answering each route's path with its response, 404 otherwise.
fn pages(table: Vec<Route>) -> Server {
    Server::start(
        move |req, stream| match table.iter().find(|(path, ..)| *path == req.target) {
            Some((_, status, headers, body)) => {
                let headers: Vec<(&str, &str)> =
                    headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
                respond(stream, status, &headers, body)
            }
            None => respond(stream, "404 Not Found", &[], b"no such page"),
        },
    )
}

fn html_page(title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href=/>Home</a> | <a href=/news>News</a></nav>\
         <article><h1>{title}</h1>\n{body}</article><footer>Copyright 2024</footer></body></html>"
    )
}

const RU: [&str; 3] = [
    "Археологи нашли в Великом Новгороде берестяную грамоту двенадцатого века, сообщили в институте археологии.",
    "Грамота сохранилась почти целиком и содержит письмо купца к жене о торговых делах в Киеве.",
    "По словам исследователей, находка меняет представления о грамотности горожан того времени.",
];
const FA: [&str; 3] = [
    "باستان‌شناسان در نزدیکی شیراز یک کتیبهٔ تازه از دوران هخامنشی یافتند و آن را به موزه بردند.",
    "این کتیبه به خط میخی نوشته شده و از ساختن یک کاخ بزرگ در کنار رود سخن می‌گوید.",
    "پژوهشگران می‌گویند خواندن کامل متن چند ماه زمان می‌برد و نتیجه در یک همایش اعلام می‌شود.",
];

/// Settings with short timeouts so the failure cases stay fast.
fn quick() -> InputSettings {
    InputSettings {
        fetch: FetchSettings {
            connect_timeout: Duration::from_secs(2),
            read_timeout: Duration::from_millis(700),
            timeout: Duration::from_secs(3),
            ..FetchSettings::default()
        },
        ..InputSettings::default()
    }
}

fn read(url: &str, settings: &InputSettings) -> brief::Result<brief::Document> {
    read_document(Path::new(url), settings)
}

fn error(url: &str, settings: &InputSettings) -> String {
    read(url, settings).unwrap_err().to_string()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn a_page_becomes_its_article_named_by_its_url() {
    let page = html_page("Находка в Новгороде", &RU);
    let server = pages(vec![(
        "/news/1",
        "200 OK",
        vec![("Content-Type", "text/html; charset=utf-8".into())],
        page.into_bytes(),
    )]);
    let url = server.url("/news/1");
    let doc = read(&url, &quick()).unwrap();
    assert_eq!(doc.name, url);
    for p in RU {
        assert!(doc.text.contains(p), "{p} missing from {:?}", doc.text);
    }
    assert!(
        !doc.text.contains("Copyright") && !doc.text.contains("Home"),
        "{}",
        doc.text
    );
    // Deterministic: the same page gives the same document.
    assert_eq!(read(&url, &quick()).unwrap(), doc);
    let req = &server.requests()[0];
    assert_eq!(
        req.header("user-agent"),
        Some(concat!("brief/", env!("CARGO_PKG_VERSION")))
    );
    assert!(
        req.header("accept-encoding")
            .is_some_and(|v| v.contains("gzip") && v.contains("br") && v.contains("deflate"))
    );
}

#[test]
fn redirects_are_followed_up_to_five_and_loops_refused() {
    let page = html_page("Title", &RU).into_bytes();
    let loc = |to: &str| vec![("Location", to.to_string())];
    let server = pages(vec![
        ("/a", "301 Moved Permanently", loc("/b"), vec![]),
        ("/b", "302 Found", loc("c?x=1"), vec![]),
        (
            "/c?x=1",
            "200 OK",
            vec![("Content-Type", "text/html".into())],
            page,
        ),
        ("/1", "302 Found", loc("/2"), vec![]),
        ("/2", "307 Temporary Redirect", loc("/3"), vec![]),
        ("/3", "308 Permanent Redirect", loc("/4"), vec![]),
        ("/4", "303 See Other", loc("/5"), vec![]),
        ("/5", "302 Found", loc("/a"), vec![]),
        ("/loop1", "302 Found", loc("/loop2"), vec![]),
        ("/loop2", "302 Found", loc("/loop1"), vec![]),
        ("/ftp", "302 Found", loc("ftp://127.0.0.1/x"), vec![]),
    ]);
    let doc = read(&server.url("/a"), &quick()).unwrap();
    assert!(doc.text.contains(RU[0]));
    assert_eq!(doc.name, server.url("/a"), "named by the URL asked for");
    // /1 -> /2 -> /3 -> /4 -> /5 -> /a -> /b -> /c: seven redirects.
    let e = error(&server.url("/1"), &quick());
    assert!(
        e.starts_with(&server.url("/1")) && e.contains("more than 5 redirects"),
        "{e}"
    );
    let e = error(&server.url("/loop1"), &quick());
    assert!(
        e.contains("a redirect loop") && e.contains("/loop2 -> ") && e.ends_with("/loop1"),
        "{e}"
    );
    let e = error(&server.url("/ftp"), &quick());
    assert!(e.contains("redirected to a ftp: URL"), "{e}");
}

#[test]
fn error_statuses_name_the_url_and_the_status() {
    let server = pages(vec![
        (
            "/500",
            "500 Internal Server Error",
            vec![],
            b"oops".to_vec(),
        ),
        (
            "/gone",
            "302 Found",
            vec![("Location", "/missing".into())],
            vec![],
        ),
    ]);
    let e = error(&server.url("/missing"), &quick());
    assert_eq!(
        e,
        format!(
            "{}: the server answered HTTP 404 Not Found",
            server.url("/missing")
        )
    );
    let e = error(&server.url("/500"), &quick());
    assert!(e.ends_with("HTTP 500 Internal Server Error"), "{e}");
    let e = error(&server.url("/gone"), &quick());
    assert!(
        e.starts_with(&server.url("/gone")) && e.contains("404") && e.contains("after 1 redirects"),
        "{e}"
    );
}

#[test]
fn a_body_that_never_ends_stops_at_the_limit_or_the_timeout() {
    let server = Server::start(|req, stream| {
        let _ = stream
            .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n");
        let chunk = vec![b'a'; 64 * 1024];
        if req.target == "/fast" {
            while stream.write_all(&chunk).is_ok() {}
        } else {
            // A byte every 100 ms: each read gets something, the whole never ends.
            while stream.write_all(b"a").is_ok() {
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    });
    let settings = InputSettings {
        max_bytes: 1 << 20,
        ..quick()
    };
    let e = error(&server.url("/fast"), &settings);
    assert!(e.contains("larger than the input limit of 1 MiB"), "{e}");
    let started = Instant::now();
    let e = error(&server.url("/slow"), &settings);
    assert!(e.contains("longer than 3 s"), "{e}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    // A Content-Length over the limit is refused before the body is read.
    let big = pages(vec![("/", "200 OK", vec![], vec![b'x'; 2 << 20])]);
    assert!(error(&big.url("/"), &settings).contains("larger than the input limit"));
}

#[test]
fn a_server_that_never_answers_is_given_up() {
    let server = Server::start(|_, _| std::thread::sleep(Duration::from_secs(60)));
    let started = Instant::now();
    let e = error(&server.url("/"), &quick());
    assert!(e.contains("the server sent nothing for 0.7 s"), "{e}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    // The same with only the whole-request timeout short.
    let settings = InputSettings {
        fetch: FetchSettings {
            timeout: Duration::from_millis(500),
            ..FetchSettings::default()
        },
        ..InputSettings::default()
    };
    let started = Instant::now();
    let e = error(&server.url("/"), &settings);
    assert!(e.contains("0.5 s"), "{e}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn nothing_listening_is_a_clear_error() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let e = error(&format!("http://127.0.0.1:{port}/"), &quick());
    assert!(e.starts_with(&format!("http://127.0.0.1:{port}/: ")), "{e}");
}

#[test]
fn a_gzip_bomb_is_refused_at_the_limit_after_decompression() {
    let bomb = gzip(&vec![b' '; 64 << 20]);
    assert!(bomb.len() < 200_000, "{}", bomb.len());
    let page = html_page("Сжатая страница", &RU);
    let server = pages(vec![
        (
            "/bomb",
            "200 OK",
            vec![
                ("Content-Type", "text/html".into()),
                ("Content-Encoding", "gzip".into()),
            ],
            bomb,
        ),
        (
            "/page",
            "200 OK",
            vec![
                ("Content-Type", "text/html".into()),
                ("Content-Encoding", "gzip".into()),
            ],
            gzip(page.as_bytes()),
        ),
        // "Привет Привет Привет " by Google's reference brotli encoder.
        (
            "/br",
            "200 OK",
            vec![
                ("Content-Type", "text/plain".into()),
                ("Content-Encoding", "br".into()),
            ],
            hex("1b2600f81da9511f9dbc0281ce6841c0fe94adc515444503337a67"),
        ),
        (
            "/zstd",
            "200 OK",
            vec![("Content-Encoding", "zstd".into())],
            b"(zstd)".to_vec(),
        ),
    ]);
    let settings = InputSettings {
        max_bytes: 4 << 20,
        ..quick()
    };
    let e = error(&server.url("/bomb"), &settings);
    assert!(
        e.contains("larger than the input limit of 4 MiB once decompressed"),
        "{e}"
    );
    assert!(
        read(&server.url("/page"), &settings)
            .unwrap()
            .text
            .contains(RU[2])
    );
    assert_eq!(
        read(&server.url("/br"), &settings).unwrap().text,
        "Привет Привет Привет "
    );
    assert!(error(&server.url("/zstd"), &settings).contains("\"zstd\" content coding"));
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn in_1256(text: &str) -> String {
    text.replace('\u{6CC}', "\u{64A}").replace('\u{654}', "")
}

fn encode(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    let odd: Vec<char> = text
        .chars()
        .filter(|c| encoding.encode(&c.to_string()).2)
        .collect();
    assert!(!unmappable, "not in {}: {odd:?}", encoding.name());
    bytes.into_owned()
}

#[test]
fn legacy_russian_and_persian_pages_with_and_without_labels() {
    let ru = html_page("Находка", &RU);
    let ru_meta = ru.replace("<head>", "<head><meta charset=windows-1251>");
    // Sites in windows-1256 wrote Persian with the Arabic yeh (the Persian
    // one, U+06CC, and the hamza above, U+0654, are not in it).
    let fa_text: Vec<String> = FA.iter().map(|p| in_1256(p)).collect();
    let fa_refs: Vec<&str> = fa_text.iter().map(String::as_str).collect();
    let fa = html_page(&in_1256("کتیبه"), &fa_refs).replace("<html>", "<html dir=rtl lang=fa>");
    let fa_meta = fa.replace(
        "<head>",
        "<head><meta http-equiv=Content-Type content='text/html; charset=windows-1256'>",
    );
    let w1251 = encoding_rs::WINDOWS_1251;
    let w1256 = encoding_rs::WINDOWS_1256;
    let html = |charset: Option<&str>| {
        vec![(
            "Content-Type",
            charset.map_or("text/html".into(), |c| format!("text/html; charset={c}")),
        )]
    };
    let server = pages(vec![
        (
            "/ru-header",
            "200 OK",
            html(Some("windows-1251")),
            encode(w1251, &ru),
        ),
        ("/ru-meta", "200 OK", html(None), encode(w1251, &ru_meta)),
        ("/ru-bare", "200 OK", html(None), encode(w1251, &ru)),
        (
            "/ru-lying",
            "200 OK",
            html(Some("utf-8")),
            encode(w1251, &ru_meta),
        ),
        (
            "/ru-utf8-says-1251",
            "200 OK",
            html(Some("windows-1251")),
            ru.clone().into_bytes(),
        ),
        (
            "/fa-header",
            "200 OK",
            html(Some("cp1256")),
            encode(w1256, &fa),
        ),
        ("/fa-meta", "200 OK", html(None), encode(w1256, &fa_meta)),
        ("/fa-bare", "200 OK", html(None), encode(w1256, &fa)),
        (
            "/fa-lying",
            "200 OK",
            html(Some("UTF-8")),
            encode(w1256, &fa_meta),
        ),
    ]);
    for path in [
        "/ru-header",
        "/ru-meta",
        "/ru-bare",
        "/ru-lying",
        "/ru-utf8-says-1251",
    ] {
        let doc = read(&server.url(path), &quick()).unwrap();
        for p in RU {
            assert!(
                doc.text.contains(p),
                "{path}: {p} missing from {:?}",
                doc.text
            );
        }
    }
    for path in ["/fa-header", "/fa-meta", "/fa-bare", "/fa-lying"] {
        let doc = read(&server.url(path), &quick()).unwrap();
        for p in &fa_text {
            assert!(
                doc.text.contains(p),
                "{path}: {p} missing from {:?}",
                doc.text
            );
        }
        assert!(doc.text.contains('\u{200C}'), "{path}: the ZWNJ is kept");
    }
}

#[test]
fn persian_with_nbsp_and_zwnj_and_a_russian_brief_through_the_pipeline() {
    let fa = html_page(
        "خبر",
        &[&FA[0].replace(" یک ", "&nbsp;یک&nbsp;"), FA[1], FA[2]],
    );
    let server = pages(vec![
        (
            "/fa",
            "200 OK",
            vec![("Content-Type", "text/html; charset=utf-8".into())],
            fa.into_bytes(),
        ),
        (
            "/ru",
            "200 OK",
            vec![("Content-Type", "text/html; charset=windows-1251".into())],
            encode(encoding_rs::WINDOWS_1251, &html_page("Находка", &RU)),
        ),
    ]);
    let config = brief::Config::default();
    let doc = read(&server.url("/fa"), &quick()).unwrap();
    assert!(!doc.text.contains("&nbsp;"), "{}", doc.text);
    assert!(
        doc.text.contains("می‌گوید"),
        "the ZWNJ inside a word survives"
    );
    let analyzed = brief::analyze(doc, &config);
    assert_eq!(analyzed.detection.lang.as_str(), "fa");
    let doc = read(&server.url("/ru"), &quick()).unwrap();
    let analyzed = brief::analyze(doc, &config);
    assert_eq!(analyzed.detection.lang.as_str(), "ru");
    assert!(analyzed.sentences.len() >= 3, "{:?}", analyzed.sentences);
}

#[test]
fn only_text_is_read() {
    let server = pages(vec![(
        "/img",
        "200 OK",
        vec![("Content-Type", "image/png".into())],
        b"\x89PNG\r\n".to_vec(),
    )]);
    let e = error(&server.url("/img"), &quick());
    assert!(
        e.ends_with("the server sent image/png, not a web page or text"),
        "{e}"
    );
}

#[test]
fn credentials_in_a_url_are_neither_sent_nor_shown() {
    let server = pages(vec![]);
    let with = server
        .url("/private")
        .replace("http://", "http://alice:s3cret@");
    let e = error(&with, &quick());
    assert!(!e.contains("s3cret") && !e.contains("alice"), "{e}");
    assert!(e.starts_with(&server.url("/private")), "{e}");
    assert_eq!(server.requests()[0].header("authorization"), None);
}

#[test]
fn proxies_are_used_as_given_and_no_proxy_bypasses_them() {
    // A "proxy" that opens every tunnel asked for (CONNECT host:port) and
    // answers the request inside it with a page, as if from that host.
    let tunnels = Arc::new(Mutex::new(Vec::new()));
    let inner = Arc::clone(&tunnels);
    let proxy = Server::start(move |req, stream| {
        let body = html_page("Через прокси", &RU);
        if req.target.contains(':') {
            let _ = stream.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
            if let Some(tunneled) = read_request(stream) {
                let host = tunneled.header("host").map(str::to_string);
                inner.lock().unwrap().push((req.target.clone(), host));
                respond(
                    stream,
                    "200 OK",
                    &[("Content-Type", "text/html")],
                    body.as_bytes(),
                );
            }
        } else {
            respond(stream, "400 Bad Request", &[], b"");
        }
    });
    let origin = pages(vec![(
        "/direct",
        "200 OK",
        vec![("Content-Type", "text/plain".into())],
        b"Straight from the origin server.".to_vec(),
    )]);
    let via = |no_proxy: Option<&str>| InputSettings {
        fetch: FetchSettings {
            proxy: ProxySettings {
                http: Some(format!("{}", proxy.addr)),
                https: None,
                no_proxy: no_proxy.map(str::to_string),
            },
            ..quick().fetch
        },
        ..quick()
    };
    let doc = read("http://news.invalid/story", &via(None)).unwrap();
    assert!(doc.text.contains(RU[1]));
    assert_eq!(proxy.requests()[0].target, "news.invalid:80");
    assert_eq!(
        tunnels.lock().unwrap()[0].1.as_deref(),
        Some("news.invalid")
    );
    let doc = read(&origin.url("/direct"), &via(Some("localhost,127.0.0.1"))).unwrap();
    assert_eq!(doc.text, "Straight from the origin server.");
    assert_eq!(proxy.requests().len(), 1, "NO_PROXY bypassed the proxy");
    let bad = InputSettings {
        fetch: FetchSettings {
            proxy: ProxySettings {
                https: Some("socks5://127.0.0.1:1".into()),
                ..ProxySettings::default()
            },
            ..FetchSettings::default()
        },
        ..InputSettings::default()
    };
    assert!(error("https://x.invalid/", &bad).contains("HTTPS_PROXY"));
}

#[test]
fn a_jsonl_item_may_be_a_url() {
    let server = pages(vec![(
        "/ru",
        "200 OK",
        vec![("Content-Type", "text/html; charset=windows-1251".into())],
        encode(encoding_rs::WINDOWS_1251, &html_page("Находка", &RU)),
    )]);
    let line = format!(
        r#"{{"id": "n1", "url": "{}", "lang": "ru"}}"#,
        server.url("/ru")
    );
    let item =
        brief::input::parse_batch_line_with(&line, Path::new("b.jsonl"), 3, &quick()).unwrap();
    assert!(item.documents[0].contains(RU[0]));
    let line = format!(r#"{{"id": "n2", "url": "{}"}}"#, server.url("/nope"));
    let e = brief::input::parse_batch_line_with(&line, Path::new("b.jsonl"), 4, &quick())
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("b.jsonl:4: item \"n2\": ") && e.contains("HTTP 404"),
        "{e}"
    );
    let e = brief::input::parse_batch_line_with(
        r#"{"id": 1, "url": "file:///etc/passwd"}"#,
        Path::new("b.jsonl"),
        5,
        &quick(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("must be an http:// or https:// URL"), "{e}");
    let e = brief::input::parse_batch_line_with(
        r#"{"id": 1, "url": "http://x", "text": "t"}"#,
        Path::new("b.jsonl"),
        6,
        &quick(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("more than one of"), "{e}");
}

// The binary: arguments, exit codes, messages.

fn article_server() -> Server {
    let en = html_page(
        "Storm hits the coast",
        &[
            "A powerful storm hit the northern coast on Monday, cutting power to thousands of homes.",
            "Officials said emergency crews worked through the night to clear fallen trees from the roads.",
            "The weather service expects the storm to weaken as it moves inland on Tuesday.",
            "Schools in three districts stayed closed, and the ferry service was suspended until further notice.",
        ],
    );
    pages(vec![(
        "/storm",
        "200 OK",
        vec![("Content-Type", "text/html; charset=utf-8".into())],
        en.into_bytes(),
    )])
}

fn no_proxy_env(cmd: &mut assert_cmd::Command) -> &mut assert_cmd::Command {
    for var in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

#[test]
fn cli_summarizes_and_segments_a_url() {
    let server = article_server();
    let url = server.url("/storm");
    let out = no_proxy_env(&mut brief())
        .args(["summarize", "--sentences", "2", &url])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    // The page's headline is the brief's title (its first line), then the
    // two sentences.
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(lines[0], "Storm hits the coast", "{text}");
    no_proxy_env(&mut brief())
        .args(["segment", "--format", "jsonl", &url])
        .assert()
        .success()
        .stdout(contains("cutting power to thousands of homes."));
    let dir = tempfile::tempdir().unwrap();
    no_proxy_env(&mut brief())
        .args(["export", "--to", "fa", "--format", "tsv", "--out-dir"])
        .arg(dir.path())
        .arg(&url)
        .assert()
        .success();
    let exported: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(!exported.is_empty());
}

#[test]
fn cli_failures_exit_2_naming_the_url() {
    let server = Server::start(|req, stream| {
        if req.target == "/hang" {
            std::thread::sleep(Duration::from_secs(60));
        }
        respond(stream, "404 Not Found", &[], b"")
    });
    no_proxy_env(&mut brief())
        .args(["summarize", &server.url("/missing?q=%1B[31m")])
        .assert()
        .code(2)
        .stderr(contains(format!(
            "brief: {}: the server answered HTTP 404 Not Found",
            server.url("/missing?q=%1B[31m")
        )));
    let started = Instant::now();
    no_proxy_env(&mut brief())
        .args(["segment", "--read-timeout", "0.3", &server.url("/hang")])
        .assert()
        .code(2)
        .stderr(contains("the server sent nothing for 0.3 s"));
    assert!(started.elapsed() < Duration::from_secs(10));
    no_proxy_env(&mut brief())
        .args(["segment", "ftp://example.org/a.txt"])
        .assert()
        .code(2)
        .stderr(contains("brief reads only http and https URLs"));
    no_proxy_env(&mut brief())
        .args(["segment", "--timeout", "0", &server.url("/")])
        .assert()
        .code(2)
        .stderr(contains("not a number of seconds"));
}

#[test]
fn cli_reads_the_proxy_from_the_environment() {
    let server = article_server();
    let url = server.url("/storm");
    // A proxy that is not there: every request through it fails...
    let dead = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    no_proxy_env(&mut brief())
        .env("HTTP_PROXY", format!("http://{dead}"))
        .args(["segment", "--connect-timeout", "2", &url])
        .assert()
        .code(2)
        .stderr(contains(url.as_str()));
    // ... unless NO_PROXY names the host.
    no_proxy_env(&mut brief())
        .env("HTTP_PROXY", format!("http://{dead}"))
        .env("NO_PROXY", "127.0.0.1")
        .args(["segment", &url])
        .assert()
        .success();
}

#[test]
fn cli_jsonl_batches_fetch_url_items() {
    let server = article_server();
    let dir = tempfile::tempdir().unwrap();
    let batch: PathBuf = dir.path().join("batch.jsonl");
    std::fs::write(
        &batch,
        format!(
            "{{\"id\": \"a\", \"url\": \"{}\"}}\n{{\"id\": \"b\", \"url\": \"{}\"}}\n",
            server.url("/storm"),
            server.url("/gone")
        ),
    )
    .unwrap();
    no_proxy_env(&mut brief())
        .args([
            "summarize",
            "--input",
            "jsonl",
            "--format",
            "jsonl",
            "--keep-going",
        ])
        .arg(&batch)
        .assert()
        .code(1)
        .stdout(contains("\"id\":\"a\""))
        .stderr(contains("item \"b\"").and(contains("HTTP 404")));
}

#[test]
fn a_url_names_its_document_normalised_without_control_characters() {
    let server = pages(vec![(
        "/a%20b?q=x%1B[31m",
        "200 OK",
        vec![("Content-Type", "text/plain".into())],
        b"Plain text from the server.".to_vec(),
    )]);
    let given = format!("http://user:pw@{}/a b?q=x\u{1b}[31m#part", server.addr);
    let doc = read(&given, &quick()).unwrap();
    assert_eq!(doc.name, server.url("/a%20b?q=x%1B[31m"));
    assert_eq!(doc.text, "Plain text from the server.");
}
