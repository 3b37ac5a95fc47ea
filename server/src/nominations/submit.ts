/** Entering a nomination (SPEC §10.4): every rule checked first, then one row and an audit line. */
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict } from '../http/errors.ts';
import { toLocal } from '../elections/calendar.ts';
import { getElection, requireStatus } from '../elections/store.ts';
import { rollCount } from '../roll/service.ts';
import { getDistrictAkim, refuseAkimNomination } from './akim.ts';
import { checkCandidate, checkRoute, requireIin, requireNominationOpen, sameParty } from './rules.ts';
import { NominationInput } from './schemas.ts';
import { getNomination, liveNominations, type Nomination, type NominationData } from './store.ts';
import { Code } from '@saylau/protocol';

export function submitNomination(
  ctx: ServerContext,
  electionId: string,
  input: unknown,
  actor: string,
): Nomination {
  const v = NominationInput.parse(input);
  const now = ctx.clock();
  const id = ctx.db.transaction(() => {
    const e = getElection(ctx, electionId);
    requireStatus(e, 'nominations');
    requireNominationOpen(e, now);
    const profile = e.manifest.profile;
    requireIin(v.submittedBy.iin, 'submittedBy.iin');
    const route = checkRoute(profile, v, now, rollCount(ctx, e.id));
    refuseAkimNomination(getDistrictAkim(ctx, e.id), v);
    checkCandidate(profile, e, v);
    const live = liveNominations(ctx, e.id);
    const same = live.find((n) => n.candidate.iin === v.candidate.iin);
    if (same)
      throw conflict(
        Code.ALREADY_NOMINATED,
        `the candidate already has nomination ${same.nomination} (${same.status})`,
      );
    if (profile.onePartyCandidate && route.kind === 'party') {
      const rival = live.find((n) => n.route.kind === 'party' && sameParty(n.route.name, route.name));
      if (rival)
        throw conflict(
          Code.PARTY_HAS_CANDIDATE,
          `the party already nominated a candidate (nomination ${rival.nomination})`,
        );
    }
    const data: NominationData = { ...v, route, submittedAt: toLocal(now) };
    const r = ctx.db
      .prepare(
        'INSERT INTO nominations (election, candidate_iin, data, status, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(e.id, v.candidate.iin, JSON.stringify(data), 'pending', now.toISOString());
    const id = Number(r.lastInsertRowid);
    audit(ctx, actor, 'nomination.submit', e.id, { nomination: id, route: route.kind });
    return id;
  })();
  return getNomination(ctx, electionId, id);
}
