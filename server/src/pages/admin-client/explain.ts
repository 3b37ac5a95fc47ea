/**
 * A refusal in the page's language (SPEC §10.15): the text of its code (protocol's refusal
 * catalog, in the page's strings), then the code and any details in small print. The server's own
 * words, in English, are not shown: every code has its text. An error that is not a refusal is
 * the page's own words when it says one of its strings.
 */
import { showError } from '@saylau/protocol/refusals';
import { ApiError } from './api.ts';
import { el } from './dom.ts';
import { S } from './page.ts';

/** The details of an error body: zod issues `[{path, message}]`, or an object of named values. */
function detailOf(details: unknown): string {
  const text = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (Array.isArray(details))
    return details
      .map((d: { path?: string; field?: string }) => d.path || d.field || '')
      .filter(Boolean)
      .join(', ');
  if (details && typeof details === 'object')
    return Object.entries(details)
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map(text).join(', ') : text(v)}`)
      .join('; ');
  return '';
}

/** The refusal's text, then `<small class="code">CODE (details)</small>` (protocol's `showError`). */
export function explain(err: unknown): HTMLElement {
  const shown = showError(S, err);
  const detail = err instanceof ApiError ? detailOf(err.details) : '';
  const small = shown.small === undefined ? '' : detail ? `${shown.small} (${detail})` : shown.small;
  return el(
    'span',
    { class: 'refusal', 'data-code': shown.code },
    shown.text,
    ...(small ? [' ', el('small', { class: 'code', translate: 'no', text: small })] : []),
  );
}
