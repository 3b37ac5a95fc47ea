/** Trustee registration and the start of the ceremony (SPEC §10.6 steps 1–2). */
import type { z } from 'zod';
import { CryptoError, b64ToBytesStrict, checkParams, parseSigningPublicKey } from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import { audit } from '../audit.ts';
import { badRequest, conflict, forbidden } from '../http/errors.ts';
import { getElection, requireStatus, type Election } from '../elections/store.ts';
import { ceremonyFingerprint, type CeremonyTrustee, Code } from '@saylau/protocol';
import { currentRound, latestInRound, listTrustees, loadCeremony, type TrusteeRecord } from './state.ts';

export const MAX_TRUSTEES = 15;

import type { RegisterTrustee } from '@saylau/protocol/requests';

export { RegisterTrustee, StartCeremony } from '@saylau/protocol/requests';

/** The ceremony runs beside nominations, before voting opens. */
export function requireBeforeOpening(e: Election): void {
  requireStatus(e, 'nominations', 'ballot-fixed');
}

export const publicTrustee = (x: CeremonyTrustee): CeremonyTrustee => ({
  index: x.index,
  name: x.name,
  signingKey: x.signingKey,
  boxKey: x.boxKey,
});

/** The caller's trustee record in this election, or 403 NOT_A_TRUSTEE. */
export function trusteeOfUser(ctx: ServerContext, election: string, user: string): TrusteeRecord {
  const t = listTrustees(ctx, election).find((x) => x.user === user);
  if (!t) throw forbidden(Code.NOT_A_TRUSTEE, 'you are not a registered trustee of this election');
  return t;
}

/** Whether a signing or box key was registered in any round of this election. */
function keyUsed(ctx: ServerContext, election: string, signingKey: string, boxKey: string): boolean {
  return (
    ctx.db
      .prepare('SELECT 1 FROM trustees WHERE election = ? AND (signing_key = ? OR box_key = ?) LIMIT 1')
      .get(election, signingKey, boxKey) !== undefined
  );
}

/** A signed-in trustee registers themself: the next free index, `trustee` on the board. */
export function addTrustee(
  ctx: ServerContext,
  election: string,
  user: string,
  input: z.infer<typeof RegisterTrustee>,
): CeremonyTrustee {
  let box: Uint8Array;
  try {
    parseSigningPublicKey(input.signingKey, 'signingKey');
    // Canonical base64url (SPEC §1.2): one spelling per key, so the reuse check below compares keys.
    box = b64ToBytesStrict(input.boxKey, 'boxKey', 32);
  } catch (e) {
    if (e instanceof CryptoError) throw badRequest(Code.BAD_KEY, `${e.field}: ${e.message}`);
    throw e;
  }
  if (box.every((b) => b === 0)) throw badRequest(Code.BAD_KEY, 'boxKey: the zero key is not an X25519 key');
  return ctx.db.transaction(() => {
    const e = getElection(ctx, election);
    requireBeforeOpening(e);
    const { round, after } = currentRound(ctx, election);
    if (latestInRound(ctx, election, 'ceremony', after))
      throw conflict(Code.CEREMONY_STARTED, 'the ceremony has started; no more trustees can register');
    const existing = listTrustees(ctx, election, round);
    if (existing.some((x) => x.user === user))
      throw conflict(Code.ALREADY_REGISTERED, 'you are already a trustee of this election');
    // Fresh keys in every round (SPEC §10.6.7): shares boxed to a key of an abandoned round are public.
    if (keyUsed(ctx, election, input.signingKey, input.boxKey))
      throw conflict(
        Code.DUPLICATE_KEY,
        'this key is already registered in this election (in this or an earlier round)',
      );
    if (existing.length >= MAX_TRUSTEES)
      throw conflict(Code.TOO_MANY_TRUSTEES, `at most ${MAX_TRUSTEES} trustees (SPEC §6.1)`);
    const trustee: CeremonyTrustee = { index: existing.length + 1, ...input };
    ctx.db
      .prepare(
        'INSERT INTO trustees (election, round, idx, user, name, signing_key, box_key) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(election, round, trustee.index, user, trustee.name, trustee.signingKey, trustee.boxKey);
    ctx.board.append(election, 'trustee', trustee);
    audit(ctx, user, 'ceremony.trustee', election, { index: trustee.index });
    return trustee;
  })();
}

/** The commission fixes t and the trustee list: `ceremony` {t, n, trustees, fingerprint}. */
export function startCeremony(ctx: ServerContext, election: string, actor: string, t: number) {
  return ctx.db.transaction(() => {
    const e = getElection(ctx, election);
    requireBeforeOpening(e);
    const state = loadCeremony(ctx, election);
    if (state.ceremony) throw conflict(Code.CEREMONY_STARTED, 'the ceremony has already started');
    const n = state.trustees.length;
    if (n < 2)
      throw conflict(Code.NOT_ENOUGH_TRUSTEES, `${n} trustee(s) registered; the ceremony needs at least 2`);
    try {
      checkParams(t, n);
    } catch (err) {
      if (err instanceof CryptoError)
        throw badRequest(Code.BAD_THRESHOLD, `t must be an integer with 2 ≤ t ≤ n = ${n}`);
      throw err;
    }
    const trustees = state.trustees.map(publicTrustee);
    const fingerprint = ceremonyFingerprint(election, state.manifest, t, n, trustees);
    const payload = { t, n, trustees, fingerprint };
    ctx.board.append(election, 'ceremony', payload);
    audit(ctx, actor, 'ceremony.start', election, { t, n });
    return payload;
  })();
}
