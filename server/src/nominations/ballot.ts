/**
 * Fixing the ballot (SPEC §10.5): the registered candidates in Kazakh alphabetical order of surname,
 * then given names, then registration order, and "Against all" last. Pending nominations lapse.
 */
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict, unprocessable } from '../http/errors.ts';
import { before } from '../elections/calendar.ts';
import type { Names } from '../http/validate.ts';
import {
  AGAINST_ALL,
  getElection,
  requireStatus,
  setContests,
  setStatus,
  type BallotContest,
  type BallotOption,
} from '../elections/store.ts';
import { tagOf } from '../roll/tags.ts';
import { getDistrictAkim, refuseRegisteredByAkim } from './akim.ts';
import type { CandidateEntry } from './register.ts';
import { Code } from '@saylau/protocol';

export const LAPSED_REASON = 'not registered by the deadline';

const collator = new Intl.Collator('kk');
const idNumber = (id: string) => Number(id.slice(1));

/** Candidates as the ballot lists them (§10.5). */
export function ballotOrder<T extends Pick<CandidateEntry, 'id' | 'surname' | 'givenNames'>>(
  cs: readonly T[],
): T[] {
  return [...cs].sort(
    (a, b) =>
      collator.compare(a.surname.kk, b.surname.kk) ||
      collator.compare(a.givenNames.kk, b.givenNames.kk) ||
      idNumber(a.id) - idNumber(b.id),
  );
}

/** The ballot name in each language: surname then given names. */
export const candidateNames = (c: Pick<CandidateEntry, 'surname' | 'givenNames'>): Names => ({
  kk: `${c.surname.kk} ${c.givenNames.kk}`,
  ru: `${c.surname.ru} ${c.givenNames.ru}`,
  en: `${c.surname.en} ${c.givenNames.en}`,
});

export function fixBallot(ctx: ServerContext, electionId: string, actor: string): BallotContest[] {
  const now = ctx.clock();
  return ctx.db.transaction(() => {
    const e = getElection(ctx, electionId);
    requireStatus(e, 'nominations');
    if (before(now, e.calendar.registrationCloses))
      throw conflict(Code.REGISTRATION_OPEN, `registration is open until ${e.calendar.registrationCloses}`);
    // The board's candidate entries are what observers see, so the ballot is built from them.
    const candidates = ctx.board.ofType(e.id, 'candidate').map((x) => x.payload);
    if (candidates.length === 0) throw unprocessable(Code.NO_CANDIDATES, 'no candidate is registered');
    // B1a: the ballot names the sitting akim's tag, so observers can check that the akim nominated no one.
    const akim = getDistrictAkim(ctx, e.id);
    if (akim === null)
      throw conflict(Code.NO_AKIM, 'record the sitting district akim before fixing the ballot');
    refuseRegisteredByAkim(ctx, e.id, akim.iin);
    const akimTag = tagOf(ctx, e.id, akim.iin);
    if (akimTag === null) throw conflict(Code.NO_ROLL, "the akim's public tag needs the accepted roll");
    const options: BallotOption[] = [
      ...ballotOrder(candidates).map((c) => ({
        id: c.id,
        kind: 'candidate' as const,
        names: candidateNames(c),
      })),
      { id: 'against-all', kind: 'against-all', names: AGAINST_ALL },
    ];
    const contests: BallotContest[] = [{ id: 'akim', kind: 'candidates', options }];
    const lapsed = ctx.db
      .prepare(
        "UPDATE nominations SET status = 'refused', reason = ? WHERE election = ? AND status = 'pending'",
      )
      .run(LAPSED_REASON, e.id).changes;
    setContests(ctx, e.id, contests);
    setStatus(ctx, e.id, 'nominations', 'ballot-fixed');
    ctx.board.append(e.id, 'ballot-fixed', { contests, akim: akimTag });
    audit(ctx, actor, 'ballot.fix', e.id, { candidates: candidates.length, lapsed });
    return contests;
  })();
}
