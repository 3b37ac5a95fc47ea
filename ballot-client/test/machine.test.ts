/**
 * The booth's state machine (ballot-client/src/booth/machine.ts) in Node, without a browser: every
 * step's transitions, the events each step refuses (the very same state comes back), the secrets
 * forgotten on "Finish", the retry rules of casting (SPEC §10.9.2), the audit path (SPEC §8.5).
 */
import { describe, expect, it } from 'vitest';
import { formatCredentialCode, generateCredentialCode, type BallotAuditJson } from '@saylau/crypto';
import type { EncryptedBallotJson, PublicElection, SignedReceipt } from '../src/index.ts';
import type { EncryptResult } from '../src/worker/protocol.ts';
import type { CandidateInfo } from '../src/booth/candidates.ts';
import { castRefusal } from '../src/booth/cast-refusal.ts';
import { initial, placeOf, step } from '../src/booth/machine.ts';
import type {
  BoothEvent,
  BoothState,
  CheckedReceipt,
  Failure,
  Place,
  StateAt,
  Step,
} from '../src/booth/state.ts';

const election: PublicElection = {
  id: 'e1',
  kind: 'akim',
  status: 'open',
  manifest: { serverKey: 'ab'.repeat(32) },
  calendar: {},
  contests: [
    {
      id: 'akim',
      kind: 'akim',
      options: [
        { id: 'cand-1', kind: 'candidate', names: { en: 'One' } },
        { id: 'against', kind: 'against-all', names: { en: 'Against all' } },
      ],
    },
  ],
  params: { election: 'e1' },
  board: { seq: 3, head: 'h' },
};
const candidate = { id: 'cand-1', route: { kind: 'self' } } as CandidateInfo;
const IIN = '990101300123';
const LOGIN_CODE = 'LOGIN-CODE-1';
const code = generateCredentialCode().code;
const token = { value: 'token-1', expires: 1_000_000 };

function encrypted(tracker: string, choice = 0): EncryptResult {
  return {
    ballot: { election: 'e1' } as unknown as EncryptedBallotJson,
    hash: `hash-${tracker}`,
    tracker,
    audit: { ballot: {}, choices: [choice], nonces: [['n']] } as unknown as BallotAuditJson,
    ms: 1,
  };
}

function receiptFor(tracker: string): CheckedReceipt {
  const signed = { receipt: { tracker, election: 'e1', seq: 4 }, signature: 's' } as unknown as SignedReceipt;
  return { signed, tracker, valid: true, matches: true };
}

const http = (code: string, status: number): Failure => ({ code, status });

/** Frozen all the way down: a transition that changed a state in place would throw. */
function frozen<T>(x: T): T {
  if (x && typeof x === 'object' && !(x instanceof Map) && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) frozen(v);
  }
  return x;
}

/** Each event must be taken: a new state comes back. */
function walk(from: BoothState, ...events: BoothEvent[]): BoothState {
  let s = frozen(from);
  for (const e of events) {
    const next = frozen(step(s, e));
    expect(next, `${s.step} takes ${e.type}`).not.toBe(s);
    s = next;
  }
  return s;
}

/** The state must be at `step`; returns it narrowed. */
function at<K extends Step>(s: BoothState, k: K): StateAt<K> {
  expect(s.step).toBe(k);
  return s as StateAt<K>;
}

/** Each event is refused: the very same state comes back. */
function refuses(s: BoothState, ...events: BoothEvent[]): void {
  for (const e of events) expect(step(s, e), `${s.step} refuses ${e.type}`).toBe(s);
}

const loaded: BoothEvent = { type: 'loaded', election, candidates: [candidate] };
const signinAt = () => walk(initial(), loaded);
const signedIn = () =>
  walk(
    signinAt(),
    { type: 'input', field: 'iin', value: '9901 0130 0123' },
    { type: 'input', field: 'loginCode', value: LOGIN_CODE },
    { type: 'signIn' },
    { type: 'signedIn', token },
  );
const ballotAt = () =>
  walk(signedIn(), { type: 'input', field: 'credential', value: code }, { type: 'submitCredential' });
const reviewAt = () => walk(ballotAt(), { type: 'choose', contest: 0, option: 1 }, { type: 'submitBallot' });
const castAt = (tracker = 'T1') =>
  walk(reviewAt(), { type: 'encrypt' }, { type: 'encrypted', built: encrypted(tracker) });
const castingAt = () => walk(castAt(), { type: 'cast' });

describe('opening the booth', () => {
  it('starts loading and asks for the election', () => {
    expect(initial()).toEqual({ step: 'loading', after: 'keep', run: 'load' });
  });

  it('goes to sign-in for an open election, with empty codes and no choice made, and warms the worker', () => {
    const s = at(signinAt(), 'signin');
    expect([s.after, s.run, s.busy, s.built, s.problem, s.fieldError]).toEqual([
      'heading',
      'warm',
      false,
      null,
      null,
      null,
    ]);
    expect(s.session).toMatchObject({ iin: '', loginCode: '', token: null, credential: '', choices: [null] });
    expect(s.session.candidates.get('cand-1')).toBe(candidate);
  });

  it('says voting is closed when the election is not open or has no parameters or contests', () => {
    for (const e of [{ status: 'closed' }, { params: null }, { contests: null }] as const) {
      const s = at(
        walk(initial(), { type: 'loaded', election: { ...election, ...e }, candidates: [] }),
        'closed',
      );
      expect([s.election.id, s.run]).toEqual(['e1', null]);
      refuses(s, { type: 'signIn' }, { type: 'reload' });
    }
  });

  it('a failed load is fatal; its one way on reloads the page', () => {
    const s = at(walk(initial(), { type: 'loadFailed', failure: http('NETWORK', 0) }), 'fatal');
    expect(s.problem).toEqual({
      code: 'NETWORK',
      action: { label: 'common.tryAgain', event: { type: 'reload' } },
    });
    refuses(s, { type: 'encrypt' }, { type: 'toCredential' }, loaded);
    const r = walk(s, { type: 'reload' });
    expect([r.step, r.after, r.run]).toEqual(['fatal', 'none', 'reload']);
  });

  it('refuses everything but the load outcome while loading', () => {
    refuses(initial(), { type: 'signIn' }, { type: 'cast' }, { type: 'finish' }, { type: 'onBoard' });
  });
});

describe('sign-in', () => {
  it('keeps the typing without redrawing', () => {
    const s = at(walk(signinAt(), { type: 'input', field: 'iin', value: '9' }), 'signin');
    expect([s.session.iin, s.after, s.run]).toEqual(['9', 'none', null]);
    refuses(s, { type: 'input', field: 'credential', value: code });
  });

  it('checks the IIN and the login code on the device before anything is sent', () => {
    const bad = at(
      walk(signinAt(), { type: 'input', field: 'iin', value: '12345' }, { type: 'signIn' }),
      'signin',
    );
    expect([bad.fieldError, bad.after, bad.run]).toEqual([
      { field: 'iin', key: 'signin.iinInvalid' },
      { focus: 'iin' },
      null,
    ]);
    const empty = at(
      walk(
        bad,
        { type: 'input', field: 'iin', value: IIN },
        { type: 'input', field: 'loginCode', value: ' ' },
        { type: 'signIn' },
      ),
      'signin',
    );
    expect([empty.fieldError, empty.after, empty.run]).toEqual([
      { field: 'login-code', key: 'signin.codeEmpty' },
      { focus: 'login-code' },
      null,
    ]);
  });

  it('signs in once at a time, then asks for the credential code', () => {
    const busy = at(
      walk(
        signinAt(),
        { type: 'input', field: 'iin', value: IIN },
        { type: 'input', field: 'loginCode', value: LOGIN_CODE },
        { type: 'signIn' },
      ),
      'signin',
    );
    expect([busy.busy, busy.after, busy.run, busy.fieldError]).toEqual([true, 'keep', 'login', null]);
    refuses(busy, { type: 'signIn' });
    const s = at(walk(busy, { type: 'signedIn', token }), 'credential');
    expect([s.session.token, s.after, s.run, s.scanning]).toEqual([token, 'heading', null, false]);
  });

  it('a token outside of a sign-in is refused', () => {
    refuses(
      signinAt(),
      { type: 'signedIn', token },
      { type: 'signinFailed', failure: http('BAD_LOGIN', 401) },
    );
  });

  it('a refused sign-in shows the error and focuses the field to correct, else the notice', () => {
    const busy = walk(
      signinAt(),
      { type: 'input', field: 'iin', value: IIN },
      { type: 'input', field: 'loginCode', value: 'X' },
      { type: 'signIn' },
    );
    const cases: [string, string | null][] = [
      ['BAD_LOGIN_CODE', 'login-code'],
      ['BAD_LOGIN', 'iin'],
      ['BAD_IIN', 'iin'],
      ['RATE_LIMITED', null],
    ];
    for (const [c, field] of cases) {
      const s = at(walk(busy, { type: 'signinFailed', failure: http(c, 401) }), 'signin');
      expect([s.busy, s.problem, s.after, s.run]).toEqual([false, { code: c }, { notice: field }, null]);
      // Signing in again clears the error.
      expect(at(walk(s, { type: 'signIn' }), 'signin').problem).toBeNull();
    }
  });

  it('shows the attempts left only when the refusal says how many, as a whole number', () => {
    const busy = walk(
      signinAt(),
      { type: 'input', field: 'iin', value: IIN },
      { type: 'input', field: 'loginCode', value: 'X' },
      { type: 'signIn' },
    );
    const refusal = (details: unknown) =>
      at(walk(busy, { type: 'signinFailed', failure: { ...http('BAD_LOGIN', 401), details } }), 'signin')
        .problem;
    expect(refusal({ attemptsLeft: 2 })).toEqual({ code: 'BAD_LOGIN', attemptsLeft: 2 });
    expect(refusal({ attemptsLeft: 0 })).toEqual({ code: 'BAD_LOGIN', attemptsLeft: 0 });
    for (const details of [undefined, {}, { attemptsLeft: '2' }, { attemptsLeft: -1 }, { attemptsLeft: 1.5 }])
      expect(refusal(details)).toEqual({ code: 'BAD_LOGIN' });
  });
});

describe('the credential code', () => {
  it('keeps the typing without redrawing, and clears a previous mistake', () => {
    const wrong = walk(
      signedIn(),
      { type: 'input', field: 'credential', value: 'abc' },
      { type: 'submitCredential' },
    );
    const s = at(walk(wrong, { type: 'input', field: 'credential', value: 'abcd' }), 'credential');
    expect([s.session.credentialTyped, s.fieldError, s.after]).toEqual(['abcd', null, 'none']);
  });

  it('refuses a short or mistyped code on the device (SPEC §7.1), focusing the field', () => {
    const short = at(
      walk(
        signedIn(),
        { type: 'input', field: 'credential', value: code.slice(0, 5) },
        { type: 'submitCredential' },
      ),
      'credential',
    );
    expect([short.fieldError?.key, short.after]).toEqual(['cred.tooShort', { focus: 'credential' }]);
    const typo = code.slice(0, -1) + (code.endsWith('a') ? 'b' : 'a');
    const bad = at(
      walk(signedIn(), { type: 'input', field: 'credential', value: typo }, { type: 'submitCredential' }),
      'credential',
    );
    expect(bad.fieldError?.key).toBe('cred.checksum');
  });

  it('a valid code, typed with separators, goes to the ballot in its display form', () => {
    const s = at(ballotAt(), 'ballot');
    expect([s.session.credential, s.session.credentialTyped]).toEqual([code, formatCredentialCode(code)]);
    expect([s.session.choices, s.fieldError, s.after]).toEqual([[null], null, 'heading']);
  });

  it('scans: start, stop, a code read fills the field as if typed, a failure says so', () => {
    const start = at(walk(signedIn(), { type: 'startScan' }), 'credential');
    expect([start.scanning, start.scanNote, start.after]).toEqual([true, null, { focus: 'scan' }]);
    refuses(start, { type: 'startScan' });
    const stopped = at(walk(start, { type: 'stopScan' }), 'credential');
    expect([stopped.scanning, stopped.after]).toEqual([false, { focus: 'scan' }]);
    const read = at(walk(start, { type: 'scanRead', text: code + 'x'.repeat(40) }), 'credential');
    expect([read.scanning, read.scanNote, read.after]).toEqual([
      false,
      'cred.scanRead',
      { focus: 'credential' },
    ]);
    expect(read.session.credentialTyped).toBe((code + 'x'.repeat(40)).slice(0, 40));
    const failed = at(walk(start, { type: 'scanFailed' }), 'credential');
    expect([failed.scanning, failed.scanNote]).toEqual([false, 'cred.scanFailed']);
    // A camera that answers after scanning stopped changes nothing.
    refuses(stopped, { type: 'scanRead', text: code }, { type: 'scanFailed' }, { type: 'stopScan' });
  });

  it('submitting while scanning ends the scan', () => {
    const s = walk(
      signedIn(),
      { type: 'startScan' },
      { type: 'input', field: 'credential', value: code },
      { type: 'submitCredential' },
    );
    expect(s.step).toBe('ballot');
  });
});

describe('ballot and review', () => {
  it('asks for a choice in every contest, focusing the first option', () => {
    const s = at(walk(ballotAt(), { type: 'submitBallot' }), 'ballot');
    expect([s.fieldError, s.after]).toEqual([{ field: 'ballot', key: 'ballot.none' }, { focus: 'ballot' }]);
    const chosen = at(walk(s, { type: 'choose', contest: 0, option: 0 }), 'ballot');
    expect([chosen.session.choices, chosen.fieldError, chosen.after]).toEqual([[0], null, 'none']);
    refuses(chosen, { type: 'choose', contest: 1, option: 0 }, { type: 'encrypt' });
  });

  it('reviews, changes, and encrypts in the worker', () => {
    const review = at(reviewAt(), 'review');
    expect(review.session.choices).toEqual([1]);
    expect(walk(review, { type: 'change' }).step).toBe('ballot');
    const enc = at(walk(review, { type: 'encrypt' }), 'encrypting');
    expect([enc.stage, enc.after, enc.run]).toEqual([null, 'heading', 'encrypt']);
    const progress = at(walk(enc, { type: 'encryptProgress', stage: 'keys' }), 'encrypting');
    expect([progress.stage, progress.after, progress.run]).toEqual(['keys', 'keep', null]);
    refuses(enc, { type: 'cast' }, { type: 'encrypt' }, { type: 'audit' });
  });

  it('an encryption that failed goes back to the review, offering to encrypt again', () => {
    const s = at(
      walk(reviewAt(), { type: 'encrypt' }, { type: 'encryptFailed', failure: { code: 'WORKER' } }),
      'review',
    );
    expect(s.problem).toEqual({
      code: 'WORKER',
      action: { label: 'err.encryptAgain', event: { type: 'encrypt' } },
    });
    expect(walk(s, { type: 'encrypt' }).run).toBe('encrypt');
  });
});

describe('cast and audit', () => {
  it('casts: one request at a time, then the receipt, with the token dropped', () => {
    const cast = at(castAt(), 'cast');
    expect([cast.built.tracker, cast.problem, cast.after]).toEqual(['T1', null, 'heading']);
    const casting = at(walk(cast, { type: 'cast' }), 'casting');
    expect([casting.run, casting.attempt]).toEqual(['cast', { tokenRetried: false, anchorRetried: false }]);
    refuses(casting, { type: 'cast' }, { type: 'audit' }, { type: 'encrypt' }, { type: 'finish' });
    const r = at(walk(casting, { type: 'castDone', receipt: receiptFor('T1') }), 'receipt');
    expect([r.session.token, r.receipt.signed.receipt.tracker, r.run]).toEqual([null, 'T1', null]);
    refuses(r, { type: 'cast' }, { type: 'castDone', receipt: receiptFor('T1') });
  });

  it('a token fetched while casting (a silent sign-in) is kept without redrawing', () => {
    const fresh = { value: 'token-2', expires: 2_000_000 };
    const s = at(walk(castingAt(), { type: 'signedIn', token: fresh }), 'casting');
    expect([s.session.token, s.after, s.run]).toEqual([fresh, 'none', null]);
  });

  it('an audited ballot is dropped and never cast; the voter encrypts afresh (SPEC §8.5)', () => {
    const audit = at(walk(castAt('T1'), { type: 'audit' }), 'audit');
    expect([audit.tracker, audit.audit.choices]).toEqual(['T1', [0]]);
    expect('built' in audit).toBe(false);
    refuses(audit, { type: 'cast' }, { type: 'castDone', receipt: receiptFor('T1') }, { type: 'audit' });
    const enc = at(walk(audit, { type: 'encrypt' }), 'encrypting');
    expect(enc.run).toBe('encrypt');
    const again = at(walk(enc, { type: 'encrypted', built: encrypted('T2') }), 'cast');
    expect(again.built.tracker).toBe('T2');
    expect(at(walk(again, { type: 'cast' }), 'casting').built.tracker).toBe('T2');
  });

  it('a late encryption or cast outcome changes nothing', () => {
    refuses(
      castAt(),
      { type: 'encrypted', built: encrypted('T9') },
      { type: 'castDone', receipt: receiptFor('T1') },
    );
    refuses(
      reviewAt(),
      { type: 'encryptProgress', stage: 'done' },
      { type: 'castFailed', failure: http('NETWORK', 0) },
    );
  });
});

describe('a cast without an answer (SPEC §10.9.2)', () => {
  it('asks the board by tracker before sending anything again', () => {
    for (const f of [http('NETWORK', 0), http('BAD_RESPONSE', 200), http('INTERNAL', 503)]) {
      const s = at(walk(castingAt(), { type: 'castFailed', failure: f }), 'network');
      expect([s.net, s.run, s.after, s.built.tracker]).toEqual(['checking', 'find', 'heading', 'T1']);
      refuses(s, { type: 'cast' }, { type: 'checkBoard' }, { type: 'castDone', receipt: receiptFor('T1') });
    }
  });

  it('not on the board: only then is the same ballot sent again', () => {
    const checking = walk(castingAt(), { type: 'castFailed', failure: http('NETWORK', 0) });
    const missing = at(walk(checking, { type: 'notOnBoard' }), 'network');
    expect([missing.net, missing.run, missing.after]).toEqual(['notArrived', null, 'heading']);
    refuses(missing, { type: 'checkBoard' }, { type: 'onBoard' });
    const again = at(walk(missing, { type: 'cast' }), 'casting');
    expect([again.built.tracker, again.run]).toEqual(['T1', 'cast']);
  });

  it('no answer from the board either: the voter asks again, nothing is sent', () => {
    const offline = at(
      walk(castingAt(), { type: 'castFailed', failure: http('NETWORK', 0) }, { type: 'boardUnreachable' }),
      'network',
    );
    expect([offline.net, offline.run]).toEqual(['offline', null]);
    refuses(offline, { type: 'cast' }, { type: 'onBoard' });
    const checking = at(walk(offline, { type: 'checkBoard' }), 'network');
    expect([checking.net, checking.run, checking.after]).toEqual(['checking', 'find', 'keep']);
  });

  it('on the board: the used token is dropped and the ballot sent with a new one for its original receipt', () => {
    const arrived = at(
      walk(castingAt(), { type: 'castFailed', failure: http('NETWORK', 0) }, { type: 'onBoard' }),
      'network',
    );
    expect([arrived.net, arrived.run, arrived.session.token]).toEqual(['arrived', 'cast', null]);
    refuses(arrived, { type: 'cast' }, { type: 'checkBoard' }, { type: 'onBoard' });
    // The server answers 409 ALREADY_CAST with the receipt: casting.ts turns it into castDone.
    const r = at(walk(arrived, { type: 'castDone', receipt: receiptFor('T1') }), 'receipt');
    expect(r.receipt.signed.receipt.tracker).toBe('T1');
    // Still no answer: the board is asked again, from the same screen.
    const lost = at(walk(arrived, { type: 'castFailed', failure: http('NETWORK', 0) }), 'network');
    expect([lost.net, lost.run, lost.after]).toEqual(['checking', 'find', 'keep']);
  });

  it('every path sends the same encryption, and only after the board said it lacks it', () => {
    const runs: string[] = [];
    let s = frozen(castAt('T1'));
    const events: BoothEvent[] = [
      { type: 'cast' },
      { type: 'castFailed', failure: http('NETWORK', 0) },
      { type: 'cast' }, // refused: the board was not asked yet
      { type: 'boardUnreachable' },
      { type: 'cast' }, // refused: still not known
      { type: 'checkBoard' },
      { type: 'notOnBoard' },
      { type: 'cast' },
      { type: 'castFailed', failure: http('NETWORK', 0) },
      { type: 'onBoard' },
      { type: 'castDone', receipt: receiptFor('T1') },
    ];
    for (const e of events) {
      s = frozen(step(s, e));
      if (s.run === 'cast' && (s.step === 'casting' || s.step === 'network'))
        runs.push(`${s.step}:${s.built.tracker}`);
    }
    expect(runs).toEqual(['casting:T1', 'casting:T1', 'network:T1']);
    expect(s.step).toBe('receipt');
  });
});

describe('a refused cast', () => {
  it('a board that moved on: the head is fetched and the ballot signed once more, once', () => {
    for (const c of ['STALE_ANCHOR', 'BAD_ANCHOR']) {
      const again = at(walk(castingAt(), { type: 'castFailed', failure: http(c, 409) }), 'casting');
      expect([again.run, again.after, again.attempt.anchorRetried, again.built.tracker]).toEqual([
        'cast',
        'none',
        true,
        'T1',
      ]);
      const s = at(walk(again, { type: 'castFailed', failure: http(c, 409) }), 'cast');
      expect(s.problem).toEqual({ code: c, action: { label: 'common.tryAgain', event: { type: 'cast' } } });
      expect(at(walk(s, { type: 'cast' }), 'casting').attempt.anchorRetried).toBe(false);
    }
  });

  it('a refused token: signs in again silently and sends once more; then the voter signs in', () => {
    const again = at(
      walk(castingAt(), { type: 'castFailed', failure: http('TOKEN_EXPIRED', 401) }),
      'casting',
    );
    expect([again.run, again.session.token, again.attempt]).toEqual([
      'cast',
      null,
      { tokenRetried: true, anchorRetried: false },
    ]);
    const s = at(walk(again, { type: 'castFailed', failure: http('TOKEN_USED', 401) }), 'cast');
    expect(s.problem).toEqual({
      code: 'TOKEN_USED',
      action: { label: 'err.signinAgain', event: { type: 'toSignin' } },
    });
    // Back at sign-in the encrypted ballot is kept, and cast once signed in.
    const signin = at(walk(s, { type: 'toSignin' }), 'signin');
    expect(signin.built?.tracker).toBe('T1');
    const cast = at(walk(signin, { type: 'signIn' }, { type: 'signedIn', token }), 'cast');
    expect([cast.built.tracker, cast.session.token]).toEqual(['T1', token]);
  });

  it('a retry with a fresh token may sign with a fresh head again', () => {
    const s = walk(
      castingAt(),
      { type: 'castFailed', failure: http('STALE_ANCHOR', 409) },
      { type: 'castFailed', failure: http('TOKEN_EXPIRED', 401) },
    );
    expect(at(s, 'casting').attempt).toEqual({ tokenRetried: true, anchorRetried: false });
    expect(at(walk(s, { type: 'castFailed', failure: http('STALE_ANCHOR', 409) }), 'casting').run).toBe(
      'cast',
    );
  });

  it('a failed silent sign-in sends the voter to sign in, keeping the ballot', () => {
    const s = at(walk(castingAt(), { type: 'castFailed', failure: http('BAD_LOGIN', 401) }), 'signin');
    expect([s.problem, s.built?.tracker, s.after]).toEqual([{ code: 'BAD_LOGIN' }, 'T1', 'heading']);
  });

  it('a refused credential: the ballot and the code are dropped, the choices kept', () => {
    const s = at(
      walk(castingAt(), { type: 'castFailed', failure: http('UNKNOWN_CREDENTIAL', 403) }),
      'fatal',
    );
    expect(s.problem.action).toEqual({ label: 'err.credentialAgain', event: { type: 'toCredential' } });
    expect([s.session?.credential, s.session?.choices]).toEqual(['', [1]]);
    refuses(s, { type: 'encrypt' }, { type: 'cast' }, { type: 'reload' });
    const c = at(walk(s, { type: 'toCredential' }), 'credential');
    expect([c.session.choices, c.after]).toEqual([[1], 'heading']);
  });

  it('a refused ballot is dropped; the voter encrypts afresh', () => {
    for (const c of ['BAD_PROOF', 'TRACKER_TAKEN', 'CRYPTO_BAD_POINT']) {
      const s = at(walk(castingAt(), { type: 'castFailed', failure: http(c, 400) }), 'fatal');
      expect(s.problem).toEqual({
        code: c,
        refused: true,
        action: { label: 'err.encryptAgain', event: { type: 'encrypt' } },
      });
      refuses(s, { type: 'cast' }, { type: 'toCredential' });
      expect(walk(s, { type: 'encrypt' }).run).toBe('encrypt');
    }
  });

  it('busy, or a failure on the device: the same ballot may be sent again', () => {
    for (const f of [
      http('VERIFIER_UNAVAILABLE', 503),
      http('RATE_LIMITED', 429),
      { code: 'OTHER' },
      http('ALREADY_CAST', 409),
    ]) {
      const s = at(walk(castingAt(), { type: 'castFailed', failure: f }), 'cast');
      expect([s.problem?.action?.event, s.built.tracker]).toEqual([{ type: 'cast' }, 'T1']);
      refuses(s, { type: 'toSignin' });
    }
  });

  it('castRefusal reads each refusal once per attempt', () => {
    const first = { tokenRetried: false, anchorRetried: false };
    const both = { tokenRetried: true, anchorRetried: true };
    expect(castRefusal(http('STALE_ANCHOR', 409), first)).toBe('resign');
    expect(castRefusal(http('STALE_ANCHOR', 409), both)).toBe('sendAgain');
    expect(castRefusal(http('NO_TOKEN', 401), first)).toBe('newToken');
    expect(castRefusal(http('NO_TOKEN', 401), both)).toBe('signinAgain');
    expect(castRefusal(http('NETWORK', 0), both)).toBe('askBoard');
    expect(castRefusal({ code: 'WORKER' }, first)).toBe('sendAgain');
  });
});

describe('finish', () => {
  it('forgets the credential code, the login code and the token', () => {
    const receipt = walk(
      castingAt(),
      { type: 'signedIn', token },
      { type: 'castDone', receipt: receiptFor('T1') },
    );
    const s = at(walk(receipt, { type: 'finish' }), 'finished');
    expect(Object.keys(s).sort()).toEqual(['after', 'election', 'run', 'step']);
    const text = JSON.stringify(s);
    for (const secret of [code, formatCredentialCode(code), LOGIN_CODE, '9901 0130 0123', token.value])
      expect(text).not.toContain(secret);
    refuses(s, { type: 'finish' }, { type: 'signIn' }, { type: 'cast' }, loaded);
  });
});

describe('Back, Forward and reload (SPEC §10.14, "History and reload")', () => {
  const goto = (place: Place): BoothEvent => ({ type: 'goto', place });

  it('the receipt holds nothing secret: no codes, no token, no choice, no ballot randomness', () => {
    const r = at(
      walk(castingAt(), { type: 'signedIn', token }, { type: 'castDone', receipt: receiptFor('T1') }),
      'receipt',
    );
    const text = JSON.stringify({ ...r, session: { ...r.session, candidates: [] } });
    for (const secret of [code, formatCredentialCode(code), LOGIN_CODE, '990101300123', token.value, '"n"'])
      expect(text).not.toContain(secret);
    expect(Object.keys(r).sort()).toEqual(['after', 'receipt', 'run', 'session', 'step']);
    expect(r.session.choices).toEqual([null]);
  });

  it('Back goes to each earlier step with what the voter entered, the encrypted ballot dropped', () => {
    const review = at(walk(castAt(), goto('review')), 'review');
    expect([review.session.choices, review.after]).toEqual([[1], 'heading']);
    expect(JSON.stringify(review)).not.toContain('T1');
    const ballot = at(walk(review, goto('ballot')), 'ballot');
    expect(ballot.session.choices).toEqual([1]);
    const cred = at(walk(ballot, goto('credential')), 'credential');
    expect(cred.session.credentialTyped).toBe(formatCredentialCode(code));
    const signin = at(walk(cred, goto('signin')), 'signin');
    expect([signin.session.iin, signin.session.loginCode, signin.built]).toEqual([
      '9901 0130 0123',
      LOGIN_CODE,
      null,
    ]);
    // From the audit and while encrypting too: back to the review, nothing left to cast.
    const audit = walk(castAt(), { type: 'audit' });
    at(walk(audit, goto('review')), 'review');
    const enc = walk(reviewAt(), { type: 'encrypt' });
    const back = at(walk(enc, goto('review')), 'review');
    // The encryption that was running answers late: it is not taken.
    refuses(back, { type: 'encrypted', built: encrypted('T9') });
  });

  it('Forward goes only as far as the voter’s data allows; never to a dropped ballot', () => {
    const review = walk(castAt(), goto('signin'));
    // Forward again, one entry at a time and by jumps.
    at(walk(review, goto('credential')), 'credential');
    at(walk(review, goto('ballot')), 'ballot');
    at(walk(review, goto('review')), 'review');
    // The encrypted ballot's entry, or the receipt's, ends at the review: the ballot was dropped.
    at(walk(review, goto('cast')), 'review');
    refuses(walk(castAt(), goto('review')), goto('cast'), goto('receipt'), goto('finished'));
    // Not signed in yet: no step after sign-in exists.
    refuses(signinAt(), goto('credential'), goto('ballot'), goto('cast'));
    // Signed in, no credential code yet: no further than the credential step.
    const cred = walk(signedIn(), goto('signin'));
    at(walk(cred, goto('review')), 'credential');
    // No choice made: no review.
    const ballot = walk(ballotAt(), goto('credential'));
    at(walk(ballot, goto('review')), 'ballot');
  });

  it('a ballot on its way, a receipt and the finished page stay where they are', () => {
    const casting = castingAt();
    refuses(casting, goto('review'), goto('signin'), goto('receipt'));
    const net = walk(casting, { type: 'castFailed', failure: http('NETWORK', 0) });
    refuses(net, goto('review'), goto('ballot'));
    const receipt = walk(
      casting,
      { type: 'signedIn', token },
      { type: 'castDone', receipt: receiptFor('T1') },
    );
    refuses(receipt, goto('cast'), goto('review'), goto('signin'), goto('finished'));
    refuses(walk(receipt, { type: 'finish' }), goto('receipt'), goto('signin'));
    // A sign-in on its way is not interrupted.
    const busy = walk(
      signinAt(),
      { type: 'input', field: 'iin', value: IIN },
      { type: 'input', field: 'loginCode', value: LOGIN_CODE },
      { type: 'signIn' },
    );
    refuses(busy, goto('credential'));
  });

  it('places: one per step the voter can go back to', () => {
    expect(placeOf(castAt())).toBe('cast');
    expect(placeOf(walk(castAt(), { type: 'audit' }))).toBe('cast');
    expect(placeOf(castingAt())).toBe('cast');
    expect(placeOf(reviewAt())).toBe('review');
    expect(placeOf(initial())).toBe(null);
  });

  it('a reload after casting shows the kept receipt, even once voting has closed', () => {
    const receipt = receiptFor('T7');
    for (const e of [election, { ...election, status: 'closed' as const, params: null }]) {
      const s = at(
        walk(initial(), { ...loaded, election: e, restored: { place: 'cast', receipt } }),
        'receipt',
      );
      expect([s.receipt, s.session.token, s.session.credential, s.run]).toEqual([receipt, null, '', null]);
    }
  });

  it('a reload before casting signs in again and says why; at sign-in or after finishing it says nothing', () => {
    for (const place of ['credential', 'ballot', 'review', 'cast'] as const) {
      const s = at(walk(initial(), { ...loaded, restored: { place, receipt: null } }), 'signin');
      expect([s.resumed, s.session.token, s.session.credential, s.run]).toEqual([place, null, '', 'warm']);
    }
    for (const place of ['signin', 'receipt', 'finished', null] as const)
      expect(at(walk(initial(), { ...loaded, restored: { place, receipt: null } }), 'signin').resumed).toBe(
        null,
      );
    // Once signed in, the note has done its work.
    const s = walk(
      initial(),
      { ...loaded, restored: { place: 'review', receipt: null } },
      { type: 'input', field: 'iin', value: IIN },
      { type: 'input', field: 'loginCode', value: LOGIN_CODE },
      { type: 'signIn' },
      { type: 'signedIn', token },
    );
    at(s, 'credential');
  });
});
