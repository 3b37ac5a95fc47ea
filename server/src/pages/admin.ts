/**
 * Commission pages: `/admin` (sign in, the elections the account holds, an
 * administrator creates one) and `/admin/elections/:id` (every step of one election; an
 * administrator's grants instead). The server renders the forms and the public state; the page
 * script /assets/admin.js checks fields as they are typed and calls the JSON API (SPEC §10) with the
 * session token it keeps in a session cookie (shared by the browser's tabs, gone when it closes). These pages hold no private data: the script fetches it.
 * The server does not know who reads a page, so the parts that depend on the account (the elections
 * it holds, SPEC §10.13) are rendered hidden and shown by the script after `GET /api/session`.
 */
import { Router, type Request, type Response } from 'express';
import type { ServerContext } from '../context.ts';
import { listElections, type Election } from '../elections/store.ts';
import { ceremonyView } from '../ceremony/view.ts';
import { missingForOpening } from '../elections/voting.ts';
import { POSITIONS } from '../nominations/schemas.ts';
import type { Lang } from '@saylau/protocol/lang';
import { Html, html, langNav, langOf, pageWithScripts } from './html.ts';
import { o, t } from './catalog.ts';
import { a, ADMIN_STRINGS, clientStrings, type AdminKey } from './admin-catalog.ts';
import { fillParts } from '@saylau/protocol/catalog';
import { electionOf, initiativeText, notFoundPage } from './observer.ts';
import { assemblyQuorum } from '../elections/profiles.ts';
import { initiativeThreshold } from '../initiative/service.ts';
import { pageScript, type PageName } from '../assets.ts';
import { formatDay, formatTime } from '@saylau/protocol/dates';
import { countOf, progress, progressOverview, type Step } from './progress.ts';
import { ca } from './credential-authority-catalog.ts';

/*
 * Every form says method="post": the script submits it, but a user pressing Enter before the script
 * has loaded must not put a password or an IIN into a URL (history, proxy logs).
 */

/** The credential authority's command and files, named in a text as code: they read the same in every language. */
const CREDENTIAL_FILES = {
  command: 'saylau credentials generate',
  publicFile: 'public-credentials.json',
  ownersFile: 'credential-owners.json',
};
const withFiles = (text: string): Html =>
  html`${fillParts(
    text,
    Object.fromEntries(
      Object.entries(CREDENTIAL_FILES).map(([k, v]) => [k, html`<code translate="no">${v}</code>`]),
    ),
  )}`;

/** A labelled input with a slot for the message the script shows while the user types. */
function field(lang: Lang, id: string, label: AdminKey | Html, attrs: Html, input = 'input'): Html {
  const control =
    input === 'textarea'
      ? html`<textarea id="${id}" name="${id}" aria-describedby="${id}-error" ${attrs}></textarea>`
      : html`<input id="${id}" name="${id}" aria-describedby="${id}-error" ${attrs} />`;
  return html`<div class="field">
    <label for="${id}">${label instanceof Html ? label : a(lang, label)}</label>
    ${control}
    <span class="field-error" id="${id}-error" aria-live="polite"></span>
  </div>`;
}

function select(lang: Lang, id: string, label: AdminKey, options: [string, AdminKey][]): Html {
  return html`<div class="field">
    <label for="${id}">${a(lang, label)}</label>
    <select id="${id}" name="${id}">
      ${options.map(([v, k]) => html`<option value="${v}">${a(lang, k)}</option>`)}
    </select>
  </div>`;
}

const checkbox = (lang: Lang, id: string, label: AdminKey, attrs: Html = html``) =>
  html`<div class="field check">
    <input type="checkbox" id="${id}" name="${id}" aria-describedby="${id}-error" ${attrs} />
    <label for="${id}">${a(lang, label)}</label>
    <span class="field-error" id="${id}-error" aria-live="polite"></span>
  </div>`;

const names = (lang: Lang, prefix: string, keys: [AdminKey, AdminKey, AdminKey], attrs: Html) =>
  html`${field(lang, `${prefix}-kk`, keys[0], attrs)}${field(lang, `${prefix}-ru`, keys[1], attrs)}${field(
    lang,
    `${prefix}-en`,
    keys[2],
    attrs,
  )}`;

const TEXT = html`type="text" required maxlength="200" autocomplete="off"`;
const IIN = html`type="text" inputmode="numeric" data-iin required maxlength="12" autocomplete="off"`;

/** The frame of the signed-in pages: language switch, session bar, notice; also the credential authority's page. */
export function shell(
  lang: Lang,
  title: string,
  path: string,
  body: Html,
  data: Record<string, string>,
  script: string,
): string {
  return pageWithScripts(
    lang,
    title === a(lang, 'title') ? title : `${title} — ${a(lang, 'title')}`,
    html`${langNav(lang, path)}
      <div id="session-bar" class="session-bar" hidden>
        ${a(lang, 'signedInAs')} <strong id="whoami"></strong>
        <button class="button secondary" type="button" id="signout">${a(lang, 'signOut')}</button>
      </div>
      <p id="notice" class="notice" role="status" aria-live="polite"></p>
      <noscript><p>${a(lang, 'noScript')}</p></noscript>
      ${body}`,
    [script],
    { lang, strings: JSON.stringify(clientStrings(lang)), ...data },
  );
}

function home(ctx: ServerContext, lang: Lang, script: string): string {
  const elections = listElections(ctx);
  const body = html`<h1>${a(lang, 'title')}</h1>
    <section id="signin-section">
      <h2>${a(lang, 'signIn')}</h2>
      <form id="signin" method="post" novalidate>
        ${field(lang, 'signin-name', 'userName', html`type="text" required autocomplete="username"`)}
        ${field(lang, 'signin-password', 'password', html`type="password" required autocomplete="current-password"`)}
        <button class="button" type="submit">${a(lang, 'signIn')}</button>
      </form>
    </section>
    <section id="elections-section">
      <h2>${a(lang, 'elections')}</h2>
      <p id="no-elections" class="muted" hidden>${a(lang, 'noElections')}</p>
      <ul id="election-list">
        ${elections.map(
          (e) =>
            html`<li data-election="${e.id}" hidden>
              <a href="/admin/elections/${e.id}?lang=${lang}">${e.manifest.district[lang]}</a>
              <span class="muted"
                ><span translate="no">${e.id}</span> · ${formatDay(lang, e.manifest.electionDay)} ·
                ${t(lang, `status.${e.status}`)}</span
              >
              · <a href="/trustee/elections/${e.id}?lang=${lang}">${a(lang, 'trusteeTitle')}</a>
            </li>`,
        )}
      </ul>
    </section>
    <section id="create-section" data-role="admin" hidden>
      <h2>${a(lang, 'create')}</h2>
      <form id="create" method="post" novalidate>
        ${field(lang, 'create-id', 'electionId', html`type="text" data-election-id maxlength="64" autocomplete="off"`)}
        ${names(lang, 'create-district', ['districtKk', 'districtRu', 'districtEn'], TEXT)}
        ${field(lang, 'create-day', 'electionDay', html`type="date" required`)}
        ${select(lang, 'create-profile', 'profile', [
          ['reform', 'profile.reform'],
          ['law-2021', 'profile.law-2021'],
        ])}
        ${checkbox(lang, 'create-demo', 'demo')}
        <fieldset>
          <legend>${a(lang, 'calendarOptional')}</legend>
          ${(['nominationCloses', 'registrationCloses', 'votingOpens', 'votingCloses'] as const).map((k) =>
            field(
              lang,
              `create-${k}`,
              html`${o(lang, `cal.${k}`)}`,
              html`type="datetime-local" data-calendar`,
            ),
          )}
        </fieldset>
        <button class="button" type="submit">${a(lang, 'createButton')}</button>
      </form>
    </section>`;
  return shell(lang, a(lang, 'title'), '/admin', body, { page: 'home' }, script);
}

function nominationForm(lang: Lang): Html {
  return html`<form id="nominate" method="post" novalidate>
    <h3>${a(lang, 'newNomination')}</h3>
    ${select(lang, 'nom-route', 'routeKind', [
      ['public-association', 'route.public-association'],
      ['citizen-assembly', 'route.citizen-assembly'],
      ['party', 'route.party'],
      ['self', 'route.self'],
    ])}
    <fieldset data-route="public-association party">
      ${names(lang, 'nom-org', ['orgKk', 'orgRu', 'orgEn'], TEXT)}
      <div data-route="public-association">
        ${field(lang, 'nom-regnum', 'regNumber', html`type="text" required maxlength="50"`)}
        ${select(lang, 'nom-level', 'level', [
          ['local', 'level.local'],
          ['regional', 'level.regional'],
          ['national', 'level.national'],
        ])}
      </div>
      <div data-route="party">
        ${field(lang, 'nom-party-decision', 'partyDecision', html`type="text" maxlength="50"`)}
        ${field(lang, 'nom-party-date', 'partyDecisionDate', html`type="date"`)}
        ${checkbox(lang, 'nom-party-member', 'partyMember', html``)}
      </div>
    </fieldset>
    <fieldset data-route="citizen-assembly">
      ${field(lang, 'nom-date', 'assemblyDate', html`type="date" required`)}
      ${names(lang, 'nom-place', ['placeKk', 'placeRu', 'placeEn'], TEXT)}
      ${field(lang, 'nom-attendance', 'attendance', html`type="number" required min="1" max="1000000" step="1"`)}
      ${field(lang, 'nom-quorum', 'quorum', html`type="number" required min="1" max="1000000" step="1"`)}
      ${field(lang, 'nom-votes', 'votesFor', html`type="number" required min="0" max="1000000" step="1"`)}
      ${field(lang, 'nom-chair', 'chairIin', IIN)}
    </fieldset>
    <fieldset>
      <legend>${a(lang, 'candidateLegend')}</legend>
      ${field(lang, 'nom-iin', 'candidateIin', IIN)}
      ${names(lang, 'nom-surname', ['surnameKk', 'surnameRu', 'surnameEn'], TEXT)}
      ${names(lang, 'nom-given', ['givenKk', 'givenRu', 'givenEn'], TEXT)}
      ${select(lang, 'nom-education', 'education', [
        ['', 'education.none'],
        ['secondary', 'education.secondary'],
        ['vocational', 'education.vocational'],
        ['higher', 'education.higher'],
      ])}
      ${checkbox(lang, 'nom-citizen', 'attCitizen', html`required`)}
      ${checkbox(lang, 'nom-capacity', 'attCapacity', html`required`)}
      ${checkbox(lang, 'nom-conviction', 'attConviction', html`required`)}
    </fieldset>
    <fieldset>
      <legend>${a(lang, 'submitter')}</legend>
      ${field(lang, 'nom-sub-iin', 'submitterIin', IIN)} ${field(lang, 'nom-sub-name', 'fullName', TEXT)}
      ${select(
        lang,
        'nom-position',
        'position',
        POSITIONS.map((p) => [p, `position.${p}` as AdminKey]),
      )}
    </fieldset>
    <button class="button" type="submit">${a(lang, 'submitNomination')}</button>
  </form>`;
}

/** A referendum's initiative (SPEC §10.1.2): the recorded one, or the form once the roll is accepted. */
function initiativeCard(ctx: ServerContext, e: Election, lang: Lang): Html {
  const help = html`<p class="muted">${a(lang, 'initiativeHelp')}</p>`;
  const recorded = ctx.board.latest(e.id, 'initiative')?.payload;
  if (recorded) return html`<p id="initiative-state">${initiativeText(lang, recorded)}</p>`;
  const count = ctx.board.latest(e.id, 'roll')?.payload.count;
  if (count === undefined || e.status !== 'ballot-fixed') return help;
  const p = e.manifest.profile;
  const num = html`type="number" required min="0" max="1000000" step="1"`;
  return html`${help}
    <form id="initiative" method="post" novalidate>
      ${select(lang, 'ini-kind', 'initiativeKind', [
        ['signatures', 'initiative.signatures'],
        ['citizen-assembly', 'route.citizen-assembly'],
      ])}
      <fieldset data-kind="signatures">
        <p>
          ${a(lang, 'signaturesNeeded')}:
          <strong id="ini-threshold">${String(initiativeThreshold(p, count))}</strong>
        </p>
        ${field(lang, 'ini-iins', 'initiativeIins', html`required rows="6"`, 'textarea')}
      </fieldset>
      <fieldset data-kind="citizen-assembly">
        <p>${a(lang, 'quorum')}: <strong id="ini-quorum">${String(assemblyQuorum(p, count))}</strong></p>
        ${field(lang, 'ini-date', 'assemblyDate', html`type="date" required`)}
        ${names(lang, 'ini-place', ['placeKk', 'placeRu', 'placeEn'], TEXT)}
        ${field(lang, 'ini-attendance', 'attendance', num)} ${field(lang, 'ini-votes', 'votesFor', num)}
        ${field(lang, 'ini-chair', 'chairIin', IIN)}
      </fieldset>
      <button class="button" type="submit">${a(lang, 'recordInitiative')}</button>
    </form>
    <div id="initiative-report" aria-live="polite"></div>`;
}

function electionPage(ctx: ServerContext, e: Election, lang: Lang, script: string): string {
  const self = `/admin/elections/${encodeURIComponent(e.id)}`;
  const nominating = e.status === 'nominations';
  const beforeVoting = nominating || e.status === 'ballot-fixed';
  const roll = ctx.board.latest(e.id, 'roll')?.payload;
  const cer = ceremonyView(ctx, e.id);
  const credentials = countOf(ctx, 'credentials', e.id);
  const missing = beforeVoting ? missingForOpening(ctx, e) : [];
  const steps = progress(ctx, e);
  const stateOf = new Map(steps);
  /** Each step's part of the page (the first, when it has several), for the overview's links. */
  const sectionOf: Partial<Record<Step, string>> = {};
  /** A step's part of the page: a card that folds, open while one of its steps is current. */
  const step = (id: string, of: Step[], title: AdminKey, body: Html, attrs: Html = html``): Html => {
    for (const s of of) sectionOf[s] ??= id;
    const states = of.map((s) => stateOf.get(s) ?? 'done');
    const state = states.includes('current')
      ? 'current'
      : states.every((x) => x === 'done')
        ? 'done'
        : 'todo';
    return html`<details
      class="step card"
      id="${id}"
      data-state="${state}"
      ${state === 'current' ? html`open` : ''}
      ${attrs}
    >
      <summary>
        <h2>${a(lang, title)}</h2>
        <span class="state">${o(lang, `state.${state}`)}</span>
      </summary>
      ${body}
    </details>`;
  };
  const missingLabel: Record<string, AdminKey> = {
    'ballot-fixed': 'ballot',
    roll: 'roll',
    'joint-key': 'ceremony',
    credentials: 'credentials',
    initiative: 'initiative',
  };
  // The cards first: each one records its place for the overview's links.
  const cards = html`
    ${step(
      'roll-section',
      ['roll'],
      'roll',
      html`<div id="roll-state"></div>
        ${
          !roll && beforeVoting
            ? html`<form id="roll-import" method="post" novalidate>
                  ${field(lang, 'roll-file', 'rollFile', html`type="file" accept=".csv,text/csv,text/plain" required`)}
                  <button class="button" type="submit">${a(lang, 'rollCheck')}</button>
                </form>
                <div id="roll-report"></div>`
            : ''
        }`,
    )}
    ${e.kind === 'referendum' ? step('initiative-section', ['initiative'], 'initiative', initiativeCard(ctx, e, lang)) : ''}
    ${
      nominating
        ? html`${step(
            'akim-section',
            ['nominations'],
            'akim',
            html`<form id="akim" method="post" novalidate>
              ${field(lang, 'akim-iin', 'iin', IIN)} ${field(lang, 'akim-name', 'fullName', TEXT)}
              <button class="button" type="submit">${a(lang, 'save')}</button>
            </form>`,
          )}
          ${step(
            'nominations-section',
            ['nominations'],
            'nominations',
            html`<div id="nominations"></div>
              ${nominationForm(lang)}
              <form id="extend" method="post" novalidate>
                <h3>${a(lang, 'extend')}</h3>
                <p id="extend-deadlines">
                  ${o(lang, 'cal.nominationCloses')}: ${formatTime(lang, e.calendar.nominationCloses)} ·
                  ${o(lang, 'cal.registrationCloses')}: ${formatTime(lang, e.calendar.registrationCloses)}
                </p>
                ${field(lang, 'extend-days', 'days', html`type="number" required min="1" max="5" step="1"`)}
                <button class="button" type="submit">${a(lang, 'extend')}</button>
              </form>`,
          )}
          ${step(
            'ballot-section',
            ['nominations'],
            'ballot',
            html`<p>
              <button class="button" type="button" id="fix-ballot">${a(lang, 'fixBallot')}</button>
            </p>`,
          )}`
        : ''
    }
    ${step(
      'ceremony-section',
      ['ceremony'],
      'ceremony',
      html`<p id="ceremony-round">${a(lang, 'round')}: ${String(cer.round)}</p>
        <p><a href="/trustee/elections/${e.id}?lang=${lang}">${a(lang, 'trusteeTitle')}</a></p>
        <div id="ceremony-state"></div>
        ${
          beforeVoting && cer.phase === 'registration'
            ? html`<form id="ceremony-start" method="post" novalidate>
                ${field(lang, 'ceremony-t', 'threshold', html`type="number" required min="2" max="${Math.max(2, cer.trustees.length)}" step="1"`)}
                <button class="button" type="submit">${a(lang, 'startCeremony')}</button>
              </form>`
            : ''
        }
        ${
          beforeVoting && cer.phase === 'dealing'
            ? html`<p>
                  <button class="button" type="button" id="ceremony-finish">
                    ${a(lang, 'finishCeremony')}
                  </button>
                </p>
                <form id="ceremony-reset" method="post" novalidate data-round="${String(cer.round)}">
                  <h3>${a(lang, 'resetCeremony')}</h3>
                  <p class="muted">${a(lang, 'resetCeremonyHelp')}</p>
                  ${field(lang, 'reset-reason', 'resetReason', html`type="text" required maxlength="500" autocomplete="off"`)}
                  <button class="button secondary" type="submit">${a(lang, 'resetCeremony')}</button>
                </form>`
            : ''
        }`,
      html`data-phase="${cer.phase}" data-round="${String(cer.round)}"`,
    )}
    ${step(
      'credentials-section',
      ['credentials'],
      'credentials',
      html`<p id="credentials-state">
          ${credentials > 0 ? html`${a(lang, 'published')}: ${credentials}` : a(lang, 'notPublished')}
        </p>
        <p>
          <a id="credentials-page" href="/credentials/elections/${e.id}?lang=${lang}">${ca(lang, 'link')}</a>
        </p>
        ${
          beforeVoting && credentials === 0
            ? html`<p class="muted">${withFiles(ADMIN_STRINGS[lang].credentialsHelp)}</p>
                <form id="credentials-publish" method="post" novalidate>
                  ${field(lang, 'credentials-file', withFiles(ADMIN_STRINGS[lang].credentialsFile), html`type="file" accept=".json,application/json" required`)}
                  ${field(lang, 'credentials-owners', withFiles(ADMIN_STRINGS[lang].credentialsOwners), html`type="file" accept=".json,application/json" required`)}
                  <button class="button" type="submit">${a(lang, 'publish')}</button>
                </form>`
            : ''
        }`,
    )}
    ${
      roll && e.status !== 'finished'
        ? step(
            'codes-section',
            ['loginCodes'],
            'loginCodes',
            html`<p>
                <button class="button" type="button" id="issue-codes">${a(lang, 'issueCodes')}</button>
              </p>
              <div id="codes-state"></div>`,
          )
        : ''
    }
    ${step(
      'voting-section',
      ['open', 'closed'],
      'voting',
      html`<p>
        ${e.status === 'ballot-fixed' ? html`<button class="button" type="button" id="open-voting">${a(lang, 'open')}</button>` : ''}
        ${e.status === 'open' ? html`<button class="button" type="button" id="close-voting">${a(lang, 'close')}</button>` : ''}
      </p>`,
    )}
    ${
      ['open', 'closed', 'finished'].includes(e.status)
        ? step(
            'complaints-section',
            ['open', 'closed'],
            'complaints',
            html`<p class="muted">${a(lang, 'complaintsHelp')}</p>
              <div id="complaints-list"></div>`,
          )
        : ''
    }
    ${step(
      'tally-section',
      ['tally', 'result'],
      'tally',
      html`<div id="tally-state"></div>
        ${
          e.status === 'finished'
            ? html`<p>
                <a id="protocol-link" href="/api/elections/${e.id}/result/protocol?lang=${lang}"
                  >${a(lang, 'protocol')}</a
                >
              </p>`
            : ''
        }`,
    )}
  `;
  const body = html`<p><a href="/admin?lang=${lang}">← ${a(lang, 'elections')}</a></p>
    <h1>
      ${e.demo ? html`<span class="badge-demo">${t(lang, 'demo')}</span> ` : ''}${e.manifest.district[lang]}
    </h1>
    <p>
      ${a(lang, 'status')}:
      <strong id="status" data-status="${e.status}">${t(lang, `status.${e.status}`)}</strong> ·
      ${formatDay(lang, e.manifest.electionDay)} · <span class="hash" translate="no">${e.id}</span> ·
      <a href="/elections/${e.id}?lang=${lang}">${a(lang, 'overview')}</a>
    </p>
    ${
      missing.length > 0
        ? html`<p id="missing" class="muted">
            ${a(lang, 'missing')}: ${missing.map((m) => a(lang, missingLabel[m] ?? 'ballot')).join(', ')}
          </p>`
        : ''
    }

    <section id="grants-section" hidden>
      <h2>${a(lang, 'grants')}</h2>
      <p class="muted">${a(lang, 'grantsHelp')}</p>
      <div id="grants"></div>
      <form id="grant" method="post" novalidate>
        ${field(lang, 'grant-user', 'grantUser', html`type="text" required maxlength="32" autocomplete="off" data-user-name`)}
        <button class="button" type="submit">${a(lang, 'grantButton')}</button>
      </form>
    </section>

    <div id="steps" hidden>
      ${progressOverview(lang, steps, (s) => (sectionOf[s] ? `#${sectionOf[s]}` : null))} ${cards}
    </div>`;
  return shell(
    lang,
    e.manifest.district[lang],
    self,
    body,
    { page: 'election', election: e.id, status: e.status },
    script,
  );
}

/** The trustee's page: each step of `saylau trustee …` as a button; the crypto runs in the browser. */
function trusteePage(e: Election, lang: Lang, script: string): string {
  const step = (id: string, key: AdminKey, help: AdminKey) =>
    html`<li>
      <button class="button" type="button" id="${id}">${a(lang, key)}</button>
      <span class="muted">${a(lang, help)}</span>
    </li>`;
  const body = html`<h1>${a(lang, 'trusteeTitle')}: ${e.manifest.district[lang]}</h1>
    <p class="muted">${a(lang, 'trusteeHelp')}</p>
    <p class="notice error" id="trustee-trust">
      ${fillParts(ADMIN_STRINGS[lang].trusteeTrust, { command: html`<code translate="no">saylau trustee</code>` })}
    </p>
    <div id="steps" hidden>
      <section>
        <h2>${a(lang, 'trusteeKeys')}</h2>
        <div id="trustee-state"></div>
        <p>
          <a id="t-backup" hidden>${a(lang, 'backup')}</a>
        </p>
        ${field(lang, 't-restore', 'restore', html`type="file" accept=".json,application/json"`)}
      </section>
      <section>
        <h2>${a(lang, 'ceremony')}</h2>
        <ul class="trustee-steps">
          ${step('t-register', 'tRegister', 'tRegisterHelp')} ${step('t-deal', 'tDeal', 'tDealHelp')}
          ${step('t-check', 'tCheck', 'tCheckHelp')} ${step('t-answer', 'tAnswer', 'tAnswerHelp')}
          ${step('t-share', 'tShare', 'tShareHelp')}
        </ul>
      </section>
      <section>
        <h2>${a(lang, 'tally')}</h2>
        <ul class="trustee-steps">
          ${step('t-decrypt', 'tDecrypt', 'tDecryptHelp')}
        </ul>
      </section>
    </div>`;
  return shell(
    lang,
    a(lang, 'trusteeTitle'),
    `/trustee/elections/${encodeURIComponent(e.id)}`,
    body,
    { page: 'trustee', election: e.id },
    script,
  );
}

export function adminRoutes(ctx: ServerContext): Router {
  const r = Router();
  const noCache = (res: Response) => res.setHeader('cache-control', 'no-cache');
  const url = (name: PageName) => pageScript(name).url;
  r.get('/admin', async (req: Request, res: Response) => {
    noCache(res);
    res.type('html').send(home(ctx, langOf(req.query.lang), url('admin')));
  });
  r.get('/admin/elections/:id', async (req: Request, res: Response) => {
    const lang = langOf(req.query.lang);
    const e = electionOf(ctx, req);
    if (!e) return notFoundPage(res, lang);
    noCache(res);
    res.type('html').send(electionPage(ctx, e, lang, url('admin')));
  });
  r.get('/trustee/elections/:id', async (req: Request, res: Response) => {
    const lang = langOf(req.query.lang);
    const e = electionOf(ctx, req);
    if (!e) return notFoundPage(res, lang);
    noCache(res);
    res.type('html').send(trusteePage(e, lang, url('trustee')));
  });
  r.get('/assets/:bundle/:file', async (req: Request, res: Response, next) => {
    const name = req.params.bundle;
    if (name !== 'admin' && name !== 'trustee' && name !== 'live' && name !== 'credentials') return next();
    const b = pageScript(name);
    if (req.params.file !== b.file) return void res.status(404).type('text').send('not found');
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.type('text/javascript; charset=utf-8').send(Buffer.from(b.bytes));
  });
  return r;
}
