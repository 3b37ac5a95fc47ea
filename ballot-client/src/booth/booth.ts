/**
 * The voting booth (SPEC §10.14): sign in → credential code → ballot → review → encrypt (in the
 * worker) → cast, or audit and encrypt afresh (SPEC §8.5) → signed receipt.
 *
 * This is the driver: it holds the current state, passes each event through the machine
 * (machine.ts), draws the new state (views/), runs the effect it asks for and keeps the browser's
 * history in step with it (history.ts). The state lives in this closure's memory only: the
 * credential code, the login code and the token are never written to storage, and "Finish" forgets
 * them; only the public receipt is kept for a reload after casting, until "Finish".
 */
import { fetchElection, type PublicElection } from '../index.ts';
import type { EncryptResult } from '../worker/protocol.ts';
import { startScanner } from './camera.ts';
import { fetchCandidates, type CandidateInfo } from './candidates.ts';
import { askBoard, castOnce, checkReceipt, signIn, tokenFor } from './casting.ts';
import { openRecordPanel } from './record-panel.ts';
import { failureOf } from './failure.ts';
import { entryOf, keepReceipt, keptReceipt, markPlace, settle } from './history.ts';
import { initial, placeOf, step } from './machine.ts';
import { mount, pageTop, type Shell } from './shell.ts';
import type { After, BoothEvent, BoothState, CheckedReceipt, Session } from './state.ts';
import { focusAfter } from './views/focus.ts';
import { compactTop, electionOf, mainView } from './views/page.ts';
import type { ViewContext } from './views/parts.ts';
import { CryptoWorker } from './worker-client.ts';

export function startBooth(shell: Shell): void {
  const worker = new CryptoWorker();
  let state = initial();
  let stopCamera: (() => void) | null = null;

  const ctx: ViewContext = {
    shell,
    t: (key, vars) => shell.t(key, vars),
    dispatch,
    openRecord,
    attachCamera(video) {
      stopCamera?.();
      stopCamera = startScanner(video, {
        onRead: (text) => dispatch({ type: 'scanRead', text }),
        onFail: () => dispatch({ type: 'scanFailed' }),
      });
    },
  };

  /** The place of the history entry shown when the page was (re)loaded. */
  const reloadedAt = entryOf(history.state)?.place ?? null;

  window.addEventListener('popstate', (e) => {
    const entry = entryOf(e.state);
    if (!entry) return;
    dispatch({ type: 'goto', place: entry.place }, 'popped');
    settle(entry, placeOf(state));
  });

  // Leaving the page with an encrypted ballot not yet on the board loses it: the browser asks first.
  const warnLeaving = (e: BeforeUnloadEvent) => {
    e.preventDefault();
    e.returnValue = '';
  };
  let warning = false;

  /** The history entry, the kept receipt and the leaving warning, after a change of state. */
  function follow(prev: BoothState, next: BoothState, popped: boolean): void {
    const place = placeOf(next);
    if (!popped && place && place !== placeOf(prev))
      markPlace(place, prev.step === 'loading' || entryOf(history.state) === null ? 'replace' : 'push');
    if (next.step === 'receipt' && prev.step !== 'receipt' && prev.step !== 'loading')
      keepReceipt(shell.election, { signed: next.receipt.signed, tracker: next.receipt.tracker });
    if (next.step === 'finished') keepReceipt(shell.election, null);
    const unsaved =
      ['encrypting', 'cast', 'casting', 'network'].includes(next.step) ||
      (next.step === 'signin' && !!next.built);
    if (unsaved !== warning) {
      warning = unsaved;
      if (unsaved) window.addEventListener('beforeunload', warnLeaving);
      else window.removeEventListener('beforeunload', warnLeaving);
    }
  }

  function dispatch(event: BoothEvent, popped?: 'popped'): void {
    const next = step(state, event);
    if (next === state) return;
    const prev = state;
    state = next;
    follow(prev, next, popped === 'popped');
    // The camera runs only while scanning: once a code is read, the voter stops or leaves (SPEC §10.14).
    if (!(next.step === 'credential' && next.scanning)) {
      stopCamera?.();
      stopCamera = null;
    }
    if (next.after !== 'none') render(next.after);
    if (next.run) run(next);
  }

  /** While "My record" is shown, the steps are not drawn; closing it draws them again. */
  let recordOpen = false;

  function openRecord(): void {
    const s = state;
    if (!('session' in s) || !s.session) return;
    const session = s.session;
    recordOpen = true;
    openRecordPanel(shell, ctx, {
      election: session.election,
      token: session.loginCode ? () => tokenFor(shell.election, session) : null,
      close: () => {
        recordOpen = false;
        render('heading');
      },
    });
  }

  function render(after: After): void {
    if (recordOpen) return;
    mount(shell, {
      header: pageTop(shell, electionOf(state), () => render('keep'), compactTop(state)),
      main: mainView(state, ctx),
      focus: after === 'heading' ? 'heading' : 'keep',
    });
    focusAfter(after);
  }

  // ---------------------------------------------------------------- effects

  function run(s: BoothState): void {
    switch (s.run) {
      case 'load':
        return void load();
      case 'warm':
        if (s.step === 'signin') void worker.warm(s.session.election.params).catch(() => undefined);
        return;
      case 'login':
        if (s.step === 'signin') void signIn(shell.election, s.session, dispatch);
        return;
      case 'encrypt':
        if (s.step === 'encrypting') void encrypt(s.session);
        return;
      case 'cast':
        if (s.step === 'casting' || s.step === 'network') void castOnce(shell.election, s, dispatch);
        return;
      case 'find':
        if (s.step === 'network') void askBoard(shell.election, s.built.tracker, dispatch);
        return;
      case 'reload':
        return location.reload();
    }
  }

  async function load(): Promise<void> {
    let loaded: [PublicElection, CandidateInfo[]];
    try {
      loaded = await Promise.all([
        fetchElection(location.origin, shell.election),
        fetchCandidates(shell.election).catch(() => []),
      ]);
    } catch (e) {
      return dispatch({ type: 'loadFailed', failure: failureOf(e) });
    }
    const [election, candidates] = loaded;
    dispatch({
      type: 'loaded',
      election,
      candidates,
      restored: { place: reloadedAt, receipt: restored(election) },
    });
  }

  /** The receipt kept in this tab since casting, its signature checked again. */
  function restored(election: PublicElection): CheckedReceipt | null {
    const kept = keptReceipt(shell.election);
    if (!kept) return null;
    try {
      return checkReceipt(kept.signed, kept.tracker, shell.election, election.manifest.serverKey);
    } catch {
      return { ...kept, valid: false, matches: false };
    }
  }

  /** The latest encryption: one left by Back and started again must not answer for the new one. */
  let encryptJob = 0;

  async function encrypt(session: Session): Promise<void> {
    const job = ++encryptJob;
    const current = (e: BoothEvent) => {
      if (job === encryptJob) dispatch(e);
    };
    let built: EncryptResult;
    try {
      const choices = session.choices.map((c) => c ?? -1);
      built = await worker.encrypt(
        session.election.params,
        shell.election,
        session.credential,
        choices,
        (stage) => current({ type: 'encryptProgress', stage }),
      );
    } catch (e) {
      return current({ type: 'encryptFailed', failure: failureOf(e) });
    }
    current({ type: 'encrypted', built });
  }

  render(state.after);
  run(state);
}
