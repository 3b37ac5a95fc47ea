/**
 * Send-time signing of ballots encrypted ahead (bench/lib/ballots.ts): as a booth does just before
 * casting (SPEC §8.2), the credential signs the encrypted ballot with an anchor, a head of this
 * board. The voters' side keeps the newest head it knows: the head fetched before the first ballot,
 * then the highest receipt checkpoint (the head right after that ballot, §9.4), and a fresh head
 * after a STALE_ANCHOR or BAD_ANCHOR refusal (§10.9.2).
 */
import { hexToBytesStrict, signBallot, type BallotJson, type BoardAnchor } from '@saylau/crypto';
import type { Built } from './ballot-builder.ts';

/** `b` signed by its credential with `anchor`: one Ed25519 signature on the sender's CPU. */
export function signBuilt(b: Pick<Built, 'ballot' | 'secretKey'>, anchor: BoardAnchor): BallotJson {
  return signBallot(b.ballot, anchor, hexToBytesStrict(b.secretKey, 'secretKey', 32));
}

/** The body of POST …/ballots for `b` signed with `anchor`. */
export const castBody = (b: Pick<Built, 'ballot' | 'secretKey'>, anchor: BoardAnchor) =>
  JSON.stringify({ ballot: signBuilt(b, anchor) });

/** Refusals that a fresh head and a new signature may cure (§10.9.2); any other stands. */
export const ANCHOR_REFUSALS: ReadonlySet<string> = new Set(['STALE_ANCHOR', 'BAD_ANCHOR']);

/** The newest board head the voters' side knows, shared by all its concurrent voters. */
export class Heads {
  private newest: BoardAnchor;
  private pending: Promise<BoardAnchor> | null = null;

  /** `first`: a head fetched before the first ballot; `fetchHead`: GET …/board/head again. */
  constructor(
    first: BoardAnchor,
    private readonly fetchHead: () => Promise<BoardAnchor>,
  ) {
    this.newest = first;
  }

  /** The anchor to sign with now. */
  get anchor(): BoardAnchor {
    return this.newest;
  }

  /** An entry of this board seen in an answer (a receipt's checkpoint, a ballot found by tracker). */
  see(seq: number, hash: string): void {
    if (seq > this.newest.seq) this.newest = { seq, hash };
  }

  /** A receipt's checkpoint `{seq, head}`; anything else is ignored. */
  seeReceipt(receipt: unknown): void {
    const c = (receipt as { checkpoint?: { seq?: unknown; head?: unknown } } | undefined)?.checkpoint;
    if (typeof c?.seq === 'number' && typeof c.head === 'string') this.see(c.seq, c.head);
  }

  /** Fetch the head again; callers at the same time share one request. */
  refresh(): Promise<BoardAnchor> {
    this.pending ??= this.fetchHead()
      .then((a) => {
        this.see(a.seq, a.hash);
        return this.newest;
      })
      .finally(() => (this.pending = null));
    return this.pending;
  }
}
