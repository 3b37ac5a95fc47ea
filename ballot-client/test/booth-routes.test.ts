/** The booth's HTTP side: shells, content-addressed files, the published hash, refusals. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, openElectionFixture } from '@saylau/test-kit';
import { CATALOGS } from '../src/booth/catalog.ts';

let h: Harness;
let id: string;
beforeAll(async () => {
  h = await startHarness();
  id = openElectionFixture(h, { voters: 3 }).id;
});
afterAll(async () => h.close());

describe('booth routes', () => {
  it('serve each page shell in the asked language with the bundle and its SRI hash', async () => {
    const booth = (await h.api('GET', '/api/booth')).body;
    for (const [kind, key] of [
      ['booth', 'app.title'],
      ['check', 'app.checkTitle'],
      ['find', 'app.findTitle'],
    ] as const) {
      const r = await h.api('GET', `/elections/${id}/${kind}?lang=ru`);
      expect(r.status).toBe(200);
      expect(r.text).toContain(`<title>${CATALOGS.ru[key]}</title>`);
      expect(r.text).toContain(`data-page="${kind}"`);
      const sri = createHash('sha256')
        .update(Buffer.from(await (await fetch(h.url + booth.bundle.url)).arrayBuffer()))
        .digest('base64');
      expect(r.text).toContain(`src="${booth.bundle.url}" integrity="sha256-${sri}"`);
    }
    // Kazakh by default; an unknown language falls back to it.
    expect((await h.api('GET', `/elections/${id}/booth?lang=xx`)).text).toContain('<html lang="kk">');
  });

  it('serve the worker and the stylesheet at their published addresses, with their hashes', async () => {
    const booth = (await h.api('GET', '/api/booth')).body;
    for (const part of ['bundle', 'worker', 'css'] as const) {
      const res = await fetch(h.url + booth[part].url);
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBe(booth[part].bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(booth[part].sha256);
    }
    expect(booth.worker.url).toBe(`/booth/${booth.worker.sha256}.worker.js`);
    // The page bundle names the worker's content address, so the bundle's hash covers the worker.
    const js = await (await fetch(h.url + booth.bundle.url)).text();
    expect(js).toContain(booth.worker.url);
  });

  it('refuse unknown files and elections with 404, never a 500', async () => {
    const file = await h.api('GET', `/booth/${'0'.repeat(64)}.js`);
    expect(file.status).toBe(404);
    expect(file.body.error.code).toBe('NOT_FOUND');
    const shell = await h.api('GET', '/elections/no-such/booth?lang=en');
    expect(shell.status).toBe(404);
    expect(shell.text).toContain(CATALOGS.en['err.NO_ELECTION']);
    const cands = await h.api('GET', '/api/booth/elections/no-such/candidates');
    expect(cands.status).toBe(404);
    expect(cands.body.error.code).toBe('NO_ELECTION');
    const bad = await h.api('GET', '/api/booth/elections/..%2Fx/candidates');
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
  });

  it('publish the candidates of the board for the ballot', async () => {
    const r = await h.api('GET', `/api/booth/elections/${id}/candidates`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ election: id, entries: [] });
  });
});
