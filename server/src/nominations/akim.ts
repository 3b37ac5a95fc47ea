/**
 * The sitting district akim (SPEC §10.4.2): recorded privately by the
 * commission so that a nomination by the akim, or by anyone acting for that office, is refused.
 */
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { unprocessable } from '../http/errors.ts';
import { getElection, requireStatus } from '../elections/store.ts';
import { parseIin } from '../roll/iin.ts';
import { AKIM_POSITIONS, AkimInput, type Route, type SubmittedBy } from './schemas.ts';
import { listNominations } from './store.ts';
import { Code } from '@saylau/protocol';

export interface DistrictAkim {
  iin: string;
  fullName: string;
  recordedAt: string;
}

export function getDistrictAkim(ctx: ServerContext, electionId: string): DistrictAkim | null {
  const r = ctx.db
    .prepare(
      'SELECT iin, full_name AS fullName, recorded_at AS recordedAt FROM district_akims WHERE election = ?',
    )
    .get(electionId) as DistrictAkim | undefined;
  return r ?? null;
}

/** Record (or replace) the sitting akim; only while nominations run. */
export function setDistrictAkim(
  ctx: ServerContext,
  electionId: string,
  input: unknown,
  actor: string,
): DistrictAkim {
  const v = AkimInput.parse(input);
  const p = parseIin(v.iin);
  if (!p.ok)
    throw unprocessable(Code.BAD_IIN, `the akim's IIN is invalid (${p.error})`, {
      field: 'iin',
      reason: p.error,
    });
  ctx.db.transaction(() => {
    const e = getElection(ctx, electionId);
    requireStatus(e, 'nominations');
    // A registered candidate cannot be unregistered: an akim who nominated one is refused here.
    refuseRegisteredByAkim(ctx, e.id, v.iin);
    ctx.db
      .prepare(
        `INSERT INTO district_akims (election, iin, full_name, recorded_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (election) DO UPDATE SET iin = excluded.iin, full_name = excluded.full_name,
           recorded_at = excluded.recorded_at`,
      )
      .run(e.id, v.iin, v.fullName, ctx.clock().toISOString());
    audit(ctx, actor, 'akim.record', e.id);
  })();
  return getDistrictAkim(ctx, electionId)!;
}

/**
 * Why a nomination is the akim's (N6), or null: submitted by the akim's office, by the recorded akim,
 * from an assembly the akim chaired, or the akim's own self-nomination.
 */
function akimNominationReason(
  akim: Pick<DistrictAkim, 'iin'> | null,
  nom: { route: Route; candidate: { iin: string }; submittedBy: SubmittedBy },
): string | null {
  if (AKIM_POSITIONS.includes(nom.submittedBy.position))
    return `the nomination is submitted as ${nom.submittedBy.position}`;
  if (akim === null) return null;
  if (nom.submittedBy.iin === akim.iin) return 'the nomination is submitted by the recorded akim';
  if (nom.route.kind === 'citizen-assembly' && nom.route.chairIin === akim.iin)
    return 'the citizen assembly was chaired by the recorded akim';
  if (nom.route.kind === 'self' && nom.candidate.iin === akim.iin)
    return "the akim's self-nomination is a nomination by the akim";
  return null;
}

/** 422 AKIM_NOMINATION for a nomination by the akim (N6, R-REG3). */
export function refuseAkimNomination(
  akim: DistrictAkim | null,
  nom: { route: Route; candidate: { iin: string }; submittedBy: SubmittedBy },
): void {
  const why = akimNominationReason(akim, nom);
  if (why !== null) throw unprocessable(Code.AKIM_NOMINATION, `the district akim may not nominate: ${why}`);
}

/** 422 AKIM_NOMINATION if a registered candidate was nominated by this IIN (N6; §10.5 B1a). */
export function refuseRegisteredByAkim(ctx: ServerContext, electionId: string, iin: string): void {
  for (const nom of listNominations(ctx, electionId).filter((n) => n.status === 'registered')) {
    const why = akimNominationReason({ iin }, nom);
    if (why !== null)
      throw unprocessable(
        Code.AKIM_NOMINATION,
        `the district akim may not nominate: ${why} (candidate ${nom.candidateId})`,
        { candidate: nom.candidateId },
      );
  }
}
