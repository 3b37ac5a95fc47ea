/**
 * Where the verifier's time goes per ballot: the phases of one batch (verifier/src/ballot-batch.ts,
 * SPEC §11.3) timed one by one on the ballots of a real board, in one thread. Phases: JSON.parse of
 * the entry line; strict decoding (§8.3 steps 1–3: 38 ristretto255 points, the credential key);
 * the Ed25519 signature (step 4); the proof equations (challenges, §5.1); the §5.6 batch check
 * (weights and MSM); the homomorphic sum of the batch. "whole batch" runs verifyBallotBatch itself.
 * Times are CPU time (process.cpuUsage), so other work on the machine inflates them less than wall time.
 *
 * Run: npx tsx bench/verify-phases.ts BOARD.jsonl [--batch 128] [--ballots 512] [--rounds 3]
 */
import { readFileSync } from 'node:fs';
import {
  IDENTITY,
  ballotEquations,
  decodeBallot,
  decodeElectionParams,
  type DecodedBallot,
  type Point,
} from '../crypto/src/index.ts';
import { checkEquationsBatch } from '../crypto/src/proofs/equation.ts';
import { verifyBallotBatch, verifySignature } from '../verifier/src/ballot-batch.ts';

const file = process.argv[2];
if (!file || file.startsWith('--')) throw new Error('usage: verify-phases.ts BOARD.jsonl [--batch N]');
const opt = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const BATCH = opt('batch', 128);
const ROUNDS = opt('rounds', 3);
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
const entries = lines.map((l) => JSON.parse(l) as { type: string; payload: unknown; seq: number });
const opened = entries.find((e) => e.type === 'voting-opened');
if (!opened) throw new Error('no voting-opened entry');
const params = decodeElectionParams((opened.payload as { params: unknown }).params);
const ballotLines = lines.filter((_, i) => entries[i]!.type === 'ballot').slice(0, opt('ballots', 512));
const N = ballotLines.length;
const batches: string[][] = [];
for (let i = 0; i < N; i += BATCH) batches.push(ballotLines.slice(i, i + BATCH));

const phases = new Map<string, number[]>();
/** CPU time of this process (one thread here), less sensitive than wall time to other work on the machine. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const time = <T>(label: string, f: () => T): T => {
  const t = cpuMs();
  const r = f();
  const list = phases.get(label) ?? [];
  list.push(cpuMs() - t);
  phases.set(label, list);
  return r;
};

for (let round = 0; round < ROUNDS + 1; round++) {
  for (const batch of batches) {
    const payloads = time('JSON.parse', () =>
      batch.map((l) => (JSON.parse(l) as { payload: unknown }).payload),
    );
    const decoded: DecodedBallot[] = time('decode (§8.3 steps 1–3)', () =>
      payloads.map((p) => decodeBallot(params, p)),
    );
    time('signature (step 4)', () => {
      if (!decoded.every(verifySignature)) throw new Error('a signature failed');
    });
    const eqs = time('equations and challenges', () =>
      decoded.flatMap((b) => ballotEquations(params, b, true)),
    );
    time('batch check (weights, MSM)', () => {
      if (!checkEquationsBatch(eqs)) throw new Error('a batch failed');
    });
    time('sum of the batch', () => {
      let a: Point = IDENTITY;
      for (const b of decoded)
        for (const ch of b.contests[0]!.choices) a = a.add(ch.ciphertext.alpha).add(ch.ciphertext.beta);
      return a;
    });
    time('whole batch (verifyBallotBatch)', () =>
      verifyBallotBatch(
        params,
        batch.map((line, i) => ({ seq: i, line, selected: true })),
      ),
    );
  }
  // The first round warms up the JIT and is not counted.
  if (round === 0) phases.clear();
}

console.log(
  `${N} ballots of ${file}, batches of ${BATCH}, ${ROUNDS} rounds (CPU ms per ballot, median round):`,
);
let parts = 0;
for (const [label, list] of phases) {
  const perRound = Array.from({ length: ROUNDS }, (_, r) =>
    list.slice(r * batches.length, (r + 1) * batches.length).reduce((a, b) => a + b, 0),
  ).sort((a, b) => a - b);
  const ms = perRound[Math.floor(ROUNDS / 2)]! / N;
  if (!label.startsWith('whole')) parts += ms;
  console.log(`  ${label.padEnd(34)} ${ms.toFixed(2).padStart(6)}`);
}
console.log(`  ${'sum of the phases'.padEnd(34)} ${parts.toFixed(2).padStart(6)}`);
