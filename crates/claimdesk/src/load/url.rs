//! Fetching an article over HTTP(S): timeouts, a size limit, then the HTML
//! (or plain text) path.

use super::{Document, Format, LoadError, MAX_INPUT_BYTES, Overrides, SourceKind, load_bytes};
use std::time::Duration;

/// Limits for a fetch.
#[derive(Debug, Clone)]
pub struct UrlOptions {
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub max_bytes: u64,
}

impl Default for UrlOptions {
    fn default() -> Self {
        UrlOptions {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_bytes: MAX_INPUT_BYTES,
        }
    }
}

/// Fetches `url` and loads the article it serves.
pub fn fetch_url(url: &str, opts: &UrlOptions, over: &Overrides) -> Result<Document, LoadError> {
    let fail = |reason: String| LoadError::Url {
        url: url.to_string(),
        reason,
    };
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(fail(
            "only http:// and https:// addresses can be fetched".into(),
        ));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .timeout_connect(Some(opts.connect_timeout))
        .http_status_as_error(false)
        .max_redirects(5)
        .user_agent(concat!("Claimdesk/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut resp = agent.get(url).call().map_err(|e| fail(describe(&e)))?;
    let status = resp.status();
    if !status.is_success() {
        return Err(fail(format!(
            "the server answered HTTP {}",
            status.as_u16()
        )));
    }
    let mime = resp.body().mime_type().unwrap_or("").to_ascii_lowercase();
    let bytes = resp
        .body_mut()
        .with_config()
        .limit(opts.max_bytes)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => {
                fail(format!("the page is larger than {} bytes", opts.max_bytes))
            }
            e => fail(describe(&e)),
        })?;
    let format = if mime.contains("html") || mime.is_empty() {
        Format::Html
    } else if mime.starts_with("text/") {
        Format::Text
    } else {
        return Err(fail(format!("the server sent {mime}, not an article page")));
    };
    let mut doc = load_bytes(&bytes, format, url, over)?;
    doc.source = Some(url.to_string());
    doc.source_kind = SourceKind::Url;
    Ok(doc)
}

fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "timed out".into(),
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::Io(io) => format!("cannot connect ({io})"),
        other => other.to_string(),
    }
}
