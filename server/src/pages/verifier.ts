/**
 * The verifier page (SPEC §11.5): `GET /verify` answers dist/saylau-verify.html exactly as the build
 * wrote it (so `sha256sum` of the answer is the file's), and `GET /api/verifier` publishes its
 * SHA-256. The page is one file with one inline script and one inline style and starts its Web
 * Workers from Blobs, so its Content-Security-Policy allows exactly those two by their hashes and
 * `worker-src blob:`; everything else is as strict as on every other page (SPEC §10.13).
 */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { verifierCommand, verifierPage, type VerifierPage } from '../assets.ts';

/** The server's CSP (app.ts, SPEC §10.13) with the page's own script, style and workers allowed. */
export function verifierCsp(p: Pick<VerifierPage, 'csp'>): string {
  return [
    "default-src 'self'",
    `script-src ${p.csp.script}`,
    `style-src ${p.csp.style}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    'worker-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function verifierRoutes(_ctx: ServerContext): Router {
  const r = Router();
  r.get('/verify', (_req, res) => {
    const p = verifierPage();
    res.setHeader('content-security-policy', verifierCsp(p));
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(Buffer.from(p.bytes));
  });

  // The command in one file, to download and run with Node (README, "Verifying an election").
  r.get('/saylau-verify.mjs', (_req, res) => {
    const c = verifierCommand();
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('content-disposition', 'attachment; filename="saylau-verify.mjs"');
    res.type('text/javascript; charset=utf-8').send(Buffer.from(c.bytes));
  });

  /** What observers compare: the SHA-256 of the page and of the command, as built from the sources. */
  r.get('/api/verifier', (_req, res) => {
    const p = verifierPage();
    const c = verifierCommand();
    res.json({
      page: { url: '/verify', sha256: p.sha256, bytes: p.size, gzipBytes: p.gzipSize },
      command: { url: '/saylau-verify.mjs', sha256: c.sha256, bytes: c.size, gzipBytes: c.gzipSize },
    });
  });
  return r;
}
