/** After "Finish": the codes and the token are forgotten; the way back to the booth's start. */
import { h } from '../dom.ts';
import { pageUrl } from '../shell.ts';
import type { ViewContext } from './parts.ts';

export function finishedView(ctx: ViewContext): HTMLElement[] {
  const { t, shell } = ctx;
  return [
    h('h1', {}, t('receipt.finished')),
    h('p', {}, h('a', { href: `${pageUrl(shell.election, 'booth')}?lang=${shell.lang}` }, t('nav.booth'))),
  ];
}
