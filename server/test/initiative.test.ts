/** A referendum's initiative (SPEC §10.1.2) and opening without one (§10.8 rule 4). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  G,
  compareBytes,
  decodeTags,
  encodePoint,
  generateCredentialCode,
  publicCredentialList,
} from '@saylau/crypto';
import {
  DISTRICT,
  ELECTION_DAY,
  VOTING_DAY_MORNING,
  expectRefused,
  openElectionFixture,
  startHarness,
  type Harness,
} from '@saylau/test-kit';
import { makeIin, syntheticVoters, writeSyntheticRoll, type SyntheticVoter } from '../src/roll/synthetic.ts';
import { tagOf } from '../src/roll/tags.ts';

let h: Harness;
let token: string;
const E = 'ref-1';
const path = `/api/elections/${E}/initiative`;
const QUESTIONS = [
  {
    id: 'road',
    subject: 'local-amenities' as const,
    text: { kk: 'Жол керек пе?', ru: 'Нужна ли дорога?', en: 'Build the road?' },
  },
];
const PLACE = { kk: 'Мектеп', ru: 'Школа', en: 'The school' };
/** 40 voters: 5 % is 2 signatures, 10 % a quorum of 4 (SPEC §10.2, reform). */
let voters: SyntheticVoter[];

/** The harness's tables, the audit log and the board: a refusal writes none of them. */
function snapshot(): Record<string, number> {
  const n = (t: string) =>
    (h.server.ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { ...h.snapshot(), audit_log: n('audit_log') };
}

async function refused(body: unknown, status: number, code: string, tok = token) {
  const before = snapshot();
  const r = await expectRefused(h, () => h.api('POST', path, body, tok), status, code);
  expect(snapshot()).toEqual(before);
  return r;
}

const assembly = (over: Record<string, unknown> = {}) => ({
  kind: 'citizen-assembly',
  date: '2026-10-30',
  place: PLACE,
  attendance: 10,
  votesFor: 6,
  chairIin: voters[0]!.iin,
  ...over,
});

beforeEach(async () => {
  h = await startHarness();
  token = await h.signIn('commission');
  const r = await h.createElection(
    { id: E, kind: 'referendum', district: DISTRICT, electionDay: ELECTION_DAY, questions: QUESTIONS },
    token,
  );
  expect(r.status, r.text).toBe(201);
  voters = syntheticVoters(40, ELECTION_DAY, 5);
});
afterEach(async () => {
  await h.close();
});

const withRoll = () => writeSyntheticRoll(h.server.ctx, E, voters);

describe('recording the initiative by signatures', () => {
  it('keeps the valid signers as ascending tags on the board and lists the refused ones by index', async () => {
    withRoll();
    const outsider = makeIin('1980-01-01', 'male', 999);
    const iins = [voters[3]!.iin, 'x', voters[1]!.iin, voters[3]!.iin, outsider, voters[2]!.iin];
    const r = await h.api('POST', path, { kind: 'signatures', iins }, token);
    expect(r.status, r.text).toBe(201);
    expect(r.body.invalid).toEqual([
      { index: 1, reason: 'format' },
      { index: 3, reason: 'duplicate' },
      { index: 4, reason: 'not-on-roll' },
    ]);
    const i = r.body.initiative;
    expect(i).toMatchObject({ kind: 'signatures', valid: 3, threshold: 2 });
    const tags = decodeTags(i.signers, 'signers');
    expect(tags.every((t, j) => j === 0 || compareBytes(tags[j - 1]!, t) < 0)).toBe(true);
    const expected = [1, 2, 3].map((k) => tagOf(h.server.ctx, E, voters[k]!.iin)).sort();
    expect(tags.map((t) => Buffer.from(t).toString('base64url')).sort()).toEqual(expected);
    expect(h.server.ctx.board.latest(E, 'initiative')!.payload).toEqual(i);
    const got = await h.api('GET', path);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(i);
    const view = await h.api('GET', `/api/elections/${E}`);
    expect(view.body.missing).not.toContain('initiative');
  });

  it('refuses too few valid signers, listing them, and writes nothing', async () => {
    withRoll();
    const r = await refused(
      { kind: 'signatures', iins: [voters[0]!.iin, voters[0]!.iin] },
      422,
      'INITIATIVE_BELOW_THRESHOLD',
    );
    expect(r.body.error.details).toEqual({
      valid: 1,
      threshold: 2,
      invalid: [{ index: 1, reason: 'duplicate' }],
    });
  });

  it('refuses before the roll, twice, in an akim election, after opening and with unknown fields', async () => {
    const sign = { kind: 'signatures', iins: voters.slice(0, 3).map((v) => v.iin) };
    await refused(sign, 409, 'NO_ROLL');
    withRoll();
    await refused({ ...sign, extra: 1 }, 400, 'BAD_REQUEST');
    await refused({ kind: 'petition', iins: [] }, 400, 'BAD_REQUEST');
    expect((await h.api('POST', path, sign, token)).status).toBe(201);
    await refused(sign, 409, 'INITIATIVE_EXISTS');
    await refused(assembly(), 409, 'INITIATIVE_EXISTS');

    const akim = await h.createElection(
      { id: 'akim-1', district: DISTRICT, electionDay: ELECTION_DAY },
      token,
    );
    expect(akim.status).toBe(201);
    writeSyntheticRoll(h.server.ctx, 'akim-1', voters);
    const before = snapshot();
    const r = await h.api('POST', '/api/elections/akim-1/initiative', sign, token);
    expect([r.status, r.body.error.code]).toEqual([409, 'ELECTION_STATE']);
    expect(snapshot()).toEqual(before);
  });

  it('refuses once voting is open, and GET is 404 before any initiative', async () => {
    expect((await h.api('GET', path)).body.error.code).toBe('NO_INITIATIVE');
    const e = openElectionFixture(h, {
      id: 'ref-open',
      election: { kind: 'referendum', questions: QUESTIONS },
    });
    const tok = await h.signIn('commission', 'c2', { elections: [e.id] });
    const before = snapshot();
    const r = await h.api('POST', `/api/elections/${e.id}/initiative`, { kind: 'signatures', iins: [] }, tok);
    expect([r.status, r.body.error.code]).toEqual([409, 'ELECTION_STATE']);
    expect(snapshot()).toEqual(before);
  });
});

describe('recording the initiative by a citizens’ assembly', () => {
  it('records the profile’s quorum and the chair’s tag', async () => {
    withRoll();
    const r = await h.api('POST', path, assembly({ quorum: 4 }), token);
    expect(r.status, r.text).toBe(201);
    expect(r.body).toEqual({
      initiative: {
        kind: 'citizen-assembly',
        date: '2026-10-30',
        place: PLACE,
        attendance: 10,
        quorum: 4,
        votesFor: 6,
        chair: tagOf(h.server.ctx, E, voters[0]!.iin),
        recordedAt: '2026-11-01T09:00:00+05:00',
      },
      invalid: [],
    });
  });

  it.each([
    ['date', { date: '2026-11-02' }],
    ['attendance-above-roll', { attendance: 41, votesFor: 30 }],
    ['quorum', { quorum: 3 }],
    ['below-quorum', { attendance: 3, votesFor: 3 }],
    ['votes-above-attendance', { votesFor: 11 }],
    ['no-majority', { votesFor: 5 }],
  ])('refuses minutes failing %s and writes nothing', async (reason, over) => {
    withRoll();
    const r = await refused(assembly(over), 422, 'BAD_ASSEMBLY');
    expect(r.body.error.details).toEqual({ reason });
  });

  it('refuses a chair whose IIN is not valid', async () => {
    withRoll();
    const bad = voters[0]!.iin.slice(0, 11) + String((Number(voters[0]!.iin[11]) + 1) % 10);
    await refused(assembly({ chairIin: bad }), 422, 'BAD_IIN');
  });
});

describe('opening a referendum (SPEC §10.8 rule 4)', () => {
  it('refuses without the initiative, writing nothing, and opens once it is recorded', async () => {
    withRoll();
    const ctx = h.server.ctx;
    ctx.board.append(E, 'joint-key', { publicKey: encodePoint(G), qualified: [], publicShares: [] });
    const list = publicCredentialList(E, [generateCredentialCode().code]);
    ctx.db.prepare('INSERT INTO credentials (election, public_key) VALUES (?, ?)').run(E, list[0]);
    ctx.board.append(E, 'credentials', { count: list.length, list });
    expect((await h.api('GET', `/api/elections/${E}`)).body.missing).toEqual(['initiative']);
    h.now.value = VOTING_DAY_MORNING;
    token = await h.signInAgain(token);
    const open = () => h.api('POST', `/api/elections/${E}/open`, {}, token);
    const before = snapshot();
    await expectRefused(h, open, 409, 'NO_INITIATIVE');
    expect(snapshot()).toEqual(before);
    const sign = { kind: 'signatures', iins: voters.slice(0, 2).map((v) => v.iin) };
    expect((await h.api('POST', path, sign, token)).status).toBe(201);
    expect((await open()).status).toBe(200);
  });
});

describe('the pages (SPEC §10.15)', () => {
  it('the commission sees the initiative form once the roll is in; the observer, the recorded initiative', async () => {
    const page = async (p: string) => (await fetch(`${h.url}${p}`)).text();
    expect(await page(`/admin/elections/${E}?lang=ru`)).not.toContain('id="initiative"');
    withRoll();
    const admin = await page(`/admin/elections/${E}?lang=ru`);
    expect(admin).toContain('<form id="initiative"');
    expect(admin).toMatch(/id="ini-threshold">2</);
    expect(admin).toMatch(/id="ini-quorum">4</);
    expect(await page(`/elections/${E}?lang=en`)).toMatch(/data-step="initiative"[^>]*data-state="current"/);
    expect((await h.api('POST', path, assembly(), token)).status).toBe(201);
    const observer = await page(`/elections/${E}?lang=en`);
    expect(observer).toContain('Citizens’ assembly, ');
    expect(observer).toContain('6 of 10 present in favour (quorum: 4)');
    expect(await page(`/admin/elections/${E}?lang=kk`)).toContain('id="initiative-state"');
  });
});
