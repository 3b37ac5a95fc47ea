/** The commission session in this browser (protocol's session cookie, SPEC §10.15). */
import { sessionCookie, sessionFromCookies, type Session } from '@saylau/protocol/session-cookie';

export type { Session };

const secure = () => location.protocol === 'https:';

export const session = (): Session | null => sessionFromCookies(document.cookie);

export function saveSession(s: Session): void {
  document.cookie = sessionCookie(s, secure());
}

export function forgetSession(): void {
  document.cookie = sessionCookie(null, secure());
}
