/**
 * Step 5 after a cast without an answer (SPEC §10.9.2): the board is asked by tracker; the ballot is
 * sent again only once the board says it does not have it.
 */
import { h } from '../dom.ts';
import { notice } from '../shell.ts';
import type { StateAt } from '../state.ts';
import { trackerView, type ViewContext } from './parts.ts';

export function networkView(s: StateAt<'network'>, ctx: ViewContext): HTMLElement[] {
  const { t, dispatch } = ctx;
  const out = [
    h('h1', {}, t('net.heading')),
    h('p', {}, t('net.lost')),
    trackerView(s.built.tracker, 'cast.tracker', 'tracker', t),
  ];
  const button = (id: string, label: 'net.check' | 'net.send', type: 'checkBoard' | 'cast') =>
    h('button', { type: 'button', class: 'button primary', id, onclick: () => dispatch({ type }) }, t(label));
  switch (s.net) {
    case 'checking':
      out.push(h('p', { role: 'status' }, t('net.checking')));
      break;
    case 'offline':
      out.push(notice('error', h('p', {}, t('net.offline'))), button('net-check', 'net.check', 'checkBoard'));
      break;
    case 'notArrived':
      out.push(notice('info', h('p', {}, t('net.notArrived'))), button('net-send', 'net.send', 'cast'));
      break;
    case 'arrived':
      out.push(notice('ok', h('p', {}, t('net.arrived'))));
      break;
  }
  return out;
}
