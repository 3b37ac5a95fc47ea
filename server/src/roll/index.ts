/** The voter roll (SPEC §10.3): service functions for the CLI and the demo. */
export * from './iin.ts';
export * from './csv.ts';
export * from './rows.ts';
export * from './commitment.ts';
export * from './rejected-csv.ts';
export * from './service.ts';
export { rollRoutes, ROLL_LIMIT } from './routes.ts';
export * from './tags.ts';
