/**
 * Close, encrypted tally, partial decryptions and result over HTTP (SPEC §10.10–§10.12), with the
 * joint key from a real ceremony and ballots recorded the way casting records them.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decodeCiphertext,
  decodeScalar,
  encodeDecryptionShare,
  encodeScalar,
  hexToBytesStrict,
  bytesToB64,
  mod,
  partialDecryptMany,
} from '@saylau/crypto';
import { entryHash, getElection, type BoardEntry } from '../src/index.ts';
import { decryptTally, loadState, signMessage, type BoardSource } from '@saylau/tools';
import type { TallyPayload } from '@saylau/protocol';
import { verifyBoard } from '@saylau/verifier';
import { unsigned } from '../src/ceremony/messages.ts';
import {
  expectRefused,
  startHarness,
  ELECTION_DAY,
  type ApiResponse,
  type Harness,
  ceremonyElectionFixture,
  insertBallot,
  refreshSessions,
  type CeremonyElection,
  type TrusteeHandle,
} from '@saylau/test-kit';

/** 32 zero bytes in base64url (SPEC §1.2): the identity's encoding. */
const ZERO32 = bytesToB64(new Uint8Array(32));

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const path = (id: string, rest = '') => `/api/elections/${id}${rest}`;
const CLOSING = new Date(`${ELECTION_DAY}T20:00:00+05:00`);

/** The board as the export serves it (SPEC §9.3); the trustee library checks it as a chain. */
const boardOf: BoardSource = async (id) => [...h.server.ctx.board.exportLines(id)].join('');

/** Refused with this status and code, and not one row written anywhere (harness.ts). */
const refused = (req: () => Promise<ApiResponse>, status: number, code: string) =>
  expectRefused(h, req, status, code);

/** Trustee x's decryption message for the tally, built by hand so a test can alter it. */
function decryptionFor(
  e: CeremonyElection,
  x: TrusteeHandle,
  opts: { secret?: bigint; fingerprint?: Uint8Array } = {},
) {
  const state = loadState(x.file);
  const tally = h.server.ctx.board.latest(e.id, 'tally')!.payload as TallyPayload;
  const secret = opts.secret ?? decodeScalar(state.share!.secret, 'x');
  const contests = tally.contests.map((c) => ({
    id: c.id,
    factors: partialDecryptMany(
      opts.fingerprint ?? e.params.fingerprint,
      x.index,
      secret,
      c.ciphertexts.map((ct) => decodeCiphertext(ct, 'c', { allowIdentity: true })),
    ).map(encodeDecryptionShare),
  }));
  return { state, message: signMessage(state, { trustee: x.index, contests }) };
}

type Message = ReturnType<typeof decryptionFor>['message'];
const resign = (x: TrusteeHandle, m: Message): Message => {
  const body = unsigned(m);
  return signMessage(loadState(x.file), body);
};

const types = (id: string) => [...h.server.ctx.board.entries(id)].map((e) => e.type);

describe('closing, tally, decryption and result', () => {
  it('counts each credential’s last ballot; 2 of 3 trustees decrypt; the result is final', async () => {
    const e = await ceremonyElectionFixture(h, {
      id: 'tally-1',
      candidates: ['Alpha <i>&', 'Beta', 'Gamma'],
    });
    const [t1, t2, t3] = e.trustees as [TrusteeHandle, TrusteeHandle, TrusteeHandle];
    const k = e.credentials.map((c) => c.keys);
    // Options: c1, c2, c3, against-all. Credentials 0 and 2 revote; credential 5 never votes.
    const votes: [number, number][] = [
      [0, 0],
      [1, 1],
      [2, 0],
      [3, 3],
      [0, 2],
      [4, 0],
      [2, 1],
    ];
    for (const [cred, option] of votes) insertBallot(h, e, k[cred]!, [option]);

    await refused(() => h.api('GET', path(e.id, '/result')), 404, 'NO_RESULT');
    // The ceremony is over once voting is open.
    await refused(
      () => h.api('POST', path(e.id, '/ceremony/finish'), {}, e.commission),
      409,
      'ELECTION_STATE',
    );
    const early = {
      trustee: 1,
      contests: [
        {
          id: 'akim',
          factors: [0, 1, 2, 3].map(() => ({
            trustee: 1,
            factor: ZERO32,
            proof: { a1: ZERO32, a2: ZERO32, response: ZERO32 },
          })),
        },
      ],
      signature: bytesToB64(new Uint8Array(64)),
    };
    await refused(() => h.api('POST', path(e.id, '/decryptions'), early, t1.token), 409, 'ELECTION_STATE');
    await refused(() => h.api('GET', path(e.id, '/tally')), 404, 'NO_TALLY');
    await refused(() => h.api('POST', path(e.id, '/close'), {}, e.commission), 409, 'TOO_EARLY');
    await refused(() => h.api('POST', path(e.id, '/close'), {}, t1.token), 403, 'FORBIDDEN');
    await refused(() => h.api('POST', path(e.id, '/close'), {}, null), 401, 'NOT_SIGNED_IN');
    await refused(
      () => h.api('POST', path(e.id, '/close'), { force: true }, e.commission),
      400,
      'BAD_REQUEST',
    );

    h.now.value = CLOSING;
    await refreshSessions(h, e);
    const closed = await h.api('POST', path(e.id, '/close'), {}, e.commission);
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body.election.status).toBe('closed');
    expect(h.server.ctx.board.latest(e.id, 'voting-closed')!.payload).toEqual({
      at: '2026-12-20T20:00:00+05:00',
      ballots: 7,
    });
    const tally = h.server.ctx.board.latest(e.id, 'tally')!;
    expect(tally.payload).toMatchObject({ ballots: 7, counted: 5, revotes: 2 });
    expect(types(e.id).slice(-2)).toEqual(['voting-closed', 'tally']);
    await refused(() => h.api('POST', path(e.id, '/close'), {}, e.commission), 409, 'ELECTION_STATE');
    expect((await h.api('GET', path(e.id, '/tally'))).body).toMatchObject({
      t: 2,
      decryptions: [],
      finished: false,
    });

    // Refusals, each writing nothing.
    const { message: m1 } = decryptionFor(e, t1);
    const post =
      (m: unknown, token = t1.token) =>
      () =>
        h.api('POST', path(e.id, '/decryptions'), m, token);
    await refused(post(m1, e.commission), 403, 'FORBIDDEN');
    await refused(post(m1, t2.token), 403, 'NOT_YOUR_INDEX');
    await refused(post({ ...m1, signature: decryptionFor(e, t2).message.signature }), 400, 'BAD_SIGNATURE');
    const badProof = structuredClone(m1);
    badProof.contests[0]!.factors[1]!.proof.response = encodeScalar(7n);
    await refused(post(resign(t1, badProof)), 400, 'BAD_DECRYPTION');
    // A factor from another secret, with a proof made for it: the proof is checked against X_1.
    const wrongSecret = decryptionFor(e, t1, {
      secret: mod(decodeScalar(loadState(t1.file).share!.secret, 'x') + 1n),
    });
    await refused(post(wrongSecret.message), 400, 'BAD_DECRYPTION');
    const otherFp = decryptionFor(e, t1, { fingerprint: hexToBytesStrict('ab'.repeat(32), 'fp', 32) });
    await refused(post(otherFp.message), 400, 'BAD_DECRYPTION');
    const short = structuredClone(m1);
    short.contests[0]!.factors.pop();
    await refused(post(resign(t1, short)), 400, 'BAD_DECRYPTION');
    const renamed = structuredClone(m1);
    renamed.contests[0]!.id = 'mayor';
    await refused(post(resign(t1, renamed)), 400, 'BAD_DECRYPTION');
    const otherTrustee = structuredClone(m1);
    otherTrustee.contests[0]!.factors[0]!.trustee = 2;
    await refused(post(resign(t1, otherTrustee)), 400, 'BAD_DECRYPTION');
    const nonCanonical = structuredClone(m1);
    nonCanonical.contests[0]!.factors[0]!.factor = bytesToB64(new Uint8Array(32).fill(0xff));
    await refused(post(resign(t1, nonCanonical)), 400, 'BAD_DECRYPTION');
    await refused(post({ ...m1, extra: true }), 400, 'BAD_REQUEST');

    // Trustee 1 decrypts: recorded, no result yet.
    expect(await decryptTally(t1.api, t1.file, { board: boardOf })).toEqual({
      trustee: 1,
      posted: true,
      result: null,
    });
    expect(getElection(h.server.ctx, e.id).status).toBe('closed');
    expect(await decryptTally(t1.api, t1.file, { board: boardOf })).toEqual({
      trustee: 1,
      posted: false,
      result: null,
    });
    await refused(post(m1), 409, 'ALREADY_DECRYPTED');
    expect((await h.api('GET', path(e.id, '/tally'))).body.decryptions).toEqual([1]);

    // Trustee 3's decryption is the t-th: the result in the same transaction.
    const r3 = await decryptTally(t3.api, t3.file, { board: boardOf });
    const expected = {
      roll: 6,
      ballots: 7,
      counted: 5,
      revotes: 2,
      trustees: [1, 3],
      contests: [{ id: 'akim', counts: [1, 2, 1, 1], outcome: { kind: 'elected', winner: 'c2' } }],
    };
    expect(r3).toEqual({ trustee: 3, posted: true, result: expected });
    expect(getElection(h.server.ctx, e.id).status).toBe('finished');
    expect(types(e.id).slice(-3)).toEqual(['decryption', 'decryption', 'result']);
    expect(h.server.ctx.board.latest(e.id, 'result')!.payload).toEqual(expected);

    // A third decryption after the result is refused (SPEC §10.11): the result is final.
    const { message: m2 } = decryptionFor(e, t2);
    await refused(post(m2, t2.token), 409, 'RESULT_PUBLISHED');
    expect(await decryptTally(t2.api, t2.file, { board: boardOf })).toEqual({
      trustee: 2,
      posted: false,
      result: expected,
    });

    const res = await h.api('GET', path(e.id, '/result'));
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual(expected);
    expect(res.body.trustees).toEqual([
      { index: 1, name: 'Trustee 1' },
      { index: 3, name: 'Trustee 3' },
    ]);
    expect(res.body.contests[0].options.map((o: { id: string; count: number }) => [o.id, o.count])).toEqual([
      ['c1', 1],
      ['c2', 2],
      ['c3', 1],
      ['against-all', 1],
    ]);
    expect(res.body.contests[0].options[1].names.en).toBe('Beta');

    for (const lang of ['kk', 'ru', 'en'] as const) {
      const p = await h.api('GET', path(e.id, `/result/protocol?lang=${lang}`));
      expect(p.status).toBe(200);
      expect(p.headers.get('content-type')).toMatch(/^text\/html/);
      expect(p.headers.get('content-security-policy')).toContain("script-src 'self'");
      const names = { kk: 'Beta (kk)', ru: 'Beta (ru)', en: 'Beta' }[lang];
      const elected = { kk: 'Сайланды', ru: 'Избранный кандидат', en: 'Elected' }[lang];
      expect(p.text).toContain(`<html lang="${lang}">`);
      expect(p.text).toContain(`${elected}: <strong>${names}</strong>`);
      expect(p.text).toMatch(/<td class="num">2<\/td>\s*<td class="num">40[.,]00 %<\/td>/);
      expect(p.text).toContain('href="/assets/saylau.css"');
      expect(p.text).toContain(h.server.ctx.board.latest(e.id, 'result')!.hash);
      expect(p.text).toContain('Trustee 3');
      // Escaped, never raw; no inline script or style.
      expect(p.text).toContain('Alpha &lt;i&gt;&amp;');
      expect(p.text).not.toContain('Alpha <i>');
      expect(p.text).not.toMatch(/<script|style=|<style/i);
    }
    await refused(() => h.api('GET', path(e.id, '/result/protocol?lang=de')), 400, 'BAD_REQUEST');
    expect((await h.api('GET', path(e.id, '/result/protocol'))).text).toContain('<html lang="kk">');
  });

  it('a trustee refuses to decrypt a tally that is not the sum of the board’s last ballots', async () => {
    const e = await ceremonyElectionFixture(h, { id: 'tally-2' });
    const [t1] = e.trustees as [TrusteeHandle];
    for (const [cred, option] of [
      [0, 1],
      [1, 2],
      [2, 0],
    ] as const)
      insertBallot(h, e, e.credentials[cred]!.keys, [option]);
    h.now.value = CLOSING;
    await refreshSessions(h, e);
    expect((await h.api('POST', path(e.id, '/close'), {}, e.commission)).status).toBe(200);
    const entries = [...h.server.ctx.board.entries(e.id)];
    // A server that hides a ballot from the trustee must rewrite the chain: the trustee recomputes the sum.
    const hidden = rechain(
      entries.filter((x) => !(x.type === 'ballot' && x === entries.find((y) => y.type === 'ballot'))),
    );
    const before = h.snapshot();
    await expect(decryptTally(t1.api, t1.file, { board: async () => hidden })).rejects.toMatchObject({
      code: 'TALLY_MISMATCH',
    });
    // A chain that does not link is refused before anything is read from it.
    const broken = entries.map((x) =>
      x.type === 'tally' ? { ...x, payload: { ...(x.payload as object), counted: 2 } } : x,
    );
    await expect(
      decryptTally(t1.api, t1.file, { board: async () => broken.map((x) => JSON.stringify(x)).join('\n') }),
    ).rejects.toMatchObject({ code: 'BAD_BOARD' });
    expect(h.snapshot()).toEqual(before);
  });

  it('a demo election may close early; no ballots give a zero tally and a repeat election', async () => {
    const e = await ceremonyElectionFixture(h, { id: 'demo-empty', election: { demo: true } });
    const [t1, t2] = e.trustees as [TrusteeHandle, TrusteeHandle];
    const closed = await h.api('POST', path(e.id, '/close'), {}, e.commission); // 08:00, before votingCloses
    expect(closed.status, closed.text).toBe(200);
    const tally = h.server.ctx.board.latest(e.id, 'tally')!.payload as TallyPayload;
    expect(tally).toMatchObject({ ballots: 0, counted: 0, revotes: 0 });
    expect(tally.contests[0]!.ciphertexts.every((c) => c.alpha === ZERO32 && c.beta === ZERO32)).toBe(true);
    await decryptTally(t2.api, t2.file, { board: boardOf });
    // This one reads the board the default way, over GET …/board (SPEC §9.3).
    const r = await decryptTally(t1.api, t1.file);
    expect(r.result).toEqual({
      roll: 6,
      ballots: 0,
      counted: 0,
      revotes: 0,
      trustees: [1, 2],
      contests: [{ id: 'akim', counts: [0, 0, 0, 0], outcome: { kind: 'repeat', reason: 'no-votes' } }],
    });
    const p = await h.api('GET', path(e.id, '/result/protocol?lang=ru'));
    expect(p.text).toContain('Повторные выборы: за кандидатов не подано ни одного голоса');
    expect(p.text).toContain('ДЕМО');
  });

  it('a tie under tie = lot elects the candidate the published draw names', async () => {
    const e = await ceremonyElectionFixture(h, {
      id: 'demo-lot',
      election: { demo: true, profile: { name: 'reform', tie: 'lot' } },
    });
    const [t1, t2] = e.trustees as [TrusteeHandle, TrusteeHandle];
    insertBallot(h, e, e.credentials[0]!.keys, [0]);
    insertBallot(h, e, e.credentials[1]!.keys, [2]);
    insertBallot(h, e, e.credentials[2]!.keys, [3]);
    expect((await h.api('POST', path(e.id, '/close'), {}, e.commission)).status).toBe(200);
    const tallyHash = h.server.ctx.board.latest(e.id, 'tally')!.hash;
    await decryptTally(t1.api, t1.file, { board: boardOf });
    const r = (await decryptTally(t2.api, t2.file, { board: boardOf })).result as {
      contests: { counts: number[]; outcome: unknown }[];
    };
    const draw = createHash('sha256').update(`${tallyHash}:akim:c1,c3`, 'utf8').digest('hex');
    const winner = ['c1', 'c3'][Number(BigInt(`0x${draw.slice(0, 16)}`) % 2n)];
    expect(r.contests[0]).toEqual({
      id: 'akim',
      counts: [1, 0, 1, 1],
      outcome: { kind: 'elected', winner, lot: { tied: ['c1', 'c3'], draw } },
    });
  });

  it('a referendum: each question adopted only with more yes than no', async () => {
    const q = (en: string) => ({ kk: `${en} (kk)`, ru: `${en} (ru)`, en });
    const e = await ceremonyElectionFixture(h, {
      id: 'ref-1',
      n: 4,
      t: 3,
      election: {
        kind: 'referendum',
        demo: true,
        questions: [
          { id: 'road', text: q('Build the road?'), subject: 'local-amenities' },
          { id: 'school', text: q('Repair the school?'), subject: 'local-amenities' },
        ],
      },
    });
    // [road, school]: 0 = yes, 1 = no.
    for (const [cred, choice] of [
      [0, [0, 1]],
      [1, [0, 2]],
      [2, [1, 1]],
      [3, [1, 1]],
      [3, [0, 0]],
    ] as const)
      insertBallot(h, e, e.credentials[cred]!.keys, [...choice]);
    expect((await h.api('POST', path(e.id, '/close'), {}, e.commission)).status).toBe(200);
    const [, t2, t3, t4] = e.trustees as TrusteeHandle[];
    await decryptTally(t2!.api, t2!.file, { board: boardOf });
    await decryptTally(t4!.api, t4!.file, { board: boardOf });
    const r = (await decryptTally(t3!.api, t3!.file, { board: boardOf })).result;
    expect(r).toEqual({
      roll: 6,
      ballots: 5,
      counted: 4,
      revotes: 1,
      trustees: [2, 3, 4],
      contests: [
        { id: 'road', counts: [3, 1, 0], outcome: { kind: 'adopted' } },
        // An abstention counts for neither side (SPEC §10.12 R2); 4 of 6 on the roll took part (R0).
        { id: 'school', counts: [1, 2, 1], outcome: { kind: 'rejected' } },
      ],
    });
    const p = await h.api('GET', path(e.id, '/result/protocol?lang=en'));
    expect(p.text).toContain('Build the road?');
    expect(p.text).toContain('Adopted');
    expect(p.text).toContain('Rejected');
    // The verifier agrees, and says that a referendum's candidate checks had nothing to check.
    const report = await verifyBoard(await boardOf(e.id));
    expect(report.failures).toEqual([]);
    expect(report.exitCode).toBe(0);
    for (const id of ['3.2', '3.4']) {
      const c = report.checks.find((x) => x.id === id);
      expect(c?.status, id).toBe('skipped');
      expect(c?.noteKey, id).toBe('skipReferendum');
    }
    expect(report.checks.find((x) => x.id === '3.3')?.status).toBe('pass');
    expect(report.checks.find((x) => x.id === '1.4')?.status).toBe('pass');
  });

  it('a referendum with too few voters is not valid for turnout, and the verifier agrees', async () => {
    const q = (en: string) => ({ kk: `${en} (kk)`, ru: `${en} (ru)`, en });
    const e = await ceremonyElectionFixture(h, {
      id: 'ref-2',
      n: 3,
      t: 2,
      election: {
        kind: 'referendum',
        demo: true,
        questions: [{ id: 'well', text: q('Dig a well?'), subject: 'local-amenities' }],
      },
    });
    // 3 of 6 on the roll: not more than half (SPEC §10.12 R0), however they voted.
    for (const [cred, choice] of [
      [0, 0],
      [1, 0],
      [2, 2],
    ] as const)
      insertBallot(h, e, e.credentials[cred]!.keys, [choice]);
    expect((await h.api('POST', path(e.id, '/close'), {}, e.commission)).status).toBe(200);
    const [t1, t2] = e.trustees as TrusteeHandle[];
    await decryptTally(t1!.api, t1!.file, { board: boardOf });
    const r = (await decryptTally(t2!.api, t2!.file, { board: boardOf })).result;
    expect(r?.roll).toBe(6);
    expect(r?.contests).toEqual([
      { id: 'well', counts: [2, 0, 1], outcome: { kind: 'invalid', reason: 'turnout' } },
    ]);
    for (const [lang, words] of [
      ['en', 'Not valid: turnout was not above 50 % of the voters on the roll'],
      ['ru', 'Недействителен: явка не превысила 50 %'],
      ['kk', 'Жарамсыз: қатысу'],
    ] as const) {
      const p = await h.api('GET', path(e.id, `/result/protocol?lang=${lang}`));
      expect(p.text).toContain(words);
    }
    const view = await h.api('GET', path(e.id, '/result'));
    expect(view.body.turnoutPercent).toBe(50);
    const report = await verifyBoard(await boardOf(e.id));
    expect(report.failures).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.result?.contests[0]?.outcome).toEqual({ kind: 'invalid', reason: 'turnout' });

    // A server that rewrites the board and re-chains it: each rule is re-checked by the verifier.
    const entries = [...h.server.ctx.board.entries(e.id)];
    const edited = (edit: (x: BoardEntry) => unknown) =>
      rechain(entries.map((x) => ({ ...x, payload: edit(structuredClone(x)) ?? x.payload }) as BoardEntry));
    const caught = async (board: string, check: string, key: string, seq: number) => {
      const r = await verifyBoard(board);
      expect(r.exitCode).toBe(1);
      expect(r.failures.filter((f) => f.check === check).map((f) => [f.seq, f.key])).toContainEqual([
        seq,
        key,
      ]);
    };
    type Manifest = { questions: { subject: string }[]; profile: { turnoutPercent: number } };
    // 1.4: a question on a subject the law keeps from a referendum, forced onto the manifest.
    await caught(
      edited((x) => {
        if (x.type !== 'manifest') return undefined;
        (x.payload as Manifest).questions[0]!.subject = 'budget-and-taxes';
        return x.payload;
      }),
      '1.4',
      'questionExcluded',
      0,
    );
    // 1.2: the turnout rule dropped from the published profile.
    await caught(
      edited((x) => {
        if (x.type !== 'manifest') return undefined;
        (x.payload as Manifest).profile.turnoutPercent = 0;
        return x.payload;
      }),
      '1.2',
      'profileRules',
      0,
    );
    // 10.2: the question declared adopted despite the turnout.
    await caught(
      edited((x) => {
        if (x.type !== 'result') return undefined;
        (x.payload as { contests: { outcome: unknown }[] }).contests[0]!.outcome = { kind: 'adopted' };
        return x.payload;
      }),
      '10.2',
      'outcomeWrong',
      entries.length - 1,
    );
  });
});

/** The same entries with seq, prev and hash recomputed: what a dishonest server would serve. */
function rechain(entries: BoardEntry[]): string {
  let prev = '0'.repeat(64);
  return entries
    .map((x, seq) => {
      const e = { seq, type: x.type, payload: x.payload, prev, hash: '' };
      e.hash = entryHash(e);
      prev = e.hash;
      return JSON.stringify(e);
    })
    .join('\n');
}
