/** What the server, the booth, the tools and the verifier agree on (SPEC §9, §10). */
export * from './lang.ts';
export * from './entries.ts';
export * from './errors.ts';
export * from './schema.ts';
export * from './payloads.ts';
export * from './board.ts';
export * from './client.ts';
export * from './ceremony.ts';
export * from './tally.ts';
export * from './credentials.ts';
export * from './requests.ts';
export * from './responses.ts';
export * from './endpoints.ts';
