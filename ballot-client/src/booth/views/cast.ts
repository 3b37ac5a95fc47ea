/** Step 5, cast the encrypted ballot, or audit it instead (SPEC §8.5); while casting, both wait. */
import { h } from '../dom.ts';
import type { StateAt } from '../state.ts';
import { chosenList, present, problemBox, trackerView, type ViewContext } from './parts.ts';

export function castView(s: StateAt<'cast'> | StateAt<'casting'>, ctx: ViewContext): HTMLElement[] {
  const { t, dispatch } = ctx;
  const casting = s.step === 'casting';
  const busy = casting ? 'true' : null;
  return present([
    h('h1', {}, t('cast.heading')),
    casting ? null : problemBox(s.problem, s.session.election, ctx),
    chosenList(s.session, s.built.audit.choices, ctx),
    trackerView(s.built.tracker, 'cast.tracker', 'tracker', t),
    h('p', { class: 'muted' }, t('cast.trackerHint')),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'button primary',
          id: 'cast',
          'aria-disabled': busy,
          onclick: () => dispatch({ type: 'cast' }),
        },
        t(casting ? 'cast.busy' : 'cast.cast'),
      ),
    ),
    casting ? h('p', { role: 'status', class: 'muted' }, t('cast.busy')) : null,
    h(
      'section',
      { class: 'audit-offer', 'aria-labelledby': 'audit-title' },
      h('h2', { id: 'audit-title' }, t('cast.auditTitle')),
      h('p', {}, t('cast.auditHint')),
      h(
        'button',
        {
          type: 'button',
          class: 'button secondary',
          id: 'audit',
          'aria-disabled': busy,
          onclick: () => dispatch({ type: 'audit' }),
        },
        t('cast.audit'),
      ),
    ),
  ]);
}
