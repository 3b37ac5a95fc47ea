/**
 * The booth as a state machine (SPEC §10.14): `step(state, event)` gives the next state and nothing
 * else happens in it: no DOM, no fetch, no timers. The state names the effect it needs (`run`); the
 * driver (booth.ts) runs it and dispatches the outcome as another event.
 *
 * An event the current step does not take returns the very same state object: nothing is redrawn
 * and nothing runs. So a late answer (an encryption after the voter moved on, a second click on
 * "Cast" while casting) changes nothing, and a ballot is never sent twice.
 */
import { formatCredentialCode, parseCredentialCode } from '@saylau/crypto';
import type { PublicElection } from '../index.ts';
import type { EncryptResult } from '../worker/protocol.ts';
import type { CandidateInfo } from './candidates.ts';
import { credentialFeedback } from './credential-feedback.ts';
import { castRefusal } from './cast-refusal.ts';
import type {
  After,
  Attempt,
  BoothEvent,
  BoothState,
  Effect,
  Failure,
  Place,
  Problem,
  Session,
  StateAt,
} from './state.ts';
import { Code } from '@saylau/protocol/errors';

type Bare = BoothState extends infer S ? (S extends unknown ? Omit<S, 'after' | 'run'> : never) : never;

/** A state with how it is drawn and the effect it asks for; a new step focuses its heading. */
function to(next: Bare, after: After = 'heading', run: Effect | null = null): BoothState {
  return { ...next, after, run } as BoothState;
}

const FIRST_TRY: Attempt = { tokenRetried: false, anchorRetried: false };

const TRY_AGAIN: Problem['action'] = { label: 'common.tryAgain', event: { type: 'cast' } };

function problem(f: Failure, action?: Problem['action']): Problem {
  return action ? { code: f.code, action } : { code: f.code };
}

export function initial(): BoothState {
  return { step: 'loading', after: 'keep', run: 'load' };
}

export function step(state: BoothState, event: BoothEvent): BoothState {
  if (event.type === 'goto') return goto(state, event.place);
  switch (state.step) {
    case 'loading':
      return loading(state, event);
    case 'fatal':
      return fatal(state, event);
    case 'signin':
      return signin(state, event);
    case 'credential':
      return credential(state, event);
    case 'ballot':
      return ballot(state, event);
    case 'review':
      if (event.type === 'encrypt') return encrypting(state.session);
      if (event.type === 'change') return ballotStep(state.session);
      return state;
    case 'encrypting':
      return encryptingStep(state, event);
    case 'cast':
      return cast(state, event);
    case 'casting':
      return sending(state, event);
    case 'audit':
      // Encrypt afresh: new nonces, a new tracker (SPEC §8.5).
      return event.type === 'encrypt' ? encrypting(state.session) : state;
    case 'network':
      return network(state, event);
    case 'receipt':
      // "Finish" forgets the receipt kept for a reload too (booth.ts): only the public election is kept.
      return event.type === 'finish' ? to({ step: 'finished', election: state.session.election }) : state;
    case 'closed':
    case 'finished':
      return state;
  }
}

function opened(election: PublicElection, candidates: readonly CandidateInfo[]): Session {
  return {
    election,
    candidates: new Map(candidates.map((c) => [c.id, c])),
    iin: '',
    loginCode: '',
    token: null,
    credential: '',
    credentialTyped: '',
    choices: (election.contests ?? []).map(() => null),
  };
}

function loading(s: StateAt<'loading'>, e: BoothEvent): BoothState {
  if (e.type === 'loadFailed')
    return to({
      step: 'fatal',
      session: null,
      problem: problem(e.failure, { label: 'common.tryAgain', event: { type: 'reload' } }),
    });
  if (e.type !== 'loaded') return s;
  const election = e.election;
  const session = opened(election, e.candidates);
  // Reloaded after casting: the receipt was kept (public data only), even if voting closed since.
  const receipt = e.restored?.receipt;
  if (receipt) return to({ step: 'receipt', session, receipt });
  if (election.status !== 'open' || !election.params || !election.contests)
    return to({ step: 'closed', election });
  // Reloaded at a later step: the codes were never stored, so the voter signs in again and is told why.
  const was = e.restored?.place ?? 'signin';
  const resumed = was === 'signin' || was === 'receipt' || was === 'finished' ? null : was;
  // Decode the parameters in the worker meanwhile, so that encrypting later is quick.
  return to(signinStep(session, null, null, resumed), 'heading', 'warm');
}

/** From a fatal error the one way on is the action it offers. */
function fatal(s: StateAt<'fatal'>, e: BoothEvent): BoothState {
  if (e.type !== s.problem.action?.event.type) return s;
  if (e.type === 'reload') return { ...s, after: 'none', run: 'reload' };
  if (!s.session) return s;
  if (e.type === 'toCredential') return credentialStep(s.session);
  if (e.type === 'encrypt') return encrypting(s.session);
  return s;
}

function signinStep(
  session: Session,
  built: EncryptResult | null,
  p: Problem | null = null,
  resumed: Place | null = null,
): Bare {
  return { step: 'signin', session, built, resumed, busy: false, problem: p, fieldError: null };
}

function signin(s: StateAt<'signin'>, e: BoothEvent): BoothState {
  switch (e.type) {
    case 'input':
      if (e.field === 'credential') return s;
      return { ...s, session: { ...s.session, [e.field]: e.value }, after: 'none', run: null };
    case 'signIn': {
      if (s.busy) return s;
      const cleared = { ...s, problem: null, fieldError: null };
      if (!/^\d{12}$/.test(s.session.iin.replace(/\s/g, '')))
        return to({ ...cleared, fieldError: { field: 'iin', key: 'signin.iinInvalid' } }, { focus: 'iin' });
      if (s.session.loginCode.trim() === '')
        return to(
          { ...cleared, fieldError: { field: 'login-code', key: 'signin.codeEmpty' } },
          { focus: 'login-code' },
        );
      return to({ ...cleared, busy: true }, 'keep', 'login');
    }
    case 'signedIn': {
      if (!s.busy) return s;
      const session = { ...s.session, token: e.token };
      // After a failed silent sign-in at casting the encrypted ballot was kept: back to casting it.
      if (s.built) return to({ step: 'cast', session, built: s.built, problem: null });
      return session.credential ? ballotStep(session) : credentialStep(session);
    }
    case 'signinFailed': {
      if (!s.busy) return s;
      const code = e.failure.code;
      const field =
        code === Code.BAD_LOGIN_CODE
          ? 'login-code'
          : [Code.BAD_IIN, Code.BAD_LOGIN].some((c) => c === code)
            ? 'iin'
            : null;
      const left = (e.failure.details as { attemptsLeft?: unknown } | undefined)?.attemptsLeft;
      const p = problem(e.failure);
      if (Number.isSafeInteger(left) && (left as number) >= 0) p.attemptsLeft = left as number;
      return to({ ...s, busy: false, problem: p }, { notice: field });
    }
    default:
      return s;
  }
}

function credentialStep(session: Session): BoothState {
  return to({ step: 'credential', session, scanning: false, scanNote: null, fieldError: null });
}

function credential(s: StateAt<'credential'>, e: BoothEvent): BoothState {
  switch (e.type) {
    case 'input':
      if (e.field !== 'credential') return s;
      return {
        ...s,
        session: { ...s.session, credentialTyped: e.value },
        fieldError: null,
        after: 'none',
        run: null,
      };
    case 'startScan':
      return s.scanning ? s : to({ ...s, scanning: true, scanNote: null }, { focus: 'scan' });
    case 'stopScan':
      return s.scanning ? to({ ...s, scanning: false, scanNote: null }, { focus: 'scan' }) : s;
    case 'scanFailed':
      return s.scanning ? to({ ...s, scanning: false, scanNote: 'cred.scanFailed' }, { focus: 'scan' }) : s;
    case 'scanRead':
      if (!s.scanning) return s;
      // As if typed (up to the field's maxlength): the check-character feedback (SPEC §7.1) follows.
      return to(
        {
          ...s,
          session: { ...s.session, credentialTyped: e.text.slice(0, 40) },
          fieldError: null,
          scanning: false,
          scanNote: 'cred.scanRead',
        },
        { focus: 'credential' },
      );
    case 'submitCredential': {
      const session = s.session;
      const fb = credentialFeedback(session.credentialTyped);
      if (fb.kind !== 'ok') {
        const key = fb.kind === 'count' ? 'cred.tooShort' : fb.key;
        return to({ ...s, fieldError: { field: 'credential', key, vars: fb.vars } }, { focus: 'credential' });
      }
      const parsed = parseCredentialCode(session.credentialTyped);
      const contests = session.election.contests ?? [];
      const choices = session.choices.length === contests.length ? session.choices : contests.map(() => null);
      return ballotStep({
        ...session,
        credential: parsed.code,
        credentialTyped: formatCredentialCode(parsed),
        choices,
      });
    }
    default:
      return s;
  }
}

function ballotStep(session: Session): BoothState {
  return to({ step: 'ballot', session, fieldError: null });
}

function ballot(s: StateAt<'ballot'>, e: BoothEvent): BoothState {
  if (e.type === 'choose') {
    const { choices } = s.session;
    if (e.contest < 0 || e.contest >= choices.length) return s;
    const next = choices.map((c, i) => (i === e.contest ? e.option : c));
    return { ...s, session: { ...s.session, choices: next }, fieldError: null, after: 'none', run: null };
  }
  if (e.type !== 'submitBallot') return s;
  if (s.session.choices.some((c) => c === null))
    return to({ ...s, fieldError: { field: 'ballot', key: 'ballot.none' } }, { focus: 'ballot' });
  return to({ step: 'review', session: s.session, problem: null });
}

function encrypting(session: Session): BoothState {
  return to({ step: 'encrypting', session, stage: null }, 'heading', 'encrypt');
}

function encryptingStep(s: StateAt<'encrypting'>, e: BoothEvent): BoothState {
  switch (e.type) {
    case 'encryptProgress':
      return { ...s, stage: e.stage, after: 'keep', run: null };
    case 'encrypted':
      return to({ step: 'cast', session: s.session, built: e.built, problem: null });
    case 'encryptFailed':
      return to({
        step: 'review',
        session: s.session,
        problem: problem(e.failure, { label: 'err.encryptAgain', event: { type: 'encrypt' } }),
      });
    default:
      return s;
  }
}

function casting(session: Session, built: EncryptResult): BoothState {
  return to({ step: 'casting', session, built, attempt: FIRST_TRY }, 'heading', 'cast');
}

function cast(s: StateAt<'cast'>, e: BoothEvent): BoothState {
  switch (e.type) {
    case 'cast':
      return casting(s.session, s.built);
    case 'audit':
      // Benaloh audit (SPEC §8.5): the ballot's randomness is shown; it is dropped and never cast.
      return to({ step: 'audit', session: s.session, audit: s.built.audit, tracker: s.built.tracker });
    case 'toSignin':
      if (s.problem?.action?.event.type !== 'toSignin') return s;
      return to(signinStep(s.session, s.built));
    default:
      return s;
  }
}

function network(s: StateAt<'network'>, e: BoothEvent): BoothState {
  switch (s.net) {
    case 'checking':
      if (e.type === 'onBoard')
        // It arrived. The token that carried it is used; a new one fetches the original signed
        // receipt (409 ALREADY_CAST with the receipt, writing nothing; SPEC §10.9.2).
        return to(
          { ...s, session: { ...s.session, token: null }, net: 'arrived', attempt: FIRST_TRY },
          'heading',
          'cast',
        );
      if (e.type === 'notOnBoard') return to({ ...s, net: 'notArrived' });
      if (e.type === 'boardUnreachable') return to({ ...s, net: 'offline' });
      return s;
    case 'offline':
      return e.type === 'checkBoard' ? to({ ...s, net: 'checking' }, 'keep', 'find') : s;
    case 'notArrived':
      // Not on the board: only now may the same ballot be sent again.
      return e.type === 'cast' ? casting(s.session, s.built) : s;
    case 'arrived':
      return sending(s, e);
  }
}

/** A cast on its way, from "Cast" or after the board said it has the ballot. */
function sending(s: StateAt<'casting'> | StateAt<'network'>, e: BoothEvent): BoothState {
  switch (e.type) {
    case 'signedIn':
      return { ...s, session: { ...s.session, token: e.token }, after: 'none', run: null };
    case 'castDone':
      // Cast: the codes, the token and the ballot's randomness are dropped; the receipt is public.
      return to({ step: 'receipt', session: forgotten(s.session), receipt: e.receipt });
    case 'castFailed':
      return refused(s, e.failure);
    default:
      return s;
  }
}

/**
 * A cast that failed (SPEC §10.9.2). A refused request writes nothing, so after a refusal the same
 * ballot may be sent again; after no answer the board is asked by tracker first.
 */
function refused(s: StateAt<'casting'> | StateAt<'network'>, f: Failure): BoothState {
  const { built } = s;
  const session = { ...s.session };
  const castStep = (p: Problem) => to({ step: 'cast', session, built, problem: p });
  switch (castRefusal(f, s.attempt)) {
    case 'resign':
      // The board moved on meanwhile: its head is fetched and the ballot signed once more.
      return { ...s, attempt: { ...s.attempt, anchorRetried: true }, after: 'none', run: 'cast' };
    case 'askBoard':
      return to(
        { step: 'network', session, built, net: 'checking', attempt: FIRST_TRY },
        s.step === 'network' ? 'keep' : 'heading',
        'find',
      );
    case 'newToken':
      // Sign in again with the codes kept in memory and try once more with a fresh token.
      session.token = null;
      return to(
        { ...s, session, attempt: { tokenRetried: true, anchorRetried: false } },
        s.step === 'casting' ? 'heading' : 'none',
        'cast',
      );
    case 'signinAgain':
      session.token = null;
      return castStep(problem(f, { label: 'err.signinAgain', event: { type: 'toSignin' } }));
    case 'signin':
      // The silent sign-in failed (a reissued login code, say): the voter signs in again.
      return to(signinStep(session, built, problem(f)));
    case 'credentialAgain':
      return to({
        step: 'fatal',
        session: { ...session, credential: '' },
        problem: problem(f, { label: 'err.credentialAgain', event: { type: 'toCredential' } }),
      });
    case 'encryptAgain':
      return to({
        step: 'fatal',
        session,
        problem: {
          code: f.code,
          refused: true,
          action: { label: 'err.encryptAgain', event: { type: 'encrypt' } },
        },
      });
    case 'sendAgain':
      return castStep(problem(f, TRY_AGAIN));
  }
}

/** The session without anything secret, the choices included: what remains after casting. */
function forgotten(session: Session): Session {
  const choices = session.choices.map(() => null);
  return { ...session, iin: '', loginCode: '', token: null, credential: '', credentialTyped: '', choices };
}

/** The history place a state is at (SPEC §10.14, "History and reload"); null where there is none. */
export function placeOf(s: BoothState): Place | null {
  switch (s.step) {
    case 'signin':
    case 'credential':
    case 'ballot':
    case 'review':
    case 'receipt':
    case 'finished':
      return s.step;
    case 'encrypting':
    case 'cast':
    case 'casting':
    case 'audit':
    case 'network':
      return 'cast';
    default:
      return null;
  }
}

/** The steps before casting, in order; how far the session's data lets the voter go. */
const PREPARING: readonly Place[] = ['signin', 'credential', 'ballot', 'review'];

function reachable(session: Session): number {
  if (!session.token) return 0;
  if (!session.credential) return 1;
  return session.choices.some((c) => c === null) ? 2 : 3;
}

/**
 * Back or Forward to an entry of `place`. Only a step that still exists is shown: the furthest step
 * up to `place` that the voter's data allows. An encrypted ballot left by Back is dropped (a new
 * one is made from the review step), so no entry leads to it again; a ballot on its way stays where
 * it is; after casting every entry shows the receipt, and after "Finish" the finished page.
 */
function goto(s: BoothState, place: Place): BoothState {
  if (place === placeOf(s)) return s;
  switch (s.step) {
    case 'signin':
      if (s.busy) return s;
      break;
    case 'credential':
    case 'ballot':
    case 'review':
    case 'encrypting':
    case 'cast':
    case 'audit':
      break;
    default:
      // loading, closed, fatal, casting, network, receipt, finished: nothing else to go to.
      return s;
  }
  const want = PREPARING.indexOf(place);
  const i = Math.min(want < 0 ? PREPARING.length - 1 : want, reachable(s.session));
  // Forward past the last step that still exists: stay (the driver fixes the entry).
  if (i < 0 || PREPARING[i] === placeOf(s)) return s;
  const session = s.session;
  switch (PREPARING[i]) {
    case 'signin':
      return to(signinStep(session, null));
    case 'credential':
      return credentialStep(session);
    case 'ballot':
      return ballotStep(session);
    default:
      return to({ step: 'review', session, problem: null });
  }
}
