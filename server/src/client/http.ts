/**
 * The one HTTP client of the server package's command-line sides (the `saylau` CLI, the trustee
 * library, the credential publisher): JSON in and out; a refusal becomes a ClientError carrying the
 * server's stable code (SPEC §10.13), the HTTP status and the details.
 */

export class ClientError extends Error {
  constructor(
    message: string,
    readonly code = 'ERROR',
    readonly status?: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

export interface Api {
  baseUrl: string;
  token?: string;
}

async function send(
  api: Api,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
) {
  const headers: Record<string, string> = {};
  if (api.token) headers.authorization = `Bearer ${api.token}`;
  let payload: string | undefined;
  if (body !== undefined) {
    headers['content-type'] = contentType;
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(new URL(path, api.baseUrl), { method, headers, body: payload });
  } catch (e) {
    throw new ClientError(`cannot reach ${api.baseUrl}: ${(e as Error).message}`, 'NETWORK');
  }
  const text = await res.text();
  if (!res.ok) {
    let err: { code?: string; message?: string; details?: unknown } | undefined;
    try {
      err = (JSON.parse(text) as { error?: typeof err }).error;
    } catch {
      err = undefined;
    }
    throw new ClientError(
      `${method} ${path}: ${res.status} ${err?.code ?? ''} ${err?.message ?? text.slice(0, 200)}`.trim(),
      err?.code ?? `HTTP_${res.status}`,
      res.status,
      err?.details,
    );
  }
  return text;
}

/** A JSON request and its JSON answer. */
export async function call<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any
  api: Api,
  method: string,
  path: string,
  body?: unknown,
  contentType?: string,
): Promise<T> {
  const text = await send(api, method, path, body, contentType);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ClientError(`${method} ${path}: the answer is not JSON`, 'BAD_RESPONSE');
  }
}

/** A GET whose answer is text (the board's JSON Lines, an HTML protocol). */
export function callText(api: Api, path: string): Promise<string> {
  return send(api, 'GET', path);
}
