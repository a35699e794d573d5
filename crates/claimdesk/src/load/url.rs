//! Fetching an article over HTTP(S): timeouts, a size limit, then the HTML
//! (or plain text) path. Addresses are checked first: only http(s), and
//! never one with a user name or password, which is refused before any
//! request and never stored or printed. The same check serves every option
//! that takes a web address ([`web_address_problem`]).

use super::{Document, Format, LoadError, MAX_INPUT_BYTES, Overrides, SourceKind, load_bytes};
use std::time::{Duration, Instant};

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

/// Redirects followed before giving up.
const MAX_REDIRECTS: u32 = 5;

/// Why `address` cannot be used as a web address: not http(s), not an
/// address at all, or holding a user name or password. `None` when it is
/// fine. The reason never repeats the address, so credentials in it are
/// never echoed.
pub fn web_address_problem(address: &str) -> Option<String> {
    let parsed = match ::url::Url::parse(address.trim()) {
        Ok(u) => u,
        Err(_) => {
            return Some(
                if has_scheme(address, &["http", "https"]) || !address.contains(':') {
                    "not a valid web address".to_string()
                } else {
                    "only http:// and https:// addresses are accepted".to_string()
                },
            );
        }
    };
    if !matches!(parsed.scheme(), "http" | "https") {
        return Some(format!(
            "only http:// and https:// addresses are accepted, not {}:",
            parsed.scheme()
        ));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Some(
            "the address holds a user name or password; give it without them (credentials in addresses are never sent, stored or printed)"
                .to_string(),
        );
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Some("the address names no host".to_string());
    }
    None
}

fn has_scheme(address: &str, schemes: &[&str]) -> bool {
    let lower = address.trim().to_ascii_lowercase();
    schemes.iter().any(|s| lower.starts_with(&format!("{s}:")))
}

/// The address as it may be shown: any `user:password@` part removed.
pub fn redacted(address: &str) -> String {
    let Some(scheme_end) = address.find("://").map(|i| i + 3) else {
        return address.to_string();
    };
    let rest = &address[scheme_end..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{}{}", &address[..scheme_end], &rest[at + 1..]),
        None => address.to_string(),
    }
}

/// Fetches `url` and loads the article it serves. Redirects are followed
/// here, not by the HTTP client, so that each target is checked: a
/// redirect to another scheme (`file:`, `ftp:`…) or to an address with
/// credentials is refused and said to be.
pub fn fetch_url(url: &str, opts: &UrlOptions, over: &Overrides) -> Result<Document, LoadError> {
    let shown = redacted(url);
    let fail = |reason: String| LoadError::Url {
        url: shown.clone(),
        reason,
    };
    if let Some(problem) = web_address_problem(url) {
        return Err(fail(problem));
    }
    let mut current =
        ::url::Url::parse(url.trim()).map_err(|_| fail("not a valid web address".into()))?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .timeout_connect(Some(opts.connect_timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .user_agent(concat!("Claimdesk/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let deadline = Instant::now() + opts.timeout;
    let mut redirects = 0;
    let mut resp = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(fail("timed out".into()));
        }
        let resp = agent
            .get(current.as_str())
            .config()
            .timeout_global(Some(left))
            .build()
            .call()
            .map_err(|e| fail(describe(&e)))?;
        let location = resp
            .headers()
            .get("location")
            .filter(|_| resp.status().is_redirection());
        let Some(location) = location else {
            break resp;
        };
        redirects += 1;
        if redirects > MAX_REDIRECTS {
            return Err(fail(format!(
                "more than {MAX_REDIRECTS} redirects, gave up"
            )));
        }
        let next = location
            .to_str()
            .ok()
            .and_then(|l| current.join(l.trim()).ok())
            .ok_or_else(|| fail("redirected to an address that cannot be read, refused".into()))?;
        if !matches!(next.scheme(), "http" | "https") {
            return Err(fail(format!(
                "redirected to a {}: URL, refused (only http:// and https:// are fetched)",
                next.scheme()
            )));
        }
        if !next.username().is_empty() || next.password().is_some() {
            return Err(fail(
                "redirected to an address holding a user name or password, refused".into(),
            ));
        }
        current = next;
    };
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
    let mut doc = load_bytes(&bytes, format, &shown, over)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked_without_echoing_secrets() {
        // (address, problem contains; "" when fine)
        let cases = [
            ("https://example.org/news/1", ""),
            ("http://127.0.0.1:8080/a?b=c", ""),
            ("https://user:hunter2@example.org/", "user name or password"),
            ("https://user@example.org/", "user name or password"),
            ("file:///etc/passwd", "not file:"),
            ("javascript:alert(1)", "not javascript:"),
            ("ftp://example.org/x", "not ftp:"),
            ("example.org/news", "not a valid web address"),
            ("https://", "not a valid web address"),
        ];
        for (address, want) in cases {
            let got = web_address_problem(address);
            match got {
                None => assert_eq!(want, "", "{address}"),
                Some(p) => {
                    assert!(!want.is_empty() && p.contains(want), "{address}: {p}");
                    assert!(!p.contains("hunter2"), "{p}");
                }
            }
        }
        let cases = [
            (
                "https://user:hunter2@example.org/a@b",
                "https://example.org/a@b",
            ),
            ("https://example.org/a@b", "https://example.org/a@b"),
            ("not a url", "not a url"),
        ];
        for (address, want) in cases {
            assert_eq!(redacted(address), want);
        }
    }
}
