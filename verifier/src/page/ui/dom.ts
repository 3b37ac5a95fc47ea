/** Building the page's elements: text only through text nodes, never markup, so nothing a board says is ever HTML. */

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | number | null | undefined | false;

/** `h('p', { class: 'x' }, 'text', child)`; an attribute that is false, null or undefined is left out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'object' ? c : String(c));
  }
  return el;
}

/** Replace the children of `el`. */
export function fill(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'object' ? c : String(c));
  }
}

/** Commands, files and paths the page's texts name: the same in every language, so shown as code. */
const CODES = [
  'GET /api/booth',
  'sha256sum saylau-verify.html',
  'npm run build',
  'npx saylau-verify',
  'saylau-verify.html',
  'saylau-receipt-….json',
  'board.jsonl',
  '/api/verifier',
  'saylau-verify',
];
const CODE_RE = new RegExp(CODES.map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'g');

/** A text with each command, file or path it names in `<code translate="no">`. */
export function withCode(text: string): (string | HTMLElement)[] {
  const out: (string | HTMLElement)[] = [];
  let at = 0;
  for (const m of text.matchAll(CODE_RE)) {
    out.push(text.slice(at, m.index), h('code', { translate: 'no' }, m[0]));
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out.filter((x) => x !== '');
}
