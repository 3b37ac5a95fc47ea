/**
 * Public sign-in counts (SPEC §10.9.3): tokens issued and voters signed in per local hour, published
 * as `sign-ins` entries once the hour is over (at the next sign-in) or at the close; nothing for an
 * election where no one signs in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ELECTION_DAY,
  openElectionFixture,
  startHarness,
  type Harness,
  type OpenElection,
} from '@saylau/test-kit';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const at = (hm: string) => new Date(`${ELECTION_DAY}T${hm}:00+05:00`);

/** Close the vote at `hm`, signed in then (a session does not outlive the clock's jumps). */
async function closeAt(e: OpenElection, hm: string): Promise<number> {
  h.now.value = at(hm);
  const commission = await h.signIn('commission', undefined, { elections: [e.id] });
  return (await h.api('POST', `/api/elections/${e.id}/close`, {}, commission)).status;
}

async function openWithCodes(): Promise<{ e: OpenElection; codes: [string, string][] }> {
  const e = openElectionFixture(h, { voters: 4 });
  const commission = await h.signIn('commission', undefined, { elections: [e.id] });
  const r = await h.api('POST', `/api/elections/${e.id}/login-codes`, {}, commission);
  expect(r.status).toBe(201);
  return { e, codes: r.body.codes.map((c: { iin: string; code: string }) => [c.iin, c.code]) };
}

const signIns = (id: string) => h.server.ctx.board.ofType(id, 'sign-ins').map((x) => x.payload);
const types = (id: string) =>
  (
    h.server.ctx.db.prepare('SELECT type FROM board WHERE election = ? ORDER BY seq').all(id) as {
      type: string;
    }[]
  ).map((r) => r.type);

describe('sign-ins on the board', () => {
  it('publishes an hour at the first sign-in after it, the rest at the close, before voting-closed', async () => {
    const { e, codes } = await openWithCodes();
    const [[a, codeA], [b, codeB], [c, codeC]] = codes as [
      [string, string],
      [string, string],
      [string, string],
    ];
    const login = (iin: string, code: string) => h.api('POST', `/api/elections/${e.id}/login`, { iin, code });
    for (const [t, iin, code] of [
      ['09:10', a, codeA],
      ['09:40', a, codeA],
      ['09:59', b, codeB],
    ] as const) {
      h.now.value = at(t);
      expect((await login(iin, code)).status).toBe(200);
    }
    // The hour is not over: nothing on the board yet.
    expect(signIns(e.id)).toEqual([]);
    h.now.value = at('11:05');
    expect((await login(c, codeC)).status).toBe(200);
    expect(signIns(e.id)).toEqual([{ hour: `${ELECTION_DAY}T09:00:00+05:00`, tokens: 3, voters: 2 }]);
    // A refused sign-in counts nothing.
    expect((await login(a, codeB)).status).toBe(401);
    expect(await closeAt(e, '20:00')).toBe(200);
    expect(signIns(e.id)).toEqual([
      { hour: `${ELECTION_DAY}T09:00:00+05:00`, tokens: 3, voters: 2 },
      { hour: `${ELECTION_DAY}T11:00:00+05:00`, tokens: 1, voters: 1 },
    ]);
    expect(types(e.id).slice(-4)).toEqual(['sign-ins', 'sign-ins', 'voting-closed', 'tally']);
    // After the close nobody signs in, and nothing more is counted.
    expect((await login(a, codeA)).status).toBe(409);
    const rows = h.server.ctx.db.prepare('SELECT count(*) AS n FROM sign_in_hours WHERE published = 0').get();
    expect(rows).toEqual({ n: 0 });
  });

  it('costs nothing for an election where no one signs in', async () => {
    const { e } = await openWithCodes();
    expect(await closeAt(e, '20:00')).toBe(200);
    expect(signIns(e.id)).toEqual([]);
    const n = (table: string) =>
      (h.server.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([n('sign_in_hours'), n('signed_in_voters')]).toEqual([0, 0]);
  });

  it('shows the counts on the observer page in kk, ru and en, the hour not yet on the board marked', async () => {
    const { e, codes } = await openWithCodes();
    h.now.value = at('09:10');
    const [[iin, code]] = codes as [[string, string]];
    expect((await h.api('POST', `/api/elections/${e.id}/login`, { iin, code })).status).toBe(200);
    const words = {
      kk: ['Кірулер мен сандар', 'тақтада әлі жоқ'],
      ru: ['Входы и подсчёты', 'ещё не на доске'],
      en: ['Sign-ins and counts', 'not yet on the board'],
    } as const;
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const page = await (await fetch(`${h.url}/elections/${e.id}?lang=${lang}`)).text();
      for (const w of words[lang]) expect(page).toContain(w);
      expect(page).toMatch(/data-count="voters">\s*<th>[^<]*<\/th>\s*<td class="num">1<\/td>/);
      expect(page).toMatch(/data-count="tokens">\s*<th>[^<]*<\/th>\s*<td class="num">1<\/td>/);
      expect(page).toContain(`data-hour="${ELECTION_DAY}T09:00:00+05:00"`);
    }
  });
});
