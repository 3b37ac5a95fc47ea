/** Entering nominations (SPEC §10.4): routes, the akim rule, candidate eligibility, deadlines. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DISTRICT,
  ELECTION_DAY,
  expectRefused,
  startHarness,
  type ApiResponse,
  type Harness,
} from '@saylau/test-kit';
import { makeIin, syntheticVoters } from '../src/roll/synthetic.ts';
import { auditLog } from '../src/audit.ts';

let h: Harness;
let token: string;
const E = 'aksu-2026';

beforeEach(async () => {
  h = await startHarness();
  token = await h.signIn('commission');
  await createElection(E);
  // 500 voters: an assembly's quorum is ceil(10 %) = 50 and the signature threshold 5 (§10.2).
  await h.acceptRoll(E, syntheticVoters(500, ELECTION_DAY, 3), token);
});
afterEach(async () => {
  await h.close();
});

/** Created by the administrator and granted to the commission's account (SPEC §10.13). */
async function createElection(id: string, profile?: unknown) {
  const r = await h.createElection(
    { id, district: DISTRICT, electionDay: ELECTION_DAY, ...(profile ? { profile } : {}) },
    token,
  );
  expect(r.status).toBe(201);
}

const N = (kk: string, ru = kk, en = kk) => ({ kk, ru, en });
let serial = 100;
/** A valid IIN of someone born on `birth`. */
const iinBorn = (birth = '1980-05-10', sex: 'male' | 'female' = 'male') => makeIin(birth, sex, serial++);
const ATTESTED = { citizen: true, capacity: true, noUnexpungedConviction: true };

function selfNomination(over: { iin?: string; surname?: string; education?: string } = {}) {
  const iin = over.iin ?? iinBorn();
  return {
    route: { kind: 'self' },
    candidate: {
      iin,
      surname: N(over.surname ?? 'Ахметов', over.surname ?? 'Ахметов', 'Akhmetov'),
      givenNames: N('Ержан', 'Ержан', 'Yerzhan'),
      ...(over.education ? { education: over.education } : {}),
    },
    attestations: ATTESTED,
    submittedBy: { iin, fullName: 'Ахметов Ержан', position: 'candidate' },
  };
}

function routed(route: Record<string, unknown>, position = 'other', submitter = iinBorn('1970-01-01')) {
  return {
    ...selfNomination(),
    route,
    submittedBy: { iin: submitter, fullName: 'Сәрсенов Дәурен', position },
  };
}

const association = {
  kind: 'public-association',
  name: N('«Ақсу жастары» қоғамдық бірлестігі', 'ОО «Молодёжь Аксу»', 'Aksu Youth'),
  registrationNumber: '1234-1901-ОО',
  level: 'local',
};
const assembly = (chairIin = iinBorn('1965-02-02')) => ({
  kind: 'citizen-assembly',
  date: '2026-10-30',
  place: N('Ақсу ауылы, мәдениет үйі', 'село Аксу, дом культуры', 'Aksu village, House of Culture'),
  attendance: 60,
  quorum: 50,
  votesFor: 31,
  chairIin,
});
const party = (name = 'Аманат') => ({ kind: 'party', name: N(name, name, name) });
/** A party route with the party's decision and its attestation of membership (§10.4.3 N5a). */
const member = <R extends object>(route: R) => ({
  ...route,
  membership: { decision: '12-П', date: '2026-11-01', member: true },
});

const post = (body: unknown, id = E, tok: string | null = token) =>
  h.api('POST', `/api/elections/${id}/nominations`, body, tok);

/** Refused with this status and code, and not one row written anywhere (harness.ts). */
const refused = (req: () => Promise<ApiResponse>, status: number, code: string) =>
  expectRefused(h, req, status, code);

describe('nomination routes', () => {
  it('accepts each route of the reform profile as a pending nomination, off the board', async () => {
    const boardBefore = h.snapshot().board;
    const bodies = [
      selfNomination(),
      routed(association, 'association-head'),
      routed(assembly(), 'assembly-chair'),
      routed(party(), 'party-head'),
    ];
    for (const b of bodies) {
      const r = await post(b);
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        status: 'pending',
        route: b.route,
        candidate: b.candidate,
        candidateId: null,
        submittedAt: '2026-11-01T09:00:00+05:00',
        signatures: { valid: 0, threshold: 5, required: true },
      });
    }
    expect(h.snapshot().board).toBe(boardBefore);
    const list = await h.api('GET', `/api/elections/${E}/nominations`, undefined, token);
    expect(list.body.nominations.map((n: { route: { kind: string } }) => n.route.kind)).toEqual([
      'self',
      'public-association',
      'citizen-assembly',
      'party',
    ]);
    const one = await h.api(
      'GET',
      `/api/elections/${E}/nominations/${list.body.nominations[2].nomination}`,
      undefined,
      token,
    );
    expect(one.body.route.chairIin).toMatch(/^\d{12}$/);
    const actions = auditLog(h.server.ctx, E).map((a) => a.action);
    expect(actions.filter((a) => a === 'nomination.submit')).toHaveLength(4);
    // The audit log names the nomination, never an IIN.
    expect(JSON.stringify(auditLog(h.server.ctx, E))).not.toMatch(/\d{12}/);
  });

  it('refuses other roles and bad documents, writing nothing', async () => {
    const observer = await h.signIn('observer');
    await refused(() => post(selfNomination(), E, null), 401, 'NOT_SIGNED_IN');
    await refused(() => post(selfNomination(), E, observer), 403, 'FORBIDDEN');
    expect((await h.api('GET', `/api/elections/${E}/nominations`, undefined, observer)).status).toBe(403);
    const s = selfNomination();
    await refused(() => post({ ...s, extra: 1 }), 400, 'BAD_REQUEST');
    await refused(() => post({ ...s, route: { kind: 'lottery' } }), 400, 'BAD_REQUEST');
    await refused(
      () => post({ ...s, candidate: { ...s.candidate, surname: { kk: 'x' } } }),
      400,
      'BAD_REQUEST',
    );
    await refused(
      () => post({ ...s, submittedBy: { ...s.submittedBy, position: 'king' } }),
      400,
      'BAD_REQUEST',
    );
    // An assembly's place is the commission's words, in each language like a name (SPEC §10.4.1).
    const place = assembly().place;
    const atPlace = (p: unknown) => post(routed({ ...assembly(), place: p }, 'assembly-chair'));
    const noRu = await refused(() => atPlace({ kk: place.kk, en: place.en }), 400, 'BAD_REQUEST');
    expect(noRu.body.error.details).toContainEqual(expect.objectContaining({ path: 'route.place.ru' }));
    await refused(() => atPlace({ ...place, en: '  ' }), 400, 'BAD_REQUEST');
    await refused(() => atPlace(place.kk), 400, 'BAD_REQUEST'); // the one-string form of before
    // An unknown election is one this commission holds no grant on (SPEC §10.13).
    await refused(() => post(selfNomination(), 'nope'), 403, 'NOT_GRANTED');
    const badCheck = s.candidate.iin.slice(0, 11) + ((Number(s.candidate.iin[11]) + 1) % 10);
    const r = await refused(
      () =>
        post({
          ...s,
          candidate: { ...s.candidate, iin: badCheck },
          submittedBy: { ...s.submittedBy, iin: badCheck },
        }),
      422,
      'BAD_IIN',
    );
    expect(r.body.error.details).toEqual({ field: 'submittedBy.iin', reason: 'check-digit' });
    // A self-nomination comes from the candidate in person.
    await refused(
      () => post({ ...s, submittedBy: { ...s.submittedBy, iin: iinBorn('1960-01-01') } }),
      422,
      'BAD_SUBMITTER',
    );
  });

  it('checks the citizen assembly minutes: the profile’s quorum, the roll, majority, date', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...assembly(), attendance: 49 }, 'below-quorum', /below the quorum/],
      [{ ...assembly(), votesFor: 30 }, 'no-majority', /not more than half/],
      [{ ...assembly(), votesFor: 61 }, 'votes-above-attendance', /more votes for than people present/],
      // The quorum is the profile's share of the roll, not what the minutes say (N5).
      [{ ...assembly(), quorum: 1, attendance: 1, votesFor: 1 }, 'quorum', /quorum is 50 \(500 voters/],
      [{ ...assembly(), quorum: 51, attendance: 60 }, 'quorum', /quorum is 50/],
      [{ ...assembly(), attendance: 1_000_000, votesFor: 600_000 }, 'attendance-above-roll', /roll has 500/],
      [{ ...assembly(), date: '2026-11-02' }, 'date', /after the submission/],
    ];
    for (const [route, reason, message] of cases) {
      const r = await refused(() => post(routed(route, 'assembly-chair')), 422, 'BAD_ASSEMBLY');
      expect([r.body.error.details, r.body.error.message]).toEqual([
        { reason },
        expect.stringMatching(message),
      ]);
    }
    // The same day as the submission, and a bare majority, are fine; a quorum left out is computed.
    const noQuorum: Record<string, unknown> = { ...assembly(), date: '2026-11-01', votesFor: 31 };
    delete noQuorum.quorum;
    const r = await post(routed(noQuorum, 'assembly-chair'));
    expect([r.status, r.body.route.quorum]).toEqual([201, 50]);
    // Without a roll there is no quorum to meet.
    await createElection('no-roll');
    await refused(() => post(routed(assembly(), 'assembly-chair'), 'no-roll'), 409, 'NO_ROLL');
  });
});

describe('the district akim may not nominate', () => {
  it('records the akim privately, commission only', async () => {
    const akim = iinBorn('1972-07-07');
    const observer = await h.signIn('observer');
    await refused(
      () => h.api('PUT', `/api/elections/${E}/akim`, { iin: akim, fullName: 'Әкім Әкімов' }, observer),
      403,
      'FORBIDDEN',
    );
    const bad = akim.slice(0, 11) + ((Number(akim[11]) + 1) % 10);
    await refused(
      () => h.api('PUT', `/api/elections/${E}/akim`, { iin: bad, fullName: 'Әкім Әкімов' }, token),
      422,
      'BAD_IIN',
    );
    const boardBefore = h.snapshot().board;
    let r = await h.api('PUT', `/api/elections/${E}/akim`, { iin: akim, fullName: 'Әкім Әкімов' }, token);
    expect(r.status).toBe(200);
    r = await h.api('PUT', `/api/elections/${E}/akim`, { iin: akim, fullName: 'Әкім Әкімұлы' }, token);
    expect(r.body).toMatchObject({ iin: akim, fullName: 'Әкім Әкімұлы' });
    expect((await h.api('GET', `/api/elections/${E}/akim`, undefined, token)).body.akim.iin).toBe(akim);
    expect(h.snapshot().board).toBe(boardBefore);
    expect(JSON.stringify(auditLog(h.server.ctx, E))).not.toContain(akim);
  });

  it('refuses a nomination by the akim office, by the recorded akim, from an assembly the akim chaired, and self', async () => {
    // By position, even before any akim is recorded.
    for (const position of ['district-akim', 'acting-district-akim'])
      await refused(() => post(routed(association, position)), 422, 'AKIM_NOMINATION');
    const akim = iinBorn('1972-07-07');
    await h.api('PUT', `/api/elections/${E}/akim`, { iin: akim, fullName: 'Әкім Әкімов' }, token);
    // By the recorded akim's IIN, whatever position is claimed.
    await refused(() => post(routed(association, 'association-head', akim)), 422, 'AKIM_NOMINATION');
    await refused(() => post(routed(party(), 'other', akim)), 422, 'AKIM_NOMINATION');
    await refused(() => post(routed(assembly(akim), 'other')), 422, 'AKIM_NOMINATION');
    const own = await refused(() => post(selfNomination({ iin: akim })), 422, 'AKIM_NOMINATION');
    expect(own.body.error.message).toMatch(/submitted by the recorded akim/);
    // The akim may still be nominated by someone else.
    expect(
      (
        await post({
          ...routed(association, 'association-head'),
          candidate: selfNomination({ iin: akim }).candidate,
        })
      ).status,
    ).toBe(201);
  });
});

describe('candidate eligibility', () => {
  it('needs age 25 on election day, from the IIN', async () => {
    // Born 2001-12-20: 25 on 2026-12-20. Born a day later: 24.
    expect((await post(selfNomination({ iin: iinBorn('2001-12-20') }))).status).toBe(201);
    const r = await refused(
      () => post(selfNomination({ iin: iinBorn('2001-12-21', 'female') })),
      422,
      'UNDER_AGE',
    );
    expect(r.body.error.message).toContain('24');
  });

  it('needs all three attestations to be true', async () => {
    const s = selfNomination();
    const r = await refused(
      () => post({ ...s, attestations: { ...ATTESTED, capacity: false, noUnexpungedConviction: false } }),
      422,
      'ATTESTATION_MISSING',
    );
    expect(r.body.error.details).toEqual({ missing: ['capacity', 'noUnexpungedConviction'] });
    await refused(() => post({ ...s, attestations: { citizen: true, capacity: true } }), 400, 'BAD_REQUEST');
    await refused(() => post({ ...s, attestations: { ...ATTESTED, citizen: 'yes' } }), 400, 'BAD_REQUEST');
  });

  it('needs the minimum education when the profile sets one', async () => {
    await createElection('edu', { name: 'reform', minimumEducation: 'higher' });
    await refused(
      () => post(selfNomination({ education: 'vocational' }), 'edu'),
      422,
      'EDUCATION_BELOW_MINIMUM',
    );
    await refused(() => post(selfNomination(), 'edu'), 422, 'EDUCATION_BELOW_MINIMUM');
    expect((await post(selfNomination({ education: 'higher' }), 'edu')).status).toBe(201);
    // No minimum in the default profile.
    expect((await post(selfNomination({ education: 'secondary' }))).status).toBe(201);
  });

  it('refuses the same candidate twice while the first nomination stands', async () => {
    const iin = iinBorn();
    const first = await post(selfNomination({ iin }));
    await refused(() => post(selfNomination({ iin })), 409, 'ALREADY_NOMINATED');
    // By another route too: it is the same candidate.
    const other = { ...routed(party(), 'party-head'), candidate: selfNomination({ iin }).candidate };
    await refused(() => post(other), 409, 'ALREADY_NOMINATED');
    // After a refusal the candidate may be nominated again.
    const ref = await h.api(
      'POST',
      `/api/elections/${E}/nominations/${first.body.nomination}/refuse`,
      { reason: 'documents incomplete' },
      token,
    );
    expect(ref.body).toEqual({
      nomination: first.body.nomination,
      status: 'refused',
      reason: 'documents incomplete',
    });
    expect((await post(selfNomination({ iin }))).status).toBe(201);
  });
});

describe('the law-2021 profile', () => {
  beforeEach(async () => {
    await createElection('law', { name: 'law-2021' });
  });

  it('allows only parties and self-nomination', async () => {
    for (const route of [association, assembly()]) {
      const r = await refused(() => post(routed(route), 'law'), 422, 'ROUTE_NOT_ALLOWED');
      expect(r.body.error.message).toContain('party, self');
    }
    expect((await post(selfNomination(), 'law')).status).toBe(201);
    const p = await post(routed(member(party('Аманат')), 'party-head'), 'law');
    expect([p.status, p.body.signatures.required]).toEqual([201, false]);
  });

  it('refuses a party nominee without the party attesting membership (PARTY_MEMBERSHIP_MISSING)', async () => {
    const before = h.snapshot();
    const cases = [
      [party('Аманат'), 'missing'],
      [
        { ...party('Аманат'), membership: { decision: '12-П', date: '2026-11-01', member: false } },
        'not-member',
      ],
      [{ ...party('Аманат'), membership: { decision: '12-П', date: '2026-12-30', member: true } }, 'date'],
    ] as const;
    for (const [route, reason] of cases) {
      const r = await refused(
        () => post(routed(route, 'party-head'), 'law'),
        422,
        'PARTY_MEMBERSHIP_MISSING',
      );
      expect(r.body.error.details).toEqual({ reason });
    }
    // A decision number over 50 characters, or no date, is not a document: 400.
    const long = {
      ...party('Аманат'),
      membership: { decision: 'x'.repeat(51), date: '2026-11-01', member: true },
    };
    await refused(() => post(routed(long, 'party-head'), 'law'), 400, 'BAD_REQUEST');
    const undated = { ...party('Аманат'), membership: { decision: '12-П', member: true } };
    await refused(() => post(routed(undated, 'party-head'), 'law'), 400, 'BAD_REQUEST');
    expect(h.snapshot()).toEqual(before);
    // Under reform the attestation is optional.
    expect((await post(routed(party('Аманат'), 'party-head'))).status).toBe(201);
  });

  it('allows one candidate per party, matching the name in any language and case', async () => {
    expect((await post(routed(member(party('Аманат')), 'party-head'), 'law')).status).toBe(201);
    const r = await refused(
      () =>
        post(
          routed(member({ kind: 'party', name: N('АМАНАТ ', 'Аманат партиясы', 'x') }), 'party-head'),
          'law',
        ),
      409,
      'PARTY_HAS_CANDIDATE',
    );
    expect(r.body.error.message).toContain('already nominated');
    expect((await post(routed(member(party('Ауыл')), 'party-head'), 'law')).status).toBe(201);
    // The reform profile has no such limit.
    expect((await post(routed(party('Аманат'), 'party-head'))).status).toBe(201);
    expect((await post(routed(party('Аманат'), 'party-head'))).status).toBe(201);
  });
});

describe('deadlines and state', () => {
  it('refuses nominations from the nomination deadline on', async () => {
    h.now.value = new Date('2026-11-24T17:59:59+05:00');
    token = await h.signInAgain(token);
    expect((await post(selfNomination())).status).toBe(201);
    h.now.value = new Date('2026-11-24T18:00:00+05:00');
    token = await h.signInAgain(token);
    const r = await refused(() => post(selfNomination()), 409, 'NOMINATION_CLOSED');
    expect(r.body.error.message).toContain('2026-11-24T18:00:00+05:00');
  });

  it('refuses nominations in a referendum (its ballot is fixed at creation)', async () => {
    await h.createElection(
      {
        id: 'ref',
        kind: 'referendum',
        district: DISTRICT,
        electionDay: ELECTION_DAY,
        questions: [{ id: 'q1', text: N('Жол?'), subject: 'local-amenities' }],
      },
      token,
    );
    await refused(() => post(selfNomination(), 'ref'), 409, 'ELECTION_STATE');
    await refused(
      () => h.api('PUT', '/api/elections/ref/akim', { iin: iinBorn(), fullName: 'Әкім' }, token),
      409,
      'ELECTION_STATE',
    );
  });

  it('refuses to refuse a nomination twice or with no reason', async () => {
    const n = (await post(selfNomination())).body.nomination;
    const path = `/api/elections/${E}/nominations/${n}/refuse`;
    await refused(() => h.api('POST', path, { reason: '  ' }, token), 400, 'BAD_REQUEST');
    expect((await h.api('POST', path, { reason: 'withdrew' }, token)).status).toBe(200);
    await refused(() => h.api('POST', path, { reason: 'again' }, token), 409, 'NOMINATION_STATE');
    await refused(
      () => h.api('POST', `/api/elections/${E}/nominations/999/refuse`, { reason: 'x' }, token),
      404,
      'NO_NOMINATION',
    );
    expect(auditLog(h.server.ctx, E).find((a) => a.action === 'nomination.refuse')!.details).toEqual({
      nomination: n,
      reason: 'withdrew',
    });
  });
});
