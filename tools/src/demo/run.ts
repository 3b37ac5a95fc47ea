/**
 * `saylau demo --voters N --out DIR`: a complete DEMO election through real HTTP on a loopback port,
 * with a virtual clock stepping through the calendar: roll, nominations (four registered, one
 * refused below the 1% threshold), ballot, 3-trustee ceremony (t = 2), credentials, every voter
 * casting through the ballot-client library (about 5% revote), close, 2-of-3 decryption, result;
 * then a local referendum with "abstain" and a turnout rule (referendum.ts). Writes DIR/board.jsonl
 * and DIR/referendum.jsonl and checks the published counts against the choices it made.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type RunningServer, localTime } from '@saylau/server';
import { call, ClientError } from '../http.ts';
import {
  as,
  castAll,
  closeVoting,
  createActors,
  createDemoElection,
  credentials,
  codesByIin,
  decrypt,
  demoVoters,
  fixBallot,
  importRoll,
  keyCeremony,
  keyCeremonyWithReset,
  loginCodes,
  nominate,
  openVoting,
  signInAll,
  type Actors,
  type Voter,
} from './steps.ts';
import { complainAndAnswer } from './complaint.ts';
import { type BallotContest, Code, ENDPOINTS } from '@saylau/protocol';
import { runReferendum, type DemoElectionResult, type ReferendumDemo } from './referendum.ts';

export interface DemoOptions {
  voters: number;
  outDir: string;
  seed?: number;
  revoteShare?: number;
  concurrency?: number;
  /** Run the ceremony once, abandon it and run it again (SPEC §10.6.7). */
  ceremonyReset?: boolean;
  /** Voters on the referendum's roll: 0 runs no referendum; default min(voters, 100). */
  referendumVoters?: number;
  log?: (line: string) => void;
}

export interface DemoResult extends DemoElectionResult {
  /** The local referendum run after the akim election, unless `referendumVoters` was 0. */
  referendum: ReferendumDemo | null;
  seconds: number;
}

export const ELECTION_DAY = '2027-03-14';

/** The demo's virtual clock: a server started with `clock: () => now.value`. */
export interface VirtualNow {
  value: Date;
}

export interface PreparedElection {
  actors: Actors;
  id: string;
  people: Voter[];
  trusteeFiles: string[];
  contests: BallotContest[];
}

/**
 * Everything before the first ballot, over HTTP on `server` (whose clock reads `now`): roll,
 * nominations, ballot, ceremony, credentials, login codes, voting opened at 07:00 on election day.
 */
export async function prepareElection(
  server: RunningServer,
  now: VirtualNow,
  opts: {
    voters: number;
    outDir: string;
    seed?: number;
    id?: string;
    log?: (line: string) => void;
    /** The key ceremony step; its trustees' state files, the first two of which decrypt. */
    ceremony?: (a: Actors, id: string, dir: string) => Promise<string[]>;
  },
): Promise<PreparedElection> {
  const log = opts.log ?? (() => undefined);
  const actors = await createActors(server.ctx, server.url);
  const setTime = async (t: string) => {
    now.value = new Date(t);
    await signInAll(actors);
  };
  const id = opts.id ?? `demo-${opts.voters}`;
  log(`server ${server.url}, election ${id}, virtual time ${now.value.toISOString()}`);
  await createDemoElection(actors, id, ELECTION_DAY);
  const voters = demoVoters(opts.voters, ELECTION_DAY, opts.seed ?? 1);
  log(`roll: ${await importRoll(actors, id, voters)} voters accepted`);
  const nominations = await nominate(actors, id, voters, now.value.toISOString().slice(0, 10));
  log(`nominations: ${nominations.registered} registered, one refused (${nominations.refused.code})`);
  const election = await call(as(actors, 'demo-commission'), ENDPOINTS.election, { params: { id } });
  await setTime(election.calendar.registrationCloses);
  const { contests } = await fixBallot(actors, id);
  log(`ballot fixed: ${contests[0]!.options.map((o) => o.names.en).join(', ')}`);
  const trusteeFiles = await (opts.ceremony ?? keyCeremony)(actors, id, join(opts.outDir, 'trustees'));
  log('key ceremony: joint key published by 3 trustees, t = 2');
  const byRef = await credentials(actors, id, join(opts.outDir, 'credentials'));
  const codes = codesByIin(
    actors,
    id,
    byRef,
    voters.map((v) => v.iin),
  );
  const logins = await loginCodes(actors, id);
  log(`credentials: ${byRef.size} published, one bound to each voter; login codes issued`);
  await setTime(localTime(ELECTION_DAY, 0, '07:00'));
  await openVoting(actors, id);
  const people: Voter[] = voters.map((v) => ({
    ...v,
    loginCode: logins.get(v.iin)!,
    credential: codes.get(v.iin)!,
  }));
  return { actors, id, people, trusteeFiles, contests };
}

/**
 * After the voting: at 20:00 on election day (on `server`, whose clock reads `now`) the commission
 * closes, trustees 1 and 2 decrypt; returns the result and the board export (JSON Lines).
 */
export async function finishElection(
  server: RunningServer,
  now: VirtualNow,
  prepared: Pick<PreparedElection, 'actors' | 'id' | 'trusteeFiles'>,
) {
  // The accounts outlive a restart of the server, so sign in again on this one.
  const actors: Actors = { ...prepared.actors, ctx: server.ctx, baseUrl: server.url, tokens: new Map() };
  now.value = new Date(localTime(ELECTION_DAY, 0, '20:00'));
  await signInAll(actors);
  await closeVoting(actors, prepared.id);
  await decrypt(actors, prepared.trusteeFiles);
  const params = { id: prepared.id };
  const view = await call(as(actors, 'demo-commission'), ENDPOINTS.result, { params });
  const board = await call({ baseUrl: server.url }, ENDPOINTS.board, { params });
  return { result: view.result, board };
}

export async function runDemo(opts: DemoOptions): Promise<DemoResult> {
  const log = opts.log ?? (() => undefined);
  const started = performance.now();
  mkdirSync(opts.outDir, { recursive: true });
  const now: VirtualNow = { value: new Date(localTime(ELECTION_DAY, 40, '09:00')) };
  const server = await startServer({
    dataDir: join(opts.outDir, 'data'),
    clock: () => now.value,
    log,
    // One loopback address signs in every voter: the per-IP limit would stop the demo itself.
    app: { loginRateLimit: false, castRateLimit: false },
  });
  try {
    const prepared = await prepareElection(server, now, {
      ...opts,
      ceremony: opts.ceremonyReset ? keyCeremonyWithReset : keyCeremony,
    });
    const { actors, id, people, contests } = prepared;
    let last = 0;
    const cast = await castAll(actors, id, people, {
      seed: (opts.seed ?? 1) + 1,
      revoteShare: opts.revoteShare ?? 0.05,
      concurrency: opts.concurrency ?? 8,
      progress: (d) => {
        if (d - last >= Math.max(100, people.length / 10) || d === people.length) {
          last = d;
          log(`voted: ${d}/${people.length}`);
        }
      },
    });
    log(`ballots: ${cast.ballots} cast, ${cast.revotes} revotes`);
    if (people[0]) log(`complaint ${await complainAndAnswer(actors, id, people[0])} filed and answered`);
    const { result, board } = await finishElection(server, now, prepared);
    const boardFile = join(opts.outDir, 'board.jsonl');
    writeFileSync(boardFile, board);
    const counts = result.contests[0]!.counts;
    if (JSON.stringify(counts) !== JSON.stringify(cast.expected))
      throw new ClientError(
        `published counts ${counts} differ from the choices cast ${cast.expected}`,
        Code.DEMO_MISMATCH,
      );
    const referendumVoters = opts.referendumVoters ?? Math.min(opts.voters, 100);
    let referendum: ReferendumDemo | null = null;
    if (referendumVoters > 0) {
      const r = await runReferendum(server, now, actors, {
        id: `${id}-referendum`,
        voters: referendumVoters,
        outDir: opts.outDir,
        seed: opts.seed ?? 1,
        log,
      });
      writeFileSync(r.demo.boardFile, r.board);
      referendum = r.demo;
    }
    return {
      election: id,
      boardFile,
      result,
      expected: cast.expected,
      options: contests[0]!.options.map((o) => o.names.en),
      optionIds: contests[0]!.options.map((o) => o.id),
      referendum,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await server.close();
  }
}
