/**
 * @saylau/verifier — the independent verifier observers run (SPEC §11). It works from the published
 * board and SPEC.md alone, with @saylau/crypto: nothing from server/ or ballot-client/.
 */
export { verifyBoard, type Report, type VerifyOptions } from './verify.ts';
export { CHECK_IDS, type CheckResult, type Failure } from './report.ts';
export { message, type MessageKey } from './catalog.ts';
export type { SignedCheckpoint, SignedReceipt } from './checkpoints.ts';
export type { VerifiedResult } from './summary.ts';
