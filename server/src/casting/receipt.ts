/**
 * Signed receipts (SPEC §10.9.2, §10.9.5): the server's statement that a ballot, or a complaint, is on
 * the board at `seq` with entry hash `hash`, and a checkpoint of the board head at that moment. Sent
 * only after the commit, so a receipt for an entry missing from a later board proves the board was
 * rewritten.
 */
import type { Checkpoint, Receipt, SignedReceipt } from '@saylau/crypto';
import type { ServerContext } from '../context.ts';

export type { Receipt, SignedReceipt };

/** A complaint's receipt (SPEC §10.9.5): a cast receipt with `complaint` in place of `tracker`. */
export interface ComplaintReceipt {
  election: string;
  complaint: string;
  seq: number;
  hash: string;
  checkpoint: Checkpoint;
}

export function signReceipt<R extends Receipt | ComplaintReceipt>(
  ctx: ServerContext,
  receipt: R,
): { receipt: R; signature: string } {
  return { receipt, signature: ctx.keys.board.sign('receipt', receipt) };
}
