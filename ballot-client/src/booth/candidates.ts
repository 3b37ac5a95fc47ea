/** The candidates as the booth shows them: the board's `candidate` entries (SPEC §10.4). */
import type { Lang } from '@saylau/protocol/lang';

/** A `candidate` board entry's payload (SPEC §10.4), as far as the booth shows it. */
export interface CandidateInfo {
  id: string;
  surname: Record<Lang, string>;
  givenNames: Record<Lang, string>;
  route: {
    kind: 'public-association' | 'citizen-assembly' | 'party' | 'self';
    name?: Record<Lang, string>;
    place?: string;
    date?: string;
  };
}

/** The candidate entries of the board (SPEC §10.4), through the booth's cached endpoint. */
export async function fetchCandidates(election: string): Promise<CandidateInfo[]> {
  const res = await fetch(`/api/booth/elections/${encodeURIComponent(election)}/candidates`, {
    headers: { accept: 'application/json' },
  });
  if (!res.ok) return [];
  const body = (await res.json()) as { entries: { payload: CandidateInfo }[] };
  return body.entries.map((e) => e.payload);
}
