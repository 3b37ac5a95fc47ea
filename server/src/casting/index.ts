/** Casting (SPEC §10.9): what the CLI, the demo and the server's close use. */
export { castBallot, findBallot, type BallotStatus } from './service.ts';
export { closeCasting, configureCasting } from './state.ts';
export { VerifierPool, type VerifierOptions } from './pool.ts';
export type { Receipt, SignedReceipt } from './receipt.ts';
