/**
 * The election page: an administrator sees the grants only; an account holding the election, its
 * steps (SPEC §10.13, §10.15). Each step's section is in the page only in the statuses it applies to.
 */
import { extendNomination, fixBallot, sessionInfo, setAkim } from './api.ts';
import { button } from './act.ts';
import { initCeremony } from './ceremony.ts';
import { initCredentials } from './credentials.ts';
import { el } from './dom.ts';
import { int, val, watch } from './forms.ts';
import { initGrants } from './grants.ts';
import { initInitiative } from './initiative.ts';
import { initNominate } from './nominate.ts';
import { $, election, find, lang, notice, reloadAfter, S } from './page.ts';
import { initRoll } from './roll.ts';
import { session } from './session.ts';
import { initVoting } from './voting.ts';
import { initComplaints } from './complaints.ts';

/** The steps of one call each: the sitting akim (§10.4.2), extending nomination (§10.4.6), the ballot (§10.5). */
function initSmallSteps(): void {
  watch('akim', async () => {
    await setAkim(election, { iin: val('akim-iin'), fullName: val('akim-name') });
    notice(S.done);
  });
  watch('extend', () => reloadAfter(extendNomination(election, int('extend-days'))));
  button('fix-ballot', () => reloadAfter(fixBallot(election)));
}

/** The overview's links go to a step's card: open it, folded or not. */
function openLinkedCard(): void {
  const open = () => {
    const card = find(decodeURIComponent(location.hash.slice(1)));
    if (card instanceof HTMLDetailsElement) card.open = true;
  };
  window.addEventListener('hashchange', open);
  open();
}

export async function initElection(): Promise<void> {
  const s = session();
  if (!s) {
    notice(S['err.NOT_SIGNED_IN'], 'error');
    $('notice').append(' ', el('a', { href: `/admin?lang=${lang}`, text: '→' }));
    return;
  }
  if (s.user.role === 'admin') return initGrants();
  if (!(await sessionInfo()).elections.includes(election)) {
    notice(S['err.NOT_GRANTED'], 'error');
    return;
  }
  $('steps').hidden = false;
  openLinkedCard();
  initRoll();
  initInitiative();
  initSmallSteps();
  initNominate();
  initCeremony();
  initCredentials();
  initVoting(document.body.dataset.status);
  initComplaints();
}
