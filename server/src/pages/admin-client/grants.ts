/** An administrator's view of an election (SPEC §10.13): who holds it, grant and revoke. */
import { grant, grants, revokeGrant } from './api.ts';
import { act } from './act.ts';
import { el, makeButton, table } from './dom.ts';
import { explain } from './explain.ts';
import { val, watch } from './forms.ts';
import { $, election, notice, S } from './page.ts';

function revokeButton(user: string): HTMLButtonElement {
  const revoke = makeButton(`revoke-${user}`, S.revoke, 'secondary', {
    'aria-label': `${S.revoke}: ${user}`,
  });
  revoke.addEventListener('click', () =>
    act(revoke, async () => {
      await revokeGrant(election, user);
      notice(S.done);
      await loadGrants();
    }),
  );
  return revoke;
}

async function loadGrants(): Promise<void> {
  const list = await grants(election);
  $('grants').replaceChildren(
    table(
      [S.grantUser, S.role, S.actions],
      list.map((g) =>
        el(
          'tr',
          { 'data-user': g.user },
          el('td', { translate: 'no', text: g.user }),
          el('td', { text: S[`role.${g.role}`] || g.role }),
          el('td', {}, revokeButton(g.user)),
        ),
      ),
    ),
  );
}

export function initGrants(): void {
  $('grants-section').hidden = false;
  watch('grant', async (form) => {
    await grant(election, val('grant-user'));
    form.reset();
    delete $('grant-user').dataset.touched;
    notice(S.done);
    await loadGrants();
  });
  loadGrants().catch((e) => notice(explain(e), 'error'));
}
