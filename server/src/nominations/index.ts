/** Nominations, registration and the ballot (SPEC §10.4–§10.5): service functions for the CLI and demo. */
export * from './schemas.ts';
export * from './store.ts';
export * from './akim.ts';
export * from './rules.ts';
export * from './submit.ts';
export * from './signatures.ts';
export * from './register.ts';
export * from './extend.ts';
export * from './ballot.ts';
export * from './view.ts';
export { nominationRoutes } from './routes.ts';
