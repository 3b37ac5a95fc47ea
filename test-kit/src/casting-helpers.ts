/**
 * Helpers for the casting tests: an open election with its decoded parameters, voter tokens, and
 * hand-assembled ballots (chosen nonces, re-signed bodies) for the forgery and copying tests.
 */
import {
  CryptoError,
  ballotBody,
  ballotHash,
  buildBallot,
  bytesToB64,
  encodeContest,
  encrypt,
  proofContext,
  proveSum,
  proveZeroOne,
  signDocument,
  trackerFromHash,
  type BallotBodyJson,
  type BallotJson,
  type BoardAnchor,
  type BuiltBallot,
  type CredentialKeys,
  type ElectionParams,
} from '@saylau/crypto';
import {
  electionParams,
  getElection,
  configureCasting,
  type VerifierOptions,
  issueVoterToken,
} from '@saylau/server';
import { openElectionFixture, type OpenElection } from './fixtures.ts';
import type { Harness } from './harness.ts';

export interface CastSetup extends OpenElection {
  params: ElectionParams;
}

export function castSetup(
  h: Harness,
  opts: Parameters<typeof openElectionFixture>[1] & { verifier?: VerifierOptions } = {},
): CastSetup {
  if (opts.verifier) configureCasting(h.server.ctx, opts.verifier);
  const e = openElectionFixture(h, opts);
  return { ...e, params: electionParams(getElection(h.server.ctx, e.id)) };
}

/** A voter token for voters[i] of the election, the owner of credentials[i] (SPEC §10.7). */
export async function voterToken(h: Harness, e: OpenElection, i: number): Promise<string> {
  return (await issueVoterToken(h.server.ctx, e.id, e.subjects[i]!)).token;
}

/** The board's current head as a ballot anchor (SPEC §8.2), as a booth fetches it just before casting. */
export function headAnchor(h: Harness, election: string): BoardAnchor {
  const head = h.server.ctx.board.head(election)!;
  return { seq: head.seq, hash: head.hash };
}

/** A valid ballot of credentials[i], anchored to the current head. */
export function ballotOf(h: Harness, e: CastSetup, i: number, choices: readonly number[]): BuiltBallot {
  return buildBallot(e.params, e.credentials[i]!.keys, choices, headAnchor(h, e.id));
}

export const castPath = (id: string) => `/api/elections/${id}/ballots`;

export function cast(h: Harness, id: string, ballot: unknown, token: string | null) {
  return h.api('POST', castPath(id), { ballot }, token);
}

/** A deep copy to alter. */
export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Sign a (possibly altered) ballot body again, so that only the intended defect remains. */
export function resign(
  ballot: BallotJson | BallotBodyJson,
  keys: Pick<CredentialKeys, 'secretKey'>,
): BallotJson {
  const body = ballotBody({ ...(ballot as BallotJson), signature: '' });
  try {
    return { ...body, signature: signDocument('ballot', body, keys.secretKey) };
  } catch (e) {
    // A body canonical JSON refuses (a fraction, SPEC §3.1) cannot be signed at all: it keeps the
    // signature it had, and the server must refuse it while decoding, before any signature check.
    if (!(e instanceof CryptoError) || e.code !== 'BAD_JSON') throw e;
    return { ...body, signature: (ballot as BallotJson).signature ?? '' };
  }
}

/**
 * A ballot assembled as buildBallot does (SPEC §8.2) but with chosen encryption nonces: the voter who
 * knows the randomness of an earlier ballot can encrypt the same ciphertext again and prove it afresh
 * under another credential — the copying the board refuses (COPIED_CIPHERTEXT).
 */
export function ballotWithNonces(
  params: ElectionParams,
  keys: Pick<CredentialKeys, 'secretKey' | 'publicKey'>,
  choices: readonly number[],
  nonces: readonly (readonly bigint[])[],
  anchor: BoardAnchor,
): BuiltBallot {
  const ctx = proofContext(params.fingerprint, keys.publicKey);
  const K = params.publicKey;
  const contests = params.contests.map((shape, ci) => {
    const encs = Array.from({ length: shape.options }, (_, oi) =>
      encrypt(K, oi === choices[ci] ? 1 : 0, nonces[ci]![oi]!),
    );
    return encodeContest({
      choices: encs.map((e, oi) => ({
        ciphertext: e.ciphertext,
        proof: proveZeroOne(ctx, K, e.ciphertext, oi === choices[ci] ? 1 : 0, e.nonce),
      })),
      sumProof: proveSum(
        ctx,
        K,
        encs.map((e) => e.ciphertext),
        1,
        encs.map((e) => e.nonce),
      ),
    });
  });
  const body: BallotBodyJson = {
    version: 'saylau/v1',
    election: params.election,
    credential: bytesToB64(keys.publicKey),
    anchor,
    contests,
  };
  const ballot: BallotJson = { ...body, signature: signDocument('ballot', body, keys.secretKey) };
  const hash = ballotHash(ballot);
  return {
    ballot,
    hash,
    tracker: trackerFromHash(hash),
    secrets: { choices: [...choices], nonces: nonces.map((r) => [...r]) },
  };
}
