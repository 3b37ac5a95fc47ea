/**
 * The commission and trustee pages' sign-in (SPEC §10.15): the answer of POST /api/session, kept in
 * a session cookie (no expiry: it ends when the browser closes) so that every tab of the browser is
 * signed in. The server never reads the cookie: the pages send the token as `Bearer`. Pure functions
 * over `document.cookie`'s text, so both pages' scripts share one format.
 */
export interface Session {
  token: string;
  user: { name: string; role: string };
}

const KEY = 'saylau.session';

/** The session in a `document.cookie` string, or null (none, or not readable). */
export function sessionFromCookies(cookies: string): Session | null {
  const cookie = cookies.split('; ').find((c) => c.startsWith(`${KEY}=`));
  if (!cookie) return null;
  try {
    return JSON.parse(decodeURIComponent(cookie.slice(KEY.length + 1))) as Session;
  } catch {
    return null;
  }
}

/** What to assign to `document.cookie` to keep `session`, or, given null, to forget it. */
export function sessionCookie(session: Session | null, secure: boolean): string {
  const attributes = `; path=/; SameSite=Strict${secure ? '; Secure' : ''}`;
  return session === null
    ? `${KEY}=; max-age=0${attributes}`
    : `${KEY}=${encodeURIComponent(JSON.stringify(session))}${attributes}`;
}
