/**
 * The credential authority's page, `/credentials/elections/:id` (SPEC §10.7, §10.15): the steps of
 * `saylau credentials generate` and `publish` as buttons, run by tools/src/credential-page/ in the
 * browser. The server renders the controls only; the codes are made in the browser and stay there:
 * the script sends nothing but the public list and the owner map (`POST …/credentials`).
 */
import { Router, type Request, type Response } from 'express';
import type { ServerContext } from '../context.ts';
import type { Election } from '../elections/store.ts';
import type { Lang } from '@saylau/protocol/lang';
import { fillParts } from '@saylau/protocol/catalog';
import { pageScript } from '../assets.ts';
import { html, langOf, type Html } from './html.ts';
import { shell } from './admin.ts';
import { electionOf, notFoundPage } from './observer.ts';
import { ca, caClientStrings, CA_STRINGS, type CaKey } from './credential-authority-catalog.ts';

/** The page's own path. */
export const credentialPagePath = (id: string): string => `/credentials/elections/${encodeURIComponent(id)}`;

/** File names and commands read the same in every language: code, not words. */
const NAMES = {
  command: 'saylau credentials generate',
  publishCommand: 'saylau credentials publish',
  publicFile: 'public-credentials.json',
  ownersFile: 'credential-owners.json',
};
const say = (lang: Lang, key: CaKey, names: Record<string, string> = NAMES): Html =>
  html`${fillParts(
    CA_STRINGS[lang][key],
    Object.fromEntries(Object.entries(names).map(([k, v]) => [k, html`<code translate="no">${v}</code>`])),
  )}`;

function credentialPage(e: Election, lang: Lang, script: string): string {
  const download = (id: string, key: CaKey, file: string) =>
    html`<li><a id="${id}" hidden>${say(lang, key, { file })}</a></li>`;
  const body = html`<h1>${ca(lang, 'title')}: ${e.manifest.district[lang]}</h1>
    <p class="muted">${ca(lang, 'help')}</p>
    <p class="notice error" id="ca-trust">${say(lang, 'trust')}</p>
    <div id="steps" hidden>
      <section>
        <h2>${ca(lang, 'rollHeading')}</h2>
        <p><button type="button" id="ca-load">${ca(lang, 'loadRoll')}</button></p>
        <div class="field">
          <label for="ca-roll-file">${ca(lang, 'rollFile')}</label>
          <input id="ca-roll-file" type="file" accept=".json,application/json" />
        </div>
        <p id="ca-roll-state" class="muted"></p>
        <p><a id="ca-roll-save" hidden>${ca(lang, 'saveRoll')}</a></p>
      </section>
      <section>
        <h2>${ca(lang, 'makeHeading')}</h2>
        <p><button type="button" id="ca-make" disabled>${ca(lang, 'make')}</button></p>
        <progress id="ca-progress" max="1" value="0" hidden></progress>
        <p id="ca-progress-text" class="muted" aria-live="polite"></p>
        <div id="ca-made" hidden>
          <p>
            ${ca(lang, 'fingerprint')}:
            <code id="ca-fingerprint" class="hash" translate="no"></code>
          </p>
          <p class="notice error">${ca(lang, 'secret')}</p>
          <ul>
            ${download('ca-dl-letters', 'dlLetters', 'letters.html')}
            ${download('ca-dl-codes', 'dlCodes', 'codes.csv')}
            ${download('ca-dl-public', 'dlPublic', NAMES.publicFile)}
            ${download('ca-dl-owners', 'dlOwners', NAMES.ownersFile)}
          </ul>
        </div>
      </section>
      <section>
        <h2>${ca(lang, 'publishHeading')}</h2>
        <p class="muted">${say(lang, 'publishHelp', { ...NAMES, command: NAMES.publishCommand })}</p>
        <p><button type="button" id="ca-publish" disabled>${ca(lang, 'publish')}</button></p>
      </section>
    </div>`;
  return shell(
    lang,
    ca(lang, 'title'),
    credentialPagePath(e.id),
    body,
    {
      page: 'credentials',
      election: e.id,
      strings: JSON.stringify(caClientStrings(lang)),
    },
    script,
  );
}

export function credentialPageRoutes(ctx: ServerContext): Router {
  const r = Router();
  r.get('/credentials/elections/:id', async (req: Request, res: Response) => {
    const lang = langOf(req.query.lang);
    const e = electionOf(ctx, req);
    if (!e) return notFoundPage(res, lang);
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(credentialPage(e, lang, pageScript('credentials').url));
  });
  return r;
}
