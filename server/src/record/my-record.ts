/**
 * A signed-in voter's record (SPEC §10.9.4): their roll tag with its audit path, the candidates they
 * signed for, their credential and the latest ballot cast with it. The booth checks each against the
 * board; the token is read, not consumed.
 */
import type { ServerContext } from '../context.ts';
import { getElection } from '../elections/store.ts';
import { bearerToken } from '../casting/service.ts';
import { readVoterToken } from '../voters/tokens.ts';
import { iinOfSubject } from '../voters/subjects.ts';
import { inclusionProof } from '../roll/tags.ts';
import { signedFor } from './signed-for.ts';
import type { MyRecordJson } from '@saylau/protocol';

export async function myRecord(
  ctx: ServerContext,
  election: string,
  authorization: string | undefined,
): Promise<MyRecordJson> {
  getElection(ctx, election);
  const { subject } = await readVoterToken(ctx, election, bearerToken(authorization));
  const iin = iinOfSubject(ctx, election, subject);
  const rollSeq = ctx.board.firstSeq(election, 'roll');
  const proof = iin !== null && rollSeq !== null ? inclusionProof(ctx, election, iin) : null;
  const publicKey =
    (ctx.db
      .prepare('SELECT public_key FROM credential_owners WHERE election = ? AND voter = ?')
      .pluck()
      .get(election, subject) as string | undefined) ?? null;
  const latest =
    publicKey === null
      ? undefined
      : (ctx.db
          .prepare(
            'SELECT seq, tracker FROM ballots WHERE election = ? AND credential = ? ORDER BY seq DESC LIMIT 1',
          )
          .get(election, publicKey) as { seq: number; tracker: string } | undefined);
  return {
    roll: proof && rollSeq !== null ? { seq: rollSeq, ...proof } : null,
    signedFor: iin === null ? [] : signedFor(ctx, election, iin),
    credential: { issued: publicKey !== null, publicKey },
    latest: latest ?? null,
  };
}
