/**
 * The tools' calls (the `saylau` CLI, the demo, the trustee library and page, the credential
 * publisher): protocol's one client, by a row of the endpoint table, each answer checked against the
 * row's schema. A refusal's message names the request, as the CLI prints it.
 */
import {
  call as callEndpoint,
  callText as callEndpointText,
  checkAnswer,
  ClientError,
  endpointUrl,
  type CallArgs,
  type CallResult,
} from '@saylau/protocol/client';
import { Code } from '@saylau/protocol/errors';
import type { Endpoint } from '@saylau/protocol/endpoints';

export { ClientError };

/** A server and the session token of the account acting on it. */
export interface Api {
  baseUrl: string;
  token?: string;
}

/** The row's arguments with the Api's token (unless they name their own). */
function withToken<E extends Endpoint>(api: Api, args: CallArgs<E>): CallArgs<E> {
  return api.token && args.token === undefined ? { ...args, token: api.token } : args;
}

/** A ClientError whose message says which request failed: `POST /api/…: 409 CODE message`. */
function named(e: Endpoint, args: CallArgs<Endpoint>, err: unknown): unknown {
  if (!(err instanceof ClientError)) return err;
  // The client's own message names the server it could not reach.
  if (err.code === Code.NETWORK) return err;
  let path: string = e.path;
  try {
    path = endpointUrl('', e, args.params, args.query);
  } catch {
    // a missing path parameter: the row's path names it
  }
  return new ClientError(
    `${e.method} ${path}: ${err.status} ${err.code} ${err.message}`,
    err.code,
    err.status,
    err.details,
  );
}

/** Call endpoint `e` on `api`: its answer parsed with the row's schema (the text of a raw one). */
export async function call<const E extends Endpoint>(
  api: Api,
  e: E,
  args: CallArgs<E>,
): Promise<CallResult<E>> {
  try {
    return await callEndpoint(api.baseUrl, e, withToken(api, args));
  } catch (err) {
    throw named(e, args as CallArgs<Endpoint>, err);
  }
}

/** Call endpoint `e` and read its answer as text (`?format=csv` of a JSON endpoint, say). */
export async function callText<const E extends Endpoint>(api: Api, e: E, args: CallArgs<E>): Promise<string> {
  try {
    return await callEndpointText(api.baseUrl, e, withToken(api, args));
  } catch (err) {
    throw named(e, args as CallArgs<Endpoint>, err);
  }
}

/**
 * Call JSON endpoint `e` and return its answer as the server sent it, after checking it against the
 * row's schema: for printing, since parsing puts the schema's fields first and the CLI shows the
 * server's order.
 */
export async function callAsSent<const E extends Endpoint>(
  api: Api,
  e: E,
  args: CallArgs<E>,
): Promise<unknown> {
  const text = await callText(api, e, args);
  try {
    const body: unknown = JSON.parse(text);
    checkAnswer(e, body, e.status);
    return body;
  } catch (err) {
    const bad =
      err instanceof ClientError
        ? err
        : new ClientError('the server response is not JSON', Code.BAD_RESPONSE, e.status);
    throw named(e, args as CallArgs<Endpoint>, bad);
  }
}
