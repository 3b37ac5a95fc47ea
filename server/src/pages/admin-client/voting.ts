/** Opening and closing the vote (SPEC §10.8, §10.10) and the decryptions of the tally (SPEC §10.11). */
import { closeVoting, openVoting, tally } from './api.ts';
import { button } from './act.ts';
import { el } from './dom.ts';
import { explain } from './explain.ts';
import { $, election, notice, reloadAfter, reloadWith, S } from './page.ts';

/** Seconds between looks at the decryptions while the trustees work. */
const POLL_MS = 4000;

async function loadTally(status: string | undefined): Promise<void> {
  if (status !== 'closed' && status !== 'finished') return;
  const t = await tally(election);
  $('tally-state').replaceChildren(
    el(
      'p',
      { id: 'tally-progress' },
      `${S.decryptions}: ${t.decryptions.length} ${S.of} ${t.t} [${t.decryptions.join(', ')}]`,
    ),
  );
  // Trustees decrypt from their own machines: wait for the result, then show the protocol link.
  if (status === 'closed' && t.finished) reloadWith(S.done);
  else if (status === 'closed') window.setTimeout(() => loadTally(status).catch(() => undefined), POLL_MS);
}

export function initVoting(status: string | undefined): void {
  button('open-voting', () => reloadAfter(openVoting(election)));
  button('close-voting', async () => {
    if (!window.confirm(S.confirmClose)) return;
    await closeVoting(election);
    reloadWith(S.done);
  });
  loadTally(status).catch((e) => notice(explain(e), 'error'));
}
