/**
 * @saylau/ballot-client — the voter's side of Saylau (SPEC §8, §10.9): read the election, sign in,
 * encrypt and prove a ballot on the device, cast it, check the signed receipt, find the ballot on the
 * board. The browser booth is built on this; it uses only fetch and @saylau/crypto (no Node built-ins).
 */
import {
  CryptoError,
  buildBallot,
  decodeElectionParams,
  deriveCredentialKeys,
  normaliseTracker,
  verifyDocument,
  type BallotJson,
  type BuiltBallot,
  type Checkpoint,
  type Receipt,
  type SignedReceipt,
} from '@saylau/crypto';
import { BallotClientError, electionUrl, requestJson, send, type ClientOptions } from './http.ts';

export { BallotClientError, type ClientOptions, type Fetch } from './http.ts';
export {
  ballotAudit,
  checkBallotAudit,
  normaliseTracker,
  type BallotAuditJson,
  type BallotJson,
  type BuiltBallot,
} from '@saylau/crypto';

/** The public view of an election (GET /api/elections/:id). */
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
export type { Checkpoint, Receipt, SignedReceipt };

export interface BallotStatus {
  tracker: string;
  seq: number;
  hash: string;
  superseded: boolean;
}

export interface BoardEntry {
  seq: number;
  type: string;
  payload: unknown;
  prev: string;
  hash: string;
}

export interface VoterSession {
  token: string;
  expiresAt?: string;
  [key: string]: unknown;
}

export function fetchElection(base: string, id: string, opts?: ClientOptions): Promise<PublicElection> {
  return requestJson<PublicElection>(electionUrl(base, id), {}, opts);
}

/** Sign in with the IIN and the one-time code; the token is good for one ballot, for minutes. */
export function login(
  base: string,
  id: string,
  iin: string,
  code: string,
  opts?: ClientOptions,
): Promise<VoterSession> {
  return requestJson<VoterSession>(
    electionUrl(base, id, '/login'),
    { method: 'POST', body: { iin, code } },
    opts,
  );
}

/**
 * Encrypt and prove a ballot on this device (SPEC §8.2): `params` as published (§8.1), the credential
 * code from the voter's invitation (§7.1), `choices[i]` the option index chosen in contest i.
 * Throws CryptoError for a mistyped code, parameters of another election or a choice out of range.
 */
export function prepareBallot(
  params: unknown,
  electionId: string,
  credentialCode: string,
  choices: readonly number[],
): BuiltBallot {
  const p = decodeElectionParams(params);
  if (p.election !== electionId)
    throw new CryptoError('BAD_PARAMS', 'params.election', 'these parameters are for another election');
  return buildBallot(p, deriveCredentialKeys(electionId, credentialCode), choices);
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
  return requestJson<SignedReceipt>(
    electionUrl(base, id, '/ballots'),
    { method: 'POST', body: { ballot }, token },
    opts,
  );
}

/** Whether `signature` is the server's signature (manifest `serverKey`) of this receipt (SPEC §7.4). */
export function verifyReceipt(receipt: unknown, signature: unknown, serverKeyHex: unknown): boolean {
  try {
    return verifyDocument('receipt', receipt, signature, serverKeyHex);
  } catch (e) {
    if (e instanceof CryptoError) return false;
    throw e;
  }
}

/** Look a ballot up by its tracker (typed as the voter reads it: case, spaces, dashes, O/I/L forgiven). */
export function findBallot(
  base: string,
  id: string,
  tracker: string,
  opts?: ClientOptions,
): Promise<BallotStatus> {
  const t = normaliseTracker(tracker);
  return requestJson<BallotStatus>(electionUrl(base, id, `/ballots/${t}`), {}, opts);
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
  const res = await send(
    electionUrl(base, id, from === undefined ? '/board' : `/board?from=${from}`),
    {},
    opts,
  );
  const text = await res.text();
  try {
    return text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as BoardEntry);
  } catch {
    throw new BallotClientError(res.status, 'BAD_RESPONSE', 'the board export is not JSON Lines');
  }
}

/** The booth's kk/ru/en strings (pure data): the server renders the booth's page shell with them. */
export { CATALOGS as BOOTH_CATALOGS } from './booth/catalog.ts';
