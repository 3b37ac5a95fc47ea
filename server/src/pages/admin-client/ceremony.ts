/** The key ceremony step (SPEC §10.6): its phase and trustees; start, finish or start it again. */
import { ceremony, finishCeremony, resetCeremony, startCeremony } from './api.ts';
import { button } from './act.ts';
import { el, table } from './dom.ts';
import { explain } from './explain.ts';
import { int, val, watch } from './forms.ts';
import { election, find, notice, reloadAfter, reloadWith, S } from './page.ts';

async function loadCeremony(box: HTMLElement): Promise<void> {
  const c = await ceremony(election);
  box.replaceChildren(
    el('p', {}, `${S[`phase.${c.phase}`]}${c.ceremony ? ` · t = ${c.ceremony.t}, n = ${c.ceremony.n}` : ''}`),
    table(
      ['#', S.trustee, S.dealt],
      c.trustees.map((x) =>
        el(
          'tr',
          {},
          el('td', { class: 'num', text: x.index }),
          el('td', { text: x.name }),
          el('td', { text: x.dealt ? S.yes : S.no }),
        ),
      ),
    ),
    ...(c.complaints.length
      ? [
          el(
            'p',
            {},
            `${S.complaints}: ${c.complaints.map((x) => `${x.dealer}→${x.recipient} ${x.status}`).join(', ')}`,
          ),
        ]
      : []),
    ...(c.ceremony
      ? [
          el(
            'p',
            { class: 'muted' },
            `${S.fingerprint}: `,
            el('span', { class: 'hash', text: c.ceremony.fingerprint }),
          ),
        ]
      : []),
  );
}

export function initCeremony(): void {
  const box = find('ceremony-state');
  if (box) loadCeremony(box).catch((e) => notice(explain(e), 'error'));
  watch('ceremony-start', () => reloadAfter(startCeremony(election, int('ceremony-t'))));
  button('ceremony-finish', () => reloadAfter(finishCeremony(election)));
  // SPEC §10.6.7: abandon this round; the reason goes on the board, so ask once more.
  watch('ceremony-reset', async () => {
    if (!window.confirm(S.confirmReset)) return;
    const r = await resetCeremony(election, val('reset-reason'));
    reloadWith(`${S.done} · ${S.round}: ${r.round}`);
  });
}
