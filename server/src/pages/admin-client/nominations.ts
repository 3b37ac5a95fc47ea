/** The nominations table (SPEC §10.4): each pending one with its signature check, registration and refusal. */
import {
  ApiError,
  nominations,
  refuseNomination,
  registerCandidate,
  submitSignatures,
  type Nomination,
} from './api.ts';
import { act } from './act.ts';
import { el, makeButton, pick, table } from './dom.ts';
import { explain } from './explain.ts';
import { election, find, notice, S } from './page.ts';

function signatureCell(n: Nomination): HTMLElement {
  const sig = n.signatures;
  if (!sig || !sig.required) return el('td', { text: S.notRequired });
  return el(
    'td',
    {},
    el('span', { class: 'sig', text: `${sig.valid} / ${sig.threshold}` }),
    el('br'),
    el('progress', {
      max: Math.max(sig.threshold, 1),
      value: Math.min(sig.valid, sig.threshold),
      'aria-label': `${S.signatures} ${sig.valid} / ${sig.threshold}`,
    }),
  );
}

/** The table is drawn again after each action: the last signature report of each stays shown. */
const sigReports = new Map<number, HTMLElement[]>();

/** SPEC §10.4.4: count the signers' IINs against the threshold; the refused ones by position. */
function signatureCheck(nom: number): HTMLElement[] {
  const area = el('textarea', {
    id: `sig-${nom}`,
    rows: 3,
    'aria-label': S.signerIins,
    placeholder: S.signerIins,
  });
  const check = makeButton(`check-${nom}`, S.checkSignatures, 'secondary');
  const report = el('div', { id: `sig-report-${nom}`, 'aria-live': 'polite' });
  report.append(...(sigReports.get(nom) ?? []));
  const show = (head: string, invalid: readonly { index: number; reason: string }[]) => {
    sigReports.set(nom, [
      el('p', {}, head),
      ...(invalid.length
        ? [
            el(
              'ul',
              {},
              ...invalid.map((x) =>
                el('li', { text: `#${x.index + 1}: ${S[`sig.${x.reason}`] || x.reason}` }),
              ),
            ),
          ]
        : []),
    ]);
    report.replaceChildren(...sigReports.get(nom)!);
  };
  check.addEventListener('click', () =>
    act(check, async () => {
      const iins = area.value.split(/\s+/).filter(Boolean);
      try {
        const r = await submitSignatures(election, nom, iins);
        show(`${r.valid} / ${r.threshold}; ${S.invalidSignatures}: ${r.invalid.length}`, r.invalid);
      } catch (e) {
        // S3a: every entry refused, the stored list kept; the reasons are shown as for any list.
        if (e instanceof ApiError && e.code === 'NO_VALID_SIGNATURES') {
          const invalid = (e.details as { invalid?: { index: number; reason: string }[] })?.invalid ?? [];
          show(`${S.invalidSignatures}: ${invalid.length}`, invalid);
        }
        throw e;
      }
      notice(S.done);
      await loadNominations();
    }),
  );
  return [area, el('br'), check, report];
}

/** SPEC §10.4.5: register the candidate, or refuse with a reason (required: it goes on record). */
function decision(nom: number): HTMLElement[] {
  const register = makeButton(`register-${nom}`, S.register);
  register.addEventListener('click', () =>
    act(register, async () => {
      await registerCandidate(election, nom);
      notice(S.done);
      await loadNominations();
    }),
  );
  const reason = el('input', {
    type: 'text',
    id: `refuse-reason-${nom}`,
    maxlength: 500,
    'aria-label': S.refuseReason,
    placeholder: S.refuseReason,
  });
  const refuse = makeButton(`refuse-${nom}`, S.refuse, 'secondary');
  refuse.addEventListener('click', () => {
    if (!reason.value.trim()) {
      notice(`${S.refuseReason}: ${S.required}`, 'error');
      reason.focus();
      return;
    }
    act(refuse, async () => {
      await refuseNomination(election, nom, reason.value.trim());
      notice(S.done);
      await loadNominations();
    });
  });
  return [el('p', {}, register), el('p', {}, reason, ' ', refuse)];
}

function actions(n: Nomination): HTMLElement {
  const td = el('td');
  if (n.status === 'pending') td.append(...signatureCheck(n.nomination), ...decision(n.nomination));
  // A refusal's reason; a registered candidate's internal id means nothing to the commission.
  else td.textContent = n.reason || '';
  return td;
}

export async function loadNominations(): Promise<void> {
  const box = find('nominations');
  if (!box) return;
  try {
    const list = await nominations(election);
    box.replaceChildren(
      table(
        [S.nomination, S.candidate, S.route, S.state, S.signatures, S.actions],
        // Numbered 1, 2, … within this election; the server's own number stays in data-nomination.
        list.map((n, i) =>
          el(
            'tr',
            { 'data-nomination': n.nomination },
            el('td', { class: 'num', text: i + 1 }),
            el('td', { text: `${pick(n.candidate.surname)} ${pick(n.candidate.givenNames)}` }),
            el('td', { text: S[`route.${n.route.kind}`] || n.route.kind }),
            el('td', { class: 'nom-status', text: S[`nom.${n.status}`] || n.status }),
            signatureCell(n),
            actions(n),
          ),
        ),
      ),
    );
  } catch (e) {
    box.replaceChildren(explain(e));
  }
}
