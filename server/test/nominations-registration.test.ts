/** Signatures, registration, extension and fixing the ballot (SPEC §10.4–§10.5). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DISTRICT,
  ELECTION_DAY,
  expectRefused,
  startHarness,
  type ApiResponse,
  type Harness,
} from '@saylau/test-kit';
import { bytesToB64, encodeTags, hexToBytesStrict, rollTag, sortTags } from '@saylau/crypto';
import { makeIin, syntheticVoters, type SyntheticVoter } from '../src/roll/synthetic.ts';
import { ballotOrder } from '../src/nominations/ballot.ts';
import { AGAINST_ALL } from '../src/elections/store.ts';

let h: Harness;
let token: string;
const E = 'aksu-2026';
const ROLL = syntheticVoters(250, ELECTION_DAY, 21); // threshold ceil(2.5) = 3
const NOMINATION_CLOSES = new Date('2026-11-24T18:00:00+05:00');
const REGISTRATION_CLOSES = new Date('2026-11-29T18:00:00+05:00');

beforeEach(async () => {
  h = await startHarness();
  token = await h.signIn('commission');
});
afterEach(async () => {
  await h.close();
});

/** Created by the administrator and granted to the commission's account (SPEC §10.13). */
async function createElection(id = E, extra: Record<string, unknown> = {}) {
  const r = await h.createElection({ id, district: DISTRICT, electionDay: ELECTION_DAY, ...extra }, token);
  expect(r.status).toBe(201);
}

const acceptRoll = (id = E, voters: readonly SyntheticVoter[] = ROLL) => h.acceptRoll(id, voters, token);

/** Refused with this status and code, and not one row written anywhere (harness.ts). */
const refused = (req: () => Promise<ApiResponse>, status: number, code: string) =>
  expectRefused(h, req, status, code);

/** Move the clock and sign in again (a session lasts 8 hours). */
async function at(time: Date) {
  h.now.value = time;
  token = await h.signInAgain(token);
}

const N = (kk: string, en = kk) => ({ kk, ru: kk, en });
let serial = 500;
const ATTESTED = { citizen: true, capacity: true, noUnexpungedConviction: true };

function nomination(
  surname: string,
  route: Record<string, unknown> = { kind: 'self' },
  givenNames = 'Айгүл',
) {
  const iin = makeIin('1978-04-04', 'female', serial++);
  const submitter = route.kind === 'self' ? iin : makeIin('1960-01-01', 'male', serial++);
  return {
    route,
    candidate: { iin, surname: N(surname), givenNames: N(givenNames) },
    attestations: ATTESTED,
    submittedBy: {
      iin: submitter,
      fullName: 'Өтініш Беруші',
      position: route.kind === 'self' ? 'candidate' : 'other',
    },
  };
}

async function nominate(body: unknown, id = E): Promise<number> {
  const r = await h.api('POST', `/api/elections/${id}/nominations`, body, token);
  expect(r.status).toBe(201);
  return r.body.nomination;
}

const sign = (n: number, iins: unknown, id = E) =>
  h.api('POST', `/api/elections/${id}/nominations/${n}/signatures`, { iins }, token);
const register = (n: number, id = E) =>
  h.api('POST', `/api/elections/${id}/nominations/${n}/register`, {}, token);

/** Distinct signers from the roll, never handed out twice. */
let nextSigner = 0;
const signers = (k: number) => ROLL.slice(nextSigner, (nextSigner += k)).map((v) => v.iin);

describe('signatures', () => {
  beforeEach(async () => {
    nextSigner = 0;
    await createElection();
  });

  it('need the accepted roll', async () => {
    const n = await nominate(nomination('Ахметов'));
    await refused(() => sign(n, [ROLL[0]!.iin]), 409, 'NO_ROLL');
  });

  it('refuses a list whose every signer is refused, keeping the list stored before (S3a)', async () => {
    await acceptRoll();
    const body = nomination('Ахметов');
    const n = await nominate(body);
    expect((await sign(n, signers(3))).body.valid).toBe(3);
    const offRoll = makeIin('1950-01-01', 'male', 9999);
    for (const [list, reason] of [
      [[offRoll], 'not-on-roll'],
      [[body.candidate.iin], 'candidate'],
      [['12345'], 'format'],
    ] as const) {
      const r = await refused(() => sign(n, list), 422, 'NO_VALID_SIGNATURES');
      expect(r.body.error.details).toEqual({ invalid: [{ index: 0, reason }] });
    }
    const view = await h.api('GET', `/api/elections/${E}/nominations/${n}`, undefined, token);
    expect(view.body.signatures.valid).toBe(3);
    // An empty list is the commission clearing it, on purpose.
    expect((await sign(n, [])).body.valid).toBe(0);
  });

  it('checks every signer: IIN, roll, duplicates, the candidate; reports positions only', async () => {
    await acceptRoll();
    const body = nomination('Ахметов');
    const n = await nominate(body);
    const [a, b, c] = signers(3) as [string, string, string];
    const stranger = makeIin('1950-06-06', 'male', 9);
    const typo = a.slice(0, 11) + ((Number(a[11]) + 1) % 10);
    const r = await sign(n, [
      a,
      stranger,
      b,
      a,
      typo,
      '123',
      body.candidate.iin,
      c,
      '9905317',
      '000000000000',
    ]);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      nomination: n,
      valid: 3,
      threshold: 3,
      enough: true,
      required: true,
      invalid: [
        { index: 1, reason: 'not-on-roll' },
        { index: 3, reason: 'duplicate' },
        { index: 4, reason: 'check-digit' },
        { index: 5, reason: 'format' },
        { index: 6, reason: 'candidate' },
        { index: 8, reason: 'format' },
        { index: 9, reason: 'century' },
      ],
    });
    expect(JSON.stringify(r.body)).not.toMatch(/\d{12}/);
    const stored = h.server.ctx.db
      .prepare('SELECT iin FROM signatures WHERE nomination = ? ORDER BY iin')
      .all(n);
    expect(stored).toEqual([a, b, c].sort().map((iin) => ({ iin })));
    // A new list replaces the previous one.
    const again = await sign(n, [c]);
    expect([again.body.valid, again.body.enough]).toEqual([1, false]);
    expect(h.server.ctx.db.prepare('SELECT iin FROM signatures WHERE nomination = ?').all(n)).toEqual([
      { iin: c },
    ]);
    expect(h.logs.join('\n')).not.toContain(a);
  });

  it('takes a text/csv list, one IIN a line, with an optional header', async () => {
    await acceptRoll();
    const n = await nominate(nomination('Ахметов'));
    const [a, b] = signers(2) as [string, string];
    const r = await h.api(
      'POST',
      `/api/elections/${E}/nominations/${n}/signatures`,
      `\uFEFFИИН\r\n${a}\r\n\r\n${b};Бекова\r\nxyz\r\n`,
      token,
      { 'content-type': 'text/csv' },
    );
    expect(r.body).toMatchObject({ valid: 2, invalid: [{ index: 2, line: 5, reason: 'format' }] });
  });

  it('allows one signature per signer under reform, but not under law-2021', async () => {
    await acceptRoll();
    const first = await nominate(nomination('Ахметов'));
    const second = await nominate(nomination('Бекова'));
    const shared = signers(3);
    expect((await sign(first, shared)).body.valid).toBe(3);
    // Every entry refused: the list changes nothing (S3a), and the answer says why for each.
    const r = await refused(() => sign(second, shared), 422, 'NO_VALID_SIGNATURES');
    expect(r.body.error.details).toEqual({
      invalid: [0, 1, 2].map((index) => ({ index, reason: 'signed-elsewhere' })),
    });
    // Once the first nomination is refused its signers are free again.
    await h.api('POST', `/api/elections/${E}/nominations/${first}/refuse`, { reason: 'withdrew' }, token);
    expect((await sign(second, shared)).body.valid).toBe(3);

    await createElection('law', { profile: { name: 'law-2021' } });
    await acceptRoll('law');
    const x = await nominate(nomination('Ахметов'), 'law');
    const y = await nominate(nomination('Бекова'), 'law');
    expect((await sign(x, shared, 'law')).body.valid).toBe(3);
    expect((await sign(y, shared, 'law')).body).toMatchObject({ valid: 3, invalid: [] });
  });

  it('are refused after the nomination deadline, for a registered nomination, and beyond 20,000', async () => {
    await acceptRoll();
    const n = await nominate(nomination('Ахметов'));
    const m = await nominate(nomination('Бекова'));
    await refused(() => sign(n, Array(20_001).fill('1')), 400, 'TOO_MANY_SIGNATURES');
    await refused(() => sign(n, 'not a list'), 400, 'BAD_REQUEST');
    await refused(
      () =>
        h.api('POST', `/api/elections/${E}/nominations/${n}/signatures`, '<x/>', token, {
          'content-type': 'application/xml',
        }),
      415,
      'BAD_CONTENT_TYPE',
    );
    await sign(m, signers(3));
    expect((await register(m)).status).toBe(200);
    await refused(() => sign(m, signers(3)), 409, 'NOMINATION_STATE');
    await at(NOMINATION_CLOSES);
    await refused(() => sign(n, signers(3)), 409, 'NOMINATION_CLOSED');
  });
});

describe('registration', () => {
  beforeEach(async () => {
    nextSigner = 0;
    await createElection();
    await acceptRoll();
  });

  it('refuses below the threshold, then registers with the counts on the board', async () => {
    const body = nomination('Ахметов', {
      kind: 'citizen-assembly',
      date: '2026-10-20',
      place: { kk: 'Ақсу ауылы', ru: 'село Аксу', en: 'Aksu village' },
      attendance: 40,
      quorum: 25, // ceil(10 % of 250), the profile's (§10.2)
      votesFor: 25,
      chairIin: makeIin('1966-03-03', 'male', 1),
    });
    const n = await nominate(body);
    const two = signers(2);
    await sign(n, two);
    const r = await refused(() => register(n), 422, 'BELOW_THRESHOLD');
    expect(r.body.error.details).toEqual({ valid: 2, threshold: 3 });
    const four = [...two, ...signers(2)];
    await sign(n, four);
    const reg = await register(n);
    expect(reg.status).toBe(200);
    // §10.4.7: tags keyed with the roll's salt, the signers' ascending in one string.
    const salt = hexToBytesStrict(
      (await h.api('GET', `/api/elections/${E}/roll`, undefined, token)).body.salt,
      'salt',
      32,
    );
    const tag = (iin: string) => bytesToB64(rollTag(salt, iin));
    const expected = {
      id: 'c1',
      surname: body.candidate.surname,
      givenNames: body.candidate.givenNames,
      route: {
        kind: 'citizen-assembly',
        date: '2026-10-20',
        place: { kk: 'Ақсу ауылы', ru: 'село Аксу', en: 'Aksu village' },
        attendance: 40,
        quorum: 25,
        votesFor: 25,
      },
      tags: {
        candidate: tag(body.candidate.iin),
        submitter: tag(body.submittedBy.iin),
        chair: tag(body.route.chairIin as string),
      },
      signatures: {
        valid: 4,
        threshold: 3,
        signers: encodeTags(sortTags(four.map((i) => rollTag(salt, i)))),
      },
      registeredAt: '2026-11-01T09:00:00+05:00',
    };
    expect(reg.body).toEqual(expected);
    const entry = h.server.ctx.board.latest(E, 'candidate')!;
    expect(entry.payload).toEqual(expected);
    expect(JSON.stringify(entry.payload)).not.toMatch(/\d{12}/); // no IIN on the board
    const view = await h.api('GET', `/api/elections/${E}/nominations/${n}`, undefined, token);
    expect(view.body).toMatchObject({
      status: 'registered',
      candidateId: 'c1',
      registeredAt: expected.registeredAt,
    });
    await refused(() => register(n), 409, 'NOMINATION_STATE');
  });

  it('needs no signatures for a law-2021 party nominee, but the roll for its public tags', async () => {
    await createElection('law', { profile: { name: 'law-2021' } });
    const membership = { decision: '12-П', date: '2026-11-01', member: true };
    const route = { kind: 'party', name: N('Аманат'), membership };
    const n = await nominate(nomination('Ахметов', route), 'law');
    await refused(() => register(n, 'law'), 409, 'NO_ROLL');
    // A self-nominee under law-2021 needs the threshold too.
    const s = await nominate(nomination('Бекова'), 'law');
    await acceptRoll('law');
    await refused(() => register(s, 'law'), 422, 'BELOW_THRESHOLD');
    const reg = await register(n, 'law');
    // The party's decision and attestation are public with the route (§10.4.3 N5a).
    expect([reg.status, reg.body.signatures, reg.body.route]).toEqual([200, null, route]);
  });

  it('refuses after the registration deadline and when the akim turns out to have nominated', async () => {
    const akim = makeIin('1970-08-08', 'male', 77);
    const body = { ...nomination('Ахметов', { kind: 'party', name: N('Ауыл') }) };
    body.submittedBy = { ...body.submittedBy, iin: akim };
    const n = await nominate(body);
    await sign(n, signers(3));
    await h.api('PUT', `/api/elections/${E}/akim`, { iin: akim, fullName: 'Әкім' }, token);
    await refused(() => register(n), 422, 'AKIM_NOMINATION');
    const m = await nominate(nomination('Бекова'));
    await sign(m, signers(3));
    await at(REGISTRATION_CLOSES);
    await refused(() => register(m), 409, 'REGISTRATION_CLOSED');
  });
});

describe('extending nomination', () => {
  const extend = (days: unknown, id = E) =>
    h.api('POST', `/api/elections/${id}/nominations/extend`, { days }, token);

  beforeEach(async () => {
    await createElection();
  });

  it('only after the deadline, with fewer than two nominations, up to 5 days in all', async () => {
    await nominate(nomination('Ахметов'));
    const second = await nominate(nomination('Бекова'));
    await refused(() => extend(2), 409, 'NOMINATION_OPEN');
    await at(NOMINATION_CLOSES);
    await refused(() => extend(2), 409, 'ENOUGH_NOMINATIONS');
    await h.api('POST', `/api/elections/${E}/nominations/${second}/refuse`, { reason: 'withdrew' }, token);
    await refused(() => extend(0), 400, 'BAD_REQUEST');
    await refused(() => extend(6), 400, 'BAD_REQUEST');
    await refused(() => extend(1.5), 400, 'BAD_REQUEST');
    const r = await extend(3);
    expect(r.status).toBe(200);
    expect(r.body.calendar).toMatchObject({
      nominationCloses: '2026-11-27T18:00:00+05:00',
      registrationCloses: '2026-12-02T18:00:00+05:00',
      votingOpens: '2026-12-20T07:00:00+05:00',
    });
    expect(h.server.ctx.board.latest(E, 'nomination-extended')!.payload).toEqual({
      nominationCloses: '2026-11-27T18:00:00+05:00',
      registrationCloses: '2026-12-02T18:00:00+05:00',
      days: 3,
    });
    expect((await h.api('GET', `/api/elections/${E}`)).body.calendar.nominationCloses).toBe(
      '2026-11-27T18:00:00+05:00',
    );
    // Nomination is open again.
    const third = await nominate(nomination('Жұмабаев'));
    await h.api('POST', `/api/elections/${E}/nominations/${third}/refuse`, { reason: 'withdrew' }, token);
    await at(new Date('2026-11-27T18:00:00+05:00'));
    await refused(() => extend(3), 422, 'EXTENSION_LIMIT');
    expect((await extend(2)).body.calendar.nominationCloses).toBe('2026-11-29T18:00:00+05:00');
    await at(new Date('2026-11-29T18:00:00+05:00'));
    await refused(() => extend(1), 422, 'EXTENSION_LIMIT');
  });

  it('keeps registration before voting opens and refuses an extension that reopens nothing', async () => {
    await createElection('tight', {
      calendar: { registrationCloses: '2026-12-17T18:00:00+05:00', votingOpens: '2026-12-20T07:00:00+05:00' },
    });
    await at(NOMINATION_CLOSES);
    await refused(() => extend(3, 'tight'), 422, 'CALENDAR_OVERFLOW');
    expect((await extend(2, 'tight')).status).toBe(200);
    await at(new Date('2026-11-30T09:00:00+05:00'));
    await refused(() => extend(5), 422, 'EXTENSION_TOO_SHORT');
  });
});

describe('fixing the ballot', () => {
  const fix = (id = E) => h.api('POST', `/api/elections/${id}/ballot/fix`, {}, token);

  beforeEach(async () => {
    nextSigner = 0;
    await createElection();
    await acceptRoll();
  });

  it('orders candidates by Kazakh surname, appends "Against all", lapses pending nominations', async () => {
    // This Node's ICU sorts Ә after А and Ө after О, as the Kazakh alphabet does.
    expect(
      ['Өмірзақ', 'Әбілов', 'Жұмабаев', 'Ахметов', 'Бекова'].sort(new Intl.Collator('kk').compare),
    ).toEqual(['Ахметов', 'Әбілов', 'Бекова', 'Жұмабаев', 'Өмірзақ']);
    const surnames = ['Әбілов', 'Ахметов', 'Бекова', 'Өмірзақ', 'Жұмабаев'];
    for (const s of surnames) {
      const n = await nominate(nomination(s, { kind: 'self' }, 'Нұрлан'));
      await sign(n, signers(3));
      expect((await register(n)).status).toBe(200);
    }
    const pending = await nominate(nomination('Ким'));
    await refused(() => fix(), 409, 'REGISTRATION_OPEN');
    await at(REGISTRATION_CLOSES);
    await refused(() => fix(), 409, 'NO_AKIM');
    const akim = makeIin('1969-09-09', 'male', 5);
    await h.api('PUT', `/api/elections/${E}/akim`, { iin: akim, fullName: 'Әкім' }, token);
    const r = await fix();
    expect(r.status).toBe(200);
    const options = r.body.contests[0].options;
    expect(options.map((o: { id: string }) => o.id)).toEqual(['c2', 'c1', 'c3', 'c5', 'c4', 'against-all']);
    expect(options[0]).toEqual({ id: 'c2', kind: 'candidate', names: N('Ахметов Нұрлан') });
    expect(options[5]).toEqual({ id: 'against-all', kind: 'against-all', names: AGAINST_ALL });
    expect(r.body.contests).toEqual([{ id: 'akim', kind: 'candidates', options }]);
    // B1a: the akim's public tag, keyed like the roll's (§10.4.7).
    const salt = hexToBytesStrict(
      (await h.api('GET', `/api/elections/${E}/roll`, undefined, token)).body.salt,
      'salt',
      32,
    );
    expect(h.server.ctx.board.latest(E, 'ballot-fixed')!.payload).toEqual({
      contests: r.body.contests,
      akim: bytesToB64(rollTag(salt, akim)),
    });
    const e = (await h.api('GET', `/api/elections/${E}`)).body;
    expect([e.status, e.contests]).toEqual(['ballot-fixed', r.body.contests]);
    const lapsed = await h.api('GET', `/api/elections/${E}/nominations/${pending}`, undefined, token);
    expect([lapsed.body.status, lapsed.body.reason]).toEqual(['refused', 'not registered by the deadline']);
    await refused(() => fix(), 409, 'ELECTION_STATE');
    await refused(
      () => h.api('POST', `/api/elections/${E}/nominations`, nomination('Ким'), token),
      409,
      'ELECTION_STATE',
    );
  });

  it('refuses to record as akim someone who nominated a registered candidate', async () => {
    const submitter = makeIin('1961-06-06', 'male', 9);
    const body = nomination('Ахметов', { kind: 'party', name: N('Ауыл') });
    body.submittedBy = { ...body.submittedBy, iin: submitter };
    const n = await nominate(body);
    await sign(n, signers(3));
    expect((await register(n)).status).toBe(200);
    const r = await refused(
      () => h.api('PUT', `/api/elections/${E}/akim`, { iin: submitter, fullName: 'Әкім' }, token),
      422,
      'AKIM_NOMINATION',
    );
    expect(r.body.error.details).toEqual({ candidate: 'c1' });
  });

  it('refuses without a registered candidate, or for another role', async () => {
    await nominate(nomination('Ахметов'));
    await at(REGISTRATION_CLOSES);
    await refused(() => fix(), 422, 'NO_CANDIDATES');
    const observer = await h.signIn('observer');
    await refused(() => h.api('POST', `/api/elections/${E}/ballot/fix`, {}, observer), 403, 'FORBIDDEN');
  });

  it('breaks surname ties by given names, then by registration order', () => {
    const c = (id: string, surname: string, given: string) => ({
      id,
      surname: N(surname),
      givenNames: N(given),
    });
    const order = ballotOrder([
      c('c10', 'Ахметов', 'Ержан'),
      c('c2', 'Ахметов', 'Ержан'),
      c('c3', 'Ахметов', 'Әсел'),
      c('c1', 'Ахметов', 'Айгүл'),
    ]).map((x) => x.id);
    expect(order).toEqual(['c1', 'c3', 'c2', 'c10']);
  });
});
