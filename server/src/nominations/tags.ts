/**
 * The public tags of a registered candidate (SPEC §10.4.7): the candidate's, the submitter's and an
 * assembly chair's, and the signers' as one sorted list, so that observers can check the signature
 * rules and the akim rule without learning who anyone is.
 */
import { bytesToB64, rollTag } from '@saylau/crypto';
import type { CandidateEntry } from '@saylau/protocol';
import type { ServerContext } from '../context.ts';
import { tagsOf } from '../roll/tags.ts';
import type { Nomination } from './store.ts';

export function candidateTags(salt: Uint8Array, nom: Nomination): CandidateEntry['tags'] {
  const tag = (iin: string) => bytesToB64(rollTag(salt, iin));
  return {
    candidate: tag(nom.candidate.iin),
    submitter: tag(nom.submittedBy.iin),
    ...(nom.route.kind === 'citizen-assembly' ? { chair: tag(nom.route.chairIin) } : {}),
  };
}

/** The nomination's stored signers as their tags, ascending, in one base64url string. */
export function signerTags(ctx: ServerContext, salt: Uint8Array, nomination: number): string {
  const iins = ctx.db
    .prepare('SELECT iin FROM signatures WHERE nomination = ?')
    .pluck()
    .all(nomination) as string[];
  return tagsOf(salt, iins);
}
