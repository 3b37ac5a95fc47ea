/**
 * The report of verifyBoard as a page (SPEC §11.5): what `saylau-verify` prints (../../render.ts),
 * in the verifier's own words (its catalog: check titles, statuses, failures, receipts, result,
 * verdicts) — the verdict first, then the receipts, the verified result and every check with its
 * failures, each naming its board entry. A status is shown by its catalog key `cli.<status>` and
 * styled by class `status-<status>`; one the stylesheet does not know is shown neutrally.
 */
import type { Lang } from '@saylau/protocol/lang';
import { fillParts, resolvePlurals, type Params } from '@saylau/protocol/catalog';
import { CATALOGS, message, type MessageKey } from '../../catalog.ts';
import type { ReceiptStatus } from '../../checkpoints.ts';
import type { CheckResult, Failure } from '../../report.ts';
import type { VerifiedResult } from '../../summary.ts';
import { outcomeText } from '../../render.ts';
import type { Report } from '../../verify.ts';
import { pageText, type PageKey } from '../catalog.ts';
import { h, withCode } from './dom.ts';

/**
 * A check's title key, as report.ts's `titleKey`: importing report.ts would bring @saylau/crypto into
 * the page's script, which needs none of it (its worker has it).
 */
const titleKey = (id: string): MessageKey => `check.${id}` as MessageKey;

/** Failures shown per check before the rest is folded away (all of them are in the page). */
const SHOWN = 10;

/** Notes whose catalog text names a command-line option: the page says it in its own words. */
const PAGE_NOTES: Partial<Record<MessageKey, PageKey>> = {
  noteNoSince: 'note.noSince',
  noteNoCheckpoint: 'note.noCheckpoint',
};

export interface ReportView {
  report: Report;
  /** Why the input is unusable (exit 2), as a key of the verifier's catalog. */
  unusable: { key: MessageKey; params: Params } | null;
  /** The seq of the server's signed head fetched with the board, if one was. */
  head: number | null;
  seconds: number;
}

/** A board field, entry type or other name from the board: shown as code, the same in every language. */
const IDENTIFIER = /^[A-Za-z][\w.-]*$/;

/** A message with each identifier it names as `<code translate="no">` (its text is the CLI's). */
function messageParts(lang: Lang, key: MessageKey, params: Params = {}): (string | HTMLElement)[] {
  const text = resolvePlurals(CATALOGS[lang][key] ?? CATALOGS.en[key], lang, params);
  const values = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string' && IDENTIFIER.test(v) ? h('code', { translate: 'no' }, v) : String(v),
    ]),
  );
  return fillParts<string | HTMLElement>(text, values);
}

function failureParts(lang: Lang, f: Failure): (string | HTMLElement)[] {
  const text = f.key ? messageParts(lang, f.key, f.params) : [f.message];
  return f.seq === null ? text : [`${message(lang, 'cli.entry', { seq: f.seq })}: `, ...text];
}

function noteText(lang: Lang, c: CheckResult): string | null {
  if (!c.noteKey) return null;
  const own = PAGE_NOTES[c.noteKey];
  return own ? pageText(lang, own) : message(lang, c.noteKey, c.noteParams);
}

function failureItem(lang: Lang, f: Failure): HTMLLIElement {
  return h('li', { 'data-seq': f.seq ?? 'none' }, failureParts(lang, f));
}

function checkItem(lang: Lang, c: CheckResult): HTMLLIElement {
  const note = noteText(lang, c);
  const shown = c.failures.slice(0, SHOWN);
  const rest = c.failures.slice(SHOWN);
  return h(
    'li',
    { class: `check status-${c.status}`, 'data-check': c.id, 'data-status': c.status },
    h(
      'p',
      { class: 'check-line' },
      h('span', { class: 'status' }, message(lang, `cli.${c.status}`)),
      ' ',
      h('span', { class: 'check-id' }, c.id),
      ' ',
      message(lang, titleKey(c.id)),
    ),
    note ? h('p', { class: 'note' }, note) : null,
    shown.length > 0
      ? h(
          'ul',
          { class: 'failures' },
          shown.map((f) => failureItem(lang, f)),
        )
      : null,
    rest.length > 0
      ? h(
          'details',
          {},
          h('summary', {}, message(lang, 'cli.more', { count: rest.length })),
          h(
            'ul',
            { class: 'failures' },
            rest.map((f) => failureItem(lang, f)),
          ),
        )
      : null,
  );
}

/** One decimal, with the decimal comma in Kazakh and Russian. */
export function decimal(lang: Lang, x: number): string {
  const s = x.toFixed(1);
  return lang === 'en' ? s : s.replace('.', ',');
}

/** A share in per cent. */
function percent(lang: Lang, part: number, total: number): string {
  return `${decimal(lang, total === 0 ? 0 : (100 * part) / total)} %`;
}

function resultSection(lang: Lang, r: VerifiedResult): HTMLElement {
  const t = (key: PageKey) => pageText(lang, key);
  return h(
    'section',
    { id: 'result', 'aria-labelledby': 'result-heading' },
    h('h3', { id: 'result-heading' }, t('report.result')),
    h(
      'p',
      {},
      message(lang, 'cli.result', {
        counted: r.counted,
        ballots: r.ballots,
        revotes: r.revotes,
        roll: r.roll,
      }),
    ),
    r.contests.map((c) => {
      const total = c.options.reduce((a, o) => a + o.count, 0);
      const nameOf = (id: string) => c.options.find((o) => o.id === id)?.names[lang] ?? id;
      return h(
        'div',
        { class: 'contest', 'data-contest': c.id },
        h(
          'table',
          {},
          h('caption', {}, c.id === 'akim' ? pageText(lang, 'report.akim') : c.id),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('report.option')),
              h('th', { scope: 'col', class: 'num' }, t('report.votes')),
              h('th', { scope: 'col', class: 'num' }, t('report.share')),
            ),
          ),
          h(
            'tbody',
            {},
            c.options.map((o) =>
              h(
                'tr',
                { 'data-option': o.id },
                h('th', { scope: 'row' }, o.names[lang]),
                h('td', { class: 'num' }, o.count),
                h('td', { class: 'num' }, percent(lang, o.count, total)),
              ),
            ),
          ),
        ),
        h('p', { class: 'outcome' }, `→ ${outcomeText(lang, c.outcome, nameOf)}`),
      );
    }),
  );
}

function receiptItem(lang: Lang, x: ReceiptStatus): HTMLLIElement {
  const p = { what: x.what, tracker: x.tracker, seq: x.seq };
  const text =
    x.status === 'counted'
      ? [message(lang, 'cli.receiptCounted', p)]
      : x.status === 'missing'
        ? [message(lang, 'cli.receiptMissing', p)]
        : [
            message(lang, 'cli.receiptSuperseded', {
              ...p,
              by: x.countedBy?.seq ?? '?',
              byTracker: x.countedBy?.tracker ?? '?',
            }),
            message(lang, 'cli.receiptSupersededHint'),
          ];
  return h(
    'li',
    { class: `receipt receipt-${x.status}`, 'data-status': x.status, 'data-seq': x.seq },
    text.map((s) => h('p', {}, s)),
  );
}

function verdictText(lang: Lang, v: ReportView): string {
  const r = v.report;
  if (r.exitCode === 2)
    return message(lang, 'cli.verdict2', {
      error: v.unusable ? message(lang, v.unusable.key, v.unusable.params) : (r.error ?? ''),
    });
  if (r.exitCode === 0) return message(lang, 'cli.verdict0');
  if (r.exitCode === 1) return message(lang, 'cli.verdict1', { count: r.failures.length });
  const pending = r.checks
    .filter((c) => c.status === 'pending')
    .map((c) => `${c.id} (${noteText(lang, c) ?? ''})`)
    .join('; ');
  return message(lang, 'cli.verdict3', { pending });
}

/** The whole report, in `lang`. */
export function reportView(lang: Lang, v: ReportView): HTMLElement {
  const r = v.report;
  const t = (key: PageKey, params?: Params) => pageText(lang, key, params);
  const worried = r.receipts.some((x) => x.status !== 'counted');
  return h(
    'section',
    { id: 'report', 'aria-labelledby': 'report-heading', 'data-exit-code': r.exitCode },
    h('h2', { id: 'report-heading', tabindex: -1 }, t('report.heading')),
    h('p', { id: 'verdict', class: `verdict verdict-${r.exitCode}`, role: 'status' }, verdictText(lang, v)),
    r.receipts.length > 0
      ? h(
          'section',
          { id: 'receipts', 'aria-labelledby': 'receipts-heading', role: worried ? 'alert' : null },
          h('h3', { id: 'receipts-heading' }, t('report.receipts')),
          h(
            'ul',
            {},
            r.receipts.map((x) => receiptItem(lang, x)),
          ),
        )
      : null,
    r.openComplaints.length > 0
      ? h(
          'p',
          { id: 'open-complaints' },
          message(lang, 'cli.openComplaints', { ids: r.openComplaints.join(', ') }),
        )
      : null,
    r.exitCode === 2
      ? null
      : [
          h('p', { id: 'summary' }, message(lang, 'cli.title', { election: r.election ?? '?' })),
          h('p', {}, message(lang, 'cli.board', { entries: r.entries, ballots: r.ballots })),
          v.head === null ? null : h('p', {}, t('report.head', { seq: v.head })),
          r.booth
            ? h('p', { class: 'hash' }, withCode(message(lang, 'cli.booth', { sha256: r.booth })))
            : null,
        ],
    h('p', { id: 'elapsed', class: 'muted' }, t('done', { seconds: decimal(lang, v.seconds) })),
    r.result ? resultSection(lang, r.result) : null,
    r.checks.length > 0
      ? h(
          'section',
          { id: 'checks', 'aria-labelledby': 'checks-heading' },
          h('h3', { id: 'checks-heading' }, t('report.checks')),
          h(
            'ol',
            { class: 'checks' },
            r.checks.map((c) => checkItem(lang, c)),
          ),
        )
      : null,
  );
}
