/**
 * The load generator's side of bench/ingest.ts and bench/load.ts: the server as a child process
 * (bench/lib/bench-server.ts) with an election opened for ballots encrypted ahead, and one timed
 * cast, signed at send time with the newest board head known (bench/lib/sign.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { canonicalJson } from '@saylau/crypto';
import { fetchAnchor } from '@saylau/ballot-client';
import type { Built } from './ballots.ts';
import type { ChildMessage, ParentMessage, SetupManyMessage, SetupMessage } from './bench-server.ts';
import { ANCHOR_REFUSALS, castBody, Heads } from './sign.ts';

export interface BenchServer {
  child: ChildProcess;
  url: string;
  /** POST target for ballots. */
  ballotsUrl: string;
  /** tokens[k] is for the voter whose credential ballots[k] carries. */
  tokens: string[];
  serverKey: string;
  /** The newest head of this board the load generator knows, starting from GET …/board/head. */
  heads: Heads;
  send(m: ParentMessage): void;
  next<T extends ChildMessage['type']>(type: T): Promise<Extract<ChildMessage, { type: T }>>;
}

/**
 * Fork the server, open `election` for the ballots' credentials, each bound to one voter, and get one
 * voter token per ballot for that voter (a credential casting twice gets two tokens of one voter).
 */
export async function startBenchServer(
  setup: Omit<SetupMessage, 'type' | 'credentials' | 'tokens'>,
  ballots: Built[],
  params: { json: unknown },
  opts: { profileDir?: string } = {},
): Promise<BenchServer> {
  const { child, next, send } = forkServer(opts);
  const { credentials, tokens } = votersOf(ballots);
  send({ type: 'setup', ...setup, credentials, tokens });
  const ready = await next('ready');
  if (canonicalJson(ready.params) !== canonicalJson(params.json))
    throw new Error('the server opened the election with other parameters');
  return {
    ...(await boardOf(ready.url, ready.serverKey, setup.election)),
    child,
    url: ready.url,
    tokens: ready.tokens,
    serverKey: ready.serverKey,
    send,
    next,
  };
}

/** One voter per credential; tokens[k] is for the voter of ballots[k]. */
function votersOf(ballots: Built[]): { credentials: string[]; tokens: number[] } {
  const voter = new Map<string, number>();
  for (const b of ballots) if (!voter.has(b.credential)) voter.set(b.credential, voter.size);
  return { credentials: [...voter.keys()], tokens: ballots.map((b) => voter.get(b.credential)!) };
}

/** Where an election's ballots go, and the newest head of its board the load generator knows. */
async function boardOf(url: string, serverKey: string, election: string) {
  const head = () => fetchAnchor(url, election, serverKey).then((h) => h.anchor);
  return { heads: new Heads(await head(), head), ballotsUrl: `${url}/api/elections/${election}/ballots` };
}

export interface OpenedElection {
  election: string;
  ballotsUrl: string;
  tokens: string[];
  heads: Heads;
}

export type MultiBenchServer = Pick<BenchServer, 'child' | 'url' | 'serverKey' | 'send' | 'next'> & {
  opened: OpenedElection[];
};

/** Fork the server with `idle` elections only created and each of `open` opened for its ballots. */
export async function startMultiBenchServer(
  setup: Omit<SetupManyMessage, 'type' | 'open'>,
  open: { election: string; ballots: Built[]; params: { json: unknown } }[],
): Promise<MultiBenchServer> {
  const { child, next, send } = forkServer();
  send({
    type: 'setup-many',
    ...setup,
    open: open.map((o) => ({ election: o.election, ...votersOf(o.ballots) })),
  });
  const ready = await next('ready-many');
  const opened: OpenedElection[] = [];
  for (const [i, o] of open.entries()) {
    if (canonicalJson(ready.opened[i]!.params) !== canonicalJson(o.params.json))
      throw new Error(`the server opened ${o.election} with other parameters`);
    opened.push({
      election: o.election,
      tokens: ready.opened[i]!.tokens,
      ...(await boardOf(ready.url, ready.serverKey, o.election)),
    });
  }
  return { child, url: ready.url, serverKey: ready.serverKey, send, next, opened };
}

function forkServer(opts: { profileDir?: string } = {}) {
  const child = fork(new URL('./bench-server.ts', import.meta.url), [], {
    execArgv: [
      '--import',
      'tsx',
      ...(opts.profileDir ? ['--cpu-prof', '--cpu-prof-dir', opts.profileDir] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends ChildMessage['type']>(type: T) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const done = () => {
        child.off('message', on);
        child.off('exit', exited);
      };
      const exited = (code: number | null) => {
        done();
        reject(new Error(`server exited (${code})`));
      };
      const on = (m: ChildMessage) => {
        if (m.type === 'error') {
          done();
          reject(new Error(`server: ${m.message}`));
        } else if (m.type === type) {
          done();
          resolve(m as Extract<ChildMessage, { type: T }>);
        }
      };
      child.on('message', on);
      child.once('exit', exited);
    });
  const send = (m: ParentMessage) => child.send(m);
  return { child, next, send };
}

export interface Outcome {
  ms: number;
  status: number;
  code: string;
  receipt?: unknown;
  signature?: string;
  /** Sent twice: the first anchor was refused, the second signed with a fresh head. */
  resigned?: boolean;
}

/** POST one ballot with its token; the latency runs from the request to the parsed answer. */
export async function castTimed(url: string, token: string, body: string): Promise<Outcome> {
  const t = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const b = (await res.json()) as { receipt?: unknown; signature?: string; error?: { code: string } };
    return {
      ms: performance.now() - t,
      status: res.status,
      code: b.error?.code ?? 'OK',
      ...(res.status === 201 ? { receipt: b.receipt, signature: b.signature } : {}),
    };
  } catch (e) {
    return { ms: performance.now() - t, status: 0, code: (e as Error).name };
  }
}

/**
 * Sign `b` with the newest head known and POST it with its token; after an anchor refusal, sign with
 * a fresh head and send once more (the token is not used up by a refusal), as a booth does. The
 * latency runs from signing to the last answer; a receipt's checkpoint advances `heads`.
 */
export async function castSigned(url: string, token: string, b: Built, heads: Heads): Promise<Outcome> {
  const t = performance.now();
  for (let attempt = 0; ; attempt++) {
    const o = await castTimed(url, token, castBody(b, heads.anchor));
    if (o.status === 201) heads.seeReceipt(o.receipt);
    const done = { ...o, ms: performance.now() - t, ...(attempt > 0 ? { resigned: true } : {}) };
    if (attempt > 0 || !ANCHOR_REFUSALS.has(o.code)) return done;
    try {
      await heads.refresh();
    } catch {
      return done;
    }
  }
}

/** The p-th quantile (0..1) of sorted values; NaN when empty. */
export const quantile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;

export interface Summary {
  ok: number;
  /** Receipts per second over `seconds`. */
  rate: number;
  p50: number;
  p99: number;
  max: number;
  errors: Map<string, number>;
  /** `CODE×n …`, or 0. */
  errorText: string;
  /** Ballots signed again with a fresh head after an anchor refusal. */
  resigned: number;
}

/** Receipts (201) and their latency quantiles; every other answer counted by its code. */
export function summarise(outcomes: Outcome[], seconds: number): Summary {
  const ok = outcomes.filter((o) => o.status === 201);
  const ms = ok.map((o) => o.ms).sort((a, b) => a - b);
  const errors = new Map<string, number>();
  for (const o of outcomes) if (o.status !== 201) errors.set(o.code, (errors.get(o.code) ?? 0) + 1);
  return {
    ok: ok.length,
    rate: ok.length / seconds,
    p50: quantile(ms, 0.5),
    p99: quantile(ms, 0.99),
    max: ms.at(-1) ?? NaN,
    errors,
    errorText: [...errors].map(([k, v]) => `${k}×${v}`).join(' ') || '0',
    resigned: outcomes.filter((o) => o.resigned).length,
  };
}

/** Busy CPU-seconds of the whole machine, to see whether anything else ran during the load. */
export const machineBusy = () =>
  cpus().reduce((s, c) => s + (c.times.user + c.times.nice + c.times.sys + c.times.irq) / 1000, 0);

/** Casts that start the verifier threads and the JIT before anything is timed; all must succeed. */
export async function warmUp(cast: () => Promise<Outcome>, n: number): Promise<void> {
  const warm = await Promise.all(Array.from({ length: n }, cast));
  const bad = warm.filter((o) => o.status !== 201);
  if (bad.length) throw new Error(`warm-up casts refused: ${bad.map((o) => o.code).join(', ')}`);
}
