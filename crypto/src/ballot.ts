/**
 * Ballots (SPEC §8): per contest, one ciphertext per option with a 0/1 proof, and a proof that the
 * ciphertexts sum to an encryption of exactly one; every proof bound to the election fingerprint
 * and the credential public key. The encrypted ballot is what a Benaloh audit reveals; only when the
 * voter casts does the booth add the board anchor (a head it fetched, §8.2) and sign the whole body
 * with the credential, so audit data can never be cast (§8.5).
 */
import { b64ToBytesStrict, bytesToB64, hexToBytesStrict } from './bytes.ts';
import { ciphertextEquals, encrypt, type Ciphertext } from './elgamal.ts';
import { decodeContest, encodeContest } from './contest-record.ts';
import type { CredentialKeys } from './credential.ts';
import { CryptoError, fail } from './errors.ts';
import { PROTOCOL_VERSION, checkId, type ElectionParams } from './election-params.ts';
import { decodeScalar, encodeScalar, type Point } from './group.ts';
import { asArray, asObject, exactKeys } from './proofs/codec.ts';
import { proofContext, type ProofContext } from './proofs/context.ts';
import { checkEquations, verifyItemsBatch, type Equation } from './proofs/equation.ts';
import { proveSum, sumEquations, type SumProof } from './proofs/sum.ts';
import { proveZeroOne, zeroOneEquations, type ZeroOneProof } from './proofs/zero-one.ts';
import { parseSigningPublicKey, signDocument, verifyDocument } from './signature.ts';
import { ENCRYPTED_BALLOT_KEYS, ballotHash, trackerFromHash } from './tracker.ts';

/** A contest of a ballot: its ciphertexts and proofs as one base64url byte string (§8.2, contest-record.ts). */
export type ContestBallotJson = string;

/** The encrypted choices with their proofs, unsigned (SPEC §8.2): what the tracker and an audit cover. */
export interface EncryptedBallotJson {
  version: typeof PROTOCOL_VERSION;
  election: string;
  credential: string;
  contests: ContestBallotJson[];
}

/** A board head the booth fetched just before casting (SPEC §8.2, anchor rule §10.9.2). */
export interface BoardAnchor {
  seq: number;
  hash: string;
}

/** The signed part of a cast ballot: the encrypted ballot and its anchor. */
export interface BallotBodyJson extends EncryptedBallotJson {
  anchor: BoardAnchor;
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

/** A ballot encrypted on the voter's device, not yet signed: it may still be audited or cast. */
export interface EncryptedBallot {
  ballot: EncryptedBallotJson;
  /** §8.4 ballot hash and tracker, the same once the ballot is signed and cast. */
  hash: string;
  tracker: string;
  secrets: BallotSecrets;
}

export interface BuiltBallot extends Omit<EncryptedBallot, 'ballot'> {
  ballot: BallotJson;
}

function ballotContext(params: ElectionParams, credential: Uint8Array): ProofContext {
  return proofContext(params.fingerprint, credential);
}

/** Encrypt and prove a ballot (SPEC §8.2), unsigned: `choices[i]` is the chosen option index in contest i. */
export function encryptBallot(
  params: ElectionParams,
  credential: Uint8Array,
  choices: readonly number[],
): EncryptedBallot {
  if (choices.length !== params.contests.length)
    fail('BAD_LENGTH', 'choices', `expected one choice for each of ${params.contests.length} contests`);
  const ctx = ballotContext(params, credential);
  const K = params.publicKey;
  const nonces: bigint[][] = [];
  const contests = params.contests.map((shape, ci): ContestBallotJson => {
    const chosen = choices[ci]!;
    if (!Number.isInteger(chosen) || chosen < 0 || chosen >= shape.options)
      fail('BAD_PARAMS', `choices[${ci}]`, `expected an option index from 0 to ${shape.options - 1}`);
    const encs = Array.from({ length: shape.options }, (_, oi) => encrypt(K, oi === chosen ? 1 : 0));
    nonces.push(encs.map((e) => e.nonce));
    const cts = encs.map((e) => e.ciphertext);
    return encodeContest({
      choices: encs.map((e, oi) => ({
        ciphertext: e.ciphertext,
        proof: proveZeroOne(ctx, K, e.ciphertext, oi === chosen ? 1 : 0, e.nonce),
      })),
      sumProof: proveSum(ctx, K, cts, 1, nonces[ci]!),
    });
  });
  const ballot: EncryptedBallotJson = {
    version: PROTOCOL_VERSION,
    election: params.election,
    credential: bytesToB64(credential),
    contests,
  };
  const hash = ballotHash(ballot);
  return { ballot, hash, tracker: trackerFromHash(hash), secrets: { choices: [...choices], nonces } };
}

/** Cast-time signing (SPEC §8.2): the encrypted ballot and the anchor, signed by the credential. */
export function signBallot(
  encrypted: EncryptedBallotJson,
  anchor: BoardAnchor,
  secretKey: Uint8Array,
): BallotJson {
  const body: BallotBodyJson = {
    ...encryptedPart(encrypted),
    anchor: { seq: anchor.seq, hash: anchor.hash },
  };
  return { ...body, signature: signDocument('ballot', body, secretKey) };
}

/** Encrypt, prove and sign in one step (what a client that never audits does). */
export function buildBallot(
  params: ElectionParams,
  keys: Pick<CredentialKeys, 'secretKey' | 'publicKey'>,
  choices: readonly number[],
  anchor: BoardAnchor,
): BuiltBallot {
  const e = encryptBallot(params, keys.publicKey, choices);
  return { ...e, ballot: signBallot(e.ballot, anchor, keys.secretKey) };
}

/** The encrypted part of a ballot (no anchor, no signature): what §8.4 hashes and §8.5 reveals. */
export function encryptedPart(b: EncryptedBallotJson): EncryptedBallotJson {
  return { version: b.version, election: b.election, credential: b.credential, contests: b.contests };
}

/** The signed part of a ballot: everything but the signature. */
export function ballotBody(b: BallotJson): BallotBodyJson {
  return { ...encryptedPart(b), anchor: b.anchor };
}

/** A non-negative safe integer, e.g. a board seq. */
function decodeSeq(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    fail('BAD_TYPE', field, 'expected a non-negative integer');
  return value;
}

/** §8.2 anchor: exactly `{seq, hash}`, seq a board position, hash 32 bytes of lowercase hex. */
export function decodeAnchor(json: unknown, field: string): BoardAnchor {
  const o = asObject(json, field);
  exactKeys(o, ['seq', 'hash'], field);
  const seq = decodeSeq(o.seq, `${field}.seq`);
  hexToBytesStrict(o.hash, `${field}.hash`, 32);
  return { seq, hash: o.hash as string };
}

/** The contests in the election's order (§8.1), each with its number of options; ids are not repeated. */
function decodeContests(params: ElectionParams, o: Record<string, unknown>, field: string) {
  const cs = asArray(o.contests, `${field}.contests`, params.contests.length);
  return params.contests.map((shape, ci) => ({
    id: shape.id,
    ...decodeContest(cs[ci], shape.options, `${field}.contests[${ci}]`),
  }));
}

const CAST_KEYS = [...ENCRYPTED_BALLOT_KEYS, 'anchor', 'signature'] as const;

/** §8.3 steps 1–3 for either form; a cast ballot also has its anchor and signature decoded. */
function decodeAny(params: ElectionParams, json: unknown, field: string, cast: boolean): DecodedBallot {
  const o = asObject(json, field);
  exactKeys(o, cast ? CAST_KEYS : ENCRYPTED_BALLOT_KEYS, field);
  if (o.version !== PROTOCOL_VERSION)
    fail('BAD_PARAMS', `${field}.version`, `expected "${PROTOCOL_VERSION}"`);
  checkId(o.election, `${field}.election`);
  if (o.election !== params.election)
    fail('BAD_PARAMS', `${field}.election`, 'ballot is for another election');
  const credential = parseSigningPublicKey(o.credential, `${field}.credential`);
  if (cast) {
    decodeAnchor(o.anchor, `${field}.anchor`);
    b64ToBytesStrict(o.signature, `${field}.signature`, 64);
  }
  const contests = decodeContests(params, o, field);
  return { json: o as unknown as BallotJson, credential, contests };
}

/**
 * Strict structural decoding of a cast ballot against the election's shape (SPEC §8.3 steps 1–3):
 * exact keys, this election, the right contests and option counts, canonical points, no identity
 * in a ciphertext, scalars < ℓ, a well-formed anchor and signature. Throws CryptoError naming the field.
 */
export function decodeBallot(params: ElectionParams, json: unknown): DecodedBallot {
  return decodeAny(params, json, 'ballot', true);
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
  return verifyBallotsAcross(ballots.map((ballot) => ({ params, ballot })));
}

/**
 * Ballots of several elections in one batch (SPEC §5.6): each ballot's equations carry its own
 * election's key and fingerprint, and the random weights make the combined check as sound as one per
 * election, so a server with many elections open still verifies in large batches.
 */
export function verifyBallotsAcross(
  items: readonly { params: ElectionParams; ballot: DecodedBallot }[],
): boolean[] {
  return verifyItemsBatch(items, ({ params, ballot }) =>
    verifyBallotSignature(ballot) ? ballotEquations(params, ballot, true) : null,
  );
}

export interface BallotAuditJson {
  /** The encrypted ballot, unsigned and without an anchor: it can never be cast (SPEC §8.5). */
  ballot: EncryptedBallotJson;
  choices: number[];
  nonces: string[][];
}

/** What the booth shows for a Benaloh audit (SPEC §8.5). A ballot audited is never cast. */
export function ballotAudit(encrypted: EncryptedBallot): BallotAuditJson {
  return {
    ballot: encryptedPart(encrypted.ballot),
    choices: encrypted.secrets.choices,
    nonces: encrypted.secrets.nonces.map((row) => row.map(encodeScalar)),
  };
}

/**
 * Check an audited ballot on any device (SPEC §8.5): decode the unsigned encrypted ballot, verify
 * its proofs, recompute every ciphertext from the revealed randomness and confirm it encrypts the
 * claimed choice. Returns the choices; throws CryptoError when the audit does not match.
 */
export function checkBallotAudit(params: ElectionParams, audit: unknown): number[] {
  const a = asObject(audit, 'audit');
  exactKeys(a, ['ballot', 'choices', 'nonces'], 'audit');
  const decoded = decodeAny(params, a.ballot, 'audit.ballot', false);
  if (!checkEquations(ballotEquations(params, decoded)))
    fail('BAD_PROOF', 'audit.ballot.contests', 'a ballot proof does not verify');
  const choices = asArray(a.choices, 'audit.choices', params.contests.length);
  const nonceRows = asArray(a.nonces, 'audit.nonces', params.contests.length);
  return params.contests.map((shape, ci) => {
    const chosen = choices[ci];
    if (typeof chosen !== 'number' || !Number.isInteger(chosen) || chosen < 0 || chosen >= shape.options)
      fail('BAD_PARAMS', `audit.choices[${ci}]`, 'not an option index');
    const row = asArray(nonceRows[ci], `audit.nonces[${ci}]`, shape.options);
    decoded.contests[ci]!.choices.forEach((ch, oi) => {
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
