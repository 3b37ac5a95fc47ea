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
  ballotEquations,
  buildBallot,
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
const setHighBit = (hex: string) =>
  hex.slice(0, 62) + (parseInt(hex.slice(62), 16) | 0x80).toString(16).padStart(2, '0');
/** 32 bytes little-endian, as scalars are written (SPEC §2.2), without encodeScalar's range check. */
const le = (n: bigint) => n.toString(16).padStart(64, '0').match(/../g)!.reverse().join('');
const fromLe = (hex: string) => BigInt('0x' + hex.match(/../g)!.reverse().join(''));

/** Ways to spoil a ballot: what the fast path must refuse exactly as the reference does. */
const CORRUPTIONS: ((b: any, other: BallotJson) => any)[] = [
  (b) => b,
  (b) => {
    const p = b.contests[0].choices[1].proof;
    p.s0 = encodeScalar((fromLe(p.s0) + 1n) % ORDER);
    return resign(b);
  },
  (b) => {
    b.contests[1].sumProof.response = encodeScalar(randomScalar());
    return resign(b);
  },
  (b) => {
    b.contests[0].choices[2].proof.a0 = encodePoint(randomPoint());
    return resign(b);
  },
  (b) => {
    b.contests[0].choices[0].alpha = encodePoint(randomPoint());
    return resign(b);
  },
  (b) => {
    b.contests[1].choices[0].proof.b1 = encodePoint(IDENTITY); // allowed point, false proof
    return resign(b);
  },
  // Another voter's proofs under this credential: the context (§5.1) no longer matches.
  (b, other) => resign({ ...b, contests: clone(other).contests }),
  // Not signed again: the signature no longer covers the ballot.
  (b) => {
    b.contests[0].choices[0].proof.c0 = encodeScalar(randomScalar());
    return b;
  },
  (b) => ({ ...b, signature: (b.signature[0] === '0' ? '1' : '0') + b.signature.slice(1) }),
  // S + ℓ: the same signature, non-canonical (§7.4 step 3).
  (b) => ({ ...b, signature: b.signature.slice(0, 64) + le(fromLe(b.signature.slice(64)) + ORDER) }),
  (b) => {
    b.contests[0].choices[1].proof.a1 = setHighBit(b.contests[0].choices[1].proof.a1);
    return resign(b);
  },
  (b) => {
    b.contests[1].choices[1].beta = '01' + '00'.repeat(31); // a negative field element
    return resign(b);
  },
  (b) => {
    b.contests[0].choices[2].alpha = encodePoint(IDENTITY);
    return resign(b);
  },
  (b) => {
    b.contests[0].sumProof.response = le(ORDER); // not below ℓ
    return resign(b);
  },
  (b) => ({ ...b, credential: '01' + '00'.repeat(31) }), // a small-order key
  (b) => ({ ...b, extra: 1 }),
  (b) => ({ ...b, contests: b.contests.slice(0, 1) }),
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
