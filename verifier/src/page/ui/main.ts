/**
 * The verifier page (SPEC §11.5): one self-contained HTML file, served at /verify and written by the
 * build as dist/saylau-verify.html, that works opened from disk. It takes a board (a file, dropped or
 * chosen, or a server's address), receipts and signed heads, and an earlier export; reads and checks
 * them (../inputs.ts); and has verifyBoard run in a Web Worker made from a Blob of the bundled worker
 * source compiled into this script (../worker/worker.ts), which starts the ballot workers from the
 * same source. The page stays responsive and shows the progress, then the report (./view.ts).
 */
import { LANGS, LANG_NAMES, isLang, type Lang } from '@saylau/protocol/lang';
import * as z from 'zod';
import { message } from '../../catalog.ts';
import type { SignedCheckpoint } from '../../signed.ts';
import { pageText, type PageKey } from '../catalog.ts';
import { PageInputError, boardUrl, headUrlOf, parseHead, parseSignedFile } from '../inputs.ts';
import type { VerifyEvent, VerifyRequest } from '../messages.ts';
import { fill, h, withCode } from './dom.ts';
import { reportView, type ReportView } from './view.ts';

/** The bundled worker (../worker/worker.ts), compiled in by the build. */
declare const __SAYLAU_VERIFIER_WORKER__: string;

/** Under the served page's Content-Security-Policy zod must not try `new Function`. */
z.config({ jitless: true });

const STORE_KEY = 'saylau.lang';
/** As the command line: a board that does not arrive in two minutes is not waited for. */
const FETCH_SECONDS = 120;

/** A text in whatever language the page is in when it is shown. */
type Text = (lang: Lang) => string;

interface Progress {
  key: PageKey;
  params?: Record<string, string | number>;
  done?: number;
  total?: number;
}

const state = {
  lang: initialLang(),
  board: null as File | null,
  url: initialUrl(),
  signed: [] as File[],
  since: null as File | null,
  running: false,
  progress: null as Progress | null,
  error: null as Text | null,
  view: null as ReportView | null,
};

function initialLang(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  if (isLang(q)) return q;
  try {
    const saved = localStorage.getItem(STORE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage disabled (some file:// pages): Kazakh
  }
  return 'kk';
}

/** `?board=ADDRESS` fills in the board's address (a served page may be linked with it). */
function initialUrl(): string {
  return new URLSearchParams(location.search).get('board') ?? '';
}

const served = /^https?:$/.test(location.protocol);
const t = (key: PageKey, params?: Record<string, string | number>) => pageText(state.lang, key, params);

// ---------------------------------------------------------------------------------------------
// Reading the inputs

class Refusal extends Error {
  constructor(readonly text: Text) {
    super('refused');
  }
}

const fromInput =
  (e: PageInputError): Text =>
  (lang) =>
    pageText(lang, e.key, e.params);

async function readFile(file: File): Promise<string> {
  try {
    return await file.text();
  } catch {
    throw new Refusal((lang) => pageText(lang, 'err.file', { name: file.name }));
  }
}

async function fetchText(url: string): Promise<string> {
  const failed = (detail: Text) =>
    new Refusal((lang) => message(lang, 'cli.fetchFailed', { source: url, detail: detail(lang) }));
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), FETCH_SECONDS * 1000);
  try {
    const res = await fetch(url, { signal: ctl.signal, cache: 'no-store', credentials: 'omit' });
    if (!res.ok) throw failed((lang) => pageText(lang, 'err.status', { status: res.status }));
    return await res.text();
  } catch (e) {
    if (e instanceof Refusal) throw e;
    // A network error, a refused cross-origin read, or the time limit (the body included).
    throw failed((lang) =>
      pageText(lang, ctl.signal.aborted ? 'err.timeout' : 'err.network', { seconds: FETCH_SECONDS }),
    );
  } finally {
    clearTimeout(timer);
  }
}

interface Inputs {
  board: string;
  since?: string;
  checkpoints: SignedCheckpoint[];
  receipts: unknown[];
  head: number | null;
}

async function readInputs(): Promise<Inputs> {
  if (!state.board && state.url.trim() === '') throw new Refusal((lang) => pageText(lang, 'err.noBoard'));
  const url = state.board ? null : boardUrl(state.url, served ? location.href : undefined);
  setProgress({ key: 'progress.reading' });
  const checkpoints: SignedCheckpoint[] = [];
  const receipts: unknown[] = [];
  for (const file of state.signed) {
    const signed = parseSignedFile(await readFile(file), file.name);
    checkpoints.push(...signed.checkpoints);
    receipts.push(...signed.receipts);
  }
  const since = state.since ? await readFile(state.since) : undefined;
  if (state.board) return { board: await readFile(state.board), since, checkpoints, receipts, head: null };
  // A server's board: its signed head first, so that the board reaches at least that far (2.4).
  const headUrl = headUrlOf(url!);
  let head: number | null = null;
  if (headUrl) {
    setProgress({ key: 'progress.fetching', params: { source: headUrl } });
    const signed = parseHead(await fetchText(headUrl), headUrl);
    checkpoints.push(signed);
    head = signed.checkpoint.seq;
  }
  setProgress({ key: 'progress.fetching', params: { source: url! } });
  return { board: await fetchText(url!), since, checkpoints, receipts, head };
}

// ---------------------------------------------------------------------------------------------
// Verifying in the worker

type Done = Extract<VerifyEvent, { kind: 'report' }>;

function verifyInWorker(inputs: Inputs): Promise<Done> {
  const source = __SAYLAU_VERIFIER_WORKER__;
  let worker: Worker;
  let url: string;
  try {
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    worker = new Worker(url);
  } catch (e) {
    throw new Refusal((lang) => pageText(lang, 'err.workers', { detail: String(e) }));
  }
  const stopped = (detail: string) => new Refusal((lang) => pageText(lang, 'err.stopped', { detail }));
  return new Promise<Done>((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    };
    worker.onmessage = (e: MessageEvent<VerifyEvent>) => {
      const m = e.data;
      if (m.kind === 'progress') {
        if (m.stage === 'ballots')
          setProgress({
            key: 'progress.ballots',
            params: { done: m.done, total: m.total },
            done: m.done,
            total: m.total,
          });
        else setProgress({ key: 'progress.tally' });
      } else {
        finish();
        if (m.kind === 'report') resolve(m);
        else reject(stopped(m.detail));
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish();
      reject(stopped(e.message || 'error'));
    };
    const request: VerifyRequest = {
      role: 'verify',
      source,
      board: inputs.board,
      ...(inputs.since === undefined ? {} : { since: inputs.since }),
      checkpoints: inputs.checkpoints,
      receipts: inputs.receipts,
    };
    setProgress({ key: 'progress.setup' });
    worker.postMessage(request);
  });
}

async function run(): Promise<void> {
  if (state.running) return;
  state.running = true;
  state.error = null;
  state.view = null;
  render();
  const started = performance.now();
  try {
    const inputs = await readInputs();
    const done = await verifyInWorker(inputs);
    state.view = {
      report: done.report,
      unusable: done.unusable,
      head: inputs.head,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (e) {
    state.error =
      e instanceof Refusal
        ? e.text
        : e instanceof PageInputError
          ? fromInput(e)
          : (lang) => pageText(lang, 'err.stopped', { detail: String(e) });
  } finally {
    state.running = false;
    state.progress = null;
  }
  render();
  document.getElementById(state.view ? 'report-heading' : 'error')?.focus();
}

// ---------------------------------------------------------------------------------------------
// The page

function setProgress(p: Progress): void {
  state.progress = p;
  const text = document.getElementById('progress-text');
  const bar = document.getElementById('progress-bar') as HTMLProgressElement | null;
  if (!text || !bar) return render();
  text.textContent = t(p.key, p.params);
  if (p.done !== undefined && p.total !== undefined && p.total > 0) {
    bar.max = p.total;
    bar.value = p.done;
  } else bar.removeAttribute('value');
}

function setLang(lang: Lang): void {
  state.lang = lang;
  try {
    localStorage.setItem(STORE_KEY, lang);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  render();
}

/** A zone that opens the file picker when tapped and takes files dropped on it. */
function dropZone(
  id: string,
  label: PageKey,
  opts: { multiple?: boolean; accept: string },
  take: (files: File[]) => void,
): HTMLElement {
  const input = h('input', {
    type: 'file',
    id,
    class: 'file',
    accept: opts.accept,
    multiple: opts.multiple ?? false,
    disabled: state.running,
  });
  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length > 0) take(files);
  });
  const zone = h(
    'label',
    { class: 'drop', for: id, id: `${id}-zone` },
    h('span', {}, withCode(t(label))),
    input,
  );
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length > 0 && !state.running) take(opts.multiple ? files : files.slice(0, 1));
  });
  return zone;
}

function chosen(id: string, text: string | null, clear: () => void): HTMLElement | null {
  if (text === null) return null;
  const button = h('button', { type: 'button', class: 'secondary', disabled: state.running }, t('clear'));
  button.addEventListener('click', () => {
    clear();
    render();
  });
  return h('p', { class: 'chosen', id }, h('span', { translate: 'no' }, text), ' ', button);
}

function form(): HTMLFormElement {
  const url = h('input', {
    type: 'url',
    id: 'board-url',
    inputmode: 'url',
    autocomplete: 'url',
    spellcheck: 'false',
    placeholder: t('board.urlHint'),
    value: state.url,
    disabled: state.running || state.board !== null,
  });
  url.addEventListener('input', () => (state.url = url.value));
  const f = h(
    'form',
    { id: 'inputs', novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, t('board.heading')),
      dropZone(
        'board-file',
        'board.file',
        { accept: '.jsonl,.ndjson,.txt,application/x-ndjson' },
        ([file]) => {
          state.board = file!;
          render();
        },
      ),
      chosen('board-chosen', state.board ? t('chosen', { name: state.board.name }) : null, () => {
        state.board = null;
      }),
      h('p', { class: 'or' }, t('board.or')),
      h('label', { for: 'board-url' }, t('board.url')),
      url,
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('signed.heading')),
      dropZone(
        'signed-file',
        'signed.file',
        { accept: '.json,application/json', multiple: true },
        (files) => {
          state.signed.push(...files);
          render();
        },
      ),
      chosen(
        'signed-chosen',
        state.signed.length === 0
          ? null
          : `${t('chosenCount', { count: state.signed.length })}: ${state.signed.map((x) => x.name).join(', ')}`,
        () => {
          state.signed = [];
        },
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('since.heading')),
      dropZone(
        'since-file',
        'since.file',
        { accept: '.jsonl,.ndjson,.txt,application/x-ndjson' },
        ([file]) => {
          state.since = file!;
          render();
        },
      ),
      chosen('since-chosen', state.since ? t('chosen', { name: state.since.name }) : null, () => {
        state.since = null;
      }),
    ),
    h('button', { type: 'submit', id: 'verify', disabled: state.running }, t('verify')),
  );
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  return f;
}

function langNav(): HTMLElement {
  return h(
    'nav',
    { class: 'langs', 'aria-label': t('langLabel') },
    LANGS.map((l) => {
      const b = h(
        'button',
        { type: 'button', lang: l, 'aria-pressed': String(l === state.lang) },
        LANG_NAMES[l],
      );
      b.addEventListener('click', () => setLang(l));
      return b;
    }),
  );
}

function progressView(): HTMLElement | null {
  const p = state.progress;
  if (!p) return null;
  const bar = h('progress', { id: 'progress-bar', 'aria-labelledby': 'progress-text' });
  if (p.done !== undefined && p.total !== undefined && p.total > 0) {
    bar.max = p.total;
    bar.value = p.done;
  }
  return h(
    'section',
    { id: 'progress', 'aria-label': t('progress.label') },
    h('p', { id: 'progress-text', 'aria-live': 'polite' }, t(p.key, p.params)),
    bar,
  );
}

function render(): void {
  const lang = state.lang;
  document.documentElement.lang = lang;
  document.title = t('title');
  const app = document.getElementById('app')!;
  fill(
    app,
    h('header', {}, h('h1', {}, t('title')), langNav()),
    h(
      'main',
      {},
      h('p', { class: 'intro' }, withCode(t('intro'))),
      form(),
      progressView(),
      state.error
        ? h('p', { id: 'error', class: 'error', role: 'alert', tabindex: -1 }, state.error(lang))
        : null,
      state.view ? reportView(lang, state.view) : null,
      h(
        'section',
        { class: 'trust', 'aria-labelledby': 'trust-heading' },
        h('h2', { id: 'trust-heading' }, t('trust.heading')),
        h('p', {}, withCode(t('trust.text'))),
        served
          ? h(
              'p',
              {},
              h('a', { href: location.pathname, download: 'saylau-verify.html' }, withCode(t('download'))),
            )
          : null,
      ),
    ),
  );
}

// A file dropped beside a zone must not replace the page with the file.
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());
render();
