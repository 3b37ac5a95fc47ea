/**
 * The load generator's side of bench/ingest.ts and bench/load.ts: the server as a child process
 * (bench/lib/bench-server.ts) with an election opened for pre-built ballots, and one timed cast.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { canonicalJson } from '@saylau/crypto';
import type { Built } from './ballots.ts';
import type { ChildMessage, ParentMessage, SetupMessage } from './bench-server.ts';

export interface BenchServer {
  child: ChildProcess;
  url: string;
  /** POST target for ballots. */
  ballotsUrl: string;
  tokens: string[];
  serverKey: string;
  send(m: ParentMessage): void;
  next<T extends ChildMessage['type']>(type: T): Promise<Extract<ChildMessage, { type: T }>>;
}

/** Fork the server, open `election` for the ballots' credentials, one voter token per ballot. */
export async function startBenchServer(
  setup: Omit<SetupMessage, 'type' | 'credentials' | 'tokens'>,
  ballots: Built[],
  params: { json: unknown },
  opts: { profileDir?: string } = {},
): Promise<BenchServer> {
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
      const on = (m: ChildMessage) => {
        if (m.type === 'error') reject(new Error(`server: ${m.message}`));
        else if (m.type === type) {
          child.off('message', on);
          resolve(m as Extract<ChildMessage, { type: T }>);
        }
      };
      child.on('message', on);
      child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
  const send = (m: ParentMessage) => child.send(m);
  send({
    type: 'setup',
    ...setup,
    credentials: ballots.map((b) => b.credential),
    tokens: ballots.length,
  });
  const ready = await next('ready');
  if (canonicalJson(ready.params) !== canonicalJson(params.json))
    throw new Error('the server opened the election with other parameters');
  return {
    child,
    url: ready.url,
    ballotsUrl: `${ready.url}/api/elections/${setup.election}/ballots`,
    tokens: ready.tokens,
    serverKey: ready.serverKey,
    send,
    next,
  };
}

export interface Outcome {
  ms: number;
  status: number;
  code: string;
  receipt?: unknown;
  signature?: string;
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

/** The p-th quantile (0..1) of sorted values; NaN when empty. */
export const quantile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;
