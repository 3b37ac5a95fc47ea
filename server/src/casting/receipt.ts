/**
 * Cast receipts (SPEC §10.9): the server's signed statement that a ballot is on the board at `seq`
 * with entry hash `hash`, and a checkpoint of the board head at that moment. Sent only after the
 * commit, so a receipt for a ballot missing from a later board proves the board was rewritten.
 */
import type { Receipt, SignedReceipt } from '@saylau/crypto';
import type { ServerContext } from '../context.ts';

export type { Receipt, SignedReceipt };

export function signReceipt(ctx: ServerContext, receipt: Receipt): SignedReceipt {
  return { receipt, signature: ctx.keys.board.sign('receipt', receipt) };
}
