/**
 * Every error code of the protocol (SPEC §1.3, §10.13), declared once: the HTTP refusals with the
 * statuses the server may answer them with, and the codes the tools and the booth raise on their own
 * side (no HTTP status). Elsewhere a code is written `Code.X`, so a typo does not compile.
 */
import type { CryptoErrorCode } from '@saylau/crypto';

/** Refusals the server answers, with every status it uses for them (the first is the usual one). */
export const HTTP_ERRORS = {
  ACCOUNT_LOCKED: [423],
  AKIM_NOMINATION: [422],
  ALREADY_ANSWERED: [409],
  ALREADY_CAST: [409],
  ALREADY_COMPLAINED: [409],
  ALREADY_DEALT: [409],
  ALREADY_DECRYPTED: [409],
  ALREADY_GRANTED: [409],
  ALREADY_NOMINATED: [409],
  ALREADY_REGISTERED: [409],
  ANSWERS_PENDING: [409],
  ATTESTATION_MISSING: [422],
  BAD_ANCHOR: [409],
  BAD_ASSEMBLY: [422],
  BAD_BODY: [400],
  BAD_CALENDAR: [400],
  BAD_COMMITMENTS: [400],
  BAD_COMPLAINT: [400],
  BAD_CONTENT_TYPE: [415],
  BAD_CSV: [400],
  BAD_DECRYPTION: [400],
  BAD_ENCODING: [400, 415],
  BAD_HEADER: [400],
  BAD_IIN: [400, 422],
  BAD_JSON: [400],
  BAD_KEY: [400],
  BAD_LOGIN: [401],
  BAD_LOGIN_CODE: [400],
  BAD_PATH: [400],
  BAD_PROOF: [422],
  BAD_REQUEST: [400],
  BAD_SESSION: [401],
  BAD_SHARES: [400],
  BAD_SIGNATURE: [400, 422],
  BAD_SUBMITTER: [422],
  BAD_THRESHOLD: [400],
  BAD_TOKEN: [401],
  BAD_TRACKER: [400],
  BELOW_THRESHOLD: [422],
  BODY_TOO_LARGE: [413],
  CALENDAR_OVERFLOW: [422],
  CALENDAR_PASSED: [422],
  CEREMONY_FINISHED: [409],
  COMPLAINT_LIMIT: [429],
  CEREMONY_STARTED: [409],
  COPIED_CIPHERTEXT: [409],
  COUNT_MISMATCH: [422],
  CREDENTIALS_EXIST: [409],
  DEALINGS_MISSING: [409],
  DUPLICATE_KEY: [409],
  EDUCATION_BELOW_MINIMUM: [422],
  ELECTION_EXISTS: [409],
  EXCLUDED_QUESTION: [422],
  ELECTION_STATE: [409],
  EMPTY_CSV: [400],
  EMPTY_ROLL: [422],
  ENOUGH_NOMINATIONS: [409],
  EXTENSION_LIMIT: [422],
  EXTENSION_TOO_SHORT: [422],
  FORBIDDEN: [403],
  IMPORT_STATE: [409],
  INITIATIVE_BELOW_THRESHOLD: [422],
  INITIATIVE_EXISTS: [409],
  INTERNAL: [500],
  LOCKED: [423],
  LOGIN_CODES_EXIST: [409],
  NOMINATION_CLOSED: [409],
  NOMINATION_OPEN: [409],
  NOMINATION_STATE: [409],
  NOT_A_TRUSTEE: [403],
  NOT_ENOUGH_QUALIFIED: [409],
  NOT_ENOUGH_TRUSTEES: [409],
  NOT_FOUND: [404],
  NOT_GRANTABLE: [422],
  NOT_GRANTED: [403],
  NOT_ON_ROLL: [404],
  NOT_OPEN: [409],
  NOT_READY: [409],
  NOT_SIGNED_IN: [401],
  NOT_YOUR_CREDENTIAL: [403],
  NOT_YOUR_INDEX: [403],
  NO_AKIM: [409],
  NO_ANSWER_NEEDED: [409],
  NO_BALLOT: [404],
  NO_BOARD: [404],
  NO_CANDIDATES: [422],
  NO_CEREMONY: [409],
  NO_COMPLAINT: [409],
  NO_DEALING: [409],
  NO_ELECTION: [404],
  NO_ENTRY: [404],
  NO_GRANT: [404],
  NO_HEADER: [400],
  NO_IMPORT: [404],
  NO_INITIATIVE: [404, 409],
  NO_LOGIN_CODES: [409],
  NO_NOMINATION: [404],
  NO_RESULT: [404],
  NO_ROLL: [404, 409],
  NO_TALLY: [404, 409],
  NO_TOKEN: [401],
  NO_USER: [404],
  NO_VALID_SIGNATURES: [422],
  OWNERS_MISMATCH: [422],
  PARTY_HAS_CANDIDATE: [409],
  PARTY_MEMBERSHIP_MISSING: [422],
  RATE_LIMITED: [429],
  REGISTRATION_CLOSED: [409],
  REGISTRATION_OPEN: [409],
  RESULT_PUBLISHED: [409],
  REUSED_EPHEMERAL_KEY: [400],
  ROLL_EXISTS: [409],
  ROUTE_NOT_ALLOWED: [422],
  STALE_ANCHOR: [409],
  TALLY_INVALID: [409],
  TOKEN_EXPIRED: [401],
  TOKEN_REVOKED: [401],
  TOKEN_USED: [401],
  TOO_EARLY: [409],
  TOO_LATE: [409],
  TOO_MANY_ROWS: [400],
  TOO_MANY_SIGNATURES: [400],
  TOO_MANY_TRUSTEES: [409],
  TRACKER_TAKEN: [409],
  UNDER_AGE: [422],
  UNKNOWN_COMPLAINT: [404],
  UNKNOWN_CREDENTIAL: [403],
  UNKNOWN_METHOD: [400],
  UPLOAD_CHECK_UNAVAILABLE: [503],
  USER_EXISTS: [409],
  VERIFIER_UNAVAILABLE: [503],
  WRONG_CEREMONY: [400],
  WRONG_ELECTION: [400],
} as const satisfies Record<string, readonly number[]>;

/** Errors raised on the client side of a request or by the tools: no HTTP status. */
export const LOCAL_ERRORS = {
  NETWORK: 'the server could not be reached, or the connection broke before an answer',
  BAD_RESPONSE: 'the server answered something that is not what the endpoint promises',
  ERROR: 'the server refused without a code (an answer that is not a Saylau error body)',
  OTHER: 'an error that is none of the above',
  WORKER: "the booth's encryption worker failed",
  BAD_ARGUMENT: 'a command-line argument is not valid',
  BAD_FILE: 'a file cannot be read or does not have the expected content',
  BAD_MANIFEST: 'the manifest file is not a Saylau manifest',
  MANIFEST_MISMATCH: 'the file belongs to another election or manifest',
  FINGERPRINT_MISMATCH: "the server's fingerprint of the list is not the file's",
  OUTPUT_EXISTS: 'the output directory already holds files',
  BACKUP_FAILED: 'the backup could not be written',
  LOOSE_PERMISSIONS: 'the data directory or a database file is readable by other accounts',
  DEMO_MISMATCH: 'the demo election came out differently from its own expectation',
  BAD_BOARD: 'the board contradicts what the server accepted',
  BAD_CEREMONY: 'the ceremony entry does not match its fingerprint or this trustee',
  BAD_STATE: "the trustee's saved state cannot be read",
  STALE_STATE: "the trustee's saved state belongs to an earlier ceremony round",
  STATE_EXISTS: 'a trustee state is saved already',
  NOT_REGISTERED: 'this trustee is not registered in the ceremony',
  NO_JOINT_KEY: 'the joint key is not published yet',
  NO_SECRETS: "the trustee's secrets are missing",
  MISSING_SHARE: 'a qualified dealer sent this trustee no share',
  SHARE_MISMATCH: "a share does not match its dealer's commitments",
  NO_SHARE: 'this trustee holds no share of the joint key',
  TALLY_MISMATCH: 'the tally on the board is not the sum of the ballots on it',
} as const satisfies Record<string, string>;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;
export type LocalErrorCode = keyof typeof LOCAL_ERRORS;
/** A strict decoding failure answered as 400 `CRYPTO_<code>` (SPEC §1.3). */
export type CryptoHttpCode = `CRYPTO_${CryptoErrorCode}`;
export type ErrorCode = HttpErrorCode | LocalErrorCode | CryptoHttpCode;

/** The codes the server may answer with status S. */
export type CodeWithStatus<S extends number> = {
  [K in HttpErrorCode]: S extends (typeof HTTP_ERRORS)[K][number] ? K : never;
}[HttpErrorCode];

const names = <T extends string>(keys: readonly T[]) =>
  Object.freeze(Object.fromEntries(keys.map((k) => [k, k]))) as { readonly [K in T]: K };

/** `Code.NOT_OPEN === 'NOT_OPEN'`: the one way code elsewhere names an error code. */
export const Code = names([
  ...(Object.keys(HTTP_ERRORS) as HttpErrorCode[]),
  ...(Object.keys(LOCAL_ERRORS) as LocalErrorCode[]),
]);

/** The refusals after which a booth fetches the board head again and signs once more (SPEC §10.9.2). */
export const ANCHOR_REFUSALS: ReadonlySet<string> = new Set([Code.STALE_ANCHOR, Code.BAD_ANCHOR]);

export const cryptoCode = (code: CryptoErrorCode): CryptoHttpCode => `CRYPTO_${code}`;

/** Whether the server may answer `code` with `status` (tests hold every refusal to this). */
export function statusAllowed(code: string, status: number): boolean {
  if (code.startsWith('CRYPTO_')) return status === 400;
  const allowed = (HTTP_ERRORS as Record<string, readonly number[]>)[code];
  return allowed !== undefined && allowed.includes(status);
}

export const isErrorCode = (x: unknown): x is ErrorCode =>
  typeof x === 'string' && (x in HTTP_ERRORS || x in LOCAL_ERRORS || /^CRYPTO_[A-Z_]+$/.test(x));

/** The body of every refusal (SPEC §10.13). */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
