//! The shape check an HTML page passes before readability parses it: at
//! most [`MAX_DEPTH`] levels of element nesting and [`MAX_ELEMENTS`]
//! elements.
//!
//! HTML tree construction and readability both slow down badly on deeply
//! nested input (20,000 levels took seconds, 100,000 minutes), because the
//! HTML tree rules walk the stack of open elements for most tags. A scan of
//! tags alone cannot tell how deep a page really nests (`<span><div></span>`
//! repeated nests, the end tag being ignored; misnested `<b>` is rebuilt by
//! the adoption agency), so the page is run through html5ever's own tree
//! builder into a sink that keeps only the tree's shape (parent and sibling
//! links, no text, no attributes), checks each new node's depth with a walk
//! bounded by the limit, and counts elements. The page is fed in small
//! pieces and feeding stops as soon as a bound is passed, so the open
//! stack, and with it every walk the tree builder makes, stays within a
//! constant of the limit: the check is linear. The bounds are generous:
//! real pages nest a few dozen levels and rarely hold more than a few
//! thousand elements.

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, QualName, local_name, ns};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

/// The deepest nesting of elements read.
pub const MAX_DEPTH: usize = 512;
/// The most elements a page may hold.
pub const MAX_ELEMENTS: usize = 200_000;
/// Bytes fed to the parser between checks.
const PIECE: usize = 4 * 1024;

/// Why a page is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    TooDeep,
    TooManyElements,
}

const NONE: usize = usize::MAX;
/// The document node.
const DOCUMENT: usize = 0;
/// The one handle every comment and processing instruction gets: never
/// linked into the tree.
const LEAF: usize = 1;

/// A node of the shape: links only.
struct Node {
    name: QualName,
    parent: usize,
    first: usize,
    last: usize,
    prev: usize,
    next: usize,
    /// For a template's contents: the template element.
    host: usize,
    /// For a template element: its contents fragment.
    contents: usize,
}

impl Node {
    fn new(name: QualName) -> Node {
        Node {
            name,
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            host: NONE,
            contents: NONE,
        }
    }
}

struct Shape {
    nodes: RefCell<Vec<Node>>,
    elements: Cell<usize>,
    problem: Cell<Option<Problem>>,
}

impl Shape {
    fn new() -> Shape {
        let blank = || QualName::new(None, ns!(), local_name!(""));
        Shape {
            nodes: RefCell::new(vec![Node::new(blank()), Node::new(blank())]),
            elements: Cell::new(0),
            problem: Cell::new(None),
        }
    }

    fn fail(&self, p: Problem) {
        if self.problem.get().is_none() {
            self.problem.set(Some(p));
        }
    }

    fn detach(nodes: &mut [Node], c: usize) {
        let (parent, prev, next) = (nodes[c].parent, nodes[c].prev, nodes[c].next);
        if parent == NONE {
            return;
        }
        if prev != NONE {
            nodes[prev].next = next;
        } else {
            nodes[parent].first = next;
        }
        if next != NONE {
            nodes[next].prev = prev;
        } else {
            nodes[parent].last = prev;
        }
        let n = &mut nodes[c];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    fn append_child(nodes: &mut [Node], p: usize, c: usize) {
        Self::detach(nodes, c);
        let last = nodes[p].last;
        nodes[c].parent = p;
        nodes[c].prev = last;
        if last != NONE {
            nodes[last].next = c;
        } else {
            nodes[p].first = c;
        }
        nodes[p].last = c;
    }

    fn insert_before(nodes: &mut [Node], sibling: usize, c: usize) {
        let p = nodes[sibling].parent;
        if p == NONE {
            return;
        }
        Self::detach(nodes, c);
        let prev = nodes[sibling].prev;
        nodes[c].parent = p;
        nodes[c].next = sibling;
        nodes[c].prev = prev;
        if prev != NONE {
            nodes[prev].next = c;
        } else {
            nodes[p].first = c;
        }
        nodes[sibling].prev = c;
    }

    /// Refuses the page when `c` lies deeper than the limit; the walk up
    /// stops at the limit.
    fn check_depth(&self, nodes: &[Node], c: usize) {
        let mut depth = 0;
        let mut at = c;
        while at != NONE && at != DOCUMENT {
            depth += 1;
            if depth > MAX_DEPTH {
                self.fail(Problem::TooDeep);
                return;
            }
            let n = &nodes[at];
            at = if n.parent != NONE { n.parent } else { n.host };
        }
    }

    /// The deepest node of the whole tree (template contents included),
    /// by an iterative walk; nodes moved after they were checked count too.
    fn max_depth(&self) -> usize {
        let nodes = self.nodes.borrow();
        let mut deepest = 0;
        let mut stack = vec![(DOCUMENT, 0usize)];
        while let Some((n, d)) = stack.pop() {
            deepest = deepest.max(d);
            if deepest > MAX_DEPTH {
                break;
            }
            if nodes[n].contents != NONE {
                stack.push((nodes[n].contents, d + 1));
            }
            let mut c = nodes[n].first;
            while c != NONE {
                stack.push((c, d + 1));
                c = nodes[c].next;
            }
        }
        deepest
    }

    fn add(&self, parent: usize, child: NodeOrText<usize>, before: Option<usize>) {
        let NodeOrText::AppendNode(c) = child else {
            return;
        };
        if c == LEAF || self.problem.get().is_some() {
            return;
        }
        let mut nodes = self.nodes.borrow_mut();
        match before {
            Some(sibling) => Self::insert_before(&mut nodes, sibling, c),
            None => Self::append_child(&mut nodes, parent, c),
        }
        self.check_depth(&nodes, c);
    }
}

impl TreeSink for Shape {
    type Handle = usize;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |n| &n[*target].name)
    }

    fn create_element(&self, name: QualName, _attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let count = self.elements.get() + 1;
        self.elements.set(count);
        if count > MAX_ELEMENTS {
            self.fail(Problem::TooManyElements);
        }
        let mut nodes = self.nodes.borrow_mut();
        let id = nodes.len();
        nodes.push(Node::new(name));
        if flags.template {
            let frag = nodes.len();
            let mut f = Node::new(QualName::new(None, ns!(), local_name!("")));
            f.host = id;
            nodes.push(f);
            nodes[id].contents = frag;
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        LEAF
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        LEAF
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        self.add(*parent, child, None);
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        let has_parent = self.nodes.borrow()[*element].parent != NONE;
        if has_parent {
            self.add(NONE, child, Some(*element));
        } else {
            self.add(*prev_element, child, None);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        let c = self.nodes.borrow()[*target].contents;
        if c == NONE { *target } else { c }
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        self.add(NONE, new_node, Some(*sibling));
    }

    fn add_attrs_if_missing(&self, _target: &usize, _attrs: Vec<Attribute>) {}

    fn remove_from_parent(&self, target: &usize) {
        if *target != LEAF {
            Self::detach(&mut self.nodes.borrow_mut(), *target);
        }
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let mut c = nodes[*node].first;
        while c != NONE {
            let next = nodes[c].next;
            Self::append_child(&mut nodes, *new_parent, c);
            c = next;
        }
        // The moved subtrees are one level deeper: the final walk sees it.
    }
}

/// Checks a page's nesting and size; `None` when it may be read.
pub fn check(html: &str) -> Option<Problem> {
    let opts = TreeBuilderOpts {
        // As dom_query parses: <noscript> content is markup.
        scripting_enabled: false,
        ..Default::default()
    };
    let tokenizer = Tokenizer::new(
        TreeBuilder::new(Shape::new(), opts),
        TokenizerOpts::default(),
    );
    let queue = BufferQueue::default();
    let shape = || &tokenizer.sink.sink;
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(PIECE);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        queue.push_back(StrTendril::from_slice(piece));
        while let TokenizerResult::Script(_) = tokenizer.feed(&queue) {}
        if let Some(p) = shape().problem.get() {
            return Some(p);
        }
    }
    tokenizer.end();
    if let Some(p) = shape().problem.get() {
        return Some(p);
    }
    (shape().max_depth() > MAX_DEPTH).then_some(Problem::TooDeep)
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
            // An end tag a tag scanner would take at face value: </span>
            // that meets an open div is ignored, so this nests 800 deep.
            ("<span><div></span>".repeat(400), Some(Problem::TooDeep)),
            // <noscript> content is markup (dom_query parses without scripting).
            (
                format!("<noscript>{}</noscript>", "<div>".repeat(600)),
                Some(Problem::TooDeep),
            ),
            (
                format!("<template>{}</template>", "<div>".repeat(600)),
                Some(Problem::TooDeep),
            ),
            // Markup inside scripts, styles, comments and titles is text.
            (format!("<script>{}</script>", "<div>".repeat(5_000)), None),
            (format!("<style>{}</style>", "<div>".repeat(5_000)), None),
            (format!("<!--{}-->", "<div>".repeat(5_000)), None),
            (format!("<title>{}</title>", "<div>".repeat(5_000)), None),
            (
                format!("<textarea>{}</textarea>", "<div>".repeat(5_000)),
                None,
            ),
            // html, head and body are implied: three elements more.
            ("<span>x</span>".repeat(MAX_ELEMENTS - 3), None),
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
