/**
 * Ballot verification for casting (SPEC §8.3 steps 1–5, §5.6): strict decoding, the credential
 * signature and every proof, batched. Runs inside a verifier worker (or in-process for tests); it
 * gets plain JSON and returns plain verdicts, so nothing but data crosses the thread boundary.
 */
import {
  CryptoError,
  ballotHash,
  canonicalJson,
  decodeBallot,
  decodeElectionParams,
  pointCoordinates,
  verifyBallotSignature,
  verifyBallotsAcross,
  type CryptoErrorCode,
  type DecodedBallot,
  type ElectionParams,
  type ElectionParamsJson,
} from '@saylau/crypto';

export interface VerifyItem {
  params: ElectionParamsJson;
  ballot: unknown;
}

/**
 * One ballot's verdict; `hash` is its §8.4 ballot hash. An accepted ballot also carries its
 * ciphertexts as decoded here, α then β of each option of each contest, four coordinates a point
 * (group.ts pointCoordinates): the running tally adds them without decoding them again.
 */
export type Verdict =
  | { ok: true; hash: string; ciphertexts: bigint[] }
  | { ok: false; reason: 'crypto'; code: CryptoErrorCode; field: string; message: string }
  | { ok: false; reason: 'signature' }
  | { ok: false; reason: 'proof' };

const MAX_CACHED = 64;
const paramsCache = new Map<string, ElectionParams>();

/** Decoded parameters, cached: decoding precomputes a window table for the election key. */
function paramsOf(json: ElectionParamsJson): ElectionParams {
  const key = canonicalJson(json);
  let p = paramsCache.get(key);
  if (!p) {
    if (paramsCache.size >= MAX_CACHED) paramsCache.clear();
    p = decodeElectionParams(json);
    paramsCache.set(key, p);
  }
  return p;
}

/** Verdicts in item order, each exactly what one-by-one verification would give (SPEC §5.6). */
export function verifyBatch(items: readonly VerifyItem[]): Verdict[] {
  const verdicts = new Array<Verdict>(items.length);
  const groups = new Map<string, number[]>();
  items.forEach((it, i) => {
    const key = canonicalJson(it.params);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  // Decoded per election, verified in one batch across elections (§5.6).
  const decoded: { params: ElectionParams; ballot: DecodedBallot }[] = [];
  const at: number[] = [];
  for (const indexes of groups.values()) {
    const params = paramsOf(items[indexes[0]!]!.params);
    for (const i of indexes) {
      try {
        decoded.push({ params, ballot: decodeBallot(params, items[i]!.ballot) });
        at.push(i);
      } catch (e) {
        if (!(e instanceof CryptoError)) throw e;
        const message = e.message.startsWith(`${e.field}: `)
          ? e.message.slice(e.field.length + 2)
          : e.message;
        verdicts[i] = { ok: false, reason: 'crypto', code: e.code, field: e.field, message };
      }
    }
  }
  const ok = verifyBallotsAcross(decoded);
  decoded.forEach(({ ballot: b }, k) => {
    verdicts[at[k]!] = ok[k]
      ? { ok: true, hash: ballotHash(b.json), ciphertexts: coordinatesOf(b) }
      : verifyBallotSignature(b)
        ? { ok: false, reason: 'proof' }
        : { ok: false, reason: 'signature' };
  });
  return verdicts;
}

/** A decoded ballot's ciphertexts as a verdict carries them (see Verdict). */
export function coordinatesOf(b: DecodedBallot): bigint[] {
  return b.contests.flatMap((c) =>
    c.choices.flatMap((ch) => [
      ...pointCoordinates(ch.ciphertext.alpha),
      ...pointCoordinates(ch.ciphertext.beta),
    ]),
  );
}
