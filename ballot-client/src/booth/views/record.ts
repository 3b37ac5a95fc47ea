/**
 * My record (SPEC §10.14 "My record", §10.9.4): each line as the page checked it against the board,
 * and the complaint form (§10.9.5). Drawn by record-panel.ts, outside the voting steps.
 */
import type { PublicElection } from '../../index.ts';
import type { CheckedRecord, ComplaintFiledJson, ComplaintSubject } from '../../record.ts';
import type { MessageKey } from '../catalog.ts';
import { downloadLink, h } from '../dom.ts';
import { notice, submitButton } from '../shell.ts';
import type { Problem } from '../state.ts';
import { present, problemBox, signinFields, type ViewContext } from './parts.ts';

export const SUBJECTS: readonly ComplaintSubject[] = ['signature', 'roll', 'credential', 'ballot', 'other'];

export type RecordView =
  | { kind: 'signin'; iin: string; code: string; busy: boolean; problem: Problem | null }
  | { kind: 'checking' }
  | { kind: 'failed'; problem: Problem }
  | {
      kind: 'shown';
      checked: CheckedRecord;
      /** The tracker on the receipt this tab kept, if any (SPEC §10.14, "History and reload"). */
      mine: string | null;
      about: ComplaintSubject;
      text: string;
      busy: boolean;
      problem: Problem | null;
      filed: ComplaintFiledJson | null;
    };

export interface RecordActions {
  signIn: () => void;
  file: () => void;
  back: () => void;
  /** The form's fields as typed, kept so that a redraw shows them again. */
  edit: (field: 'iin' | 'code' | 'about' | 'text', value: string) => void;
}

function line(id: string, label: string, value: HTMLElement | string, state: 'ok' | 'warn'): HTMLElement {
  return h(
    'div',
    { class: `record-line ${state}`, id, 'data-state': state },
    h('dt', {}, label),
    h('dd', {}, value),
  );
}

/** The candidates' names in the voter's language, from the fixed ballot the booth already has. */
function candidateNames(e: PublicElection, ids: readonly string[], lang: string): string[] {
  const options = (e.contests ?? []).flatMap((c) => c.options);
  return ids.map((id) => options.find((o) => o.id === id)?.names[lang] ?? id);
}

function recordLines(v: Extract<RecordView, { kind: 'shown' }>, e: PublicElection, ctx: ViewContext) {
  const { t } = ctx;
  const r = v.checked.record;
  const rollKey: Record<CheckedRecord['roll'], MessageKey> = {
    checked: 'record.rollChecked',
    absent: 'record.rollAbsent',
    failed: 'record.rollFailed',
  };
  const names = candidateNames(e, r.signedFor, ctx.shell.lang);
  const latest = r.latest;
  const other = latest !== null && v.mine !== null && latest.tracker !== v.mine;
  const latestText =
    latest === null
      ? t('record.latestNone')
      : t(v.mine === latest.tracker ? 'record.latestSame' : 'record.latestShown', {
          seq: latest.seq,
          tracker: latest.tracker,
        });
  return [
    h(
      'dl',
      { class: 'record' },
      line(
        'record-roll',
        t('record.roll'),
        t(rollKey[v.checked.roll]),
        v.checked.roll === 'checked' ? 'ok' : 'warn',
      ),
      line(
        'record-signed',
        t('record.signed'),
        names.length ? names.join(', ') : t('record.signedNone'),
        'ok',
      ),
      line(
        'record-credential',
        t('record.credential'),
        t(r.credential.issued ? 'record.credentialIssued' : 'record.credentialNone'),
        r.credential.issued ? 'ok' : 'warn',
      ),
      line('record-latest', t('record.latest'), latestText, other ? 'warn' : 'ok'),
    ),
    other
      ? notice(
          'warn',
          h(
            'p',
            { id: 'record-other' },
            t('record.latestOther', { seq: latest.seq, tracker: latest.tracker, mine: v.mine ?? '' }),
          ),
        )
      : null,
  ];
}

function complaintForm(v: Extract<RecordView, { kind: 'shown' }>, ctx: ViewContext, act: RecordActions) {
  const { t } = ctx;
  if (v.filed)
    return notice(
      'ok',
      h('p', { id: 'complaint-filed' }, t('complaint.filed', { id: v.filed.id, seq: v.filed.seq })),
      h(
        'p',
        {},
        `${t('complaint.nonce')}: `,
        h('code', { id: 'complaint-nonce', class: 'hash' }, v.filed.nonce),
      ),
      downloadLink(
        `saylau-complaint-${v.filed.id}.json`,
        JSON.stringify({ ...v.filed, text: v.text }, null, 1),
        t('complaint.download'),
      ),
    );
  const select = h(
    'select',
    {
      id: 'complaint-about',
      onchange: (e: Event) => act.edit('about', (e.target as HTMLSelectElement).value),
    },
    ...SUBJECTS.map((s) =>
      h('option', { value: s, selected: s === v.about }, t(`complaint.about.${s}` as MessageKey)),
    ),
  );
  const text = h('textarea', {
    id: 'complaint-text',
    maxlength: '2000',
    rows: '5',
    'aria-describedby': 'complaint-text-hint',
    oninput: (e: Event) => act.edit('text', (e.target as HTMLTextAreaElement).value),
  });
  text.value = v.text;
  return h(
    'section',
    { class: 'complaint', 'aria-labelledby': 'complaint-title' },
    h('h2', { id: 'complaint-title' }, t('complaint.heading')),
    h('p', {}, t('complaint.intro')),
    problemBox(v.problem, null, ctx),
    h(
      'form',
      { novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), act.file()) },
      h('div', { class: 'field' }, h('label', { for: 'complaint-about' }, t('complaint.about')), select),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'complaint-text' }, t('complaint.text')),
        h('p', { id: 'complaint-text-hint', class: 'hint' }, t('complaint.textHint')),
        text,
      ),
      submitButton('complaint-submit', t('complaint.submit'), v.busy),
    ),
  );
}

export function recordView(
  v: RecordView,
  e: PublicElection,
  ctx: ViewContext,
  act: RecordActions,
): HTMLElement[] {
  const { t } = ctx;
  const back = h(
    'div',
    { class: 'actions' },
    h(
      'button',
      { type: 'button', class: 'button secondary', id: 'record-back', onclick: act.back },
      t('record.back'),
    ),
  );
  const head = [h('h1', {}, t('record.heading')), h('p', {}, t('record.intro'))];
  switch (v.kind) {
    case 'signin':
      return present([
        ...head,
        problemBox(v.problem, e, ctx),
        h('p', {}, t('record.signinIntro')),
        h(
          'form',
          { novalidate: true, onsubmit: (ev: Event) => (ev.preventDefault(), act.signIn()) },
          ...signinFields(ctx, null, {
            prefix: 'record-',
            iin: v.iin,
            code: v.code,
            onInput: (field, x) => act.edit(field === 'iin' ? 'iin' : 'code', x),
          }),
          submitButton('record-signin', t('record.signin'), v.busy),
        ),
        back,
      ]);
    case 'checking':
      return [...head, h('p', { role: 'status' }, t('record.checking')), back];
    case 'failed':
      return present([...head, problemBox(v.problem, e, ctx), back]);
    case 'shown':
      return present([...head, ...present(recordLines(v, e, ctx)), complaintForm(v, ctx, act), back]);
  }
}
