/**
 * The one HTTP client of Saylau's programs: the booth, the commission and trustee pages, the `saylau`
 * CLI, the trustee library and the credential tools. JSON (or text) to a server with an injectable
 * fetch; a refusal (SPEC §10.13: `{error: {code, message, details}}`) becomes a ClientError carrying
 * the server's code. No Node built-ins: the same code runs in browsers.
 */
import type { z } from 'zod';
import { Code } from './errors.ts';
import type { Endpoint, RawBody } from './endpoints.ts';

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

/** The server a URL names (scheme and host), or "the server" for a relative URL (a page's own). */
const serverOf = (url: string): string => /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.exec(url)?.[0] ?? 'the server';

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
    // Name the address tried and the system's reason (fetch says only "fetch failed").
    const cause = (e as { cause?: { code?: unknown } } | null)?.cause?.code;
    const why = `${(e as Error)?.message ?? String(e)}${typeof cause === 'string' ? ` (${cause})` : ''}`;
    throw new ClientError(`no response from ${serverOf(url)}: ${why}`, Code.NETWORK);
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

// The typed call: a request by a row of the endpoint table (endpoints.ts), its answer parsed with
// the row's schema. Only types are imported here: the schemas come with the row the caller passes.

/** `'/api/elections/:id/ballots/:tracker'` → `'id' | 'tracker'`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type RawOf<E> = E extends { rawBody: RawBody } ? string | Blob : never;
type BodyOf<E> = E extends { body: infer B }
  ? (B extends z.ZodType ? z.input<B> : string | Blob) | RawOf<E>
  : never;
type ParamsArg<E extends Endpoint> = [PathParams<E['path']>] extends [never]
  ? { params?: undefined }
  : { params: Record<PathParams<E['path']>, string | number> };
type BodyArg<E extends Endpoint> = E extends { body: unknown }
  ? undefined extends BodyOf<E>
    ? { body?: BodyOf<E> }
    : { body: BodyOf<E> }
  : { body?: undefined };
type QueryArg<E extends Endpoint> = E extends { query: infer Q extends z.ZodType }
  ? { query?: { [K in keyof z.input<Q>]?: string | number | undefined } }
  : { query?: undefined };

/** What a call of endpoint E takes: its path parameters, body and query, typed from the row. */
export type CallArgs<E extends Endpoint> = ParamsArg<E> &
  BodyArg<E> &
  QueryArg<E> & {
    /** A bearer token: a session or a voter token. */
    token?: string;
    /** The browser's cache mode (the pages ask for `no-store`). */
    cache?: RequestCache;
  };

/** The parsed answer of a JSON endpoint; the text of a raw one (JSON Lines, CSV, HTML). */
export type CallResult<E extends Endpoint> = E['response'] extends z.ZodType
  ? z.output<E['response']>
  : string;

const RAW_TYPES: Record<RawBody, string> = { csv: 'text/csv', text: 'text/plain' };

/** The URL of endpoint `e` on the server at `base`: each path parameter escaped, the query appended. */
export function endpointUrl(
  base: string,
  e: Endpoint,
  params: Record<string, string | number> = {},
  query: Record<string, string | number | undefined> = {},
): string {
  const path = e.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new ClientError(`${e.path}: no value for :${name}`, Code.BAD_ARGUMENT);
    return encodeURIComponent(String(v));
  });
  const q = Object.entries(query)
    .filter((kv): kv is [string, string | number] => kv[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${base.replace(/\/+$/, '')}${path}${q ? `?${q}` : ''}`;
}

function sendCall(base: string, e: Endpoint, args: CallArgs<Endpoint>, opts: ClientOptions) {
  const raw = isRaw(args.body) ? (typeof e.body === 'string' ? e.body : e.rawBody) : undefined;
  return send(
    endpointUrl(base, e, args.params, args.query),
    {
      method: e.method,
      ...(args.body !== undefined ? { body: args.body } : {}),
      ...(raw ? { contentType: RAW_TYPES[raw] } : {}),
      ...(args.token !== undefined ? { token: args.token } : {}),
      ...(args.cache ? { cache: args.cache } : {}),
    },
    opts,
  );
}

/**
 * Call endpoint `e` (a row of ENDPOINTS) on the server at `base`. A refusal is a ClientError with
 * the server's code (as `send`); a JSON answer that does not match the row's response schema is a
 * ClientError BAD_RESPONSE, so no caller reads a field the protocol does not promise.
 */
export async function call<const E extends Endpoint>(
  base: string,
  e: E,
  args: CallArgs<E>,
  opts: ClientOptions = {},
): Promise<CallResult<E>> {
  const res = await sendCall(base, e, args as CallArgs<Endpoint>, opts);
  if (typeof e.response === 'string') return (await res.text()) as CallResult<E>;
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ClientError('the server response is not JSON', Code.BAD_RESPONSE, res.status);
  }
  return checkAnswer(e, body, res.status);
}

/**
 * Parse the JSON answer `body` of endpoint `e` with the row's schema, as `call` does: the parsed
 * answer, or a ClientError BAD_RESPONSE. For a client that also keeps the answer as sent (the CLI
 * prints it with the server's order of fields; parsing puts the schema's fields first).
 */
export function checkAnswer<const E extends Endpoint>(e: E, body: unknown, status = 200): CallResult<E> {
  if (typeof e.response === 'string') return body as CallResult<E>;
  const r = e.response.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new ClientError(
      `the answer of ${e.method} ${e.path} is not what the protocol says: ${['answer', ...(issue?.path ?? []).map(String)].join('.')}: ${issue?.message ?? ''}`,
      Code.BAD_RESPONSE,
      status,
      r.error.issues,
    );
  }
  return r.data as CallResult<E>;
}

/** Call endpoint `e` and read its answer as text, whatever its kind (`?format=csv` of a JSON endpoint). */
export async function callText<const E extends Endpoint>(
  base: string,
  e: E,
  args: CallArgs<E>,
  opts: ClientOptions = {},
): Promise<string> {
  return (await sendCall(base, e, args as CallArgs<Endpoint>, opts)).text();
}
