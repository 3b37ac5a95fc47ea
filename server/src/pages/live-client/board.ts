/** The live board's reads of the public board (SPEC §9.3, §9.4): no session, nothing cached. */

export interface BoardEntry {
  seq: number;
  type: string;
  payload: unknown;
  hash: string;
}

const at = (election: string) => `/api/elections/${encodeURIComponent(election)}/board`;

/** The seq of the signed head, or null when the board cannot be read now. */
export async function headSeq(election: string): Promise<number | null> {
  const res = await fetch(`${at(election)}/head`, { cache: 'no-store' });
  if (!res.ok) return null;
  return ((await res.json()) as { checkpoint: { seq: number } }).checkpoint.seq;
}

/** The entries from `from` on (JSON Lines) and the head's seq (a header), or null when refused. */
export async function entriesFrom(
  election: string,
  from: number,
): Promise<{ entries: BoardEntry[]; head: number } | null> {
  const res = await fetch(`${at(election)}?from=${from}`, { cache: 'no-store' });
  if (!res.ok) return null;
  const head = Number(res.headers.get('x-board-head-seq'));
  const lines = (await res.text()).split('\n').filter((l) => l.length > 0);
  return { entries: lines.map((l) => JSON.parse(l) as BoardEntry), head };
}
