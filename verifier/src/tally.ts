/**
 * Checks 8–10: closing and the encrypted tally (SPEC §10.10), partial decryptions (§10.11, §6.7)
 * and the result (§10.12, §6.8–§6.9).
 */
import {
  canonicalJson,
  combineMany,
  decodeCiphertext,
  decodeDecryptionShare,
  discreteLog,
  verifyDecryptionShare,
  verifyDecryptionSharesBatch,
  type Ciphertext,
  type DecryptionShare,
  type ElectionParams,
} from '@saylau/crypto';
import type { Selection } from './ballots.ts';
import type { Entry } from './board.ts';
import { checkTrusteeSignature, type Ceremony, type JointKey } from './ceremony.ts';
import type { Manifest } from './manifest.ts';
import type { ContestInfo, Roll } from './nominations.ts';
import { decideOutcome } from './outcome.ts';
import type { Collector } from './report.ts';
import { arr, asArray, dig, int, member, obj, sameJson, str, time } from './shape.ts';

interface Tally {
  entry: Entry;
  ballots: number;
  counted: number;
  revotes: number;
  /** Per contest the decoded ciphertexts (identity allowed, §6.7), or null where refused. */
  ciphertexts: Ciphertext[][] | null;
}

interface Decryption {
  entry: Entry;
  trustee: number;
  signed: boolean;
  /** Every factor decodes and its proof verifies (9.2). */
  proven: boolean;
  shares: DecryptionShare[][];
}

/** 8.1 and 8.2. */
function checkTally(
  entries: readonly Entry[],
  manifest: Manifest,
  params: ElectionParams | null,
  selection: Selection,
  out: Collector,
): Tally | null {
  const closed = entries.find((e) => e.type === 'voting-closed');
  if (closed)
    out.guard('8.1', closed.seq, 'voting-closed', () => {
      const o = obj(closed.payload, 'voting-closed', ['at', 'ballots']);
      const at = time(o.at, 'voting-closed.at');
      const ballots = int(o.ballots, 'voting-closed.ballots');
      if (ballots !== selection.ballots)
        out.fail('8.1', closed.seq, 'countField', {
          field: 'ballots',
          published: ballots,
          expected: selection.ballots,
        });
      // §10.10: not before votingCloses, except in a demo election.
      if (!manifest.demo && !(at >= manifest.calendar.votingCloses))
        out.fail('8.1', closed.seq, 'closedEarly');
    });
  const e = entries.find((x) => x.type === 'tally');
  if (!e) return null;
  const tally: Tally = { entry: e, ballots: NaN, counted: NaN, revotes: NaN, ciphertexts: null };
  out.guard('8.1', e.seq, 'tally', () => {
    const o = obj(e.payload, 'tally', ['ballots', 'counted', 'revotes', 'contests']);
    tally.ballots = int(o.ballots, 'tally.ballots');
    tally.counted = int(o.counted, 'tally.counted');
    tally.revotes = int(o.revotes, 'tally.revotes');
    const want = {
      ballots: selection.ballots,
      counted: selection.counted,
      revotes: selection.ballots - selection.counted,
    };
    for (const k of ['ballots', 'counted', 'revotes'] as const)
      if (tally[k] !== want[k])
        out.fail('8.1', e.seq, 'countField', { field: k, published: tally[k], expected: want[k] });
  });
  if (!params) return tally;
  tally.ciphertexts =
    out.guard('8.2', e.seq, 'tally', () => {
      const n = params.contests.length;
      const cs = arr(member(e.payload, 'contests'), 'tally.contests', n, n);
      return params.contests.map((shape, ci) => {
        const p = `tally.contests[${ci}]`;
        const c = obj(cs[ci], p, ['id', 'ciphertexts']);
        if (c.id !== shape.id) out.fail('8.2', e.seq, 'contestId', { index: ci, expected: shape.id });
        return arr(c.ciphertexts, `${p}.ciphertexts`, shape.options, shape.options).map((x, oi) => {
          obj(x, `${p}.ciphertexts[${oi}]`, ['alpha', 'beta']);
          return decodeCiphertext(x, `${p}.ciphertexts[${oi}]`, { allowIdentity: true });
        });
      });
    }) ?? null;
  // T3: the sum of the counted ballots, option by option.
  if (tally.ciphertexts && selection.sums) {
    let wrong = 0;
    selection.sums.forEach((row, ci) =>
      row.forEach((s, oi) => {
        // Decoded above: the published ciphertext is there, in canonical base64url (one spelling per point).
        const t = dig(e.payload, 'contests', ci, 'ciphertexts', oi);
        if (member(t, 'alpha') !== s.alpha || member(t, 'beta') !== s.beta) {
          wrong++;
          out.fail('8.2', e.seq, 'tallySum', { contest: params.contests[ci]!.id, option: oi });
        }
      }),
    );
    if (wrong > 0 && selection.unsummed.length > 0)
      out.fail('8.2', e.seq, 'tallyUnsummed', { seqs: selection.unsummed.slice(0, 10).join(', ') });
  }
  return tally;
}

/** 9.1 signature and 9.2 shape, decoding and proofs of one decryption (§10.11 P2–P6). */
function checkDecryption(
  e: Entry,
  ceremony: Ceremony,
  jointKey: JointKey | null,
  params: ElectionParams,
  tally: Tally,
  seen: Set<number>,
  out: Collector,
): Decryption | null {
  const signed = checkTrusteeSignature('9.1', e, member(e.payload, 'trustee'), ceremony.trustees, out);
  return (
    out.guard('9.2', e.seq, 'decryption', () => {
      const o = obj(e.payload, 'decryption', ['trustee', 'contests', 'signature']);
      const j = int(o.trustee, 'decryption.trustee', 1, ceremony.n);
      if (seen.has(j)) {
        out.fail('9.2', e.seq, 'decryptedTwice', { trustee: j });
        return null;
      }
      seen.add(j);
      const cts = tally.ciphertexts!;
      const cs = arr(o.contests, 'decryption.contests', cts.length, cts.length);
      const shares = cs.map((c, ci) => {
        const path = `decryption.contests[${ci}]`;
        const co = obj(c, path, ['id', 'factors']);
        if (co.id !== params.contests[ci]!.id)
          out.fail('9.2', e.seq, 'contestId', { index: ci, expected: params.contests[ci]!.id });
        return arr(co.factors, `${path}.factors`, cts[ci]!.length, cts[ci]!.length).map((f, oi) => {
          const s = decodeDecryptionShare(f, `${path}.factors[${oi}]`, ceremony.n);
          if (s.trustee !== j)
            out.fail('9.2', e.seq, 'factorTrustee', { contest: str(co.id, 'id'), option: oi, trustee: j });
          return s;
        });
      });
      const X = jointKey?.shares.get(j);
      let proven = true;
      if (!X || X.is0()) {
        out.fail('9.2', e.seq, 'noPublicShare', { trustee: j });
        proven = false;
      } else
        shares.forEach((row, ci) => {
          // One batch per contest (§5.6); on failure name each factor whose proof fails.
          if (verifyDecryptionSharesBatch(params.fingerprint, j, X, cts[ci]!, row)) return;
          proven = false;
          row.forEach((s, oi) => {
            if (s.trustee !== j || !verifyDecryptionShare(params.fingerprint, X, cts[ci]![oi]!, s))
              out.fail('9.2', e.seq, 'factorProof', {
                contest: params.contests[ci]!.id,
                option: oi,
                trustee: j,
              });
          });
        });
      return { entry: e, trustee: j, signed, proven, shares };
    }) ?? null
  );
}

export interface TallyContext {
  entries: readonly Entry[];
  manifest: Manifest;
  roll: Roll | null;
  ceremony: Ceremony | null;
  jointKey: JointKey | null;
  params: ElectionParams | null;
  contests: ContestInfo[] | null;
  selection: Selection;
}

/** 8.1–10.3. */
export function checkTallyAndResult(ctx: TallyContext, out: Collector): void {
  const { entries, manifest, params, ceremony } = ctx;
  const tally = checkTally(entries, manifest, params, ctx.selection, out);
  const result = entries.find((e) => e.type === 'result');
  if (!tally || !params || !ceremony || !tally.ciphertexts) {
    if (result) out.fail('10.1', result.seq, 'resultUnverifiable');
    return;
  }
  const seen = new Set<number>();
  const decryptions: Decryption[] = [];
  for (const e of entries) {
    if (e.type !== 'decryption') continue;
    const d = checkDecryption(e, ceremony, ctx.jointKey, params, tally, seen, out);
    if (d) decryptions.push(d);
  }
  const t = ceremony.t;
  // 9.3: the decryption that makes t valid ones produces the result in the same transaction (§10.11).
  const beforeResult = result ? decryptions.filter((d) => d.entry.index < result.index) : decryptions;
  const valid = beforeResult.filter((d) => d.signed && d.proven);
  if (!result) {
    if (valid.length >= t) out.fail('9.3', valid[t - 1]!.entry.seq, 'resultMissing', { t });
    return;
  }
  const extra = entries.filter((e) => e.type === 'decryption' && e.index < result.index).length;
  if (valid.length < t) out.fail('9.3', result.seq, 'resultTooFew', { valid: valid.length, t });
  else {
    if (extra > t) out.fail('9.3', result.seq, 'resultExtraDecryptions', { decryptions: extra, t });
    if (valid[t - 1]!.entry.index + 1 !== result.index) out.fail('9.3', result.seq, 'resultNotNext');
  }
  const firstT = valid
    .slice(0, t)
    .map((d) => d.trustee)
    .sort((a, b) => a - b);
  const r = out.guard('10.3', result.seq, 'result', () =>
    obj(result.payload, 'result', ['roll', 'ballots', 'counted', 'revotes', 'trustees', 'contests']),
  );
  const published = asArray(member(result.payload, 'trustees'));
  if (valid.length >= t && !sameJson(published, firstT))
    out.fail('9.3', result.seq, 'resultTrustees', {
      published: published?.join(', ') ?? '-',
      expected: firstT.join(', '),
    });
  // 10.1: combine t decryptions whose proofs hold (the first t on the board) and take each count's log.
  const usable = beforeResult.filter((d) => d.proven).slice(0, t);
  const counted = ctx.selection.counted;
  let recomputed: number[][] | null = null;
  if (usable.length < t) out.fail('10.1', result.seq, 'countsUnverifiable', { t });
  else {
    recomputed = tally.ciphertexts.map((cs, ci) => {
      const M = combineMany(
        { t, n: ceremony.n },
        cs,
        usable.map((d) => d.shares[ci]!),
      );
      return M.map((point, oi) => {
        try {
          return discreteLog(point, counted, `contests[${ci}].counts[${oi}]`);
        } catch {
          out.fail('10.1', result.seq, 'countNoLog', {
            contest: params.contests[ci]!.id,
            option: oi,
            bound: counted,
          });
          return NaN;
        }
      });
    });
  }
  const rc = r?.contests ?? member(result.payload, 'contests');
  const contests =
    out.guard('10.3', result.seq, 'result.contests', () =>
      arr(rc, 'result.contests', params.contests.length, params.contests.length).map((c, ci) => {
        const p = `result.contests[${ci}]`;
        const co = obj(c, p, ['id', 'counts', 'outcome']);
        if (co.id !== params.contests[ci]!.id)
          out.fail('10.3', result.seq, 'contestId', { index: ci, expected: params.contests[ci]!.id });
        const n = params.contests[ci]!.options;
        return {
          counts: arr(co.counts, `${p}.counts`, n, n).map((x, oi) => int(x, `${p}.counts[${oi}]`)),
          outcome: co.outcome,
        };
      }),
    ) ?? null;
  if (contests) {
    contests.forEach((c, ci) => {
      const id = params.contests[ci]!.id;
      const sum = c.counts.reduce((a, b) => a + b, 0);
      if (sum !== counted) out.fail('10.1', result.seq, 'countsSum', { contest: id, sum, counted });
      const want = recomputed?.[ci];
      if (want)
        c.counts.forEach((m, oi) => {
          if (Number.isNaN(want[oi]!)) return;
          // The count is the unique m with m·G = M and 0 ≤ m ≤ counted (§6.9).
          if (m !== want[oi])
            out.fail('10.1', result.seq, 'countWrong', {
              contest: id,
              option: oi,
              published: m,
              expected: want[oi]!,
            });
        });
      // 10.2: the outcome of the published counts under the manifest's profile (§10.12 R1–R7).
      const info = ctx.contests?.[ci];
      // R0 needs the roll's count for a question.
      if (!manifest.profile || !info || (info.kind === 'question' && !ctx.roll))
        out.fail('10.2', result.seq, 'outcomeUnverifiable', { contest: id });
      else {
        const roll = ctx.roll?.count ?? 0;
        const expected = decideOutcome(info, c.counts, manifest.profile, tally.entry.hash, roll);
        const same = sameJson(c.outcome, expected);
        if (!same)
          out.fail('10.2', result.seq, 'outcomeWrong', { contest: id, expected: canonicalJson(expected) });
      }
    });
  }
  // 10.3: roll, ballots, counted, revotes and trustees.
  if (r) {
    const want: Record<string, unknown> = {
      roll: ctx.roll?.count ?? null,
      ballots: tally.ballots,
      counted: tally.counted,
      revotes: tally.revotes,
    };
    for (const k of ['roll', 'ballots', 'counted', 'revotes'])
      if (r[k] !== want[k])
        out.fail('10.3', result.seq, 'resultField', {
          field: k,
          published: String(r[k]),
          expected: String(want[k]),
        });
    out.guard('10.3', result.seq, 'result.trustees', () => {
      const ts = arr(r.trustees, 'result.trustees', t, ceremony.n).map((x, i) =>
        int(x, `result.trustees[${i}]`, 1, ceremony.n),
      );
      for (let i = 1; i < ts.length; i++)
        if (!(ts[i]! > ts[i - 1]!)) out.fail('10.3', result.seq, 'trusteesOrder');
    });
  }
}
