/**
 * Casting a ballot (SPEC §10.9): the checks in their fixed order, each refusal with a stable code and
 * nothing written, then one transaction that consumes the voter token and appends the ballot; the
 * signed receipt is made only after that commit.
 */
import {
  CryptoError,
  ballotHash,
  decodeAnchor,
  decodeBallot,
  normaliseTracker,
  trackerFromHash,
  type BallotJson,
  ballotCiphertextKeys,
} from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import type { BoardEntry } from '../board.ts';
import { ApiError, badRequest, conflict, forbidden, notFound, unprocessable } from '../http/errors.ts';
import { parseWith } from '../http/validate.ts';
import { getElection } from '../elections/store.ts';
import { acceptingBallots, electionParams } from '../elections/voting.ts';
import { checkVoterToken, consumeVoterToken, type CheckedToken } from '../voters/tokens.ts';
import { checkAnchorFresh, checkAnchorOnBoard } from './anchor.ts';
import { noteRefusal, requireRefusalsLeft } from './refusals.ts';
import { CastBody } from './schema.ts';
import { castingPool } from './state.ts';
import { signReceipt, type SignedReceipt } from './receipt.ts';
import type { Verdict } from './verify-batch.ts';
import { Code, type BallotPayload, type BallotStatus, type ErrorCode } from '@saylau/protocol';
import { noteBallot } from '../tally/running.ts';
import { commitTogether } from './group-commit.ts';

const MAX_TOKEN_CHARS = 4096;

const notOpen = (id: string) => conflict(Code.NOT_OPEN, `election ${id} is not accepting ballots now`);

/** The token of an `Authorization: Bearer …` header; null when absent. A malformed header is a 401. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined || header === '') return null;
  const m = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  if (!m || m[1]!.length > MAX_TOKEN_CHARS)
    throw new ApiError(401, Code.BAD_TOKEN, 'the voter token is not valid for this election');
  return m[1]!;
}

function refusal(v: Exclude<Verdict, { ok: true }>): ApiError {
  switch (v.reason) {
    case 'crypto':
      // The same shape as a CryptoError thrown on the request thread (http/errors.ts).
      return new ApiError(400, `CRYPTO_${v.code}`, `${v.field}: ${v.message}`, { field: v.field });
    case 'signature':
      return unprocessable(Code.BAD_SIGNATURE, 'the ballot signature does not verify under its credential');
    case 'proof':
      return unprocessable(
        Code.BAD_PROOF,
        'a ballot proof does not verify for this election and this credential',
      );
  }
}

function statements(ctx: ServerContext) {
  const db = ctx.db;
  return {
    credential: db.prepare('SELECT 1 FROM credentials WHERE election = ? AND public_key = ?'),
    owned: db.prepare('SELECT public_key FROM credential_owners WHERE election = ? AND voter = ?'),
    byTracker: db.prepare('SELECT seq FROM ballots WHERE election = ? AND tracker = ?'),
    ballot: db.prepare('SELECT seq, credential FROM ballots WHERE election = ? AND tracker = ?'),
    last: db.prepare(
      'SELECT seq, tracker FROM ballots WHERE election = ? AND credential = ? ORDER BY seq DESC LIMIT 1',
    ),
    entry: db.prepare('SELECT payload, hash FROM board WHERE election = ? AND seq = ?'),
    ciphertext: db.prepare('SELECT 1 FROM ciphertexts WHERE election = ? AND ciphertext = ?'),
    insertCiphertext: db.prepare('INSERT INTO ciphertexts (election, ciphertext) VALUES (?, ?)'),
    insertBallot: db.prepare('INSERT INTO ballots (election, tracker, seq, credential) VALUES (?, ?, ?, ?)'),
    anyBallot: db.prepare('SELECT 1 FROM ballots WHERE election = ? LIMIT 1'),
  };
}
type Statements = ReturnType<typeof statements>;
const cache = new WeakMap<ServerContext, Statements>();
function stmts(ctx: ServerContext): Statements {
  let s = cache.get(ctx);
  if (!s) cache.set(ctx, (s = statements(ctx)));
  return s;
}

/**
 * Step 5 (SPEC §10.9.2): the credential is on the published list and is the one the credential
 * authority bound to the signed-in voter (§10.7): one sign-in casts only with its own credential.
 */
function checkCredentialOwner(s: Statements, election: string, voter: string, credential: string): void {
  const own = s.owned.get(election, voter) as { public_key: string } | undefined;
  if (own?.public_key === credential) return;
  if (!s.credential.get(election, credential))
    throw forbidden(Code.UNKNOWN_CREDENTIAL, 'the ballot credential is not on the published list');
  throw forbidden(
    Code.NOT_YOUR_CREDENTIAL,
    'this credential was issued to another voter: cast with the code from your own letter',
  );
}

/** Refusals that the voter could not have avoided, or that carry the answer, cost the token nothing. */
const FREE_REFUSALS = new Set<ErrorCode>([
  Code.NOT_OPEN,
  Code.ALREADY_CAST,
  Code.VERIFIER_UNAVAILABLE,
  Code.TOKEN_USED,
]);

/**
 * POST /api/elections/:id/ballots. Checks, in order (SPEC §10.9.2): body schema; election open;
 * voter token; ballot for this election and strictly decodable; credential the voter's own; anchor
 * on this board; signature and proofs; not already cast, no copied ciphertext, anchor fresh. Then
 * one transaction, then the receipt. A token that sent MAX_REFUSALS_PER_TOKEN refused ballots stops.
 */
export async function castBallot(
  ctx: ServerContext,
  election: string,
  authorization: string | undefined,
  body: unknown,
): Promise<SignedReceipt> {
  const { ballot } = parseWith(CastBody, body, 'body'); // 1
  const e = getElection(ctx, election); // 2
  if (!acceptingBallots(e, ctx.clock())) throw notOpen(election);
  const token = await checkVoterToken(ctx, election, bearerToken(authorization)); // 3
  requireRefusalsLeft(ctx, token.jti);
  try {
    return await castChecked(ctx, election, token, ballot);
  } catch (err) {
    if (err instanceof ApiError && err.status < 500 && !FREE_REFUSALS.has(err.code))
      noteRefusal(ctx, token.jti, token.exp);
    else if (err instanceof CryptoError) noteRefusal(ctx, token.jti, token.exp);
    throw err;
  }
}

/** Steps 4–8 and the transaction, for a request whose token passed step 3. */
async function castChecked(
  ctx: ServerContext,
  election: string,
  token: CheckedToken,
  ballot: CastBody['ballot'],
): Promise<SignedReceipt> {
  if (ballot.election !== election)
    throw badRequest(Code.WRONG_ELECTION, 'the ballot is for another election'); // 4
  const params = electionParams(getElection(ctx, election));
  const s = stmts(ctx);
  try {
    const anchor = decodeAnchor(ballot.anchor, 'ballot.anchor');
    checkCredentialOwner(s, election, token.subject, ballot.credential); // 5
    checkAnchorOnBoard(ctx, election, anchor); // 6
  } catch (err) {
    decodeBallot(params, ballot); // a decoding error outranks them (step 4 before 5 and 6)
    throw err;
  }
  // 4 (decoding) and 7 (signature, proofs) run in a verifier worker.
  const verdict = await castingPool(ctx).verify({ params: params.json, ballot });
  if (!verdict.ok) throw refusal(verdict);
  const json = ballot as BallotJson;
  const tracker = trackerFromHash(verdict.hash);

  // 8 and the writes, in one savepoint of the group's transaction: nothing in it awaits, so no other
  // cast interleaves; it resolves once the group is committed.
  const { entry, first, previous } = await commitTogether(ctx, () => {
    if (!acceptingBallots(getElection(ctx, election), ctx.clock())) throw notOpen(election); // closed meanwhile
    const earlier = s.byTracker.get(election, tracker) as { seq: number } | undefined;
    if (earlier) {
      const row = s.entry.get(election, earlier.seq) as { payload: string; hash: string };
      // The same ballot hash is the same encrypted ballot (§8.4), even signed again with a newer anchor.
      if (ballotHash(JSON.parse(row.payload)) !== verdict.hash)
        throw conflict(Code.TRACKER_TAKEN, 'another ballot has this tracker; encrypt the ballot again');
      throw conflict(Code.ALREADY_CAST, 'this ballot is already on the board', {
        tracker,
        seq: earlier.seq,
        hash: row.hash,
        ...signReceipt(ctx, {
          election,
          tracker,
          seq: earlier.seq,
          hash: row.hash,
          checkpoint: { election, seq: earlier.seq, head: row.hash },
        }),
      });
    }
    const keys = ballotCiphertextKeys(json);
    if (new Set(keys).size !== keys.length || keys.some((k) => s.ciphertext.get(election, k)))
      throw conflict(Code.COPIED_CIPHERTEXT, 'a ciphertext of this ballot is already on the board');
    const previous = s.last.get(election, json.credential) as { seq: number } | undefined;
    const head = ctx.board.head(election);
    checkAnchorFresh(json.anchor, head === null ? 0 : head.seq + 1, previous?.seq ?? null);
    consumeVoterToken(ctx, election, token);
    for (const k of keys) s.insertCiphertext.run(election, k);
    const first = s.anyBallot.get(election) === undefined;
    const appended: BoardEntry = ctx.board.append(election, 'ballot', json);
    s.insertBallot.run(election, tracker, appended.seq, json.credential);
    return { entry: appended, first, previous };
  });
  // Callers resume in queue order right after the commit, so running tallies follow the board (§10.10).
  const replaced = previous
    ? (JSON.parse((s.entry.get(election, previous.seq) as { payload: string }).payload) as BallotPayload)
    : null;
  noteBallot(ctx, election, params, { ciphertexts: verdict.ciphertexts, first, replaced });

  const head = { election, seq: entry.seq, head: entry.hash };
  return signReceipt(ctx, { election, tracker, seq: entry.seq, hash: entry.hash, checkpoint: head });
}

export type { BallotStatus };

/** GET /api/elections/:id/ballots/:tracker: where a ballot is on the board; the tracker as typed (§8.4). */
export function findBallot(ctx: ServerContext, election: string, typed: string): BallotStatus {
  getElection(ctx, election);
  let tracker: string;
  try {
    tracker = normaliseTracker(typed);
  } catch (e) {
    if (e instanceof CryptoError) throw badRequest(Code.BAD_TRACKER, `not a ballot tracker: ${e.message}`);
    throw e;
  }
  const s = stmts(ctx);
  const row = s.ballot.get(election, tracker) as { seq: number; credential: string } | undefined;
  if (!row) throw notFound(Code.NO_BALLOT, `no ballot with tracker ${tracker} on this board`);
  const { hash } = s.entry.get(election, row.seq) as { hash: string };
  const last = s.last.get(election, row.credential) as { seq: number; tracker: string };
  const superseded = last.seq > row.seq;
  return {
    tracker,
    seq: row.seq,
    hash,
    superseded,
    supersededBy: superseded ? { seq: last.seq, tracker: last.tracker } : null,
  };
}
