/**
 * The one HTTP client of Saylau's programs: the booth, the commission and trustee pages, the `saylau`
 * CLI, the trustee library and the credential tools. JSON (or text) to a server with an injectable
 * fetch; a refusal (SPEC §10.13: `{error: {code, message, details}}`) becomes a ClientError carrying
 * the server's code. No Node built-ins: the same code runs in browsers.
 */
import { Code } from './errors.ts';

export type Fetch = typeof fetch;

/**
 * A refusal or failure: `code` is the server's stable code (e.g. TOKEN_USED), or a client-side code
 * (NETWORK: no answer arrived; BAD_RESPONSE: the answer is not what the protocol says; the tools'
 * own checks). `status` is the HTTP status, 0 when there was none.
 */
export class ClientError extends Error {
  constructor(
    message: string,
    readonly code: string = Code.ERROR,
    readonly status = 0,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

export interface ClientRequest {
  method?: string;
  /** JSON-encoded, unless it is a string or a Blob (a file), which is sent as is with `contentType`. */
  body?: unknown;
  contentType?: string;
  /** A bearer token: a session or a voter token. */
  token?: string;
  /** The browser's cache mode: the pages ask for `no-store`, since every answer is the live state. */
  cache?: RequestCache;
}

const isRaw = (b: unknown): b is string | Blob =>
  typeof b === 'string' || (typeof Blob !== 'undefined' && b instanceof Blob);

export interface ClientOptions {
  /** A fetch implementation (tests, proxies); the global fetch by default. */
  fetch?: Fetch;
}

/** `${base}/api/elections/${id}${rest}`, the election id escaped. */
export function electionUrl(base: string, id: string, rest = ''): string {
  return `${base.replace(/\/+$/, '')}/api/elections/${encodeURIComponent(id)}${rest}`;
}

/** Send a request; resolves with a 2xx response, throws a ClientError otherwise. */
export async function send(
  url: string,
  init: ClientRequest = {},
  opts: ClientOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | Blob | undefined;
  if (init.body !== undefined) {
    headers['content-type'] = init.contentType ?? 'application/json';
    body = isRaw(init.body) ? init.body : JSON.stringify(init.body);
  }
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const method = init.method ?? 'GET';
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(url, {
      method,
      headers,
      body,
      ...(init.cache ? { cache: init.cache } : {}),
    });
  } catch (e) {
    throw new ClientError(`no response from the server: ${(e as Error)?.message ?? e}`, Code.NETWORK);
  }
  if (!res.ok) throw await refusal(res);
  return res;
}

async function refusal(res: Response): Promise<ClientError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: a proxy's page, say
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (err && typeof err.code === 'string')
    return new ClientError(
      typeof err.message === 'string' ? err.message : err.code,
      err.code,
      res.status,
      err.details,
    );
  return new ClientError(`the server answered ${res.status}`, Code.BAD_RESPONSE, res.status);
}

/** A JSON request; resolves with the parsed body of a 2xx response. */
export async function requestJson<T>(
  url: string,
  init: ClientRequest = {},
  opts: ClientOptions = {},
): Promise<T> {
  const res = await send(url, init, opts);
  try {
    return (await res.json()) as T;
  } catch {
    throw new ClientError('the server response is not JSON', Code.BAD_RESPONSE, res.status);
  }
}

/** A request whose answer is text (the board's JSON Lines, a CSV, an HTML protocol). */
export async function requestText(
  url: string,
  init: ClientRequest = {},
  opts: ClientOptions = {},
): Promise<string> {
  return (await send(url, init, opts)).text();
}
