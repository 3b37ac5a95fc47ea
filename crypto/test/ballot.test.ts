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
  verifyBallotsBatch,
  type BallotJson,
} from '../src/ballot.ts';
import { deriveCredentialKeys, generateCredentialCode } from '../src/credential.ts';
import { makeElectionParams, decodeElectionParams } from '../src/election-params.ts';
import { CryptoError } from '../src/errors.ts';
import { encodeScalar, ORDER, randomScalar } from '../src/group.ts';
import { ballotHash, normaliseTracker, trackerFromHash } from '../src/tracker.ts';
import { signDocument } from '../src/signature.ts';
import { flipHex, IDENTITY_HEX, keyPair, NON_CANONICAL_POINT, SCALAR_L } from './helpers.ts';

const { K } = keyPair();
const params = makeElectionParams('akim-2026-zhana', K, [{ id: 'akim', options: 6 }]);
const voter = () => deriveCredentialKeys(params.election, generateCredentialCode());
const clone = (b: BallotJson): BallotJson => JSON.parse(JSON.stringify(b));
/** A board head the booth would have fetched (SPEC §8.2). */
const anchor = { seq: 7, hash: 'ab'.repeat(32) };

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
    expect(built.ballot.contests[0]!.choices).toHaveLength(6);
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
    copied.credential = Buffer.from(thief.publicKey).toString('hex');
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
    const bump = (hex: string) =>
      encodeScalar((BigInt('0x' + Buffer.from(hex, 'hex').reverse().toString('hex')) + 1n) % ORDER);
    const t1 = clone(built.ballot);
    t1.contests[0]!.choices[0]!.proof.s0 = bump(t1.contests[0]!.choices[0]!.proof.s0);
    expect([refusal(resign(t1)).code, refusal(t1).field]).toEqual(['BAD_PROOF', 'ballot.contests']);
    const t2 = clone(built.ballot);
    t2.contests[0]!.sumProof.response = bump(t2.contests[0]!.sumProof.response);
    expect(refusal(resign(t2)).code).toBe('BAD_PROOF');
    // A body changed without re-signing fails first at the signature.
    const t3 = clone(built.ballot);
    t3.contests[0]!.choices[5]!.proof.c0 = bump(t3.contests[0]!.choices[5]!.proof.c0);
    expect(refusal(t3).field).toBe('ballot.signature');
  });

  it('refuses malformed ballots with the failing field named', () => {
    const cases: [(b: BallotJson) => void, string, string][] = [
      [
        (b) => void (b.contests[0]!.choices[1]!.alpha = NON_CANONICAL_POINT),
        'NON_CANONICAL',
        'ballot.contests[0].choices[1].alpha',
      ],
      [
        (b) => void (b.contests[0]!.choices[1]!.beta = IDENTITY_HEX),
        'IDENTITY',
        'ballot.contests[0].choices[1].beta',
      ],
      [
        (b) => void (b.contests[0]!.choices[2]!.proof.c0 = SCALAR_L),
        'SCALAR_RANGE',
        'ballot.contests[0].choices[2].proof.c0',
      ],
      [
        (b) => void (b.contests[0]!.sumProof.response = SCALAR_L),
        'SCALAR_RANGE',
        'ballot.contests[0].sumProof.response',
      ],
      [(b) => void b.contests[0]!.choices.pop(), 'BAD_LENGTH', 'ballot.contests[0].choices'],
      [(b) => void (b.contests[0]!.id = 'mayor'), 'BAD_PARAMS', 'ballot.contests[0].id'],
      [(b) => void (b.election = 'akim-2026-other'), 'BAD_PARAMS', 'ballot.election'],
      [(b) => void (b.signature = b.signature.slice(2)), 'BAD_LENGTH', 'ballot.signature'],
      [(b) => void (b.credential = b.credential.toUpperCase()), 'BAD_HEX', 'ballot.credential'],
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
      [
        (b) =>
          void ((b.contests[0]!.choices[0]!.proof as unknown as Record<string, unknown>).c1 =
            b.contests[0]!.choices[0]!.proof.c0),
        'BAD_TYPE',
        'ballot.contests[0].choices[0].proof',
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

  it('refuses a flipped signature bit', () => {
    const b = clone(built.ballot);
    b.signature = flipHex(b.signature, 5);
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
    forged.contests[0]!.choices[3]!.proof.s1 = forged.contests[0]!.choices[4]!.proof.s1;
    forged.signature = signDocument('ballot', ballotBody(forged), forgedKeys.secretKey);
    decoded[4] = decodeBallot(params, forged);
    const badSig = clone(ballots[9]!);
    badSig.signature = flipHex(badSig.signature, 70);
    decoded[9] = decodeBallot(params, badSig);
    const expected = decoded.map((_, i) => i !== 4 && i !== 9);
    expect(verifyBallotsBatch(params, decoded)).toEqual(expected);
    expect(decoded.map((d) => verifyBallot(params, d.json).ok)).toEqual(expected);
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
    forged.ballot.contests[0].sumProof.response = forged.ballot.contests[0].choices[0].proof.s0;
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
      { ...json, publicKey: IDENTITY_HEX },
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
