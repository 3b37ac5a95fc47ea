/** A refusal in the page's language; the server's own words and its stable code follow (SPEC §10.13). */
import { ApiError } from './api.ts';
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

export function explain(err: unknown): string {
  if (!(err instanceof ApiError)) return `${S.refused}: ${String((err as Error | null)?.message)}`;
  const local = S[`err.${err.code}`];
  const detail = detailOf(err.details);
  return `${S.refused}: ${local || err.message} [${err.code}]${local && err.message ? ` — ${err.message}` : ''}${detail ? ` (${detail})` : ''}`;
}
