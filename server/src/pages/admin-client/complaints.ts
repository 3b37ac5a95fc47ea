/**
 * The voters' complaints on the commission's page (SPEC §10.9.5, §10.15): the texts, fetched with the
 * session (the page holds no private data), and for each complaint without an answer a form that
 * publishes one.
 */
import { formatTime } from '@saylau/protocol/dates';
import { answerComplaint, complaints } from './api.ts';
import { act } from './act.ts';
import { el, makeButton } from './dom.ts';
import { explain } from './explain.ts';
import { election, find, lang, notice, reloadWith, S } from './page.ts';

type Complaint = Awaited<ReturnType<typeof complaints>>[number];

function answerForm(c: Complaint): HTMLFormElement {
  const id = `answer-${c.id}`;
  const decision = el(
    'select',
    { id: `${id}-decision`, required: true },
    el('option', { value: 'upheld', text: S['complaint.upheld'] }),
    el('option', { value: 'rejected', text: S['complaint.rejected'] }),
  );
  const text = el('textarea', { id: `${id}-text`, required: true, maxlength: 2000, rows: 3 });
  const submit = makeButton(`${id}-submit`, S['complaint.answer']);
  submit.type = 'submit';
  const form = el(
    'form',
    { id, class: 'complaint-answer', novalidate: true },
    el('label', { for: decision.id, text: S['complaint.decision'] }),
    decision,
    el('label', { for: text.id, text: S['complaint.answerText'] }),
    text,
    el('p', {}, submit),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const t = text.value.trim();
    if (t === '') {
      notice(S.required, 'error');
      text.focus();
      return;
    }
    void act(submit, async () => {
      await answerComplaint(election, c.id, decision.value as 'upheld' | 'rejected', t);
      reloadWith(S.done);
    });
  });
  return form;
}

function complaintCard(c: Complaint): HTMLElement {
  const about = S[`complaint.about.${c.about}` as 'complaint.about.other'];
  return el(
    'article',
    { class: 'card complaint', 'data-complaint': c.id },
    el('h3', { text: `${c.id} · ${about}` }),
    el('p', { class: 'muted', text: `${S['complaint.filedAt']}: ${formatTime(lang, c.filedAt)}` }),
    el('blockquote', { text: c.text }),
    c.answer
      ? el('p', {}, el('strong', { text: S[`complaint.${c.answer.decision}`] }), ` — ${c.answer.text}`)
      : answerForm(c),
  );
}

export function initComplaints(): void {
  const box = find('complaints-list');
  if (!box) return;
  complaints(election)
    .then((list) =>
      box.replaceChildren(
        ...(list.length === 0 ? [el('p', { text: S['complaint.none'] })] : list.map(complaintCard)),
      ),
    )
    .catch((e) => notice(explain(e), 'error'));
}
