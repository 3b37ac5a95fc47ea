/**
 * The credential authority page's script (SPEC §10.7, §10.15): `saylau credentials generate` and
 * `publish` in the browser, by the same code (../credentials/authority.ts). The codes exist in this
 * page's memory only (no storage, no cookie) and in the files the authority downloads; the server
 * gets the public list and the owner map, nothing else. Once the page has loaded, making the codes
 * needs no network: the roll can come from a file saved from this page. Bundled by
 * scripts/build.ts; the CSP forbids inline scripts.
 */
import type { CredentialVoter } from '@saylau/protocol';
import { formatText } from '@saylau/protocol/catalog';
import {
  boothUrlOf,
  CODES_FILE,
  fetchCredentialVoters,
  jsonFileText,
  LETTERS_FILE,
  makeCredentialBatch,
  OWNERS_FILE,
  PUBLIC_FILE,
  publishCredentialLists,
  votersFrom,
  type CredentialBatch,
} from '../credentials/authority.ts';
import { fetchLetterManifest, type LetterManifest } from '../credentials/manifest.ts';
import { ClientError, type Api } from '../http.ts';
import { Code } from '@saylau/protocol/errors';
import { $, checkGrant, election, explain, lang, notice, S, signedIn } from '../trustee-page/frame.ts';

const say = (key: string, params: Record<string, string | number> = {}) =>
  formatText(S[key] ?? key, lang, params);

let api: Api;
/** Fetched when the page opens, so that making the letters later needs no network. */
let manifest: LetterManifest;
let voters: CredentialVoter[] | null = null;
/** The one batch of this page: its codes live here only, and are never made twice. */
let batch: CredentialBatch | null = null;

/** A task boundary that background tabs do not throttle (unlike timers): lets the page paint. */
const pause = () =>
  new Promise<void>((resolve) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => resolve();
    c.port2.postMessage(null);
  });

/** Point link `id` at `text` as a download named `file`. */
function offer(id: string, text: string, file: string, type: string) {
  const a = $(id) as HTMLAnchorElement;
  if (a.href.startsWith('blob:')) URL.revokeObjectURL(a.href);
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = file;
  a.hidden = false;
}

/** Keep the roll to make codes for; returns what the page says of it. */
function useVoters(list: CredentialVoter[]): string {
  voters = list;
  const said = say('rollLoaded', { count: list.length });
  $('ca-roll-state').textContent = said;
  // The same JSON as GET …/credentials/voters: read back by this page or `--voters` of the CLI.
  offer(
    'ca-roll-save',
    JSON.stringify({ election, count: list.length, voters: list }, null, 1) + '\n',
    `voters-${election}.json`,
    'application/json',
  );
  ($('ca-make') as HTMLButtonElement).disabled = batch !== null;
  return said;
}

/** Run `fn` from button `id`, the outcome in the notice. */
function onClick(id: string, fn: () => Promise<string>) {
  const b = $(id) as HTMLButtonElement;
  b.addEventListener('click', async () => {
    b.disabled = true;
    notice(S.working!);
    let again = true;
    try {
      notice(await fn());
      again = id !== 'ca-make';
    } catch (e) {
      notice(explain(e), 'error');
    } finally {
      b.disabled = !again;
    }
  });
}

async function make(): Promise<string> {
  if (!voters) throw new Error(S.noRoll);
  const bar = $('ca-progress') as HTMLProgressElement;
  bar.hidden = false;
  const b = await makeCredentialBatch(
    { election, voters, manifest, boothUrl: boothUrlOf(location.origin, election) },
    async (stage, done, total) => {
      // Keys first, then letters: each half of the bar.
      bar.value = (stage === 'keys' ? done : total + done) / (2 * total);
      $('ca-progress-text').textContent = say(`progress.${stage}`, { done, total });
      await pause();
    },
  );
  batch = b;
  $('ca-fingerprint').textContent = b.fingerprint;
  offer('ca-dl-letters', b.letters, LETTERS_FILE, 'text/html;charset=utf-8');
  offer('ca-dl-codes', b.codesCsv, CODES_FILE, 'text/csv;charset=utf-8');
  offer('ca-dl-public', jsonFileText(b.publicList), PUBLIC_FILE, 'application/json');
  offer('ca-dl-owners', jsonFileText(b.owners), OWNERS_FILE, 'application/json');
  $('ca-made').hidden = false;
  ($('ca-publish') as HTMLButtonElement).disabled = false;
  return say('made', { count: b.count });
}

async function publish(): Promise<string> {
  if (!batch) throw new Error(S.noRoll);
  await publishCredentialLists(api, election, batch.publicList, batch.owners, {
    file: PUBLIC_FILE,
    ownersFile: OWNERS_FILE,
  });
  return S.published!;
}

async function start() {
  const s = signedIn();
  if (!s) return;
  api = { baseUrl: location.origin, token: s.token };
  try {
    await checkGrant(api, s, 'credential-authority');
    manifest = await fetchLetterManifest(api, election);
  } catch (e) {
    notice(explain(e), 'error');
    return;
  }
  $('steps').hidden = false;
  onClick('ca-load', async () => useVoters(await fetchCredentialVoters(api, election)));
  const file = $('ca-roll-file') as HTMLInputElement;
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    try {
      let value: unknown;
      try {
        value = JSON.parse(await f.text());
      } catch {
        throw new ClientError(`${f.name} is not valid JSON`, Code.BAD_FILE);
      }
      notice(useVoters(votersFrom(value, election, f.name)));
    } catch (e) {
      notice(explain(e), 'error');
    }
  });
  onClick('ca-make', make);
  onClick('ca-publish', publish);
}

void start();
