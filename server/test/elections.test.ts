import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISTRICT, ELECTION_DAY, expectRefused, startHarness, type Harness } from '@saylau/test-kit';
import {
  calendarProblem,
  createElection,
  defaultCalendar,
  signatureThreshold,
  PROFILES,
} from '../src/index.ts';

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
  it('closes nomination and registration 15 and 10 days ahead under law-2021 (the 2021 calendar)', () => {
    // 25 July 2021: nomination until 9 July, registration until 14 July 18:00 (SPEC §10.2).
    expect(defaultCalendar('2021-07-25', 'law-2021')).toEqual({
      nominationCloses: '2021-07-09T18:00:00+05:00',
      registrationCloses: '2021-07-14T18:00:00+05:00',
      votingOpens: '2021-07-25T07:00:00+05:00',
      votingCloses: '2021-07-25T20:00:00+05:00',
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
    expect(r.body.manifest.serverKey).toBe(h.server.ctx.keys.board.publicKeyText);
    const board = h.server.ctx.board.ofType('aksu-2026', 'manifest');
    expect(board).toHaveLength(1);
    expect(board[0]!.seq).toBe(0);
    const list = await h.api('GET', '/api/elections');
    expect(list.body.elections.map((e: { id: string }) => e.id)).toEqual(['aksu-2026']);
  });

  it('fixes a referendum ballot at creation: yes, no and (under reform) abstain per question', async () => {
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
          {
            id: 'q1',
            text: { kk: 'Жол салу керек пе?', ru: 'Строить дорогу?', en: 'Build the road?' },
            subject: 'local-amenities',
          },
        ],
      },
      token,
    );
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('ballot-fixed');
    // The reform profile offers "abstain" (SPEC §10.2); law-2021 does not.
    expect(r.body.contests[0].options.map((o: { id: string }) => o.id)).toEqual(['yes', 'no', 'abstain']);
    expect(r.body.manifest.questions[0].subject).toBe('local-amenities');
    expect(r.body.manifest.profile).toMatchObject({ abstain: true, turnoutPercent: 50 });
    const law = await h.api(
      'POST',
      '/api/elections',
      {
        id: 'ref-2',
        kind: 'referendum',
        district: DISTRICT,
        electionDay: ELECTION_DAY,
        profile: { name: 'law-2021' },
        questions: [{ id: 'q1', text: DISTRICT, subject: 'community-life' }],
      },
      token,
    );
    expect(law.status).toBe(201);
    expect(law.body.contests[0].options.map((o: { id: string }) => o.id)).toEqual(['yes', 'no']);
    expect(law.body.manifest.profile).toMatchObject({ abstain: false, turnoutPercent: 50 });
  });

  it('refuses a question on a subject the law keeps from a referendum, and an unknown subject, writing nothing', async () => {
    const token = await h.admin();
    const before = h.snapshot();
    const body = (subject: string) => ({
      id: 'ref-x',
      kind: 'referendum',
      district: DISTRICT,
      electionDay: ELECTION_DAY,
      questions: [
        { id: 'q1', text: DISTRICT, subject: 'local-development' },
        { id: 'q2', text: DISTRICT, subject },
      ],
    });
    for (const subject of ['budget-and-taxes', 'state-foundations', 'amnesty-and-pardon', 'appointments']) {
      const r = await h.api('POST', '/api/elections', body(subject), token);
      expect([r.status, r.body.error.code, r.body.error.details]).toEqual([
        422,
        'EXCLUDED_QUESTION',
        { field: 'questions[1].subject', subject },
      ]);
    }
    for (const b of [body('lottery'), { ...body('x'), questions: [{ id: 'q1', text: DISTRICT }] }]) {
      const r = await h.api('POST', '/api/elections', b, token);
      expect([r.status, r.body.error.code]).toEqual([400, 'BAD_REQUEST']);
    }
    expect(h.snapshot()).toEqual(before);
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

describe('a calendar in the past is refused (SPEC §10.1)', () => {
  const at = (t: string) => new Date(t);
  const E = defaultCalendar(ELECTION_DAY);

  it('checks election day, the order and the deadlines against an injected now', () => {
    // The harness's clock: 2026-11-01 09:00 local, well before every default deadline.
    expect(calendarProblem(ELECTION_DAY, E, at('2026-11-01T09:00:00+05:00'))).toBeNull();
    // Nomination closes 2026-11-24 18:00: a minute before is fine, at that instant it has passed.
    expect(calendarProblem(ELECTION_DAY, E, at('2026-11-24T17:59:00+05:00'))).toBeNull();
    expect(calendarProblem(ELECTION_DAY, E, at('2026-11-24T18:00:00+05:00'))).toMatchObject({
      code: 'CALENDAR_PASSED',
      field: 'calendar.nominationCloses',
    });
    // Registration closing at or after now, nomination already extended past now.
    const late = { ...E, nominationCloses: '2026-11-25T18:00:00+05:00' };
    expect(calendarProblem(ELECTION_DAY, late, at('2026-11-29T18:00:00+05:00'))).toMatchObject({
      code: 'CALENDAR_PASSED',
      field: 'calendar.nominationCloses',
    });
    // Election day is by the local date: 19:00 UTC on 19 December is already the 20th in Almaty.
    expect(
      calendarProblem('2026-12-19', defaultCalendar('2026-12-19'), at('2026-12-19T19:00:00Z')),
    ).toMatchObject({ code: 'CALENDAR_PASSED', field: 'electionDay' });
    expect(
      calendarProblem('2020-01-01', defaultCalendar('2020-01-01'), at('2026-12-07T12:00:00Z')),
    ).toMatchObject({ code: 'CALENDAR_PASSED', field: 'electionDay' });
    // Out of order, and registration closing on election day itself.
    expect(
      calendarProblem(
        ELECTION_DAY,
        { ...E, nominationCloses: '2026-11-30T18:00:00+05:00' },
        at('2026-11-01T09:00:00+05:00'),
      ),
    ).toMatchObject({ code: 'BAD_CALENDAR', field: 'calendar.registrationCloses' });
    expect(
      calendarProblem(
        ELECTION_DAY,
        { ...E, registrationCloses: '2026-12-20T00:00:00+05:00' },
        at('2026-11-01T09:00:00+05:00'),
      ),
    ).toMatchObject({ code: 'BAD_CALENDAR', field: 'calendar.registrationCloses' });
    expect(
      calendarProblem(
        ELECTION_DAY,
        { ...E, registrationCloses: '2026-12-19T23:59:00+05:00' },
        at('2026-11-01T09:00:00+05:00'),
      ),
    ).toBeNull();
  });

  it('takes the service its now: the same election is refused after its nomination closed', () => {
    const ctx = h.server.ctx;
    const body = { id: 'late', district: DISTRICT, electionDay: ELECTION_DAY };
    const before = h.snapshot();
    expect(() => createElection(ctx, body, 'test', at('2026-11-25T09:00:00+05:00'))).toThrow(
      expect.objectContaining({ status: 422, code: 'CALENDAR_PASSED' }),
    );
    expect(h.snapshot()).toEqual(before);
    const e = createElection(ctx, body, 'test', at('2026-11-20T09:00:00+05:00'));
    expect(e.calendar).toEqual(E);
  });

  it('refuses over HTTP, writing nothing: past election day, past deadlines, deadlines out of order', async () => {
    const admin = await h.admin();
    const day = (hhmm: string, d: string) => `2026-${d}T${hhmm}:00+05:00`;
    // [what, election day, calendar given, status, code, field named]
    const cases: [string, string, object, number, string, string][] = [
      [
        "the issue's case: 2020-01-01 with its 2019 calendar",
        '2020-01-01',
        {},
        422,
        'CALENDAR_PASSED',
        'electionDay',
      ],
      [
        'election day ahead, its default nomination deadline (E−26) behind the clock',
        '2026-11-20',
        {},
        422,
        'CALENDAR_PASSED',
        'calendar.nominationCloses',
      ],
      [
        'a nomination deadline given in the past',
        ELECTION_DAY,
        { nominationCloses: day('18:00', '10-31') },
        422,
        'CALENDAR_PASSED',
        'calendar.nominationCloses',
      ],
      [
        'both deadlines past, in order: the first is named',
        ELECTION_DAY,
        { nominationCloses: day('18:00', '10-01'), registrationCloses: day('18:00', '10-31') },
        422,
        'CALENDAR_PASSED',
        'calendar.nominationCloses',
      ],
      [
        'registration closing before nomination',
        ELECTION_DAY,
        { nominationCloses: day('18:00', '12-01'), registrationCloses: day('18:00', '11-28') },
        400,
        'BAD_CALENDAR',
        'calendar.registrationCloses',
      ],
      [
        'registration closing on election day, before voting opens',
        ELECTION_DAY,
        { registrationCloses: day('06:00', '12-20') },
        400,
        'BAD_CALENDAR',
        'calendar.registrationCloses',
      ],
      [
        'registration after election day, voting moved with it',
        ELECTION_DAY,
        {
          registrationCloses: day('18:00', '12-21'),
          votingOpens: day('07:00', '12-22'),
          votingCloses: day('20:00', '12-22'),
        },
        400,
        'BAD_CALENDAR',
        'calendar.registrationCloses',
      ],
    ];
    for (const [what, electionDay, calendar, status, code, field] of cases) {
      const body = { district: DISTRICT, electionDay, calendar };
      const r = await expectRefused(h, () => h.api('POST', '/api/elections', body, admin), status, code);
      expect(r.body.error.details.field, what).toBe(field);
      if (code === 'CALENDAR_PASSED') expect(r.body.error.details.now).toBe('2026-11-01T09:00:00+05:00');
      if (field === 'electionDay') expect(r.body.error.message).toContain('2020-01-01');
    }
  });

  it('accepts a valid future calendar, its own or the default, and follows the clock', async () => {
    const admin = await h.admin();
    const calendar = {
      nominationCloses: '2026-11-02T18:00:00+05:00',
      registrationCloses: '2026-11-05T18:00:00+05:00',
      votingOpens: '2026-11-08T08:00:00+05:00',
      votingCloses: '2026-11-08T20:00:00+05:00',
    };
    const own = await h.api(
      'POST',
      '/api/elections',
      { id: 'soon', district: DISTRICT, electionDay: '2026-11-08', calendar },
      admin,
    );
    expect(own.status, own.text).toBe(201);
    expect(own.body.calendar).toEqual(calendar);
    const body = { id: 'later', district: DISTRICT, electionDay: ELECTION_DAY };
    // The same request, once the server's clock has passed the default nomination deadline.
    h.now.value = new Date('2026-11-24T18:00:00+05:00');
    const later = await h.admin();
    await expectRefused(h, () => h.api('POST', '/api/elections', body, later), 422, 'CALENDAR_PASSED');
    h.now.value = new Date('2026-11-24T17:59:00+05:00');
    const ok = await h.api('POST', '/api/elections', body, await h.admin());
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.calendar).toEqual(E);
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
        questions: [{ id: 'q1', text: DISTRICT, subject: 'local-amenities' }],
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
