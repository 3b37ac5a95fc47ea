/**
 * What the verifier page (ui/) and its verifier worker (worker/) say to each other. The page starts
 * one worker from a Blob of the bundled worker source and asks it to verify; that worker runs
 * verifyBoard (../verify.ts) and starts the ballot workers from the same source (SPEC §11.3, §11.5).
 */
import type { Params } from '@saylau/protocol/catalog';
import type { MessageKey } from '../catalog.ts';
import type { SignedCheckpoint } from '../signed.ts';
import type { Report } from '../verify.ts';

/** The page's one request to its verifier worker. */
export interface VerifyRequest {
  role: 'verify';
  /** The worker's own source: its ballot workers are started from it. */
  source: string;
  board: string;
  /** An earlier export (check 2.6). */
  since?: string;
  checkpoints: SignedCheckpoint[];
  receipts: unknown[];
  /** Ballot workers (default: the logical CPUs). */
  workers?: number;
}

/** What the verifier worker sends back: progress, then the report or the error that stopped it. */
export type VerifyEvent =
  | { kind: 'progress'; stage: 'ballots'; done: number; total: number }
  | { kind: 'progress'; stage: 'tally' }
  | {
      kind: 'report';
      report: Report;
      /** Why the input is unusable (exit code 2), as a key of the verifier's catalog. */
      unusable: { key: MessageKey; params: Params } | null;
      /** Seconds verifyBoard took in the worker. */
      seconds: number;
    }
  | { kind: 'error'; detail: string };
