/** The trustee library's HTTP client: JSON in and out, a refusal becomes a TrusteeError with its code. */

export interface TrusteeApi {
  baseUrl: string;
  /** A session token of the trustee's account (POST /api/session). */
  token: string;
}

export class TrusteeError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status?: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'TrusteeError';
  }
}

export const electionPath = (election: string, rest = '') =>
  `/api/elections/${encodeURIComponent(election)}${rest}`;

async function send(api: TrusteeApi, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${api.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(new URL(path, api.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new TrusteeError(`cannot reach ${api.baseUrl}: ${(e as Error).message}`, 'NETWORK');
  }
}

async function refusal(method: string, path: string, res: Response): Promise<TrusteeError> {
  const text = await res.text();
  let err: { code?: string; message?: string; details?: unknown } | undefined;
  try {
    err = (JSON.parse(text) as { error?: typeof err }).error;
  } catch {
    err = undefined;
  }
  return new TrusteeError(
    `${method} ${path}: ${res.status} ${err?.code ?? ''} ${err?.message ?? text.slice(0, 200)}`.trim(),
    err?.code ?? `HTTP_${res.status}`,
    res.status,
    err?.details,
  );
}

export async function requestJson<T>(
  api: TrusteeApi,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await send(api, method, path, body);
  if (!res.ok) throw await refusal(method, path, res);
  return (await res.json()) as T;
}

export async function requestText(api: TrusteeApi, path: string): Promise<string> {
  const res = await send(api, 'GET', path);
  if (!res.ok) throw await refusal('GET', path, res);
  return res.text();
}
