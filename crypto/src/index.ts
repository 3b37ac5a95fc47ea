/**
 * @saylau/crypto — every cryptographic operation of Saylau (SPEC.md §2–§8).
 * Pure TypeScript, no I/O, the same code in the browser and in Node.
 */
export * from './errors.ts';
export {
  b64ToBytesStrict,
  bytesToB64,
  bytesToHex,
  bytesEqual,
  hexToBytesStrict,
  randomBytes,
  utf8ToBytes,
} from './bytes.ts';
export * from './group.ts';
export * from './canonical-json.ts';
export * from './hash.ts';
export * from './elgamal.ts';
export * from './proofs/context.ts';
export * from './proofs/equation.ts';
export * from './proofs/schnorr.ts';
export * from './proofs/dleq.ts';
export * from './proofs/zero-one.ts';
export * from './proofs/sum.ts';
export * from './base58.ts';
export * from './credential.ts';
export * from './signature.ts';
export type * from './documents.ts';
export * from './election-params.ts';
export * from './tracker.ts';
export * from './ballot.ts';
export * from './contest-record.ts';
export * from './threshold/index.ts';
export * from './roll-tags.ts';
