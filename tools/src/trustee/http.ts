/** The trustee library's HTTP calls: the server package's one client (client/http.ts). */
import { call, callText } from '../http.ts';

export interface TrusteeApi {
  baseUrl: string;
  /** A session token of the trustee's account (POST /api/session). */
  token: string;
}

/** A trustee-side refusal: the server's code, or the library's own check (SPEC §10.6). */
export { ClientError as TrusteeError } from '../http.ts';

export const electionPath = (election: string, rest = '') =>
  `/api/elections/${encodeURIComponent(election)}${rest}`;

export const requestJson = <T>(api: TrusteeApi, method: string, path: string, body?: unknown): Promise<T> =>
  call<T>(api, method, path, body);

export const requestText = (api: TrusteeApi, path: string): Promise<string> => callText(api, path);
