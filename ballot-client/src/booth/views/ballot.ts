/** Step 3, the ballot: one choice per contest, each option with the route that nominated it. */
import type { Lang } from '@saylau/protocol/lang';
import { h } from '../dom.ts';
import { votingCloses } from '../shell.ts';
import type { StateAt } from '../state.ts';
import { fieldErrorFor, optionRoute, present, type ViewContext } from './parts.ts';

export function ballotView(s: StateAt<'ballot'>, ctx: ViewContext): HTMLElement[] {
  const { t, dispatch, shell } = ctx;
  const { session } = s;
  const form = h('form', {
    novalidate: true,
    onsubmit: (e: Event) => (e.preventDefault(), dispatch({ type: 'submitBallot' })),
  });
  (session.election.contests ?? []).forEach((c, ci) => {
    const question = (c as { question?: Record<Lang, string> }).question;
    const fs = h(
      'fieldset',
      { class: 'contest', 'aria-describedby': s.fieldError?.field === 'ballot' ? 'ballot-error' : null },
      h('legend', {}, question ? question[shell.lang] : t('ballot.legendCandidates')),
      h('p', { class: 'hint' }, t('ballot.one')),
    );
    c.options.forEach((o, oi) => {
      const id = `choice-${ci}-${oi}`;
      const route = optionRoute(session, o.id, o.kind, ctx);
      fs.append(
        h(
          'div',
          { class: `option${o.kind === 'against-all' ? ' against-all' : ''}` },
          h('input', {
            type: 'radio',
            id,
            name: `contest-${ci}`,
            value: String(oi),
            'data-option': o.id,
            checked: session.choices[ci] === oi,
            'aria-describedby': route ? `${id}-route` : null,
            onchange: () => {
              dispatch({ type: 'choose', contest: ci, option: oi });
              document.getElementById('ballot-error')?.remove();
            },
          }),
          h(
            'label',
            { for: id },
            h('span', { class: 'name' }, o.names[shell.lang] ?? o.id),
            route ? h('span', { class: 'route', id: `${id}-route` }, route) : null,
          ),
        ),
      );
    });
    form.append(fs);
  });
  form.append(
    ...present([
      fieldErrorFor(s.fieldError, 'ballot', t),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'button primary', id: 'ballot-submit' }, t('common.continue')),
      ),
    ]),
  );
  return present([h('h1', {}, t('ballot.heading')), votingCloses(shell, session.election), form]);
}
