/**
 * @saylau/ballot-client — the voter's side of Saylau (SPEC §8, §10.9): read the election, sign in,
 * encrypt and prove a ballot on the device, cast it, check the signed receipt, find the ballot on the
 * board. The browser booth is built on this; it uses only fetch and @saylau/crypto (no Node built-ins).
 */
import {
  CryptoError,
  decodeElectionParams,
  deriveCredentialKeys,
  encryptBallot,
  normaliseTracker,
  signBallot,
  verifyDocument,
  type BallotJson,
  type BoardAnchor,
  type Checkpoint,
  type EncryptedBallot,
  type EncryptedBallotJson,
  type Receipt,
  type SignedCheckpoint,
  type SignedReceipt,
} from '@saylau/crypto';
import { BallotClientError, call, ENDPOINTS, type ClientOptions } from './http.ts';
import { ANCHOR_REFUSALS, Code } from '@saylau/protocol/errors';
import type { AnyBoardEntry, BallotStatus } from '@saylau/protocol';

export { BallotClientError, type ClientOptions, type Fetch } from './http.ts';
export {
  ballotAudit,
  checkBallotAudit,
  normaliseTracker,
  type BallotAuditJson,
  type BallotJson,
  type BoardAnchor,
  type EncryptedBallot,
  type EncryptedBallotJson,
} from '@saylau/crypto';

/**
 * The public view of an election (GET /api/elections/:id): the fields the booth reads. `fetchElection`
 * checks the whole answer against protocol's schema (PublicElectionJson) first.
 */
export interface PublicElection {
  id: string;
  kind: 'akim' | 'referendum';
  status: 'nominations' | 'ballot-fixed' | 'open' | 'closed' | 'finished';
  manifest: { serverKey: string; [key: string]: unknown };
  calendar: Record<string, string>;
  contests:
    | { id: string; kind: string; options: { id: string; kind: string; names: Record<string, string> }[] }[]
    | null;
  /** The §8.1 parameters, once voting has opened. */
  params: unknown | null;
  board: { seq: number; head: string } | null;
  [key: string]: unknown;
}

/** Cast receipts and checkpoints (SPEC §9.4, §10.9.2): one declaration, in the crypto core. */
export type { Checkpoint, Receipt, SignedCheckpoint, SignedReceipt };

export type { BallotStatus };

/** A board entry as the export gives it (SPEC §9.2); the verifier, not the booth, checks the chain. */
export type BoardEntry = AnyBoardEntry;

export interface VoterSession {
  token: string;
  expiresAt?: string;
  [key: string]: unknown;
}

export function fetchElection(base: string, id: string, opts?: ClientOptions): Promise<PublicElection> {
  return call(base, ENDPOINTS.election, { params: { id } }, opts);
}

/** Sign in with the IIN and the one-time code; the token is good for one ballot, for minutes. */
export function login(
  base: string,
  id: string,
  iin: string,
  code: string,
  opts?: ClientOptions,
): Promise<VoterSession> {
  return call(base, ENDPOINTS.voterLogin, { params: { id }, body: { iin, code } }, opts);
}

/**
 * Encrypt and prove a ballot on this device (SPEC §8.2): `params` as published (§8.1), the credential
 * code from the voter's invitation (§7.1), `choices[i]` the option index chosen in contest i. The
 * result is not signed: it may be audited (§8.5, then thrown away) or cast with `castEncrypted`.
 * Throws CryptoError for a mistyped code, parameters of another election or a choice out of range.
 */
export function prepareBallot(
  params: unknown,
  electionId: string,
  credentialCode: string,
  choices: readonly number[],
): EncryptedBallot {
  const p = decodeElectionParams(params);
  if (p.election !== electionId)
    throw new CryptoError('BAD_PARAMS', 'params.election', 'these parameters are for another election');
  return encryptBallot(p, deriveCredentialKeys(electionId, credentialCode).publicKey, choices);
}

/**
 * The board head to anchor a ballot to (SPEC §8.2): `GET …/board/head`. With `serverKeyHex` (the
 * manifest's `serverKey`) the head's signature is checked, so the voter can keep it as a checkpoint.
 */
export async function fetchAnchor(
  base: string,
  id: string,
  serverKeyHex?: string,
  opts?: ClientOptions,
): Promise<{ anchor: BoardAnchor; head: SignedCheckpoint }> {
  const head = await call(base, ENDPOINTS.boardHead, { params: { id } }, opts);
  const c = head.checkpoint;
  if (
    c.election !== id ||
    (serverKeyHex !== undefined && !verifySigned('checkpoint', c, head.signature, serverKeyHex))
  )
    throw new BallotClientError('the board head is not a signed head of this board', Code.BAD_RESPONSE, 200);
  return { anchor: { seq: c.seq, hash: c.head }, head };
}

/** Sign an encrypted ballot for casting (SPEC §8.2): the credential signs the ballot with its anchor. */
export function signForCast(
  encrypted: EncryptedBallotJson,
  credentialCode: string,
  anchor: BoardAnchor,
): BallotJson {
  const keys = deriveCredentialKeys(encrypted.election, credentialCode);
  return signBallot(encrypted, anchor, keys.secretKey);
}

/**
 * Cast a ballot with a voter token. Refusals are BallotClientErrors with the server's code; on
 * ALREADY_CAST (the ballot arrived earlier, its answer was lost) `details` holds the receipt.
 */
export function castBallot(
  base: string,
  id: string,
  token: string,
  ballot: BallotJson,
  opts?: ClientOptions,
): Promise<SignedReceipt> {
  return call(base, ENDPOINTS.castBallot, { params: { id }, body: { ballot }, token }, opts);
}

/** Refusals after which a fresh head and a new signature may succeed (SPEC §10.9.2). */

/**
 * Cast an encrypted ballot: fetch the board head, sign with it as the anchor, send; if the server
 * finds the anchor stale (the board moved on meanwhile), once more with a fresh head. Returns the
 * signed receipt and the ballot as cast.
 */
export async function castEncrypted(
  base: string,
  id: string,
  token: string,
  encrypted: EncryptedBallotJson,
  credentialCode: string,
  opts: ClientOptions & { serverKeyHex?: string } = {},
): Promise<{ signed: SignedReceipt; ballot: BallotJson }> {
  for (let attempt = 0; ; attempt++) {
    const { anchor } = await fetchAnchor(base, id, opts.serverKeyHex, opts);
    const ballot = signForCast(encrypted, credentialCode, anchor);
    try {
      return { signed: await castBallot(base, id, token, ballot, opts), ballot };
    } catch (e) {
      if (attempt > 0 || !(e instanceof BallotClientError) || !ANCHOR_REFUSALS.has(e.code)) throw e;
    }
  }
}

function verifySigned(purpose: 'checkpoint' | 'receipt', body: unknown, signature: unknown, key: unknown) {
  try {
    return verifyDocument(purpose, body, signature, key);
  } catch (e) {
    if (e instanceof CryptoError) return false;
    throw e;
  }
}

/** Whether `signature` is the server's signature (manifest `serverKey`) of this receipt (SPEC §7.4). */
export function verifyReceipt(receipt: unknown, signature: unknown, serverKeyHex: unknown): boolean {
  return verifySigned('receipt', receipt, signature, serverKeyHex);
}

/** Look a ballot up by its tracker (typed as the voter reads it: case, spaces, dashes, O/I/L forgiven). */
export function findBallot(
  base: string,
  id: string,
  tracker: string,
  opts?: ClientOptions,
): Promise<BallotStatus> {
  const t = normaliseTracker(tracker);
  return call(base, ENDPOINTS.findBallot, { params: { id, tracker: t } }, opts);
}

/** The board's entries from `from` on (SPEC §9.3), parsed from the JSON Lines export. */
export async function fetchBoard(
  base: string,
  id: string,
  from?: number,
  opts?: ClientOptions,
): Promise<BoardEntry[]> {
  if (from !== undefined && (!Number.isSafeInteger(from) || from < 0))
    throw new RangeError('from must be a non-negative integer');
  const text = await call(base, ENDPOINTS.board, { params: { id }, query: { from } }, opts);
  try {
    return text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as BoardEntry);
  } catch {
    throw new BallotClientError('the board export is not JSON Lines', Code.BAD_RESPONSE, 200);
  }
}

/** The booth's kk/ru/en strings (pure data): the server renders the booth's page shell with them. */
export { CATALOGS as BOOTH_CATALOGS } from './booth/catalog.ts';
export * from './record.ts';
