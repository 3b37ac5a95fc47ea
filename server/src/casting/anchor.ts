/**
 * Board anchors (SPEC §10.9.2, "Anchor"): every ballot's signed body cites a board head the booth
 * fetched just before casting. The server admits only anchors that a verifier will accept on the
 * final board (§11.2 check 7.6), so that a later rewrite of the board before a ballot breaks the
 * ballot's anchor, which the operator cannot re-sign.
 */
import type { BoardAnchor } from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import { conflict } from '../http/errors.ts';
import { Code } from '@saylau/protocol';

/** A ballot may cite a head at most this many entries before its own seq (A4). */
export const MAX_ANCHOR_AGE = 1000;

/**
 * A1–A2, checked before the proofs (entries never change, so outside the transaction is safe): the
 * cited entry is on this board with the cited hash, at or after `voting-opened`.
 */
export function checkAnchorOnBoard(ctx: ServerContext, election: string, anchor: BoardAnchor): void {
  const opened = ctx.board.firstSeq(election, 'voting-opened');
  if (opened === null || anchor.seq < opened || ctx.board.hashAt(election, anchor.seq) !== anchor.hash)
    throw conflict(
      Code.BAD_ANCHOR,
      'the ballot cites a board head that is not on this board since voting opened; fetch the head again',
    );
}

/**
 * A3–A4, inside the casting transaction where the ballot's seq is known: the anchor is not older
 * than the same credential's previous ballot, nor more than MAX_ANCHOR_AGE entries behind.
 */
export function checkAnchorFresh(anchor: BoardAnchor, seq: number, previousBallot: number | null): void {
  if ((previousBallot !== null && anchor.seq < previousBallot) || seq - anchor.seq > MAX_ANCHOR_AGE)
    throw conflict(
      Code.STALE_ANCHOR,
      'the ballot cites a board head that is too old; fetch the head, sign the ballot again and resend it',
    );
}
