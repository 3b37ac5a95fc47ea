/**
 * HTTP hardening (SPEC §10.13): security headers with a strict Content-Security-Policy on every
 * response, pages without inline script or style; and no secret or stack trace in any response or
 * in the server log, read from the harness's log sink, through refusals and forced internal errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBallot, bytesToHex } from '@saylau/crypto';
import { closeCasting } from '../src/casting/routes.ts';
import {
  startHarness,
  type ApiResponse,
  type Harness,
  cast,
  castSetup,
  headAnchor,
  type CastSetup,
} from '@saylau/test-kit';
import { expectNoLeak } from './hostile-arbitraries.ts';

let h: Harness;
let e: CastSetup;
const OPEN = 'open-1';
const PASSWORD = 'correct horse battery'; // the harness's password for every account
beforeAll(async () => {
  h = await startHarness();
  e = castSetup(h, { id: OPEN, voters: 4 });
});
afterAll(async () => {
  await closeCasting(h.server.ctx);
  await h.close();
});

const CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

function csp(r: ApiResponse): Record<string, string[]> {
  return Object.fromEntries(
    (r.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k!, v]),
  );
}

describe('security headers', () => {
  const pages = [
    '/',
    '/?lang=ru',
    `/elections/${OPEN}`,
    `/elections/${OPEN}/live`,
    `/elections/${OPEN}/booth`,
    `/elections/${OPEN}/check`,
    `/elections/${OPEN}/find`,
    '/elections/no-such/booth',
    `/api/elections/${OPEN}/result/protocol`,
    `/api/elections/${OPEN}`,
    '/api/nothing',
  ];

  it('sends a strict CSP and the helmet headers on pages, API answers and errors alike', async () => {
    for (const p of pages) {
      const r = await h.api('GET', p);
      expect(r.status, p).toBeLessThan(500);
      const policy = csp(r);
      expect(policy, p).toMatchObject(CSP);
      for (const v of Object.values(policy).flat()) expect(v, p).not.toMatch(/unsafe-|^\*$|^https?:$|^http:/);
      expect(r.headers.get('x-content-type-options'), p).toBe('nosniff');
      expect(r.headers.get('strict-transport-security'), p).toMatch(/max-age=\d{7,}/);
      expect(r.headers.get('referrer-policy'), p).toBe('no-referrer');
      expect(r.headers.get('x-frame-options'), p).toBe('SAMEORIGIN');
      expect(r.headers.get('x-powered-by'), p).toBeNull();
      expectNoLeak(r.text);
    }
  });

  it('serves pages with no inline script, style or event handler', async () => {
    let html = 0;
    for (const p of pages) {
      const r = await h.api('GET', p);
      if (!(r.headers.get('content-type') ?? '').startsWith('text/html') || r.status !== 200) continue;
      html++;
      expect(r.text, p).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(r.text, p).not.toMatch(/<style[\s>]/i);
      expect(r.text, p).not.toMatch(/\sstyle\s*=/i);
      expect(r.text, p).not.toMatch(/\son[a-z]+\s*=/i);
      expect(r.text, p).not.toMatch(/javascript:/i);
    }
    expect(html).toBeGreaterThanOrEqual(2);
  });
});

describe('no secret or stack trace in responses or the log', () => {
  it('through refusals, a real vote and forced internal errors', async () => {
    const ctx = h.server.ctx;
    const responses: ApiResponse[] = [];
    const call = async (...a: Parameters<Harness['api']>) => {
      const r = await h.api(...a);
      responses.push(r);
      return r;
    };
    const commission = await h.signIn('commission', 'chair', { elections: [OPEN] });
    // These two answers carry codes and a token by design; only the refusals are checked.
    const issued = await h.api('POST', `/api/elections/${OPEN}/login-codes`, {}, commission);
    const codes = issued.body.codes as { iin: string; code: string }[];
    await call('POST', '/api/session', { name: 'chair', password: 'wrong password 1' });
    await call('POST', '/api/session', { name: 'nobody', password: 'wrong password 2' });
    await call('POST', `/api/elections/${OPEN}/login`, { iin: codes[0]!.iin, code: 'AAAAA-AAAAA' });
    const login = await h.api('POST', `/api/elections/${OPEN}/login`, codes[1]);
    const token = login.body.token as string;
    // The credential bound to the voter who signed in (SPEC §10.7).
    const mine = e.voters.findIndex((v) => v.iin === codes[1]!.iin);
    const ballot = buildBallot(e.params, e.credentials[mine]!.keys, [0], headAnchor(h, OPEN)).ballot;
    responses.push(await cast(h, OPEN, { ...ballot, signature: '0'.repeat(128) }, token));
    responses.push(await cast(h, OPEN, ballot, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'));
    expect((await cast(h, OPEN, ballot, token)).status).toBe(201);
    responses.push(await cast(h, OPEN, ballot, token));

    // Internal errors whose messages carry secrets: the answer and the log must show neither.
    const secrets = [
      PASSWORD,
      'wrong password 1',
      'wrong password 2',
      token,
      commission,
      ...codes.flatMap((c) => [c.code, c.iin]),
      ...e.credentials.map((c) => c.code),
      ...e.voters.map((v) => v.iin),
      bytesToHex(ctx.keys.token.secretKey),
      bytesToHex(ctx.keys.board.secretKey),
      Buffer.from(ctx.keys.pepper).toString('hex'),
    ];
    const clock = ctx.clock;
    try {
      ctx.clock = () => {
        throw new Error(`clock failed for ${PASSWORD} ${token} ${codes[2]!.code} ${e.credentials[1]!.code}`);
      };
      const r1 = await call('POST', '/api/session', { name: 'chair', password: PASSWORD });
      const r2 = await call('POST', `/api/elections/${OPEN}/login`, codes[2]);
      ctx.clock = () => {
        throw `a thrown string with ${codes[3]!.code}`;
      };
      const r3 = await call('POST', '/api/session', { name: 'chair', password: PASSWORD });
      for (const r of [r1, r2, r3])
        expect([r.status, r.body]).toEqual([
          500,
          { error: { code: 'INTERNAL', message: 'internal error; nothing was written' } },
        ]);
    } finally {
      ctx.clock = clock;
    }

    expect(h.logs.filter((l) => l.startsWith('500 '))).toHaveLength(3);
    for (const text of [...responses.map((r) => r.text), ...h.logs]) {
      expectNoLeak(text);
      for (const s of secrets) expect(text.includes(s), `${s} in ${text.slice(0, 200)}`).toBe(false);
      expect(text).not.toMatch(/\beyJ[\w-]{10,}\.[\w-]{10,}/); // a JWT
    }
    for (const line of h.logs) expect(line).not.toMatch(/\b\d{12}\b/); // an IIN
  });
});
