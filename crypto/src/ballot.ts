/**
 * Ballots (SPEC §8): per contest, one ciphertext per option with a 0/1 proof, and a proof that the
 * ciphertexts sum to an encryption of exactly one; every proof bound to the election fingerprint
 * and the credential public key; the whole body signed by the credential.
 */
import { bytesToHex, hexToBytesStrict } from './bytes.ts';
import {
  ciphertextEquals,
  decodeCiphertext,
  encodeCiphertext,
  encrypt,
  type Ciphertext,
  type CiphertextJson,
} from './elgamal.ts';
import type { CredentialKeys } from './credential.ts';
import { CryptoError, fail } from './errors.ts';
import { PROTOCOL_VERSION, checkId, type ElectionParams } from './election-params.ts';
import { decodeScalar, encodeScalar, type Point } from './group.ts';
import { asArray, asObject, exactKeys } from './proofs/codec.ts';
import { proofContext, type ProofContext } from './proofs/context.ts';
import { decodeDleq, encodeDleq, type DleqJson } from './proofs/dleq.ts';
import { checkEquations, verifyItemsBatch, type Equation } from './proofs/equation.ts';
import { proveSum, sumEquations, type SumProof } from './proofs/sum.ts';
import {
  decodeZeroOne,
  encodeZeroOne,
  proveZeroOne,
  zeroOneEquations,
  type ZeroOneJson,
  type ZeroOneProof,
} from './proofs/zero-one.ts';
import { parseSigningPublicKey, signDocument, verifyDocument } from './signature.ts';
import { ballotHash, trackerFromHash } from './tracker.ts';

export interface ChoiceJson extends CiphertextJson {
  proof: ZeroOneJson;
}

export interface ContestBallotJson {
  id: string;
  choices: ChoiceJson[];
  sumProof: DleqJson;
}

export interface BallotBodyJson {
  version: typeof PROTOCOL_VERSION;
  election: string;
  credential: string;
  contests: ContestBallotJson[];
}

export interface BallotJson extends BallotBodyJson {
  signature: string;
}

/** A ballot after strict decoding: group elements ready for verification. */
export interface DecodedBallot {
  json: BallotJson;
  credential: Uint8Array;
  contests: { id: string; choices: { ciphertext: Ciphertext; proof: ZeroOneProof }[]; sumProof: SumProof }[];
}

/** Everything a Benaloh audit reveals (SPEC §8.5): the choices and the encryption randomness. */
export interface BallotSecrets {
  choices: number[];
  nonces: bigint[][];
}

export interface BuiltBallot {
  ballot: BallotJson;
  hash: string;
  tracker: string;
  secrets: BallotSecrets;
}

function ballotContext(params: ElectionParams, credential: Uint8Array): ProofContext {
  return proofContext(params.fingerprint, credential);
}

/** Encrypt and prove a ballot: `choices[i]` is the chosen option index in contest i. */
export function buildBallot(
  params: ElectionParams,
  keys: Pick<CredentialKeys, 'secretKey' | 'publicKey'>,
  choices: readonly number[],
): BuiltBallot {
  if (choices.length !== params.contests.length)
    fail('BAD_LENGTH', 'choices', `expected one choice for each of ${params.contests.length} contests`);
  const ctx = ballotContext(params, keys.publicKey);
  const K = params.publicKey;
  const nonces: bigint[][] = [];
  const contests = params.contests.map((shape, ci): ContestBallotJson => {
    const chosen = choices[ci]!;
    if (!Number.isInteger(chosen) || chosen < 0 || chosen >= shape.options)
      fail('BAD_PARAMS', `choices[${ci}]`, `expected an option index from 0 to ${shape.options - 1}`);
    const encs = Array.from({ length: shape.options }, (_, oi) => encrypt(K, oi === chosen ? 1 : 0));
    nonces.push(encs.map((e) => e.nonce));
    const cts = encs.map((e) => e.ciphertext);
    return {
      id: shape.id,
      choices: encs.map((e, oi) => ({
        ...encodeCiphertext(e.ciphertext),
        proof: encodeZeroOne(proveZeroOne(ctx, K, e.ciphertext, oi === chosen ? 1 : 0, e.nonce)),
      })),
      sumProof: encodeDleq(proveSum(ctx, K, cts, 1, nonces[ci]!)),
    };
  });
  const body: BallotBodyJson = {
    version: PROTOCOL_VERSION,
    election: params.election,
    credential: bytesToHex(keys.publicKey),
    contests,
  };
  const ballot: BallotJson = { ...body, signature: signDocument('ballot', body, keys.secretKey) };
  const hash = ballotHash(ballot);
  return { ballot, hash, tracker: trackerFromHash(hash), secrets: { choices: [...choices], nonces } };
}

/** The signed part of a ballot: everything but the signature. */
export function ballotBody(b: BallotJson): BallotBodyJson {
  return { version: b.version, election: b.election, credential: b.credential, contests: b.contests };
}

/**
 * Strict structural decoding against the election's shape (SPEC §8.3 steps 1–3): exact keys,
 * this election, the right contests and option counts, canonical points, no identity in a
 * ciphertext, scalars < ℓ. Throws CryptoError naming the field.
 */
export function decodeBallot(params: ElectionParams, json: unknown): DecodedBallot {
  const o = asObject(json, 'ballot');
  exactKeys(o, ['version', 'election', 'credential', 'contests', 'signature'], 'ballot');
  if (o.version !== PROTOCOL_VERSION) fail('BAD_PARAMS', 'ballot.version', `expected "${PROTOCOL_VERSION}"`);
  checkId(o.election, 'ballot.election');
  if (o.election !== params.election) fail('BAD_PARAMS', 'ballot.election', 'ballot is for another election');
  const credential = parseSigningPublicKey(o.credential, 'ballot.credential');
  hexToBytesStrict(o.signature, 'ballot.signature', 64);
  const cs = asArray(o.contests, 'ballot.contests', params.contests.length);
  const contests = params.contests.map((shape, ci) => {
    const f = `ballot.contests[${ci}]`;
    const c = asObject(cs[ci], f);
    exactKeys(c, ['id', 'choices', 'sumProof'], f);
    if (c.id !== shape.id) fail('BAD_PARAMS', `${f}.id`, `expected contest "${shape.id}"`);
    const choices = asArray(c.choices, `${f}.choices`, shape.options).map((ch, oi) => {
      const g = `${f}.choices[${oi}]`;
      const co = asObject(ch, g);
      exactKeys(co, ['alpha', 'beta', 'proof'], g);
      return { ciphertext: decodeCiphertext(co, g), proof: decodeZeroOne(co.proof, `${g}.proof`) };
    });
    return { id: shape.id, choices, sumProof: decodeDleq(c.sumProof, `${f}.sumProof`) };
  });
  return { json: o as unknown as BallotJson, credential, contests };
}

/** The group equations of all of a ballot's proofs (SPEC §8.3 step 5); `forBatch` shapes them for an MSM. */
export function ballotEquations(params: ElectionParams, b: DecodedBallot, forBatch = false): Equation[] {
  const ctx = ballotContext(params, b.credential);
  const K: Point = params.publicKey;
  const eqs: Equation[] = [];
  for (const c of b.contests) {
    for (const ch of c.choices) eqs.push(...zeroOneEquations(ctx, K, ch.ciphertext, ch.proof));
    eqs.push(
      ...sumEquations(
        ctx,
        K,
        c.choices.map((ch) => ch.ciphertext),
        1,
        c.sumProof,
        forBatch,
      ),
    );
  }
  return eqs;
}

export function verifyBallotSignature(b: DecodedBallot): boolean {
  return verifyDocument('ballot', ballotBody(b.json), b.json.signature, b.json.credential);
}

export type BallotVerdict = { ok: true; ballot: DecodedBallot } | { ok: false; error: CryptoError };

function refuse(field: string, message: string): BallotVerdict {
  return { ok: false, error: new CryptoError('BAD_PROOF', field, message) };
}

/** Verify one ballot completely (SPEC §8.3): structure, signature, then every proof. */
export function verifyBallot(params: ElectionParams, json: unknown): BallotVerdict {
  let b: DecodedBallot;
  try {
    b = decodeBallot(params, json);
  } catch (e) {
    if (e instanceof CryptoError) return { ok: false, error: e };
    throw e;
  }
  if (!verifyBallotSignature(b))
    return refuse('ballot.signature', 'signature does not verify under the credential');
  if (!checkEquations(ballotEquations(params, b)))
    return refuse('ballot.contests', 'a ballot proof does not verify');
  return { ok: true, ballot: b };
}

/**
 * Verify many decoded ballots' signatures and proofs (SPEC §5.6, §8.3): the same verdicts as
 * one-by-one verification, with the proofs checked in one multi-scalar multiplication per batch.
 */
export function verifyBallotsBatch(params: ElectionParams, ballots: readonly DecodedBallot[]): boolean[] {
  return verifyItemsBatch(ballots, (b) =>
    verifyBallotSignature(b) ? ballotEquations(params, b, true) : null,
  );
}

export interface BallotAuditJson {
  ballot: BallotJson;
  choices: number[];
  nonces: string[][];
}

/** What the booth shows for a Benaloh audit (SPEC §8.5). A ballot audited is never cast. */
export function ballotAudit(built: BuiltBallot): BallotAuditJson {
  return {
    ballot: built.ballot,
    choices: built.secrets.choices,
    nonces: built.secrets.nonces.map((row) => row.map(encodeScalar)),
  };
}

/**
 * Check an audited ballot on any device (SPEC §8.5): decode it, verify it, recompute every
 * ciphertext from the revealed randomness and confirm it encrypts the claimed choice.
 * Returns the choices; throws CryptoError when the audit does not match.
 */
export function checkBallotAudit(params: ElectionParams, audit: unknown): number[] {
  const a = asObject(audit, 'audit');
  exactKeys(a, ['ballot', 'choices', 'nonces'], 'audit');
  const verdict = verifyBallot(params, a.ballot);
  if (!verdict.ok) throw verdict.error;
  const choices = asArray(a.choices, 'audit.choices', params.contests.length);
  const nonceRows = asArray(a.nonces, 'audit.nonces', params.contests.length);
  return params.contests.map((shape, ci) => {
    const chosen = choices[ci];
    if (typeof chosen !== 'number' || !Number.isInteger(chosen) || chosen < 0 || chosen >= shape.options)
      fail('BAD_PARAMS', `audit.choices[${ci}]`, 'not an option index');
    const row = asArray(nonceRows[ci], `audit.nonces[${ci}]`, shape.options);
    verdict.ballot.contests[ci]!.choices.forEach((ch, oi) => {
      const r = decodeScalar(row[oi], `audit.nonces[${ci}][${oi}]`, { nonZero: true });
      const expected = encrypt(params.publicKey, oi === chosen ? 1 : 0, r).ciphertext;
      if (!ciphertextEquals(expected, ch.ciphertext))
        fail(
          'BAD_PROOF',
          `audit.ballot.contests[${ci}].choices[${oi}]`,
          'ciphertext does not match the revealed choice and randomness',
        );
    });
    return chosen;
  });
}
