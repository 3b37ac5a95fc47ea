/**
 * Publishing the public credential list (SPEC §10.7): once per election, before voting opens, after
 * the roll, exactly one key per voter on the roll. The keys fill the `credentials` table (which
 * casting checks ballots against) and the board's `credentials` entry, in one transaction.
 */
import { parseCredentialList } from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict, unprocessable } from '../http/errors.ts';
import { getElection, requireStatus } from '../elections/store.ts';
import { credentialListFingerprint } from './list.ts';

export interface PublishedCredentials {
  election: string;
  count: number;
  fingerprint: string;
  /** The board entry's seq and hash. */
  seq: number;
  hash: string;
}

export function publishCredentialList(
  ctx: ServerContext,
  electionId: string,
  value: unknown,
  actor: string,
): PublishedCredentials {
  return ctx.db.transaction(() => {
    const e = getElection(ctx, electionId);
    requireStatus(e, 'nominations', 'ballot-fixed');
    if (ctx.db.prepare('SELECT 1 FROM credentials WHERE election = ? LIMIT 1').get(e.id))
      throw conflict('CREDENTIALS_EXIST', `the credential list of ${e.id} is already published`);
    const roll = ctx.board.latest(e.id, 'roll');
    if (!roll) throw conflict('NO_ROLL', 'accept the voter roll first: the list must match its count');
    // Strictly ascending valid keys (§7.3); a CryptoError becomes 400 CRYPTO_<code> naming list[i].
    const list = parseCredentialList(value, 'list');
    const count = (roll.payload as { count: number }).count;
    if (list.length !== count)
      throw unprocessable(
        'COUNT_MISMATCH',
        `the list has ${list.length} keys but the roll has ${count} voters: one credential per voter`,
        { list: list.length, roll: count },
      );
    const insert = ctx.db.prepare('INSERT INTO credentials (election, public_key) VALUES (?, ?)');
    for (const k of list) insert.run(e.id, k);
    const entry = ctx.board.append(e.id, 'credentials', { count, list });
    const fingerprint = credentialListFingerprint(list);
    audit(ctx, actor, 'credentials.publish', e.id, { count, fingerprint });
    return { election: e.id, count, fingerprint, seq: entry.seq, hash: entry.hash };
  })();
}
