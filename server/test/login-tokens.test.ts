/**
 * Attacks on the voter token at the casting gate (checkVoterToken, SPEC §10.9): each forged,
 * stale, replayed or misdirected token is refused with its code.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { signingKeyFromSecret } from '@saylau/crypto';
import { importTokenKeys, signJwt } from '../src/auth/jwt.ts';
import {
  checkVoterToken,
  consumeVoterToken,
  issueVoterToken,
  voterAudience,
  voterRef,
  VOTER_TOKEN_SECONDS,
} from '../src/voters/tokens.ts';
import { startHarness, type Harness, openElectionFixture, type OpenElection } from '@saylau/test-kit';

let h: Harness;
let e: OpenElection;
let subject: string;
beforeEach(async () => {
  h = await startHarness();
  e = openElectionFixture(h, { voters: 3 });
  subject = voterRef(h.server.ctx, e.id, e.voters[0]!.iin);
});
afterEach(async () => {
  await h.close();
});

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const parts = (t: string) => t.split('.') as [string, string, string];
const claimsOf = (t: string) => JSON.parse(Buffer.from(parts(t)[1], 'base64url').toString());

async function refused(token: string | null, code: string) {
  await expect(checkVoterToken(h.server.ctx, e.id, token)).rejects.toMatchObject({ status: 401, code });
}

describe('checkVoterToken', () => {
  it('accepts a fresh token, then refuses it once used', async () => {
    const ctx = h.server.ctx;
    const { token } = await issueVoterToken(ctx, e.id, subject);
    const t = await checkVoterToken(ctx, e.id, token);
    expect(t.subject).toBe(subject);
    ctx.db.transaction(() => consumeVoterToken(ctx, e.id, t))();
    await refused(token, 'TOKEN_USED');
    // A second consume (a lost race) is refused too.
    expect(() => consumeVoterToken(ctx, e.id, t)).toThrow(expect.objectContaining({ code: 'TOKEN_USED' }));
  });

  it('refuses a token after its 15 minutes', async () => {
    const { token } = await issueVoterToken(h.server.ctx, e.id, subject);
    h.now.value = new Date(h.now.value.getTime() + (VOTER_TOKEN_SECONDS - 1) * 1000);
    await expect(checkVoterToken(h.server.ctx, e.id, token)).resolves.toBeTruthy();
    h.now.value = new Date(h.now.value.getTime() + 1000);
    await refused(token, 'TOKEN_EXPIRED');
  });

  it('refuses a token of another election', async () => {
    const { token } = await issueVoterToken(h.server.ctx, 'other-election', subject);
    await refused(token, 'BAD_TOKEN');
  });

  it('refuses no token', async () => {
    await refused(null, 'NO_TOKEN');
    await refused('', 'NO_TOKEN');
  });

  it('refuses alg "none"', async () => {
    const { token } = await issueVoterToken(h.server.ctx, e.id, subject);
    const payload = parts(token)[1];
    await refused(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, 'BAD_TOKEN');
    await refused(`${b64({ alg: 'none' })}.${payload}`, 'BAD_TOKEN');
  });

  it('refuses HS256 signed with the public key bytes as the HMAC secret (key confusion)', async () => {
    const ctx = h.server.ctx;
    const { token } = await issueVoterToken(ctx, e.id, subject);
    const claims = claimsOf(token);
    const pub = ctx.keys.token.publicKey;
    for (const secret of [pub, new TextEncoder().encode(Buffer.from(pub).toString('base64url'))]) {
      const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret);
      await refused(forged, 'BAD_TOKEN');
    }
  });

  it('refuses a tampered payload and a tampered signature', async () => {
    const { token } = await issueVoterToken(h.server.ctx, e.id, subject);
    const [head, , sig] = parts(token);
    const claims = claimsOf(token);
    const otherSubject = voterRef(h.server.ctx, e.id, e.voters[1]!.iin);
    await refused(`${head}.${b64({ ...claims, sub: otherSubject })}.${sig}`, 'BAD_TOKEN');
    await refused(`${head}.${b64({ ...claims, exp: claims.exp + 3600 })}.${sig}`, 'BAD_TOKEN');
    const flipped = Buffer.from(sig, 'base64url');
    flipped[5]! ^= 1;
    await refused(`${head}.${parts(token)[1]}.${flipped.toString('base64url')}`, 'BAD_TOKEN');
  });

  it('refuses a commission session token', async () => {
    const session = await h.signIn('commission');
    await refused(session, 'BAD_TOKEN');
  });

  it('refuses a well-formed voter token signed by another Ed25519 key', async () => {
    const k = signingKeyFromSecret(new Uint8Array(randomBytes(32)));
    const other = await importTokenKeys(k.secretKey, k.publicKey);
    const forged = await signJwt(
      other,
      { kind: 'voter' },
      {
        audience: voterAudience(e.id),
        subject,
        expiresInSeconds: VOTER_TOKEN_SECONDS,
        now: h.now.value,
        jti: 'forged-jti',
      },
    );
    await refused(forged, 'BAD_TOKEN');
  });

  it('refuses server-signed tokens of the wrong kind or without a jti', async () => {
    const ctx = h.server.ctx;
    const base = {
      audience: voterAudience(e.id),
      subject,
      expiresInSeconds: VOTER_TOKEN_SECONDS,
      now: h.now.value,
    };
    await refused(await signJwt(ctx.jwt, { kind: 'session' }, { ...base, jti: 'j1' }), 'BAD_TOKEN');
    await refused(await signJwt(ctx.jwt, { kind: 'voter' }, base), 'BAD_TOKEN');
  });
});
