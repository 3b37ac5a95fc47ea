/** What the tally steps read from the board: the tally, the ceremony's t and n, the public shares. */
import { decodeCiphertext, decodePoint, type Ciphertext, type Point } from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import type { BoardEntry } from '../board.ts';
import { conflict } from '../http/errors.ts';
import { type CeremonyTrustee, type TallyPayload, type DecryptionMessage, Code } from '@saylau/protocol';

export interface TallyState {
  entry: BoardEntry;
  tally: TallyPayload;
  /** Decoded tally ciphertexts per contest (the identity allowed: a tally of no ballots). */
  ciphertexts: Ciphertext[][];
  t: number;
  n: number;
  trustees: CeremonyTrustee[];
  publicShares: Map<number, Point>;
  decryptions: { seq: number; payload: DecryptionMessage }[];
}

export function loadTally(ctx: ServerContext, id: string): TallyState {
  const entry = ctx.board.latest(id, 'tally');
  if (!entry) throw conflict(Code.NO_TALLY, 'the vote has not been closed and tallied');
  const ceremony = ctx.board.latest(id, 'ceremony')?.payload;
  const jk = ctx.board.latest(id, 'joint-key')?.payload;
  if (!ceremony || !jk) throw conflict(Code.NO_CEREMONY, 'this election has no key ceremony on its board');
  const tally = entry.payload;
  return {
    entry,
    tally,
    ciphertexts: tally.contests.map((c, ci) =>
      c.ciphertexts.map((x, oi) =>
        decodeCiphertext(x, `tally.contests[${ci}].ciphertexts[${oi}]`, { allowIdentity: true }),
      ),
    ),
    t: ceremony.t,
    n: ceremony.n,
    trustees: ceremony.trustees,
    publicShares: new Map(
      jk.publicShares.map((p) => [p.index, decodePoint(p.key, `publicShares[${p.index}]`)]),
    ),
    decryptions: ctx.board.ofType(id, 'decryption').map((d) => ({ seq: d.seq, payload: d.payload })),
  };
}
