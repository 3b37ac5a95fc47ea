/**
 * The trustee's local state file: its Ed25519 and X25519 secrets, its dealing secrets during the
 * ceremony, then its final share x_j (SPEC §6). JSON written with mode 0600 by write-and-rename;
 * nothing here is ever logged or sent, except what the protocol publishes.
 */
import {
  chmodSync,
  existsSync,
  linkSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import nacl from 'tweetnacl';
import { bytesToB64, generateSigningKey } from '@saylau/crypto';
import { type DealingMessage, Code } from '@saylau/protocol';
import { ClientError } from '../http.ts';

/** Dealer secrets kept until the joint key: needed to answer a complaint (SPEC §6.5 b). */
export interface StoredDealing {
  /** The ceremony fingerprint this dealing belongs to. */
  ceremony: string;
  message: DealingMessage;
  /** a_{i,0..t−1}, base64url scalars. */
  polynomial: string[];
  /** f_i(i), base64url scalar. */
  ownShare: string;
  /** recipient index → ephemeral X25519 secret of that box, base64url. */
  ephemeralSecretKeys: Record<string, string>;
}

export interface TrusteeState {
  /** 2: keys and scalars in base64url (SPEC §1.2); files of version 1 held hex and are refused. */
  version: 2;
  election: string;
  name: string;
  /** Assigned by the server at registration. */
  index: number | null;
  /**
   * The ceremony round this state belongs to (SPEC §10.6.7), fixed at creation when known, else at
   * registration. Absent in files older than rounds: a registered one then belongs to round 0.
   */
  round?: number | null;
  signingSecretKey: string;
  signingKey: string;
  boxSecretKey: string;
  boxKey: string;
  dealing: StoredDealing | null;
  /** dealer index → the verified share f_i(j) it sent, base64url scalar (erased once x_j is computed). */
  received: Record<string, string>;
  /** x_j and the public values it was checked against (SPEC §6.6). */
  share: { ceremony: string; secret: string; publicShare: string; publicKey: string } | null;
}

/** Create a trustee's keys in a new state file; an existing file is never overwritten. */
export function initTrustee(
  file: string,
  opts: { election: string; name: string; round?: number },
): TrusteeState {
  if (existsSync(file))
    throw new ClientError(`${file} already exists; it may hold a trustee's keys`, Code.STATE_EXISTS);
  const signing = generateSigningKey();
  const box = nacl.box.keyPair();
  const state: TrusteeState = {
    version: 2,
    election: opts.election,
    name: opts.name,
    index: null,
    round: opts.round ?? null,
    signingSecretKey: bytesToB64(signing.secretKey),
    signingKey: signing.publicKeyText,
    boxSecretKey: bytesToB64(box.secretKey),
    boxKey: bytesToB64(box.publicKey),
    dealing: null,
    received: {},
    share: null,
  };
  saveState(file, state, true);
  return state;
}

export function loadState(file: string): TrusteeState {
  let s: TrusteeState | { version: 1 };
  try {
    s = JSON.parse(readFileSync(file, 'utf8')) as TrusteeState | { version: 1 };
  } catch (e) {
    throw new ClientError(`cannot read the trustee state ${file}: ${(e as Error).message}`, Code.BAD_STATE);
  }
  if (s?.version === 1)
    throw new ClientError(
      `${file} was written by an earlier Saylau (hex keys); create a new state file`,
      Code.BAD_STATE,
    );
  if (s?.version !== 2 || typeof s.election !== 'string' || typeof s.signingSecretKey !== 'string')
    throw new ClientError(`${file} is not a trustee state file`, Code.BAD_STATE);
  return s;
}

/** Write to a 0600 temporary file, then rename over the old one: never a half-written state. */
export function saveState(file: string, state: TrusteeState, exclusive = false): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n', { mode: 0o600, flag: 'w' });
  chmodSync(tmp, 0o600);
  if (!exclusive) return renameSync(tmp, file);
  // link() fails if the file exists: a new state never replaces another trustee's keys.
  try {
    linkSync(tmp, file);
  } catch {
    throw new ClientError(`${file} already exists`, Code.STATE_EXISTS);
  } finally {
    unlinkSync(tmp);
  }
}

export function requireIndex(s: TrusteeState): number {
  if (s.index === null)
    throw new ClientError('register first (the server assigns the index)', Code.NOT_REGISTERED);
  return s.index;
}

/** The round a state belongs to, or null if it has not been bound to one yet. */
export const stateRound = (s: TrusteeState): number | null => s.round ?? (s.index !== null ? 0 : null);

/**
 * SPEC §10.6.7: after a `ceremony-reset` the keys of the abandoned round are void (their shares are
 * public on the board), so its state file must not register, deal or complain again.
 */
export function requireCurrentRound(s: TrusteeState, current: number): void {
  const round = stateRound(s);
  if (round !== null && round !== current)
    throw new ClientError(
      `this state belongs to round ${round}, abandoned; create a new state file`,
      Code.STALE_STATE,
      undefined,
      { round, current },
    );
}
