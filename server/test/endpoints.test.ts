/**
 * The endpoint table (protocol/src/endpoints.ts) against the app: every route the app registers
 * under /api is a row with the same method and path and every row is a registered route, so the
 * table cannot drift; and a few real round trips through `call`, each answer parsed with its row's
 * schema (SPEC §10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINT_TABLE, ENDPOINTS, call, callText, ClientError } from '@saylau/protocol';
import { createApp } from '../src/app.ts';
import { closeCasting } from '../src/casting/routes.ts';
import {
  DISTRICT,
  ELECTION_DAY,
  startHarness,
  type Harness,
  ballotOf,
  castSetup,
  voterToken,
} from '@saylau/test-kit';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
}

/** `METHOD path` of every route of the app, nested routers included (they are mounted at the root). */
function routesOf(stack: Layer[]): string[] {
  const out: string[] = [];
  for (const layer of stack) {
    if (layer.route)
      for (const [m, on] of Object.entries(layer.route.methods))
        if (on && m !== '_all') out.push(`${m.toUpperCase()} ${layer.route.path}`);
    if (Array.isArray(layer.handle?.stack)) {
      expect(layer.rawPath, 'a router mounted below the root').toBe('/');
      out.push(...routesOf(layer.handle.stack));
    }
  }
  return [...new Set(out)];
}

/** The HTML pages and static files: not API endpoints, and no tool calls them. */
const PAGES = [
  'GET /',
  'GET /admin',
  'GET /admin/elections/:id',
  'GET /trustee/elections/:id',
  'GET /assets/saylau.css',
  'GET /credentials/elections/:id',
  'GET /assets/:bundle/:file',
  'GET /elections/:id',
  'GET /elections/:id/live',
  'GET /elections/:id/booth',
  'GET /elections/:id/check',
  'GET /elections/:id/find',
  'GET /booth/:file',
  'GET /saylau-verify.mjs',
  'GET /verify',
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await closeCasting(h.server.ctx);
  await h.close();
});

describe('the endpoint table', () => {
  it('is exactly the routes the app registers under /api, with their methods and paths', () => {
    const app = createApp(h.server.ctx) as unknown as { router: { stack: Layer[] } };
    const routes = routesOf(app.router.stack);
    const api = routes.filter((r) => r.split(' ')[1]!.startsWith('/api')).sort();
    const table = ENDPOINT_TABLE.map((e) => `${e.method} ${e.path}`);
    expect(new Set(table).size, 'two rows for one route').toBe(table.length);
    expect(api).toEqual([...table].sort());
    expect(routes.filter((r) => !api.includes(r)).sort()).toEqual([...PAGES].sort());
  });

  it('names a SPEC section, its callers and a success status for every row', () => {
    for (const e of ENDPOINT_TABLE) {
      expect(e.section, e.name).toMatch(/^(9|10|11)(\.\d+)+$/);
      expect(e.callers.length, e.name).toBeGreaterThan(0);
      if (e.method === 'GET') expect(e.body, e.name).toBeUndefined();
    }
  });
});

describe('call, over real HTTP', () => {
  it('parses the election list and an election with their schemas; refusals carry the server code', async () => {
    const created = await h.createElection({ id: 'e-table', district: DISTRICT, electionDay: ELECTION_DAY });
    expect(created.status).toBe(ENDPOINTS.createElection.status);
    const list = await call(h.url, ENDPOINTS.listElections, {});
    expect(list.elections.map((e) => e.id)).toContain('e-table');
    const e = await call(h.url, ENDPOINTS.election, { params: { id: 'e-table' } });
    expect([e.id, e.status, e.manifest.election, e.board?.seq]).toEqual([
      'e-table',
      'nominations',
      'e-table',
      0,
    ]);
    // The answer is the server's, parsed: the same as the raw JSON.
    expect(e).toEqual((await h.api('GET', '/api/elections/e-table')).body);

    const head = await call(h.url, ENDPOINTS.boardHead, { params: { id: 'e-table' } });
    expect(head.checkpoint).toMatchObject({ election: 'e-table', seq: 0 });
    const board = await call(h.url, ENDPOINTS.board, { params: { id: 'e-table' }, query: { from: 0 } });
    expect(JSON.parse(board.split('\n')[0]!).type).toBe('manifest');

    const none = await call(h.url, ENDPOINTS.election, { params: { id: 'nope' } }).catch((x: unknown) => x);
    expect(none).toBeInstanceOf(ClientError);
    expect([(none as ClientError).status, (none as ClientError).code]).toEqual([404, 'NO_ELECTION']);
  });

  it('signs in, reads its session and a tracker lookup, with the row status and refusal codes', async () => {
    const admin = await h.admin();
    const info = await call(h.url, ENDPOINTS.sessionInfo, { token: admin });
    expect(info.user.role).toBe('admin');
    const grants = await call(h.url, ENDPOINTS.listGrants, { params: { id: 'e-table' }, token: admin });
    expect(grants).toMatchObject({ election: 'e-table', grants: [] });
    const noBallot = await call(h.url, ENDPOINTS.findBallot, {
      params: { id: 'e-table', tracker: 'ABCD EFGH' },
    }).catch((x: unknown) => x as ClientError);
    expect(noBallot).toBeInstanceOf(ClientError);
    // The space is escaped on the way and reaches the server's tracker check as typed.
    expect([(noBallot as ClientError).status, (noBallot as ClientError).code]).toEqual([400, 'BAD_TRACKER']);
    const wrong = await call(h.url, ENDPOINTS.signIn, {
      body: { name: 'admin', password: 'wrong password' },
    }).catch((x: unknown) => x as ClientError);
    expect([(wrong as ClientError).status, (wrong as ClientError).code]).toEqual([401, 'BAD_LOGIN']);
    const html = await callText(h.url, ENDPOINTS.listElections, {});
    expect(JSON.parse(html).elections.length).toBeGreaterThan(0);
  });

  it('casts a ballot and finds it by its tracker, both answers parsed with their schemas', async () => {
    const e = castSetup(h, { voters: 2 });
    const built = ballotOf(h, e, 0, [1]);
    const token = await voterToken(h, e, 0);
    const signed = await call(h.url, ENDPOINTS.castBallot, {
      params: { id: e.id },
      body: { ballot: built.ballot },
      token,
    });
    expect(signed.receipt).toMatchObject({ election: e.id, tracker: built.tracker });
    const found = await call(h.url, ENDPOINTS.findBallot, { params: { id: e.id, tracker: built.tracker } });
    expect(found).toEqual({
      tracker: built.tracker,
      seq: signed.receipt.seq,
      hash: signed.receipt.hash,
      superseded: false,
      supersededBy: null,
    });
    const again = await call(h.url, ENDPOINTS.castBallot, {
      params: { id: e.id },
      body: { ballot: built.ballot },
      token,
    }).catch((x: unknown) => x as ClientError);
    expect((again as ClientError).code).toMatch(/^(TOKEN_USED|ALREADY_CAST)$/);
  });
});
