/**
 * An observer mirroring a board during a load benchmark (bench/load.ts, bench/multi-load.ts): every
 * second, the entries after the last one it holds, each checked to extend its copy (seq, link and
 * hash, SPEC §9.2), then one last poll after the load.
 */
import { readFileSync } from 'node:fs';
import { canonicalJson, sha256Hex, utf8ToBytes } from '@saylau/crypto';
import { fetchBoard } from '@saylau/ballot-client';

export interface Mirror {
  polls: number;
  entries: number;
  ballots: number;
  maxPollMs: number;
  failures: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Mirror each of `elections` on the server at `url`, one poll of each a second, until stopped. */
export function observe(url: string, elections: readonly string[]): { stop: () => Promise<Mirror> } {
  const m: Mirror = { polls: 0, entries: 0, ballots: 0, maxPollMs: 0, failures: [] };
  const held = elections.map((election) => ({ election, entries: 0, prev: '0'.repeat(64) }));
  let running = true;
  const pollOne = async (b: (typeof held)[number]) => {
    const t = performance.now();
    try {
      for (const e of await fetchBoard(url, b.election, b.entries)) {
        const { seq, type, payload } = e;
        const hash = sha256Hex(utf8ToBytes(canonicalJson({ seq, type, payload, prev: b.prev })));
        if (seq !== b.entries || e.prev !== b.prev || e.hash !== hash) {
          m.failures.push(`${b.election}: entry ${seq} does not extend the mirror at ${b.entries}`);
          running = false;
          break;
        }
        b.prev = e.hash;
        b.entries++;
        m.entries++;
        if (type === 'ballot') m.ballots++;
      }
    } catch (e) {
      m.failures.push(`${b.election}: ${String(e)}`);
    }
    m.polls++;
    m.maxPollMs = Math.max(m.maxPollMs, performance.now() - t);
  };
  const pollAll = async () => {
    const t = performance.now();
    for (const b of held) await pollOne(b);
    return performance.now() - t;
  };
  const loop = (async () => {
    while (running) await sleep(Math.max(0, 1000 - (await pollAll())));
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await pollAll();
      return m;
    },
  };
}

/** A process's resident memory now, from /proc (kB → MiB); null when not on Linux. */
export function rssMiB(pid: number): number | null {
  try {
    const r = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return r ? Number(r[1]) / 1024 : null;
  } catch {
    return null;
  }
}
