/**
 * Public observer pages: `/elections/:id` (progress, candidates, ballots per hour, the
 * result as a bar chart, how to verify) and `/elections/:id/live` (the board as entries arrive, a
 * bundled script: see bundles.ts).
 * Everything shown here is on the board or is a count; nothing private.
 */
import { Router, type Request, type Response } from 'express';
import type { ServerContext } from '../context.ts';
import { findElection, type Election } from '../elections/store.ts';
import { ElectionId } from '../http/validate.ts';
import { ceremonyView } from '../ceremony/view.ts';
import { resultView } from '../tally/result.ts';
import { outcomeText, percent } from '../tally/protocol.ts';
import { tr } from '../tally/catalog.ts';
import { VOTER_TOKEN_SECONDS } from '../voters/tokens.ts';
import { signInHours } from '../voters/sign-ins.ts';
import { resultDue, resultLate } from '../elections/calendar.ts';
import type { Lang } from '@saylau/protocol/lang';
import { html, langNav, langOf, page, pageWithScripts, type Html } from './html.ts';
import { o, t } from './catalog.ts';
import { barChart, columnChart, progressBar } from './svg.ts';
import { pageScript } from '../assets.ts';
import type { Initiative, PublicRoute } from '@saylau/protocol';
import { ENTRY_TYPES } from '@saylau/protocol/entries';
import { formatDay, formatTime } from '@saylau/protocol/dates';
import { countOf, progress, progressOverview } from './progress.ts';
import { complaintsSection } from './complaints-section.ts';

/** Almaty is UTC+05:00 all year (SPEC §10). */
const OFFSET_SECONDS = 5 * 3600;

/** The election named in the path, or null (an invalid id is simply not found). */
export function electionOf(ctx: ServerContext, req: Request): Election | null {
  const id = ElectionId.safeParse(req.params.id);
  return id.success ? findElection(ctx, id.data) : null;
}

export function notFoundPage(res: Response, lang: Lang): void {
  res
    .status(404)
    .type('html')
    .send(
      page(
        lang,
        o(lang, 'noElection'),
        html`<h1>${o(lang, 'noElection')}</h1>
          <p><a href="/?lang=${lang}">${o(lang, 'back')}</a></p>`,
      ),
    );
}

function routeText(lang: Lang, r: PublicRoute): Html {
  const kind = o(lang, `route.${r.kind}` as 'route.self');
  if (r.kind === 'public-association' || r.kind === 'party') return html`${kind}: ${r.name[lang]}`;
  if (r.kind === 'citizen-assembly') return html`${kind}, ${formatDay(lang, r.date)}, ${r.place[lang]}`;
  return html`${kind}`;
}

function candidatesSection(ctx: ServerContext, e: Election, lang: Lang): Html {
  const cs = ctx.board.ofType(e.id, 'candidate').map((x) => x.payload);
  if (e.kind === 'referendum') return html``;
  return html`<section>
    <h2>${o(lang, 'candidates')}</h2>
    ${
      cs.length === 0
        ? html`<p>${o(lang, 'noCandidates')}</p>`
        : html`<table class="candidates stack">
            <thead>
              <tr>
                <th>${o(lang, 'candidate')}</th>
                <th>${o(lang, 'route')}</th>
                <th>${o(lang, 'signatures')}</th>
              </tr>
            </thead>
            <tbody>
              ${cs.map(
                (c) =>
                  html`<tr>
                    <td data-label="${o(lang, 'candidate')}">${c.surname[lang]} ${c.givenNames[lang]}</td>
                    <td data-label="${o(lang, 'route')}">${routeText(lang, c.route)}</td>
                    <td data-label="${o(lang, 'signatures')}">
                      ${
                        c.signatures
                          ? html`<span class="sig"
                                >${o(lang, 'of', { valid: c.signatures.valid, threshold: c.signatures.threshold })}</span
                              >
                              ${progressBar(
                                `${c.signatures.valid} / ${c.signatures.threshold}`,
                                c.signatures.valid,
                                c.signatures.threshold,
                              )}`
                          : html`<span class="muted">${o(lang, 'notRequired')}</span>`
                      }
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

/**
 * Ballots per hour. The board carries no times, so the hour is the voter token's: each ballot uses
 * exactly one token, recorded with its expiry (issue + 15 minutes) in the ballot's transaction.
 */
export function ballotsPerHour(ctx: ServerContext, id: string): { hour: number; count: number }[] {
  const rows = ctx.db
    .prepare(
      `SELECT CAST((expires - ? + ?) / 3600 AS INTEGER) AS hour, count(*) AS count FROM used_tokens
       WHERE election = ? GROUP BY hour ORDER BY hour`,
    )
    .all(VOTER_TOKEN_SECONDS, OFFSET_SECONDS, id) as { hour: number; count: number }[];
  return rows;
}

function perHourSection(ctx: ServerContext, e: Election, lang: Lang, ballots: number): Html {
  if (ballots === 0) return html``;
  const rows = ballotsPerHour(ctx, e.id);
  if (rows.length === 0) return html``;
  // Fill the hours without ballots between the first and the last, so the chart's x axis is time.
  const first = rows[0]!.hour;
  const last = rows.at(-1)!.hour;
  const by = new Map(rows.map((r) => [r.hour, r.count]));
  const columns = [];
  for (let h = first; h <= last && columns.length < 48; h++)
    columns.push({ label: `${String(h % 24).padStart(2, '0')}:00`, value: by.get(h) ?? 0 });
  return html`<section>
    <h2>${o(lang, 'perHour')}</h2>
    ${columnChart(o(lang, 'perHour'), columns)}
    <p class="muted">${o(lang, 'perHourNote')}</p>
  </section>`;
}

/**
 * The counts that must add up in public (SPEC §10.9.3): the voter tokens issued and the voters who
 * signed in per hour, against the roll, the voting codes and the ballots. Hours not yet on the board
 * (the current one) are marked so.
 */
function signInsSection(ctx: ServerContext, e: Election, lang: Lang, ballots: number): Html {
  if (!['open', 'closed', 'finished'].includes(e.status)) return html``;
  const hours = signInHours(ctx, e.id);
  const roll = ctx.board.latest(e.id, 'roll')?.payload.count ?? 0;
  const credentials = ctx.board.latest(e.id, 'credentials')?.payload.count ?? 0;
  const casting = (
    ctx.db.prepare('SELECT count(DISTINCT credential) AS n FROM ballots WHERE election = ?').get(e.id) as {
      n: number;
    }
  ).n;
  const sum = (k: 'tokens' | 'voters') => hours.reduce((a, h) => a + h[k], 0);
  const row = (id: string, key: Parameters<typeof o>[1], n: number) =>
    html`<tr data-count="${id}">
      <th>${o(lang, key)}</th>
      <td class="num">${n}</td>
    </tr>`;
  return html`<section id="sign-ins">
    <h2>${o(lang, 'signIns')}</h2>
    <table class="counts">
      <tbody>
        ${row('roll', 'signIns.roll', roll)} ${row('credentials', 'signIns.credentials', credentials)}
        ${row('voters', 'signIns.signedIn', sum('voters'))} ${row('tokens', 'signIns.tokens', sum('tokens'))}
        ${row('casting', 'signIns.casting', casting)} ${row('ballots', 'signIns.ballots', ballots)}
      </tbody>
    </table>
    ${
      hours.length === 0
        ? ''
        : html`<table class="sign-ins stack">
            <thead>
              <tr>
                <th>${o(lang, 'signIns.hour')}</th>
                <th class="num">${o(lang, 'signIns.tokens')}</th>
                <th class="num">${o(lang, 'signIns.voters')}</th>
              </tr>
            </thead>
            <tbody>
              ${hours.map(
                (h) =>
                  html`<tr data-hour="${h.hour}">
                    <td data-label="${o(lang, 'signIns.hour')}">
                      ${formatTime(lang, h.hour)}${h.published ? '' : html` <span class="muted">(${o(lang, 'signIns.pending')})</span>`}
                    </td>
                    <td class="num" data-label="${o(lang, 'signIns.tokens')}">${h.tokens}</td>
                    <td class="num" data-label="${o(lang, 'signIns.voters')}">${h.voters}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <p class="muted">${o(lang, 'signInsNote')}</p>
  </section>`;
}

function resultSection(ctx: ServerContext, e: Election, lang: Lang): Html {
  if (e.status !== 'finished') return html``;
  const v = resultView(ctx, e.id);
  const counted = v.result.counted;
  return html`<section id="result">
    <h2>${o(lang, 'result')}</h2>
    <p>
      ${counted} ${o(lang, 'counted')}, ${o(lang, 'roll').toLowerCase()}: ${v.result.roll},
      ${o(lang, 'turnout')}: ${percent(lang, counted, v.result.roll)}
    </p>
    ${
      v.turnoutPercent > 0
        ? html`<p class="turnout-rule">${tr(lang, 'turnoutRule', { percent: v.turnoutPercent })}</p>`
        : ''
    }
    ${v.contests.map((c) => {
      // The bar to stress: the elected candidate, or the side that carried a referendum question.
      const winner =
        c.outcome.kind === 'elected'
          ? c.outcome.winner
          : c.outcome.kind === 'adopted'
            ? 'yes'
            : c.outcome.kind === 'rejected'
              ? 'no'
              : null;
      return html`<div class="contest" data-contest="${c.id}">
        ${c.question ? html`<h3>${c.question[lang]}</h3>` : ''}
        ${barChart(
          c.question ? c.question[lang] : o(lang, 'result'),
          c.options.map((x) => ({
            label: x.names[lang],
            value: x.count,
            note: `${x.count} (${percent(lang, x.count, counted)})`,
            highlight: x.id === winner,
          })),
        )}
        <table class="result-table">
          <tbody>
            ${c.options.map(
              (x) =>
                html`<tr data-option="${x.id}">
                  <td>${x.names[lang]}</td>
                  <td class="num count">${x.count}</td>
                  <td class="num">${percent(lang, x.count, counted)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        <p class="outcome">${outcomeText(c, c.outcome, lang, v.turnoutPercent)}</p>
      </div>`;
    })}
    <p><a href="/api/elections/${e.id}/result/protocol?lang=${lang}">${t(lang, 'result')}</a></p>
  </section>`;
}

/** A referendum's initiative as the board has it (SPEC §10.1.2): signatures or a citizens' assembly. */
export function initiativeText(lang: Lang, i: Initiative): string {
  return i.kind === 'signatures'
    ? o(lang, 'initiative.signatures', { valid: i.valid, threshold: i.threshold })
    : o(lang, 'initiative.assembly', {
        date: formatDay(lang, i.date),
        place: i.place[lang],
        attendance: i.attendance,
        votesFor: i.votesFor,
        quorum: i.quorum,
      });
}

function initiativeRow(ctx: ServerContext, e: Election, lang: Lang): Html {
  const i = ctx.board.latest(e.id, 'initiative')?.payload;
  return html`<tr id="initiative">
    <th>${o(lang, 'initiative')}</th>
    <td>${i ? initiativeText(lang, i) : html`<span class="muted">${o(lang, 'notYet')}</span>`}</td>
  </tr>`;
}

function overview(ctx: ServerContext, e: Election, lang: Lang): string {
  const base = `/api/elections/${encodeURIComponent(e.id)}`;
  const roll = ctx.board.latest(e.id, 'roll')?.payload;
  const cer = ceremonyView(ctx, e.id);
  const creds = { n: countOf(ctx, 'credentials', e.id) };
  const ballots = (
    ctx.db.prepare("SELECT count(*) AS n FROM board WHERE election = ? AND type = 'ballot'").get(e.id) as {
      n: number;
    }
  ).n;
  const head = ctx.board.head(e.id);
  const self = `/elections/${encodeURIComponent(e.id)}`;
  const body = html`${langNav(lang, self)}
    <p><a href="/?lang=${lang}">← ${o(lang, 'back')}</a></p>
    <h1>
      ${e.demo ? html`<span class="badge-demo">${t(lang, 'demo')}</span> ` : ''}${e.manifest.district[lang]}
    </h1>
    <p>
      ${t(lang, 'day')}: ${formatDay(lang, e.manifest.electionDay)} · ${t(lang, 'status')}:
      <strong id="status">${t(lang, `status.${e.status}`)}</strong>
    </p>
    ${progressOverview(lang, progress(ctx, e))}
    <ul class="links">
      <li><a href="${self}/live?lang=${lang}">${o(lang, 'live')}</a></li>
      ${e.status === 'open' ? html`<li><a href="${self}/booth?lang=${lang}">${o(lang, 'booth')}</a></li>` : ''}
      <li><a href="${self}/find?lang=${lang}">${o(lang, 'find')}</a></li>
      <li><a href="${base}/board" download="${e.id}.board.jsonl">${t(lang, 'board')}</a></li>
    </ul>
    ${resultSection(ctx, e, lang)}
    <section>
      <h2>${o(lang, 'steps')}</h2>
      <table class="steps">
        <tbody>
          <tr>
            <th>${o(lang, 'roll')}</th>
            <td>
              ${roll ? o(lang, 'voters', { count: roll.count }) : html`<span class="muted">${o(lang, 'notYet')}</span>`}
            </td>
          </tr>
          ${e.kind === 'referendum' ? initiativeRow(ctx, e, lang) : ''}
          <tr>
            <th>${o(lang, 'ceremony')}</th>
            <td>
              ${o(lang, `phase.${cer.phase}`)}
              (${o(lang, 'trustees', { count: cer.trustees.length })}${cer.ceremony ? `, t = ${cer.ceremony.t}` : ''})
            </td>
          </tr>
          <tr>
            <th>${o(lang, 'credentials')}</th>
            <td>
              ${creds.n > 0 ? html`${creds.n}, ${o(lang, 'published')}` : html`<span class="muted">${o(lang, 'notYet')}</span>`}
            </td>
          </tr>
          <tr>
            <th>${o(lang, 'ballots')}</th>
            <td id="ballots">${ballots}</td>
          </tr>
        </tbody>
      </table>
    </section>
    ${candidatesSection(ctx, e, lang)} ${perHourSection(ctx, e, lang, ballots)}
    ${signInsSection(ctx, e, lang, ballots)} ${complaintsSection(ctx, e, lang)}
    <section>
      <h2>${o(lang, 'calendar')}</h2>
      <table>
        <tbody>
          ${(['nominationCloses', 'registrationCloses', 'votingOpens', 'votingCloses'] as const).map(
            (k) =>
              html`<tr>
                <th>${o(lang, `cal.${k}`)}</th>
                <td>${formatTime(lang, e.calendar[k])}</td>
              </tr>`,
          )}
          <tr id="result-due">
            <th>${o(lang, 'resultDue')}</th>
            <td>
              ${formatTime(lang, resultDue(e.calendar))}${
                resultLate(e.calendar, e.status, ctx.clock())
                  ? html` <strong class="late" id="result-late">${o(lang, 'resultLate')}</strong>`
                  : ''
              }
            </td>
          </tr>
        </tbody>
      </table>
    </section>
    <section>
      <h2>${o(lang, 'verifyHow')}</h2>
      <ol>
        <li>
          ${o(lang, 'verify1')} <a href="${base}/board" download="${e.id}.board.jsonl">${base}/board</a>
        </li>
        <li>
          ${o(lang, 'verify2')}
          <pre tabindex="0"><code>npx saylau-verify ${e.id}.board.jsonl</code></pre>
        </li>
        <li>${o(lang, 'verify3')}</li>
        <li>
          ${o(lang, 'verifyPage')}
          <a href="/verify?lang=${lang}&amp;board=${encodeURIComponent(`${base}/board`)}">/verify</a>
        </li>
        <li>
          ${o(lang, 'verify4')}
          <pre
            tabindex="0"
          ><code>npx saylau-verify https://…${base}/board --mirror ${e.id}.board.jsonl</code></pre>
        </li>
      </ol>
      ${head ? html`<p class="muted">${o(lang, 'head')}: #${head.seq} <span class="hash">${head.hash}</span></p>` : ''}
    </section>`;
  return page(lang, `${e.manifest.district[lang]} — ${o(lang, 'overview')}`, body);
}

function live(e: Election, lang: Lang, script: string): string {
  const self = `/elections/${encodeURIComponent(e.id)}`;
  const body = html`${langNav(lang, `${self}/live`)}
    <p><a href="${self}?lang=${lang}">← ${e.manifest.district[lang]}</a></p>
    <h1>${o(lang, 'live')}</h1>
    <p class="muted">${o(lang, 'liveNote')}</p>
    <p>${o(lang, 'liveCount')}: <strong id="live-count">…</strong></p>
    <noscript
      ><p><a href="/api/elections/${e.id}/board">${t(lang, 'board')}</a></p></noscript
    >
    <table id="live-board" class="stack">
      <thead>
        <tr>
          <th class="num">${o(lang, 'seq')}</th>
          <th>${o(lang, 'type')}</th>
          <th>${o(lang, 'summary')}</th>
          <th>${o(lang, 'hash')}</th>
        </tr>
      </thead>
      <tbody></tbody>
    </table>`;
  // The script names each entry type in the page's language.
  const types = Object.fromEntries(ENTRY_TYPES.map((type) => [type, o(lang, `entry.${type}`)]));
  return pageWithScripts(lang, `${o(lang, 'live')} — ${e.manifest.district[lang]}`, body, [script], {
    election: e.id,
    lang,
    types: JSON.stringify(types),
  });
}

export function observerRoutes(ctx: ServerContext): Router {
  const r = Router();
  const withElection =
    (render: (e: Election, lang: Lang) => string | Promise<string>) =>
    async (req: Request, res: Response) => {
      const lang = langOf(req.query.lang);
      const e = electionOf(ctx, req);
      if (!e) return notFoundPage(res, lang);
      res.setHeader('cache-control', 'no-cache');
      res.type('html').send(await render(e, lang));
    };
  r.get(
    '/elections/:id',
    withElection((e, lang) => overview(ctx, e, lang)),
  );
  r.get(
    '/elections/:id/live',
    withElection(async (e, lang) => live(e, lang, pageScript('live').url)),
  );
  return r;
}
