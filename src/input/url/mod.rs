//! Web pages by URL: `brief summarize https://…` and a JSONL item's `"url"`.
//!
//! Only `http` and `https`. Every fetch is bounded: a connect timeout, a
//! timeout for each read, one for the whole request (redirects included),
//! at most [`FetchSettings::max_redirects`] redirects (never from `https`
//! to `http`), and the caller's size limit applied to the body after
//! `gzip`, `deflate` or `br` decoding, so a compression bomb stops at the
//! limit. TLS uses the operating system's certificate roots. A proxy is
//! used only when the caller passes one ([`ProxySettings`]; the binary reads
//! `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY`): the library reads no
//! environment variable. User names and passwords in a URL are neither
//! sent nor shown. docs/input.md has the whole contract.

use std::path::Path;
use std::time::Duration;

use crate::error::{Error, Result};

#[cfg(feature = "fetch")]
mod client;
#[cfg(feature = "fetch")]
mod content;

/// How URLs are fetched. The defaults give up on a server that never
/// answers within 30 s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchSettings {
    /// The longest wait for a connection to be set up.
    pub connect_timeout: Duration,
    /// The longest wait for any one read from the server (the response's
    /// head, or the next bytes of its body).
    pub read_timeout: Duration,
    /// The longest time for the whole request, redirects and body included.
    pub timeout: Duration,
    /// The most redirects followed (5 by default).
    pub max_redirects: u32,
    /// The proxies to use, if any.
    pub proxy: ProxySettings,
    /// The `User-Agent` header.
    pub user_agent: String,
}

/// The `User-Agent` brief sends: its name and version.
pub const USER_AGENT: &str = concat!("brief/", env!("CARGO_PKG_VERSION"));

impl Default for FetchSettings {
    fn default() -> FetchSettings {
        FetchSettings {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            timeout: Duration::from_secs(30),
            max_redirects: 5,
            proxy: ProxySettings::default(),
            user_agent: USER_AGENT.into(),
        }
    }
}

/// Proxies, as the usual environment variables give them. The library
/// never reads the environment: [`ProxySettings::from_vars`] takes a
/// lookup function (the binary passes `std::env::var`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProxySettings {
    /// The proxy for `https` URLs (`HTTPS_PROXY`), such as `http://proxy:3128`.
    pub https: Option<String>,
    /// The proxy for `http` URLs (`HTTP_PROXY`).
    pub http: Option<String>,
    /// Hosts reached directly (`NO_PROXY`): comma-separated names, each
    /// matching itself and its subdomains (`example.com`, `.example.com`),
    /// IP addresses, optionally with `:port`; `*` matches every host.
    pub no_proxy: Option<String>,
}

impl ProxySettings {
    /// The proxy settings from variables looked up by `var`: `HTTPS_PROXY`,
    /// `HTTP_PROXY`, `ALL_PROXY` (for both) and `NO_PROXY`, each also in
    /// lower case (which wins, as in curl). Empty values count as unset.
    ///
    /// ```
    /// use brief::input::url::ProxySettings;
    /// let vars = |name: &str| (name == "https_proxy").then(|| "http://proxy:3128".to_string());
    /// let proxy = ProxySettings::from_vars(vars);
    /// assert_eq!(proxy.https.as_deref(), Some("http://proxy:3128"));
    /// assert_eq!(proxy.http, None);
    /// ```
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> ProxySettings {
        let get = |name: &str| {
            [name.to_ascii_lowercase(), name.to_string()]
                .iter()
                .filter_map(|n| var(n))
                .find(|v| !v.trim().is_empty())
        };
        let all = get("ALL_PROXY");
        ProxySettings {
            https: get("HTTPS_PROXY").or_else(|| all.clone()),
            http: get("HTTP_PROXY").or(all),
            no_proxy: get("NO_PROXY"),
        }
    }

    /// Whether `host` (with `port`) is reached directly by `NO_PROXY`.
    ///
    /// ```
    /// use brief::input::url::ProxySettings;
    /// let p = ProxySettings { no_proxy: Some("example.com, .internal,10.0.0.1".into()), ..Default::default() };
    /// assert!(p.bypasses("www.example.com", 443));
    /// assert!(p.bypasses("a.internal", 80));
    /// assert!(!p.bypasses("example.org", 443));
    /// ```
    pub fn bypasses(&self, host: &str, port: u16) -> bool {
        let host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim_end_matches('.')
            .to_ascii_lowercase();
        let Some(list) = &self.no_proxy else {
            return false;
        };
        list.split([',', ' ']).map(str::trim).any(|entry| {
            if entry == "*" {
                return true;
            }
            let entry = entry.to_ascii_lowercase();
            // "[::1]:8080", "host:8080": the port must match too.
            let (name, entry_port) = match entry.rsplit_once(':') {
                Some((name, p))
                    if !name.is_empty()
                        && p.chars().all(|c| c.is_ascii_digit())
                        && (entry.starts_with('[') || !name.contains(':')) =>
                {
                    (name, p.parse::<u16>().ok())
                }
                _ => (entry.as_str(), None),
            };
            let name = name
                .trim_start_matches("*.")
                .trim_start_matches('.')
                .trim_start_matches('[')
                .trim_end_matches(']')
                .trim_end_matches('.');
            !name.is_empty()
                && entry_port.is_none_or(|p| p == port)
                && (host == name
                    || host
                        .strip_suffix(name)
                        .is_some_and(|rest| rest.ends_with('.')))
        })
    }
}

/// A fetched page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The URL as asked for, normalised (percent-encoded, punycode host)
    /// and without user name, password and `#fragment`: the document's name.
    pub name: String,
    /// The URL the page came from after redirects (without user name and
    /// password).
    pub final_url: String,
    /// The body after content decoding (`gzip`, `deflate`, `br`).
    pub body: Vec<u8>,
    /// The media type of its `Content-Type`, in lower case (`text/html`).
    pub media_type: Option<String>,
    /// The `charset` of its `Content-Type`, if any.
    pub charset: Option<String>,
}

impl Page {
    /// The last label of the host name of the page's final URL (`ru` for
    /// `news.example.ru`), a hint for guessing its encoding.
    pub fn tld(&self) -> Option<&str> {
        let rest = self.final_url.split_once("://")?.1;
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = host.split(':').next()?;
        let tld = host.trim_end_matches('.').rsplit('.').next()?;
        (!tld.is_empty() && tld.chars().all(|c| c.is_ascii_alphabetic())).then_some(tld)
    }
}

/// Fetches pages with one set of settings; reuses its connections and TLS
/// configuration from one page to the next.
pub struct Fetcher {
    #[cfg(feature = "fetch")]
    client: client::Client,
    #[cfg(not(feature = "fetch"))]
    _settings: FetchSettings,
}

impl Fetcher {
    /// A fetcher with these settings. An unusable proxy URL is an
    /// [`Error::InvalidSetting`].
    pub fn new(settings: &FetchSettings) -> Result<Fetcher> {
        Ok(Fetcher {
            #[cfg(feature = "fetch")]
            client: client::Client::new(settings)?,
            #[cfg(not(feature = "fetch"))]
            _settings: settings.clone(),
        })
    }

    /// Fetches `url` (`http` or `https`), refusing a body larger than
    /// `max_bytes` after content decoding. Every failure is an
    /// [`Error::Input`] naming the URL (without user name and password).
    pub fn fetch(&self, url: &str, max_bytes: u64) -> Result<Page> {
        #[cfg(feature = "fetch")]
        {
            self.client.fetch(url, max_bytes)
        }
        #[cfg(not(feature = "fetch"))]
        {
            let _ = max_bytes;
            Err(failure(
                url,
                "this build of brief reads no URLs (it was built without the `fetch` feature)",
            ))
        }
    }
}

/// Fetches one page with `settings`; see [`Fetcher::fetch`].
pub fn fetch(url: &str, settings: &FetchSettings, max_bytes: u64) -> Result<Page> {
    Fetcher::new(settings)?.fetch(url, max_bytes)
}

/// The URL an input names, when it starts with `http://` or `https://`
/// (in any case).
///
/// ```
/// use std::path::Path;
/// use brief::input::url::as_url;
/// assert_eq!(as_url(Path::new("HTTPS://example.com/a")), Some("HTTPS://example.com/a"));
/// assert_eq!(as_url(Path::new("notes/https.txt")), None);
/// ```
pub fn as_url(input: &Path) -> Option<&str> {
    let text = input.to_str()?;
    let scheme = text.get(..8)?.to_ascii_lowercase();
    (scheme.starts_with("http://") || scheme == "https://").then_some(text)
}

/// The scheme of an input that looks like a URL of another scheme
/// (`ftp://…`, `file://…`) and is not an existing file.
pub fn foreign_scheme(input: &Path) -> Option<String> {
    let text = input.to_str()?;
    let (scheme, _) = text.split_once("://")?;
    let is_scheme = scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (is_scheme && as_url(input).is_none() && !input.exists()).then(|| scheme.to_ascii_lowercase())
}

/// `url` without the user name and password of its authority, for names
/// and messages: `https://user:secret@host/a` becomes `https://host/a`.
///
/// ```
/// assert_eq!(brief::input::url::without_credentials("https://u:p@x.org/a@b"), "https://x.org/a@b");
/// ```
pub fn without_credentials(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    match authority.rsplit_once('@') {
        Some((_, host)) => format!("{scheme}://{host}{tail}"),
        None => url.to_string(),
    }
}

/// The media type and `charset` of a `Content-Type` header value, the
/// media type in lower case.
///
/// ```
/// use brief::input::url::parse_content_type;
/// assert_eq!(
///     parse_content_type("Text/HTML; Charset=\"windows-1251\""),
///     (Some("text/html".to_string()), Some("windows-1251".to_string()))
/// );
/// ```
pub fn parse_content_type(value: &str) -> (Option<String>, Option<String>) {
    let mut parts = value.split(';');
    let media = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts.find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    });
    (media, charset)
}

/// The error for a failed fetch of `url`: the URL without credentials
/// (escaped for the terminal when shown, as every path) and why.
pub(crate) fn failure(url: &str, message: impl Into<String>) -> Error {
    Error::Input {
        path: without_credentials(url).into(),
        message: message.into(),
    }
}

#[cfg(test)]
mod tests;
