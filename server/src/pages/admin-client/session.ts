/**
 * The commission session (SPEC §10.13): the answer of POST /api/session, kept in a session cookie
 * (no expiry: it ends when the browser closes) so that a new tab of the same browser is signed in
 * too. The server never reads the cookie: the pages send the token as `Bearer`.
 */
export interface Session {
  token: string;
  user: { name: string; role: string };
}

const KEY = 'saylau.session';

export function session(): Session | null {
  try {
    const cookie = document.cookie.split('; ').find((c) => c.startsWith(`${KEY}=`));
    return cookie ? (JSON.parse(decodeURIComponent(cookie.slice(KEY.length + 1))) as Session) : null;
  } catch {
    return null;
  }
}

const ATTRIBUTES = `; path=/; SameSite=Strict${location.protocol === 'https:' ? '; Secure' : ''}`;

export function saveSession(s: Session): void {
  document.cookie = `${KEY}=${encodeURIComponent(JSON.stringify(s))}${ATTRIBUTES}`;
}

export function forgetSession(): void {
  document.cookie = `${KEY}=; max-age=0${ATTRIBUTES}`;
}
