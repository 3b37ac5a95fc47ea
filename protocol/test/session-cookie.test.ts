/** The sign-in cookie both page scripts read and write: one format (SPEC §10.15). */
import { describe, expect, it } from 'vitest';
import { sessionCookie, sessionFromCookies, type Session } from '../src/session-cookie.ts';

const S: Session = { token: 'eyJ.a; b=c.d', user: { name: 'demo-commission', role: 'commission' } };

describe('the session cookie', () => {
  it('reads back what it wrote, among other cookies', () => {
    const set = sessionCookie(S, false);
    expect(set).toMatch(/^saylau\.session=[^;]+; path=\/; SameSite=Strict$/);
    const value = set.split(';')[0]!;
    expect(sessionFromCookies(`a=1; ${value}; b=2`)).toEqual(S);
  });

  it('is Secure on https, and forgetting expires it at once', () => {
    expect(sessionCookie(S, true)).toMatch(/; SameSite=Strict; Secure$/);
    expect(sessionCookie(null, true)).toBe('saylau.session=; max-age=0; path=/; SameSite=Strict; Secure');
  });

  it('gives null for no cookie, an empty one or one that is not JSON', () => {
    expect(sessionFromCookies('')).toBeNull();
    expect(sessionFromCookies('other=1')).toBeNull();
    expect(sessionFromCookies('saylau.session=')).toBeNull();
    expect(sessionFromCookies('saylau.session=%7Bnot-json')).toBeNull();
    expect(sessionFromCookies('saylau.sessionx=%7B%7D')).toBeNull();
  });
});
