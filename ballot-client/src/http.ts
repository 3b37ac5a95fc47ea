/**
 * The client's HTTP layer: protocol's one client (JSON to a Saylau server with an injectable fetch;
 * a refusal, SPEC §10.13, becomes a ClientError with the server's code) and its endpoint table, whose
 * rows `call` sends and whose schemas check each answer. No Node built-ins: the same code runs in
 * the browser booth.
 */
export {
  ClientError as BallotClientError,
  call,
  electionUrl,
  requestJson,
  send,
  type ClientOptions,
  type Fetch,
} from '@saylau/protocol/client';
export { ENDPOINTS } from '@saylau/protocol/endpoints';
