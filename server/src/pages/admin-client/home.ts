/** The /admin page: sign in, the elections the account holds and, for an administrator, a new one. */
import { createElection, sessionInfo, signIn, type NewElection } from './api.ts';
import { explain } from './explain.ts';
import type { Field } from './fields.ts';
import { formRules, names, val, watch } from './forms.ts';
import { $, flashNext, input, lang, notice, reloadWith, S } from './page.ts';
import { saveSession, session, type Session } from './session.ts';

const CALENDAR = ['nominationCloses', 'registrationCloses', 'votingOpens', 'votingCloses'];

/** Show only the elections the account holds (SPEC §10.13); an administrator also gets the creation form. */
async function showHeld(s: Session) {
  $('create-section').hidden = s.user.role !== 'admin';
  const held = (await sessionInfo()).elections;
  const items = Array.from(document.querySelectorAll<HTMLElement>('#election-list [data-election]'));
  for (const li of items) li.hidden = !held.includes(li.dataset.election ?? '');
  $('no-elections').hidden = items.some((li) => !li.hidden);
}

export function initHome(): void {
  const s = session();
  $('signin-section').hidden = !!s;
  if (s) showHeld(s).catch((e) => notice(explain(e), 'error'));
  watch('signin', async () => {
    saveSession(await signIn(val('signin-name'), input('signin-password').value));
    reloadWith(`${S.done}`);
  });
  // The calendar's dates in order, each after the one before.
  formRules.set('create', () => {
    const filled = CALENDAR.map((k) => input(`create-${k}`)).filter((i) => i.value);
    return filled
      .slice(1)
      .flatMap<[Field, string]>((f, i) => (f.value <= filled[i]!.value ? [[f, 'calendarOrder']] : []));
  });
  watch('create', async () => {
    const calendar: Record<string, string> = {};
    // To the minute, in the election's time zone, Asia/Almaty (SPEC §10).
    for (const k of CALENDAR)
      if (val(`create-${k}`)) calendar[k] = `${val(`create-${k}`).slice(0, 16)}:00+05:00`;
    const req: NewElection = {
      district: names('create-district'),
      electionDay: val('create-day'),
      profile: { name: val('create-profile') },
      demo: input('create-demo').checked,
    };
    if (val('create-id')) req.id = val('create-id');
    if (Object.keys(calendar).length) req.calendar = calendar;
    const e = await createElection(req);
    flashNext(S.done);
    location.href = `/admin/elections/${encodeURIComponent(e.id)}?lang=${lang}`;
  });
}
