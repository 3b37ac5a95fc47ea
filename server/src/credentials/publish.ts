/**
 * Publishing the public credential list (SPEC §10.7): once per election, before voting opens, after
 * the roll, exactly one key per voter on the roll, each bound to the voter it was issued to. The keys
 * and their owners go to the `credentials` table (casting checks ballots against both, the owners
 * through the `credential_owners` view) and the list alone to the board's `credentials` entry. A
 * 100,000-key list is checked in the upload check worker and written in chunks, so the event loop
 * never stalls long; the list and its board entry appear together in one final transaction
 * (uploads/staging.ts).
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict, unprocessable } from '../http/errors.ts';
import { getElection, requireStatus } from '../elections/store.ts';
import { runStagedUpload, writeChunks } from '../uploads/staging.ts';
import { uploadChecks } from '../uploads/task-worker.ts';
import { parseWith } from '../http/validate.ts';
import { CredentialUpload } from './list-check.ts';
import { rollIins } from './voters.ts';
import { Code, type PublishedCredentials } from '@saylau/protocol';

export type { PublishedCredentials };

const strings = (v: unknown) => Array.isArray(v) && v.every((k) => typeof k === 'string');

/** Only a flat {list, owners} of strings goes to the worker (see publishCredentialList). */
const isFlatUpload = (body: unknown): body is { list: string[]; owners: string[] } =>
  typeof body === 'object' &&
  body !== null &&
  Object.keys(body).length === 2 &&
  strings((body as { list?: unknown }).list) &&
  strings((body as { owners?: unknown }).owners);

/** Rules 1–3: the election may take its list now; returns the roll's count. */
function rollCountToMatch(ctx: ServerContext, electionId: string): number {
  const e = getElection(ctx, electionId);
  requireStatus(e, 'nominations', 'ballot-fixed');
  if (ctx.db.prepare('SELECT 1 FROM credentials WHERE election = ? LIMIT 1').get(e.id))
    throw conflict(Code.CREDENTIALS_EXIST, `the credential list of ${e.id} is already published`);
  const roll = ctx.board.latest(e.id, 'roll');
  if (!roll) throw conflict(Code.NO_ROLL, 'accept the voter roll first: the list must match its count');
  return roll.payload.count;
}

/** `body` as the JSON parser left it: its shape is checked first, in the worker with rules 4 and 6. */
export async function publishCredentialList(
  ctx: ServerContext,
  electionId: string,
  body: unknown,
  actor: string,
): Promise<PublishedCredentials> {
  // The body was parsed in this turn of the event loop: let others in before the next step, and
  // between the steps below (each takes tens of milliseconds on a 100,000-key list).
  await yieldToLoop();
  // Rules 1–3 are cheap reads: made now, but a refusal waits for the body's shape to be checked.
  let count = 0;
  let iins: string[] = [];
  let refusal: unknown = null;
  try {
    count = rollCountToMatch(ctx, electionId);
    iins = await rollIins(ctx, electionId);
  } catch (e) {
    refusal = e;
  }
  await yieldToLoop();
  // Only a flat {list, owners} of strings goes to the worker (zod refuses anything else at its first
  // level, cheaply, and a body nested deeper than a structured clone can copy must not get that far).
  if (!isFlatUpload(body)) parseWith(CredentialUpload, body, 'body');
  const checked = await uploadChecks(ctx).run('credential-list', {
    body,
    checkList: refusal === null,
    election: electionId,
    pepper: ctx.keys.pepper,
    iins,
  });
  if (refusal !== null || checked === null) throw refusal;
  if (checked.count !== count)
    throw unprocessable(
      Code.COUNT_MISMATCH,
      `the list has ${checked.count} keys but the roll has ${count} voters: one credential per voter`,
      { list: checked.count, roll: count },
    );
  if (checked.owners)
    throw unprocessable(Code.OWNERS_MISMATCH, `${checked.owners.field}: ${checked.owners.message}`, {
      field: checked.owners.field,
    });
  const { list, owners } = body as { list: string[]; owners: string[] };
  return runStagedUpload(ctx, {
    election: electionId,
    kind: 'credentials',
    stage: (upload) =>
      writeChunks(
        ctx,
        'INSERT INTO credential_keys (upload, public_key, voter) VALUES (?, ?, ?)',
        list,
        (k, i) => [upload, k, owners[i]],
      ),
    commit: () => {
      rollCountToMatch(ctx, electionId); // a concurrent upload may have published meanwhile
      const entry = ctx.board.appendCanonical(electionId, 'credentials', checked.payload);
      audit(ctx, actor, 'credentials.publish', electionId, { count, fingerprint: checked.fingerprint });
      return {
        election: electionId,
        count,
        fingerprint: checked.fingerprint,
        seq: entry.seq,
        hash: entry.hash,
      };
    },
  });
}
