/** An error the booth cannot go on from by itself: the error and the one way on. */
import { h } from '../dom.ts';
import type { StateAt } from '../state.ts';
import { present, problemBox, type ViewContext } from './parts.ts';

export function fatalView(s: StateAt<'fatal'>, ctx: ViewContext): HTMLElement[] {
  return present([
    h('h1', {}, ctx.t('common.error')),
    problemBox(s.problem, s.session?.election ?? null, ctx),
  ]);
}
