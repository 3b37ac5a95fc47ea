/**
 * The commission session (SPEC §10.13): the answer of POST /api/session, kept in this tab's
 * sessionStorage so that it ends with the tab.
 */
export interface Session {
  token: string;
  user: { name: string; role: string };
}

const KEY = 'saylau.session';

export function session(): Session | null {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || 'null') as Session | null;
  } catch {
    return null;
  }
}

export function saveSession(s: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(s));
}

export function forgetSession(): void {
  sessionStorage.removeItem(KEY);
}
