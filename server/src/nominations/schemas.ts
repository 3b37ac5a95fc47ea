/**
 * Nomination documents as the commission enters them (SPEC §10.4), checked with zod at the boundary.
 * The schemas are protocol's request bodies (the endpoint table names them); these are the server's
 * names for them.
 */
import type { z } from 'zod';
import {
  AkimInput,
  Attestations,
  NominationCandidate as Candidate,
  NominationInput,
  NominationRoute as Route,
  POSITIONS,
  SubmittedBy,
} from '@saylau/protocol/requests';

export { PartyRoute, PublicAssociationRoute, SelfRoute } from '@saylau/protocol';
export { CitizenAssemblyRoute, ExtendInput, RefuseInput, SignaturesInput } from '@saylau/protocol/requests';
export { AkimInput, Attestations, Candidate, NominationInput, POSITIONS, Route, SubmittedBy };
export type Candidate = z.infer<typeof Candidate>;
export type Attestations = z.infer<typeof Attestations>;
export type SubmittedBy = z.infer<typeof SubmittedBy>;
export type AkimInput = z.infer<typeof AkimInput>;

/** Positions of the district akim's office: a nomination from either is refused. */
export const AKIM_POSITIONS: readonly (typeof POSITIONS)[number][] = [
  'district-akim',
  'acting-district-akim',
];

export { MAX_SIGNATURES } from '../roll/signers.ts';

/** The route as published on the board: the assembly chair's IIN stays private. */
export function publicRoute(route: Route) {
  if (route.kind !== 'citizen-assembly') return route;
  const { date, place, attendance, quorum, votesFor } = route;
  // Stored routes always carry the quorum: computed at submission (N5), required before that.
  return { kind: route.kind, date, place, attendance, quorum: quorum!, votesFor };
}
