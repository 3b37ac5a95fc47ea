/**
 * Step 5, the Benaloh audit (SPEC §8.5): the audit data to copy or download, a link to the check page
 * with the data in the URL fragment (never sent to a server), and "Encrypt again".
 */
import { downloadLink, h } from '../dom.ts';
import { notice, pageUrl } from '../shell.ts';
import type { StateAt } from '../state.ts';
import { chosenList, origin, trackerView, type ViewContext } from './parts.ts';

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function auditView(s: StateAt<'audit'>, ctx: ViewContext): HTMLElement[] {
  const { t, dispatch, shell } = ctx;
  const json = JSON.stringify(s.audit, null, 1);
  const checkPath = pageUrl(shell.election, 'check');
  const fragment = `#audit=${base64url(JSON.stringify(s.audit))}`;
  const copied = h('span', { class: 'hint', role: 'status' });
  const copy = () => {
    const area = document.getElementById('audit-json') as HTMLTextAreaElement;
    const done = () => (copied.textContent = t('audit.copied'));
    // Without the clipboard API (http, old browsers) the text is selected for copying by hand.
    const byHand = () => {
      area.select();
      done();
    };
    if (navigator.clipboard) void navigator.clipboard.writeText(json).then(done, byHand);
    else byHand();
  };
  return [
    h('h1', {}, t('audit.heading')),
    notice('warn', h('p', {}, t('audit.intro'))),
    chosenList(s.session, s.audit.choices, ctx),
    trackerView(s.tracker, 'audit.tracker', 'audit-tracker', t),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'audit-json' }, t('audit.data')),
      h('textarea', { id: 'audit-json', readonly: true, rows: '6', class: 'code' }, json),
    ),
    h(
      'div',
      { class: 'actions' },
      downloadLink(`saylau-audit-${s.tracker}.json`, json, t('audit.download')),
      h(
        'button',
        { type: 'button', class: 'button secondary', id: 'audit-copy', onclick: copy },
        t('audit.copy'),
      ),
      copied,
      h(
        'a',
        {
          class: 'button secondary',
          id: 'audit-check-here',
          href: `${checkPath}?lang=${shell.lang}${fragment}`,
          target: '_blank',
          rel: 'noopener',
        },
        t('audit.checkHere'),
      ),
    ),
    h('p', {}, t('audit.checkOther'), ' ', h('code', { class: 'hash' }, `${origin()}${checkPath}`)),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'button primary',
          id: 'encrypt-again',
          onclick: () => dispatch({ type: 'encrypt' }),
        },
        t('audit.again'),
      ),
    ),
  ];
}
