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
  type VerifierOptions,
  newSalt,
  rollEntry,
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
  /** The verifier pool's batching window and batch policy (server defaults when absent). */
  batchMs?: number;
  minBatch?: number;
  maxWaitMs?: number;
}
/**
 * Many elections on one server (bench/multi-load.ts): each of `open` opened as `setup` opens its one
 * election, and `idle` elections only created, as a region's server holds them between steps.
 */
export interface SetupManyMessage {
  type: 'setup-many';
  electionDay: string;
  candidates: number;
  publicKey: string;
  open: { election: string; credentials: string[]; tokens: number[] }[];
  idle: string[];
  workers?: number;
  batchMs?: number;
  minBatch?: number;
  maxWaitMs?: number;
}
export type ParentMessage =
  SetupMessage | SetupManyMessage | { type: 'mark' } | { type: 'stats' } | { type: 'rss' } | { type: 'stop' };
export type ChildMessage =
  | { type: 'ready'; url: string; params: unknown; tokens: string[]; serverKey: string }
  | { type: 'ready-many'; url: string; serverKey: string; opened: { params: unknown; tokens: string[] }[] }
  | { type: 'marked' }
  | { type: 'rss'; rssMiB: number; heapMiB: number }
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

async function startBench(
  m: { electionDay: string } & Pick<VerifierOptions, 'workers' | 'batchMs' | 'minBatch' | 'maxWaitMs'>,
) {
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
  const pool = Object.fromEntries(
    (['workers', 'batchMs', 'minBatch', 'maxWaitMs'] as const).flatMap((k) =>
      m[k] === undefined ? [] : [[k, m[k]]],
    ),
  ) as VerifierOptions;
  if (Object.keys(pool).length > 0) configureCasting(ctx, pool);
  return ctx;
}

type Ctx = Awaited<ReturnType<typeof startBench>>;

/** Created 40 days before election day, before its deadlines (SPEC §10.1). */
function create(ctx: Ctx, id: string, electionDay: string): void {
  createElection(
    ctx,
    { id, district: { kk: 'Бенч', ru: 'Бенч', en: 'Bench' }, electionDay },
    'bench',
    new Date(localTime(electionDay, 40, '09:00')),
  );
}

async function openOne(
  ctx: Ctx,
  m: {
    election: string;
    electionDay: string;
    candidates: number;
    publicKey: string;
    credentials: string[];
    tokens: number[];
  },
) {
  const id = m.election;
  create(ctx, id, m.electionDay);
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
    ctx.board.append(
      id,
      'roll',
      rollEntry(
        newSalt(),
        voters.map((_, i) => ({ iin: `bench-voter-${i}` })),
        'f'.repeat(64),
      ),
    );
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
  return { params: e.params as unknown, tokens };
}

async function setup(m: SetupMessage): Promise<void> {
  const ctx = await startBench(m);
  const { params, tokens } = await openOne(ctx, m);
  mark();
  send({ type: 'ready', url: server!.url, params, tokens, serverKey: ctx.keys.board.publicKeyText });
}

async function setupMany(m: SetupManyMessage): Promise<void> {
  const ctx = await startBench(m);
  for (const id of m.idle) create(ctx, id, m.electionDay);
  const opened = [];
  for (const o of m.open) opened.push(await openOne(ctx, { ...m, ...o }));
  mark();
  send({ type: 'ready-many', url: server!.url, serverKey: ctx.keys.board.publicKeyText, opened });
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
  const fail = (e: unknown) => send({ type: 'error', message: String((e as Error)?.stack ?? e) });
  if (m.type === 'setup') setup(m).catch(fail);
  else if (m.type === 'setup-many') setupMany(m).catch(fail);
  else if (m.type === 'rss') {
    global.gc?.();
    const mem = process.memoryUsage();
    send({ type: 'rss', rssMiB: mem.rss / 2 ** 20, heapMiB: mem.heapUsed / 2 ** 20 });
  } else if (m.type === 'mark') {
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
