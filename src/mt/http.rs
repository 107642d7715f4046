//! The HTTP transport: one agent with timeouts, no redirects, status codes
//! returned rather than raised, and response bodies read up to a cap.

use std::time::Duration;

use super::MtSettings;

/// One answer from the server.
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: u16,
    /// `Retry-After` in seconds, when given as a number.
    pub retry_after: Option<f64>,
    pub body: Vec<u8>,
}

/// Why no answer came.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The body was larger than the cap.
    TooLarge(u64),
    /// Anything else: connection, timeout, a truncated body, bad HTTP.
    Other(String),
}

pub(crate) struct Transport {
    agent: ureq::Agent,
    max_body: u64,
}

impl Transport {
    pub fn new(settings: &MtSettings) -> Transport {
        let read = MtSettings::duration(settings.read_timeout);
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(MtSettings::duration(settings.connect_timeout)))
            .timeout_recv_response(Some(read))
            .timeout_recv_body(Some(read))
            .timeout_send_body(Some(read))
            .timeout_global(Some(MtSettings::duration(settings.request_timeout)))
            .http_status_as_error(false)
            // A redirect could carry the key to another host.
            .max_redirects(0)
            .user_agent(concat!("brief/", env!("CARGO_PKG_VERSION")))
            .build();
        Transport {
            agent: config.into(),
            max_body: settings.max_response_bytes,
        }
    }

    /// POSTs a JSON body with extra headers.
    pub fn post_json(
        &self,
        url: &str,
        headers: &[(&str, String)],
        body: &[u8],
    ) -> Result<Reply, Failure> {
        let mut req = self
            .agent
            .post(url)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
        for (name, value) in headers {
            req = req.header(*name, value.as_str());
        }
        self.finish(req.send(body))
    }

    /// GETs a URL.
    pub fn get(&self, url: &str, headers: &[(&str, String)]) -> Result<Reply, Failure> {
        let mut req = self.agent.get(url).header("Accept", "application/json");
        for (name, value) in headers {
            req = req.header(*name, value.as_str());
        }
        self.finish(req.call())
    }

    fn finish(
        &self,
        sent: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<Reply, Failure> {
        let mut response = sent.map_err(describe)?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s >= 0.0);
        let body = response
            .body_mut()
            .with_config()
            .limit(self.max_body)
            .read_to_vec()
            .map_err(describe)?;
        Ok(Reply {
            status,
            retry_after,
            body,
        })
    }
}

fn describe(e: ureq::Error) -> Failure {
    match e {
        ureq::Error::BodyExceedsLimit(n) => Failure::TooLarge(n),
        ureq::Error::Timeout(_) => Failure::Other("no answer in time (timeout)".into()),
        ureq::Error::Io(io) => Failure::Other(format!("connection failed: {io}")),
        other => Failure::Other(other.to_string()),
    }
}

/// The wait before retry number `attempt` (from 0): `Retry-After` when the
/// server gave one, else exponential backoff; never more than `max`.
pub(crate) fn backoff(attempt: u32, retry_after: Option<f64>, base: f64, max: f64) -> Duration {
    let seconds = retry_after.unwrap_or_else(|| base * f64::from(1u32 << attempt.min(16)));
    MtSettings::duration(seconds.min(max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_honours_retry_after_and_is_capped() {
        assert_eq!(backoff(0, None, 0.5, 60.0), Duration::from_millis(500));
        assert_eq!(backoff(2, None, 0.5, 60.0), Duration::from_secs(2));
        assert_eq!(backoff(1, Some(7.0), 0.5, 60.0), Duration::from_secs(7));
        assert_eq!(backoff(1, Some(3600.0), 0.5, 60.0), Duration::from_secs(60));
        assert_eq!(backoff(30, None, 1.0, 10.0), Duration::from_secs(10));
    }
}
