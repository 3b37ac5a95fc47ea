/**
 * The demo's local referendum, after its akim election on the same server and virtual clock: the
 * voters' initiative by signatures (SPEC §10.1.2), one question under the `reform` profile — "yes", "no" and "abstain", valid only if more than half of
 * the roll takes part (SPEC §10.1.1, §10.2, §10.12 R0) — and about seven in ten voters vote, some of
 * them abstaining.
 */
import { join } from 'node:path';
import { localTime, type RunningServer } from '@saylau/server';
import { Code, ENDPOINTS, type ResultPayload } from '@saylau/protocol';
import { call, ClientError } from '../http.ts';
import {
  as,
  castAll,
  closeVoting,
  codesByIin,
  createGrantedElection,
  credentials,
  decrypt,
  DEMO_DISTRICT,
  demoVoters,
  importRoll,
  keyCeremony,
  loginCodes,
  openVoting,
  signInAll,
  type Actors,
  type Voter,
} from './steps.ts';

/** Five weeks after the akim election: its deadlines are still ahead when it is created. */
export const REFERENDUM_DAY = '2027-04-18';
/** The share of the roll that votes: above the profile's 50 %, so the question is valid. */
const TAKING_PART = 0.7;

/** One demo election's outcome: its board file, result, the counts it cast and its options. */
export interface DemoElectionResult {
  election: string;
  boardFile: string;
  result: ResultPayload;
  expected: number[];
  options: string[];
  optionIds: string[];
}

export interface ReferendumDemo extends DemoElectionResult {
  turnoutPercent: number;
}

export async function runReferendum(
  server: RunningServer,
  now: { value: Date },
  actors: Actors,
  opts: { id: string; voters: number; outDir: string; seed: number; log: (line: string) => void },
): Promise<{ demo: ReferendumDemo; board: string }> {
  const a: Actors = { ...actors, ctx: server.ctx, baseUrl: server.url, tokens: new Map() };
  const setTime = async (t: string) => {
    now.value = new Date(t);
    await signInAll(a);
  };
  await signInAll(a);
  const { id } = opts;
  await createGrantedElection(a, {
    id,
    kind: 'referendum',
    district: DEMO_DISTRICT,
    electionDay: REFERENDUM_DAY,
    profile: { name: 'reform' },
    demo: true,
    questions: [
      {
        id: 'road',
        subject: 'local-amenities',
        text: {
          kk: 'Ақбұлақ пен аудан орталығы арасындағы жолды жөндеу керек пе?',
          ru: 'Ремонтировать ли дорогу между Акбулаком и районным центром?',
          en: 'Should the road between Akbulak and the district centre be repaired?',
        },
      },
    ],
  });
  const voters = demoVoters(opts.voters, REFERENDUM_DAY, opts.seed + 7);
  opts.log(`referendum ${id}: roll of ${await importRoll(a, id, voters)}`);
  // SPEC §10.1.2: one voter in ten signs the initiative, above the profile's 5 %.
  const { initiative } = await call(as(a, 'demo-commission'), ENDPOINTS.recordInitiative, {
    params: { id },
    body: { kind: 'signatures', iins: voters.filter((_, i) => i % 10 === 0).map((v) => v.iin) },
  });
  if (initiative.kind === 'signatures')
    opts.log(`referendum: initiative by ${initiative.valid} signatures (${initiative.threshold} needed)`);
  const trusteeFiles = await keyCeremony(a, id, join(opts.outDir, 'referendum-trustees'));
  const byRef = await credentials(a, id, join(opts.outDir, 'referendum-credentials'));
  const codes = codesByIin(
    a,
    id,
    byRef,
    voters.map((v) => v.iin),
  );
  const logins = await loginCodes(a, id);
  await setTime(localTime(REFERENDUM_DAY, 0, '07:00'));
  await openVoting(a, id);
  const people: Voter[] = voters.map((v) => ({
    ...v,
    loginCode: logins.get(v.iin)!,
    credential: codes.get(v.iin)!,
  }));
  const taking = people.slice(0, Math.max(1, Math.floor(people.length * TAKING_PART)));
  const cast = await castAll(a, id, taking, { seed: opts.seed + 8, revoteShare: 0, concurrency: 8 });
  await setTime(localTime(REFERENDUM_DAY, 0, '20:00'));
  await closeVoting(a, id);
  await decrypt(a, trusteeFiles);
  const view = await call(as(a, 'demo-commission'), ENDPOINTS.result, { params: { id } });
  const board = await call({ baseUrl: server.url }, ENDPOINTS.board, { params: { id } });
  const counts = view.result.contests[0]!.counts;
  if (JSON.stringify(counts) !== JSON.stringify(cast.expected))
    throw new ClientError(
      `referendum: published counts ${counts} differ from the choices cast ${cast.expected}`,
      Code.DEMO_MISMATCH,
    );
  const options = view.contests[0]!.options;
  opts.log(`referendum: ${taking.length} of ${people.length} voted; ${view.contests[0]!.outcome.kind}`);
  return {
    board,
    demo: {
      election: id,
      boardFile: join(opts.outDir, 'referendum.jsonl'),
      result: view.result,
      expected: cast.expected,
      options: options.map((o) => o.names.en),
      optionIds: options.map((o) => o.id),
      turnoutPercent: view.turnoutPercent,
    },
  };
}
