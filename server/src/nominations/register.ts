/**
 * Registering or refusing a nomination (SPEC §10.4). Registration appends the public `candidate`
 * entry: names, route without IINs, public tags, the signers' tags and count against the threshold,
 * the time.
 */
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict, unprocessable } from '../http/errors.ts';
import { before, toLocal } from '../elections/calendar.ts';
import { getElection, requireStatus } from '../elections/store.ts';
import { rollSalt } from '../roll/tags.ts';
import { getDistrictAkim, refuseAkimNomination } from './akim.ts';
import { RefuseInput, publicRoute } from './schemas.ts';
import { getNomination, signatureStatus, type Nomination } from './store.ts';
import { candidateTags, signerTags } from './tags.ts';
import type { CandidateEntry } from '@saylau/protocol';
import { Code } from '@saylau/protocol';

export type { CandidateEntry };

function pending(ctx: ServerContext, electionId: string, n: number): Nomination {
  const nom = getNomination(ctx, electionId, n);
  if (nom.status !== 'pending')
    throw conflict(Code.NOMINATION_STATE, `nomination ${n} is already ${nom.status}`);
  return nom;
}

export function registerCandidate(
  ctx: ServerContext,
  electionId: string,
  n: number,
  actor: string,
): CandidateEntry {
  const now = ctx.clock();
  return ctx.db.transaction(() => {
    const e = getElection(ctx, electionId);
    requireStatus(e, 'nominations');
    if (!before(now, e.calendar.registrationCloses))
      throw conflict(Code.REGISTRATION_CLOSED, `registration closed at ${e.calendar.registrationCloses}`);
    const nom = pending(ctx, e.id, n);
    // The akim may have been recorded after the nomination was entered.
    refuseAkimNomination(getDistrictAkim(ctx, e.id), nom);
    // The candidate entry carries public tags keyed with the roll's salt (§10.4.7).
    const salt = rollSalt(ctx, e.id);
    if (salt === null) throw conflict(Code.NO_ROLL, "the candidate's public tags need the accepted roll");
    const sig = signatureStatus(ctx, e, nom);
    if (sig.required) {
      if (!sig.enough)
        throw unprocessable(
          Code.BELOW_THRESHOLD,
          `${sig.valid} valid signatures; the ${nom.route.kind} route needs ${sig.threshold}`,
          { valid: sig.valid, threshold: sig.threshold },
        );
    }
    const registered = (
      ctx.db
        .prepare('SELECT count(*) AS n FROM nominations WHERE election = ? AND candidate_id IS NOT NULL')
        .get(e.id) as { n: number }
    ).n;
    const entry: CandidateEntry = {
      id: `c${registered + 1}`,
      surname: nom.candidate.surname,
      givenNames: nom.candidate.givenNames,
      route: publicRoute(nom.route),
      tags: candidateTags(salt, nom),
      signatures: sig.required
        ? { valid: sig.valid, threshold: sig.threshold, signers: signerTags(ctx, salt, n) }
        : null,
      registeredAt: toLocal(now),
    };
    ctx.db
      .prepare(
        "UPDATE nominations SET status = 'registered', candidate_id = ?, registered_at = ? WHERE id = ? AND status = 'pending'",
      )
      .run(entry.id, entry.registeredAt, n);
    ctx.board.append(e.id, 'candidate', entry);
    audit(ctx, actor, 'nomination.register', e.id, { nomination: n, candidate: entry.id });
    return entry;
  })();
}

export function refuseNomination(
  ctx: ServerContext,
  electionId: string,
  n: number,
  reason: string,
  actor: string,
): Nomination {
  const { reason: why } = RefuseInput.parse({ reason });
  ctx.db.transaction(() => {
    const e = getElection(ctx, electionId);
    requireStatus(e, 'nominations');
    pending(ctx, e.id, n);
    ctx.db.prepare("UPDATE nominations SET status = 'refused', reason = ? WHERE id = ?").run(why, n);
    audit(ctx, actor, 'nomination.refuse', e.id, { nomination: n, reason: why });
  })();
  return getNomination(ctx, electionId, n);
}
