/** Nomination documents as the commission enters them (SPEC §10.4), checked with zod at the boundary. */
import { z } from 'zod';
import { Iin, Names, Text } from '../http/validate.ts';
import { PartyRoute, PublicAssociationRoute, PublicCitizenAssemblyRoute, SelfRoute } from '@saylau/protocol';
import { EDUCATION } from '../elections/profiles.ts';

export { PartyRoute, PublicAssociationRoute, SelfRoute };
export const CitizenAssemblyRoute = PublicCitizenAssemblyRoute.extend({
  /** Private: the chair's IIN is checked against the akim and never published. */
  chairIin: Iin,
});
export const Route = z.discriminatedUnion('kind', [
  PublicAssociationRoute,
  CitizenAssemblyRoute,
  PartyRoute,
  SelfRoute,
]);
export type Route = z.infer<typeof Route>;

export const Candidate = z.strictObject({
  iin: Iin,
  surname: Names,
  givenNames: Names,
  patronymic: Names.optional(),
  education: z.enum(EDUCATION).optional(),
});
export type Candidate = z.infer<typeof Candidate>;

/** Each is the commission's record that the document was presented; all three must be true. */
export const Attestations = z.strictObject({
  citizen: z.boolean(),
  capacity: z.boolean(),
  noUnexpungedConviction: z.boolean(),
});
export type Attestations = z.infer<typeof Attestations>;

export const POSITIONS = [
  'candidate',
  'association-head',
  'association-representative',
  'assembly-chair',
  'party-head',
  'party-representative',
  'district-akim',
  'acting-district-akim',
  'other',
] as const;
/** Positions of the district akim's office: a nomination from either is refused. */
export const AKIM_POSITIONS: readonly (typeof POSITIONS)[number][] = [
  'district-akim',
  'acting-district-akim',
];

export const SubmittedBy = z.strictObject({ iin: Iin, fullName: Text(200), position: z.enum(POSITIONS) });
export type SubmittedBy = z.infer<typeof SubmittedBy>;

export const NominationInput = z.strictObject({
  route: Route,
  candidate: Candidate,
  attestations: Attestations,
  submittedBy: SubmittedBy,
});
export type NominationInput = z.infer<typeof NominationInput>;

export const AkimInput = z.strictObject({ iin: Iin, fullName: Text(200) });
export type AkimInput = z.infer<typeof AkimInput>;

export const MAX_SIGNATURES = 20_000;
export const SignaturesInput = z.strictObject({ iins: z.array(z.string().max(40)) });
export const RefuseInput = z.strictObject({ reason: Text(500) });
export const ExtendInput = z.strictObject({ days: z.number().int().min(1).max(5) });

/** The route as published on the board: the assembly chair's IIN stays private. */
export function publicRoute(route: Route) {
  if (route.kind !== 'citizen-assembly') return route;
  const { date, place, attendance, quorum, votesFor } = route;
  return { kind: route.kind, date, place, attendance, quorum, votesFor };
}
