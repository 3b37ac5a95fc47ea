/** @saylau/server — the ballot server (SPEC §9–§10). */
export * from './database.ts';
export * from './board.ts';
export * from './context.ts';
export * from './app.ts';
export * from './server.ts';
export * from './audit.ts';
export * from './auth/users.ts';
export * from './elections/store.ts';
export * from './elections/calendar.ts';
export * from './elections/profiles.ts';
export * from './elections/voting.ts';
export * from './roll/index.ts';
export * from './nominations/index.ts';
export * from './ceremony/index.ts';
export * from './tally/index.ts';
