/**
 * A referendum's initiative (SPEC §10.1.2): enough voters' signatures, or a citizens' assembly.
 * Every refusal comes before anything is written; then one `initiative` entry and an audit line.
 */
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { conflict, notFound, unprocessable } from '../http/errors.ts';
import { assemblyFault } from '../elections/assembly.ts';
import { toLocal } from '../elections/calendar.ts';
import { assemblyQuorum } from '../elections/profiles.ts';
import { getElection, requireStatus, type Election } from '../elections/store.ts';
import { requireIin } from '../nominations/rules.ts';
import { rollCount } from '../roll/service.ts';
import { checkSigners, onRollRule, signerEntries, type SignerCheck } from '../roll/signers.ts';
import { tagList, tagOf } from '../roll/tags.ts';
import { Code, type Initiative, type InitiativeInput, type Profile } from '@saylau/protocol';

type AssemblyInput = Extract<InitiativeInput, { kind: 'citizen-assembly' }>;

export interface InitiativeRecord {
  initiative: Initiative;
  invalid: SignerCheck<'not-on-roll'>['invalid'];
}

/** ceil(initiativePercent × roll count / 100), in integers (SPEC §10.2). */
export function initiativeThreshold(profile: Profile, rollCount: number): number {
  return Math.ceil((rollCount * profile.initiativePercent) / 100);
}

/** The recorded initiative's payload, or null. */
export function initiativeOf(ctx: ServerContext, election: string): Initiative | null {
  return ctx.board.latest(election, 'initiative')?.payload ?? null;
}

/** `GET …/initiative`: 404 NO_INITIATIVE before one is recorded. */
export function getInitiative(ctx: ServerContext, election: string): Initiative {
  getElection(ctx, election);
  const i = initiativeOf(ctx, election);
  if (!i) throw notFound(Code.NO_INITIATIVE, `election ${election} has no initiative recorded`);
  return i;
}

export function recordInitiative(
  ctx: ServerContext,
  electionId: string,
  input: InitiativeInput,
  actor: string,
): InitiativeRecord {
  const entries = input.kind === 'signatures' ? signerEntries(input.iins) : [];
  const now = ctx.clock();
  return ctx.db.transaction(() => {
    const e = getElection(ctx, electionId);
    if (e.kind !== 'referendum')
      throw conflict(
        Code.ELECTION_STATE,
        `election ${e.id} is an akim election: only a referendum has an initiative`,
      );
    requireStatus(e, 'ballot-fixed');
    const count = rollCount(ctx, e.id);
    if (count === 0)
      throw conflict(Code.NO_ROLL, 'the initiative is checked against the roll: accept it first');
    if (initiativeOf(ctx, e.id)) throw conflict(Code.INITIATIVE_EXISTS, 'the initiative is already recorded');
    const recordedAt = toLocal(now);
    const record =
      input.kind === 'signatures'
        ? bySignatures(ctx, e, count, entries, recordedAt)
        : byAssembly(ctx, e, count, input, recordedAt);
    ctx.board.append(e.id, 'initiative', record.initiative);
    const { kind } = record.initiative;
    audit(ctx, actor, 'initiative.record', e.id, { kind, invalid: record.invalid.length });
    return record;
  })();
}

function bySignatures(
  ctx: ServerContext,
  e: Election,
  count: number,
  entries: Parameters<typeof checkSigners>[0],
  recordedAt: string,
): InitiativeRecord {
  const { valid, invalid } = checkSigners(entries, [onRollRule(ctx, e.id)]);
  const threshold = initiativeThreshold(e.manifest.profile, count);
  if (valid.length < threshold)
    throw unprocessable(
      Code.INITIATIVE_BELOW_THRESHOLD,
      `${valid.length} valid signatures; the initiative needs ${threshold}`,
      { valid: valid.length, threshold, invalid },
    );
  const signers = tagList(ctx, e.id, valid)!;
  return {
    initiative: { kind: 'signatures', valid: valid.length, threshold, signers, recordedAt },
    invalid,
  };
}

/** SPEC §10.1.2: N5's rules with the profile's quorum, and no more present than the roll holds. */
function byAssembly(
  ctx: ServerContext,
  e: Election,
  count: number,
  input: AssemblyInput,
  recordedAt: string,
): InitiativeRecord {
  requireIin(input.chairIin, 'chairIin');
  const quorum = assemblyQuorum(e.manifest.profile, count);
  const refuse = (reason: string, why: string) => {
    throw unprocessable(Code.BAD_ASSEMBLY, `the citizen assembly does not initiate: ${why}`, { reason });
  };
  const fault = assemblyFault(input, { quorum, rollCount: count, today: recordedAt.slice(0, 10) });
  if (fault) refuse(fault.reason, fault.why);
  const { date, place, attendance, votesFor } = input;
  const chair = tagOf(ctx, e.id, input.chairIin)!;
  return {
    initiative: { kind: 'citizen-assembly', date, place, attendance, quorum, votesFor, chair, recordedAt },
    invalid: [],
  };
}
