/**
 * The fast path of checks 7.1, 7.3 and 7.4 (ballot-batch.ts: OpenSSL's Ed25519 first, one §5.6 MSM
 * per batch, bisected) gives every ballot the verdict of the reference path: strict decoding, the
 * pure-JS §7.4 verifier and every proof equation evaluated one by one (SPEC §8.3, §11.3).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CryptoError,
  G,
  IDENTITY,
  ORDER,
  b64ToBytesStrict,
  ballotEquations,
  buildBallot,
  bytesToB64,
  bytesToHex,
  contestFields,
  contestFromFields,
  checkEquations,
  decodeBallot,
  deriveCredentialKeys,
  encodePoint,
  encodeScalar,
  generateCredentialCode,
  makeElectionParams,
  randomScalar,
  signBallot,
  verifyBallotSignature,
  type BallotJson,
  type ContestFields,
  type CredentialKeys,
  type Point,
} from '@saylau/crypto';
import { verifyBallotBatch } from '../src/ballot-batch.ts';
import { batchSize } from '../src/ballots.ts';
import type { Entry } from '../src/board.ts';
import { Collector } from '../src/report.ts';
import { checkCredentials } from '../src/setup.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- ballots are edited as free-form JSON */
const ELECTION = 'batch-test';
const params = makeElectionParams(ELECTION, G.multiply(randomScalar()), [
  { id: 'akim', options: 3 },
  { id: 'q1', options: 2 },
]);
const anchor = { seq: 3, hash: 'ab'.repeat(32) };
const voters: CredentialKeys[] = Array.from({ length: 6 }, () =>
  deriveCredentialKeys(ELECTION, generateCredentialCode()),
);
const valid: BallotJson[] = voters.map((v, i) => buildBallot(params, v, [i % 3, i % 2], anchor).ballot);
const keyOf = new Map(voters.map((v) => [v.publicKeyText, v]));
const randomPoint = (): Point => G.multiply(randomScalar());
const clone = (b: BallotJson): any => JSON.parse(JSON.stringify(b));
/** Sign again with the ballot's own credential, as its voter (or a thief of the code) could. */
const resign = (b: any): any => {
  const v = keyOf.get(b.credential);
  return v ? signBallot(b, b.anchor, v.secretKey) : b;
};
const bytesOf = (text: string) => b64ToBytesStrict(text, 'text', Math.floor((text.length * 3) / 4));
/** Bit 255 set: never a canonical point encoding (SPEC §2.1). */
const setHighBit = (text: string) => {
  const b = bytesOf(text);
  b[31]! |= 0x80;
  return bytesToB64(b);
};
/** 32 bytes little-endian in base64url, as scalars are written (SPEC §2.2), without encodeScalar's range check. */
const leBytes = (n: bigint) =>
  Uint8Array.from(n.toString(16).padStart(64, '0').match(/../g)!.reverse(), (h) => parseInt(h, 16));
const le = (n: bigint) => bytesToB64(leBytes(n));
const fromLe = (b: Uint8Array) => BigInt('0x' + bytesToHex(b.slice().reverse()));
/** The same bytes with a non-zero unused low bit in the last character (SPEC §1.2 refuses it). */
const withUnusedBits = (text: string) => {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return text.slice(0, -1) + A[A.indexOf(text.at(-1)!) | 1];
};
/** Edit contest `ci` of a ballot by its named fields (SPEC §8.2). */
const edit = (b: any, ci: number, change: (f: ContestFields) => void): any => {
  const f = contestFields(b.contests[ci]);
  change(f);
  b.contests[ci] = contestFromFields(f);
  return b;
};

/** Ways to spoil a ballot: what the fast path must refuse exactly as the reference does. */
const CORRUPTIONS: ((b: any, other: BallotJson) => any)[] = [
  (b) => b,
  (b) =>
    resign(
      edit(b, 0, (f) => {
        const p = f.choices[1]!.proof;
        p.s0 = encodeScalar((fromLe(bytesOf(p.s0)) + 1n) % ORDER);
      }),
    ),
  (b) => resign(edit(b, 1, (f) => (f.sumProof.response = encodeScalar(randomScalar())))),
  (b) => resign(edit(b, 0, (f) => (f.choices[2]!.proof.a0 = encodePoint(randomPoint())))),
  (b) => resign(edit(b, 0, (f) => (f.choices[0]!.alpha = encodePoint(randomPoint())))),
  // An allowed point, a false proof.
  (b) => resign(edit(b, 1, (f) => (f.choices[0]!.proof.b1 = encodePoint(IDENTITY)))),
  // Another voter's proofs under this credential: the context (§5.1) no longer matches.
  (b, other) => resign({ ...b, contests: clone(other).contests }),
  // Not signed again: the signature no longer covers the ballot.
  (b) => edit(b, 0, (f) => (f.choices[0]!.proof.c0 = encodeScalar(randomScalar()))),
  (b) => ({ ...b, signature: (b.signature[0] === 'A' ? 'B' : 'A') + b.signature.slice(1) }),
  // S + ℓ: the same signature, non-canonical (§7.4 step 3).
  (b) => {
    const sig = bytesOf(b.signature);
    sig.set(leBytes(fromLe(sig.subarray(32)) + ORDER), 32);
    return { ...b, signature: bytesToB64(sig) };
  },
  (b) => resign(edit(b, 0, (f) => (f.choices[1]!.proof.a1 = setHighBit(f.choices[1]!.proof.a1)))),
  // A negative field element.
  (b) => resign(edit(b, 1, (f) => (f.choices[1]!.beta = bytesToB64(leBytes(1n))))),
  (b) => resign(edit(b, 0, (f) => (f.choices[2]!.alpha = encodePoint(IDENTITY)))),
  // Not below ℓ.
  (b) => resign(edit(b, 0, (f) => (f.sumProof.response = le(ORDER)))),
  (b) => ({ ...b, credential: bytesToB64(leBytes(1n)) }), // a small-order key (y = 1)
  (b) => ({ ...b, extra: 1 }),
  (b) => ({ ...b, contests: b.contests.slice(0, 1) }),
  // Spellings SPEC §1.2 refuses, of the very bytes of a valid ballot.
  (b) => ({ ...b, signature: withUnusedBits(b.signature) }),
  (b) => resign({ ...b, contests: [b.contests[0].replace(/-/g, '+').replace(/_/g, '/'), b.contests[1]] }),
  (b) => resign({ ...b, contests: [b.contests[0], bytesToHex(bytesOf(b.contests[1]))] }),
  (b) => resign({ ...b, contests: [b.contests[0], { id: 'q1', ...contestFields(b.contests[1]) }] }),
];

interface Verdict {
  refused: { code: string; field: string } | null;
  signature: boolean;
  proofs: boolean;
}

/** One by one, with the pure-JS §7.4 verifier and no batching. */
function reference(payload: unknown): Verdict {
  try {
    const b = decodeBallot(params, payload);
    return {
      refused: null,
      signature: verifyBallotSignature(b),
      proofs: checkEquations(ballotEquations(params, b)),
    };
  } catch (e) {
    if (!(e instanceof CryptoError)) throw e;
    return { refused: { code: e.code, field: e.field }, signature: false, proofs: false };
  }
}

describe('the fast ballot path (checks 7.1, 7.3, 7.4)', () => {
  it('gives each ballot the reference verdict, over random valid and corrupted ballots', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            ballot: fc.nat(valid.length - 1),
            other: fc.nat(valid.length - 1),
            how: fc.nat(CORRUPTIONS.length - 1),
            selected: fc.boolean(),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        (picks) => {
          const payloads = picks.map((p) =>
            CORRUPTIONS[p.how]!(clone(valid[p.ballot]!), valid[(p.ballot + 1 + p.other) % valid.length]!),
          );
          const items = payloads.map((payload, i) => ({
            seq: 100 + i,
            line: JSON.stringify({ seq: 100 + i, type: 'ballot', payload }),
            selected: picks[i]!.selected,
          }));
          const fast = verifyBallotBatch(params, items);
          const want = payloads.map(reference);
          expect(
            fast.verdicts.map((v) => ({
              refused: v.refused && { code: v.refused.code, field: v.refused.field },
              signature: v.signature,
              proofs: v.proofs,
            })),
          ).toEqual(want);
          // A key is reported checked exactly when its ballot decoded.
          expect(fast.verdicts.map((v) => v.checkedKey)).toEqual(
            payloads.map((p, i) => (want[i]!.refused ? null : (p as BallotJson).credential)),
          );
          // The sum covers exactly the counted ballots that decode.
          const sums = params.contests.map((c) =>
            Array.from({ length: c.options }, () => ({ alpha: IDENTITY, beta: IDENTITY })),
          );
          payloads.forEach((p, i) => {
            if (!items[i]!.selected || want[i]!.refused) return;
            decodeBallot(params, p).contests.forEach((c, ci) =>
              c.choices.forEach((ch, oi) => {
                const s = sums[ci]![oi]!;
                s.alpha = s.alpha.add(ch.ciphertext.alpha);
                s.beta = s.beta.add(ch.ciphertext.beta);
              }),
            );
          });
          expect(fast.sums).toEqual(
            sums.map((row) => row.map((s) => ({ alpha: encodePoint(s.alpha), beta: encodePoint(s.beta) }))),
          );
          expect(fast.unsummed).toEqual(
            items.filter((it, i) => it.selected && want[i]!.refused).map((it) => it.seq),
          );
        },
      ),
      { numRuns: 15 },
    );
  });

  it('gives the reference verdict for each corruption in turn, and each spoils the ballot', () => {
    const payloads = CORRUPTIONS.map((spoil, k) =>
      spoil(clone(valid[k % valid.length]!), valid[(k + 1) % valid.length]!),
    );
    const fast = verifyBallotBatch(
      params,
      payloads.map((payload, i) => ({ seq: i, line: JSON.stringify({ payload }), selected: true })),
    );
    const want = payloads.map(reference);
    expect(
      fast.verdicts.map((v) => ({
        refused: v.refused && { code: v.refused.code, field: v.refused.field },
        signature: v.signature,
        proofs: v.proofs,
      })),
    ).toEqual(want);
    expect(want.map((w) => w.refused === null && w.signature && w.proofs)).toEqual(
      payloads.map((_, k) => k === 0),
    );
    // The respellings of §1.2 are refused at decoding, naming the field.
    expect(want.slice(-4).map((w) => w.refused)).toEqual([
      { code: 'BAD_BASE64', field: 'ballot.signature' },
      { code: 'BAD_BASE64', field: 'ballot.contests[0]' },
      { code: 'BAD_LENGTH', field: 'ballot.contests[1]' },
      { code: 'BAD_TYPE', field: 'ballot.contests[1]' },
    ]);
  });

  it('finds the one forged proof among valid ballots, whichever its place', () => {
    const forge = CORRUPTIONS[1]!;
    for (const at of [0, 3, 5]) {
      const payloads = valid.map((b, i) => (i === at ? forge(clone(b), b) : b));
      const r = verifyBallotBatch(
        params,
        payloads.map((payload, i) => ({ seq: i, line: JSON.stringify({ payload }), selected: true })),
      );
      expect(r.verdicts.map((v) => v.proofs)).toEqual(payloads.map((_, i) => i !== at));
      expect(r.verdicts.every((v) => v.signature && v.refused === null)).toBe(true);
    }
  });
});

describe('check 5.1 with keys the ballot threads already checked', () => {
  const entry = (payload: unknown): Entry => ({
    index: 0,
    line: 1,
    seq: 7,
    type: 'credentials',
    payload,
    prev: '',
    hash: '',
    text: '',
    canonical: true,
  });
  const keys = voters.map((v) => v.publicKeyText).sort();
  const failures = (list: string[], checked: Set<string>) => {
    const out = new Collector();
    checkCredentials([entry({ count: list.length, list })], null, out, checked);
    return out.failures.map((f) => [f.check, f.key, f.params]);
  };

  it('gives the same failures with or without them', () => {
    const small = '01' + '00'.repeat(31);
    for (const list of [
      keys,
      [small, ...keys],
      [...keys.slice(0, 2), setHighBit(keys[2]!)],
      [keys[1]!, keys[0]!],
    ])
      expect(failures(list, new Set(keys))).toEqual(failures(list, new Set()));
    expect(failures([small, ...keys], new Set(keys))).toHaveLength(1);
    expect(failures(keys, new Set(keys))).toEqual([]);
  });
});

describe('batch sizes (SPEC §11.3)', () => {
  const cut = (n: number, threads: number) => {
    const sizes: number[] = [];
    for (let i = 0; i < n; i += sizes.at(-1)!) sizes.push(batchSize(n - i, threads));
    return sizes;
  };

  it('cover every ballot once, shrinking towards the end, within 16 and 512', () => {
    for (const n of [1, 15, 64, 1000, 1051, 10_000, 100_000])
      for (const threads of [0, 1, 2, 8]) {
        const sizes = cut(n, threads);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
        sizes.forEach((s, i) => {
          expect(s).toBeLessThanOrEqual(512);
          if (i < sizes.length - 1) expect(s).toBeGreaterThanOrEqual(threads > 1 ? 16 : 512);
          if (i > 0) expect(s).toBeLessThanOrEqual(sizes[i - 1]!);
        });
      }
    expect(cut(1000, 2).slice(0, 3)).toEqual([250, 188, 141]);
    expect(cut(10_000, 2).slice(-4)).toEqual([16, 16, 16, 8]);
    expect(cut(1300, 1)).toEqual([512, 512, 276]);
  });
});
