//! The shape check an HTML page passes before readability parses it: at
//! most [`MAX_DEPTH`] levels of element nesting and [`MAX_ELEMENTS`]
//! elements.
//!
//! HTML tree construction and readability both slow down badly on deeply
//! nested input (20,000 levels took seconds, 100,000 minutes), so the page is
//! first run through html5ever's tokenizer alone, which is linear, and the
//! stack of open elements is tracked with the parts of the HTML tree rules
//! that keep real pages shallow: void elements never open, an open `<p>`,
//! `<li>`, `<dd>`/`<dt>`, `<option>` or table cell is closed by the next one
//! of its kind, and an end tag closes everything above its element. Every
//! walk of the stack is bounded by the depth limit, so the scan stays
//! linear. The bounds are generous: real pages nest a few dozen levels and
//! rarely hold more than a few thousand elements.

use html5ever::LocalName;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::{Cell, RefCell};

/// The deepest nesting of elements read.
pub const MAX_DEPTH: usize = 512;
/// The most elements a page may hold.
pub const MAX_ELEMENTS: usize = 200_000;

/// Why a page is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    TooDeep,
    TooManyElements,
}

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Start tags that close an open `<p>` (HTML "close a p element").
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
    "xmp",
    "dd",
    "dt",
];

/// Elements that bound the search for an element to close ("scope").
const SCOPE: &[&str] = &[
    "applet",
    "caption",
    "html",
    "table",
    "td",
    "th",
    "marquee",
    "object",
    "template",
    "foreignObject",
    "desc",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
];

/// Where the search for an element to close stops.
#[derive(Clone, Copy)]
enum Bound {
    /// At a scope boundary ([`SCOPE`]) or one of these.
    Scope(&'static [&'static str]),
    /// At one of these only (table scopes).
    Only(&'static [&'static str]),
    /// Only the current element is looked at.
    Top,
}

/// Start tags that close an open element of their family: (start tags,
/// elements closed, where the search stops).
const FAMILIES: &[(&[&str], &[&str], Bound)] = &[
    (&["li"], &["li"], Bound::Scope(&["ol", "ul"])),
    (&["dd", "dt"], &["dd", "dt"], Bound::Scope(&["dl"])),
    (&["option", "optgroup"], &["option"], Bound::Top),
    (
        &["tr"],
        &["tr"],
        Bound::Only(&["html", "table", "template", "tbody", "thead", "tfoot"]),
    ),
    (
        &["td", "th"],
        &["td", "th"],
        Bound::Only(&["html", "table", "template", "tr"]),
    ),
    (
        &["tbody", "thead", "tfoot"],
        &["tbody", "thead", "tfoot"],
        Bound::Only(&["html", "table", "template"]),
    ),
    (&["a"], &["a"], Bound::Scope(&[])),
    (
        &["h1", "h2", "h3", "h4", "h5", "h6"],
        &["h1", "h2", "h3", "h4", "h5", "h6"],
        Bound::Top,
    ),
];

struct Sink {
    stack: RefCell<Vec<LocalName>>,
    /// Open `svg`/`math` elements: self-closing tags count there.
    foreign: Cell<usize>,
    elements: Cell<usize>,
    problem: Cell<Option<Problem>>,
}

impl Sink {
    /// Closes the nearest open element named in `names`, unless a
    /// boundary comes first. At most the whole (bounded) stack is walked.
    fn close_in_scope(&self, names: &[&str], bound: Bound) {
        let mut stack = self.stack.borrow_mut();
        for i in (0..stack.len()).rev() {
            let n: &str = &stack[i];
            if names.contains(&n) {
                self.pop_to(&mut stack, i);
                return;
            }
            let stop = match bound {
                Bound::Scope(extra) => SCOPE.contains(&n) || extra.contains(&n),
                Bound::Only(these) => these.contains(&n),
                Bound::Top => true,
            };
            if stop {
                return;
            }
        }
    }

    fn pop_to(&self, stack: &mut Vec<LocalName>, len: usize) {
        for n in stack.drain(len..) {
            if matches!(&*n, "svg" | "math") {
                self.foreign.set(self.foreign.get().saturating_sub(1));
            }
        }
    }

    fn start(&self, tag: &Tag) -> TokenSinkResult<()> {
        let count = self.elements.get() + 1;
        self.elements.set(count);
        if count > MAX_ELEMENTS {
            self.problem.set(Some(Problem::TooManyElements));
            return TokenSinkResult::Continue;
        }
        let name: &str = &tag.name;
        let html = self.foreign.get() == 0;
        if html {
            if CLOSES_P.contains(&name) {
                self.close_in_scope(&["p"], Bound::Scope(&["button"]));
            }
            for (starts, closes, bound) in FAMILIES {
                if starts.contains(&name) {
                    self.close_in_scope(closes, *bound);
                }
            }
        }
        if VOID.contains(&name) || (tag.self_closing && !html) {
            return TokenSinkResult::Continue;
        }
        let depth = {
            let mut stack = self.stack.borrow_mut();
            stack.push(tag.name.clone());
            stack.len()
        };
        if matches!(name, "svg" | "math") {
            self.foreign.set(self.foreign.get() + 1);
            if tag.self_closing {
                let mut stack = self.stack.borrow_mut();
                self.pop_to(&mut stack, depth - 1);
            }
        }
        if depth > MAX_DEPTH {
            self.problem.set(Some(Problem::TooDeep));
            return TokenSinkResult::Continue;
        }
        if !html {
            return TokenSinkResult::Continue;
        }
        match name {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }

    fn end(&self, name: &LocalName) {
        let mut stack = self.stack.borrow_mut();
        if let Some(i) = stack.iter().rposition(|n| n == name) {
            self.pop_to(&mut stack, i);
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if self.problem.get().is_some() {
            return TokenSinkResult::Continue;
        }
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => self.start(&tag),
                TagKind::EndTag => {
                    self.end(&tag.name);
                    TokenSinkResult::Continue
                }
            },
            _ => TokenSinkResult::Continue,
        }
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.foreign.get() > 0
    }
}

/// Checks a page's nesting and size; `None` when it may be read.
pub fn check(html: &str) -> Option<Problem> {
    let sink = Sink {
        stack: RefCell::new(Vec::new()),
        foreign: Cell::new(0),
        elements: Cell::new(0),
        problem: Cell::new(None),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    // Fed in pieces, so a refused page is not tokenized to its end.
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(64 * 1024);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        queue.push_back(StrTendril::from_slice(piece));
        let _ = tokenizer.feed(&queue);
        if let Some(p) = tokenizer.sink.problem.get() {
            return Some(p);
        }
    }
    tokenizer.end();
    tokenizer.sink.problem.get()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(tag: &str, n: usize) -> String {
        format!(
            "<html><body>{}text{}</body></html>",
            format!("<{tag}>").repeat(n),
            format!("</{tag}>").repeat(n)
        )
    }

    #[test]
    fn shapes() {
        let cases: Vec<(String, Option<Problem>)> = vec![
            (nested("div", 400), None),
            (nested("div", 600), Some(Problem::TooDeep)),
            (
                format!("<div>{}</div>", "<div>".repeat(20_000)),
                Some(Problem::TooDeep),
            ),
            // Unclosed paragraphs and list items do not nest.
            ("<p>para ".repeat(5_000), None),
            (format!("<ul>{}</ul>", "<li>item ".repeat(5_000)), None),
            (
                format!("<table>{}</table>", "<tr><td>a<td>b".repeat(2_000)),
                None,
            ),
            (
                format!("<table>{}</table>", "<tbody><tr><th>a<td>b".repeat(2_000)),
                None,
            ),
            (
                format!("<dl>{}</dl>", "<dt>term<dd>meaning".repeat(2_000)),
                None,
            ),
            (
                format!("<select>{}</select>", "<option>one".repeat(2_000)),
                None,
            ),
            ("<h2>one<h3>two".repeat(2_000), None),
            // Void and self-closed HTML elements do not open; in SVG they do not either.
            ("<br><img src=x><hr>".repeat(10_000), None),
            (format!("<svg>{}</svg>", "<g/>".repeat(5_000)), None),
            // But a self-closing slash does not close an HTML div.
            ("<div/>".repeat(600), Some(Problem::TooDeep)),
            // Markup inside scripts, styles, comments and titles is text.
            (format!("<script>{}</script>", "<div>".repeat(5_000)), None),
            (format!("<style>{}</style>", "<div>".repeat(5_000)), None),
            (format!("<!--{}-->", "<div>".repeat(5_000)), None),
            (format!("<title>{}</title>", "<div>".repeat(5_000)), None),
            (
                format!("<textarea>{}</textarea>", "<div>".repeat(5_000)),
                None,
            ),
            ("<span>x</span>".repeat(MAX_ELEMENTS), None),
            (
                "<span>x</span>".repeat(MAX_ELEMENTS + 1),
                Some(Problem::TooManyElements),
            ),
        ];
        for (html, want) in cases {
            assert_eq!(check(&html), want, "{:.120}", html);
        }
    }
}
