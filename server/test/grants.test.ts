/**
 * Rights per election (SPEC §10.13): accounts act only on the elections they are granted; only an
 * administrator creates elections and grants, every grant and revocation is audited, and a
 * revocation takes effect on the next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElection } from '../src/index.ts';
import { bytesToB64 } from '@saylau/crypto';
import { hexToB64 } from '../../crypto/test/helpers.ts';
import { closeCasting } from '../src/casting/routes.ts';
import { auditLog } from '../src/audit.ts';
import {
  createdAt,
  DISTRICT,
  ELECTION_DAY,
  expectRefused,
  startHarness,
  type Harness,
  castSetup,
} from '@saylau/test-kit';
import { endpoints, type Endpoint } from './hostile-arbitraries.ts';

type GrantedRole = 'commission' | 'credential-authority' | 'trustee';

let h: Harness;
/** Two districts, X and Y, each with an election open for voting and one in nominations. */
const X = { open: 'x-open', nom: 'x-nom' };
const Y = { open: 'y-open', nom: 'y-nom' };
/** The accounts of district X, granted both of its elections and nothing else. */
const ofX = {} as Record<GrantedRole, string>;

beforeAll(async () => {
  h = await startHarness();
  for (const d of [X, Y]) {
    castSetup(h, { id: d.open, voters: 3 }); // moves the clock to voting day: sign in afterwards
    createElection(
      h.server.ctx,
      { id: d.nom, district: DISTRICT, electionDay: ELECTION_DAY },
      'test',
      createdAt(h),
    );
  }
  for (const role of ['commission', 'credential-authority', 'trustee'] as const)
    ofX[role] = await h.signIn(role, `x-${role}`, { elections: [X.open, X.nom] });
});
afterAll(async () => {
  await closeCasting(h.server.ctx);
  await h.close();
});

/**
 * Every route that takes an election id and an account with a granted role, on the elections of
 * district `d`: the endpoint list the hostile tests use, and the commission's view of the roll
 * (`GET …/roll` with a session; without one it is public).
 */
function electionRoutes(d: typeof X): (Endpoint & { as: GrantedRole })[] {
  const granted = (x: Endpoint): x is Endpoint & { as: GrantedRole } =>
    x.as === 'commission' || x.as === 'credential-authority' || x.as === 'trustee';
  return [
    ...endpoints(d.open, d.nom).filter(granted),
    { method: 'GET', path: `/api/elections/${d.open}/roll`, as: 'commission' },
  ];
}

const send = (x: Endpoint, token: string) => h.api(x.method, x.path, x.body ? {} : undefined, token);

describe('an account granted on one election', () => {
  it('is refused on every endpoint of another election: 403 NOT_GRANTED, nothing written', async () => {
    const routes = electionRoutes(Y);
    // Commission, credential-authority and trustee endpoints all, each with its own role.
    expect(new Set(routes.map((x) => x.as))).toEqual(
      new Set(['commission', 'credential-authority', 'trustee']),
    );
    expect(routes.length).toBeGreaterThan(25);
    for (const x of routes) {
      const r = await expectRefused(h, () => send(x, ofX[x.as]), 403, 'NOT_GRANTED');
      expect(JSON.stringify(r.body), x.path).not.toMatch(/\d{12}/); // no IIN of Y in the refusal
    }
  });

  it('is let through the same door on its own elections (the refusal above is the grant, not the route)', async () => {
    for (const x of electionRoutes(X)) {
      const r = await send(x, ofX[x.as]);
      expect([x.method, x.path, r.status < 500]).toEqual([x.method, x.path, true]);
      expect(['NOT_SIGNED_IN', 'BAD_SESSION', 'FORBIDDEN', 'NOT_GRANTED']).not.toContain(r.body?.error?.code);
    }
    const noms = await h.api('GET', `/api/elections/${X.nom}/nominations`, undefined, ofX.commission);
    expect([noms.status, noms.body.nominations]).toEqual([200, []]);
    const akim = await h.api('GET', `/api/elections/${X.nom}/akim`, undefined, ofX.commission);
    expect([akim.status, akim.body]).toEqual([200, { akim: null }]);
  });

  it('is refused on an election that does not exist exactly as on one of another district', async () => {
    const y = await h.api('GET', `/api/elections/${Y.nom}/nominations`, undefined, ofX.commission);
    const none = await h.api('GET', '/api/elections/no-such/nominations', undefined, ofX.commission);
    expect([none.status, none.body]).toEqual([y.status, y.body]);
  });
});

describe('trustees', () => {
  const key = (n: number) => ({
    name: `Trustee ${n}`,
    signingKey: hexToB64('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'),
    boxKey: bytesToB64(new Uint8Array(32).fill(n)),
  });

  it('an uninvited trustee cannot register into a ceremony; the invited one can', async () => {
    const uninvited = await h.signIn('trustee', 'uninvited');
    const register = (token: string) => h.api('POST', `/api/elections/${Y.nom}/trustees`, key(1), token);
    await expectRefused(h, () => register(uninvited), 403, 'NOT_GRANTED');
    await expectRefused(h, () => register(ofX.trustee), 403, 'NOT_GRANTED');
    expect((await h.api('GET', `/api/elections/${Y.nom}/ceremony`)).body.trustees).toEqual([]);
    h.grant(Y.nom, uninvited);
    const r = await register(uninvited);
    expect([r.status, r.body.index], r.text).toEqual([201, 1]);
  });
});

describe('grants', () => {
  it('only an administrator grants, lists and revokes; every change is audited; a revocation acts at once', async () => {
    const admin = await h.admin();
    const chair = await h.signIn('commission', 'grant-chair');
    const grants = `/api/elections/${Y.nom}/grants`;
    const nominations = () => h.api('GET', `/api/elections/${Y.nom}/nominations`, undefined, chair);
    await expectRefused(h, nominations, 403, 'NOT_GRANTED');

    const granted = await h.api('POST', grants, { user: 'grant-chair' }, admin);
    expect([granted.status, granted.body], granted.text).toEqual([
      201,
      {
        election: Y.nom,
        user: 'grant-chair',
        role: 'commission',
        grantedBy: 'admin',
        grantedAt: expect.any(String),
      },
    ]);
    expect((await nominations()).status).toBe(200);
    const list = await h.api('GET', grants, undefined, admin);
    expect(list.body.grants.map((g: { user: string }) => g.user)).toContain('grant-chair');
    expect((await h.api('GET', '/api/session', undefined, chair)).body.elections).toEqual([Y.nom]);

    const revoked = await h.api('DELETE', `${grants}/grant-chair`, undefined, admin);
    expect([revoked.status, revoked.body.user, revoked.body.role]).toEqual([
      200,
      'grant-chair',
      'commission',
    ]);
    // The same session, one request later.
    await expectRefused(h, nominations, 403, 'NOT_GRANTED');
    expect((await h.api('GET', '/api/session', undefined, chair)).body.elections).toEqual([]);

    const audited = auditLog(h.server.ctx, Y.nom).filter(
      (a) => a.action.startsWith('grant.') && (a.details as { user: string }).user === 'grant-chair',
    );
    expect(audited.map((a) => [a.actor, a.action, a.details])).toEqual([
      ['admin', 'grant.add', { user: 'grant-chair', role: 'commission' }],
      ['admin', 'grant.revoke', { user: 'grant-chair', role: 'commission' }],
    ]);
  });

  it('refuses admin and observer accounts, unknown ones, twice, and everyone but an administrator — writing nothing', async () => {
    const admin = await h.admin();
    const observer = await h.signIn('observer', 'grant-observer');
    await h.signIn('admin', 'second-admin');
    const grants = `/api/elections/${X.nom}/grants`;
    const post =
      (body: unknown, token: string | null = admin, path = grants) =>
      () =>
        h.api('POST', path, body, token);
    await expectRefused(h, post({ user: 'second-admin' }), 422, 'NOT_GRANTABLE');
    await expectRefused(h, post({ user: 'grant-observer' }), 422, 'NOT_GRANTABLE');
    await expectRefused(h, post({ user: 'nobody' }), 404, 'NO_USER');
    await expectRefused(h, post({ user: 'x-commission' }), 409, 'ALREADY_GRANTED');
    await expectRefused(h, post({ user: 'Not A Name' }), 400, 'BAD_REQUEST');
    await expectRefused(h, post({ user: 'x-commission', role: 'admin' }), 400, 'BAD_REQUEST');
    await expectRefused(
      h,
      post({ user: 'x-trustee' }, admin, '/api/elections/no-such/grants'),
      404,
      'NO_ELECTION',
    );
    await expectRefused(h, post({ user: 'x-trustee' }, null), 401, 'NOT_SIGNED_IN');
    // The commission of the election itself cannot widen its own district's accounts.
    for (const token of [ofX.commission, ofX.trustee, ofX['credential-authority'], observer]) {
      await expectRefused(h, post({ user: 'uninvited' }, token), 403, 'FORBIDDEN');
      await expectRefused(h, () => h.api('GET', grants, undefined, token), 403, 'FORBIDDEN');
      await expectRefused(
        h,
        () => h.api('DELETE', `${grants}/x-trustee`, undefined, token),
        403,
        'FORBIDDEN',
      );
    }
    await expectRefused(h, () => h.api('DELETE', `${grants}/uninvited`, undefined, admin), 404, 'NO_GRANT');
    await expectRefused(
      h,
      () => h.api('DELETE', `${grants}/x-trustee`, { all: true }, admin),
      400,
      'BAD_REQUEST',
    );
  });

  it('gives the administrator no commission rights: it grants, it does not run elections', async () => {
    const admin = await h.admin();
    expect((await h.api('GET', '/api/session', undefined, admin)).body.elections).toEqual(
      (await h.api('GET', '/api/elections')).body.elections.map((e: { id: string }) => e.id),
    );
    for (const x of electionRoutes(X)) await expectRefused(h, () => send(x, admin), 403, 'FORBIDDEN');
  });

  it('lists in the session the elections the account holds: none for an observer', async () => {
    const session = async (token: string) => (await h.api('GET', '/api/session', undefined, token)).body;
    expect(await session(ofX.commission)).toEqual({
      user: { name: 'x-commission', role: 'commission' },
      elections: [X.open, X.nom],
    });
    expect((await session(await h.signIn('observer'))).elections).toEqual([]);
  });
});
