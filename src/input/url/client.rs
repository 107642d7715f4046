//! The HTTP client behind [`super::Fetcher`]: ureq with rustls and the
//! operating system's certificate roots (docs/input.md says why). Redirects
//! are followed here, not by ureq, so that each hop is checked (scheme, no
//! `https` to `http`, loops, count), gets its own proxy, and can be named in
//! a message.

use std::io::Read;
use std::time::{Duration, Instant};

use ureq::Agent;
use ureq::tls::{RootCerts, TlsConfig, TlsProvider};
use url::Url;

use super::content::{self, ContentError};
use super::{FetchSettings, Page, failure, parse_content_type};
use crate::error::{Error, Result};

/// What the client sends as `Accept`: pages and text first.
const ACCEPT: &str = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1";
/// The codings brief can undo (see [`content`]).
const ACCEPT_ENCODING: &str = "gzip, deflate, br";

pub(super) struct Client {
    settings: FetchSettings,
    direct: Agent,
    /// For `http` URLs, when a proxy is set.
    http_proxy: Option<Agent>,
    /// For `https` URLs, when a proxy is set.
    https_proxy: Option<Agent>,
}

impl Client {
    pub(super) fn new(settings: &FetchSettings) -> Result<Client> {
        let proxies = &settings.proxy;
        let via = |value: &Option<String>, key: &str| -> Result<Option<Agent>> {
            value
                .as_deref()
                .map(|v| proxy(v, key).map(|p| agent(settings, Some(p))))
                .transpose()
        };
        Ok(Client {
            settings: settings.clone(),
            direct: agent(settings, None),
            http_proxy: via(&proxies.http, "HTTP_PROXY")?,
            https_proxy: via(&proxies.https, "HTTPS_PROXY")?,
        })
    }

    fn agent_for(&self, url: &Url) -> &Agent {
        let proxy = match url.scheme() {
            "https" => self.https_proxy.as_ref(),
            _ => self.http_proxy.as_ref(),
        };
        match (proxy, url.host_str(), url.port_or_known_default()) {
            (Some(agent), Some(host), Some(port)) if !self.settings.proxy.bypasses(host, port) => {
                agent
            }
            _ => &self.direct,
        }
    }

    pub(super) fn fetch(&self, address: &str, max_bytes: u64) -> Result<Page> {
        let mut current = http_url(address.trim())
            .map_err(|m| failure(&super::without_credentials(address.trim()), m))?;
        // The name is the parsed URL: percent-encoded, so no control
        // character of the argument reaches a name or a message.
        let name = current.to_string();
        let fail = |message: String| failure(&name, message);
        let deadline = Instant::now() + self.settings.timeout;
        let mut chain = vec![current.clone()];
        loop {
            // Said after the reason when the failing page is not the one asked for.
            let hop = if chain.len() > 1 {
                format!(" (at {}, after {} redirects)", current, chain.len() - 1)
            } else {
                String::new()
            };
            let remaining = deadline
                .checked_duration_since(Instant::now())
                .filter(|d| !d.is_zero())
                .ok_or_else(|| fail(self.timed_out(ureq::Timeout::Global, &hop)))?;
            let response = self
                .agent_for(&current)
                .get(current.as_str())
                .config()
                .timeout_global(Some(remaining))
                .build()
                .call()
                .map_err(|e| fail(self.describe(&e, &hop)))?;
            let status = response.status();
            let location = response
                .headers()
                .get("location")
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
            if let (true, Some(location)) = (status.is_redirection(), location) {
                let next = self.redirect(&current, &location, &chain).map_err(fail)?;
                chain.push(next.clone());
                current = next;
                continue;
            }
            if !status.is_success() {
                return Err(fail(format!(
                    "the server answered HTTP {} {}{hop}",
                    status.as_u16(),
                    status.canonical_reason().unwrap_or("")
                )));
            }
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            };
            let (media_type, charset) = header("content-type")
                .map(|v| parse_content_type(&v))
                .unwrap_or_default();
            let codings = header("content-encoding").unwrap_or_default();
            let too_large = || {
                fail(format!(
                    "larger than the input limit of {}{}; refusing to read it (raise it with --max-input)",
                    super::super::show_size(max_bytes),
                    if codings.is_empty() {
                        ""
                    } else {
                        " once decompressed"
                    },
                ))
            };
            let declared = header("content-length").and_then(|v| v.trim().parse::<u64>().ok());
            if declared.is_some_and(|n| n > max_bytes) {
                return Err(too_large());
            }
            let mut raw = Vec::new();
            response
                .into_body()
                .into_with_config()
                .limit(u64::MAX)
                .reader()
                .take(max_bytes.saturating_add(1))
                .read_to_end(&mut raw)
                .map_err(|e| fail(self.describe_io(&e, &hop)))?;
            if raw.len() as u64 > max_bytes {
                return Err(too_large());
            }
            let body = content::decode(raw, &codings, max_bytes).map_err(|e| match e {
                ContentError::TooLarge => too_large(),
                ContentError::Unsupported(c) => {
                    fail(format!("the server sent a body in the {c:?} content coding, which brief cannot read{hop}"))
                }
                ContentError::Corrupt(m) => fail(format!("{m}{hop}")),
            })?;
            return Ok(Page {
                name: name.clone(),
                final_url: current.to_string(),
                body,
                media_type,
                charset,
            });
        }
    }

    /// The URL a redirect from `current` to `location` leads to, if it may be followed.
    fn redirect(
        &self,
        current: &Url,
        location: &str,
        chain: &[Url],
    ) -> std::result::Result<Url, String> {
        let shown = crate::escape::escape(location);
        let mut next = current
            .join(location.trim())
            .map_err(|e| format!("redirected to {shown:?}, which is not a URL: {e}"))?;
        match (current.scheme(), next.scheme()) {
            ("https", "http") => {
                return Err(format!(
                    "redirected from https to http ({next}); brief does not leave https"
                ));
            }
            (_, "http" | "https") => {}
            (_, other) => {
                return Err(format!(
                    "redirected to a {other}: URL ({shown:?}); brief reads only http and https"
                ));
            }
        }
        let _ = next.set_username("");
        let _ = next.set_password(None);
        if chain.contains(&next) {
            let path: Vec<String> = chain.iter().chain([&next]).map(Url::to_string).collect();
            return Err(format!("a redirect loop: {}", path.join(" -> ")));
        }
        if chain.len() > self.settings.max_redirects as usize {
            return Err(format!(
                "more than {} redirects (the last to {next})",
                self.settings.max_redirects
            ));
        }
        Ok(next)
    }

    fn timed_out(&self, which: ureq::Timeout, hop: &str) -> String {
        let s = &self.settings;
        match which {
            ureq::Timeout::Connect | ureq::Timeout::Resolve => format!(
                "no connection within {} (the connect timeout){hop}",
                seconds(s.connect_timeout)
            ),
            ureq::Timeout::PerRead | ureq::Timeout::RecvResponse => format!(
                "the server sent nothing for {} (the read timeout){hop}",
                seconds(s.read_timeout)
            ),
            _ => format!(
                "the request took longer than {} (the timeout for the whole request){hop}",
                seconds(s.timeout)
            ),
        }
    }

    fn describe(&self, error: &ureq::Error, hop: &str) -> String {
        match error {
            ureq::Error::Timeout(which) => self.timed_out(*which, hop),
            ureq::Error::Io(e) => self.describe_io(e, hop),
            ureq::Error::HostNotFound => format!("no such host{hop}"),
            ureq::Error::ConnectionFailed => format!("cannot connect{hop}"),
            ureq::Error::TooManyRedirects => format!("too many redirects{hop}"),
            other => format!("{other}{hop}"),
        }
    }

    fn describe_io(&self, error: &std::io::Error, hop: &str) -> String {
        if let Some(inner) = error
            .get_ref()
            .and_then(|e| e.downcast_ref::<ureq::Error>())
        {
            return self.describe(inner, hop);
        }
        match error.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                self.timed_out(ureq::Timeout::PerRead, hop)
            }
            std::io::ErrorKind::ConnectionRefused => format!("connection refused{hop}"),
            _ => format!("{error}{hop}"),
        }
    }
}

/// `address` as an `http` or `https` URL with a host, without user name and
/// password (they are never sent: a URL is a name here, not a login).
fn http_url(address: &str) -> std::result::Result<Url, String> {
    let mut url = Url::parse(address).map_err(|e| format!("not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "a {}: URL; brief reads only http and https",
            url.scheme()
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("a URL without a host".into());
    }
    let _ = url.set_username("");
    let _ = url.set_password(None);
    url.set_fragment(None);
    Ok(url)
}

/// A ureq agent with brief's settings: no automatic redirects, statuses
/// as responses, the system's roots, brief's timeouts and user agent.
fn agent(settings: &FetchSettings, proxy: Option<ureq::Proxy>) -> Agent {
    let tls = TlsConfig::builder()
        .provider(TlsProvider::Rustls)
        .root_certs(RootCerts::PlatformVerifier)
        .build();
    Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .user_agent(settings.user_agent.as_str())
        .accept(ACCEPT)
        .accept_encoding(ACCEPT_ENCODING)
        .timeout_connect(Some(settings.connect_timeout))
        .timeout_per_read(Some(settings.read_timeout))
        .timeout_recv_response(Some(settings.read_timeout))
        .timeout_global(Some(settings.timeout))
        .proxy(proxy)
        .tls_config(tls)
        .build()
        .new_agent()
}

/// A proxy from its URL (`http://host:port`, `https://…`, or `host:port`).
fn proxy(value: &str, key: &str) -> Result<ureq::Proxy> {
    let value = value.trim();
    let with_scheme = if value.contains("://") {
        value.to_string()
    } else {
        format!("http://{value}")
    };
    let invalid = |message: String| Error::InvalidSetting {
        key: key.into(),
        message,
    };
    let shown = super::without_credentials(&with_scheme);
    let scheme = with_scheme
        .split_once("://")
        .map(|(s, _)| s.to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(scheme.as_str(), "http" | "https") {
        return Err(invalid(format!(
            "{shown:?}: brief uses only http and https proxies"
        )));
    }
    ureq::Proxy::new(&with_scheme)
        .map_err(|e| invalid(format!("{shown:?} is not a proxy URL: {e}")))
}

fn seconds(d: Duration) -> String {
    format!("{} s", d.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    fn client() -> Client {
        Client::new(&FetchSettings::default()).unwrap()
    }

    #[test]
    fn a_redirect_never_leaves_https_for_http() {
        let from = url("https://news.example/a");
        let e = client().redirect(&from, "http://news.example/b", std::slice::from_ref(&from));
        assert!(e.unwrap_err().contains("from https to http"));
        let ok = client().redirect(&url("http://news.example/a"), "https://news.example/b", &[]);
        assert_eq!(ok.unwrap().as_str(), "https://news.example/b");
    }

    #[test]
    fn a_redirect_is_resolved_checked_and_stripped_of_credentials() {
        let from = url("https://news.example/world/a?x=1");
        let c = client();
        let to = |loc: &str| c.redirect(&from, loc, std::slice::from_ref(&from));
        assert_eq!(to("../b").unwrap().as_str(), "https://news.example/b");
        assert_eq!(
            to("//cdn.example/c").unwrap().as_str(),
            "https://cdn.example/c"
        );
        assert_eq!(
            to("https://u:p@news.example/d").unwrap().as_str(),
            "https://news.example/d"
        );
        assert!(
            to("javascript:alert(1)")
                .unwrap_err()
                .contains("a javascript: URL")
        );
        assert!(
            to("https://news.example/world/a?x=1")
                .unwrap_err()
                .contains("a redirect loop")
        );
        assert!(to("http://[::1").is_err());
    }

    #[test]
    fn the_sixth_redirect_is_refused() {
        let c = client();
        let chain: Vec<Url> = (0..6)
            .map(|i| url(&format!("http://h.example/{i}")))
            .collect();
        assert!(
            c.redirect(&chain[5], "/6", &chain)
                .unwrap_err()
                .contains("more than 5 redirects")
        );
        assert!(c.redirect(&chain[4], "/6", &chain[..5]).is_ok());
    }

    #[test]
    fn only_http_urls_with_a_host_are_fetched() {
        assert!(
            http_url("ftp://x.example/")
                .unwrap_err()
                .contains("a ftp: URL")
        );
        assert!(http_url("http://").is_err());
        assert!(http_url("not a url").unwrap_err().starts_with("not a URL"));
        let u = http_url("https://u:p@президент.рф/новости#top").unwrap();
        assert_eq!(
            u.as_str(),
            "https://xn--d1abbgf6aiiy.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"
        );
    }

    #[test]
    fn proxies_are_http_or_https_and_never_shown_with_credentials() {
        assert!(proxy("proxy.example:3128", "HTTPS_PROXY").is_ok());
        assert!(proxy("https://proxy.example", "HTTPS_PROXY").is_ok());
        let e = proxy("socks5://u:secret@proxy.example:1080", "ALL_PROXY")
            .unwrap_err()
            .to_string();
        assert!(e.contains("ALL_PROXY") && !e.contains("secret"), "{e}");
    }
}
