/**
 * The server's signed statements about its board (SPEC §9.4, §10.9.2), as the server writes them and
 * the booth, the CLI and observers read them. Signed with `signDocument` under purposes `checkpoint`
 * and `receipt` (§7.4) by the manifest's `serverKey`.
 */

/** The board head of one election at one moment: the `seq` and `hash` of its latest entry. */
export interface Checkpoint {
  election: string;
  seq: number;
  head: string;
}

/** A ballot is on the board at `seq` with entry hash `hash`; `checkpoint` is the head just after. */
export interface Receipt {
  election: string;
  tracker: string;
  seq: number;
  hash: string;
  checkpoint: Checkpoint;
}

export interface SignedCheckpoint {
  checkpoint: Checkpoint;
  /** Ed25519, purpose `checkpoint`. */
  signature: string;
}

export interface SignedReceipt {
  receipt: Receipt;
  /** Ed25519, purpose `receipt`. */
  signature: string;
}
