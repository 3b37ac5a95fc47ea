/**
 * Checks 11.1–11.3 (SPEC §10.9.3, §11.2): the public counts add up. The board publishes the voter
 * tokens issued per local hour and the voters who signed in; with the roll, the credential list and
 * the ballots they must satisfy
 *   distinct casting credentials ≤ voters who signed in ≤ roll,   ballots ≤ tokens issued,
 *   published credentials ≤ roll.
 */
import type { Entry } from './board.ts';
import type { Manifest } from './manifest.ts';
import type { Roll } from './nominations.ts';
import type { Collector } from './report.ts';
import { asArray, int, member, obj, str, time } from './shape.ts';

/** A whole local hour as the server writes it: `YYYY-MM-DDTHH:00:00+05:00`. */
const HOUR = /^\d{4}-\d{2}-\d{2}T\d{2}:00:00\+05:00$/;
const HOUR_MS = 3_600_000;

export interface SignIns {
  tokens: number;
  voters: number;
}

/** 11.1: every `sign-ins` entry well formed, in place and in hour order; returns the sums. */
export function checkSignIns(entries: readonly Entry[], manifest: Manifest, out: Collector): SignIns {
  const sums = { tokens: 0, voters: 0 };
  const opened = entries.findIndex((e) => e.type === 'voting-opened');
  const closedAt = entries.findIndex((e) => e.type === 'voting-closed');
  const closed = closedAt < 0 ? null : entries[closedAt]!;
  const closedMs = (() => {
    const at = closed ? member(closed.payload, 'at') : undefined;
    const ms = typeof at === 'string' ? Date.parse(at) : NaN;
    return Number.isNaN(ms) ? null : ms;
  })();
  const opensMs = manifest.calendar.votingOpens;
  // The hour voting opens in: sign-ins start at votingOpens, which need not be on the hour.
  const firstHour = Number.isNaN(opensMs) ? null : opensMs - (((opensMs % HOUR_MS) + HOUR_MS) % HOUR_MS);
  let previous: number | null = null;
  entries.forEach((e, i) => {
    if (e.type !== 'sign-ins') return;
    if (opened < 0 || i < opened || (closedAt >= 0 && i > closedAt))
      out.fail('11.1', e.seq, 'signInsOutside');
    out.guard('11.1', e.seq, 'sign-ins', () => {
      const o = obj(e.payload, 'sign-ins', ['hour', 'tokens', 'voters']);
      const hour = str(o.hour, 'sign-ins.hour');
      const ms = time(hour, 'sign-ins.hour');
      const tokens = int(o.tokens, 'sign-ins.tokens');
      const voters = int(o.voters, 'sign-ins.voters');
      if (!HOUR.test(hour)) out.fail('11.1', e.seq, 'signInsHourForm', { hour });
      if ((firstHour !== null && ms < firstHour) || (closedMs !== null && ms > closedMs))
        out.fail('11.1', e.seq, 'signInsHourRange', { hour });
      if (previous !== null && ms <= previous) out.fail('11.1', e.seq, 'signInsHourOrder', { hour });
      previous = ms;
      if (tokens < 1 || voters > tokens) out.fail('11.1', e.seq, 'signInsVoters', { tokens, voters });
      sums.tokens += tokens;
      sums.voters += voters;
    });
  });
  return sums;
}

/**
 * 11.2: once voting has closed, distinct casting credentials ≤ voters who signed in ≤ roll and
 * ballots ≤ tokens. `casting` and `ballots` are the tally's T2 and T1 recomputed from the board.
 */
export function checkSignInCounts(
  entries: readonly Entry[],
  sums: SignIns,
  roll: Roll | null,
  casting: { ballots: number; counted: number },
  out: Collector,
): void {
  const closed = entries.find((e) => e.type === 'voting-closed');
  if (!closed) return; // pending (markPending)
  if (casting.counted > sums.voters)
    out.fail('11.2', closed.seq, 'castingAboveSignedIn', { casting: casting.counted, voters: sums.voters });
  if (roll && sums.voters > roll.count)
    out.fail('11.2', closed.seq, 'signedInAboveRoll', { voters: sums.voters, roll: roll.count });
  if (casting.ballots > sums.tokens)
    out.fail('11.2', closed.seq, 'ballotsAboveTokens', { ballots: casting.ballots, tokens: sums.tokens });
}

/** 11.3: the credential list publishes no more credentials than the roll has voters. */
export function checkCredentialsWithinRoll(
  entries: readonly Entry[],
  roll: Roll | null,
  out: Collector,
): void {
  const e = entries.find((x) => x.type === 'credentials');
  if (!e || !roll) return; // pending or failing elsewhere (markPending)
  const count = member(e.payload, 'count');
  const n = Math.max(
    Number.isSafeInteger(count) ? (count as number) : 0,
    asArray(member(e.payload, 'list'))?.length ?? 0,
  );
  if (n > roll.count) out.fail('11.3', e.seq, 'credentialsAboveRoll', { count: n, roll: roll.count });
}
