/**
 * The client's HTTP layer: protocol's one client (JSON to a Saylau server with an injectable fetch;
 * a refusal, SPEC §10.13, becomes a ClientError with the server's code). No Node built-ins: the
 * same code runs in the browser booth.
 */
export {
  ClientError as BallotClientError,
  electionUrl,
  requestJson,
  send,
  type ClientOptions,
  type Fetch,
} from '@saylau/protocol/client';
