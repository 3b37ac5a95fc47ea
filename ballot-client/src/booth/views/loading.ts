/** While the election is read. */
import { h } from '../dom.ts';
import type { ViewContext } from './parts.ts';

export function loadingView(ctx: ViewContext): HTMLElement[] {
  return [h('p', { role: 'status' }, ctx.t('app.loading'))];
}
