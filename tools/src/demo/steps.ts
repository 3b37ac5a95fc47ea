/**
 * The steps of a whole election as the commission, the credential authority, the trustees and the
 * voters perform them, all over HTTP (SPEC §10). Shared by `saylau demo` (a complete election on a
 * virtual clock) and the DEMO election that `saylau serve` seeds into an empty data directory.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { castEncrypted, login, prepareBallot, verifyReceipt } from '@saylau/ballot-client';
import {
  type ServerContext,
  createUser,
  type Role,
  makeIin,
  prng,
  rollCsv,
  syntheticVoters,
  type SyntheticVoter,
  csvValue,
  voterRef,
} from '@saylau/server';
import {
  type Calendar,
  Code,
  type CreateElectionInput,
  ENDPOINTS,
  type Names,
  type NominationInput,
  type NominationRoute,
  type PublicRoute,
} from '@saylau/protocol';
import { call, ClientError, type Api } from '../http.ts';
import { generateCredentialFiles } from '../credentials/generate.ts';
import { fetchLetterManifest } from '../credentials/manifest.ts';
import { publishCredentials } from '../credentials/publish-client.ts';
import { fetchCredentialVoters } from '../credentials/authority.ts';
import {
  checkDealings,
  computeShare,
  deal,
  decryptTally,
  initTrustee,
  registerTrustee,
} from '../trustee/index.ts';

export interface Actors {
  baseUrl: string;
  ctx: ServerContext;
  passwords: Map<string, string>;
  tokens: Map<string, string>;
}

export const DEMO_USERS: [string, Role][] = [
  ['demo-admin', 'admin'],
  ['demo-commission', 'commission'],
  ['demo-credentials', 'credential-authority'],
  ['demo-trustee-1', 'trustee'],
  ['demo-trustee-2', 'trustee'],
  ['demo-trustee-3', 'trustee'],
];

export async function createActors(ctx: ServerContext, baseUrl: string): Promise<Actors> {
  const passwords = new Map<string, string>();
  for (const [name, role] of DEMO_USERS) {
    const password = randomBytes(12).toString('base64url');
    await createUser(ctx, name, role, password);
    passwords.set(name, password);
  }
  const a: Actors = { baseUrl, ctx, passwords, tokens: new Map() };
  await signInAll(a);
  return a;
}

/** Sessions last 8 hours of the server clock: sign in again after moving a virtual clock. */
export async function signInAll(a: Actors): Promise<void> {
  for (const [name, password] of a.passwords) {
    const r = await call({ baseUrl: a.baseUrl }, ENDPOINTS.signIn, { body: { name, password } });
    a.tokens.set(name, r.token);
  }
}

export const as = (a: Actors, user: string): Api & { token: string } => ({
  baseUrl: a.baseUrl,
  token: a.tokens.get(user)!,
});
const ADMIN = 'demo-admin';
const COMMISSION = 'demo-commission';

export const DEMO_DISTRICT: Names = {
  kk: 'Ақбұлақ ауылдық округі (ДЕМО)',
  ru: 'Акбулакский сельский округ (ДЕМО)',
  en: 'Akbulak rural district (DEMO)',
};

/**
 * The administrator creates the election and grants it to every other demo account: rights hold
 * per election (SPEC §10.13).
 */
export async function createGrantedElection(
  a: Actors,
  election: CreateElectionInput & { id: string },
): Promise<void> {
  const admin = as(a, ADMIN);
  await call(admin, ENDPOINTS.createElection, { body: election });
  for (const [user, role] of DEMO_USERS)
    if (role !== 'admin')
      await call(admin, ENDPOINTS.addGrant, { params: { id: election.id }, body: { user } });
}

export async function createDemoElection(
  a: Actors,
  id: string,
  electionDay: string,
  calendar?: Partial<Calendar>,
): Promise<void> {
  await createGrantedElection(a, {
    id,
    district: DEMO_DISTRICT,
    electionDay,
    ...(calendar ? { calendar } : {}),
    profile: { name: 'reform' },
    demo: true,
  });
}

export async function importRoll(a: Actors, id: string, voters: SyntheticVoter[]): Promise<number> {
  const api = as(a, COMMISSION);
  const report = await call(api, ENDPOINTS.importRoll, { params: { id }, body: rollCsv(voters) });
  if (report.rejected.length > 0)
    throw new ClientError(`demo roll rows rejected: ${JSON.stringify(report.rejected[0])}`);
  const accepted = await call(api, ENDPOINTS.acceptRoll, { params: { id, n: report.import }, body: {} });
  return accepted.count;
}

/** A candidate of the demo (and of the benchmark's election). */
export interface DemoCandidate {
  surname: Names;
  givenNames: Names;
  /** As published: a citizens' assembly's chair is the one who submits, `nominate` adds `chairIin`. */
  route: PublicRoute;
  position: NominationInput['submittedBy']['position'];
  birth: string;
}

/**
 * A citizens' assembly's minutes for a roll of n voters: the profile's quorum, ceil(10 % of n)
 * (SPEC §10.2), twice as many present (never more than the roll) and a bare majority for.
 */
export function assemblyMinutes(n: number): { attendance: number; quorum: number; votesFor: number } {
  const quorum = Math.ceil(n / 10);
  const attendance = Math.min(n, 2 * quorum);
  return { attendance, quorum, votesFor: Math.floor(attendance / 2) + 1 };
}

/** The demo's sitting district akim (SPEC §10.4.2), recorded before the nominations. */
export async function recordDemoAkim(api: Api, id: string): Promise<void> {
  const akim = makeIin('1968-03-03', 'male', 7001);
  await call(api, ENDPOINTS.setAkim, { params: { id }, body: { iin: akim, fullName: 'Демо Әкім' } });
}

/** Four candidates by four routes, and a fifth whose signatures fall short of the 1% threshold. */
export function demoCandidates(today: string, rollCount: number): DemoCandidate[] {
  return [
    {
      surname: { kk: 'Сейітова', ru: 'Сеитова', en: 'Seitova' },
      givenNames: { kk: 'Гүлмира', ru: 'Гульмира', en: 'Gulmira' },
      route: {
        kind: 'public-association',
        name: {
          kk: '«Ауыл жастары» қоғамдық бірлестігі',
          ru: 'ОО «Сельская молодёжь»',
          en: 'Village Youth association',
        },
        registrationNumber: '180940012345',
        level: 'local',
      },
      position: 'association-head',
      birth: '1979-04-12',
    },
    {
      surname: { kk: 'Әбілов', ru: 'Абилов', en: 'Abilov' },
      givenNames: { kk: 'Ерлан', ru: 'Ерлан', en: 'Yerlan' },
      route: {
        kind: 'citizen-assembly',
        date: today,
        place: {
          kk: 'Ақбұлақ ауылы, мәдениет үйі',
          ru: 'село Акбулак, дом культуры',
          en: 'Akbulak village, House of Culture',
        },
        ...assemblyMinutes(rollCount),
      },
      position: 'assembly-chair',
      birth: '1985-09-30',
    },
    {
      surname: { kk: 'Қуанышев', ru: 'Куанышев', en: 'Kuanyshev' },
      givenNames: { kk: 'Мұрат', ru: 'Мурат', en: 'Murat' },
      route: { kind: 'party', name: { kk: '«Ақ жол» партиясы', ru: 'Партия «Ак жол»', en: 'Ak Zhol party' } },
      position: 'party-representative',
      birth: '1971-01-05',
    },
    {
      surname: { kk: 'Иванова', ru: 'Иванова', en: 'Ivanova' },
      givenNames: { kk: 'Светлана', ru: 'Светлана', en: 'Svetlana' },
      route: { kind: 'self' },
      position: 'candidate',
      birth: '1990-06-21',
    },
    {
      surname: { kk: 'Төлеуов', ru: 'Тулеуов', en: 'Tuleuov' },
      givenNames: { kk: 'Арман', ru: 'Арман', en: 'Arman' },
      route: { kind: 'self' },
      position: 'candidate',
      birth: '1988-02-14',
    },
  ];
}

/** Submit candidate `c`, the `i`-th, with IINs made from `i`; the nomination's number. */
export async function submitNomination(api: Api, id: string, c: DemoCandidate, i: number): Promise<number> {
  const iin = makeIin(c.birth, i % 2 === 0 ? 'female' : 'male', 8100 + i * 7);
  const submitter = c.position === 'candidate' ? iin : makeIin('1975-05-05', 'male', 8500 + i * 11);
  const route: NominationRoute =
    c.route.kind === 'citizen-assembly' ? { ...c.route, chairIin: submitter } : c.route;
  const nomination = await call(api, ENDPOINTS.nominate, {
    params: { id },
    body: {
      route,
      candidate: { iin, surname: c.surname, givenNames: c.givenNames },
      attestations: { citizen: true, capacity: true, noUnexpungedConviction: true },
      submittedBy: { iin: submitter, fullName: `${c.surname.kk} ${c.givenNames.kk}`, position: c.position },
    },
  });
  return nomination.nomination;
}

export interface NominationOutcome {
  registered: number;
  refused: { nomination: number; code: string };
}

/** Nominate the five, collect signatures from the roll, register four, refuse the fifth. */
export async function nominate(
  a: Actors,
  id: string,
  voters: SyntheticVoter[],
  today: string,
): Promise<NominationOutcome> {
  const api = as(a, COMMISSION);
  const threshold = Math.ceil(voters.length / 100);
  await recordDemoAkim(api, id);
  const candidates = demoCandidates(today, voters.length);
  let signer = 0;
  let refused: NominationOutcome['refused'] | null = null;
  let registered = 0;
  for (const [i, c] of candidates.entries()) {
    const n = await submitNomination(api, id, c, i);
    const last = i === candidates.length - 1;
    const count = last ? threshold - 1 : threshold + 1;
    const iins = voters.slice(signer, signer + count).map((v) => v.iin);
    signer += count;
    if (iins.length > 0) await call(api, ENDPOINTS.submitSignatures, { params: { id, n }, body: { iins } });
    try {
      await call(api, ENDPOINTS.registerCandidate, { params: { id, n }, body: {} });
      registered++;
    } catch (e) {
      if (!(e instanceof ClientError) || !last) throw e;
      refused = { nomination: n, code: e.code };
      await call(api, ENDPOINTS.refuseNomination, {
        params: { id, n },
        body: { reason: `supporting signatures below the threshold of ${threshold}` },
      });
    }
  }
  if (!refused) throw new ClientError('the demo expected the fifth nomination to be refused');
  return { registered, refused };
}

export const fixBallot = (a: Actors, id: string) =>
  call(as(a, COMMISSION), ENDPOINTS.fixBallot, { params: { id }, body: {} });

/** The demo's three trustees make keys into state files in `dir` and register; the ceremony starts with `t`. */
async function startCeremony(a: Actors, id: string, dir: string, t: number) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const trustees = DEMO_USERS.filter(([, r]) => r === 'trustee').map(([n]) => n);
  const files = trustees.map((n) => join(dir, `${n}.json`));
  trustees.forEach((n, i) => initTrustee(files[i]!, { election: id, name: n }));
  for (const [i, n] of trustees.entries()) await registerTrustee(as(a, n), files[i]!);
  await call(as(a, COMMISSION), ENDPOINTS.startCeremony, { params: { id }, body: { t } });
  return { trustees, files };
}

/** Three trustees, any two of whom decrypt (t = 2). Their state files go to `dir`. */
export async function keyCeremony(a: Actors, id: string, dir: string): Promise<string[]> {
  const { trustees, files } = await startCeremony(a, id, dir, 2);
  for (const [i, n] of trustees.entries()) await deal(as(a, n), files[i]!);
  for (const [i, n] of trustees.entries()) {
    const r = await checkDealings(as(a, n), files[i]!);
    if (r.complaints.length > 0)
      throw new ClientError(`trustee ${n} complained: ${JSON.stringify(r.complaints)}`);
  }
  await call(as(a, COMMISSION), ENDPOINTS.finishCeremony, { params: { id }, body: {} });
  for (const [i, n] of trustees.entries()) await computeShare(as(a, n), files[i]!);
  return files;
}

/**
 * The ceremony started again once (SPEC §10.6.7): in round 0 the three trustees register, the
 * commission asks for t = 3 and trustee 3 never deals, so the ceremony cannot finish and the
 * commission resets it; in round 1 the three register fresh keys and finish with t = 2. The
 * abandoned round's state files stay in `dir`-round-0.
 */
export async function keyCeremonyWithReset(a: Actors, id: string, dir: string): Promise<string[]> {
  const { trustees, files } = await startCeremony(a, id, `${dir}-round-0`, 3);
  for (const i of [0, 1]) await deal(as(a, trustees[i]!), files[i]!);
  await call(as(a, COMMISSION), ENDPOINTS.resetCeremony, {
    params: { id },
    body: { reason: 'trustee 3 lost their key before dealing' },
  });
  return keyCeremony(a, id, dir);
}

/**
 * Credentials generated "offline" into `dir` (codes, addressed letters, public list, owner map) for
 * the voters the server lists, then published. Returns each voter's code by voter reference.
 */
export async function credentials(
  a: Actors,
  id: string,
  dir: string,
  boothUrl?: string,
): Promise<Map<string, string>> {
  const api = as(a, 'demo-credentials');
  const manifest = await fetchLetterManifest(api, id);
  const voters = await fetchCredentialVoters(api, id);
  const gen = await generateCredentialFiles({ election: id, voters, outDir: dir, manifest, boothUrl });
  await publishCredentials(api, id, gen.files.publicList);
  const rows = parse(readFileSync(gen.files.codes, 'utf8'), {
    delimiter: ';',
    bom: true,
    from_line: 2,
  }) as string[][];
  return new Map(rows.map((r) => [csvValue(r[1]!), r[7]!]));
}

/** The code of each voter (by IIN) from `credentials`, through the server's voter reference. */
export function codesByIin(a: Actors, id: string, byRef: Map<string, string>, iins: readonly string[]) {
  return new Map(iins.map((iin) => [iin, byRef.get(voterRef(a.ctx, id, iin))!]));
}

export async function loginCodes(a: Actors, id: string): Promise<Map<string, string>> {
  const r = await call(as(a, COMMISSION), ENDPOINTS.issueLoginCodes, { params: { id }, body: {} });
  return new Map(r.codes.map((c) => [c.iin, c.code]));
}

export const openVoting = (a: Actors, id: string) =>
  call(as(a, COMMISSION), ENDPOINTS.openVoting, { params: { id }, body: {} });
export const closeVoting = (a: Actors, id: string) =>
  call(as(a, COMMISSION), ENDPOINTS.closeVoting, { params: { id }, body: {} });

export interface Voter extends SyntheticVoter {
  loginCode: string;
  credential: string;
}

export interface CastReport {
  ballots: number;
  revotes: number;
  /** The choice that counts (the last ballot) per voter who voted. */
  expected: number[];
}

/**
 * Every voter signs in, encrypts a random choice with the ballot-client library and casts it; about
 * `revoteShare` of them vote again (the later ballot counts). Each receipt's signature is checked.
 */
export async function castAll(
  a: Actors,
  id: string,
  voters: Voter[],
  opts: { seed: number; revoteShare: number; concurrency: number; progress?: (done: number) => void },
): Promise<CastReport> {
  const election = await call(as(a, COMMISSION), ENDPOINTS.election, { params: { id } });
  const params = election.params;
  if (!params)
    throw new ClientError(`election ${id} is not open: no election parameters`, Code.ELECTION_STATE);
  const serverKey = election.manifest.serverKey;
  const options = params.contests[0]!.options;
  const rnd = prng(opts.seed);
  const plan = voters.map((v) => {
    const first = Math.floor(rnd() * options);
    const again = rnd() < opts.revoteShare ? Math.floor(rnd() * options) : null;
    return { v, first, again };
  });
  const expected = new Array<number>(options).fill(0);
  let ballots = 0;
  let revotes = 0;
  let done = 0;
  const vote = async (v: Voter, choice: number) => {
    const session = await login(a.baseUrl, id, v.iin, v.loginCode);
    const built = prepareBallot(params, id, v.credential, [choice]);
    const { signed: r } = await castEncrypted(a.baseUrl, id, session.token, built.ballot, v.credential, {
      serverKeyHex: serverKey,
    });
    if (r.receipt.tracker !== built.tracker || !verifyReceipt(r.receipt, r.signature, serverKey))
      throw new ClientError(`receipt for ${built.tracker} does not verify`);
    ballots++;
  };
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const p = plan[next++]!;
      await vote(p.v, p.first);
      if (p.again !== null) {
        await vote(p.v, p.again);
        revotes++;
      }
      expected[p.again ?? p.first]!++;
      opts.progress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return { ballots, revotes, expected };
}

/** Trustees 1 and 2 post their partial decryptions; the second completes the result. */
export async function decrypt(a: Actors, trusteeFiles: string[]): Promise<void> {
  const trustees = DEMO_USERS.filter(([, r]) => r === 'trustee').map(([n]) => n);
  for (const i of [0, 1]) await decryptTally(as(a, trustees[i]!), trusteeFiles[i]!);
}

export function demoVoters(n: number, electionDay: string, seed: number): SyntheticVoter[] {
  return syntheticVoters(n, electionDay, seed);
}
