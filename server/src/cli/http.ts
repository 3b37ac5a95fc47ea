/** The CLI's HTTP client: JSON in and out, a server error becomes a CliError with the server's code. */

export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 'ERROR',
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface Api {
  baseUrl: string;
  token?: string;
}

export async function call<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any
  api: Api,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<T> {
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
    throw new CliError(`cannot reach ${api.baseUrl}: ${(e as Error).message}`, 'NETWORK');
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new CliError(
      `${method} ${path}: ${res.status} ${err?.code ?? ''} ${err?.message ?? text.slice(0, 200)}`.trim(),
      err?.code ?? `HTTP_${res.status}`,
      err?.details,
    );
  }
  return (json ?? text) as T;
}
