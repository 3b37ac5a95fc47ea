/** The nomination form (SPEC §10.4.1): its route's fields, the minutes' rules, and sending it. */
import { nominate, type NominationRequest } from './api.ts';
import type { Field } from './fields.ts';
import { formRules, int, names, val, watch } from './forms.ts';
import { loadNominations } from './nominations.ts';
import { election, find, input, notice, S } from './page.ts';

/** The document of the route chosen, from its fields. */
function route(kind: string): NominationRequest['route'] {
  const r: NominationRequest['route'] = { kind };
  if (kind === 'public-association' || kind === 'party') r.name = names('nom-org');
  // §10.4.3 N5a: the party's decision and its attestation of membership, when entered.
  if (
    kind === 'party' &&
    (val('nom-party-decision') || val('nom-party-date') || input('nom-party-member').checked)
  )
    r.membership = {
      decision: val('nom-party-decision'),
      date: val('nom-party-date'),
      member: input('nom-party-member').checked,
    };
  if (kind === 'public-association') {
    r.registrationNumber = val('nom-regnum');
    r.level = val('nom-level');
  }
  if (kind === 'citizen-assembly')
    Object.assign(r, {
      date: val('nom-date'),
      place: names('nom-place'),
      attendance: int('nom-attendance'),
      quorum: int('nom-quorum'),
      votesFor: int('nom-votes'),
      chairIin: val('nom-chair'),
    });
  return r;
}

function request(kind: string): NominationRequest {
  const candidate: NominationRequest['candidate'] = {
    iin: val('nom-iin'),
    surname: names('nom-surname'),
    givenNames: names('nom-given'),
  };
  if (val('nom-education')) candidate.education = val('nom-education');
  return {
    route: route(kind),
    candidate,
    attestations: {
      citizen: input('nom-citizen').checked,
      capacity: input('nom-capacity').checked,
      noUnexpungedConviction: input('nom-conviction').checked,
    },
    submittedBy: { iin: val('nom-sub-iin'), fullName: val('nom-sub-name'), position: val('nom-position') },
  };
}

/** SPEC §10.4.3: an assembly's quorum and majority; a self-nomination is submitted by the candidate. */
function rules(kind: string): [Field, string][] {
  const out: [Field, string][] = [];
  if (kind === 'citizen-assembly') {
    if (val('nom-attendance') && val('nom-quorum') && int('nom-attendance') < int('nom-quorum'))
      out.push([input('nom-attendance'), 'quorum']);
    if (val('nom-votes') && val('nom-attendance') && 2 * int('nom-votes') <= int('nom-attendance'))
      out.push([input('nom-votes'), 'majority']);
  }
  if (kind === 'self' && val('nom-sub-iin') && val('nom-sub-iin') !== val('nom-iin'))
    out.push([input('nom-sub-iin'), 'err.BAD_SUBMITTER']);
  return out;
}

/** The form's route select decides which fields are shown (and so checked and sent). */
function wire(select: HTMLSelectElement): void {
  const showRoute = () => {
    for (const box of Array.from(document.querySelectorAll<HTMLElement>('#nominate [data-route]')))
      box.hidden = !(box.dataset.route ?? '').split(' ').includes(select.value);
    if (select.value === 'self') input('nom-position').value = 'candidate';
  };
  select.addEventListener('change', showRoute);
  showRoute();
  formRules.set('nominate', () => rules(select.value));
  watch('nominate', async (form) => {
    const n = await nominate(election, request(select.value));
    form.reset();
    for (const i of Array.from(form.querySelectorAll<HTMLElement>('[data-touched]')))
      delete i.dataset.touched;
    showRoute();
    notice(`${S.done} № ${n.nomination}`);
    await loadNominations();
  });
}

/** The form exists while nominations are open; the table in more statuses. */
export function initNominate(): void {
  const select = find('nom-route') as HTMLSelectElement | null;
  if (select) wire(select);
  loadNominations();
}
