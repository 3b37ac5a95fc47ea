/**
 * The commission pages' calls to the JSON API (SPEC §10): the only module of the page that fetches.
 * Each is a row of protocol's endpoint table; one wrapper sends the session token, checks the answer
 * against the row's schema and turns a refusal into an ApiError carrying the server's error body
 * (SPEC §10.13). The interfaces name only the fields the page reads.
 */
import type { z } from 'zod';
import { ClientError as ApiError, call, callText, type CallArgs } from '@saylau/protocol/client';
import { ENDPOINTS, type Endpoint } from '@saylau/protocol/endpoints';
import type { CreateElection, InitiativeInput, NominationInput } from '@saylau/protocol/requests';
import type { Names } from '@saylau/protocol';
import { forgetSession, session, type Session } from './session.ts';
import { Code } from '@saylau/protocol/errors';

/** The server package's one client error: the server's code, the HTTP status (0: no answer), details. */
export { ApiError };

export type { Names };

export interface SessionInfo {
  /** The ids of the elections the account holds. */
  elections: string[];
}

export interface NewElection {
  id?: string;
  district: Names;
  electionDay: string;
  profile: { name: string };
  demo: boolean;
  calendar?: Record<string, string>;
}

export interface ImportReport {
  import: number;
  state: 'pending' | 'accepted' | 'discarded';
  valid: number;
  rejectedCount: number;
  rejected: {
    line: number;
    iin: string;
    reason: string;
    message: string;
    values?: Partial<Record<string, string | number>>;
  }[];
}

export interface Roll {
  count: number;
  commitment: string;
  salt: string;
}

export interface Nomination {
  nomination: number;
  status: string;
  reason: string | null;
  candidateId: string | null;
  route: { kind: string };
  candidate: { surname: Names; givenNames: Names };
  signatures: { valid: number; threshold: number; required: boolean } | null;
}

export interface NominationRequest {
  route: { kind: string } & Record<string, unknown>;
  candidate: { iin: string; surname: Names; givenNames: Names; education?: string };
  attestations: { citizen: boolean; capacity: boolean; noUnexpungedConviction: boolean };
  submittedBy: { iin: string; fullName: string; position: string };
}

export interface SignatureReport {
  valid: number;
  threshold: number;
  invalid: { index: number; reason: string }[];
}

export interface Ceremony {
  phase: string;
  trustees: { index: number; name: string; dealt: boolean }[];
  ceremony: { t: number; n: number; fingerprint: string } | null;
  complaints: { dealer: number; recipient: number; status: string }[];
}

export interface Tally {
  t: number | null;
  decryptions: number[];
  finished: boolean;
}

export interface Grant {
  user: string;
  role: string;
}

/** A row's arguments with the session token; every answer is the live state (no cache). */
function withSession<E extends Endpoint>(args: Omit<CallArgs<E>, 'token' | 'cache'>): CallArgs<E> {
  const s = session();
  return { ...args, cache: 'no-store', ...(s ? { token: s.token } : {}) } as CallArgs<E>;
}

/**
 * The one request: a row of protocol's endpoint table with the session token, its answer checked
 * against the row's schema; a stale session is forgotten.
 */
async function api<const E extends Endpoint>(e: E, args: Omit<CallArgs<E>, 'token' | 'cache'>) {
  try {
    return await call(location.origin, e, withSession<E>(args));
  } catch (err) {
    throw refused(err);
  }
}

/** A call whose answer is read as text (the login codes as a CSV file). */
async function text<const E extends Endpoint>(e: E, args: Omit<CallArgs<E>, 'token' | 'cache'>) {
  try {
    return await callText(location.origin, e, withSession<E>(args));
  } catch (err) {
    throw refused(err);
  }
}

function refused(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  if (e.status === 401 && (e.code === Code.BAD_SESSION || e.code === Code.NOT_SIGNED_IN)) forgetSession();
  // The page words a network failure itself (its err.NETWORK string).
  if (e.code === Code.NETWORK) return new ApiError('', Code.NETWORK, 0);
  return e;
}

const at = (election: string) => ({ id: election });
const ok = async (p: Promise<unknown>): Promise<void> => {
  await p;
};

export const signIn = (name: string, password: string): Promise<Session> =>
  api(ENDPOINTS.signIn, { body: { name, password } });
export const sessionInfo = (): Promise<SessionInfo> => api(ENDPOINTS.sessionInfo, {});
/** The form's values as typed: the server checks them (BAD_REQUEST names the field). */
export const createElection = (req: NewElection) =>
  api(ENDPOINTS.createElection, { body: req as z.input<typeof CreateElection> });

export const importRoll = (election: string, csv: File): Promise<ImportReport> =>
  api(ENDPOINTS.importRoll, { params: at(election), body: csv });
export const rejectedRowsCsv = (election: string, n: number) =>
  api(ENDPOINTS.rejectedRows, { params: { ...at(election), n } });
export const acceptRoll = (election: string, n: number): Promise<Roll> =>
  api(ENDPOINTS.acceptRoll, { params: { ...at(election), n }, body: {} });
export const discardRoll = (election: string, n: number) =>
  ok(api(ENDPOINTS.discardRoll, { params: { ...at(election), n }, body: {} }));
/** The accepted roll; with the commission's session the server adds the salt that opens it. */
export async function roll(election: string): Promise<Roll> {
  const r = await api(ENDPOINTS.roll, { params: at(election) });
  if (r.salt === undefined) throw new ApiError('the roll came without its salt', Code.BAD_RESPONSE, 200);
  return { ...r, salt: r.salt };
}

/** SPEC §10.1.2: the form's values as typed; the answer lists the refused signers by position. */
export const recordInitiative = (election: string, req: Record<string, unknown>) =>
  api(ENDPOINTS.recordInitiative, { params: at(election), body: req as z.input<typeof InitiativeInput> });

export const setAkim = (election: string, akim: { iin: string; fullName: string }) =>
  ok(api(ENDPOINTS.setAkim, { params: at(election), body: akim }));
export const nominations = async (election: string): Promise<Nomination[]> =>
  (await api(ENDPOINTS.nominations, { params: at(election) })).nominations;
/** The form's values as typed: the server checks them (BAD_REQUEST names the field). */
export const nominate = (election: string, req: NominationRequest): Promise<Nomination> =>
  api(ENDPOINTS.nominate, { params: at(election), body: req as z.input<typeof NominationInput> });
export const submitSignatures = (election: string, n: number, iins: string[]): Promise<SignatureReport> =>
  api(ENDPOINTS.submitSignatures, { params: { ...at(election), n }, body: { iins } });
export const registerCandidate = (election: string, n: number) =>
  api(ENDPOINTS.registerCandidate, { params: { ...at(election), n }, body: {} });
export const refuseNomination = (election: string, n: number, reason: string) =>
  ok(api(ENDPOINTS.refuseNomination, { params: { ...at(election), n }, body: { reason } }));
export const extendNomination = (election: string, days: number) =>
  ok(api(ENDPOINTS.extendNomination, { params: at(election), body: { days } }));
export const fixBallot = (election: string) =>
  ok(api(ENDPOINTS.fixBallot, { params: at(election), body: {} }));

export const ceremony = (election: string): Promise<Ceremony> =>
  api(ENDPOINTS.ceremony, { params: at(election) });
export const startCeremony = (election: string, t: number) =>
  ok(api(ENDPOINTS.startCeremony, { params: at(election), body: { t } }));
export const finishCeremony = (election: string) =>
  ok(api(ENDPOINTS.finishCeremony, { params: at(election), body: {} }));
export const resetCeremony = (election: string, reason: string) =>
  api(ENDPOINTS.resetCeremony, { params: at(election), body: { reason } });

/** SPEC §10.7: owners[i] is the voter who holds list[i]. */
export const publishCredentials = (election: string, list: string[], owners: string[]) =>
  api(ENDPOINTS.publishCredentials, { params: at(election), body: { list, owners } });
export const loginCodesCsv = (election: string) =>
  text(ENDPOINTS.issueLoginCodes, { params: at(election), body: {}, query: { format: 'csv' } });

export const openVoting = (election: string) =>
  ok(api(ENDPOINTS.openVoting, { params: at(election), body: {} }));
export const closeVoting = (election: string) =>
  ok(api(ENDPOINTS.closeVoting, { params: at(election), body: {} }));
export const tally = (election: string): Promise<Tally> => api(ENDPOINTS.tally, { params: at(election) });

/** SPEC §10.9.5: the complaints with their texts, and the commission's public answer to one. */
export const complaints = async (election: string) =>
  (await api(ENDPOINTS.listComplaints, { params: at(election) })).complaints;
export const answerComplaint = (election: string, k: string, decision: 'upheld' | 'rejected', text: string) =>
  ok(api(ENDPOINTS.answerComplaint, { params: { id: election, k }, body: { decision, text } }));

export const grants = async (election: string): Promise<Grant[]> =>
  (await api(ENDPOINTS.listGrants, { params: at(election) })).grants;
export const grant = (election: string, user: string) =>
  ok(api(ENDPOINTS.addGrant, { params: at(election), body: { user } }));
export const revokeGrant = (election: string, user: string) =>
  ok(api(ENDPOINTS.revokeGrant, { params: { ...at(election), user } }));
