/**
 * The commission pages' script (SPEC §10.15): checks fields as they are typed, calls the JSON API
 * (api.ts) with the session kept in this tab, and explains refusals in the page's language.
 * Bundled by ../bundles.ts (the CSP forbids inline scripts).
 */
import { explain } from './explain.ts';
import { el } from './dom.ts';
import { initElection } from './election.ts';
import { initHome } from './home.ts';
import { $, find, notice, S, takeFlash } from './page.ts';
import { forgetSession, session } from './session.ts';

function start(): void {
  const s = session();
  const bar = find('session-bar');
  if (s && bar) {
    bar.hidden = false;
    $('whoami').replaceChildren(
      el('span', { translate: 'no', text: s.user.name }),
      ` (${S[`role.${s.user.role}`] ?? s.user.role})`,
    );
    $('signout').addEventListener('click', () => {
      forgetSession();
      location.reload();
    });
  }
  const flash = takeFlash();
  if (flash) notice(flash);
  const page = document.body.dataset.page;
  if (page === 'home') initHome();
  if (page === 'election') initElection().catch((e) => notice(explain(e), 'error'));
}

start();
