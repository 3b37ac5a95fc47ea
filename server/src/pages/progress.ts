/**
 * The steps of an election as the commission works through them (SPEC §10.3–§10.12), each done,
 * current or still to do: the overview at the top of the commission's page and the observer's.
 * The current step is the first one not done; the result is current once published.
 */
import type { ServerContext } from '../context.ts';
import type { Election } from '../elections/store.ts';
import { ceremonyView } from '../ceremony/view.ts';
import type { Lang } from '@saylau/protocol/lang';
import { html, type Html } from './html.ts';
import { o } from './catalog.ts';

export const STEPS = [
  'roll',
  'initiative',
  'nominations',
  'ceremony',
  'credentials',
  'loginCodes',
  'open',
  'closed',
  'tally',
  'result',
] as const;
export type Step = (typeof STEPS)[number];
export type StepState = 'done' | 'current' | 'todo';

/** How many rows an election has in `table`: the published voting codes, the login codes issued. */
export const countOf = (ctx: ServerContext, table: 'credentials' | 'login_codes', id: string): number =>
  (ctx.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE election = ?`).get(id) as { n: number }).n;

/** Each step of this election (a referendum has no nominations, an akim election no initiative) with its state. */
export function progress(ctx: ServerContext, e: Election): [Step, StepState][] {
  const after = (...s: Election['status'][]) => s.includes(e.status);
  const done: Record<Step, boolean> = {
    roll: ctx.board.latest(e.id, 'roll') !== null,
    initiative: ctx.board.latest(e.id, 'initiative') !== null,
    nominations: e.status !== 'nominations',
    ceremony: ceremonyView(ctx, e.id).phase === 'finished',
    credentials: countOf(ctx, 'credentials', e.id) > 0,
    loginCodes: countOf(ctx, 'login_codes', e.id) > 0,
    open: after('open', 'closed', 'finished'),
    closed: after('closed', 'finished'),
    tally: after('finished'),
    result: false,
  };
  const skip = e.kind === 'referendum' ? 'nominations' : 'initiative';
  const steps = STEPS.filter((s) => s !== skip);
  const current = steps.find((s) => !done[s]);
  return steps.map((s) => [s, s === current ? 'current' : done[s] ? 'done' : 'todo']);
}

/** The steps as a list; `link` gives a step the address of its part of the page, if any. */
export function progressOverview(
  lang: Lang,
  steps: [Step, StepState][],
  link: (s: Step) => string | null = () => null,
): Html {
  return html`<ol class="stages progress-overview" id="progress" aria-label="${o(lang, 'steps')}">
    ${steps.map(([s, state]) => {
      const href = link(s);
      const name = o(lang, `step.${s}`);
      return html`<li
        class="${state}"
        data-step="${s}"
        data-state="${state}"
        ${state === 'current' ? html`aria-current="step"` : ''}
      >
        ${href ? html`<a href="${href}">${name}</a>` : name}
        <span class="state">${o(lang, `state.${state}`)}</span>
      </li>`;
    })}
  </ol>`;
}
