//! The export view's rendered preview: the `report:` scheme serves an
//! article's HTML report to a sandboxed frame, as the exported file would
//! show in a browser. The page's own security policy allows no inline
//! styles, and a frame written from a string (`srcdoc`) inherits it; a
//! frame loaded from this scheme gets the report's own policy instead
//! (no script, no network, inline styles only), sent with the response.
//!
//! Address: `report://localhost/ARTICLE?article_url=…&org_name=…&org_url=…`.

use crate::state::AppState;
use claimdesk::report;
use tauri::http::{Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

/// The policy the preview runs under: the HTML report's own.
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// Answers one request of the `report:` scheme, off the main thread.
pub fn serve<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let uri = request.uri().to_string();
    std::thread::spawn(move || {
        let response = match render(&app, &uri) {
            Ok(html) => Response::builder()
                .status(StatusCode::OK)
                .header("Content-Type", "text/html; charset=utf-8")
                .header("Content-Security-Policy", POLICY)
                .header("Cache-Control", "no-store")
                .body(html.into_bytes()),
            Err(message) => Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Content-Security-Policy", POLICY)
                .body(message.into_bytes()),
        };
        match response {
            Ok(r) => responder.respond(r),
            Err(e) => responder.respond(Response::new(e.to_string().into_bytes())),
        }
    });
}

/// The HTML report the address names, or why there is none.
fn render<R: Runtime>(app: &tauri::AppHandle<R>, uri: &str) -> Result<String, String> {
    let (article, publishing) = parse(uri)?;
    let state = app.state::<AppState>();
    let store = state.store().map_err(|e| e.message)?;
    let mut input = report::from_store(&store, &article.to_string(), None, chrono::Utc::now())
        .map_err(|e| e.to_string())?;
    drop(store);
    input.publish(&publishing);
    report::render(&input, report::Format::Html).map_err(|e| e.to_string())
}

/// The article id and publishing fields of a preview address.
pub fn parse(uri: &str) -> Result<(i64, report::Publishing), String> {
    let url = tauri::Url::parse(uri).map_err(|e| format!("not a preview address: {e}"))?;
    let article = url
        .path_segments()
        .and_then(|mut s| s.next())
        .and_then(|s| s.parse::<i64>().ok())
        .ok_or("the preview address names no article")?;
    let mut p = report::Publishing::default();
    for (k, v) in url.query_pairs() {
        let v = Some(v.into_owned());
        match k.as_ref() {
            "article_url" => p.article_url = v,
            "org_name" => p.org_name = v,
            "org_url" => p.org_url = v,
            _ => {}
        }
    }
    Ok((article, p))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn preview_addresses() {
        let check = |uri: &str, want: Option<(i64, Option<&str>, Option<&str>)>| {
            let got = parse(uri).ok().map(|(a, p)| (a, p.article_url, p.org_name));
            let want = want.map(|(a, u, o)| (a, u.map(String::from), o.map(String::from)));
            assert_eq!(got, want, "{uri}");
        };
        check("report://localhost/7", Some((7, None, None)));
        check(
            "report://localhost/12?article_url=https%3A%2F%2Fexample.org%2Fa&org_name=Harbour%20Desk",
            Some((12, Some("https://example.org/a"), Some("Harbour Desk"))),
        );
        check(
            "http://report.localhost/3?org_name=X",
            Some((3, None, Some("X"))),
        );
        check("report://localhost/", None);
        check("report://localhost/abc", None);
    }
}
