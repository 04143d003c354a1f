/** What an element may hold: nodes and text; `null`, `undefined` and `false` are left out, so conditions read inline. */
export type Child = Node | string | number | null | undefined | false;

type Attributes = Record<string, string | number | boolean | EventListener | undefined>;

/**
 * An HTML element with attributes, listeners (`on<event>`) and children. Text is always set as text,
 * never parsed as markup, so data from the API cannot inject elements or scripts.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  return fill(document.createElement(tag), attributes, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, as `h` makes HTML ones. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

function fill<E extends Element>(element: E, attributes: Attributes, children: Child[]): E {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.filter((child): child is Node | string | number => child !== null && child !== undefined && child !== false).map((child) => (typeof child === 'number' ? String(child) : child)));
  return element;
}

/** A table of `rows` under `headers`, in a region that scrolls sideways on narrow screens (and by keyboard: it is focusable). */
export function table(caption: string, headers: readonly string[], rows: readonly Child[][]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption },
    h('table', {}, h('caption', {}, caption), h('thead', {}, h('tr', {}, ...headers.map((header) => h('th', { scope: 'col' }, header)))), h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell)))))),
  );
}

/** A table of `rows`, or the sentence `none` when there are none. */
export function tableOr(none: string, caption: string, headers: readonly string[], rows: readonly Child[][]): HTMLElement {
  return rows.length === 0 ? h('p', {}, none) : table(caption, headers, rows);
}

/** A labelled control: the label's `for` points at the control's id. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

/** The page's title: focused when the page opens, so a screen reader starts there. */
export function pageHeading(text: string): HTMLHeadingElement {
  return h('h1', { tabindex: -1 }, text);
}
