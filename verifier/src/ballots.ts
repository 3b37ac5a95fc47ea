/**
 * Checks 7.1–7.5 on every `ballot` entry (SPEC §8.3, §10.9) and what the tally checks need: the
 * selection of each credential's last ballot (§10.10 T2) and the homomorphic sum of the selection.
 */
import { platform } from '#platform';
import {
  IDENTITY,
  contestFields,
  decodePoint,
  encodePoint,
  type ContestFields,
  type ElectionParams,
  type Point,
} from '@saylau/crypto';
import type { BallotItem, BallotVerdict, BatchResult } from './ballot-batch.ts';
import type { Entry } from './board.ts';
import { BallotPool } from './pool.ts';
import type { Collector } from './report.ts';
import { asArray, asString, member, sameJson } from './shape.ts';

/** Fewer ballots than this are verified in-thread: starting threads would cost more. */
export const MIN_BALLOTS_FOR_WORKERS = 64;
/** One §5.6 MSM per batch: 512 ballots cost about 20 % fewer point additions each than 128 (§11.3). */
const MAX_BATCH = 512;
const MIN_BATCH = 16;

/**
 * The next batch when `remaining` ballots are not in one yet (SPEC §11.3): ⌈remaining / (2 × threads)⌉
 * within [16, 512], so the batches shrink towards the end and the threads finish together instead
 * of one waiting for the other's last large batch. One thread (or none) takes 512 at a time.
 */
export function batchSize(remaining: number, threads: number): number {
  if (threads <= 1) return Math.min(MAX_BATCH, remaining);
  return Math.min(remaining, Math.max(MIN_BATCH, Math.min(MAX_BATCH, Math.ceil(remaining / (2 * threads)))));
}

export interface Selection {
  /** Ballot entries before `voting-closed` (§10.10 T1). */
  ballots: number;
  /** Distinct credentials (T2). */
  counted: number;
  /** Per contest, per option: the recomputed tally (T3), or null without parameters. */
  sums: { alpha: string; beta: string }[][] | null;
  /** Counted ballots that could not be summed (refused by 7.1). */
  unsummed: number[];
  /** Credentials of ballots that decoded (7.1), so strictly checked keys (§7.4) that 5.1 need not decode again. */
  checkedKeys: Set<string>;
}

export function ballotWorkers(ballots: number, requested?: number): number {
  if (ballots < MIN_BALLOTS_FOR_WORKERS) return 0;
  const n = Math.max(0, Math.floor(requested ?? platform.cpuCount()));
  return Math.min(n, Math.ceil(ballots / 32));
}

/** Started as soon as the parameters are known, so that the threads boot during the other checks. */
export function startPool(
  params: ElectionParams | null,
  ballots: number,
  workers?: number,
): BallotPool | null {
  if (!params || ballots === 0) return null;
  return new BallotPool(params, ballotWorkers(ballots, workers));
}

/** A contest's choices as its record spells them (SPEC §8.2), or none when it is not one (7.1 refuses it). */
function choicesOf(contest: unknown): ContestFields['choices'] {
  if (typeof contest !== 'string') return [];
  try {
    return contestFields(contest).choices;
  } catch {
    return [];
  }
}

/** 7.5: no ciphertext alpha‖beta twice on the board, and no ballot twice (SPEC §10.9.2). */
function checkCopies(ballots: readonly Entry[], out: Collector): void {
  const seen = new Map<string, Entry>();
  for (const e of ballots) {
    const mine = new Set<string>();
    const sources = new Set<Entry>();
    let first: { where: string; other: number } | null = null;
    let fresh = 0;
    // Whatever does not read as ciphertexts here is refused by 7.1.
    asArray(member(e.payload, 'contests'))?.forEach((c, ci) =>
      choicesOf(c).forEach((ch, oi) => {
        const key = ch.alpha + ch.beta;
        const other = seen.get(key);
        if (mine.has(key)) first ??= { where: `contests[${ci}].choices[${oi}]`, other: e.seq };
        else if (other) {
          first ??= { where: `contests[${ci}].choices[${oi}]`, other: other.seq };
          sources.add(other);
        } else fresh++;
        mine.add(key);
      }),
    );
    // TS cannot see the assignments inside the callbacks above.
    const copied = first as { where: string; other: number } | null;
    if (copied) {
      const [source] = sources;
      const duplicate = fresh === 0 && sources.size === 1 && sameJson(source!.payload, e.payload);
      if (duplicate) out.fail('7.5', e.seq, 'ballotDuplicate', { other: source!.seq });
      else out.fail('7.5', e.seq, 'ciphertextCopied', { where: copied.where, other: copied.other });
    }
    for (const k of mine) if (!seen.has(k)) seen.set(k, e);
  }
}

/**
 * 7.2 and 7.5 here; 7.1, 7.3 and 7.4 in the pool (worker threads, §5.6 batches). Returns the
 * selection and its sum for 8.1/8.2.
 */
export async function checkBallots(
  entries: readonly Entry[],
  params: ElectionParams | null,
  credentials: Set<string> | null,
  pool: BallotPool | null,
  out: Collector,
  progress?: (done: number, total: number) => void,
): Promise<Selection> {
  const ballots = entries.filter((e) => e.type === 'ballot');
  const closed = entries.find((e) => e.type === 'voting-closed');
  const cast = closed ? ballots.filter((e) => e.index < closed.index) : ballots;
  // T2: per credential the ballot with the highest seq (the last on the board).
  const last = new Map<string, Entry>();
  for (const e of cast) {
    last.set(asString(member(e.payload, 'credential')) ?? `#${e.seq}`, e);
  }
  const selected = new Set(last.values());
  if (ballots.length > 0 && credentials === null) out.fail('7.2', null, 'noCredentialList');
  if (credentials)
    for (const e of ballots) {
      const c = asString(member(e.payload, 'credential'));
      if (c === null || !credentials.has(c)) out.fail('7.2', e.seq, 'credentialUnknown');
    }
  checkCopies(ballots, out);
  const selection: Selection = {
    ballots: cast.length,
    counted: last.size,
    sums: null,
    unsummed: [],
    checkedKeys: new Set(),
  };
  if (ballots.length === 0 || !params || !pool) {
    if (ballots.length > 0) out.fail('7.1', null, 'noParams');
    if (params)
      selection.sums = params.contests.map((c) =>
        Array.from({ length: c.options }, () => ({
          alpha: encodePoint(IDENTITY),
          beta: encodePoint(IDENTITY),
        })),
      );
    return selection;
  }
  const acc: { alpha: Point; beta: Point }[][] = params.contests.map((c) =>
    Array.from({ length: c.options }, () => ({ alpha: IDENTITY, beta: IDENTITY })),
  );
  const items: BallotItem[] = ballots.map((e) => ({ seq: e.seq, line: e.text, selected: selected.has(e) }));
  const batches: BallotItem[][] = [];
  for (let i = 0, size: number; i < items.length; i += size) {
    size = batchSize(items.length - i, pool.workers);
    batches.push(items.slice(i, i + size));
  }
  let done = 0;
  const verdicts: BallotVerdict[] = [];
  progress?.(0, items.length);
  await pool.run(batches, (r: BatchResult, n: number) => {
    verdicts.push(...r.verdicts);
    r.sums.forEach((row, ci) =>
      row.forEach((s, oi) => {
        const a = acc[ci]![oi]!;
        a.alpha = a.alpha.add(decodePoint(s.alpha, 'sum', { allowIdentity: true }));
        a.beta = a.beta.add(decodePoint(s.beta, 'sum', { allowIdentity: true }));
      }),
    );
    selection.unsummed.push(...r.unsummed);
    done += n;
    progress?.(done, items.length);
  });
  selection.sums = acc.map((row) =>
    row.map((x) => ({ alpha: encodePoint(x.alpha), beta: encodePoint(x.beta) })),
  );
  // Batches finish in any order; the failures are recorded in board order.
  verdicts.sort((a, b) => a.seq - b.seq);
  for (const v of verdicts) {
    if (v.refused) {
      const { code, field, message } = v.refused;
      out.fail('7.1', v.seq, 'cryptoRefused', { what: 'ballot', code, field, detail: message });
    } else {
      if (!v.signature) out.fail('7.3', v.seq, 'ballotSignature');
      if (!v.proofs) out.fail('7.4', v.seq, 'ballotProofs');
    }
    if (v.checkedKey !== null) selection.checkedKeys.add(v.checkedKey);
  }
  selection.unsummed.sort((a, b) => a - b);
  return selection;
}
