/**
 * Tamper suite for a ceremony started again (SPEC §10.6.7, checks 4.6–4.7): one real demo election
 * whose first ceremony (t = 3, trustee 3 never deals) is reset and run again. Each case edits the
 * board as a server that re-hashes the chain would, re-signing and re-dealing where needed so that
 * only the defect it aims at remains; the untouched board must pass.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { b64ToBytesStrict, hexToBytesStrict, type CredentialKeys } from '@saylau/crypto';
import { runDemo, loadState, prepareDealing, type TrusteeState } from '@saylau/tools';
import { ceremonyFingerprint } from '@saylau/protocol';
import { verifyBoard } from '../src/index.ts';
import {
  bumpScalar,
  expectCaught,
  flipHex,
  indexOfType,
  loadDemoFixture,
  parseBoard,
  resignTrusteeMessage,
  summary,
  tamper,
  type Entry,
} from './tamper-helpers.ts';

let dir = '';
let text = '';
/** The abandoned round's trustee states by index (their secrets re-sign round-0 messages). */
const round0 = new Map<number, TrusteeState>();
/** The voters' credential keys: these cases rewrite the ceremony and re-anchor the ballots (7.6) to aim at one check. */
let voters: Map<string, CredentialKeys>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saylau-tamper-reset-'));
  await runDemo({ voters: 20, outDir: dir, seed: 13, revoteShare: 0.1, ceremonyReset: true });
  const fx = loadDemoFixture(dir);
  text = fx.text;
  voters = fx.credentials;
  const old = join(dir, 'trustees-round-0');
  for (const f of readdirSync(old)) {
    const s = loadState(join(old, f));
    round0.set(s.index!, s);
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const resetIndex = (entries: readonly Entry[]) => indexOfType(entries, 'ceremony-reset');

/** The board with the reset's payload edited and the chain re-hashed after it; `at` is its seq. */
function editReset(edit: (payload: Entry['payload']) => void): { board: string; at: number } {
  let at = -1;
  const board = tamper(
    text,
    (es) => {
      at = resetIndex(es);
      edit(es[at]!.payload);
      return at;
    },
    { rehash: true },
  );
  return { board, at };
}

describe('tamper: a ceremony started again', () => {
  it('the untouched board with a reset passes (exit 0)', async () => {
    const r = await verifyBoard(text);
    expect(r.failures, summary(r)).toEqual([]);
    expect(r.exitCode).toBe(0);
    const entries = parseBoard(text);
    expect(entries.filter((e) => e.type === 'ceremony')).toHaveLength(2);
    expect(entries[resetIndex(entries)]!.payload.round).toBe(1);
  });

  it('a reset naming another fingerprint → 4.6', async () => {
    const { board, at } = editReset((p) => (p.ceremony = flipHex(p.ceremony)));
    expectCaught(await verifyBoard(board), '4.6', { key: 'resetFingerprint', seq: at });
  });

  it('a skipped round number → 4.6', async () => {
    const { board, at } = editReset((p) => (p.round = 2));
    expectCaught(await verifyBoard(board), '4.6', { key: 'resetRound', seq: at });
  });

  it('a reset that names no account, or not an account name → 4.6', async () => {
    const none = editReset((p) => delete p.by);
    expectCaught(await verifyBoard(none.board), '4.6', { seq: none.at });
    const bad = editReset((p) => (p.by = 'Chair <script>'));
    const r = await verifyBoard(bad.board);
    expectCaught(r, '4.6', { seq: bad.at });
    expect(r.failures.find((f) => f.check === '4.6')!.message).toContain('not an account name');
  });

  it('a reset after the joint key (moved there) → 4.6', async () => {
    let moved = -1;
    const board = tamper(
      text,
      (es) => {
        const from = resetIndex(es);
        const [reset] = es.splice(from, 1);
        moved = indexOfType(es, 'joint-key') + 1;
        es.splice(moved, 0, reset!);
        return from;
      },
      { rehash: true },
    );
    expectCaught(await verifyBoard(board), '4.6', { key: 'resetAfterJointKey', seq: moved });
  });

  it('a key of the abandoned round registered again → 4.7 only', async () => {
    // Trustee 3 of round 0 carries the keys trustee 3 registers in round 1: the board of a trustee
    // who reused its keys. Round 0's ceremony, fingerprint, dealings and reset are redone to match.
    let reused = -1;
    const board = tamper(
      text,
      (es) => {
        const reset = resetIndex(es);
        const trustees0 = es.filter((e, i) => e.type === 'trustee' && i < reset);
        const trustee3 = es.findIndex((e, i) => e.type === 'trustee' && i > reset && e.payload.index === 3);
        reused = trustee3;
        const t3 = trustees0[2]!;
        t3.payload = {
          ...t3.payload,
          signingKey: es[trustee3]!.payload.signingKey,
          boxKey: es[trustee3]!.payload.boxKey,
        };
        const c = es[indexOfType(es, 'ceremony')]!;
        const list = trustees0.map((e) => e.payload);
        const fingerprint = ceremonyFingerprint(
          es[0]!.payload.election,
          es[0]!.hash,
          c.payload.t,
          c.payload.n,
          list,
        );
        c.payload = { ...c.payload, trustees: list, fingerprint };
        const verified = {
          t: c.payload.t,
          n: c.payload.n,
          fingerprint,
          fp: hexToBytesStrict(fingerprint, 'fp', 32),
          trustees: list,
        };
        es.forEach((e, i) => {
          if (e.type === 'dkg-dealing' && i < reset)
            e.payload = prepareDealing(round0.get(e.payload.dealer)!, verified).message;
        });
        es[reset]!.payload.ceremony = fingerprint;
        return es.indexOf(t3);
      },
      { rehash: true, reanchor: voters },
    );
    const r = await verifyBoard(board);
    expectCaught(r, '4.7', { key: 'keyFromEarlierRound', seq: reused });
    expect(new Set(r.failures.map((f) => f.check)), summary(r)).toEqual(new Set(['4.7']));
  });

  it('a forged dealing in the abandoned round (re-signed) → 4.3', async () => {
    let at = -1;
    const board = tamper(
      text,
      (es) => {
        at = indexOfType(es, 'dkg-dealing');
        const m = es[at]!.payload;
        const proof = m.commitments.coefficients[0].proof;
        proof.response = bumpScalar(proof.response);
        const key = b64ToBytesStrict(round0.get(m.dealer)!.signingSecretKey, 'sk', 32);
        es[at]!.payload = resignTrusteeMessage(m, key);
        return at;
      },
      { rehash: true, reanchor: voters },
    );
    const r = await verifyBoard(board);
    expectCaught(r, '4.3', { key: 'commitmentProof', seq: at });
    expect(new Set(r.failures.map((f) => f.check)), summary(r)).toEqual(new Set(['4.3']));
  });
});
