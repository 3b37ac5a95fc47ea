/** Rule profiles (SPEC §10.2), published in the manifest. */
import type { z } from 'zod';
import { ProfileChoice } from '@saylau/protocol/requests';
import {
  EDUCATION,
  ROUTE_KINDS as ROUTES,
  type Education,
  type Profile,
  type RouteKind,
} from '@saylau/protocol';

export { EDUCATION, ROUTES, type Education, type Profile, type RouteKind };

const BASE = {
  signaturePercent: 1,
  minimumAge: 25,
  minimumEducation: null,
  againstAllWins: 'off',
  tie: 'repeat',
  // Constitutional Law "On the Republican Referendum" art. 31(2): valid only if more than half took part.
  turnoutPercent: 50,
  // Saylau's design choices, SPEC §10.2 says why: an assembly speaks for a tenth of the roll.
  assemblyQuorumPercent: 10,
} as const;

export const PROFILES: Record<Profile['name'], Profile> = {
  reform: {
    ...BASE,
    name: 'reform',
    routes: [...ROUTES],
    signaturesFrom: [...ROUTES],
    oneSignaturePerSigner: true,
    onePartyCandidate: false,
    abstain: true,
    initiativePercent: 5,
  },
  'law-2021': {
    ...BASE,
    name: 'law-2021',
    routes: ['party', 'self'],
    signaturesFrom: ['self'],
    oneSignaturePerSigner: false,
    onePartyCandidate: true,
    abstain: false,
    initiativePercent: 10,
  },
};

export { ProfileChoice };

export function makeProfile(choice: z.infer<typeof ProfileChoice>): Profile {
  const p = PROFILES[choice.name];
  return {
    ...p,
    minimumEducation: choice.minimumEducation ?? p.minimumEducation,
    againstAllWins: choice.againstAllWins ?? p.againstAllWins,
    tie: choice.tie ?? p.tie,
  };
}

/** ceil(percent × roll count / 100): 1% of 850 voters is 9 signatures, in integers only. */
export function signatureThreshold(profile: Profile, rollCount: number): number {
  return Math.ceil((rollCount * profile.signaturePercent) / 100);
}

/** ceil(assemblyQuorumPercent × roll count / 100): the quorum a citizens' assembly needs (SPEC §10.2, N5). */
export function assemblyQuorum(profile: Profile, rollCount: number): number {
  return Math.ceil((rollCount * profile.assemblyQuorumPercent) / 100);
}
