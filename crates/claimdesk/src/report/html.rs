//! The HTML report: one self-contained file a standards desk can archive and
//! print. Inline CSS (`report.css`), an inline SVG timeline, no script and no
//! external requests — a Content-Security-Policy meta tag forbids both — and
//! every piece of article or review text escaped.
//!
//! Print: A4 pages with a running footer (report title and page numbers),
//! claims kept whole across page breaks, colours kept.

use super::input::{ClaimEntry, ReportInput, Review, anchor};
use super::markdown::filter_line;
use super::summary::Summary;
use super::{timeline, timeml, words};
use crate::compare::ClaimChange;
use crate::model::Status;
use std::fmt::Write;

const CSS: &str = include_str!("report.css");

/// Escapes text for HTML element content and double- or single-quoted
/// attribute values (also valid in SVG/XML).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than whitespace are not allowed in
            // HTML text; drop them rather than emit an invalid document.
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// Text for a CSS string literal inside `<style>`: anything but plain
/// letters, digits and spaces becomes a CSS escape, so no text can end the
/// string or the style element.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else if !c.is_control() {
            let _ = write!(out, "\\{:x} ", c as u32);
        }
    }
    out.push('"');
    out
}

/// The colour of a verdict, shared by badges, card edges and the timeline.
pub fn status_colour(s: Status) -> &'static str {
    match s {
        Status::Verified => "#2f6b3f",
        Status::False => "#a33a2c",
        Status::Disputed => "#b7791f",
        Status::Unverifiable => "#56606e",
        Status::NeedsRecheck => "#7a4f9a",
        Status::Unreviewed => "#a39e93",
    }
}

fn status_class(s: Status) -> String {
    format!("st-{}", s.as_str().replace('_', "-"))
}

/// An `http(s)` link, or plain text for anything else (no `javascript:`).
fn link_or_text(s: &str) -> String {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    if (lower.starts_with("https://") || lower.starts_with("http://"))
        && !t.contains(char::is_whitespace)
    {
        format!(r#"<a href="{0}">{0}</a>"#, esc(t))
    } else {
        esc(s)
    }
}

pub fn render(input: &ReportInput) -> String {
    let a = &input.article;
    let title = if a.title.trim().is_empty() {
        "Untitled article"
    } else {
        a.title.trim()
    };
    let mut o = String::with_capacity(32 * 1024);
    let _ = write!(
        o,
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Claimdesk">
<title>Claim report: {} (revision {})</title>
<style>
{CSS}"#,
        esc(title),
        a.revision
    );
    for s in Status::ALL {
        let _ = writeln!(o, ".{} {{ --st: {}; }}", status_class(s), status_colour(s));
    }
    let footer = format!(
        "Claim report · {} · revision {}",
        truncate_chars(&title.split_whitespace().collect::<Vec<_>>().join(" "), 70),
        a.revision
    );
    let _ = write!(
        o,
        r#"@page {{ size: A4; margin: 16mm 16mm 18mm;
  @bottom-left {{ content: {}; font: 7.5pt "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: #6b665c; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font: 7.5pt "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: #6b665c; }}
}}
</style>
</head>
<body>
<main class="report">
"#,
        css_string(&footer)
    );
    header(&mut o, input, title);
    summary(&mut o, input);
    timeline_section(&mut o, input);
    claims(&mut o, input);
    removed(&mut o, input);
    colophon(&mut o, input);
    o.push_str("</main>\n</body>\n</html>\n");
    o
}

fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

fn header(o: &mut String, input: &ReportInput, title: &str) {
    let a = &input.article;
    let _ = write!(
        o,
        r#"<header class="masthead">
<p class="eyebrow"><span>Claim report</span><span>{}</span></p>
<h1>{}</h1>
<dl class="meta">
"#,
        esc(&input.desk.name),
        esc(title)
    );
    let mut row = |k: &str, v: String| {
        let _ = writeln!(o, "<dt>{k}</dt><dd>{v}</dd>");
    };
    if let Some(b) = &a.byline {
        row("Byline", esc(b));
    }
    row(
        "Published",
        a.published
            .map(|d| esc(&timeml::day_words(d)))
            .unwrap_or_else(|| r#"<span class="empty">not known</span>"#.into()),
    );
    let rev = match &input.previous {
        Some(p) => format!("{}, compared with revision {}", a.revision, p.revision),
        None => format!("{} (first revision)", a.revision),
    };
    row("Revision", rev);
    if let Some(u) = &a.url {
        row("URL", link_or_text(u));
    }
    if let Some(s) = &a.source {
        row("Source file", esc(s));
    }
    row("Generated", esc(&words::when(input.generated_at)));
    o.push_str("</dl>\n");
    if let Some(f) = filter_line(input) {
        let _ = writeln!(
            o,
            r#"<p class="filter-note">Partial report: {}.</p>"#,
            esc(&f)
        );
    }
    o.push_str("</header>\n");
}

fn summary(o: &mut String, input: &ReportInput) {
    let s = Summary::of(input);
    let reviewed = s
        .by_status
        .iter()
        .filter(|c| c.status != Status::Unreviewed)
        .map(|c| c.count)
        .sum::<usize>();
    let _ = write!(
        o,
        r#"<section class="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<div class="summary-grid">
<div>
<h3>By status</h3>
<p class="total">{} <small>{} · {} reviewed</small></p>
<div class="bar" role="img" aria-label="{}">"#,
        s.total,
        if s.total == 1 { "claim" } else { "claims" },
        reviewed,
        esc(&s.statuses_line())
    );
    for c in s.by_status.iter().filter(|c| c.count > 0) {
        let _ = write!(
            o,
            r#"<span class="{}" style="flex: {}"></span>"#,
            status_class(c.status),
            c.count
        );
    }
    o.push_str("</div>\n<table class=\"counts\">\n");
    for c in &s.by_status {
        let _ = writeln!(
            o,
            r#"<tr class="{}{}"><td><span class="dot"></span>{}</td><td class="n">{}</td></tr>"#,
            status_class(c.status),
            if c.count == 0 { " zero" } else { "" },
            esc(&words::status_title(c.status)),
            c.count
        );
    }
    o.push_str("</table>\n</div>\n<div>\n<h3>By kind</h3>\n<table class=\"counts\">\n");
    for k in &s.by_kind {
        let _ = writeln!(
            o,
            r#"<tr{}><td>{}</td><td class="n">{}</td></tr>"#,
            if k.count == 0 { r#" class="zero""# } else { "" },
            words::kind_title(k.kind),
            k.count
        );
    }
    o.push_str("</table>\n</div>\n<div class=\"changes\">\n");
    match &s.changes {
        Some(c) => {
            let _ = write!(
                o,
                r#"<h3>Since revision {}</h3>
<table class="counts">
<tr><td>New claims</td><td class="n">{}</td></tr>
<tr><td>Changed</td><td class="n">{}</td></tr>
<tr><td>Removed</td><td class="n">{}</td></tr>
<tr><td>Unchanged</td><td class="n">{}</td></tr>
</table>
"#,
                c.previous_revision, c.added, c.changed, c.removed, c.unchanged
            );
        }
        None => {
            o.push_str("<h3>Changes</h3>\n<p>First revision: nothing to compare with.</p>\n");
        }
    }
    o.push_str("</div>\n</div>\n</section>\n");
}

fn timeline_section(o: &mut String, input: &ReportInput) {
    o.push_str(
        "<section class=\"timeline-wrap\" aria-labelledby=\"timeline-h\">\n<h2 id=\"timeline-h\">Timeline</h2>\n",
    );
    match timeline::svg(input) {
        Some(svg) => {
            let _ = writeln!(o, "<figure class=\"tl\">{svg}</figure>");
            if let Some((near, from, to)) = timeline::close_up(input) {
                let _ = writeln!(
                    o,
                    "<figure class=\"tl\"><figcaption class=\"caption close-up\">Close-up, {} – {}</figcaption>\n{near}</figure>",
                    esc(&timeml::day_words(from)),
                    esc(&timeml::day_words(to))
                );
            }
            o.push_str("<p class=\"caption\">Dated claims by number, coloured by verdict; bars span weeks, months or years. The dashed line marks publication.</p>\n");
        }
        None => o.push_str("<p class=\"empty\">No claim in this report names a date that can be placed on a calendar.</p>\n"),
    }
    o.push_str("</section>\n");
}

fn claims(o: &mut String, input: &ReportInput) {
    o.push_str(
        "<section class=\"claims-section\" aria-labelledby=\"claims-h\">\n<h2 id=\"claims-h\">Claims</h2>\n",
    );
    if input.claims.is_empty() {
        o.push_str("<p class=\"empty\">No claims to report.</p>\n");
    }
    let prev = input.previous.as_ref().map(|p| p.revision);
    for (i, e) in input.claims.iter().enumerate() {
        claim(o, i + 1, e, prev);
    }
    o.push_str("</section>\n");
}

fn claim(o: &mut String, n: usize, e: &ClaimEntry, prev: Option<u32>) {
    let c = &e.claim;
    let r = &e.review;
    let _ = write!(
        o,
        r#"<article class="claim {}" id="{}">
<div class="claim-head"><span class="num">{n}</span><span class="kind">{}</span><span class="badge">{}</span>"#,
        status_class(r.status),
        anchor(e.id),
        words::kind_title(c.kind()),
        esc(&words::status_title(r.status)),
    );
    if let (Some(d), Some(p)) = (&e.change, prev) {
        let what = match d.change {
            ClaimChange::Added => format!("New in revision {}", p + 1),
            other => format!("{} since revision {p}", words::change_title(other)),
        };
        let _ = write!(
            o,
            r#"<span class="change ch-{}">{}</span>"#,
            words::change_title(d.change).to_ascii_lowercase(),
            esc(&what)
        );
    }
    o.push_str("</div>\n");
    let ev = match e.evidence.parts() {
        Some((b, s, a)) if !s.is_empty() => {
            format!("{}<mark>{}</mark>{}", esc(b), esc(s), esc(a))
        }
        _ => esc(&e.evidence.sentence),
    };
    let _ = writeln!(o, r#"<blockquote class="evidence">{ev}</blockquote>"#);
    let _ = writeln!(
        o,
        r#"<p class="reading">{}</p>"#,
        esc(&words::claim_reading(c))
    );
    let fields: Vec<String> = words::field_lines(c)
        .into_iter()
        .map(|(k, v)| format!("{k} <code>{}</code>", esc(&v)))
        .collect();
    let _ = writeln!(o, r#"<p class="fields">{}</p>"#, fields.join(" · "));
    verdict(o, r);
    if !e.conflicting.is_empty() {
        let _ = writeln!(
            o,
            r#"<p class="conflicting"><strong>Conflicting verdicts:</strong> {} (given apart; a verdict that has seen them all settles it)</p>"#,
            esc(&words::conflicting(&e.conflicting))
        );
    }
    if let Some(d) = &e.change
        && d.change == ClaimChange::Changed
        && !d.fields.is_empty()
    {
        {
            let _ = write!(
                o,
                "<div class=\"delta\">Changed since revision {}:<ul>",
                prev.map(|p| p.to_string()).unwrap_or_else(|| "?".into())
            );
            for f in &d.fields {
                let _ = write!(o, "<li>{}</li>", esc(&words::field_change(f)));
            }
            o.push_str("</ul></div>\n");
        }
    }
    if !e.history.is_empty() {
        o.push_str("<table class=\"history\"><caption>Review history</caption>\n<thead><tr><th>When</th><th>Rev.</th><th>Verdict</th><th>Reviewer</th><th>Note</th></tr></thead>\n<tbody>\n");
        for h in &e.history {
            let _ = writeln!(
                o,
                r#"<tr><td class="when">{}</td><td class="rev">{}</td><td><span class="{}"><span class="dot"></span></span>{}</td><td>{}</td><td class="note">{}</td></tr>"#,
                h.reviewed_at
                    .map(|t| esc(&words::when(t)))
                    .unwrap_or_else(|| "—".into()),
                h.revision.map(|r| r.to_string()).unwrap_or_default(),
                status_class(h.status),
                esc(&words::status_title(h.status)),
                h.reviewer.as_deref().map(esc).unwrap_or_default(),
                h.note.as_deref().map(esc).unwrap_or_default(),
            );
        }
        o.push_str("</tbody></table>\n");
    }
    o.push_str("</article>\n");
}

fn verdict(o: &mut String, r: &Review) {
    let has_any = r.note.is_some()
        || !r.sources.is_empty()
        || r.reviewer.is_some()
        || r.reviewed_at.is_some();
    if !has_any {
        if r.status == Status::Unreviewed {
            o.push_str("<p class=\"fields empty\">Not reviewed yet.</p>\n");
        }
        return;
    }
    o.push_str("<dl class=\"verdict\">\n");
    if let Some(n) = &r.note {
        let _ = writeln!(o, r#"<dt>Note</dt><dd class="note">{}</dd>"#, esc(n.trim()));
    }
    match r.sources.as_slice() {
        [] => {}
        [one] => {
            let _ = writeln!(o, "<dt>Source</dt><dd>{}</dd>", link_or_text(one));
        }
        many => {
            o.push_str("<dt>Sources</dt><dd><ul>");
            for s in many {
                let _ = write!(o, "<li>{}</li>", link_or_text(s));
            }
            o.push_str("</ul></dd>\n");
        }
    }
    let mut who = Vec::new();
    if let Some(p) = &r.reviewer {
        who.push(esc(p));
    }
    if let Some(t) = r.reviewed_at {
        who.push(esc(&words::when(t)));
    }
    if !who.is_empty() {
        let _ = writeln!(o, "<dt>Reviewed</dt><dd>{}</dd>", who.join(" · "));
    }
    o.push_str("</dl>\n");
}

fn removed(o: &mut String, input: &ReportInput) {
    let Some(p) = &input.previous else { return };
    if p.removed.is_empty() {
        return;
    }
    let _ = write!(
        o,
        "<section aria-labelledby=\"removed-h\">\n<h2 id=\"removed-h\">Removed since revision {}</h2>\n<ul class=\"removed\">\n",
        p.revision
    );
    for r in &p.removed {
        let _ = writeln!(
            o,
            r#"<li class="{}"><span class="dot"></span><strong>{}</strong>: {} <span class="empty">(was {})</span></li>"#,
            status_class(r.status),
            words::kind_title(r.claim.kind()),
            esc(&words::claim_reading(&r.claim)),
            esc(r.status.label())
        );
    }
    o.push_str("</ul>\n</section>\n");
}

fn colophon(o: &mut String, input: &ReportInput) {
    let _ = write!(
        o,
        r#"<footer class="colophon">
<p class="legend">"#
    );
    for s in Status::ALL {
        let _ = write!(
            o,
            r#"<span class="{}"><span class="dot"></span>{}</span>"#,
            status_class(s),
            esc(&words::status_title(s))
        );
    }
    let _ = write!(
        o,
        "</p>\n<p>Prepared by {} with Claimdesk on {}. Evidence spans are highlighted in the sentence they were found in; normalized values are shown beneath each claim.</p>\n</footer>\n",
        esc(&input.desk.name),
        esc(&words::when(input.generated_at))
    );
}
