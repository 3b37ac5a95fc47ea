/**
 * The voter's booth in the browser: the page shells of the booth, of "check an audited
 * ballot" and of "find my ballot"; the bundle at content-addressed URLs; its SHA-256 at GET
 * /api/booth so that observers can compare it with what voters run; and the board's `candidate`
 * entries, which the ballot shows with the route that nominated each candidate.
 *
 * The shells carry no inline script or style (CSP, SPEC §10.13): one deferred script with its
 * Subresource Integrity hash, one stylesheet, the election id in a data attribute.
 */
import { Router, type Request, type Response } from 'express';
import { BOOTH_CATALOGS } from '@saylau/ballot-client';
import { translate } from '@saylau/protocol/catalog';
import type { ServerContext } from '../context.ts';
import { findElection } from '../elections/store.ts';
import { electionParam } from '../http/validate.ts';
import { html, langOf, page } from '../pages/html.ts';
import { notFound } from '../http/errors.ts';
import { boothFiles, integrity, type Asset } from '../assets.ts';
import { Code } from '@saylau/protocol';

type PageKind = 'booth' | 'check' | 'find';

const TITLE: Record<PageKind, 'app.title' | 'app.checkTitle' | 'app.findTitle'> = {
  booth: 'app.title',
  check: 'app.checkTitle',
  find: 'app.findTitle',
};

function shell(ctx: ServerContext, kind: PageKind, req: Request, res: Response): void {
  const id = electionParam(req);
  const lang = langOf(req.query.lang);
  const t = (key: keyof (typeof BOOTH_CATALOGS)['en']) => translate(BOOTH_CATALOGS, lang, key);
  res.setHeader('cache-control', 'no-cache');
  if (!findElection(ctx, id)) {
    res
      .status(404)
      .type('html')
      .send(page(lang, t(TITLE[kind]), html`<main><h1>${t('err.NO_ELECTION')}</h1></main>`));
    return;
  }
  const b = boothFiles();
  res.type('html').send(
    html`<!doctype html>
      <html lang="${lang}">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${t(TITLE[kind])}</title>
          <link
            rel="stylesheet"
            href="/booth/${b.css.name}?v=${b.css.sha256.slice(0, 16)}"
            integrity="${integrity(b.css.bytes)}"
          />
          <script defer src="/booth/${b.js.name}" integrity="${integrity(b.js.bytes)}"></script>
        </head>
        <body data-page="${kind}" data-election="${id}" data-bundle="${b.js.sha256}">
          <div id="app"><p>${t('app.loading')}</p></div>
          <noscript><p>${t('app.noscript')}</p></noscript>
        </body>
      </html>`.text,
  );
}

function describe(a: Asset) {
  return { url: `/booth/${a.name}`, sha256: a.sha256, bytes: a.size, gzipBytes: a.gzipSize };
}

export function boothRoutes(ctx: ServerContext): Router {
  const r = Router();
  for (const kind of ['booth', 'check', 'find'] as const)
    r.get(`/elections/:id/${kind}`, (req, res) => shell(ctx, kind, req, res));

  r.get('/booth/:file', (req, res) => {
    const b = boothFiles();
    const asset = [b.js, b.worker, b.scan, b.css].find((a) => a.name === req.params.file);
    if (!asset) throw notFound(Code.NOT_FOUND, 'no such booth file');
    res.setHeader(
      'cache-control',
      asset === b.css ? 'public, max-age=300' : 'public, max-age=31536000, immutable',
    );
    res.type(asset.contentType).send(Buffer.from(asset.bytes));
  });

  /** What observers compare: the booth bundle's SHA-256 (it names both workers' URLs, also hashed). */
  r.get('/api/booth', (_req, res) => {
    const b = boothFiles();
    res.json({
      bundle: describe(b.js),
      worker: describe(b.worker),
      scan: describe(b.scan),
      css: describe(b.css),
    });
  });

  /** The board's `candidate` entries (SPEC §10.4), exactly as on the board, for the ballot's routes. */
  r.get('/api/booth/elections/:id/candidates', (req, res) => {
    const id = electionParam(req);
    if (!findElection(ctx, id)) throw notFound(Code.NO_ELECTION, `no election ${JSON.stringify(id)}`);
    res.json({ election: id, entries: ctx.board.ofType(id, 'candidate') });
  });
  return r;
}
