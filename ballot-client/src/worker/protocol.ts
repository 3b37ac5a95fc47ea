/** Messages between the booth page and its encryption worker. */
import type { BallotAuditJson, EncryptedBallotJson } from '@saylau/crypto';

export type Stage = 'params' | 'keys' | 'encrypt' | 'done';

export type WorkerRequest =
  | { id: number; kind: 'warm'; params: unknown }
  | { id: number; kind: 'encrypt'; params: unknown; election: string; code: string; choices: number[] }
  | { id: number; kind: 'check'; params: unknown; audit: unknown };

export interface EncryptResult {
  /** Encrypted and proved, not signed: signed only if the voter casts it (SPEC §8.2). */
  ballot: EncryptedBallotJson;
  hash: string;
  tracker: string;
  /** The Benaloh audit (SPEC §8.5): shown only if the voter audits this ballot, which is then never cast. */
  audit: BallotAuditJson;
  /** Time spent encrypting and proving, in ms (key derivation and parameter decoding excluded). */
  ms: number;
}

export interface CheckResult {
  choices: number[];
  tracker: string;
}

export type WorkerResponse =
  | { id: number; kind: 'progress'; stage: Stage }
  | { id: number; kind: 'done'; result: EncryptResult | CheckResult | null }
  | { id: number; kind: 'error'; code: string; field: string; message: string };
