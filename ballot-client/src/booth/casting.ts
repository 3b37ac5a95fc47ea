/**
 * The booth's requests about the voter and the ballot (SPEC §10.9): sign in, cast, ask the board by
 * tracker. Each outcome is dispatched as an event; what follows it (a retry, a new token, asking the
 * board, signing once more) is the machine's decision (machine.ts, cast-refusal.ts).
 */
import {
  BallotClientError,
  castBallot,
  fetchAnchor,
  findBallot,
  login,
  signForCast,
  verifyReceipt,
  type SignedReceipt,
} from '../index.ts';
import { failureOf } from './failure.ts';
import type { BoothEvent, CheckedReceipt, Session, StateAt, Token } from './state.ts';
import { Code } from '@saylau/protocol/errors';

type Dispatch = (e: BoothEvent) => void;

/** A token this close to its expiry is not used: it could expire on the way. */
const EXPIRY_MARGIN_MS = 30_000;
/** When the server does not say when the token expires: a little less than its lifetime. */
const DEFAULT_LIFETIME_MS = 14 * 60_000;

function base(): string {
  return location.origin;
}

async function freshToken(election: string, session: Session): Promise<Token> {
  const s = await login(base(), election, session.iin.replace(/\s/g, ''), session.loginCode);
  return {
    value: s.token,
    expires: s.expiresAt ? Date.parse(s.expiresAt) : Date.now() + DEFAULT_LIFETIME_MS,
  };
}

/** The sign-in form (SPEC §10.9.1): the IIN and the login code, kept in memory for silent sign-ins. */
export async function signIn(election: string, session: Session, dispatch: Dispatch): Promise<void> {
  let token: Token;
  try {
    token = await freshToken(election, session);
  } catch (e) {
    return dispatch({ type: 'signinFailed', failure: failureOf(e) });
  }
  dispatch({ type: 'signedIn', token });
}

/**
 * A token for reading the voter's record (SPEC §10.9.4), which does not use it up: the one held if
 * not near its expiry, else a fresh one from the codes in memory.
 */
export async function tokenFor(election: string, session: Session): Promise<string> {
  return usable(session.token) ?? (await freshToken(election, session)).value;
}

/** The token's value, unless it is missing or this close to its expiry. */
const usable = (t: Token | null): string | null =>
  t && Date.now() < t.expires - EXPIRY_MARGIN_MS ? t.value : null;

/** A token not known to be used or expired; signs in again with the codes in memory if needed. */
async function token(election: string, session: Session, dispatch: Dispatch): Promise<string> {
  const held = usable(session.token);
  if (held) return held;
  const fresh = await freshToken(election, session);
  dispatch({ type: 'signedIn', token: fresh });
  return fresh.value;
}

/**
 * One attempt at casting the encrypted ballot: signed only now, with the board head fetched just
 * before sending as its anchor (SPEC §8.2).
 */
export async function castOnce(
  election: string,
  s: StateAt<'casting'> | StateAt<'network'>,
  dispatch: Dispatch,
): Promise<void> {
  const { session, built } = s;
  const serverKey = session.election.manifest.serverKey;
  let signed: SignedReceipt;
  try {
    const tok = await token(election, session, dispatch);
    const { anchor } = await fetchAnchor(base(), election, serverKey);
    signed = await castBallot(base(), election, tok, signForCast(built.ballot, session.credential, anchor));
  } catch (e) {
    const earlier = alreadyCast(e);
    if (!earlier) return dispatch({ type: 'castFailed', failure: failureOf(e) });
    signed = earlier;
  }
  dispatch({ type: 'castDone', receipt: checkReceipt(signed, built.tracker, election, serverKey) });
}

/** What the booth shows about a receipt: its signature verifies, and it names this ballot and election. */
export function checkReceipt(
  signed: SignedReceipt,
  tracker: string,
  election: string,
  serverKey: string,
): CheckedReceipt {
  return {
    signed,
    tracker,
    valid: verifyReceipt(signed.receipt, signed.signature, serverKey),
    matches: signed.receipt.tracker === tracker && signed.receipt.election === election,
  };
}

/** The ballot is on the board already (its answer was lost): 409 ALREADY_CAST holds the original receipt. */
function alreadyCast(e: unknown): SignedReceipt | null {
  if (!(e instanceof BallotClientError) || e.code !== Code.ALREADY_CAST) return null;
  const d = e.details as { receipt?: SignedReceipt['receipt']; signature?: string } | undefined;
  return d?.receipt && d.signature ? { receipt: d.receipt, signature: d.signature } : null;
}

/** After a cast without an answer: is the ballot on the board? (SPEC §10.9.2, tracker lookup) */
export async function askBoard(election: string, tracker: string, dispatch: Dispatch): Promise<void> {
  try {
    await findBallot(base(), election, tracker);
  } catch (e) {
    const missing = e instanceof BallotClientError && e.code === Code.NO_BALLOT;
    return dispatch({ type: missing ? 'notOnBoard' : 'boardUnreachable' });
  }
  dispatch({ type: 'onBoard' });
}
