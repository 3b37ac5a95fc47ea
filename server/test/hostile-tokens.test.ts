/**
 * Attacks on commission sessions at every admin route (SPEC §10.13): forged, stale and misdirected
 * tokens, voters and observers knocking on admin doors, and brute force on the commission sign-in.
 * Voter tokens at the casting gate have their own tests (login-tokens, casting-refusals).
 */
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { signingKeyFromSecret } from '@saylau/crypto';
import { createElection } from '../src/index.ts';
import { closeCasting } from '../src/casting/routes.ts';
import { ADMIN_AUDIENCE } from '../src/auth/session.ts';
import { importTokenKeys, signJwt } from '../src/auth/jwt.ts';
import { voterAudience, issueVoterToken } from '../src/voters/tokens.ts';
import { createdAt, DISTRICT, ELECTION_DAY, startHarness, type Harness, castSetup } from '@saylau/test-kit';
import { endpoints, expectRefusedUnchanged, type Endpoint } from './hostile-arbitraries.ts';

let h: Harness;
const OPEN = 'open-1';
const NOM = 'nom-1';
const ROLES = ['admin', 'commission', 'trustee', 'credential-authority', 'observer'] as const;
const session = {} as Record<(typeof ROLES)[number] | 'gone', string>;

beforeAll(async () => {
  h = await startHarness();
  castSetup(h, { id: OPEN, voters: 3 });
  // castSetup moved the clock to election day: the election is created as of before its deadlines.
  createElection(
    h.server.ctx,
    { id: NOM, district: DISTRICT, electionDay: ELECTION_DAY },
    'test',
    createdAt(h),
  );
  // Granted both elections (SPEC §10.13): a refusal here is for the role or the token, not the grant.
  const elections = [OPEN, NOM];
  session.commission = await h.signIn('commission', 'chair', { elections });
  session.trustee = await h.signIn('trustee', 'trustee1', { elections });
  session['credential-authority'] = await h.signIn('credential-authority', 'ca1', { elections });
  session.observer = await h.signIn('observer', 'observer1');
  session.admin = await h.admin();
  session.gone = await h.signIn('commission', 'former-member');
  h.server.ctx.db.prepare('DELETE FROM users WHERE name = ?').run('former-member');
});
afterAll(async () => {
  await closeCasting(h.server.ctx);
  await h.close();
});

const ADMIN = endpoints(OPEN, NOM).filter(
  (x): x is Endpoint & { as: (typeof ROLES)[number] } => x.as !== 'public' && x.as !== 'voter',
);

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const claimsOf = (t: string) => JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as object;

/** Tokens that must never open an admin route, each named for the attack. */
async function forgedSessions(): Promise<[string, string][]> {
  const ctx = h.server.ctx;
  const real = session.commission;
  const claims = claimsOf(real);
  const [head, payload, sig] = real.split('.') as [string, string, string];
  const pub = ctx.keys.token.publicKey;
  const base = { subject: 'chair', now: h.now.value, expiresInSeconds: 3600 };
  const attacker = await generateKeyPair('EdDSA', { extractable: true });
  const k = signingKeyFromSecret(new Uint8Array(randomBytes(32)));
  const otherKeys = await importTokenKeys(k.secretKey, k.publicKey);
  return [
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`],
    ['alg None with the real signature', `${b64({ alg: 'None', typ: 'JWT' })}.${payload}.${sig}`],
    [
      'HS256 keyed with the public key bytes',
      await new SignJWT(claims as never).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(pub),
    ],
    [
      'HS256 keyed with the public key as base64url text',
      await new SignJWT(claims as never)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(new TextEncoder().encode(Buffer.from(pub).toString('base64url'))),
    ],
    [
      'an attacker key embedded in the header (jwk)',
      await new SignJWT(claims as never)
        .setProtectedHeader({ alg: 'EdDSA', jwk: await exportJWK(attacker.publicKey) })
        .sign(attacker.privateKey),
    ],
    [
      'another Ed25519 key',
      await signJwt(
        otherKeys,
        { role: 'commission', kind: 'session' },
        { ...base, audience: ADMIN_AUDIENCE },
      ),
    ],
    ['the subject changed to another account', `${head}.${b64({ ...claims, sub: 'trustee1' })}.${sig}`],
    [
      'expired a second ago',
      await signJwt(
        ctx.jwt,
        { role: 'commission', kind: 'session' },
        {
          ...base,
          audience: ADMIN_AUDIENCE,
          now: new Date(h.now.value.getTime() - 3601_000),
        },
      ),
    ],
    [
      'a voter audience',
      await signJwt(
        ctx.jwt,
        { role: 'commission', kind: 'session' },
        { ...base, audience: voterAudience(OPEN) },
      ),
    ],
    [
      'the admin audience but a voter kind',
      await signJwt(ctx.jwt, { kind: 'voter' }, { ...base, audience: ADMIN_AUDIENCE, jti: 'x' }),
    ],
    ['a voter token', (await issueVoterToken(h.server.ctx, OPEN, 'a-voter')).token],
    ['the session of a deleted account', session.gone],
    ['garbage', 'a.b.c'],
  ];
}

describe('every admin route', () => {
  it('refuses no session with 401 NOT_SIGNED_IN, writing nothing', async () => {
    for (const x of ADMIN) {
      const r = await expectRefusedUnchanged(h, () => h.api(x.method, x.path, x.body ? {} : undefined));
      expect([x.path, r.status, r.body.error.code]).toEqual([x.path, 401, 'NOT_SIGNED_IN']);
    }
  });

  it('refuses every forged, stale or misdirected token with 401 BAD_SESSION, writing nothing', async () => {
    const forged = await forgedSessions();
    for (const x of ADMIN)
      for (const [attack, token] of forged) {
        const r = await expectRefusedUnchanged(h, () =>
          h.api(x.method, x.path, x.body ? {} : undefined, token),
        );
        expect([x.path, attack, r.status, r.body.error.code]).toEqual([x.path, attack, 401, 'BAD_SESSION']);
      }
  });

  it('refuses observers and every other wrong role with 403 FORBIDDEN, writing nothing', async () => {
    let checked = 0;
    for (const x of ADMIN.filter((a) => a.as !== 'observer'))
      for (const role of ROLES) {
        if (role === x.as) continue;
        const r = await expectRefusedUnchanged(h, () =>
          h.api(x.method, x.path, x.body ? {} : undefined, session[role]),
        );
        expect([x.path, role, r.status, r.body.error.code]).toEqual([x.path, role, 403, 'FORBIDDEN']);
        checked++;
      }
    expect(checked).toBeGreaterThan(60);
  });
});

describe('commission sign-in brute force', () => {
  it('answers a wrong password and an unknown account alike, then locks the address out', async () => {
    // Each name is tried at most 4 times, under the per-name lock (session-lockout.test.ts), so the
    // limit met here is the per-address one.
    const attempt = (name: string, password: string) => h.api('POST', '/api/session', { name, password });
    const wrong = await attempt('chair', 'guess-1');
    const unknown = await attempt('nobody', 'guess-1');
    expect([wrong.status, wrong.body]).toEqual([
      401,
      { error: { code: 'BAD_LOGIN', message: expect.any(String) } },
    ]);
    expect(unknown.body).toEqual(wrong.body);
    // Six sign-ins by the harness and the two above came first; the limit is 30 a minute.
    let attempts = 8;
    let r = wrong;
    while (r.status === 401 && attempts < 40) {
      r = await expectRefusedUnchanged(h, () => attempt(`spray-${attempts % 8}`, `guess-${attempts}`));
      attempts++;
    }
    expect([r.status, r.body.error.code, attempts]).toEqual([429, 'RATE_LIMITED', 31]);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    // Locked out: even the right password gets no session from this address until the window passes.
    const right = await expectRefusedUnchanged(h, () => attempt('chair', 'correct horse battery'));
    expect([right.status, right.body.token]).toEqual([429, undefined]);
  });
});
