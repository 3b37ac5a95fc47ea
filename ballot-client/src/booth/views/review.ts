/** Step 4, review the choices before they are encrypted. */
import { h } from '../dom.ts';
import type { StateAt } from '../state.ts';
import { chosenList, type ViewContext } from './parts.ts';

export function reviewView(s: StateAt<'review'>, ctx: ViewContext): HTMLElement[] {
  const { t, dispatch } = ctx;
  return [
    h('h1', {}, t('review.heading')),
    h('h2', { class: 'label' }, t('review.chosen')),
    chosenList(s.session, s.session.choices, ctx),
    h('p', { class: 'muted' }, t('review.note')),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'button primary',
          id: 'encrypt',
          onclick: () => dispatch({ type: 'encrypt' }),
        },
        t('review.encrypt'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button secondary',
          id: 'change',
          onclick: () => dispatch({ type: 'change' }),
        },
        t('review.change'),
      ),
    ),
  ];
}
