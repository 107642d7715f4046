use std::path::Path;

use proptest::prelude::*;

use super::*;

#[test]
fn only_http_and_https_are_urls() {
    for url in ["http://a.b", "https://a.b/x?y=1", "HTTP://A.B", "hTTpS://x"] {
        assert_eq!(as_url(Path::new(url)), Some(url));
    }
    for path in [
        "http:/a",
        "https",
        "./https://a",
        "ftp://a",
        "notes.txt",
        "-",
        "",
    ] {
        assert_eq!(as_url(Path::new(path)), None, "{path}");
    }
}

#[test]
fn other_schemes_are_named_unless_a_file_has_that_name() {
    assert_eq!(
        foreign_scheme(Path::new("ftp://x.org/a")),
        Some("ftp".into())
    );
    assert_eq!(
        foreign_scheme(Path::new("FILE:///etc/passwd")),
        Some("file".into())
    );
    assert_eq!(foreign_scheme(Path::new("https://x")), None);
    assert_eq!(
        foreign_scheme(Path::new("c://x")),
        None,
        "one letter: a drive, not a scheme"
    );
    assert_eq!(foreign_scheme(Path::new("a b://x")), None);
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("ftp:");
    std::fs::create_dir(&odd).unwrap();
    std::fs::write(odd.join("x"), "text").unwrap();
    let name = format!("{}//x", odd.display());
    assert_eq!(foreign_scheme(Path::new(&name)), None);
}

#[test]
fn credentials_never_reach_a_name() {
    assert_eq!(
        without_credentials("https://u:p@x.org:8443/a?b=c@d#e@f"),
        "https://x.org:8443/a?b=c@d#e@f"
    );
    assert_eq!(without_credentials("http://p%40ss@x.org"), "http://x.org");
    assert_eq!(without_credentials("https://x.org/"), "https://x.org/");
    assert_eq!(without_credentials("no scheme@all"), "no scheme@all");
}

proptest! {
    #[test]
    fn no_password_survives(user in "[a-z]{1,8}", password in "[A-Za-z0-9!$&'()*+,;=%.~_-]{1,16}", path in "(/[a-z@:]{0,6}){0,3}") {
        let url = format!("https://{user}:{password}@example.org{path}");
        let shown = without_credentials(&url);
        prop_assert_eq!(shown, format!("https://example.org{path}"));
    }
}

#[test]
fn content_types_are_parsed_leniently() {
    assert_eq!(
        parse_content_type("text/html"),
        (Some("text/html".into()), None)
    );
    assert_eq!(
        parse_content_type(" TEXT/Plain ;format=flowed; CHARSET = 'KOI8-R' "),
        (Some("text/plain".into()), Some("KOI8-R".into()))
    );
    assert_eq!(parse_content_type(";charset="), (None, None));
}

#[test]
fn proxies_come_from_the_variables_given() {
    let vars = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    };
    let p = ProxySettings::from_vars(vars(&[
        ("HTTPS_PROXY", "http://a:1"),
        ("https_proxy", "http://b:2"),
        ("NO_PROXY", "x"),
    ]));
    assert_eq!(
        p.https.as_deref(),
        Some("http://b:2"),
        "lower case wins, as in curl"
    );
    assert_eq!(p.http, None);
    assert_eq!(p.no_proxy.as_deref(), Some("x"));
    let p = ProxySettings::from_vars(vars(&[("ALL_PROXY", "http://c:3"), ("http_proxy", " ")]));
    assert_eq!(
        (p.https.as_deref(), p.http.as_deref()),
        (Some("http://c:3"), Some("http://c:3"))
    );
    assert_eq!(ProxySettings::from_vars(|_| None), ProxySettings::default());
}

#[test]
fn no_proxy_matches_hosts_domains_addresses_and_ports() {
    let p = |list: &str| ProxySettings {
        no_proxy: Some(list.into()),
        ..ProxySettings::default()
    };
    let list = p("localhost, .corp.example,*.svc, 10.1.2.3 ,[::1], news.example:8080");
    for (host, port) in [
        ("localhost", 80),
        ("LOCALHOST.", 443),
        ("a.corp.example", 443),
        ("corp.example", 80),
        ("x.y.svc", 80),
        ("10.1.2.3", 1),
        ("[::1]", 80),
        ("::1", 80),
        ("news.example", 8080),
    ] {
        assert!(list.bypasses(host, port), "{host}:{port}");
    }
    for (host, port) in [
        ("notlocalhost", 80),
        ("corp.example.org", 80),
        ("10.1.2.30", 80),
        ("news.example", 80),
        ("example", 80),
    ] {
        assert!(!list.bypasses(host, port), "{host}:{port}");
    }
    assert!(p("*").bypasses("anything", 1));
    assert!(!p("").bypasses("anything", 1));
    assert!(!ProxySettings::default().bypasses("localhost", 80));
}

#[test]
fn the_tld_is_the_last_label_of_the_final_host() {
    let page = |url: &str| Page {
        name: url.into(),
        final_url: url.into(),
        body: vec![],
        media_type: None,
        charset: None,
    };
    assert_eq!(page("https://lenta.ru/news/1").tld(), Some("ru"));
    assert_eq!(page("http://u@www.bbc.co.uk.:80/").tld(), Some("uk"));
    assert_eq!(page("http://127.0.0.1:8080/").tld(), None);
    assert_eq!(
        page("http://xn--e1afmkfd.xn--p1ai/").tld(),
        None,
        "punycode is no hint"
    );
}

#[test]
fn the_default_settings_give_up_within_30_seconds() {
    let s = FetchSettings::default();
    assert!(s.timeout <= Duration::from_secs(30));
    assert!(s.connect_timeout <= s.timeout && s.read_timeout <= s.timeout);
    assert_eq!(s.max_redirects, 5);
    assert!(s.user_agent.starts_with("brief/") && s.user_agent.len() > "brief/".len());
}
