/**
 * Property-based fuzzing of every HTTP endpoint (SPEC §10.13): random and malformed JSON,
 * wrong types, huge strings and arrays, deep nesting, `__proto__`/`constructor` keys, hostile path
 * and query parameters, and ballots spoiled one field at a time. Every answer must be a 4xx with a
 * stable JSON error code, and the database (every table and the board) must be unchanged.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER, type BallotJson } from '@saylau/crypto';
import { createElection } from '../src/index.ts';
import { closeCasting } from '../src/casting/routes.ts';
import { JSON_LIMIT } from '../src/app.ts';
import type { Role } from '../src/auth/users.ts';
import {
  createdAt,
  DISTRICT,
  ELECTION_DAY,
  startHarness,
  type Harness,
  ballotOf,
  cast,
  castSetup,
  resign,
  voterToken,
  type CastSetup,
} from '@saylau/test-kit';
import {
  RUNS,
  endpoints,
  expectClientError,
  expectNoLeak,
  expectRefusedUnchanged,
  hostileBody,
  hostileString,
  mutate,
  mutation,
  paths,
  rawJsonText,
  type Caller,
} from './hostile-arbitraries.ts';

let h: Harness;
let e: CastSetup;
const tokens = {} as Record<Role, string>;
const OPEN = 'open-1';
const NOM = 'nom-1';

beforeAll(async () => {
  // Thousands of fuzzed ballots from one address: the per-address casting limit would answer 429
  // before the checks under test (it has its own test in casting-limits).
  h = await startHarness(undefined, { castRateLimit: false });
  e = castSetup(h, { id: OPEN, voters: 6 });
  createElection(
    h.server.ctx,
    { id: NOM, district: DISTRICT, electionDay: ELECTION_DAY },
    'test',
    createdAt(h),
  );
  for (const role of ['commission', 'credential-authority', 'trustee'] as const)
    tokens[role] = await h.signIn(role, undefined, { elections: [OPEN, NOM] });
  tokens.observer = await h.signIn('observer');
  tokens.admin = await h.admin();
});
afterAll(async () => {
  await closeCasting(h.server.ctx);
  await h.close();
});

const ENDPOINTS = endpoints(OPEN, NOM);
const WRITES = ENDPOINTS.filter((x) => x.body);

async function tokenFor(as: Caller): Promise<string | null> {
  if (as === 'public') return null;
  if (as === 'voter') return voterToken(h, e, 0);
  return tokens[as];
}

describe('body size limits', () => {
  // First in the file: the sign-in routes are rate limited per address (30 a minute), and a 429
  // would come before the body is read.
  it('answers a body over the limit with 413 BODY_TOO_LARGE on every JSON endpoint', async () => {
    const limit = parseInt(JSON_LIMIT, 10) * 1024;
    const huge = JSON.stringify({ pad: 'x'.repeat(limit) });
    for (const x of WRITES.filter((w) => !w.path.endsWith('/credentials'))) {
      const r = await expectRefusedUnchanged(h, async () =>
        h.api(x.method, x.path, huge, await tokenFor(x.as)),
      );
      expect([x.path, r.status, r.body.error.code]).toEqual([x.path, 413, 'BODY_TOO_LARGE']);
    }
  });
});

describe('every endpoint refuses hostile JSON bodies, writing nothing', () => {
  it.each(WRITES.map((x) => [`${x.method} ${x.path}`, x] as const))('%s', async (_name, x) => {
    await fc.assert(
      fc.asyncProperty(hostileBody, async (body) => {
        const token = await tokenFor(x.as);
        // Stringified here: the harness would send a string body as it is.
        await expectRefusedUnchanged(h, () => h.api(x.method, x.path, JSON.stringify(body), token));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('every endpoint refuses malformed JSON text and odd content types, writing nothing', () => {
  const contentType = fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'application/x-www-form-urlencoded',
    'text/plain',
    'multipart/form-data; boundary=x',
  );
  it.each(WRITES.map((x) => [`${x.method} ${x.path}`, x] as const))('%s', async (_name, x) => {
    await fc.assert(
      fc.asyncProperty(rawJsonText, contentType, async (text, type) => {
        const token = await tokenFor(x.as);
        await expectRefusedUnchanged(h, () => h.api(x.method, x.path, text, token, { 'content-type': type }));
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a body that claims a compression it does not have', async () => {
    for (const encoding of ['gzip', 'deflate', 'br', 'x-unknown']) {
      const r = await expectRefusedUnchanged(h, () =>
        h.api('POST', '/api/elections', '{"id":"x"}', tokens.admin, { 'content-encoding': encoding }),
      );
      expect(r.body.error.code).toMatch(/^BAD_(BODY|ENCODING)$/);
    }
  });
});

describe('hostile path segments and query strings', () => {
  /** A path segment or query value, percent-encoded or deliberately not. */
  const segment = fc.oneof(
    hostileString.map((s) => {
      try {
        return encodeURIComponent(s.slice(0, 300));
      } catch {
        return '%ED%A0%80'; // a lone surrogate cannot be encoded: send its UTF-8-like bytes instead
      }
    }),
    fc.constantFrom(
      '%',
      '%E0%A4%A',
      '%zz',
      '%00',
      '..%2f..%2f',
      '%2e%2e',
      'a%ff',
      '-1',
      '0',
      '1e3',
      '9'.repeat(30),
    ),
  );
  const routes = ENDPOINTS.filter((x) => x.path.includes(OPEN) || x.path.includes(NOM));

  it('never fails on a hostile election id, import, nomination or tracker in the path', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), segment, fc.nat(3), async (x, seg, which) => {
        // Replace one path segment after /api/elections with the hostile one.
        const parts = x.path.split('/');
        const at = Math.min(3 + which, parts.length - 1);
        parts[at] = seg;
        const path = parts.join('/');
        const token = await tokenFor(x.as);
        const before = h.snapshot();
        const r = await h.api(x.method, path, x.body ? { x: 1 } : undefined, token);
        expect(r.status, `${x.method} ${path} ${r.text.slice(0, 200)}`).toBeLessThan(500);
        // A GET may land on another public route ("%2e%2e" is ".." to the URL parser); a write may not.
        if ((x.method !== 'GET' || r.status >= 400) && !(r.status === 404 && !path.startsWith('/api/')))
          expectClientError(r);
        expect(h.snapshot()).toEqual(before);
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('never fails on hostile query strings', async () => {
    const query = fc
      .array(
        fc.tuple(fc.constantFrom('from', 'lang', 'format', 'method', 'x', '__proto__', 'from[a]'), segment),
        {
          maxLength: 4,
        },
      )
      .map((kv) => kv.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&'))
      .filter((q) => q.length > 0);
    const gets = ENDPOINTS.filter((x) => x.method === 'GET' && x.path.includes(`/${OPEN}/`));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...gets), query, async (x, q) => {
        const r = await h.api('GET', `${x.path}?${q}`, undefined, await tokenFor(x.as));
        expect(r.status, `${x.path}?${q} ${r.text.slice(0, 200)}`).toBeLessThan(500);
        if (r.status >= 400) expectClientError(r);
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('pages and unexpected methods', () => {
  const PAGES = [
    '/',
    '/elections/:id',
    '/elections/:id/live',
    '/elections/:id/booth',
    '/elections/:id/check',
    '/elections/:id/find',
    '/admin',
    '/admin/elections/:id',
    '/credentials/elections/:id',
    '/booth/:id',
    '/assets/:id',
  ];

  it('answers hostile election ids and languages on every page without a 5xx or a leak', async () => {
    const id = fc.oneof(
      fc.constantFrom(OPEN, NOM, '%', '%E0%A4%A', '..', 'a'.repeat(300)),
      hostileString.map((s) => s.replace(/[\ud800-\udfff]/g, '')).map(encodeURIComponent),
    );
    const lang = fc.oneof(
      fc.constantFrom('kk', 'ru', 'en', '', 'KK', '__proto__'),
      hostileString.map((s) => s.replace(/[\ud800-\udfff]/g, '')).map(encodeURIComponent),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PAGES), id, lang, async (page, i, l) => {
        const r = await h.api('GET', `${page.replace(':id', i)}?lang=${l}`);
        expect(r.status, `${page} ${i} ${r.text.slice(0, 200)}`).toBeLessThan(500);
        expectNoLeak(r.text);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('refuses other methods on every endpoint without a 5xx, writing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ENDPOINTS),
        fc.constantFrom('DELETE', 'PATCH', 'PUT', 'OPTIONS', 'HEAD', 'POST', 'GET'),
        async (x, method) => {
          fc.pre(method !== x.method && !(method === 'HEAD' && x.method === 'GET'));
          const before = h.snapshot();
          const r = await h.api(
            method,
            x.path,
            method === 'GET' || method === 'HEAD' ? undefined : { x: 1 },
            await tokenFor(x.as),
          );
          expect(r.status, `${method} ${x.path} ${r.text.slice(0, 200)}`).toBeLessThan(500);
          expect(h.snapshot()).toEqual(before);
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('spoiled ballots (SPEC §8.3): one field changed, signed again or not', () => {
  let valid: BallotJson;
  beforeAll(() => {
    valid = ballotOf(h, e, 0, [1]).ballot;
  });

  it('refuses every mutation of a valid ballot: non-canonical points, identity, scalars ≥ ℓ, truncation', async () => {
    const leaves = paths(valid);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...leaves), mutation, fc.boolean(), async (path, m, sign) => {
        let spoiled = mutate(valid, path, m);
        if (sign && path[0] !== 'signature' && typeof spoiled === 'object' && spoiled !== null) {
          try {
            spoiled = resign(spoiled as BallotJson, e.credentials[0]!.keys);
          } catch {
            // A shape that cannot even be signed goes as it is.
          }
        }
        // Signing again keeps only the ballot's own fields, which may undo the change.
        fc.pre(JSON.stringify(spoiled) !== JSON.stringify(valid));
        const token = await voterToken(h, e, 0);
        await expectRefusedUnchanged(h, () => cast(h, OPEN, spoiled, token));
      }),
      { numRuns: RUNS * 8 },
    );
  });

  it('refuses a signature whose S is not reduced (S + ℓ: Ed25519 malleability)', async () => {
    const sig = Buffer.from(valid.signature, 'base64url');
    let s = 0n;
    for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(sig[i]!);
    let t = s + ORDER;
    const out = sig.slice();
    for (let i = 32; i < 64; i++) {
      out[i] = Number(t & 0xffn);
      t >>= 8n;
    }
    const malleated = { ...valid, signature: out.toString('base64url') };
    const r = await expectRefusedUnchanged(h, async () =>
      cast(h, OPEN, malleated, await voterToken(h, e, 0)),
    );
    expect(r.body.error.code).toMatch(/SIGNATURE|CRYPTO_/);
  });

  it('still accepts the valid ballot afterwards (the fuzzing above was not refused for another reason)', async () => {
    const r = await cast(h, OPEN, valid, await voterToken(h, e, 0));
    expect(r.status).toBe(201);
  });
});

describe('the server log after all of the above', () => {
  it('holds no internal error', () => {
    expect(h.logs.filter((l) => l.startsWith('500'))).toEqual([]);
  });
});
