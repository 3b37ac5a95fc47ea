/** Server-rendered HTML: every value escaped, no inline script or style (the CSP forbids both). */
import { LANGS, LANG_NAMES, isLang, type Lang } from '@saylau/protocol/lang';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A tagged template that escapes interpolations unless they are already `Html`. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

function render(v: unknown): string {
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return esc(v);
}

export function langOf(q: unknown): Lang {
  return isLang(q) ? q : 'kk';
}

export function page(lang: Lang, title: string, body: Html): string {
  return pageWithScripts(lang, title, body, []);
}

/** The language switch; `path` is the page's own path (without query). */
export function langNav(lang: Lang, path: string): Html {
  return html`<nav class="langs" aria-label="Language / Тіл / Язык">
    ${LANGS.map(
      (l) =>
        html`<a href="${path}?lang=${l}" lang="${l}" ${l === lang ? html`aria-current="true"` : ''}
          >${LANG_NAMES[l]}</a
        >`,
    )}
  </nav>`;
}

/** A page with scripts: each an ES module served from /assets (the CSP allows 'self' only). */
export function pageWithScripts(
  lang: Lang,
  title: string,
  body: Html,
  scripts: string[],
  data: Record<string, string> = {},
): string {
  const attrs = Object.entries(data).map(([k, v]) => html` data-${k}="${v}"`);
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="stylesheet" href="/assets/saylau.css" />
        ${scripts.map((s) => html`<script type="module" src="${s}"></script>`)}
      </head>
      <body${attrs}>
        ${body}
      </body>
    </html> `.text;
}
