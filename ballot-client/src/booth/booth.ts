/**
 * The voting booth (SPEC §10.14): sign in → credential code → ballot → review → encrypt (in the
 * worker) → cast, or audit and encrypt afresh (SPEC §8.5) → signed receipt.
 *
 * This is the driver: it holds the current state, passes each event through the machine
 * (machine.ts), draws the new state (views/) and runs the effect it asks for. The state lives in
 * this closure's memory only: the credential code, the login code and the token are never written
 * to storage, and "Finish" forgets them.
 */
import { fetchElection, type PublicElection } from '../index.ts';
import type { EncryptResult } from '../worker/protocol.ts';
import { startScanner } from './camera.ts';
import { fetchCandidates, type CandidateInfo } from './candidates.ts';
import { askBoard, castOnce, signIn } from './casting.ts';
import { failureOf } from './failure.ts';
import { initial, step } from './machine.ts';
import { mount, pageTop, type Shell } from './shell.ts';
import type { After, BoothEvent, BoothState, Session } from './state.ts';
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
    attachCamera(video) {
      stopCamera?.();
      stopCamera = startScanner(video, {
        onRead: (text) => dispatch({ type: 'scanRead', text }),
        onFail: () => dispatch({ type: 'scanFailed' }),
      });
    },
  };

  function dispatch(event: BoothEvent): void {
    const next = step(state, event);
    if (next === state) return;
    state = next;
    // The camera runs only while scanning: once a code is read, the voter stops or leaves (SPEC §10.14).
    if (!(next.step === 'credential' && next.scanning)) {
      stopCamera?.();
      stopCamera = null;
    }
    if (next.after !== 'none') render(next.after);
    if (next.run) run(next);
  }

  function render(after: After): void {
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
    dispatch({ type: 'loaded', election: loaded[0], candidates: loaded[1] });
  }

  async function encrypt(session: Session): Promise<void> {
    let built: EncryptResult;
    try {
      const choices = session.choices.map((c) => c ?? -1);
      built = await worker.encrypt(
        session.election.params,
        shell.election,
        session.credential,
        choices,
        (stage) => dispatch({ type: 'encryptProgress', stage }),
      );
    } catch (e) {
      return dispatch({ type: 'encryptFailed', failure: failureOf(e) });
    }
    dispatch({ type: 'encrypted', built });
  }

  render(state.after);
  run(state);
}
