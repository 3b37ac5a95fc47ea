/**
 * @saylau/server — the ballot server (SPEC §9–§10), and what the tools (`saylau serve`, `saylau
 * backup`, the demo) and the test kit drive it with.
 */
export * from './database.ts';
export * from './board.ts';
export * from './context.ts';
export * from './app.ts';
export * from './server.ts';
export * from './audit.ts';
export * from './auth/users.ts';
export { grantElection } from './auth/grants.ts';
export { clearFailures } from './auth/lockout.ts';
export * from './elections/store.ts';
export * from './elections/calendar.ts';
export * from './elections/profiles.ts';
export * from './elections/voting.ts';
export * from './roll/index.ts';
export * from './roll/synthetic.ts';
export { initiativeThreshold, recordInitiative } from './initiative/service.ts';
export * from './nominations/index.ts';
export * from './ceremony/index.ts';
export * from './tally/index.ts';
export { voterRef, issueVoterToken } from './voters/tokens.ts';
export { countSignIn } from './voters/sign-ins.ts';
export { DEFAULT_CAST_RATE_LIMIT } from './voters/rate-limit.ts';
export * from './casting/index.ts';
export { castingPool } from './casting/state.ts';
export { issueLoginCodes } from './voters/login-codes.ts';
export { MAX_LOGIN_FAILURES } from './voters/login-code-authenticator.ts';
export { loadServerKeys } from './keys.ts';
export { BackupError, backupDatabase } from './backup.ts';
export { loosePermissions } from './data-dir.ts';
export { ApiError } from './http/errors.ts';
export { csvValue, toCsv } from './http/csv.ts';
export { html, Html } from './pages/html.ts';
