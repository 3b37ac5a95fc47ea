/**
 * Sign-in benchmark (SPEC §10.9.1): does a sign-in with an IIN on the roll and a wrong login code
 * take longer than one with an IIN that is on no roll? If it did, timing would tell anyone which
 * IINs are on the roll. A server on a temporary data directory (in this process, per-IP limit off)
 * with an open election of --voters voters and login codes issued; then --attempts sign-ins of each
 * kind over HTTP, interleaved, each known IIN used at most 4 times (the 5th wrong code locks it).
 * Prints the median and p90 of each kind and their difference.
 * Run: npm run bench:signin [-- --voters 2000 --attempts 2000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { G, encodePoint, randomScalar } from '@saylau/crypto';
import {
  AGAINST_ALL,
  createElection,
  localTime,
  openVoting,
  setContests,
  setStatus,
  startServer,
  type BallotContest,
  makeIin,
  syntheticVoters,
  writeSyntheticRoll,
  issueLoginCodes,
  MAX_LOGIN_FAILURES,
} from '@saylau/server';
import { quantile } from './lib/bench-client.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const VOTERS = Number(arg('voters') ?? 2000);
const ATTEMPTS = Number(arg('attempts') ?? 2000);
const ELECTION_DAY = '2026-12-20';
const ID = 'signin-bench';
const WRONG_CODE = '00000-00000';
const log = (s: string) => console.log(s);

const dir = mkdtempSync(join(tmpdir(), 'saylau-signin-'));
const now = { value: new Date(`${ELECTION_DAY}T08:00:00+05:00`) };
const server = await startServer({
  dataDir: dir,
  clock: () => now.value,
  log: () => {},
  app: { loginRateLimit: false },
});
const ctx = server.ctx;
// Created 40 days before election day, before its deadlines (SPEC §10.1); the steps after are written directly.
createElection(
  ctx,
  { id: ID, district: { kk: 'Бенч', ru: 'Бенч', en: 'Bench' }, electionDay: ELECTION_DAY },
  'bench',
  new Date(localTime(ELECTION_DAY, 40, '09:00')),
);
const voters = syntheticVoters(VOTERS, ELECTION_DAY, 3);
const contests: BallotContest[] = [
  {
    id: 'akim',
    kind: 'candidates',
    options: [
      { id: 'c1', kind: 'candidate', names: { kk: 'Кандидат', ru: 'Кандидат', en: 'Candidate' } },
      { id: 'against-all', kind: 'against-all', names: AGAINST_ALL },
    ],
  },
];
// The steps before voting, written as their modules write them (the bench measures only sign-in).
ctx.db.transaction(() => {
  writeSyntheticRoll(ctx, ID, voters, 'f'.repeat(64));
  setContests(ctx, ID, contests);
  setStatus(ctx, ID, 'nominations', 'ballot-fixed');
  ctx.board.append(ID, 'ballot-fixed', { contests });
  ctx.board.append(ID, 'joint-key', {
    publicKey: encodePoint(G.multiply(randomScalar())),
    qualified: [],
    publicShares: [],
  });
  ctx.board.append(ID, 'credentials', { count: 0, list: [] });
})();
openVoting(ctx, ID, 'bench');
issueLoginCodes(ctx, ID, 'bench');

const onRoll = new Set(voters.map((v) => v.iin));
const strangers: string[] = [];
for (let s = 0; strangers.length < ATTEMPTS; s++) {
  const iin = makeIin(`19${50 + (s % 40)}-0${1 + (s % 9)}-1${s % 10}`, s % 2 ? 'male' : 'female', 5000 + s);
  if (!onRoll.has(iin)) strangers.push(iin);
}
const perVoter = MAX_LOGIN_FAILURES - 1;
if (ATTEMPTS > VOTERS * perVoter)
  throw new Error(`--attempts ${ATTEMPTS} needs ≥ ${ATTEMPTS / perVoter} voters`);

async function signIn(iin: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${server.url}/api/elections/${ID}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ iin, code: WRONG_CODE }),
  });
  await res.text();
  if (res.status !== 401) throw new Error(`expected 401 BAD_LOGIN, got ${res.status}`);
  return performance.now() - t;
}

log(`${VOTERS} voters on the roll, ${ATTEMPTS} sign-ins of each kind, wrong code ${WRONG_CODE}`);
const load = loadavg()[0]!.toFixed(2);
for (let i = 0; i < 50; i++) await signIn(strangers[i]!); // warm-up
const known: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < ATTEMPTS; i++) {
  // Interleaved, so that drift of the machine's speed touches both kinds alike.
  known.push(await signIn(voters[i % VOTERS]!.iin));
  unknown.push(await signIn(strangers[i]!));
}
known.sort((a, b) => a - b);
unknown.sort((a, b) => a - b);
const row = (name: string, ms: number[]) =>
  `| ${name} | ${ms.length} | ${quantile(ms, 0.5).toFixed(2)} | ${quantile(ms, 0.9).toFixed(2)} |`;
log('');
log(`load average (1 min) ${load} → ${loadavg()[0]!.toFixed(2)}`);
log('| sign-in | attempts | median ms | p90 ms |');
log('| ------- | -------: | --------: | -----: |');
log(row('IIN on the roll, wrong code', known));
log(row('IIN on no roll', unknown));
log(
  `difference of medians: ${(quantile(known, 0.5) - quantile(unknown, 0.5)).toFixed(2)} ms, ` +
    `of p90: ${(quantile(known, 0.9) - quantile(unknown, 0.9)).toFixed(2)} ms`,
);
await server.close();
rmSync(dir, { recursive: true, force: true });
