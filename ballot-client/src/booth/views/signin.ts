/** Step 1, sign in (SPEC §10.9.1): the IIN and the login code from the letter. */
import { h } from '../dom.ts';
import { notice, submitButton, votingCloses } from '../shell.ts';
import type { StateAt } from '../state.ts';
import { present, problemBox, signinFields, type ViewContext } from './parts.ts';

export function signinView(s: StateAt<'signin'>, ctx: ViewContext): HTMLElement[] {
  const { t, dispatch } = ctx;
  const form = h(
    'form',
    { novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), dispatch({ type: 'signIn' })) },
    ...signinFields(ctx, s.fieldError, {
      prefix: '',
      iin: s.session.iin,
      code: s.session.loginCode,
      onInput: (field, value) => dispatch({ type: 'input', field, value }),
    }),
    submitButton('signin-submit', t(s.busy ? 'signin.busy' : 'signin.submit'), s.busy),
  );
  return present([
    h('h1', {}, t('signin.heading')),
    problemBox(s.problem, s.session.election, ctx),
    s.resumed ? notice('info', h('p', { id: 'signin-resumed' }, t('signin.resumed'))) : null,
    h('p', {}, t('signin.intro')),
    votingCloses(ctx.shell, s.session.election),
    form,
  ]);
}
