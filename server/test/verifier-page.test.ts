/**
 * The verifier page as the server serves it (SPEC §11.5): GET /verify answers the built file byte for
 * byte, under a Content-Security-Policy that allows exactly the page's one inline script and one
 * inline style (by their hashes) and blob: workers and is otherwise the server's; GET /api/verifier
 * publishes the file's SHA-256; the board export and its signed head answer any origin, and nothing
 * else does. The page at work in Chromium: verifier/test/verify-page.browser.test.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS, call } from '@saylau/protocol';
import { DISTRICT, ELECTION_DAY, startHarness, type Harness } from '@saylau/test-kit';
import { assetsDir } from '../src/assets.ts';
import { verifierCsp } from '../src/pages/verifier.ts';

const DIST_PAGE = join(import.meta.dirname, '..', '..', 'dist', 'saylau-verify.html');
const ID = 'e-verify-page';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  expect((await h.createElection({ id: ID, district: DISTRICT, electionDay: ELECTION_DAY })).status).toBe(
    201,
  );
});
afterAll(async () => {
  await h.close();
});

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** A CSP header as a map of directive → its sources. */
const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([k, ...v]) => [k, v]),
  );
/** The CSP source of an inline element's text. */
const hashSource = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

describe('GET /verify and GET /api/verifier', () => {
  it('serves dist/saylau-verify.html byte for byte, and publishes its SHA-256', async () => {
    const file = readFileSync(DIST_PAGE);
    const res = await fetch(`${h.url}/verify?lang=ru`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const served = Buffer.from(await res.arrayBuffer());
    expect(served.equals(file)).toBe(true);
    const published = await call(h.url, ENDPOINTS.verifier, {});
    expect(published.page).toEqual({
      url: '/verify',
      sha256: sha256(file),
      bytes: file.length,
      gzipBytes: expect.any(Number),
    });
    // The server's copy in dist/assets is the same file, named in the manifest.
    const manifest = JSON.parse(readFileSync(join(assetsDir(), 'manifest.json'), 'utf8'));
    expect(manifest.verifier.sha256).toBe(sha256(file));
    expect(readFileSync(join(assetsDir(), 'verifier', manifest.verifier.name)).equals(file)).toBe(true);
  });

  it('serves dist/saylau-verify.mjs byte for byte to download, and publishes its SHA-256', async () => {
    const file = readFileSync(join(import.meta.dirname, '..', '..', 'dist', 'saylau-verify.mjs'));
    const res = await fetch(`${h.url}/saylau-verify.mjs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="saylau-verify.mjs"');
    expect(Buffer.from(await res.arrayBuffer()).equals(file)).toBe(true);
    const published = await call(h.url, ENDPOINTS.verifier, {});
    expect(published.command).toEqual({
      url: '/saylau-verify.mjs',
      sha256: sha256(file),
      bytes: file.length,
      gzipBytes: expect.any(Number),
    });
  });

  it('allows exactly its own inline script and style and blob: workers; the rest of the policy is unchanged', async () => {
    const res = await fetch(`${h.url}/verify`);
    const html = await res.text();
    const csp = directives(res.headers.get('content-security-policy')!);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect([scripts.length, styles.length]).toEqual([1, 1]);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(csp.get('script-src')).toEqual([hashSource(scripts[0]!)]);
    expect(csp.get('style-src')).toEqual([hashSource(styles[0]!)]);
    expect(csp.get('worker-src')).toEqual(['blob:']);
    // Every other directive is the server's own, as on any other page.
    const other = directives((await fetch(`${h.url}/`)).headers.get('content-security-policy')!);
    expect(other.get('script-src')).toEqual(["'self'"]);
    for (const d of ['script-src', 'style-src', 'worker-src']) {
      csp.delete(d);
      other.delete(d);
    }
    expect(Object.fromEntries(csp)).toEqual(Object.fromEntries(other));
    // The policy names what it is given, so a page with another script would be refused.
    expect(verifierCsp({ csp: { script: "'sha256-x'", style: "'sha256-y'" } })).toContain(
      "script-src 'sha256-x';",
    );
  });
});

describe('the public board for any origin (SPEC §9.3, §9.4, §11.5)', () => {
  it('answers the board export and the signed head with Access-Control-Allow-Origin: *', async () => {
    for (const path of [`/api/elections/${ID}/board`, `/api/elections/${ID}/board/head`]) {
      const res = await fetch(`${h.url}${path}`, { headers: { origin: 'null' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('access-control-allow-credentials'), path).toBeNull();
    }
    const board = await fetch(`${h.url}/api/elections/${ID}/board`);
    expect(board.headers.get('access-control-expose-headers')).toBe('x-board-head-seq');
    // A refusal too, so that a page elsewhere can say what went wrong.
    const none = await fetch(`${h.url}/api/elections/no-such/board`, { headers: { origin: 'null' } });
    expect(none.status).toBe(404);
    expect(none.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers no other endpoint for another origin', async () => {
    for (const path of [`/api/elections/${ID}`, '/api/verifier', '/api/booth', '/verify']) {
      const res = await fetch(`${h.url}${path}`, { headers: { origin: 'null' } });
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });
});
