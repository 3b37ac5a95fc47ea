/**
 * A few words on what a board entry says (SPEC §10's entry payloads); the full entry is in the JSON
 * Lines export. A ballot is shown by its tracker (SPEC §8.4), computed here from the entry itself.
 */
import { ballotTracker } from '@saylau/crypto';
import type { BoardEntry } from './board.ts';

type Names = Partial<Record<string, string>>;

/** The payload fields the summaries read, of whichever entry type has them. */
interface Payload {
  district?: Names;
  electionDay?: string;
  count?: number;
  id?: string;
  surname?: Names;
  givenNames?: Names;
  signatures?: { valid: number; threshold: number } | null;
  index?: number;
  name?: string;
  t?: number;
  n?: number;
  dealer?: number;
  recipient?: number;
  qualified?: number[];
  round?: number;
  reason?: string;
  at?: string;
  hour?: string;
  tokens?: number;
  voters?: number;
  ballots?: number;
  counted?: number;
  trustee?: number;
  about?: string;
  filedAt?: string;
  complaint?: string;
  decision?: string;
  /** `ballot-fixed` contests have options; `result` contests have counts. */
  contests?: unknown[];
}
type FixedContest = { options?: { names?: Names }[] };
type ResultContest = { counts: number[] };

const lang = document.body.dataset.lang || 'kk';

const pick = (names: Names | undefined) =>
  names && typeof names === 'object' ? names[lang] || names.kk || '' : '';

/** The ballot's tracker; an entry the crypto cannot hash (not canonical JSON) shows none. */
function tracker(ballot: unknown): string {
  try {
    return ballotTracker(ballot);
  } catch {
    return '';
  }
}

export function summary(e: BoardEntry): string {
  const p = (e.payload || {}) as Payload;
  switch (e.type) {
    case 'manifest':
      return `${pick(p.district)} · ${p.electionDay}`;
    case 'roll':
      return `${p.count}`;
    case 'candidate':
      return `${p.id}: ${pick(p.surname)} ${pick(p.givenNames)}${p.signatures ? ` (${p.signatures.valid}/${p.signatures.threshold})` : ''}`;
    case 'ballot-fixed':
      return ((p.contests || []) as FixedContest[])
        .map((c) => (c.options || []).map((x) => pick(x.names)).join(', '))
        .join('; ');
    case 'trustee':
      return `${p.index}: ${p.name}`;
    case 'ceremony':
      return `t = ${p.t}, n = ${p.n}`;
    case 'dkg-dealing':
      return `${p.dealer}`;
    case 'dkg-complaint':
    case 'dkg-answer':
      return `${p.dealer} → ${p.recipient}`;
    case 'joint-key':
      return `[${(p.qualified || []).join(', ')}]`;
    case 'ceremony-reset':
      return `${p.round}: ${p.reason}`;
    case 'credentials':
      return `${p.count}`;
    case 'ballot':
      return tracker(p);
    case 'voting-opened':
      return '';
    case 'sign-ins':
      return `${p.hour} · ${p.tokens} · ${p.voters}`;
    case 'complaint':
      return `${p.id} · ${p.about} · ${p.filedAt}`;
    case 'complaint-answer':
      return `${p.complaint} · ${p.decision}`;
    case 'voting-closed':
      return `${p.at} · ${p.ballots}`;
    case 'tally':
      return `${p.counted} / ${p.ballots}`;
    case 'decryption':
      return `${p.trustee}`;
    case 'result':
      return ((p.contests || []) as ResultContest[]).map((c) => c.counts.join(' · ')).join('; ');
    default:
      return '';
  }
}
