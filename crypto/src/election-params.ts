/**
 * The election's cryptographic parameters (SPEC §8.1): what every ballot proof is bound to.
 * The fingerprint (SPEC §3.4) is taken over exactly this JSON object.
 */
import { fail } from './errors.ts';
import { decodePoint, encodePoint, type Point } from './group.ts';
import { electionFingerprint } from './hash.ts';
import { asArray, asObject, exactKeys } from './proofs/codec.ts';

export const PROTOCOL_VERSION = 'saylau/v1';
export const MAX_CONTESTS = 16;
export const MAX_OPTIONS = 64;
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export interface ContestShape {
  /** Contest id, e.g. "akim" or "q1". */
  id: string;
  /** Number of options, including "Against all" (or 2 for a yes/no question). */
  options: number;
}

export interface ElectionParamsJson {
  version: typeof PROTOCOL_VERSION;
  election: string;
  publicKey: string;
  contests: ContestShape[];
}

/** Parameters decoded and ready for proving and verifying. */
export interface ElectionParams {
  election: string;
  publicKey: Point;
  contests: readonly ContestShape[];
  fingerprint: Uint8Array;
  json: ElectionParamsJson;
}

export function checkId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID.test(value))
    fail(
      'BAD_TYPE',
      field,
      'expected an id of 1–64 letters, digits, "_" or "-", starting with a letter or digit',
    );
  return value;
}

export function decodeElectionParams(
  json: unknown,
  field = 'params',
  opts: { precompute?: boolean } = {},
): ElectionParams {
  const o = asObject(json, field);
  exactKeys(o, ['version', 'election', 'publicKey', 'contests'], field);
  if (o.version !== PROTOCOL_VERSION)
    fail('BAD_PARAMS', `${field}.version`, `expected "${PROTOCOL_VERSION}"`);
  const election = checkId(o.election, `${field}.election`);
  const publicKey = decodePoint(o.publicKey, `${field}.publicKey`);
  const cs = asArray(o.contests, `${field}.contests`);
  if (cs.length < 1 || cs.length > MAX_CONTESTS)
    fail('BAD_LENGTH', `${field}.contests`, `expected 1 to ${MAX_CONTESTS} contests`);
  const seen = new Set<string>();
  const contests = cs.map((c, i) => {
    const f = `${field}.contests[${i}]`;
    const co = asObject(c, f);
    exactKeys(co, ['id', 'options'], f);
    const id = checkId(co.id, `${f}.id`);
    if (seen.has(id)) fail('BAD_PARAMS', `${f}.id`, 'duplicate contest id');
    seen.add(id);
    const n = co.options;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 2 || n > MAX_OPTIONS)
      fail('BAD_PARAMS', `${f}.options`, `expected an integer from 2 to ${MAX_OPTIONS}`);
    return { id, options: n };
  });
  // Precomputed window tables make every multiplication by K as fast as by G. Building them takes
  // some 150 ms, so `precompute: false` leaves them to K's first multiplication: a caller that
  // never multiplies by K alone (a batch verifier: K is one term of the §5.6 MSM) skips the cost.
  publicKey.precompute(8, opts.precompute === false);
  const normal: ElectionParamsJson = {
    version: PROTOCOL_VERSION,
    election,
    publicKey: encodePoint(publicKey),
    contests,
  };
  return { election, publicKey, contests, fingerprint: electionFingerprint(normal), json: normal };
}

export function makeElectionParams(
  election: string,
  publicKey: Point,
  contests: ContestShape[],
): ElectionParams {
  return decodeElectionParams({
    version: PROTOCOL_VERSION,
    election,
    publicKey: encodePoint(publicKey),
    contests,
  });
}
