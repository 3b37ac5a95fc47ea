/** Nomination rows (SPEC §10.4): the documents as JSON, a status, and the candidate id once registered. */
import type { ServerContext } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { signatureThreshold, type Profile } from '../elections/profiles.ts';
import type { Election } from '../elections/store.ts';
import { rollCount } from '../roll/service.ts';
import type { Attestations, Candidate, Route, SubmittedBy } from './schemas.ts';
import { Code } from '@saylau/protocol';

export type NominationStatus = 'pending' | 'registered' | 'refused' | 'withdrawn';
/** Nominations that still count: they block a second nomination and hold their signers. */
export const LIVE: readonly NominationStatus[] = ['pending', 'registered'];

export interface NominationData {
  route: Route;
  candidate: Candidate;
  attestations: Attestations;
  submittedBy: SubmittedBy;
  /** Local time the documents were entered. */
  submittedAt: string;
}

export interface Nomination extends NominationData {
  nomination: number;
  election: string;
  status: NominationStatus;
  reason: string | null;
  candidateId: string | null;
  registeredAt: string | null;
}

interface Row {
  id: number;
  election: string;
  data: string;
  status: NominationStatus;
  reason: string | null;
  candidate_id: string | null;
  registered_at: string | null;
}

const toNomination = (r: Row): Nomination => ({
  nomination: r.id,
  election: r.election,
  ...(JSON.parse(r.data) as NominationData),
  status: r.status,
  reason: r.reason,
  candidateId: r.candidate_id,
  registeredAt: r.registered_at,
});

export function getNomination(ctx: ServerContext, electionId: string, n: number): Nomination {
  const r = ctx.db.prepare('SELECT * FROM nominations WHERE id = ? AND election = ?').get(n, electionId) as
    Row | undefined;
  if (!r) throw notFound(Code.NO_NOMINATION, `election ${electionId} has no nomination ${n}`);
  return toNomination(r);
}

export function listNominations(ctx: ServerContext, electionId: string): Nomination[] {
  return (
    ctx.db.prepare('SELECT * FROM nominations WHERE election = ? ORDER BY id').all(electionId) as Row[]
  ).map(toNomination);
}

export const liveNominations = (ctx: ServerContext, electionId: string): Nomination[] =>
  listNominations(ctx, electionId).filter((n) => LIVE.includes(n.status));

export interface SignatureStatus {
  valid: number;
  threshold: number;
  enough: boolean;
  required: boolean;
}

export const signaturesRequired = (profile: Profile, route: Route): boolean =>
  profile.signaturesFrom.includes(route.kind);

/** The signature count of a nomination against ceil(1% of the roll) (§10.2). */
export function signatureStatus(ctx: ServerContext, e: Election, nom: Nomination): SignatureStatus {
  const valid = (
    ctx.db.prepare('SELECT count(*) AS n FROM signatures WHERE nomination = ?').get(nom.nomination) as {
      n: number;
    }
  ).n;
  const threshold = signatureThreshold(e.manifest.profile, rollCount(ctx, e.id));
  return {
    valid,
    threshold,
    enough: valid >= threshold,
    required: signaturesRequired(e.manifest.profile, nom.route),
  };
}
