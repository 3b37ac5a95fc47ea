/** A dealer's commitments and encrypted shares (SPEC §6.2–§6.3, §10.6 step 3). */
import {
  CryptoError,
  bytesEqual,
  decodeCommitments,
  decodeEncryptedShare,
  reusedEphemeralKeys,
  shareNonce,
  verifyCommitments,
  type DealerCommitments,
  type EncryptedShare,
} from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { badRequest, conflict, forbidden } from '../http/errors.ts';
import { getElection } from '../elections/store.ts';
import { requireTrusteeSignature, type DealingMessage } from './messages.ts';
import { loadCeremony, type CeremonyInfo, type CeremonyState } from './state.ts';
import { requireBeforeOpening, trusteeOfUser } from './trustees.ts';
import { Code, type CodeWithStatus } from '@saylau/protocol';

/** The ceremony is started and its joint key not yet published: dealings, complaints, answers. */
export function requireDealingPhase(state: CeremonyState): CeremonyInfo {
  if (!state.ceremony) throw conflict(Code.NO_CEREMONY, 'the ceremony has not started');
  if (state.jointKey) throw conflict(Code.CEREMONY_FINISHED, 'the joint key is already published');
  return state.ceremony;
}

function decodeOrRefuse<T>(code: CodeWithStatus<400>, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CryptoError) throw badRequest(code, e.message, { field: e.field, reason: e.code });
    throw e;
  }
}

/**
 * Check a dealing against every public rule (SPEC §6.2, §6.3) and append `dkg-dealing`. A dealing
 * that breaks any rule is refused and nothing is written: a public fault needs no complaint.
 */
export function submitDealing(ctx: ServerContext, election: string, user: string, m: DealingMessage) {
  return ctx.db.transaction(() => {
    requireBeforeOpening(getElection(ctx, election));
    const state = loadCeremony(ctx, election);
    const info = requireDealingPhase(state);
    const me = trusteeOfUser(ctx, election, user);
    if (m.dealer !== me.index)
      throw forbidden(Code.NOT_YOUR_INDEX, `you are trustee ${me.index}, not dealer ${m.dealer}`);
    if (state.dealings.has(m.dealer))
      throw conflict(Code.ALREADY_DEALT, `trustee ${m.dealer} has already dealt`);
    requireTrusteeSignature(m, me.signingKey);
    const params = { t: info.t, n: info.n };
    const commitments: DealerCommitments = decodeOrRefuse(Code.BAD_COMMITMENTS, () =>
      decodeCommitments(m.commitments, 'commitments', params),
    );
    if (commitments.dealer !== m.dealer)
      throw badRequest(Code.BAD_COMMITMENTS, 'commitments.dealer is not the dealer');
    if (!verifyCommitments(info.fp, params, commitments))
      throw badRequest(Code.BAD_COMMITMENTS, 'a commitment proof does not verify (SPEC §6.2)');
    const shares: EncryptedShare[] = m.shares.map((s, k) =>
      decodeOrRefuse(Code.BAD_SHARES, () => decodeEncryptedShare(s, `shares[${k}]`, info.n)),
    );
    checkRecipients(info, m.dealer, shares);
    shares.forEach((es, k) => {
      if (!bytesEqual(es.nonce, shareNonce(info.fp, es.dealer, es.recipient, es.ephemeralPublicKey)))
        throw badRequest(Code.BAD_SHARES, `shares[${k}].nonce is not the derived nonce (SPEC §6.3)`);
    });
    const earlier = [...state.dealings.values()].flatMap((d) => [...d.shares.values()]);
    const reused = reusedEphemeralKeys([...earlier, ...shares]);
    if (reused.length > 0)
      throw badRequest(
        Code.REUSED_EPHEMERAL_KEY,
        `the box for trustee ${reused[0]!.recipient} reuses an ephemeral key (SPEC §6.3)`,
      );
    const entry = ctx.board.append(election, 'dkg-dealing', m);
    audit(ctx, user, 'ceremony.dealing', election, { dealer: m.dealer });
    return { seq: entry.seq, hash: entry.hash };
  })();
}

/** Exactly one box from this dealer for every other trustee (SPEC §6.3). */
function checkRecipients(info: CeremonyInfo, dealer: number, shares: EncryptedShare[]): void {
  const seen = new Set<number>();
  for (const es of shares) {
    if (es.dealer !== dealer) throw badRequest(Code.BAD_SHARES, `a share names dealer ${es.dealer}`);
    if (seen.has(es.recipient))
      throw badRequest(Code.BAD_SHARES, `two shares for trustee ${es.recipient}`, {
        duplicate: es.recipient,
      });
    seen.add(es.recipient);
  }
  const missing: number[] = [];
  for (let j = 1; j <= info.n; j++) if (j !== dealer && !seen.has(j)) missing.push(j);
  if (missing.length > 0)
    throw badRequest(Code.BAD_SHARES, `no share for trustee(s) ${missing.join(', ')}`, { missing });
}
