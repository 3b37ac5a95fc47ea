import { describe, expect, it } from 'vitest';
import {
  ballotAudit,
  ballotBody,
  buildBallot,
  checkBallotAudit,
  decodeBallot,
  encryptBallot,
  signBallot,
  verifyBallot,
  verifyBallotsAcross,
  verifyBallotsBatch,
  type BallotJson,
} from '../src/ballot.ts';
import { deriveCredentialKeys, generateCredentialCode } from '../src/credential.ts';
import { makeElectionParams, decodeElectionParams } from '../src/election-params.ts';
import { CryptoError } from '../src/errors.ts';
import { decodeScalar, encodeScalar, ORDER, randomScalar } from '../src/group.ts';
import { bytesToB64 } from '../src/bytes.ts';
import {
  ballotCiphertextKeys,
  contestBytes,
  contestChars,
  contestFields,
  contestFromFields,
  decodeContest,
  decodeContestCiphertexts,
  type ContestFields,
} from '../src/contest-record.ts';
import { ballotHash, normaliseTracker, trackerFromHash } from '../src/tracker.ts';
import { signDocument } from '../src/signature.ts';
import {
  b64ToHex,
  flipByte,
  flipHex,
  IDENTITY_POINT,
  keyPair,
  NEGATIVE_POINT,
  NON_CANONICAL_POINT,
  SCALAR_L,
  withHighBit,
  withUnusedBits,
} from './helpers.ts';

const { K } = keyPair();
const params = makeElectionParams('akim-2026-zhana', K, [{ id: 'akim', options: 6 }]);
const voter = () => deriveCredentialKeys(params.election, generateCredentialCode());
const clone = (b: BallotJson): BallotJson => JSON.parse(JSON.stringify(b));
/** A board head the booth would have fetched (SPEC §8.2). */
const anchor = { seq: 7, hash: 'ab'.repeat(32) };

/** Change a contest's named fields (SPEC §8.2) and pack it again, as a forger would. */
function alter(b: BallotJson, ci: number, change: (f: ContestFields) => void): void {
  const f = contestFields(b.contests[ci]!);
  change(f);
  b.contests[ci] = contestFromFields(f);
}
/** A scalar plus one, in base64url. */
const bump = (text: string) => encodeScalar((decodeScalar(text, 's') + 1n) % ORDER);
/** The contest in the JSON form before §8.2 made it one byte string: an object, hex values. */
function oldContest(text: string, id: string) {
  const f = contestFields(text);
  const hex = (o: Record<string, string>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, b64ToHex(v)]));
  return {
    id,
    choices: f.choices.map((c) => ({
      alpha: b64ToHex(c.alpha),
      beta: b64ToHex(c.beta),
      proof: hex(c.proof),
    })),
    sumProof: hex(f.sumProof),
  };
}

function refusal(json: unknown): CryptoError {
  const v = verifyBallot(params, json);
  if (v.ok) throw new Error('expected the ballot to be refused');
  return v.error;
}

describe('ballots (SPEC §8)', () => {
  const keys = voter();
  const built = buildBallot(params, keys, [2], anchor);

  it('builds a ballot that verifies, with a stable hash and a readable tracker', () => {
    expect(verifyBallot(params, built.ballot).ok).toBe(true);
    expect(built.tracker).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(normaliseTracker(built.tracker.toLowerCase().replace(/-/g, ' '))).toBe(built.tracker);
    expect(contestFields(built.ballot.contests[0]!).choices).toHaveLength(6);
    expect(decodeBallot(params, built.ballot).contests[0]!.choices).toHaveLength(6);
  });

  it('supports several contests (a referendum with yes/no questions)', () => {
    const ref = makeElectionParams('ref-1', K, [
      { id: 'q1', options: 2 },
      { id: 'q2', options: 2 },
    ]);
    const k = deriveCredentialKeys('ref-1', generateCredentialCode());
    const b = buildBallot(ref, k, [0, 1], anchor);
    expect(verifyBallot(ref, b.ballot).ok).toBe(true);
    expect(verifyBallot(params, b.ballot).ok).toBe(false);
    expect(() => buildBallot(ref, k, [0], anchor)).toThrow(CryptoError);
    expect(() => buildBallot(ref, k, [0, 2], anchor)).toThrow(/choices\[1\]/);
  });

  it('refuses a ballot for another election or another key', () => {
    const other = makeElectionParams('akim-2026-other', K, [{ id: 'akim', options: 6 }]);
    expect(verifyBallot(other, built.ballot).ok).toBe(false);
    const rekeyed = makeElectionParams(params.election, keyPair().K, [{ id: 'akim', options: 6 }]);
    const e = (() => {
      const v = verifyBallot(rekeyed, built.ballot);
      return v.ok ? null : v.error;
    })();
    expect(e?.code).toBe('BAD_PROOF'); // same id and shape, other key: the fingerprint differs, proofs fail
  });

  it('refuses a ballot whose ciphertexts were copied under another credential (ballot copying)', () => {
    const thief = voter();
    const copied = clone(built.ballot);
    copied.credential = bytesToB64(thief.publicKey);
    expect(refusal(copied).field).toBe('ballot.signature');
    // Even re-signed by the thief, the proofs are bound to the original credential.
    const resigned = buildBallot(params, thief, [0], anchor).ballot;
    const mixed = { ...clone(built.ballot), credential: resigned.credential };
    mixed.signature = signDocument('ballot', ballotBody(mixed), thief.secretKey);
    const err = refusal(mixed);
    expect(err.code).toBe('BAD_PROOF');
    expect(err.field).toBe('ballot.contests');
  });

  it('refuses forged proofs even when the forger signs them', () => {
    const resign = (b: BallotJson) => {
      b.signature = signDocument('ballot', ballotBody(b), keys.secretKey);
      return b;
    };
    const t1 = clone(built.ballot);
    alter(t1, 0, (f) => (f.choices[0]!.proof.s0 = bump(f.choices[0]!.proof.s0)));
    expect([refusal(resign(t1)).code, refusal(t1).field]).toEqual(['BAD_PROOF', 'ballot.contests']);
    const t2 = clone(built.ballot);
    alter(t2, 0, (f) => (f.sumProof.response = bump(f.sumProof.response)));
    expect(refusal(resign(t2)).code).toBe('BAD_PROOF');
    // A body changed without re-signing fails first at the signature.
    const t3 = clone(built.ballot);
    alter(t3, 0, (f) => (f.choices[5]!.proof.c0 = bump(f.choices[5]!.proof.c0)));
    expect(refusal(t3).field).toBe('ballot.signature');
  });

  it('refuses malformed ballots with the failing field named', () => {
    const cases: [(b: BallotJson) => void, string, string][] = [
      [
        (b) => alter(b, 0, (f) => (f.choices[1]!.alpha = NON_CANONICAL_POINT)),
        'NON_CANONICAL',
        'ballot.contests[0].choices[1].alpha',
      ],
      [
        (b) => alter(b, 0, (f) => (f.choices[1]!.beta = IDENTITY_POINT)),
        'IDENTITY',
        'ballot.contests[0].choices[1].beta',
      ],
      [
        (b) => alter(b, 0, (f) => (f.choices[4]!.proof.b1 = NEGATIVE_POINT)),
        'NON_CANONICAL',
        'ballot.contests[0].choices[4].proof.b1',
      ],
      [
        (b) => alter(b, 0, (f) => (f.sumProof.a2 = withHighBit(f.sumProof.a2))),
        'NON_CANONICAL',
        'ballot.contests[0].sumProof.a2',
      ],
      [
        (b) => alter(b, 0, (f) => (f.choices[2]!.proof.c0 = SCALAR_L)),
        'SCALAR_RANGE',
        'ballot.contests[0].choices[2].proof.c0',
      ],
      [
        (b) => alter(b, 0, (f) => (f.sumProof.response = SCALAR_L)),
        'SCALAR_RANGE',
        'ballot.contests[0].sumProof.response',
      ],
      // One option fewer, or one 32-byte field more: a record of the wrong length.
      [(b) => alter(b, 0, (f) => void f.choices.pop()), 'BAD_LENGTH', 'ballot.contests[0]'],
      [(b) => void (b.contests[0] = b.contests[0]!.slice(0, -4)), 'BAD_LENGTH', 'ballot.contests[0]'],
      [
        (b) => void (b.contests[0] = b.contests[0]! + bytesToB64(new Uint8Array(33)).slice(0, 44)),
        'BAD_LENGTH',
        'ballot.contests[0]',
      ],
      // The record's bytes spelt otherwise: padding, the standard alphabet, whitespace, hex.
      [(b) => void (b.contests[0] = `${b.contests[0]!.slice(0, -1)}=`), 'BAD_BASE64', 'ballot.contests[0]'],
      [(b) => void (b.contests[0] = `+${b.contests[0]!.slice(1)}`), 'BAD_BASE64', 'ballot.contests[0]'],
      [
        (b) => void (b.contests[0] = `${b.contests[0]!.slice(0, 500)}\n${b.contests[0]!.slice(501)}`),
        'BAD_BASE64',
        'ballot.contests[0]',
      ],
      [(b) => void (b.contests[0] = b64ToHex(b.contests[0]!)), 'BAD_LENGTH', 'ballot.contests[0]'],
      // The contest as the object of the earlier JSON form, with its id, is refused.
      [
        (b) => void ((b.contests as unknown[])[0] = oldContest(b.contests[0]!, 'akim')),
        'BAD_TYPE',
        'ballot.contests[0]',
      ],
      [(b) => void b.contests.push(b.contests[0]!), 'BAD_LENGTH', 'ballot.contests'],
      [(b) => void (b.election = 'akim-2026-other'), 'BAD_PARAMS', 'ballot.election'],
      [(b) => void (b.signature = b.signature.slice(2)), 'BAD_LENGTH', 'ballot.signature'],
      [(b) => void (b.signature = withUnusedBits(b.signature)), 'BAD_BASE64', 'ballot.signature'],
      [(b) => void (b.signature = b64ToHex(b.signature)), 'BAD_LENGTH', 'ballot.signature'],
      [(b) => void (b.credential = withUnusedBits(b.credential)), 'BAD_BASE64', 'ballot.credential'],
      [(b) => void (b.credential = `${b.credential.slice(0, 42)}=`), 'BAD_BASE64', 'ballot.credential'],
      [(b) => void (b.credential = b64ToHex(b.credential)), 'BAD_LENGTH', 'ballot.credential'],
      [(b) => void ((b as unknown as Record<string, unknown>).extra = 1), 'BAD_TYPE', 'ballot'],
      [(b) => void delete (b as Partial<BallotJson>).anchor, 'BAD_TYPE', 'ballot.anchor'],
      [(b) => void (b.anchor.seq = -1), 'BAD_TYPE', 'ballot.anchor.seq'],
      [(b) => void (b.anchor.seq = 1.5), 'BAD_TYPE', 'ballot.anchor.seq'],
      [(b) => void (b.anchor.seq = 2 ** 53), 'BAD_TYPE', 'ballot.anchor.seq'],
      [
        (b) => void ((b.anchor as unknown as Record<string, unknown>).seq = '7'),
        'BAD_TYPE',
        'ballot.anchor.seq',
      ],
      [(b) => void (b.anchor.hash = b.anchor.hash.toUpperCase()), 'BAD_HEX', 'ballot.anchor.hash'],
      [(b) => void (b.anchor.hash = b.anchor.hash.slice(2)), 'BAD_LENGTH', 'ballot.anchor.hash'],
      [
        (b) => void ((b.anchor as unknown as Record<string, unknown>).at = 'now'),
        'BAD_TYPE',
        'ballot.anchor',
      ],
    ];
    for (const [mutate, code, field] of cases) {
      const b = clone(built.ballot);
      mutate(b);
      const e = refusal(b);
      expect([e.code, e.field]).toEqual([code, field]);
    }
    expect(refusal(null).code).toBe('BAD_TYPE');
    expect(refusal([built.ballot]).code).toBe('BAD_TYPE');
  });

  it('refuses the whole ballot in the earlier hex form', () => {
    const b = built.ballot;
    const old = {
      ...b,
      credential: b64ToHex(b.credential),
      contests: b.contests.map((c, ci) => oldContest(c, params.contests[ci]!.id)),
      signature: b64ToHex(b.signature),
    };
    expect([refusal(old).code, refusal(old).field]).toEqual(['BAD_LENGTH', 'ballot.credential']);
    // With only its contests in the earlier form, the contests are refused.
    const e = refusal({ ...b, contests: old.contests });
    expect([e.code, e.field]).toEqual(['BAD_TYPE', 'ballot.contests[0]']);
  });

  it('refuses a flipped signature bit', () => {
    const b = clone(built.ballot);
    b.signature = flipByte(b.signature, 3);
    expect(refusal(b).field).toBe('ballot.signature');
  });

  it('signs the anchor: a ballot moved to another board head no longer verifies', () => {
    const b = clone(built.ballot);
    b.anchor.seq += 1;
    expect(refusal(b).field).toBe('ballot.signature');
    const c = clone(built.ballot);
    c.anchor.hash = flipHex(c.anchor.hash, 0);
    expect(refusal(c).field).toBe('ballot.signature');
  });

  it('an encrypted ballot has the tracker it keeps once signed, whatever the anchor', () => {
    const e = encryptBallot(params, keys.publicKey, [5]);
    const a = signBallot(e.ballot, { seq: 3, hash: '01'.repeat(32) }, keys.secretKey);
    const b = signBallot(e.ballot, { seq: 9, hash: '02'.repeat(32) }, keys.secretKey);
    expect(verifyBallot(params, a).ok && verifyBallot(params, b).ok).toBe(true);
    expect(a.signature).not.toBe(b.signature);
    expect([ballotHash(a), ballotHash(b)]).toEqual([e.hash, e.hash]);
    expect(trackerFromHash(e.hash)).toBe(e.tracker);
    // The unsigned ballot is not a ballot that can be cast (§8.3 step 1).
    expect(refusal(e.ballot).code).toBe('BAD_TYPE');
    expect(refusal({ ...e.ballot, signature: a.signature }).field).toBe('ballot.anchor');
  });

  it('batch verification gives the one-by-one verdicts on a mixed set', () => {
    const ballots = Array.from(
      { length: 12 },
      (_, i) => buildBallot(params, voter(), [i % 6], anchor).ballot,
    );
    const decoded = ballots.map((b) => decodeBallot(params, b));
    // Forge one proof (and re-sign, so only the proof is wrong) and break one signature.
    const forgedKeys = voter();
    const forged = buildBallot(params, forgedKeys, [1], anchor).ballot;
    alter(forged, 0, (f) => (f.choices[3]!.proof.s1 = f.choices[4]!.proof.s1));
    forged.signature = signDocument('ballot', ballotBody(forged), forgedKeys.secretKey);
    decoded[4] = decodeBallot(params, forged);
    const badSig = clone(ballots[9]!);
    badSig.signature = flipByte(badSig.signature, 35);
    decoded[9] = decodeBallot(params, badSig);
    const expected = decoded.map((_, i) => i !== 4 && i !== 9);
    expect(verifyBallotsBatch(params, decoded)).toEqual(expected);
    expect(decoded.map((d) => verifyBallot(params, d.json).ok)).toEqual(expected);
  });

  it('a batch across elections gives each ballot its own election’s verdict', () => {
    const decodedOther = makeElectionParams('akim-2026-zhana-2', keyPair().K, [{ id: 'akim', options: 3 }]);
    const items = Array.from({ length: 8 }, (_, i) => {
      const p = i % 2 === 0 ? params : decodedOther;
      return { params: p, ballot: decodeBallot(p, buildBallot(p, voter(), [i % 3], anchor).ballot) };
    });
    // One forged proof in the second election's ballots.
    const keys = voter();
    const forged = buildBallot(decodedOther, keys, [1], anchor).ballot;
    alter(forged, 0, (f) => (f.choices[0]!.proof.s1 = f.choices[1]!.proof.s1));
    forged.signature = signDocument('ballot', ballotBody(forged), keys.secretKey);
    items[3] = { params: decodedOther, ballot: decodeBallot(decodedOther, forged) };
    // A ballot of the first election checked as if it were the second's: its proofs do not hold there.
    const moved = buildBallot(params, voter(), [0], anchor).ballot;
    const wrong = { params: decodedOther, ballot: { ...decodeBallot(params, moved) } };
    const all = [...items, wrong];
    const expected = all.map((_, i) => i !== 3 && i !== 8);
    expect(verifyBallotsAcross(all)).toEqual(expected);
    expect(all.map((it) => verifyBallot(it.params, it.ballot.json).ok)).toEqual(expected);
  });
});

describe('contest record (SPEC §8.2)', () => {
  const keys = voter();
  const text = buildBallot(params, keys, [1], anchor).ballot.contests[0]!;

  it('is 288 bytes per option and 96 for the sum proof, in base64url', () => {
    expect([contestBytes(6), contestChars(6)]).toEqual([288 * 6 + 96, 384 * 6 + 128]);
    expect(text).toHaveLength(contestChars(6));
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(contestFromFields(contestFields(text))).toBe(text);
    // Its fields in the order of §8.2: the record's first 32 bytes are α of option 0.
    const f = contestFields(text);
    expect(text.startsWith(f.choices[0]!.alpha.slice(0, 42))).toBe(true);
    const ct = decodeContestCiphertexts(text, 6, 'c');
    expect(ct.map((c) => bytesToB64(c.alpha.toBytes()))).toEqual(f.choices.map((c) => c.alpha));
  });

  it('names the field of every refused point and scalar inside the record', () => {
    const points = ['alpha', 'beta', 'a0', 'b0', 'a1', 'b1'] as const;
    const scalars = ['c0', 's0', 's1'] as const;
    const at = (ci: string, k: string) =>
      k === 'alpha' || k === 'beta' ? `c.${ci}.${k}` : `c.${ci}.proof.${k}`;
    for (let oi = 0; oi < 6; oi++) {
      for (const k of points) {
        const f = contestFields(text);
        const set = (v: string) => {
          if (k === 'alpha' || k === 'beta') f.choices[oi]![k] = v;
          else f.choices[oi]!.proof[k] = v;
          return contestFromFields(f);
        };
        let e: CryptoError | null = null;
        try {
          decodeContest(set(NON_CANONICAL_POINT), 6, 'c');
        } catch (x) {
          e = x as CryptoError;
        }
        expect([e?.code, e?.field]).toEqual(['NON_CANONICAL', at(`choices[${oi}]`, k)]);
        try {
          decodeContest(set(IDENTITY_POINT), 6, 'c');
          e = null;
        } catch (x) {
          e = x as CryptoError;
        }
        // The identity: never α or β (§4.2); allowed in a proof commitment, which then fails to verify.
        expect(e === null ? null : [e.code, e.field]).toEqual(
          k === 'alpha' || k === 'beta' ? ['IDENTITY', at(`choices[${oi}]`, k)] : null,
        );
      }
      for (const k of scalars) {
        const f = contestFields(text);
        f.choices[oi]!.proof[k] = SCALAR_L;
        expect(() => decodeContest(contestFromFields(f), 6, 'c')).toThrow(`c.choices[${oi}].proof.${k}`);
      }
    }
    for (const k of ['a1', 'a2'] as const) {
      const f = contestFields(text);
      f.sumProof[k] = NON_CANONICAL_POINT;
      expect(() => decodeContest(contestFromFields(f), 6, 'c')).toThrow(`c.sumProof.${k}`);
    }
    // A record of 5 options for a contest of 6, or of 6 for one of 5.
    expect(() => decodeContest(text, 5, 'c')).toThrow(CryptoError);
    expect(() => decodeContestCiphertexts(text, 7, 'c')).toThrow(CryptoError);
    expect(() => decodeContest({ choices: [], sumProof: {} }, 6, 'c')).toThrow(CryptoError);
  });

  it('gives one key per ciphertext for the no-copied-ciphertext rule', () => {
    const b = buildBallot(params, keys, [1], anchor).ballot;
    const ks = ballotCiphertextKeys(b);
    expect(ks).toHaveLength(6);
    expect(new Set(ks).size).toBe(6);
    const f = contestFields(b.contests[0]!);
    expect(ks[2]).toBe(f.choices[2]!.alpha + f.choices[2]!.beta);
  });
});

describe('Benaloh audit (SPEC §8.5)', () => {
  const keys = voter();
  const encrypted = encryptBallot(params, keys.publicKey, [4]);
  const audit = ballotAudit(encrypted);

  it('reveals the choice to anyone who checks', () => {
    expect(checkBallotAudit(params, JSON.parse(JSON.stringify(audit)))).toEqual([4]);
    expect(ballotHash(audit.ballot)).toBe(encrypted.hash);
  });

  it('carries no signature and no anchor, so the audited ballot is not castable', () => {
    expect(Object.keys(audit.ballot).sort()).toEqual(['contests', 'credential', 'election', 'version']);
    expect(refusal(audit.ballot).code).toBe('BAD_TYPE');
    // Audit data with a cast ballot in it (a signed one) is refused, not checked.
    const signed = signBallot(encrypted.ballot, anchor, keys.secretKey);
    expect(() => checkBallotAudit(params, { ...audit, ballot: signed })).toThrow(/unexpected field/);
  });

  it('refuses an audit whose proofs were forged', () => {
    const forged = JSON.parse(JSON.stringify(audit));
    alter(forged.ballot, 0, (f) => (f.sumProof.response = f.choices[0]!.proof.s0));
    expect(() => checkBallotAudit(params, forged)).toThrow(/proof does not verify/);
  });

  it('catches a booth that encrypted another choice than it shows', () => {
    expect(() => checkBallotAudit(params, { ...audit, choices: [3] })).toThrow(/does not match/);
  });

  it('catches wrong randomness and malformed audits', () => {
    const nonces = audit.nonces.map((r) => [...r]);
    nonces[0]![2] = encodeScalar(7n);
    expect(() => checkBallotAudit(params, { ...audit, nonces })).toThrow(/choices\[2\]/);
    expect(() => checkBallotAudit(params, { ...audit, choices: [6] })).toThrow(CryptoError);
    expect(() => checkBallotAudit(params, { ...audit, nonces: [] })).toThrow(CryptoError);
    expect(() => checkBallotAudit(params, { ballot: audit.ballot, choices: audit.choices })).toThrow(
      /missing/,
    );
  });
});

describe('election parameters (SPEC §8.1)', () => {
  const json = params.json;
  it('round-trip with a stable fingerprint', () => {
    const again = decodeElectionParams(JSON.parse(JSON.stringify(json)));
    expect(Buffer.from(again.fingerprint).equals(Buffer.from(params.fingerprint))).toBe(true);
  });
  it('decode to the same parameters without the eager table for K, and ballots still verify', () => {
    const lazy = decodeElectionParams(JSON.parse(JSON.stringify(json)), 'params', { precompute: false });
    expect(lazy.json).toEqual(params.json);
    expect(Buffer.from(lazy.fingerprint).equals(Buffer.from(params.fingerprint))).toBe(true);
    const r = randomScalar();
    expect(lazy.publicKey.multiply(r).equals(params.publicKey.multiply(r))).toBe(true);
    const keys = voter();
    const ballot = buildBallot(params, keys, [2], anchor).ballot;
    expect(verifyBallot(lazy, ballot).ok).toBe(true);
    // Another encryption under the same signature: the proofs hold, the signature does not.
    const other = buildBallot(params, keys, [3], anchor).ballot;
    expect(verifyBallot(lazy, { ...ballot, contests: other.contests }).ok).toBe(false);
  });
  it('refuse bad shapes', () => {
    for (const bad of [
      { ...json, version: 'saylau/v0' },
      { ...json, publicKey: IDENTITY_POINT },
      { ...json, contests: [] },
      { ...json, contests: [{ id: 'a', options: 1 }] },
      { ...json, contests: [{ id: 'a', options: 65 }] },
      { ...json, contests: [{ id: 'a', options: 2.5 }] },
      {
        ...json,
        contests: [
          { id: 'a', options: 2 },
          { id: 'a', options: 2 },
        ],
      },
      { ...json, election: '../etc' },
      { ...json, extra: true },
    ])
      expect(() => decodeElectionParams(bad)).toThrow(CryptoError);
  });
});
