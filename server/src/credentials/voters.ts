/**
 * The voters a credential authority makes letters for (SPEC §10.7): each roll entry's opaque voter
 * reference (§10.9.1, the voter token's `sub`) with the name and address to print on the letter,
 * in mail-merge order. The authority binds each reference to the public key of the code it prints
 * for that voter; the server checks ballots against that binding (§10.9.2 step 5).
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ServerContext } from '../context.ts';
import { conflict } from '../http/errors.ts';
import { getElection, requireStatus } from '../elections/store.ts';
import { voterRef } from '../voters/tokens.ts';
import { Code, CredentialVoter } from '@saylau/protocol';

/** One voter of `GET …/credentials/voters`: protocol's schema, which the generator also reads. */
export { CredentialVoter };

/** GET …/credentials/voters: the whole roll, once it is accepted and until voting opens. */
export function credentialVoters(ctx: ServerContext, electionId: string): CredentialVoter[] {
  const e = getElection(ctx, electionId);
  requireStatus(e, 'nominations', 'ballot-fixed');
  if (!ctx.board.latest(e.id, 'roll')) throw conflict(Code.NO_ROLL, 'accept the voter roll first');
  const rows = ctx.db
    .prepare(
      `SELECT iin, surname, given_name AS givenName, patronymic, settlement, address FROM voters
       WHERE election = ? ORDER BY settlement, address, surname, given_name, iin`,
    )
    .all(e.id) as (Omit<CredentialVoter, 'voter'> & { iin: string })[];
  // The IIN stays on the server: the authority needs only the reference and the postal address.
  return rows.map(({ iin, ...v }) => ({ voter: voterRef(ctx, e.id, iin), ...v }));
}

/**
 * The IINs of the roll, for the upload check worker to compute their references (§10.7 rule 6):
 * read a slice at a time with a yield between, since 100,000 rows take tens of milliseconds.
 */
export async function rollIins(ctx: ServerContext, electionId: string): Promise<string[]> {
  const page = ctx.db
    .prepare('SELECT iin FROM voters WHERE election = ? AND iin > ? ORDER BY iin LIMIT ?')
    .pluck();
  const out: string[] = [];
  for (;;) {
    const rows = page.all(electionId, out.at(-1) ?? '', IIN_PAGE) as string[];
    out.push(...rows);
    if (rows.length < IIN_PAGE) return out;
    await yieldToLoop();
  }
}

const IIN_PAGE = 20_000;
