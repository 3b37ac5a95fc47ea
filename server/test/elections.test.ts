import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISTRICT, ELECTION_DAY, startHarness, type Harness } from '@saylau/test-kit';
import { defaultCalendar, signatureThreshold, PROFILES } from '../src/index.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('calendar and profiles', () => {
  it('derives the default calendar in Almaty time', () => {
    expect(defaultCalendar('2026-12-20')).toEqual({
      nominationCloses: '2026-11-24T18:00:00+05:00',
      registrationCloses: '2026-11-29T18:00:00+05:00',
      votingOpens: '2026-12-20T07:00:00+05:00',
      votingCloses: '2026-12-20T20:00:00+05:00',
    });
  });
  it('takes ceil(1%) of the roll as the signature threshold', () => {
    expect(signatureThreshold(PROFILES.reform, 850)).toBe(9);
    expect(signatureThreshold(PROFILES.reform, 900)).toBe(9);
    expect(signatureThreshold(PROFILES.reform, 901)).toBe(10);
    expect(signatureThreshold(PROFILES.reform, 1)).toBe(1);
  });
});

describe('POST /api/elections', () => {
  it('creates an election whose manifest is the first board entry', async () => {
    const token = await h.admin();
    const r = await h.api(
      'POST',
      '/api/elections',
      { id: 'aksu-2026', district: DISTRICT, electionDay: ELECTION_DAY },
      token,
    );
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('nominations');
    expect(r.body.manifest.profile.name).toBe('reform');
    expect(r.body.manifest.serverKey).toBe(h.server.ctx.keys.board.publicKeyHex);
    const board = h.server.ctx.board.ofType('aksu-2026', 'manifest');
    expect(board).toHaveLength(1);
    expect(board[0]!.seq).toBe(0);
    const list = await h.api('GET', '/api/elections');
    expect(list.body.elections.map((e: { id: string }) => e.id)).toEqual(['aksu-2026']);
  });

  it('fixes a referendum ballot at creation: yes then no per question', async () => {
    const token = await h.admin();
    const r = await h.api(
      'POST',
      '/api/elections',
      {
        id: 'ref-1',
        kind: 'referendum',
        district: DISTRICT,
        electionDay: ELECTION_DAY,
        questions: [
          { id: 'q1', text: { kk: 'Жол салу керек пе?', ru: 'Строить дорогу?', en: 'Build the road?' } },
        ],
      },
      token,
    );
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('ballot-fixed');
    expect(r.body.contests[0].options.map((o: { id: string }) => o.id)).toEqual(['yes', 'no']);
  });

  it('refuses without a session, with the wrong role, and with bad input — writing nothing', async () => {
    const before = h.snapshot();
    const observer = await h.signIn('observer');
    // Only an administrator creates elections (SPEC §10.13): not the commission, which runs them.
    const commission = await h.signIn('commission');
    const admin = await h.admin();
    const base = { district: DISTRICT, electionDay: ELECTION_DAY };
    const cases: [unknown, string | null, number, string][] = [
      [base, null, 401, 'NOT_SIGNED_IN'],
      [base, 'not-a-jwt', 401, 'BAD_SESSION'],
      [base, observer, 403, 'FORBIDDEN'],
      [base, commission, 403, 'FORBIDDEN'],
      [base, await h.signIn('trustee'), 403, 'FORBIDDEN'],
      [base, await h.signIn('credential-authority'), 403, 'FORBIDDEN'],
      [{ ...base, electionDay: '2026-02-30' }, admin, 400, 'BAD_REQUEST'],
      [{ ...base, district: { kk: 'x', ru: 'y' } }, admin, 400, 'BAD_REQUEST'],
      [{ ...base, __proto__: { admin: true }, extra: 1 }, admin, 400, 'BAD_REQUEST'],
      [{ ...base, kind: 'referendum' }, admin, 400, 'BAD_REQUEST'],
      [{ ...base, calendar: { votingOpens: '2026-12-20T21:00:00+05:00' } }, admin, 400, 'BAD_CALENDAR'],
      ['{"district": ', admin, 400, 'BAD_JSON'],
      [{ ...base, id: 'x'.repeat(300_000) }, admin, 413, 'BODY_TOO_LARGE'],
    ];
    for (const [body, token, status, code] of cases) {
      const r = await h.api('POST', '/api/elections', body, token);
      expect({ status: r.status, code: r.body?.error?.code }).toEqual({ status, code });
    }
    const after = h.snapshot();
    expect({ ...after, users: before.users }).toEqual(before);
  });

  it('refuses a second election with the same id', async () => {
    const token = await h.admin();
    const body = { id: 'dup', district: DISTRICT, electionDay: ELECTION_DAY };
    expect((await h.api('POST', '/api/elections', body, token)).status).toBe(201);
    const before = h.snapshot();
    const r = await h.api('POST', '/api/elections', body, token);
    expect([r.status, r.body.error.code]).toEqual([409, 'ELECTION_EXISTS']);
    expect(h.snapshot()).toEqual(before);
  });

  it('answers unknown elections and endpoints with 404 codes', async () => {
    expect((await h.api('GET', '/api/elections/nope')).body.error.code).toBe('NO_ELECTION');
    expect((await h.api('GET', '/api/nothing-here')).body.error.code).toBe('NOT_FOUND');
  });
});

describe('opening the vote', () => {
  it('opens a ready election and posts its §8.1 parameters', async () => {
    const { openElectionFixture } = await import('@saylau/test-kit');
    const e = openElectionFixture(h, { voters: 5 });
    const r = await h.api('GET', `/api/elections/${e.id}`);
    expect(r.body.status).toBe('open');
    expect(r.body.params.contests).toEqual([{ id: 'akim', options: 4 }]);
    expect(h.server.ctx.board.latest(e.id, 'voting-opened')!.payload).toEqual({ params: r.body.params });
  });

  it('refuses to open before the roll, key and credentials exist, or outside the voting hours', async () => {
    let token = await h.signIn('commission');
    await h.createElection(
      {
        id: 'e1',
        kind: 'referendum',
        district: DISTRICT,
        electionDay: ELECTION_DAY,
        questions: [{ id: 'q1', text: DISTRICT }],
      },
      token,
    );
    const before = h.snapshot();
    let r = await h.api('POST', '/api/elections/e1/open', {}, token);
    expect([r.status, r.body.error.code]).toEqual([409, 'TOO_EARLY']);
    h.now.value = new Date(`${ELECTION_DAY}T09:00:00+05:00`);
    r = await h.api('POST', '/api/elections/e1/open', {}, token);
    expect(r.body.error.code).toBe('BAD_SESSION'); // the 8-hour session ended weeks ago
    token = await h.signInAgain(token);
    r = await h.api('POST', '/api/elections/e1/open', {}, token);
    expect([r.status, r.body.error.code, r.body.error.details.missing]).toEqual([
      409,
      'NOT_READY',
      { missing: ['roll', 'joint-key', 'credentials'] }.missing,
    ]);
    h.now.value = new Date(`${ELECTION_DAY}T20:00:00+05:00`);
    token = await h.signInAgain(token);
    r = await h.api('POST', '/api/elections/e1/open', {}, token);
    expect([r.status, r.body.error.code]).toEqual([409, 'TOO_LATE']);
    expect(h.snapshot()).toEqual(before);
  });
});
