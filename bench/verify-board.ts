/**
 * A real, fully valid Saylau board of N ballots for the verifier benchmark (bench/verify.ts), made
 * faster than `saylau demo` (≈ 11 min for 10,000 voters) but through the same server code and HTTP
 * API: a server on a temporary data directory with a virtual clock; the commission, credential
 * authority and three trustees (t = 2) run every step of SPEC §10 with the demo's step functions
 * (tools/src/demo/steps.ts); five candidates are nominated (five routes, each with 1 % + 1
 * supporting signatures) and registered, so the ballot has 6 options with "Against all". The
 * credential authority makes one credential for each voter the server lists and publishes the list
 * with the owner map (§10.7). The voters' ballots are encrypted beforehand in worker threads
 * (bench/lib/ballots.ts, one per core), then every voter signs in with the login code and casts
 * over HTTP, 32 at a time, each ballot signed just before sending with the newest board head known
 * (§8.2, bench/lib/sign.ts); the server verifies each ballot as in production. Close, two partial decryptions, result; the board export is written to
 * DIR/board.jsonl and cached: a DIR with READY is reused while its format key (boardFormatKey) is
 * today's; otherwise it is made again.
 *
 * Run alone: npx tsx bench/verify-board.ts --ballots 1000 [--out DIR]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, localTime, prng, type SyntheticVoter } from '@saylau/server';
import {
  call,
  as,
  closeVoting,
  codesByIin,
  createActors,
  createGrantedElection,
  credentials,
  demoVoters,
  fixBallot,
  importRoll,
  keyCeremony,
  loginCodes,
  openVoting,
  signInAll,
  submitNomination,
  demoCandidates,
  recordDemoAkim,
  type Actors,
  LETTERS_FILE,
  decryptTally,
} from '@saylau/tools';
import { ClientError, ENDPOINTS } from '@saylau/protocol';
import { fetchAnchor } from '@saylau/ballot-client';
import { buildBallots, type Built } from './lib/ballots.ts';
import { castSigned } from './lib/bench-client.ts';
import { Heads } from './lib/sign.ts';

export const BENCH_CACHE = join(tmpdir(), 'saylau-bench-verify');
const ELECTION_DAY = '2027-03-14';
const COMMISSION = 'demo-commission';

export interface BenchBoard {
  dir: string;
  boardFile: string;
  election: string;
  ballots: number;
  counts: number[];
  /** Seconds it took to make (0 when read from the cache). */
  seconds: number;
}

interface Meta {
  election: string;
  ballots: number;
  counts: number[];
  seconds: number;
  /** boardFormatKey() when the board was made; a board without one predates the key. */
  format?: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Besides SPEC §1–§10: protocol's entry table and payload schemas. */
const FORMAT_SOURCES = ['protocol/src/entries.ts', 'protocol/src/payloads.ts'];
/** The election this file makes (candidates, trustees, voters' choices): change it when they change. */
const RECIPE = 'bench-board/1';

/**
 * What a cached board must have been made under: SPEC §1–§10 (every byte of a board; SPEC says a
 * change of format changes it in the same commit), FORMAT_SOURCES and RECIPE. §11 and the verifier
 * are left out on purpose, so that a verifier change is measured on the same board as before it.
 */
export function boardFormatKey(): string {
  const h = createHash('sha256');
  const spec = readFileSync(join(ROOT, 'SPEC.md'), 'utf8');
  const end = spec.indexOf('\n## 11. ');
  if (end < 0) throw new Error('SPEC.md has no section 11');
  const parts: [string, string][] = [
    ['recipe', RECIPE],
    ['SPEC.md §1–§10', spec.slice(0, end)],
    ...FORMAT_SOURCES.map((f): [string, string] => [f, readFileSync(join(ROOT, f), 'utf8')]),
  ];
  for (const [name, text] of parts) h.update(`${name}\0${text.length}\0${text}`);
  return h.digest('hex').slice(0, 16);
}

/** The cached board in `dir`, if it is complete and of today's format. */
function cached(dir: string, format: string): Meta | null {
  if (!existsSync(join(dir, 'READY')) || !existsSync(join(dir, 'board.jsonl'))) return null;
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
  return meta.format === format ? meta : null;
}

const names = (kk: string, ru: string, en: string) => ({ kk, ru, en });

async function nominateFive(a: Actors, id: string, voters: SyntheticVoter[], today: string): Promise<void> {
  const api = as(a, COMMISSION);
  const threshold = Math.ceil(voters.length / 100);
  await recordDemoAkim(api, id);
  let signer = 0;
  // The demo's five candidates, all registered (the demo refuses its fifth).
  for (const [i, c] of demoCandidates(today, voters.length).entries()) {
    const n = await submitNomination(api, id, c, i);
    const iins = voters.slice(signer, signer + threshold + 1).map((v) => v.iin);
    signer += threshold + 1;
    const params = { id, n };
    await call(api, ENDPOINTS.submitSignatures, { params, body: { iins } });
    await call(api, ENDPOINTS.registerCandidate, { params, body: {} });
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retry a request that failed before any answer (ClientError NETWORK), at most 3 attempts. */
async function retryNetwork<T>(f: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await f();
    } catch (e) {
      if (!(e instanceof ClientError) || e.code !== 'NETWORK' || attempt >= 3) throw e;
      await pause(200);
    }
  }
}

/** A complete election with `ballots` voters, each casting one ballot; the board goes to `dir`. */
export async function makeBenchBoard(opts: {
  ballots: number;
  dir?: string;
  seed?: number;
  concurrency?: number;
  log?: (s: string) => void;
}): Promise<BenchBoard> {
  const n = opts.ballots;
  const final = opts.dir ?? join(BENCH_CACHE, `saylau-${n}`);
  const log = opts.log ?? (() => undefined);
  const format = boardFormatKey();
  const hit = cached(final, format);
  if (hit) return { dir: final, boardFile: join(final, 'board.jsonl'), ...hit, seconds: 0 };
  if (existsSync(final)) log(`${final}: not a complete board of format ${format}; making it again`);
  // Made beside the cache and moved in when complete, so no run ever reads or deletes a half-made board.
  const dir = `${final}.partial-${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let done = false;
  const started = performance.now();
  const now = { value: new Date(localTime(ELECTION_DAY, 40, '09:00')) };
  const server = await startServer({
    dataDir: join(dir, 'data'),
    clock: () => now.value,
    log: () => undefined,
    app: { loginRateLimit: false, castRateLimit: false },
  });
  // Server and clients share this process: after a long synchronous step (generating 10,000 credentials,
  // a trustee recomputing the tally) both keep-alive timers fire late, and a request could go out on a
  // socket the server closes at that moment ("fetch failed"). Idle sockets stay open here instead.
  server.http.keepAliveTimeout = 10 * 60_000;
  let closing: Promise<void> | null = null;
  // server.close() awaits its checkpointer thread's exit, but that thread is unref'd: with nothing else
  // left, Node would exit (code 13) before it ends. A timer keeps the process alive until then.
  const closeServer = () =>
    (closing ??= (async () => {
      const alive = setInterval(() => undefined, 1000);
      try {
        await server.close();
      } finally {
        clearInterval(alive);
      }
    })());
  const actors = await createActors(server.ctx, server.url);
  const setTime = async (t: string) => {
    now.value = new Date(t);
    await signInAll(actors);
  };
  const id = `bench-${n}`;
  try {
    const commission = as(actors, COMMISSION);
    await createGrantedElection(actors, {
      id,
      district: names('Бенчмарк ауылдық округі', 'Сельский округ «Бенчмарк»', 'Benchmark rural district'),
      electionDay: ELECTION_DAY,
      profile: { name: 'reform' },
      demo: false,
    });
    const voters = demoVoters(n, ELECTION_DAY, opts.seed ?? 1);
    await importRoll(actors, id, voters);
    await nominateFive(actors, id, voters, now.value.toISOString().slice(0, 10));
    const election = await call(commission, ENDPOINTS.election, { params: { id } });
    await setTime(election.calendar.registrationCloses);
    await fixBallot(actors, id);
    const trusteeFiles = await keyCeremony(actors, id, join(dir, 'trustees'));
    // As the demo: one code per voter the server lists, published with the owner map (§10.7).
    const byRef = await credentials(actors, id, join(dir, 'credentials'));
    const codes = codesByIin(
      actors,
      id,
      byRef,
      voters.map((v) => v.iin),
    );
    rmSync(join(dir, 'credentials', LETTERS_FILE), { force: true });
    const logins = await loginCodes(actors, id);
    log(`election ${id}: roll, 5 candidates, 3-trustee ceremony, ${byRef.size} credentials`);
    await setTime(localTime(ELECTION_DAY, 0, '07:00'));
    await openVoting(actors, id);
    const view = await call(commission, ENDPOINTS.election, { params: { id } });
    const params = view.params;
    if (!params) throw new Error(`election ${id} did not open`);
    const options = params.contests[0]!.options;

    const rnd = prng((opts.seed ?? 1) + 1);
    const votes = voters.map((v) => {
      const code = codes.get(v.iin);
      // Without a code the builder would draw a fresh one, which casting refuses as unknown.
      if (code === undefined) throw new Error(`no credential code for voter ${v.iin}`);
      return { code, choice: Math.floor(rnd() * options) };
    });
    const expected = new Array<number>(options).fill(0);
    for (const v of votes) expected[v.choice]!++;
    const t0 = performance.now();
    let reported = 0;
    const built = await buildBallots(
      params,
      votes.map((v) => ({ code: v.code, choices: [v.choice] })),
      {
        progress: (b) => {
          if (b - reported < Math.max(500, n / 5)) return;
          reported = b;
          log(`  ${b}/${n} ballots encrypted`);
        },
      },
    );
    log(`${n} ballots encrypted in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

    const t1 = performance.now();
    const base = `${server.url}/api/elections/${id}`;
    /** POST the sign-in; a network failure (no answer) is a ClientError NETWORK, as in the server's client. */
    const post = async (url: string, body: string) => {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      } catch (e) {
        throw new ClientError(`${url}: ${(e as Error).message}`, 'NETWORK');
      }
      const json = (await res.json()) as { token?: string; error?: { code: string; message: string } };
      return { status: res.status, json };
    };
    const serverKey = view.manifest.serverKey;
    const head = () => fetchAnchor(server.url, id, serverKey).then((h) => h.anchor);
    const heads = new Heads(await head(), head);
    /**
     * Sign in, cast; after a lost answer, again with a new token and the ballot signed again (the
     * same encrypted ballot: ALREADY_CAST then means it landed, §10.9.2).
     */
    const castOne = (v: SyntheticVoter, b: Built) =>
      retryNetwork(async () => {
        const login = await post(`${base}/login`, JSON.stringify({ iin: v.iin, code: logins.get(v.iin) }));
        if (login.status !== 200) throw new Error(`login: ${login.status} ${login.json.error?.code}`);
        const r = await castSigned(`${base}/ballots`, login.json.token!, b, heads);
        if (r.status === 0) throw new ClientError(`${base}/ballots: ${r.code}`, 'NETWORK');
        if (r.status !== 201 && r.code !== 'ALREADY_CAST') throw new Error(`cast: ${r.status} ${r.code}`);
      });
    let next = 0;
    let cast = 0;
    await Promise.all(
      Array.from({ length: opts.concurrency ?? 32 }, async () => {
        while (next < n) {
          const i = next++;
          await castOne(voters[i]!, built[i]!);
          if (++cast % Math.max(500, n / 5) === 0) log(`  ${cast}/${n} cast`);
        }
      }),
    );
    log(`${n} ballots cast in ${((performance.now() - t1) / 1000).toFixed(0)} s`);

    await setTime(localTime(ELECTION_DAY, 0, '20:00'));
    await closeVoting(actors, id);
    // Trustees 1 and 2 decrypt (t = 2); each first recomputes the tally from the board.
    for (const i of [0, 1])
      await retryNetwork(() => decryptTally(as(actors, `demo-trustee-${i + 1}`), trusteeFiles[i]!));
    const result = (await call(commission, ENDPOINTS.result, { params: { id } })).result;
    const counts = result.contests[0]!.counts;
    if (JSON.stringify(counts) !== JSON.stringify(expected))
      throw new Error(`published counts ${counts} differ from the choices cast ${expected}`);
    writeFileSync(
      join(dir, 'board.jsonl'),
      await call({ baseUrl: server.url }, ENDPOINTS.board, { params: { id } }),
    );
    const meta: Meta = {
      election: id,
      ballots: n,
      counts,
      seconds: (performance.now() - started) / 1000,
      format,
    };
    writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
    writeFileSync(join(dir, 'READY'), '');
    await closeServer();
    rmSync(final, { recursive: true, force: true });
    renameSync(dir, final);
    done = true;
    const boardFile = join(final, 'board.jsonl');
    log(`board of ${n} ballots made in ${meta.seconds.toFixed(0)} s: ${boardFile}`);
    return { dir: final, boardFile, ...meta };
  } finally {
    await closeServer();
    if (!done) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const b = await makeBenchBoard({
    ballots: Number(arg('ballots') ?? 1000),
    dir: arg('out'),
    log: (s) => console.log(s),
  });
  console.log(JSON.stringify({ ...b, seconds: Number(b.seconds.toFixed(1)) }));
}
