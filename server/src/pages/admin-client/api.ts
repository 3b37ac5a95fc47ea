/**
 * The commission pages' calls to the JSON API (SPEC §10): the only module of the page that fetches.
 * One wrapper sends the session token and turns a refusal into an ApiError carrying the server's
 * error body (SPEC §10.13). The interfaces name only the fields the page reads.
 */
import { ClientError as ApiError, requestText } from '@saylau/protocol/client';
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
  rejected: { line: number; iin: string; reason: string; message: string }[];
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

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** JSON, or a file sent as it is with its content type. */
type Payload = { json: unknown } | { file: Blob; type: string };

/** The one request: protocol's client with the session token; a stale session is forgotten. */
async function send(method: Method, path: string, payload?: Payload): Promise<string> {
  const s = session();
  try {
    return await requestText(new URL(path, location.href).href, {
      method,
      cache: 'no-store',
      ...(s ? { token: s.token } : {}),
      ...(payload && 'file' in payload ? { body: payload.file, contentType: payload.type } : {}),
      ...(payload && 'json' in payload ? { body: payload.json } : {}),
    });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 401 && (e.code === Code.BAD_SESSION || e.code === Code.NOT_SIGNED_IN)) forgetSession();
    // The page words a network failure itself (its err.NETWORK string).
    if (e.code === Code.NETWORK) throw new ApiError('', Code.NETWORK, 0);
    throw e;
  }
}

const jsonBody = (body: unknown): Payload | undefined => (body === undefined ? undefined : { json: body });

async function json<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return JSON.parse(await send(method, path, jsonBody(body))) as T;
}

/** A call whose answer the page does not read. */
async function call(method: Method, path: string, body?: unknown): Promise<void> {
  await send(method, path, jsonBody(body));
}

const at = (election: string) => `/api/elections/${encodeURIComponent(election)}`;

export const signIn = (name: string, password: string) =>
  json<Session>('POST', '/api/session', { name, password });
export const sessionInfo = () => json<SessionInfo>('GET', '/api/session');
export const createElection = (req: NewElection) => json<{ id: string }>('POST', '/api/elections', req);

export const importRoll = async (election: string, csv: File) =>
  JSON.parse(
    await send('POST', `${at(election)}/roll/imports`, { file: csv, type: 'text/csv' }),
  ) as ImportReport;
export const rejectedRowsCsv = (election: string, n: number) =>
  send('GET', `${at(election)}/roll/imports/${n}/rejected.csv`);
export const acceptRoll = (election: string, n: number) =>
  json<Roll>('POST', `${at(election)}/roll/imports/${n}/accept`, {});
export const discardRoll = (election: string, n: number) =>
  call('POST', `${at(election)}/roll/imports/${n}/discard`, {});
export const roll = (election: string) => json<Roll>('GET', `${at(election)}/roll`);

export const setAkim = (election: string, akim: { iin: string; fullName: string }) =>
  call('PUT', `${at(election)}/akim`, akim);
export const nominations = async (election: string) =>
  (await json<{ nominations: Nomination[] }>('GET', `${at(election)}/nominations`)).nominations;
export const nominate = (election: string, req: NominationRequest) =>
  json<Nomination>('POST', `${at(election)}/nominations`, req);
export const submitSignatures = (election: string, n: number, iins: string[]) =>
  json<SignatureReport>('POST', `${at(election)}/nominations/${n}/signatures`, { iins });
export const registerCandidate = (election: string, n: number) =>
  json<{ id: string }>('POST', `${at(election)}/nominations/${n}/register`, {});
export const refuseNomination = (election: string, n: number, reason: string) =>
  call('POST', `${at(election)}/nominations/${n}/refuse`, { reason });
export const extendNomination = (election: string, days: number) =>
  call('POST', `${at(election)}/nominations/extend`, { days });
export const fixBallot = (election: string) => call('POST', `${at(election)}/ballot/fix`, {});

export const ceremony = (election: string) => json<Ceremony>('GET', `${at(election)}/ceremony`);
export const startCeremony = (election: string, t: number) =>
  call('POST', `${at(election)}/ceremony/start`, { t });
export const finishCeremony = (election: string) => call('POST', `${at(election)}/ceremony/finish`, {});
export const resetCeremony = (election: string, reason: string) =>
  json<{ round: number }>('POST', `${at(election)}/ceremony/reset`, { reason });

/** SPEC §10.7: owners[i] is the voter who holds list[i]. */
export const publishCredentials = (election: string, list: string[], owners: string[]) =>
  json<{ count: number; fingerprint: string }>('POST', `${at(election)}/credentials`, { list, owners });
export const loginCodesCsv = (election: string) =>
  send('POST', `${at(election)}/login-codes?format=csv`, { json: {} });

export const openVoting = (election: string) => call('POST', `${at(election)}/open`, {});
export const closeVoting = (election: string) => call('POST', `${at(election)}/close`, {});
export const tally = (election: string) => json<Tally>('GET', `${at(election)}/tally`);

export const grants = async (election: string) =>
  (await json<{ grants: Grant[] }>('GET', `${at(election)}/grants`)).grants;
export const grant = (election: string, user: string) => call('POST', `${at(election)}/grants`, { user });
export const revokeGrant = (election: string, user: string) =>
  call('DELETE', `${at(election)}/grants/${encodeURIComponent(user)}`);
