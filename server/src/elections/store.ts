/**
 * Elections and their lifecycle (SPEC §10): nominations → ballot-fixed → open → closed → finished.
 * Roll, key ceremony and credentials run beside nominations; each is a board entry, so their state
 * is read from the board itself.
 */
import { randomBytes } from 'node:crypto';
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { badRequest, conflict, notFound, unprocessable } from '../http/errors.ts';
import { TIME_ZONE, calendarProblem, defaultCalendar, toLocal, type Calendar } from './calendar.ts';
import { makeProfile } from './profiles.ts';
import { boothManifestEntry } from '../assets.ts';
import type { BallotContest, BallotOption, Manifest, Names, Question } from '@saylau/protocol';
import { Code, isExcludedSubject } from '@saylau/protocol';

export type { BallotContest, BallotOption, Manifest, Question };

import {
  CreateElection,
  type CreateElectionInput,
  type ElectionStatus as Status,
} from '@saylau/protocol/requests';
import { GLOSSARY } from '@saylau/protocol/glossary';

export { ELECTION_STATUSES as STATUSES, type ElectionStatus as Status } from '@saylau/protocol/requests';

export interface Election {
  id: string;
  kind: Manifest['kind'];
  status: Status;
  manifest: Manifest;
  /** The calendar in force: the manifest's, moved by any nomination extension. */
  calendar: Calendar;
  contests: BallotContest[] | null;
  /** The §8.1 election parameters, set when voting opens. */
  params: unknown | null;
  demo: boolean;
}

/** `POST /api/elections`: protocol's request body (SPEC §10.1). */
export { CreateElection, type CreateElectionInput };

export const YES_NO: Record<'yes' | 'no' | 'abstain', Names> = {
  yes: { kk: 'Иә', ru: 'Да', en: 'Yes' },
  no: { kk: 'Жоқ', ru: 'Нет', en: 'No' },
  abstain: GLOSSARY.abstain.name,
};
export const AGAINST_ALL: Names = GLOSSARY.againstAll.name;

interface Row {
  id: string;
  kind: Manifest['kind'];
  status: Status;
  manifest: string;
  calendar: string;
  contests: string | null;
  params: string | null;
  demo: number;
}

const toElection = (r: Row): Election => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  manifest: JSON.parse(r.manifest),
  calendar: JSON.parse(r.calendar),
  contests: r.contests === null ? null : JSON.parse(r.contests),
  params: r.params === null ? null : JSON.parse(r.params),
  demo: r.demo === 1,
});

/**
 * `now` is the server's clock unless given: a fixture that writes an election's later steps straight
 * into the database creates it at a time of its history, before its deadlines.
 */
export function createElection(
  ctx: ServerContext,
  input: unknown,
  actor: string,
  now: Date = ctx.clock(),
): Election {
  const v = CreateElection.parse(input);
  // §10.1.1: a question the law does not let a referendum decide is refused before anything is written.
  const excluded = (v.questions ?? []).filter((q) => isExcludedSubject(q.subject));
  if (excluded.length > 0)
    throw unprocessable(
      Code.EXCLUDED_QUESTION,
      `question ${excluded[0]!.id} has subject ${excluded[0]!.subject}, which no referendum may decide`,
      { field: `questions[${v.questions!.indexOf(excluded[0]!)}].subject`, subject: excluded[0]!.subject },
    );
  const id = v.id ?? `${v.electionDay.replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
  // The times given, at the election's +05:00 (SPEC §10.1).
  const given = Object.entries(v.calendar ?? {}).flatMap(([k, t]) =>
    t === undefined ? [] : [[k, toLocal(new Date(t))]],
  );
  const calendar: Calendar = {
    ...defaultCalendar(v.electionDay, v.profile?.name ?? 'reform'),
    ...Object.fromEntries(given),
  };
  // In order, election day not past, the deadlines ahead (SPEC §10.1).
  const problem = calendarProblem(v.electionDay, calendar, now);
  if (problem?.code === 'BAD_CALENDAR')
    throw badRequest(Code.BAD_CALENDAR, problem.message, { field: problem.field });
  if (problem)
    throw unprocessable(Code.CALENDAR_PASSED, problem.message, { field: problem.field, now: toLocal(now) });
  const profile = makeProfile(v.profile ?? { name: 'reform' });
  const manifest: Manifest = {
    version: 'saylau/v1',
    election: id,
    kind: v.kind,
    demo: v.demo,
    district: v.district,
    electionDay: v.electionDay,
    timeZone: TIME_ZONE,
    calendar,
    profile,
    serverKey: ctx.keys.board.publicKeyText,
    booth: boothManifestEntry(),
    ...(v.questions ? { questions: v.questions } : {}),
  };
  const contests: BallotContest[] | null = v.questions
    ? v.questions.map((q) => ({
        id: q.id,
        kind: 'question',
        question: q.text,
        options: (profile.abstain ? (['yes', 'no', 'abstain'] as const) : (['yes', 'no'] as const)).map(
          (o) => ({ id: o, kind: o, names: YES_NO[o] }),
        ),
      }))
    : null;
  ctx.db.transaction(() => {
    const r = ctx.db
      .prepare(
        `INSERT OR IGNORE INTO elections (id, kind, status, manifest, calendar, contests, demo, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        v.kind,
        contests ? 'ballot-fixed' : 'nominations',
        JSON.stringify(manifest),
        JSON.stringify(calendar),
        contests ? JSON.stringify(contests) : null,
        v.demo ? 1 : 0,
        now.toISOString(),
      );
    if (r.changes === 0) throw conflict(Code.ELECTION_EXISTS, `election ${id} already exists`);
    ctx.board.append(id, 'manifest', manifest);
    if (contests) ctx.board.append(id, 'ballot-fixed', { contests });
    audit(ctx, actor, 'election.create', id, { kind: v.kind });
  })();
  return getElection(ctx, id);
}

export function findElection(ctx: ServerContext, id: string): Election | null {
  const r = ctx.db.prepare('SELECT * FROM elections WHERE id = ?').get(id) as Row | undefined;
  return r ? toElection(r) : null;
}

export function getElection(ctx: ServerContext, id: string): Election {
  const e = findElection(ctx, id);
  if (!e) throw notFound(Code.NO_ELECTION, `no election ${JSON.stringify(id)}`);
  return e;
}

export function listElections(ctx: ServerContext): Election[] {
  return (ctx.db.prepare('SELECT * FROM elections ORDER BY created_at, id').all() as Row[]).map(toElection);
}

/** Refuse unless the election is in one of `allowed` (409 ELECTION_STATE). */
export function requireStatus(e: Election, ...allowed: Status[]): void {
  if (!allowed.includes(e.status))
    throw conflict(
      Code.ELECTION_STATE,
      `election ${e.id} is ${e.status}; this needs it to be ${allowed.join(' or ')}`,
    );
}

/** Move from `from` to `to`; use inside the caller's transaction. A lost race is a 409. */
export function setStatus(ctx: ServerContext, id: string, from: Status, to: Status): void {
  const r = ctx.db.prepare('UPDATE elections SET status = ? WHERE id = ? AND status = ?').run(to, id, from);
  if (r.changes !== 1) throw conflict(Code.ELECTION_STATE, `election ${id} is no longer ${from}`);
}

export function setCalendar(ctx: ServerContext, id: string, calendar: Calendar): void {
  ctx.db.prepare('UPDATE elections SET calendar = ? WHERE id = ?').run(JSON.stringify(calendar), id);
}

export function setContests(ctx: ServerContext, id: string, contests: BallotContest[]): void {
  ctx.db.prepare('UPDATE elections SET contests = ? WHERE id = ?').run(JSON.stringify(contests), id);
}

export function setParams(ctx: ServerContext, id: string, params: unknown): void {
  ctx.db.prepare('UPDATE elections SET params = ? WHERE id = ?').run(JSON.stringify(params), id);
}
