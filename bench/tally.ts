/**
 * Tally benchmark (SPEC §10.10–§10.12) at 10,000 ballots of the 6-option ballot (5 candidates and
 * "Against all"), 3 trustees with t = 2. Timed, each the median of --rounds:
 *
 * - server, close by summing the board: the ballot payloads parsed from JSON, the last ballot per
 *   credential summed homomorphically (aggregateBallots: what closing runs after a restart);
 * - server, running tally: what each accepted ballot adds to the server's event loop (its ciphertexts
 *   rebuilt from the worker's coordinates and added, by server/src/tally/running.ts itself), and what
 *   closing then costs (encoding the sums);
 * - trustee: one trustee's partial decryptions of the tally with their proofs (the trustee's machine);
 * - server, result: both trustees' decryptions checked (one MSM per trustee), combined with Lagrange
 *   coefficients and each count's discrete log found (bound: the ballots counted);
 * - verifier, sum: adding the decoded ciphertexts of every counted ballot (the verifier decodes each
 *   ballot once for its proofs, so only the additions are the tally's own cost); then the same
 *   decryption checks, combination and discrete logs as the server.
 *
 * Ballots are real (buildBallot); to keep the set-up short, --distinct of them are made and each is
 * repeated with its credential string made unique, so that every line counts (the sum reads the
 * credential only as a key, and decodes and adds every ciphertext). Run: npm run bench:tally [-- --ballots 10000 --distinct 200 --rounds 3]
 */
import { loadavg } from 'node:os';
import {
  G,
  add,
  buildBallot,
  checkParams,
  combineMany,
  decodeBallot,
  decodeCiphertext,
  deriveCredentialKeys,
  discreteLog,
  generateCredentialCode,
  makeElectionParams,
  mod,
  partialDecryptMany,
  randomScalar,
  verifyDecryptionSharesBatch,
  ZERO_CIPHERTEXT,
  type BallotJson,
  type Ciphertext,
} from '@saylau/crypto';
import { aggregateBallots, emptySums, tallyPayload, type BallotPayload } from '@saylau/protocol';
import { coordinatesOf } from '../server/src/casting/verify-batch.ts';
import { fromCoordinates } from '../server/src/tally/running.ts';

const opt = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = opt('ballots', 10_000);
const DISTINCT = Math.min(N, opt('distinct', 200));
const ROUNDS = opt('rounds', 3);
const OPTIONS = 6;

function median(run: () => void): { ms: number; spread: string } {
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    ms: times[Math.floor(times.length / 2)]!,
    spread: `${times[0]!.toFixed(0)}–${times[times.length - 1]!.toFixed(0)}`,
  };
}

const row = (label: string, r: { ms: number; spread: string }) =>
  console.log(`${label.padEnd(44)} ${r.ms.toFixed(0).padStart(7)} ms   (rounds ${r.spread} ms)`);

// Keys: x shared as f(z) = x + a·z, trustees 1..3, any 2 decrypt (SPEC §6).
const threshold = checkParams(2, 3);
const x = randomScalar();
const a = randomScalar();
const share = (j: number) => mod(x + a * BigInt(j));
const params = makeElectionParams('kokterek-2027', G.multiply(x), [{ id: 'akim', options: OPTIONS }]);
const anchor = { seq: 40, hash: 'ab'.repeat(32) };

console.log(
  `tally of ${N} ballots (${DISTINCT} distinct), ${OPTIONS} options, t = 2 of 3; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const made = Array.from({ length: DISTINCT }, (_, i) =>
  buildBallot(params, deriveCredentialKeys(params.election, generateCredentialCode()), [i % OPTIONS], anchor),
);
// The board's lines, as the server reads them back; each counts (a distinct credential string).
const lines = Array.from({ length: N }, (_, i) => {
  const b: BallotJson = { ...made[i % DISTINCT]!.ballot };
  b.credential = `${i}:${b.credential}`.slice(0, b.credential.length);
  return JSON.stringify({ payload: b });
});

let tally!: ReturnType<typeof aggregateBallots>;
row(
  'server: close by summing the board',
  median(() => {
    tally = aggregateBallots(
      params,
      lines.map((l) => JSON.parse(l) as { payload: BallotPayload }),
    );
  }),
);
if (tally.counted !== N) throw new Error(`expected ${N} counted, got ${tally.counted}`);
// The running tally's steps, by the server's own functions: coordinates → points → sums, then encode.
const coords = made.map((m) => coordinatesOf(decodeBallot(params, m.ballot)));
let running = emptySums(params);
const perBallot = median(() => {
  running = emptySums(params);
  for (let i = 0; i < N; i++) {
    const added = fromCoordinates(params, coords[i % DISTINCT]!);
    running = running.map((row, ci) => row.map((sum, oi) => add(sum, added[ci]![oi]!)));
  }
});
row(`server: running tally, ${N} ballots added`, perBallot);
console.log(`${''.padEnd(44)} ${((perBallot.ms / N) * 1000).toFixed(0).padStart(7)} µs a ballot`);
let closing!: ReturnType<typeof tallyPayload>;
row(
  'server: close from the running tally',
  median(() => (closing = tallyPayload(params, running, N, N))),
);
if (JSON.stringify(closing.contests) !== JSON.stringify(tally.contests))
  throw new Error('the running tally differs from the sum of the board');

const cts: Ciphertext[] = tally.contests[0]!.ciphertexts.map((c, oi) =>
  decodeCiphertext(c, `tally[${oi}]`, { allowIdentity: true }),
);

const fp = params.fingerprint;
let shares = [1, 2].map((j) => partialDecryptMany(fp, j, share(j), cts));
row(
  'trustee: partial decryption with proofs',
  median(() => {
    shares = [1, 2].map((j) => partialDecryptMany(fp, j, share(j), cts));
  }),
);

function result(): number[] {
  [1, 2].forEach((j, k) => {
    if (!verifyDecryptionSharesBatch(fp, j, G.multiply(share(j)), cts, shares[k]!))
      throw new Error('a decryption share does not verify');
  });
  const M = combineMany(threshold, cts, shares);
  return M.map((m, oi) => discreteLog(m, N, `count[${oi}]`));
}
let counts: number[] = [];
row(
  'server: check decryptions, combine, counts',
  median(() => (counts = result())),
);
const expected = Array.from(
  { length: OPTIONS },
  (_, oi) => Array.from({ length: N }, (_, i) => i % DISTINCT).filter((d) => d % OPTIONS === oi).length,
);
if (counts.join() !== expected.join()) throw new Error(`counts ${counts} are not ${expected}`);

// The verifier's sum: its ballot pass has decoded every ballot already; the tally adds them.
const decoded = made.map((m) => decodeBallot(params, m.ballot));
row(
  'verifier: sum of decoded ballots',
  median(() => {
    const acc = Array.from({ length: OPTIONS }, () => ZERO_CIPHERTEXT);
    for (let i = 0; i < N; i++)
      decoded[i % DISTINCT]!.contests[0]!.choices.forEach(
        (ch, oi) => (acc[oi] = add(acc[oi]!, ch.ciphertext)),
      );
  }),
);
row(
  'verifier: check decryptions, combine, counts',
  median(() => void result()),
);
console.log(`counts: ${counts.join(' ')}`);
