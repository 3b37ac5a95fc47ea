/**
 * The "My record" panel (SPEC §10.14, §10.9.4–§10.9.5): opened from the step after sign-in or from
 * the receipt, drawn over the voting steps and closed back to them. It signs in for itself when the
 * booth holds no codes (the receipt step keeps none), checks the record against the board and files
 * complaints with the same token. Nothing of it is stored.
 */
import { checkMyRecord, fileComplaint, login, type PublicElection } from '../index.ts';
import { failureOf } from './failure.ts';
import { keptReceipt } from './history.ts';
import { mount, pageTop, type Shell } from './shell.ts';
import type { ViewContext } from './views/parts.ts';
import { recordView, type RecordActions, type RecordView } from './views/record.ts';
import type { ComplaintSubject } from '../record.ts';

export interface RecordPanel {
  election: PublicElection;
  /** A voter token from the codes the booth holds, or null: the panel asks for them. */
  token: (() => Promise<string>) | null;
  close: () => void;
}

export function openRecordPanel(shell: Shell, ctx: ViewContext, p: RecordPanel): void {
  const base = location.origin;
  const id = shell.election;
  const mine = keptReceipt(id)?.tracker ?? null;
  let token = '';
  let v: RecordView = p.token
    ? { kind: 'checking' }
    : { kind: 'signin', iin: '', code: '', busy: false, problem: null };
  const problem = (e: unknown) => ({ code: failureOf(e).code });

  const draw = (focus: 'heading' | 'keep') =>
    mount(shell, {
      header: pageTop(shell, p.election, () => draw('keep'), true),
      main: recordView(v, p.election, ctx, act),
      focus,
    });

  async function check(t: string): Promise<void> {
    token = t;
    v = { kind: 'checking' };
    draw('heading');
    try {
      const checked = await checkMyRecord(base, id, t);
      const other = checked.record.latest !== null && mine !== null && checked.record.latest.tracker !== mine;
      const about: ComplaintSubject = other ? 'credential' : 'other';
      v = { kind: 'shown', checked, mine, about, text: '', busy: false, problem: null, filed: null };
    } catch (e) {
      v = { kind: 'failed', problem: problem(e) };
    }
    draw('heading');
  }

  const act: RecordActions = {
    back: () => p.close(),
    edit(field, value) {
      if (v.kind === 'signin' && (field === 'iin' || field === 'code')) v = { ...v, [field]: value };
      else if (v.kind === 'shown' && field === 'text') v = { ...v, text: value };
      else if (v.kind === 'shown' && field === 'about') v = { ...v, about: value as ComplaintSubject };
    },
    async signIn() {
      if (v.kind !== 'signin' || v.busy) return;
      const { iin, code } = v;
      v = { ...v, busy: true, problem: null };
      draw('keep');
      try {
        await check((await login(base, id, iin.replace(/\s/g, ''), code)).token);
      } catch (e) {
        if (v.kind === 'signin') v = { ...v, busy: false, problem: problem(e) };
        draw('keep');
      }
    },
    async file() {
      if (v.kind !== 'shown' || v.busy) return;
      const text = v.text.trim();
      if (text === '') {
        document.getElementById('complaint-text')?.focus();
        return;
      }
      v = { ...v, busy: true, problem: null };
      draw('keep');
      try {
        const filed = await fileComplaint(base, id, token, v.about, text);
        if (v.kind === 'shown') v = { ...v, busy: false, filed, text };
        draw('heading');
      } catch (e) {
        if (v.kind === 'shown') v = { ...v, busy: false, problem: problem(e) };
        draw('keep');
      }
    },
  };

  draw('heading');
  if (p.token)
    p.token().then(check, (e: unknown) => {
      v = { kind: 'failed', problem: problem(e) };
      draw('heading');
    });
}
