/** Building the page's tables and controls without HTML strings (the CSP and the values' safety). */
import type { Names } from './api.ts';
import { lang } from './page.ts';

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined;

/** An element; `text` sets its text, an attribute `false` or `undefined` is left out, `true` is bare. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') e.textContent = String(v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/** A button in Saylau's look (look.css `.button`); `secondary` for the less usual choice. */
export function makeButton(
  id: string,
  text: string,
  kind: 'primary' | 'secondary' = 'primary',
  attrs: Attrs = {},
) {
  const cls = kind === 'secondary' ? 'button secondary' : 'button';
  return el('button', { type: 'button', class: cls, id, text, ...attrs });
}

/** A table whose rows become cards on a phone, each cell labelled with its column (pages.css `table.stack`). */
export function table(headers: string[], rows: HTMLElement[]): HTMLTableElement {
  for (const r of rows)
    Array.from(r.children).forEach((c, i) => c.setAttribute('data-label', headers[i] ?? ''));
  return el(
    'table',
    { class: 'stack' },
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { text: h })))),
    el('tbody', {}, ...rows),
  );
}

/** A name in the page's language, else in Kazakh. */
export const pick = (names: Names | undefined) =>
  names && typeof names === 'object' ? names[lang] || names.kk : '';
