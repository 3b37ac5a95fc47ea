/**
 * Publishing the public credential list (SPEC §10.7): once per election, before voting opens, after
 * the roll, exactly one key per voter on the roll, each bound to the voter it was issued to. The keys
 * fill the `credentials` table, the private binding the `credential_owners` table (casting checks
 * ballots against both), and the board gets only the list, in one transaction.
 */
import { parseCredentialList } from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict, unprocessable } from '../http/errors.ts';
import { getElection, requireStatus } from '../elections/store.ts';
import { credentialListFingerprint } from './list.ts';
import { rollVoterRefs } from './voters.ts';

/** One line of the private owner map: the voter reference (§10.9.1) and the key issued to them. */
export interface CredentialOwner {
  voter: string;
  credential: string;
}

const ownersMismatch = (i: number, reason: string) =>
  unprocessable('OWNERS_MISMATCH', `owners[${i}]: ${reason}`, { field: `owners[${i}]` });

/** Rule 6: the owners are a one-to-one map from the roll's voters onto the list (§10.7). */
function checkOwners(owners: readonly CredentialOwner[], list: readonly string[], roll: Set<string>): void {
  const keys = new Set(list);
  const voters = new Set<string>();
  const used = new Set<string>();
  owners.forEach((o, i) => {
    if (!roll.has(o.voter)) throw ownersMismatch(i, 'not a voter on this roll');
    if (voters.has(o.voter)) throw ownersMismatch(i, 'this voter has a credential already');
    if (!keys.has(o.credential)) throw ownersMismatch(i, 'this key is not on the list');
    if (used.has(o.credential)) throw ownersMismatch(i, 'this key is issued to another voter already');
    voters.add(o.voter);
    used.add(o.credential);
  });
  if (owners.length !== list.length)
    throw unprocessable(
      'OWNERS_MISMATCH',
      `the owner map has ${owners.length} lines but the list ${list.length} keys: one per voter`,
      { field: 'owners' },
    );
}

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
  owners: readonly CredentialOwner[],
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
    checkOwners(owners, list, rollVoterRefs(ctx, e.id));
    const insert = ctx.db.prepare('INSERT INTO credentials (election, public_key) VALUES (?, ?)');
    for (const k of list) insert.run(e.id, k);
    const own = ctx.db.prepare(
      'INSERT INTO credential_owners (election, voter, public_key) VALUES (?, ?, ?)',
    );
    for (const o of owners) own.run(e.id, o.voter, o.credential);
    const entry = ctx.board.append(e.id, 'credentials', { count, list });
    const fingerprint = credentialListFingerprint(list);
    audit(ctx, actor, 'credentials.publish', e.id, { count, fingerprint });
    return { election: e.id, count, fingerprint, seq: entry.seq, hash: entry.hash };
  })();
}
