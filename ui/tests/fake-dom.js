//! A minimal stand-in for `document`, enough for dom.js: elements record
//! their tag, attributes, listeners and children; text nodes their data.
//! It has no HTML parser at all, which is the point: if the UI ever tried
//! to turn a string into markup, the tests would see a text node or fail.

class FakeText {
  constructor(data) {
    this.nodeType = 3;
    this.data = data;
  }
  get textContent() {
    return this.data;
  }
}

class FakeElement {
  constructor(tag) {
    this.nodeType = 1;
    this.tagName = tag.toUpperCase();
    this.attributes = {};
    this.dataset = {};
    this.listeners = {};
    this.childNodes = [];
    this.className = '';
  }
  setAttribute(k, v) {
    this.attributes[k] = v;
  }
  addEventListener(ev, fn) {
    (this.listeners[ev] ||= []).push(fn);
  }
  append(...nodes) {
    for (const n of nodes) this.childNodes.push(typeof n === 'string' ? new FakeText(n) : n);
  }
  replaceChildren(...nodes) {
    this.childNodes = [];
    this.append(...nodes);
  }
  set textContent(v) {
    this.childNodes = [new FakeText(String(v))];
  }
  get textContent() {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  focus() {}
  set innerHTML(_) {
    throw new Error('innerHTML used');
  }
}

export function installFakeDocument() {
  globalThis.document = {
    createElement: (t) => new FakeElement(t),
    createTextNode: (d) => new FakeText(d),
  };
}

/** Every element in a tree, depth first. */
export function allElements(node, out = []) {
  if (node.nodeType === 1) {
    out.push(node);
    for (const c of node.childNodes) allElements(c, out);
  }
  return out;
}
