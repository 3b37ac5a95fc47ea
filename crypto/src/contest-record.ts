/**
 * A ballot's contest as one byte string (SPEC §8.2): per option, in option order, the ciphertext
 * and its 0/1 proof, α ‖ β ‖ a0 ‖ b0 ‖ a1 ‖ b1 ‖ c0 ‖ s0 ‖ s1 (288 bytes), then the sum proof,
 * a1 ‖ a2 ‖ response (96 bytes), written in base64url (§1.2). The board stores every ballot, so
 * field names and per-value quoting would cost more than the proofs' own bytes; decoding is as strict
 * as for separate fields, and each refusal names the field it would have had.
 */
import { b64Length, b64ToBytesStrict, bytesToB64, concatBytes } from './bytes.ts';
import type { Ciphertext } from './elgamal.ts';
import { decodePointBytes, decodeScalarBytes, encodeScalarBytes, pointBytes, type Point } from './group.ts';
import type { DleqProof } from './proofs/dleq.ts';
import type { ZeroOneProof } from './proofs/zero-one.ts';

/** Bytes of one option: 6 points and 3 scalars. */
export const CHOICE_BYTES = 288;
/** Bytes of the sum proof: 2 points and a scalar. */
export const SUM_PROOF_BYTES = 96;

export interface ContestChoice {
  ciphertext: Ciphertext;
  proof: ZeroOneProof;
}

export interface ContestRecord {
  choices: ContestChoice[];
  sumProof: DleqProof;
}

/** Bytes of a contest with `options` options. */
export function contestBytes(options: number): number {
  return options * CHOICE_BYTES + SUM_PROOF_BYTES;
}

/** Characters of a contest's base64url text (a multiple of 4: 288 and 96 are multiples of 3). */
export function contestChars(options: number): number {
  return b64Length(contestBytes(options));
}

export function encodeContest(c: ContestRecord): string {
  const parts: Uint8Array[] = [];
  for (const { ciphertext: ct, proof: p } of c.choices)
    parts.push(
      pointBytes(ct.alpha),
      pointBytes(ct.beta),
      pointBytes(p.a0),
      pointBytes(p.b0),
      pointBytes(p.a1),
      pointBytes(p.b1),
      encodeScalarBytes(p.c0),
      encodeScalarBytes(p.s0),
      encodeScalarBytes(p.s1),
    );
  parts.push(pointBytes(c.sumProof.a1), pointBytes(c.sumProof.a2), encodeScalarBytes(c.sumProof.response));
  return bytesToB64(concatBytes(...parts));
}

/** Reads the 32-byte fields of a record in order, naming each as the JSON form would. */
class FieldReader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  private next(): Uint8Array {
    const b = this.bytes.subarray(this.at, this.at + 32);
    this.at += 32;
    return b;
  }
  point(field: string, allowIdentity: boolean): Point {
    return decodePointBytes(this.next(), field, { allowIdentity });
  }
  scalar(field: string): bigint {
    return decodeScalarBytes(this.next(), field);
  }
  skip(fields: number): void {
    this.at += 32 * fields;
  }
}

/**
 * Strict decoding of a contest (SPEC §8.3 step 3): exactly `options` choices and a sum proof,
 * every α and β a canonical point other than the identity, every proof point canonical, every
 * scalar < ℓ. `field` is the contest's path, e.g. `ballot.contests[0]`.
 */
export function decodeContest(text: unknown, options: number, field: string): ContestRecord {
  const r = new FieldReader(b64ToBytesStrict(text, field, contestBytes(options)));
  const choices = Array.from({ length: options }, (_, oi): ContestChoice => {
    const g = `${field}.choices[${oi}]`;
    const ciphertext = { alpha: r.point(`${g}.alpha`, false), beta: r.point(`${g}.beta`, false) };
    const p = `${g}.proof`;
    const proof = {
      a0: r.point(`${p}.a0`, true),
      b0: r.point(`${p}.b0`, true),
      a1: r.point(`${p}.a1`, true),
      b1: r.point(`${p}.b1`, true),
      c0: r.scalar(`${p}.c0`),
      s0: r.scalar(`${p}.s0`),
      s1: r.scalar(`${p}.s1`),
    };
    return { ciphertext, proof };
  });
  const s = `${field}.sumProof`;
  const sumProof = {
    a1: r.point(`${s}.a1`, true),
    a2: r.point(`${s}.a2`, true),
    response: r.scalar(`${s}.response`),
  };
  return { choices, sumProof };
}

/**
 * Only the ciphertexts of a contest, for a homomorphic sum of ballots whose proofs were verified
 * already (SPEC §10.10): the same strict checks on α and β, the proof bytes only counted.
 */
export function decodeContestCiphertexts(text: unknown, options: number, field: string): Ciphertext[] {
  const r = new FieldReader(b64ToBytesStrict(text, field, contestBytes(options)));
  return Array.from({ length: options }, (_, oi) => {
    const g = `${field}.choices[${oi}]`;
    const ct = { alpha: r.point(`${g}.alpha`, false), beta: r.point(`${g}.beta`, false) };
    r.skip(7);
    return ct;
  });
}

/** A contest's fields, each 32 bytes in base64url, undecoded: the layout of §8.2 spelled out. */
export interface ContestFields {
  choices: {
    alpha: string;
    beta: string;
    proof: { a0: string; b0: string; a1: string; b1: string; c0: string; s0: string; s1: string };
  }[];
  sumProof: { a1: string; a2: string; response: string };
}

const CHOICE_FIELDS = ['alpha', 'beta', 'a0', 'b0', 'a1', 'b1', 'c0', 's0', 's1'] as const;

/**
 * Split a contest into its named 32-byte fields without checking what they hold, for tools that
 * show or deliberately alter a ballot (the tests' forgeries). Only the length is checked.
 */
export function contestFields(text: string, field = 'contest'): ContestFields {
  const bytes = b64ToBytesStrict(text, field, Math.floor((text.length * 3) / 4));
  const options = (bytes.length - SUM_PROOF_BYTES) / CHOICE_BYTES;
  if (!Number.isInteger(options) || options < 1) throw new RangeError(`${field}: not a contest record`);
  const part = (i: number) => bytesToB64(bytes.subarray(32 * i, 32 * i + 32));
  const choices = Array.from({ length: options }, (_, oi) => {
    const v = CHOICE_FIELDS.map((_, k) => part(9 * oi + k));
    return {
      alpha: v[0]!,
      beta: v[1]!,
      proof: { a0: v[2]!, b0: v[3]!, a1: v[4]!, b1: v[5]!, c0: v[6]!, s0: v[7]!, s1: v[8]! },
    };
  });
  const s = 9 * options;
  return { choices, sumProof: { a1: part(s), a2: part(s + 1), response: part(s + 2) } };
}

/** The inverse of contestFields: each field must be 32 bytes of base64url; nothing else is checked. */
export function contestFromFields(f: ContestFields): string {
  const raw = (v: string) => b64ToBytesStrict(v, 'field', 32);
  const parts: Uint8Array[] = [];
  for (const c of f.choices) {
    const p = c.proof;
    for (const v of [c.alpha, c.beta, p.a0, p.b0, p.a1, p.b1, p.c0, p.s0, p.s1]) parts.push(raw(v));
  }
  parts.push(raw(f.sumProof.a1), raw(f.sumProof.a2), raw(f.sumProof.response));
  return bytesToB64(concatBytes(...parts));
}

/**
 * One key per ciphertext of a ballot: α ‖ β in base64url, for the board's rule that no ciphertext
 * appears twice (SPEC §10.9.2). Unique per ciphertext because the encoding is canonical.
 */
export function ballotCiphertextKeys(ballot: { contests: readonly string[] }): string[] {
  return ballot.contests.flatMap((c) => contestFields(c).choices.map((ch) => ch.alpha + ch.beta));
}
