/** @saylau/tools — the programs that are not the server, as a library for scripts and tests. */
export * from './demo/run.ts';
export * from './demo/steps.ts';
export * from './trustee/index.ts';
export * from './credentials/authority.ts';
export * from './credentials/generate.ts';
export * from './credentials/manifest.ts';
export * from './credentials/publish-client.ts';
export * from './credentials/voters-client.ts';
export { call, callText, callAsSent, ClientError, type Api } from './http.ts';
