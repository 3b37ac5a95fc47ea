/** The roll step (SPEC §10.3): import a file, read its report, accept or discard it; the accepted roll. */
import {
  acceptRoll,
  ApiError,
  discardRoll,
  importRoll,
  rejectedRowsCsv,
  roll,
  type ImportReport,
} from './api.ts';
import { act } from './act.ts';
import { el, makeButton, table } from './dom.ts';
import { explain } from './explain.ts';
import { watch } from './forms.ts';
import { $, election, find, input, notice, reloadWith, S, say } from './page.ts';
import { Code } from '@saylau/protocol/errors';

/** Every rejected row as the server's spreadsheet-safe CSV; fetched with the session, saved locally. */
function rejectedCsvButton(n: number): HTMLButtonElement {
  const csv = makeButton('roll-rejected-csv', S.rejectedCsv, 'secondary');
  csv.addEventListener('click', () =>
    act(csv, async () => {
      const text = await rejectedRowsCsv(election, n);
      const a = el('a', {
        href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })),
        download: `rejected-${n}.csv`,
        id: 'roll-rejected-download',
        class: 'button secondary',
        text: S.download,
      });
      csv.replaceWith(a);
      notice(S.done);
    }),
  );
  return csv;
}

function decisionButtons(n: number): HTMLElement {
  const accept = makeButton('roll-accept', S.accept);
  accept.addEventListener('click', () =>
    act(accept, async () => {
      const x = await acceptRoll(election, n);
      reloadWith(say(S.rollAccepted, { count: x.count }));
    }),
  );
  const discard = makeButton('roll-discard', S.discard, 'secondary');
  discard.addEventListener('click', () =>
    act(discard, async () => {
      await discardRoll(election, n);
      reloadWith(S.done);
    }),
  );
  return el('p', {}, accept, ' ', discard);
}

type Rejected = ImportReport['rejected'][number];

/** Why a row was rejected, in the page's language; the server's English only for a reason this page does not know. */
function rejectionText(x: Rejected): string {
  const v = x.values ?? {};
  const key =
    x.reason === 'format' && typeof v.hint === 'string' ? `why.format.${v.hint}` : `why.${x.reason}`;
  const text = S[key];
  if (text === undefined) return x.message;
  const field = typeof v.field === 'string' ? (S[`field.${v.field}`] ?? v.field) : '';
  return say(text, { ...v, field });
}

function rollReport(r: ImportReport): void {
  const box = $('roll-report');
  box.replaceChildren();
  box.append(
    el('p', { id: 'roll-summary' }, say(S.rollSummary, { valid: r.valid, rejected: r.rejectedCount })),
  );
  if (r.rejected.length)
    box.append(
      table(
        [S.line, S.iin, S.reason, S.message],
        r.rejected.map((x) =>
          el(
            'tr',
            {},
            el('td', { class: 'num', text: x.line }),
            el('td', { text: x.iin }),
            el('td', { text: S[`reason.${x.reason}`] ?? x.reason }),
            el('td', { text: rejectionText(x) }),
          ),
        ),
      ),
    );
  if (r.rejectedCount > 0) box.append(el('p', {}, rejectedCsvButton(r.import)));
  if (r.state === 'pending') box.append(decisionButtons(r.import));
}

/** The accepted roll with its salt (the commission's view); no roll yet shows nothing. */
async function loadRoll(box: HTMLElement): Promise<void> {
  try {
    const r = await roll(election);
    box.replaceChildren(
      el('p', { id: 'roll-accepted' }, say(S.rollAccepted, { count: r.count })),
      el('p', { class: 'muted' }, `${S.commitment}: `, el('span', { class: 'hash', text: r.commitment })),
      el('p', { class: 'muted' }, `${S.salt}: `, el('span', { class: 'hash', text: r.salt })),
    );
  } catch (e) {
    if (!(e instanceof ApiError && e.code === Code.NO_ROLL)) box.replaceChildren(explain(e));
  }
}

export function initRoll(): void {
  const box = find('roll-state');
  if (box) loadRoll(box);
  watch('roll-import', async () => {
    const r = await importRoll(election, input('roll-file').files![0]!);
    rollReport(r);
    notice(say(S.rollSummary, { valid: r.valid, rejected: r.rejectedCount }));
  });
}
