/**
 * Crypto benchmark: encrypt+prove of a 6-option single-choice ballot, the credential's
 * signature added at cast time (SPEC §8.2), its verification one by one, and batched verification at
 * batch sizes 1, 4, 16, 64 and 256, in ms per ballot and ballots/s.
 * "verify" is what a verifier does per ballot: strict decoding from JSON, the credential's Ed25519
 * signature and every proof; "proofs only" is the part that batching speeds up, on decoded ballots.
 * This VM's speed drifts between runs, so every figure is the median of several rounds.
 * Run: npm run bench:crypto [-- --ballots N --rounds R]
 */
import {
  ballotEquations,
  buildBallot,
  decodeBallot,
  encryptBallot,
  signBallot,
  verifyBallot,
  verifyBallotsBatch,
  type BoardAnchor,
  type DecodedBallot,
  type EncryptedBallot,
} from '../crypto/src/ballot.ts';
import { b64ToBytesStrict, bytesToHex, utf8ToBytes } from '../crypto/src/bytes.ts';
import { canonicalJson } from '../crypto/src/canonical-json.ts';
import { contestFields } from '../crypto/src/contest-record.ts';
import { deriveCredentialKeys, generateCredentialCode } from '../crypto/src/credential.ts';
import { sha256Hex } from '../crypto/src/hash.ts';
import { makeElectionParams } from '../crypto/src/election-params.ts';
import { G, randomScalar } from '../crypto/src/group.ts';
import { checkEquations, verifyItemsBatch } from '../crypto/src/proofs/equation.ts';

const opt = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = opt('ballots', 256);
const ROUNDS = opt('rounds', 5);
const params = makeElectionParams('bench', G.multiply(randomScalar()), [{ id: 'akim', options: 6 }]);
const voters = Array.from({ length: N }, () => deriveCredentialKeys('bench', generateCredentialCode()));
// Any head will do: verifying one ballot checks its signature over the anchor, not the board (§10.9.2).
const anchor: BoardAnchor = { seq: 12, hash: 'ab'.repeat(32) };

function measure(label: string, run: () => void): void {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    run();
    times.push((performance.now() - t) / N);
  }
  times.sort((a, b) => a - b);
  const per = times[Math.floor(times.length / 2)]!;
  const spread = `${times[0]!.toFixed(1)}–${times[times.length - 1]!.toFixed(1)}`;
  console.log(
    `${label.padEnd(30)} ${per.toFixed(2).padStart(7)} ms/ballot ${(1000 / per).toFixed(1).padStart(7)} ballots/s   (rounds ${spread})`,
  );
}

function ok(verdicts: boolean[]): void {
  if (verdicts.includes(false)) throw new Error('a valid ballot was refused');
}

// Warm up the JIT and the precomputed tables.
for (let i = 0; i < 8; i++) verifyBallot(params, buildBallot(params, voters[i]!, [i % 6], anchor).ballot);

let encrypted: EncryptedBallot[] = [];
measure('encrypt + prove (6 options)', () => {
  encrypted = voters.map((v, i) => encryptBallot(params, v.publicKey, [i % 6]));
});
let wire: string[] = [];
measure('sign with an anchor', () => {
  wire = encrypted.map((e, i) => JSON.stringify(signBallot(e.ballot, anchor, voters[i]!.secretKey)));
});
console.log(`ballot size: ${(wire[0]!.length / 1024).toFixed(1)} KiB of JSON`);

/** The hex form the board held before SPEC §1.2 gave non-digest bytes base64url (same bytes). */
function hexForm(b: ReturnType<typeof signBallot>, ids: readonly string[]): unknown {
  const hex = (t: string) => bytesToHex(b64ToBytesStrict(t, 't', Math.floor((t.length * 3) / 4)));
  const all = (o: Record<string, string>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, hex(v)]));
  return {
    ...b,
    credential: hex(b.credential),
    signature: hex(b.signature),
    contests: b.contests.map((c, ci) => {
      const f = contestFields(c);
      return {
        id: ids[ci],
        choices: f.choices.map((ch) => ({ alpha: hex(ch.alpha), beta: hex(ch.beta), proof: all(ch.proof) })),
        sumProof: all(f.sumProof),
      };
    }),
  };
}
/** A board entry as exported (SPEC §9.2, §9.3): canonical JSON of {seq, type, payload, prev, hash}. */
function entryBytes(payload: unknown): number {
  const body = { seq: 12_345, type: 'ballot', payload, prev: 'ab'.repeat(32) };
  return utf8ToBytes(canonicalJson({ ...body, hash: sha256Hex(utf8ToBytes(canonicalJson(body))) })).length;
}
for (const id of ['kokterek-2027', `k${'0'.repeat(63)}`]) {
  const p = makeElectionParams(id, G.multiply(randomScalar()), [{ id: 'akim', options: 6 }]);
  const keys = deriveCredentialKeys(id, generateCredentialCode());
  const { ballot } = buildBallot(p, keys, [2], anchor);
  console.log(
    `board entry, 6-option ballot, election id of ${id.length} chars: ${entryBytes(ballot)} bytes ` +
      `(${entryBytes(hexForm(ballot, ['akim']))} in the earlier hex form)`,
  );
}

measure('verify one by one', () => ok(wire.map((w) => verifyBallot(params, JSON.parse(w)).ok)));
// 1 and 4: the server's batches at a steady rate of casting (docs/BENCHMARKS.md, Load).
for (const size of [1, 4, 16, 64, 256])
  measure(`verify batched, batch ${size}`, () => {
    for (let i = 0; i < N; i += size)
      ok(
        verifyBallotsBatch(
          params,
          wire.slice(i, i + size).map((w) => decodeBallot(params, JSON.parse(w))),
        ),
      );
  });

const decoded: DecodedBallot[] = wire.map((w) => decodeBallot(params, JSON.parse(w)));
measure('proofs only, one by one', () => ok(decoded.map((d) => checkEquations(ballotEquations(params, d)))));
for (const size of [1, 4, 16, 64, 256])
  measure(`proofs only, batch ${size}`, () => {
    for (let i = 0; i < N; i += size)
      ok(verifyItemsBatch(decoded.slice(i, i + size), (d) => ballotEquations(params, d, true)));
  });
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
