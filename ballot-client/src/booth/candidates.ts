/** The candidates as the booth shows them: the board's `candidate` entries (SPEC §10.4). */
import type { Lang } from '@saylau/protocol/lang';
import { BallotClientError, call, ENDPOINTS } from '../http.ts';

/** A `candidate` board entry's payload (SPEC §10.4), as far as the booth shows it. */
export interface CandidateInfo {
  id: string;
  surname: Record<Lang, string>;
  givenNames: Record<Lang, string>;
  route: {
    kind: 'public-association' | 'citizen-assembly' | 'party' | 'self';
    name?: Record<Lang, string>;
    place?: Record<Lang, string>;
    date?: string;
  };
}

/** The candidate entries of the board (SPEC §10.4), through the booth's cached endpoint; none on a refusal. */
export async function fetchCandidates(election: string): Promise<CandidateInfo[]> {
  try {
    const body = await call(location.origin, ENDPOINTS.boothCandidates, { params: { id: election } });
    return body.entries.map((e) => e.payload);
  } catch (e) {
    if (e instanceof BallotClientError && e.status !== 0) return [];
    throw e;
  }
}
