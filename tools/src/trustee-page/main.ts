/**
 * The trustee page's script: the trustee library of `saylau trustee …` (SPEC §10.6,
 * §10.11, §10.12.1) running in the browser, its state kept in this browser (fs-shim.ts) and offered
 * as a backup file. Bundled by ../trustee-bundle.ts; the CSP forbids inline scripts.
 */
import {
  answerComplaints,
  checkDealings,
  computeShare,
  deal,
  decryptTally,
  fetchCeremony,
  initTrustee,
  loadState,
  registerTrustee,
  saveState,
  type TrusteeState,
} from '../trustee/index.ts';
import { existsSync } from './fs-shim.ts';
import { Code } from '@saylau/protocol/errors';
import { $, checkGrant, election, explain, notice, S, signedIn } from './frame.ts';

/** The ceremony round this page works in (SPEC §10.6.7), shown with the keys. */
let currentRound = 0;

function render(file: string) {
  const box = $('trustee-state');
  box.replaceChildren();
  if (!existsSync(file)) {
    box.textContent = S.noKeys ?? '';
    return;
  }
  const s = loadState(file);
  const rows: [string, string][] = [
    [S.round ?? '', String(currentRound)],
    [S.index ?? '#', s.index === null ? '—' : String(s.index)],
    [S.signingKey ?? '', s.signingKey],
    [S.share ?? '', s.share ? s.share.publicShare : '—'],
  ];
  const table = document.createElement('table');
  for (const [k, v] of rows) {
    const tr = table.insertRow();
    const th = document.createElement('th');
    th.textContent = k;
    tr.append(th);
    const td = tr.insertCell();
    td.textContent = v;
    td.className = 'hash';
  }
  box.append(table);
}

function backupLink(file: string) {
  if (!existsSync(file)) return;
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(loadState(file), null, 2)], { type: 'application/json' }),
  );
  const a = $('t-backup') as HTMLAnchorElement;
  a.href = url;
  a.download = `trustee-${election}.json`;
  a.hidden = false;
}

/**
 * The state's key in this browser. SPEC §10.6.7: each ceremony round needs fresh keys, so a round
 * after a `ceremony-reset` gets its own key and the page starts fresh (round 0 keeps the key it
 * always had, so states saved before rounds existed are still found).
 */
const stateFile = (user: string, round: number) =>
  round === 0 ? `${election}/${user}` : `${election}/${user}/round-${round}`;

async function start() {
  // The sign-in of the commission page (/admin), shared by the browser's tabs.
  const s = signedIn();
  if (!s) return;
  const api = { baseUrl: location.origin, token: s.token };
  let round: number;
  try {
    await checkGrant(api, s, 'trustee');
    $('steps').hidden = false;
    round = (await fetchCeremony(api, election)).round;
    currentRound = round;
  } catch (e) {
    notice(explain(e), 'error');
    return;
  }
  const file = stateFile(s.user.name, round);
  const step = (id: string, fn: () => Promise<string>) => {
    const b = $(id) as HTMLButtonElement;
    b.addEventListener('click', async () => {
      b.disabled = true;
      notice(S.working!);
      try {
        if (id !== 't-register' && !existsSync(file))
          throw Object.assign(new Error(S.noKeys), { code: Code.NOT_REGISTERED });
        notice(await fn());
      } catch (e) {
        notice(explain(e), 'error');
      } finally {
        b.disabled = false;
        render(file);
        backupLink(file);
      }
    });
  };
  step('t-register', async () => {
    if (!existsSync(file)) initTrustee(file, { election, name: s.user.name, round });
    const r = await registerTrustee(api, file);
    return `${S.done} #${r.index}`;
  });
  step('t-deal', async () => {
    const r = await deal(api, file);
    return `${S.done} #${r.dealer}`;
  });
  step('t-check', async () => {
    const r = await checkDealings(api, file);
    return `${S.done} ${S.complaints}: ${r.complaints.length}`;
  });
  step('t-answer', async () => {
    const r = await answerComplaints(api, file);
    return `${S.done} (${r.length})`;
  });
  step('t-share', async () => {
    const r = await computeShare(api, file);
    return `${S.done} #${r.index}`;
  });
  step('t-decrypt', async () => {
    const r = await decryptTally(api, file);
    return `${S.done}${r.result ? ` — ${S.resultPublished}` : ''}`;
  });
  const restore = $('t-restore') as HTMLInputElement;
  restore.addEventListener('change', async () => {
    try {
      const notState = new Error(S.badFile);
      let state: TrusteeState;
      try {
        state = JSON.parse(await restore.files![0]!.text()) as TrusteeState;
      } catch {
        throw notState;
      }
      if (state?.version !== 2 || state.election !== election) throw notState;
      saveState(file, state);
      notice(S.done!);
    } catch (e) {
      notice(explain(e), 'error');
    }
    render(file);
    backupLink(file);
  });
  render(file);
  backupLink(file);
}

void start();
