/**
 * Child process of the ingest and load benchmarks (bench/ingest.ts, bench/load.ts): a real Saylau server on a temporary data
 * directory, with an election opened through the server's own functions, listening on a loopback
 * port. The parent sends each voter's credential and the joint key over IPC; this process binds each
 * credential to its voter (SPEC §10.7), opens voting, issues one real voter token per ballot to the
 * voter whose credential the ballot carries (signed with this server's token key, as login would),
 * and answers with the URL, the election parameters and the tokens. Its own CPU and memory are what
 * the benchmark measures, apart from the load generator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import {
  AGAINST_ALL,
  createElection,
  localTime,
  openVoting,
  setContests,
  setStatus,
  startServer,
  type BallotContest,
  type RunningServer,
  issueVoterToken,
  voterRef,
  castingPool,
  closeCasting,
  configureCasting,
} from '@saylau/server';

export interface PoolStats {
  workers: number;
  batches: number;
  ballots: number;
  largestBatch: number;
  respawns: number;
  unavailable: number;
}

export interface SetupMessage {
  type: 'setup';
  election: string;
  electionDay: string;
  candidates: number;
  publicKey: string;
  /** Voter i's public credential, one per voter. */
  credentials: string[];
  /** One voter token per entry, for voter tokens[k] (an index into `credentials`). */
  tokens: number[];
  workers?: number;
  /** The verifier pool's batching window (server default when absent). */
  batchMs?: number;
}
export type ParentMessage = SetupMessage | { type: 'mark' } | { type: 'stats' } | { type: 'stop' };
export type ChildMessage =
  | { type: 'ready'; url: string; params: unknown; tokens: string[]; serverKey: string }
  | { type: 'marked' }
  | {
      type: 'stats';
      maxRssMiB: number;
      ballots: number;
      pool: PoolStats;
      /** Since the last 'mark': CPU seconds of the whole process (all threads), and the main thread's busy share. */
      cpuSeconds: number;
      wallSeconds: number;
      mainThreadBusy: number;
    }
  | { type: 'error'; message: string };

const send = (m: ChildMessage) => process.send!(m);
let server: RunningServer | null = null;
let since: {
  cpu: NodeJS.CpuUsage;
  elu: ReturnType<typeof performance.eventLoopUtilization>;
  t: number;
} | null = null;
let dir = '';

async function setup(m: SetupMessage): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'saylau-ingest-'));
  // Voting day 08:00 local, then real time: tokens and the voting hours follow the wall clock from there.
  const start = Date.parse(`${m.electionDay}T08:00:00+05:00`);
  const t0 = Date.now();
  server = await startServer({
    dataDir: dir,
    clock: () => new Date(start + Date.now() - t0),
    log: () => {},
    // One load generator on one address stands for every voter.
    app: { loginRateLimit: false, castRateLimit: false },
  });
  const ctx = server.ctx;
  if (m.workers !== undefined || m.batchMs !== undefined)
    configureCasting(ctx, {
      ...(m.workers === undefined ? {} : { workers: m.workers }),
      ...(m.batchMs === undefined ? {} : { batchMs: m.batchMs }),
    });
  const id = m.election;
  // Created 40 days before election day, before its deadlines (SPEC §10.1); the steps after are written directly.
  createElection(
    ctx,
    { id, district: { kk: 'Бенч', ru: 'Бенч', en: 'Bench' }, electionDay: m.electionDay },
    'bench',
    new Date(localTime(m.electionDay, 40, '09:00')),
  );
  const contests: BallotContest[] = [
    {
      id: 'akim',
      kind: 'candidates',
      options: [
        ...Array.from({ length: m.candidates }, (_, i) => ({
          id: `c${i + 1}`,
          kind: 'candidate' as const,
          names: { kk: `Кандидат ${i + 1}`, ru: `Кандидат ${i + 1}`, en: `Candidate ${i + 1}` },
        })),
        { id: 'against-all', kind: 'against-all' as const, names: AGAINST_ALL },
      ],
    },
  ];
  // The steps before voting, written as their modules write them (the roll commitment and the joint
  // key stand in for the roll import and the key ceremony, which this benchmark does not measure).
  // Voter i's reference is made as login makes it (§10.9.1), from a stand-in for an IIN.
  const voters = m.credentials.map((_, i) => voterRef(ctx, id, `bench-voter-${i}`));
  ctx.db.transaction(() => {
    ctx.board.append(id, 'roll', { count: m.credentials.length, commitment: 'f'.repeat(64) });
    setContests(ctx, id, contests);
    setStatus(ctx, id, 'nominations', 'ballot-fixed');
    ctx.board.append(id, 'ballot-fixed', { contests });
    ctx.board.append(id, 'joint-key', { publicKey: m.publicKey, qualified: [], publicShares: [] });
    const ins = ctx.db.prepare('INSERT INTO credentials (election, public_key) VALUES (?, ?)');
    const list = [...m.credentials].sort();
    for (const k of list) ins.run(id, k);
    const own = ctx.db.prepare(
      'INSERT INTO credential_owners (election, voter, public_key) VALUES (?, ?, ?)',
    );
    m.credentials.forEach((k, i) => own.run(id, voters[i], k));
    ctx.board.append(id, 'credentials', { count: list.length, list });
  })();
  const e = openVoting(ctx, id, 'bench');
  const tokens: string[] = [];
  for (const v of m.tokens) tokens.push((await issueVoterToken(ctx, id, voters[v]!)).token);
  mark();
  send({ type: 'ready', url: server.url, params: e.params, tokens, serverKey: ctx.keys.board.publicKeyText });
}

function mark(): void {
  since = { cpu: process.cpuUsage(), elu: performance.eventLoopUtilization(), t: performance.now() };
}

async function stop(): Promise<void> {
  if (server) {
    await closeCasting(server.ctx);
    await server.close();
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

process.on('message', (m: ParentMessage) => {
  if (m.type === 'setup')
    setup(m).catch((e: unknown) => send({ type: 'error', message: String((e as Error)?.stack ?? e) }));
  else if (m.type === 'mark') {
    mark();
    send({ type: 'marked' });
  } else if (m.type === 'stats' && server) {
    const n = server.ctx.db.prepare("SELECT count(*) AS n FROM board WHERE type = 'ballot'").get() as {
      n: number;
    };
    const cpu = process.cpuUsage(since!.cpu);
    send({
      type: 'stats',
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      wallSeconds: (performance.now() - since!.t) / 1000,
      mainThreadBusy: performance.eventLoopUtilization(since!.elu).utilization,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      ballots: n.n,
      pool: { workers: castingPool(server.ctx).workers, ...castingPool(server.ctx).stats },
    });
  } else if (m.type === 'stop') void stop();
});
process.on('disconnect', () => void stop());
