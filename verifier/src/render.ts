/**
 * The human report of `saylau-verify` (SPEC §11): every numbered check with its status, each
 * failure naming its entry, then one verdict line matching the exit code.
 */
import type { Lang } from '@saylau/protocol/lang';
import { message } from './catalog.ts';
import type { CheckResult, Failure } from './report.ts';
import { titleKey } from './report.ts';
import type { VerifiedResult } from './summary.ts';
import type { Report } from './verify.ts';

/** Failures listed per check before "… and N more" (the JSON report has them all). */
const SHOWN = 10;

function failureText(lang: Lang, f: Failure): string {
  const text = f.key ? message(lang, f.key, f.params) : f.message;
  return f.seq === null ? text : `${message(lang, 'cli.entry', { seq: f.seq })}: ${text}`;
}

function checkLines(lang: Lang, c: CheckResult): string[] {
  const status = message(lang, `cli.${c.status}`);
  const lines = [`[${status}] ${c.id.padEnd(4)} ${message(lang, titleKey(c.id))}`];
  if (c.noteKey) lines.push(`       (${message(lang, c.noteKey, c.noteParams)})`);
  for (const f of c.failures.slice(0, SHOWN)) lines.push(`       - ${failureText(lang, f)}`);
  if (c.failures.length > SHOWN)
    lines.push(`       ${message(lang, 'cli.more', { count: c.failures.length - SHOWN })}`);
  return lines;
}

/** A contest's outcome in words (the command's report and the verifier page). */
export function outcomeText(
  lang: Lang,
  outcome: Record<string, unknown>,
  nameOf: (id: string) => string,
): string {
  switch (outcome.kind) {
    case 'elected':
      return message(lang, outcome.lot ? 'cli.electedByLot' : 'cli.elected', {
        name: nameOf(String(outcome.winner)),
      });
    case 'repeat':
      return message(
        lang,
        outcome.reason === 'tie'
          ? 'cli.repeatTie'
          : outcome.reason === 'against-all'
            ? 'cli.repeatAgainstAll'
            : 'cli.repeatNoVotes',
      );
    case 'adopted':
      return message(lang, 'cli.adopted');
    case 'invalid':
      return message(lang, 'cli.invalidTurnout');
    default:
      return message(lang, 'cli.rejected');
  }
}

function resultLines(lang: Lang, r: VerifiedResult): string[] {
  const lines = [
    message(lang, 'cli.result', { counted: r.counted, ballots: r.ballots, revotes: r.revotes, roll: r.roll }),
  ];
  for (const c of r.contests) {
    const total = c.options.reduce((a, o) => a + o.count, 0);
    const width = Math.max(...c.options.map((o) => o.names[lang].length));
    lines.push(`  ${c.id}:`);
    for (const o of c.options) {
      const pct = total === 0 ? 0 : (100 * o.count) / total;
      lines.push(
        `    ${o.names[lang].padEnd(width)}  ${String(o.count).padStart(7)}  ${pct.toFixed(1).padStart(5)}%`,
      );
    }
    const nameOf = (id: string) => c.options.find((o) => o.id === id)?.names[lang] ?? id;
    lines.push(`    → ${outcomeText(lang, c.outcome, nameOf)}`);
  }
  return lines;
}

/** One line per receipt: counted, or loudly, replaced by a later ballot of its credential. */
function receiptLines(lang: Lang, r: Report): string[] {
  return r.receipts.flatMap((x) => {
    const p = { what: x.what, tracker: x.tracker, seq: x.seq };
    if (x.status === 'counted') return [message(lang, 'cli.receiptCounted', p)];
    if (x.status === 'missing') return [message(lang, 'cli.receiptMissing', p)];
    return [
      message(lang, 'cli.receiptSuperseded', { ...p, by: x.countedBy!.seq, byTracker: x.countedBy!.tracker }),
      message(lang, 'cli.receiptSupersededHint'),
    ];
  });
}

export function renderReport(r: Report, lang: Lang): string {
  if (r.exitCode === 2) return message(lang, 'cli.verdict2', { error: r.error ?? '' }) + '\n';
  const receipts = receiptLines(lang, r);
  const lines = [
    message(lang, 'cli.title', { election: r.election ?? '?' }),
    message(lang, 'cli.board', { entries: r.entries, ballots: r.ballots }),
    '',
    ...(receipts.length > 0 ? [...receipts, ''] : []),
    ...r.checks.flatMap((c) => checkLines(lang, c)),
    '',
  ];
  if (r.booth) lines.push(message(lang, 'cli.booth', { sha256: r.booth }), '');
  if (r.result) lines.push(...resultLines(lang, r.result), '');
  if (r.openComplaints.length > 0)
    lines.push(message(lang, 'cli.openComplaints', { ids: r.openComplaints.join(', ') }), '');
  const pending = r.checks
    .filter((c) => c.status === 'pending')
    .map((c) => `${c.id} (${c.noteKey ? message(lang, c.noteKey, c.noteParams) : ''})`)
    .join('; ');
  const verdict =
    r.exitCode === 0
      ? message(lang, 'cli.verdict0')
      : r.exitCode === 1
        ? message(lang, 'cli.verdict1', { count: r.failures.length })
        : message(lang, 'cli.verdict3', { pending });
  lines.push(verdict);
  // Repeated under the verdict: a voter reads the last lines first.
  if (r.receipts.some((x) => x.status !== 'counted')) lines.push(...receipts);
  return lines.join('\n') + '\n';
}
