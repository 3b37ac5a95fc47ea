/**
 * Cast receipts (SPEC §10.9): the server's signed statement that a ballot is on the board at `seq`
 * with entry hash `hash`, and a checkpoint of the board head at that moment. Sent only after the
 * commit, so a receipt for a ballot missing from a later board proves the board was rewritten.
 */
import { signDocument } from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import type { Checkpoint } from '../board.ts';

export interface Receipt {
  election: string;
  tracker: string;
  seq: number;
  hash: string;
  checkpoint: Checkpoint;
}

export interface SignedReceipt {
  receipt: Receipt;
  /** Ed25519 by the server board key (manifest `serverKey`), purpose `receipt` (SPEC §7.4). */
  signature: string;
}

export function signReceipt(ctx: ServerContext, receipt: Receipt): SignedReceipt {
  return { receipt, signature: signDocument('receipt', receipt, ctx.keys.board.secretKey) };
}
