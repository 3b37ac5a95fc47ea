/**
 * The command-line sides' calls (the `saylau` CLI, the trustee library, the credential publisher):
 * protocol's one client, with each refusal's message naming the request, as the CLI prints it.
 */
import { ClientError, requestText } from '@saylau/protocol/client';
import { Code } from '@saylau/protocol';

export { ClientError };

export interface Api {
  baseUrl: string;
  token?: string;
}

async function send(api: Api, method: string, path: string, body?: unknown, contentType?: string) {
  try {
    return await requestText(new URL(path, api.baseUrl).href, {
      method,
      body,
      ...(contentType ? { contentType } : {}),
      ...(api.token ? { token: api.token } : {}),
    });
  } catch (e) {
    if (!(e instanceof ClientError)) throw e;
    const message =
      e.code === Code.NETWORK
        ? `cannot reach ${api.baseUrl}: ${e.message}`
        : `${method} ${path}: ${e.status} ${e.code} ${e.message}`;
    throw new ClientError(message, e.code, e.status, e.details);
  }
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
    throw new ClientError(`${method} ${path}: the answer is not JSON`, Code.BAD_RESPONSE);
  }
}

/** A GET whose answer is text (the board's JSON Lines, an HTML protocol). */
export function callText(api: Api, path: string): Promise<string> {
  return send(api, 'GET', path);
}
