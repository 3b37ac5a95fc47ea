/** Public pages: the election list at `/` and the pages' stylesheet. */
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { listElections } from '../elections/store.ts';
import { html, langNav, langOf, page } from './html.ts';
import { observerRoutes } from './observer.ts';
import { adminRoutes } from './admin.ts';
import { credentialPageRoutes } from './credential-authority.ts';
import { t } from './catalog.ts';
import { formatDay } from '@saylau/protocol/dates';
import { pageStylesheet } from '../assets.ts';

export function pageRoutes(ctx: ServerContext): Router {
  const r = Router();
  // Built with the booth's look (scripts/build.ts); not content-addressed, so cached for an hour only.
  r.get('/assets/saylau.css', (_req, res) => {
    res.setHeader('cache-control', 'public, max-age=3600');
    res.type('text/css; charset=utf-8').send(Buffer.from(pageStylesheet()));
  });
  r.use(observerRoutes(ctx));
  r.use(adminRoutes(ctx));
  r.use(credentialPageRoutes(ctx));
  r.get('/', (req, res) => {
    const lang = langOf(req.query.lang);
    const elections = listElections(ctx);
    const rows = elections.map((e) => {
      const base = `/api/elections/${encodeURIComponent(e.id)}`;
      return html`<tr>
        <td data-label="${t(lang, 'district')}">
          ${e.demo ? html`<span class="badge-demo">${t(lang, 'demo')}</span> ` : ''}${e.manifest.district[lang]}${
            e.kind === 'referendum' ? html` <span class="muted">(${t(lang, 'referendum')})</span>` : ''
          }<br /><span class="muted hash" translate="no">${e.id}</span>
        </td>
        <td data-label="${t(lang, 'day')}">${formatDay(lang, e.manifest.electionDay)}</td>
        <td data-label="${t(lang, 'status')}">${t(lang, `status.${e.status}`)}</td>
        <td data-label="${t(lang, 'links')}">
          <ul class="links">
            <li><a href="/elections/${e.id}?lang=${lang}">${t(lang, 'progress')}</a></li>
            <li><a href="${base}">${t(lang, 'details')}</a></li>
            <li><a href="${base}/board">${t(lang, 'board')}</a></li>
            ${e.status === 'finished' ? html`<li><a href="${base}/result/protocol?lang=${lang}">${t(lang, 'result')}</a></li>` : ''}
          </ul>
        </td>
      </tr>`;
    });
    const body = html`${langNav(lang, '/')}
      <h1>${t(lang, 'heading')}</h1>
      ${
        elections.length === 0
          ? html`<p>${t(lang, 'none')}</p>`
          : html`<table class="stack">
              <thead>
                <tr>
                  <th>${t(lang, 'district')}</th>
                  <th>${t(lang, 'day')}</th>
                  <th>${t(lang, 'status')}</th>
                  <th>${t(lang, 'links')}</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
      }
      <p class="muted">${t(lang, 'verify')}</p>`;
    res.type('html').send(page(lang, t(lang, 'title'), body));
  });
  return r;
}
