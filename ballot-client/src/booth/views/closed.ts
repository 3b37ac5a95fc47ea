/** Voting is not open: not yet, or over. The hours, and the way to find a ballot already cast. */
import { h } from '../dom.ts';
import { notice, pageUrl, votingHours } from '../shell.ts';
import type { StateAt } from '../state.ts';
import type { ViewContext } from './parts.ts';

export function closedView(s: StateAt<'closed'>, ctx: ViewContext): HTMLElement[] {
  const { t, shell } = ctx;
  const over = s.election.status === 'closed' || s.election.status === 'finished';
  return [
    h('h1', {}, t('closed.heading')),
    notice('info', h('p', {}, t(over ? 'closed.over' : 'closed.notYet'))),
    h('p', {}, `${t('common.hours')}: ${votingHours(shell, s.election)}`),
    h('p', {}, h('a', { href: `${pageUrl(shell.election, 'find')}?lang=${shell.lang}` }, t('nav.find'))),
  ];
}
