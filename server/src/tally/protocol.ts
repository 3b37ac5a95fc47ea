/**
 * The printable result protocol (GET …/result/protocol?lang=kk|ru|en): the counts, the outcome,
 * the trustees, where to verify, and lines for the commission's signatures. Every value is escaped;
 * no inline script or style (the CSP forbids both); the shared stylesheet does the layout.
 */
import { LANGS, LANG_NAMES, type Lang } from '@saylau/protocol/lang';
import { html, page, type Html } from '../pages/html.ts';
import { tr } from './catalog.ts';
import type { Outcome } from './outcome.ts';
import type { ResultView } from './result.ts';
import { formatDay, formatTime } from '@saylau/protocol/dates';

const LOCALE: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export function percent(lang: Lang, count: number, of: number): string {
  if (of === 0) return '—';
  const f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${f.format((count * 100) / of)} %`;
}

type Contest = ResultView['contests'][number];

function optionName(c: Contest, id: string, lang: Lang): string {
  return c.options.find((o) => o.id === id)?.names[lang] ?? id;
}

/** `turnoutPercent`: the profile's R0 threshold, named when a question is not valid for turnout. */
export function outcomeText(c: Contest, o: Outcome, lang: Lang, turnoutPercent = 0): Html {
  switch (o.kind) {
    case 'elected':
      return 'lot' in o
        ? html`${tr(lang, 'elected')}:
            <strong>${optionName(c, o.winner, lang)}</strong> (${tr(lang, 'byLot')}; ${tr(lang, 'tied')}:
            ${o.lot.tied.map((id) => optionName(c, id, lang)).join(', ')}; ${tr(lang, 'lotDraw')}:
            <span class="hash">${o.lot.draw}</span>)`
        : html`${tr(lang, 'elected')}: <strong>${optionName(c, o.winner, lang)}</strong>`;
    case 'repeat':
      return o.reason === 'tie'
        ? html`<strong>${tr(lang, 'repeat.tie')}</strong> (${tr(lang, 'tied')}:
            ${o.tied.map((id) => optionName(c, id, lang)).join(', ')})`
        : html`<strong>${tr(lang, `repeat.${o.reason}`)}</strong>`;
    case 'adopted':
      return html`<strong>${tr(lang, 'adopted')}</strong>`;
    case 'rejected':
      return html`<strong>${tr(lang, 'rejected')}</strong>`;
    case 'invalid':
      return html`<strong>${tr(lang, 'invalid.turnout', { percent: turnoutPercent })}</strong>`;
  }
}

function contestSection(v: ResultView, c: Contest, lang: Lang): Html {
  const counted = v.result.counted;
  const heading = c.question ? c.question[lang] : tr(lang, 'akim');
  return html`<section>
    <h2>${heading}</h2>
    <table>
      <thead>
        <tr>
          <th>${tr(lang, 'option')}</th>
          <th class="num">${tr(lang, 'votes')}</th>
          <th class="num">${tr(lang, 'percent')}</th>
        </tr>
      </thead>
      <tbody>
        ${c.options.map(
          (o) =>
            html`<tr>
              <td>${o.names[lang]}</td>
              <td class="num">${o.count}</td>
              <td class="num">${percent(lang, o.count, counted)}</td>
            </tr>`,
        )}
        <tr>
          <th>${tr(lang, 'total')}</th>
          <th class="num">${counted}</th>
          <th class="num">${percent(lang, counted, counted)}</th>
        </tr>
      </tbody>
    </table>
    <p>${tr(lang, 'outcome')}: ${outcomeText(c, c.outcome, lang, v.turnoutPercent)}</p>
  </section>`;
}

/** `resultDue`: when the result was due (SPEC §10.12), written out in the page's language. */
export function renderProtocol(v: ResultView, lang: Lang, resultDue: string): string {
  const base = `/api/elections/${encodeURIComponent(v.election)}`;
  const r = v.result;
  const rows: [string, unknown][] = [
    [tr(lang, 'district'), v.district[lang]],
    [tr(lang, 'electionDay'), formatDay(lang, v.electionDay)],
    // A code and people's names, in no language: not to be translated (nor read as untranslated words).
    [tr(lang, 'electionId'), html`<code>${v.election}</code>`],
    [tr(lang, 'closedAt'), v.closedAt ?? '—'],
    [tr(lang, 'resultDue'), formatTime(lang, resultDue)],
    [tr(lang, 'roll'), r.roll],
    [tr(lang, 'ballots'), r.ballots],
    [tr(lang, 'counted'), r.counted],
    [tr(lang, 'revotes'), r.revotes],
    [tr(lang, 'turnout'), percent(lang, r.counted, r.roll)],
    ...(v.turnoutPercent > 0
      ? [
          [tr(lang, 'turnoutRuleName'), tr(lang, 'turnoutRule', { percent: v.turnoutPercent })] as [
            string,
            unknown,
          ],
        ]
      : []),
  ];
  const body = html`<nav class="langs" aria-label="Language / Тіл / Язык">
      ${LANGS.map(
        (l) =>
          html`<a
            href="${base}/result/protocol?lang=${l}"
            lang="${l}"
            ${l === lang ? html`aria-current="true"` : ''}
            >${LANG_NAMES[l]}</a
          >`,
      )}
    </nav>
    ${v.demo ? html`<p><span class="badge-demo">${tr(lang, 'demo')}</span></p>` : ''}
    <h1>${tr(lang, 'title')}</h1>
    <p>
      ${tr(lang, 'commission')}: ${v.district[lang]} ·
      ${v.kind === 'referendum' ? tr(lang, 'referendum') : tr(lang, 'akim')}
    </p>
    <h2>${tr(lang, 'summary')}</h2>
    <table>
      <tbody>
        ${rows.map(
          ([k, val]) =>
            html`<tr>
              <th>${k}</th>
              <td class="num">${val}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${v.contests.map((c) => contestSection(v, c, lang))}
    <h2>${tr(lang, 'trustees')}</h2>
    <ul>
      ${v.trustees.map((x) => html`<li>№ ${x.index} — <span translate="no">${x.name}</span></li>`)}
    </ul>
    <h2>${tr(lang, 'verification')}</h2>
    <p>${tr(lang, 'verifyHow')} <a href="${base}/board">${tr(lang, 'board')}</a></p>
    <p>${tr(lang, 'resultEntry')}: № ${v.entry.seq}, <span class="hash">${v.entry.hash}</span></p>
    <p>${tr(lang, 'boardHead')}: № ${v.board.seq}, <span class="hash">${v.board.head}</span></p>
    <h2>${tr(lang, 'signatures')}</h2>
    <div class="signatures">
      ${(['chair', 'deputy', 'secretary', 'member', 'member', 'member'] as const).map(
        (k) => html`<div>${tr(lang, k)} <span class="muted">${tr(lang, 'signatureHint')}</span></div>`,
      )}
    </div>`;
  return page(lang, `${tr(lang, 'title')} — ${v.district[lang]}`, body);
}
