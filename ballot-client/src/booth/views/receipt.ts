/** Step 6, the signed receipt (SPEC §7.4): the tracker, its place on the board, the signature's check. */
import { downloadLink, h } from '../dom.ts';
import { qrSvg } from '../qr.ts';
import { notice, pageUrl } from '../shell.ts';
import type { StateAt } from '../state.ts';
import { origin, recordButton, trackerView, type ViewContext } from './parts.ts';

export function receiptView(s: StateAt<'receipt'>, ctx: ViewContext): HTMLElement[] {
  const { t, dispatch, shell } = ctx;
  const r = s.receipt;
  const { tracker, seq } = r.signed.receipt;
  const find = `${pageUrl(shell.election, 'find')}?tracker=${encodeURIComponent(tracker)}`;
  return [
    h('h1', {}, t('receipt.heading')),
    trackerView(tracker, 'receipt.tracker', 'receipt-tracker', t),
    h('p', { id: 'receipt-seq' }, t('receipt.seq', { seq })),
    r.valid && r.matches
      ? notice('ok', h('p', {}, t('receipt.signed')))
      : notice('warn', h('p', {}, t(r.matches ? 'receipt.badSignature' : 'err.RECEIPT_MISMATCH'))),
    h('div', { class: 'qr-box' }, qrSvg(`${origin()}${find}`, t('receipt.qr'))),
    h(
      'div',
      { class: 'actions' },
      downloadLink(
        `saylau-receipt-${tracker}.json`,
        JSON.stringify(r.signed, null, 1),
        t('receipt.download'),
      ),
      h(
        'a',
        { class: 'button secondary', id: 'receipt-find', href: `${find}&lang=${shell.lang}` },
        t('receipt.find'),
      ),
    ),
    h('p', {}, t('receipt.keep')),
    h(
      'section',
      { class: 'revote', 'aria-labelledby': 'revote-title' },
      h('h2', { id: 'revote-title' }, t('receipt.revoteTitle')),
      h('p', {}, t('receipt.revote')),
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'button secondary',
          id: 'finish',
          onclick: () => dispatch({ type: 'finish' }),
        },
        t('receipt.finish'),
      ),
      recordButton(ctx),
    ),
  ];
}
