/**
 * The booth's state and events (SPEC §10.14, "The voting steps"): one variant per step, each holding
 * only what that step shows or needs. Plain data, so that the transitions (machine.ts) are a pure
 * function and the credential code, the login code and the token live in this memory only.
 */
import type { BallotAuditJson } from '@saylau/crypto';
import type { PublicElection, SignedReceipt } from '../index.ts';
import type { EncryptResult, Stage } from '../worker/protocol.ts';
import type { CandidateInfo } from './candidates.ts';
import type { MessageKey } from './catalog.ts';

/** A voter token (SPEC §10.9.1) and when it expires, in ms since the epoch. */
export interface Token {
  value: string;
  expires: number;
}

/** What the voter has entered and been given, carried from step to step; never written to storage. */
export interface Session {
  election: PublicElection;
  candidates: ReadonlyMap<string, CandidateInfo>;
  iin: string;
  loginCode: string;
  token: Token | null;
  /** The credential code as parsed (SPEC §7.1); '' until the voter has entered a valid one. */
  credential: string;
  /** The credential field as typed (or read from the QR code). */
  credentialTyped: string;
  /** The option index chosen in each contest, null while none is. */
  choices: readonly (number | null)[];
}

/**
 * A request or job that failed, as data: the server's code (SPEC §10.13) with the HTTP status, or
 * NETWORK (status 0) and BAD_RESPONSE; WORKER or OTHER, without a status, for a failure on the device.
 */
export interface Failure {
  code: string;
  status?: number;
  details?: unknown;
}

/** An error shown on a step, and the one thing the voter can do about it there. */
export interface Problem {
  code: string;
  /** The server refused the ballot itself (said as "refused", with the code). */
  refused?: boolean;
  /** Sign-in attempts left, when the server's refusal says so (`details.attemptsLeft`); never guessed. */
  attemptsLeft?: number;
  action?: { label: MessageKey; event: BoothEvent };
}

export type Field = 'iin' | 'login-code' | 'credential' | 'ballot';

/** A mistake in one field, found on the device before anything is sent. */
export interface FieldError {
  field: Field;
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** A receipt as the server signed it (SPEC §7.4), with what the booth found when it checked it. */
export interface CheckedReceipt {
  signed: SignedReceipt;
  /** The tracker of the ballot the booth sent (public: it is on the board). */
  tracker: string;
  /** The signature verifies under the manifest's `serverKey`. */
  valid: boolean;
  /** It names this ballot's tracker and this election. */
  matches: boolean;
}

/** How the retries of one cast stand: each kind is tried once more at most (SPEC §10.14, "Cast"). */
export interface Attempt {
  /** A fresh token was fetched after the server refused the one sent. */
  tokenRetried: boolean;
  /** The ballot was signed once more with a fresh board head after STALE_ANCHOR or BAD_ANCHOR. */
  anchorRetried: boolean;
}

/** What the page does with a new state: how it is drawn and where focus goes. */
export type After =
  /** Nothing to redraw: the page shows this already (the voter's typing, a token fetched meanwhile). */
  | 'none'
  /** A new step: focus its heading, so that a screen reader reads it. */
  | 'heading'
  /** The same step redrawn: focus stays on the control that had it. */
  | 'keep'
  /** Focus this field (or, for the ballot, its first option). */
  | { focus: Field | 'scan' }
  /** An error: focus the field to correct, else the error notice (read out either way). */
  | { notice: Field | null };

/** The work a state asks for; the booth's driver runs it and dispatches its outcome as events. */
export type Effect = 'load' | 'warm' | 'login' | 'encrypt' | 'cast' | 'find' | 'reload';

/** Where a cast stands after no answer (SPEC §10.9.2): the board is asked by tracker first. */
export type Net = 'checking' | 'offline' | 'notArrived' | 'arrived';

interface Drawn {
  after: After;
  /** Set only by the transition that asks for it, so it runs once. */
  run: Effect | null;
}

export type BoothState = Drawn &
  (
    | { step: 'loading' }
    | { step: 'fatal'; session: Session | null; problem: Problem }
    | { step: 'closed'; election: PublicElection }
    | {
        step: 'signin';
        session: Session;
        /** The page was reloaded at this later place: the codes were not kept, so the voter signs in again. */
        resumed: Place | null;
        /** A ballot encrypted before a failed silent sign-in at casting: cast it once signed in. */
        built: EncryptResult | null;
        busy: boolean;
        problem: Problem | null;
        fieldError: FieldError | null;
      }
    | {
        step: 'credential';
        session: Session;
        scanning: boolean;
        scanNote: MessageKey | null;
        fieldError: FieldError | null;
      }
    | { step: 'ballot'; session: Session; fieldError: FieldError | null }
    | { step: 'review'; session: Session; problem: Problem | null }
    | { step: 'encrypting'; session: Session; stage: Stage | null }
    | { step: 'cast'; session: Session; built: EncryptResult; problem: Problem | null }
    | { step: 'casting'; session: Session; built: EncryptResult; attempt: Attempt }
    | { step: 'audit'; session: Session; audit: BallotAuditJson; tracker: string }
    | { step: 'network'; session: Session; built: EncryptResult; net: Net; attempt: Attempt }
    | { step: 'receipt'; session: Session; receipt: CheckedReceipt }
    /** The voter finished: the codes and the token are gone, only the public election remains. */
    | { step: 'finished'; election: PublicElection }
  );

export type Step = BoothState['step'];

/**
 * A place in the booth's browser history (SPEC §10.14, "History and reload"): one entry per step the
 * voter can go back to; encrypting, auditing and casting are all the one place 'cast'.
 */
export const PLACES = ['signin', 'credential', 'ballot', 'review', 'cast', 'receipt', 'finished'] as const;
export type Place = (typeof PLACES)[number];
export type StateAt<K extends Step> = Extract<BoothState, { step: K }>;

export type BoothEvent =
  // outcomes of effects
  | {
      type: 'loaded';
      election: PublicElection;
      candidates: readonly CandidateInfo[];
      /** Where the page was before a reload (its history entry) and the receipt kept since casting. */
      restored?: { place: Place | null; receipt: CheckedReceipt | null };
    }
  | { type: 'loadFailed'; failure: Failure }
  | { type: 'signedIn'; token: Token }
  | { type: 'signinFailed'; failure: Failure }
  | { type: 'encryptProgress'; stage: Stage }
  | { type: 'encrypted'; built: EncryptResult }
  | { type: 'encryptFailed'; failure: Failure }
  | { type: 'castDone'; receipt: CheckedReceipt }
  | { type: 'castFailed'; failure: Failure }
  | { type: 'onBoard' }
  | { type: 'notOnBoard' }
  | { type: 'boardUnreachable' }
  | { type: 'scanRead'; text: string }
  | { type: 'scanFailed' }
  // the voter
  | { type: 'input'; field: 'iin' | 'loginCode' | 'credential'; value: string }
  | { type: 'signIn' }
  | { type: 'startScan' }
  | { type: 'stopScan' }
  | { type: 'submitCredential' }
  | { type: 'choose'; contest: number; option: number }
  | { type: 'submitBallot' }
  | { type: 'change' }
  | { type: 'encrypt' }
  | { type: 'cast' }
  | { type: 'audit' }
  | { type: 'checkBoard' }
  | { type: 'finish' }
  /** Back or Forward in the browser: the entry's place (SPEC §10.14, "History and reload"). */
  | { type: 'goto'; place: Place }
  // the way on from an error
  | { type: 'toSignin' }
  | { type: 'toCredential' }
  | { type: 'reload' };
