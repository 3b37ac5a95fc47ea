/**
 * What the tools' pages share (the trustee page here, the credential authority's page in
 * ../credential-page/): the page's data, its notice, a refusal in its language (SPEC §10.15) and
 * the sign-in of the commission page, kept in a session cookie shared by the browser's tabs.
 */
import { Code } from '@saylau/protocol/errors';
import { ENDPOINTS } from '@saylau/protocol/endpoints';
import { showError } from '@saylau/protocol/refusals';
import { sessionCookie, sessionFromCookies, type Session } from '@saylau/protocol/session-cookie';
import { call, type Api } from '../http.ts';

const body = document.body;
/** The page's strings (its catalog and the refusals), rendered by the server into data-strings. */
export const S = JSON.parse(body.dataset.strings ?? '{}') as Record<string, string>;
export const election = body.dataset.election!;
export const lang = body.dataset.lang ?? 'kk';
export const $ = (id: string) => document.getElementById(id)!;

export function notice(content: string | Node, kind: 'info' | 'error' = 'info') {
  const n = $('notice');
  n.replaceChildren(content);
  n.className = `notice ${kind}`;
  n.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

/**
 * A refusal in the page's language (SPEC §10.15): the text of its code (protocol's refusal
 * catalog, in the page's strings), then the code in small print; never the English message behind
 * it (protocol's `showError`).
 */
export function explain(e: unknown): HTMLElement {
  const shown = showError(S, e);
  const span = document.createElement('span');
  span.className = 'refusal';
  span.textContent = shown.text;
  if (shown.code) span.dataset.code = shown.code;
  if (shown.small !== undefined) {
    const small = document.createElement('small');
    small.className = 'code';
    // A code, not words: it stays as it is in every language.
    small.translate = false;
    small.textContent = shown.small;
    span.append(' ', small);
  }
  return span;
}

/**
 * The sign-in of the commission page (/admin), shown in the session bar with its sign-out; with
 * none, a notice linking to the sign-in, and null.
 */
export function signedIn(): Session | null {
  const s = sessionFromCookies(document.cookie);
  if (!s) {
    notice(S['err.NOT_SIGNED_IN']!, 'error');
    const link = document.createElement('a');
    link.href = `/admin?lang=${lang}`;
    link.textContent = S.signIn ?? '→';
    $('notice').append(' ', link);
    return null;
  }
  // The account's name stays as it is; its role in the page's language.
  const name = document.createElement('span');
  name.translate = false;
  name.textContent = s.user.name;
  $('whoami').replaceChildren(name, ` (${S[`role.${s.user.role}`] ?? s.user.role})`);
  $('session-bar').hidden = false;
  $('signout').addEventListener('click', () => {
    document.cookie = sessionCookie(null, location.protocol === 'https:');
    location.href = `/admin?lang=${lang}`;
  });
  return s;
}

/** The steps are for an account of `role` holding this election only (SPEC §10.13): else refused. */
export async function checkGrant(api: Api, s: Session, role: string): Promise<void> {
  const held = (await call(api, ENDPOINTS.sessionInfo, {})).elections;
  if (s.user.role !== role || !held.includes(election))
    throw Object.assign(new Error(), { code: s.user.role === role ? Code.NOT_GRANTED : Code.FORBIDDEN });
}
