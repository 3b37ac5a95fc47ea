/**
 * The client's HTTP layer: JSON requests to a Saylau server with an injectable fetch, and the
 * server's refusals (SPEC §10.13: `{error: {code, message, details}}`) turned into typed errors.
 * No Node built-ins: the same code runs in the browser booth.
 */

export type Fetch = typeof fetch;

export interface ClientOptions {
  /** A fetch implementation (tests, proxies); the global fetch by default. */
  fetch?: Fetch;
}

/**
 * A refusal or failure. `code` is the server's stable code (e.g. TOKEN_USED, ALREADY_CAST), or
 * NETWORK when no response arrived, BAD_RESPONSE when the response was not what the protocol says.
 */
export class BallotClientError extends Error {
  override readonly name = 'BallotClientError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** `${base}/api/elections/${id}${rest}`, the election id escaped. */
export function electionUrl(base: string, id: string, rest = ''): string {
  return `${base.replace(/\/+$/, '')}/api/elections/${encodeURIComponent(id)}${rest}`;
}

export async function send(
  url: string,
  init: { method?: string; body?: unknown; token?: string } = {},
  opts: ClientOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const f = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await f(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (e) {
    throw new BallotClientError(0, 'NETWORK', `no response from the server: ${(e as Error)?.message ?? e}`);
  }
  if (!res.ok) throw await refusal(res);
  return res;
}

async function refusal(res: Response): Promise<BallotClientError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: a proxy's page, say
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (err && typeof err.code === 'string')
    return new BallotClientError(
      res.status,
      err.code,
      typeof err.message === 'string' ? err.message : err.code,
      err.details,
    );
  return new BallotClientError(res.status, 'BAD_RESPONSE', `the server answered ${res.status}`);
}

/** A JSON request; resolves with the parsed body of a 2xx response. */
export async function requestJson<T>(
  url: string,
  init: { method?: string; body?: unknown; token?: string } = {},
  opts: ClientOptions = {},
): Promise<T> {
  const res = await send(url, init, opts);
  try {
    return (await res.json()) as T;
  } catch {
    throw new BallotClientError(res.status, 'BAD_RESPONSE', 'the server response is not JSON');
  }
}
