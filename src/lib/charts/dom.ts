// The little DOM that Observable Plot draws the comparison charts into at build time, and its
// serialiser. Plot (with d3-selection) only creates elements, sets attributes, inline styles and
// text, and moves nodes (each linked dot into its <a>); that is all this implements — anything
// else Plot might start calling fails loudly as "not a function". It replaces linkedom for the
// charts because linkedom keeps every node, attribute and style in a linked list with a WeakMap
// entry each, which made Plot on linkedom ~2× the cost of Plot itself (docs/scaling.md, 2026-11-23
// night). The output is the same markup linkedom gave, byte for byte: attributes in the order they
// were first set, inline styles as `name:value` joined by `;`, the class attribute with its tokens
// deduplicated (tests/site-lib.test.ts renders the same charts on both and compares).
//
// Serialisation (not linkedom's outerHTML, which left & and < in attribute values as they were):
// all text and attribute values are escaped (report quotes are untrusted) and coordinates rounded
// to one decimal, as in the string writer (./svg.ts), so the markup is well-formed XML for the
// download too.
import { escapeHtml as esc } from "../labels";

const XHTML = "http://www.w3.org/1999/xhtml";

type Child = ChartElement | ChartText;

class ChartText {
  readonly nodeType = 3;
  parentNode: ChartElement | null = null;
  constructor(
    readonly ownerDocument: ChartDocument,
    public data: string,
  ) {}
  get textContent(): string {
    return this.data;
  }
  set textContent(value: string) {
    this.data = String(value);
  }
}

/** camelCase → hyphen-case as linkedom (its uhyphen) maps style property names. */
const hyphen = (name: string) => name.replace(/(([A-Z0-9])([A-Z0-9][a-z]))|(([a-z0-9]+)([A-Z]))/g, "$2$5-$3$6").toLowerCase();

/** An element's inline style: properties by name, written to its style attribute on every change. */
function styleOf(el: ChartElement): Record<string, unknown> {
  const props = new Map<string, unknown>();
  const write = () => el.attrs.set("style", [...props].map(([k, v]) => `${k}:${v}`).join(";"));
  const set = (name: string, value: unknown) => {
    if (value == null) props.delete(hyphen(name));
    else props.set(hyphen(name), value);
    write();
  };
  const methods: Record<string, unknown> = {
    setProperty: set,
    removeProperty: (name: string) => set(name, null),
    getPropertyValue: (name: string) => props.get(hyphen(name)) ?? "",
  };
  return new Proxy(methods, {
    get: (target, name) => (typeof name === "string" && !(name in target) ? (props.get(hyphen(name)) ?? "") : Reflect.get(target, name)),
    set: (_, name, value) => {
      set(String(name), value);
      return true;
    },
  });
}

class ChartElement {
  readonly nodeType = 1;
  parentNode: ChartElement | null = null;
  readonly childNodes: Child[] = [];
  /** Attribute values by name, in the order they were first set. */
  readonly attrs = new Map<string, string>();
  private styleDecl: Record<string, unknown> | undefined;
  constructor(
    readonly ownerDocument: ChartDocument,
    readonly namespaceURI: string,
    readonly localName: string,
  ) {}
  get tagName(): string {
    return this.localName;
  }
  get nodeName(): string {
    return this.localName;
  }

  setAttribute(name: string, value: unknown): void {
    // linkedom sets class through its token list: split on white space, each token once.
    this.attrs.set(name, name === "class" ? [...new Set(String(value).split(/\s+/))].join(" ") : String(value));
  }
  setAttributeNS(_ns: string | null, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attrs.has(name);
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }
  removeAttributeNS(_ns: string | null, name: string): void {
    this.attrs.delete(name);
  }
  get style(): Record<string, unknown> {
    return (this.styleDecl ??= styleOf(this));
  }

  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join("");
  }
  set textContent(text: unknown) {
    for (const c of this.childNodes) c.parentNode = null;
    this.childNodes.length = 0;
    if (text != null && text !== "") this.appendChild(new ChartText(this.ownerDocument, String(text)));
  }

  insertBefore<T extends Child>(node: T, ref: Child | null): T {
    node.parentNode?.removeChild(node);
    if (ref == null) this.childNodes.push(node);
    else {
      const at = this.childNodes.indexOf(ref);
      if (at < 0) throw new Error("insertBefore: the reference node is not a child of this node");
      this.childNodes.splice(at, 0, node);
    }
    node.parentNode = this;
    return node;
  }
  appendChild<T extends Child>(node: T): T {
    return this.insertBefore(node, null);
  }
  removeChild<T extends Child>(node: T): T {
    const at = this.childNodes.indexOf(node);
    if (at < 0) throw new Error("removeChild: not a child of this node");
    this.childNodes.splice(at, 1);
    node.parentNode = null;
    return node;
  }
  remove(): void {
    this.parentNode?.removeChild(this);
  }
  append(...nodes: (Child | string)[]): void {
    for (const n of nodes) this.appendChild(typeof n === "string" ? new ChartText(this.ownerDocument, n) : n);
  }

  get firstChild(): Child | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): Child | null {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }
  get children(): ChartElement[] {
    return this.childNodes.filter((c): c is ChartElement => c.nodeType === 1);
  }

  /** Only plain tag-name selectors (d3's selectAll and Plot's own lookups use nothing else on our charts). */
  querySelectorAll(selector: string): ChartElement[] {
    if (!/^[a-zA-Z][\w-]*$/.test(selector)) throw new Error(`chart DOM: unsupported selector ${JSON.stringify(selector)}`);
    const out: ChartElement[] = [];
    const walk = (el: ChartElement) => {
      for (const c of el.children) {
        if (c.localName === selector) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }
  querySelector(selector: string): ChartElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }
}

class ChartDocument {
  readonly documentElement: ChartElement = new ChartElement(this, XHTML, "html");
  createElementNS(namespace: string, name: string): ChartElement {
    return new ChartElement(this, namespace, name);
  }
  createElement(name: string): ChartElement {
    return new ChartElement(this, XHTML, name);
  }
  createTextNode(data: string): ChartText {
    return new ChartText(this, String(data));
  }
}

export type { ChartElement, ChartDocument };

/** A fresh document for one chart (cheap: one object and its root element). */
export function chartDocument(): ChartDocument {
  return new ChartDocument();
}

/** Attributes that hold only coordinates: numbers in them are rounded to one decimal. */
const GEOMETRY = new Set(["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "d", "transform", "width", "height"]);
/** Coordinates with three or more decimals to one decimal (em offsets such as 0.32em stay). */
const LONG_DECIMAL = /\d\.\d{3}/;
const round = (v: string) => (LONG_DECIMAL.test(v) ? v.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 10) / 10)) : v);

/** The nodes `serialise` reads: ours, or linkedom's (the tests' reference). */
interface AnyNode {
  nodeType: number;
  textContent?: string | null;
  localName?: string;
  childNodes?: ArrayLike<AnyNode>;
  /** Ours: attributes in the order first set. */
  attrs?: Map<string, string>;
  /** linkedom's: newest first. */
  attributes?: ArrayLike<{ name: string; value: string }>;
}

/** An element's attributes in the order they were first set. */
function attributesOf(el: AnyNode): Iterable<[string, string]> {
  return el.attrs ?? [...Array.from(el.attributes!)].reverse().map((a): [string, string] => [a.name, a.value]);
}

/** The markup of a node and its descendants: escaped text and attributes, rounded coordinates. */
export function serialise(node: object): string {
  const parts: string[] = [];
  write(node as AnyNode, parts);
  return parts.join("");
}

function write(node: AnyNode, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(esc(node.textContent ?? ""));
    return;
  }
  if (node.nodeType !== 1) return;
  const tag = node.localName!.toLowerCase();
  let open = `<${tag}`;
  for (const [name, value] of attributesOf(node)) open += ` ${name}="${esc(GEOMETRY.has(name) ? round(value) : value)}"`;
  const children = node.childNodes!;
  if (!children.length) {
    out.push(`${open}/>`);
    return;
  }
  out.push(`${open}>`);
  for (let i = 0; i < children.length; i++) write(children[i]!, out);
  out.push(`</${tag}>`);
}
