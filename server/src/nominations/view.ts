/** The commission's view of nominations: the documents, the status and the signature count. */
import type { ServerContext } from '../context.ts';
import { getElection, type Election } from '../elections/store.ts';
import {
  getNomination,
  listNominations,
  signatureStatus,
  type Nomination,
  type SignatureStatus,
} from './store.ts';

export type NominationView = Omit<Nomination, 'election'> & { signatures: SignatureStatus };

function view(ctx: ServerContext, e: Election, nom: Nomination): NominationView {
  const v: Partial<Nomination> = { ...nom };
  delete v.election;
  return { ...(v as Omit<Nomination, 'election'>), signatures: signatureStatus(ctx, e, nom) };
}

export function nominationView(ctx: ServerContext, electionId: string, n: number): NominationView {
  const e = getElection(ctx, electionId);
  return view(ctx, e, getNomination(ctx, e.id, n));
}

export function nominationViews(ctx: ServerContext, electionId: string): NominationView[] {
  const e = getElection(ctx, electionId);
  return listNominations(ctx, e.id).map((nom) => view(ctx, e, nom));
}
