/**
 * The tools' calls by a row of the endpoint table (SPEC §10): the token, the refusal's message as the
 * CLI prints it, the answer checked, and printed as the server sent it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Code, ENDPOINTS } from '@saylau/protocol';
import { call, callAsSent } from '../src/http.ts';
import { endpointAt } from '../src/cli/steps.ts';
import { clientRefusal } from '@saylau/test-kit';

const API = { baseUrl: 'http://127.0.0.1:9/', token: 'tok' };
const grant = {
  role: 'commission',
  user: 'chair',
  election: 'e 1',
  extra: { kept: true },
  grantedAt: '2027-01-01T00:00:00Z',
  grantedBy: 'root',
};

/** Answer every fetch with `body` and `status`, recording the requests. */
function serve(body: unknown, status = 200) {
  const seen: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the tools’ call', () => {
  it('sends the row’s method and path with the Api’s token', async () => {
    const seen = serve(grant, 201);
    const g = await call(API, ENDPOINTS.addGrant, { params: { id: 'e 1' }, body: { user: 'chair' } });
    expect(g.user).toBe('chair');
    expect(seen[0]!.url).toBe('http://127.0.0.1:9/api/elections/e%201/grants');
    expect(seen[0]!.init.method).toBe('POST');
    expect((seen[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('prints an answer as sent: the server’s order of fields, unknown fields kept', async () => {
    serve(grant, 201);
    const sent = await callAsSent(API, ENDPOINTS.addGrant, {
      params: { id: 'e 1' },
      body: { user: 'chair' },
    });
    expect(JSON.stringify(sent)).toBe(JSON.stringify(grant));
    // Parsing puts the schema's fields first: the reason the CLI prints the answer as sent.
    const parsed = await call(API, ENDPOINTS.addGrant, { params: { id: 'e 1' }, body: { user: 'chair' } });
    expect(parsed).toEqual(grant);
    expect(Object.keys(parsed)).not.toEqual(Object.keys(grant));
  });

  it('names the request in a refusal’s message, with the server’s code and status', async () => {
    serve({ error: { code: 'ELECTION_STATE', message: 'not now', details: { status: 'closed' } } }, 409);
    const e = await clientRefusal(call(API, ENDPOINTS.openVoting, { params: { id: 'e 1' }, body: {} }));
    expect([e.message, e.code, e.status, e.details]).toEqual([
      'POST /api/elections/e%201/open: 409 ELECTION_STATE not now',
      'ELECTION_STATE',
      409,
      { status: 'closed' },
    ]);
    const q = await clientRefusal(
      callAsSent(API, ENDPOINTS.board, { params: { id: 'x' }, query: { from: 3 } }),
    );
    expect(q.message).toBe('GET /api/elections/x/board?from=3: 409 ELECTION_STATE not now');
  });

  it('refuses an answer that is not what the row says, or not JSON (BAD_RESPONSE)', async () => {
    serve({ ...grant, user: 7 }, 201);
    for (const p of [
      call(API, ENDPOINTS.addGrant, { params: { id: 'e' }, body: { user: 'chair' } }),
      callAsSent(API, ENDPOINTS.addGrant, { params: { id: 'e' }, body: { user: 'chair' } }),
    ]) {
      const e = await clientRefusal(p);
      expect(e.code).toBe(Code.BAD_RESPONSE);
      expect(e.message).toMatch(/^POST \/api\/elections\/e\/grants: 201 BAD_RESPONSE .*answer\.user/);
    }
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 200 }));
    const e = await clientRefusal(callAsSent(API, ENDPOINTS.election, { params: { id: 'e' } }));
    expect([e.code, e.message]).toEqual([
      Code.BAD_RESPONSE,
      'GET /api/elections/e: 200 BAD_RESPONSE the server response is not JSON',
    ]);
  });

  it('says which server it could not reach', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    const e = await clientRefusal(call(API, ENDPOINTS.listElections, {}));
    expect([e.code, e.message]).toEqual([Code.NETWORK, 'no response from http://127.0.0.1:9: fetch failed']);
  });
});

describe('saylau api: the row a method and path name', () => {
  it('finds the row, its path parameters (unescaped) and its query', () => {
    const r = endpointAt('GET', '/api/elections/a%20b/ballots/T-1?x=1');
    expect([r.e.name, r.params, r.query]).toEqual(['findBallot', { id: 'a b', tracker: 'T-1' }, { x: '1' }]);
    expect(endpointAt('POST', '/api/elections/e/nominations/extend').e.name).toBe('extendNomination');
    expect(endpointAt('POST', '/api/elections/e/nominations/4/register').params).toEqual({ id: 'e', n: '4' });
    expect(endpointAt('GET', '/api/session').e.name).toBe('sessionInfo');
  });

  it('refuses a path the table does not have (BAD_ARGUMENT)', () => {
    for (const [m, p] of [
      ['PUT', '/api/session'],
      ['GET', '/api/elections/e/nope'],
      ['GET', '/api/elections/%E0%A4%A/roll'],
    ] as const)
      expect(() => endpointAt(m, p)).toThrow(expect.objectContaining({ code: Code.BAD_ARGUMENT }));
  });
});
