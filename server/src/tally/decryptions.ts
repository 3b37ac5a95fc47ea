/**
 * Partial decryptions (SPEC §6.7, §10.11) and, with the t-th of them, the result (§10.12): all in
 * the transaction that records the t-th decryption, so the result appears exactly once.
 */
import {
  CryptoError,
  combineMany,
  decodeDecryptionShare,
  discreteLog,
  verifyDecryptionSharesBatch,
  type DecryptionShare,
} from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { badRequest, conflict, forbidden } from '../http/errors.ts';
import { getElection, requireStatus, setStatus, type Election } from '../elections/store.ts';
import { electionParams } from '../elections/voting.ts';
import { requireTrusteeSignature } from '../ceremony/messages.ts';
import { trusteeOfUser } from '../ceremony/trustees.ts';
import { decideOutcome } from './outcome.ts';
import { loadTally, type TallyState } from './state.ts';
import { DecryptionMessage, type ResultPayload, Code } from '@saylau/protocol';

export type { ResultPayload };

export { DecryptionMessage };

function decodeFactors(m: Pick<DecryptionMessage, 'contests'>, n: number): DecryptionShare[][] {
  return m.contests.map((c, ci) =>
    c.factors.map((f, oi) => decodeDecryptionShare(f, `contests[${ci}].factors[${oi}]`, n)),
  );
}

export function submitDecryption(ctx: ServerContext, id: string, user: string, m: DecryptionMessage) {
  return ctx.db.transaction(() => {
    const e = getElection(ctx, id);
    if (e.status === 'finished') throw conflict(Code.RESULT_PUBLISHED, 'the result is already published');
    requireStatus(e, 'closed');
    const me = trusteeOfUser(ctx, id, user);
    if (m.trustee !== me.index)
      throw forbidden(Code.NOT_YOUR_INDEX, `you are trustee ${me.index}, not trustee ${m.trustee}`);
    const s = loadTally(ctx, id);
    if (s.decryptions.some((d) => d.payload.trustee === me.index))
      throw conflict(Code.ALREADY_DECRYPTED, `trustee ${me.index} has already decrypted`);
    requireTrusteeSignature(m, me.signingKey);
    checkShape(s, m);
    let shares: DecryptionShare[][];
    try {
      shares = decodeFactors(m, s.n);
    } catch (err) {
      if (err instanceof CryptoError)
        throw badRequest(Code.BAD_DECRYPTION, err.message, { field: err.field, reason: err.code });
      throw err;
    }
    const X = s.publicShares.get(me.index);
    const fp = electionParams(e).fingerprint;
    s.ciphertexts.forEach((cs, ci) => {
      if (!X || !verifyDecryptionSharesBatch(fp, me.index, X, cs, shares[ci]!))
        throw badRequest(
          Code.BAD_DECRYPTION,
          `a factor of contest ${m.contests[ci]!.id} does not verify (SPEC §6.7)`,
        );
    });
    const entry = ctx.board.append(id, 'decryption', m);
    audit(ctx, user, 'tally.decryption', id, { trustee: me.index });
    const all = [...s.decryptions, { seq: entry.seq, payload: m as DecryptionMessage }];
    if (all.length < s.t) return { seq: entry.seq, hash: entry.hash, result: null };
    const result = computeResult(ctx, e, s, all.slice(0, s.t));
    const r = ctx.board.append(id, 'result', result);
    setStatus(ctx, id, 'closed', 'finished');
    audit(ctx, user, 'tally.result', id, { trustees: result.trustees });
    return { seq: entry.seq, hash: entry.hash, result: { seq: r.seq, hash: r.hash, payload: result } };
  })();
}

/** The contests of the tally, in order, with one factor per ciphertext, all of this trustee. */
function checkShape(s: TallyState, m: DecryptionMessage): void {
  if (m.contests.length !== s.tally.contests.length)
    throw badRequest(Code.BAD_DECRYPTION, `expected ${s.tally.contests.length} contests`);
  m.contests.forEach((c, ci) => {
    const want = s.tally.contests[ci]!;
    if (c.id !== want.id) throw badRequest(Code.BAD_DECRYPTION, `contests[${ci}] must be ${want.id}`);
    if (c.factors.length !== want.ciphertexts.length)
      throw badRequest(Code.BAD_DECRYPTION, `contest ${want.id} needs ${want.ciphertexts.length} factors`);
    if (c.factors.some((f) => f.trustee !== m.trustee))
      throw badRequest(Code.BAD_DECRYPTION, 'every factor must name the decrypting trustee');
  });
}

/**
 * Lagrange-combine the first t decryptions on the board (SPEC §6.8), take each count's discrete log
 * bounded by the counted ballots (§6.9) and decide every contest (§10.12).
 */
export function computeResult(
  ctx: ServerContext,
  e: Election,
  s: TallyState,
  used: { payload: DecryptionMessage }[],
): ResultPayload {
  const byTrustee = used.map((d) => decodeFactors(d.payload, s.n));
  const roll = ctx.board.latest(e.id, 'roll')?.payload.count ?? 0;
  const contests = s.tally.contests.map((c, ci) => {
    let counts: number[];
    try {
      const M = combineMany(
        { t: s.t, n: s.n },
        s.ciphertexts[ci]!,
        byTrustee.map((rows) => rows[ci]!),
      );
      counts = M.map((p, oi) => discreteLog(p, s.tally.counted, `contests[${ci}].counts[${oi}]`));
    } catch (err) {
      if (err instanceof CryptoError)
        throw conflict(Code.TALLY_INVALID, `the tally does not decrypt: ${err.message}`);
      throw err;
    }
    if (counts.reduce((a, b) => a + b, 0) !== s.tally.counted)
      throw conflict(
        Code.TALLY_INVALID,
        `the counts of contest ${c.id} do not add up to the counted ballots`,
      );
    const contest = e.contests!.find((x) => x.id === c.id)!;
    return {
      id: c.id,
      counts,
      outcome: decideOutcome(contest, counts, e.manifest.profile, s.entry.hash, roll),
    };
  });
  return {
    roll,
    ballots: s.tally.ballots,
    counted: s.tally.counted,
    revotes: s.tally.revotes,
    trustees: used.map((d) => d.payload.trustee).sort((a, b) => a - b),
    contests,
  };
}
