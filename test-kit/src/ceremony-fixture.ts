/**
 * A test election whose joint key comes from a real key ceremony over HTTP (3 trustees by default,
 * t = 2) run with the trustee library, then roll, ballot, credentials and opening written the way
 * fixtures.ts writes them. Ballots are inserted the way casting records them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ballotCiphertextKeys,
  buildBallot,
  deriveCredentialKeys,
  generateCredentialCode,
  publicCredentialList,
  type BuiltBallot,
  type CredentialKeys,
  type ElectionParams,
} from '@saylau/crypto';
import {
  AGAINST_ALL,
  countSignIn,
  createElection,
  electionParams,
  getElection,
  openVoting,
  setContests,
  setStatus,
  type BallotContest,
  type CreateElectionInput,
  syntheticVoters,
  type SyntheticVoter,
} from '@saylau/server';
import {
  checkDealings,
  computeShare,
  deal,
  initTrustee,
  registerTrustee,
  type TrusteeApi,
} from '@saylau/tools';
import { createdAt, DISTRICT, ELECTION_DAY, type Harness } from './harness.ts';
import { VOTING_DAY_MORNING, writeRollFixture } from './fixtures.ts';

export interface TrusteeHandle {
  user: string;
  token: string;
  file: string;
  api: TrusteeApi;
  index: number;
}

/** Sign in n trustee accounts granted `election`, create their state files and register them, in order 1..n. */
export async function registerTrustees(h: Harness, election: string, n: number): Promise<TrusteeHandle[]> {
  const dir = join(h.dir, 'trustees', election);
  mkdirSync(dir, { recursive: true });
  const out: TrusteeHandle[] = [];
  for (let i = 1; i <= n; i++) {
    const user = `${election.replace(/[^a-z0-9]/g, '').slice(0, 20)}-t${i}`;
    const token = await h.signIn('trustee', user, { elections: [election] });
    const file = join(dir, `trustee-${i}.json`);
    initTrustee(file, { election, name: `Trustee ${i}` });
    const api = { baseUrl: h.url, token };
    const { index } = await registerTrustee(api, file);
    out.push({ user, token, file, api, index });
  }
  return out;
}

/** The whole ceremony, every trustee honest: start, deal, check, finish, final shares. */
export async function runCeremony(
  h: Harness,
  election: string,
  commission: string,
  opts: { n?: number; t?: number } = {},
): Promise<TrusteeHandle[]> {
  const trustees = await registerTrustees(h, election, opts.n ?? 3);
  const start = await h.api(
    'POST',
    `/api/elections/${election}/ceremony/start`,
    { t: opts.t ?? 2 },
    commission,
  );
  if (start.status !== 201) throw new Error(`ceremony start: ${start.text}`);
  for (const x of trustees) await deal(x.api, x.file);
  for (const x of trustees) {
    const r = await checkDealings(x.api, x.file);
    if (r.complaints.length > 0) throw new Error(`unexpected complaints: ${JSON.stringify(r.complaints)}`);
  }
  const fin = await h.api('POST', `/api/elections/${election}/ceremony/finish`, {}, commission);
  if (fin.status !== 201) throw new Error(`ceremony finish: ${fin.text}`);
  for (const x of trustees) await computeShare(x.api, x.file);
  return trustees;
}

export interface CeremonyElection {
  id: string;
  commission: string;
  commissionUser: string;
  trustees: TrusteeHandle[];
  voters: SyntheticVoter[];
  credentials: { code: string; keys: CredentialKeys }[];
  contests: BallotContest[];
  params: ElectionParams;
}

export const candidateContest = (names: string[]): BallotContest[] => [
  {
    id: 'akim',
    kind: 'candidates',
    options: [
      ...names.map((name, i) => ({
        id: `c${i + 1}`,
        kind: 'candidate' as const,
        names: { kk: `${name} (kk)`, ru: `${name} (ru)`, en: name },
      })),
      { id: 'against-all', kind: 'against-all' as const, names: AGAINST_ALL },
    ],
  },
];

export async function ceremonyElectionFixture(
  h: Harness,
  opts: {
    id?: string;
    voters?: number;
    candidates?: string[];
    n?: number;
    t?: number;
    election?: Partial<CreateElectionInput>;
  } = {},
): Promise<CeremonyElection> {
  const ctx = h.server.ctx;
  const id = opts.id ?? 'ceremony-1';
  const commissionUser = `${id.replace(/[^a-z0-9]/g, '').slice(0, 20)}-chair`;
  const created = createElection(
    ctx,
    { id, district: DISTRICT, electionDay: ELECTION_DAY, ...opts.election },
    'fixture',
    createdAt(h, opts.election?.electionDay),
  );
  const commission = await h.signIn('commission', commissionUser, { elections: [id] });
  const trustees = await runCeremony(h, id, commission, { n: opts.n, t: opts.t });
  const voters = syntheticVoters(opts.voters ?? 6, ELECTION_DAY, 7);
  const contests = created.contests ?? candidateContest(opts.candidates ?? ['Alpha', 'Beta', 'Gamma']);
  const credentials = voters.map(() => {
    const code = generateCredentialCode().code;
    return { code, keys: deriveCredentialKeys(id, code) };
  });
  const list = publicCredentialList(
    id,
    credentials.map((c) => c.code),
  );
  ctx.db.transaction(() => {
    writeRollFixture(ctx, created, voters);
    if (!created.contests) {
      setContests(ctx, id, contests);
      setStatus(ctx, id, 'nominations', 'ballot-fixed');
      ctx.board.append(id, 'ballot-fixed', { contests });
    }
    const cred = ctx.db.prepare('INSERT INTO credentials (election, public_key) VALUES (?, ?)');
    for (const k of list) cred.run(id, k);
    ctx.board.append(id, 'credentials', { count: list.length, list });
  })();
  h.now.value = VOTING_DAY_MORNING;
  openVoting(ctx, id, 'fixture');
  const params = electionParams(getElection(ctx, id));
  const e = { id, commission, commissionUser, trustees, voters, credentials, contests, params };
  await refreshSessions(h, e);
  return e;
}

/** Sessions last 8 hours of the virtual clock: sign everyone in again after moving it. */
export async function refreshSessions(
  h: Harness,
  e: Pick<CeremonyElection, 'commission' | 'commissionUser' | 'trustees'>,
): Promise<void> {
  const session = async (name: string) => {
    const r = await h.api('POST', '/api/session', { name, password: 'correct horse battery' });
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.text}`);
    return r.body.token as string;
  };
  e.commission = await session(e.commissionUser);
  for (const x of e.trustees) {
    x.token = await session(x.user);
    x.api = { baseUrl: h.url, token: x.token };
  }
}

/** Record a ballot exactly as casting does: board entry, `ballots` row, ciphertext rows, one transaction. */
export function insertBallot(
  h: Harness,
  e: Pick<CeremonyElection, 'id' | 'params'>,
  keys: CredentialKeys,
  choices: number[],
): BuiltBallot {
  const ctx = h.server.ctx;
  const head = ctx.board.head(e.id)!;
  const built = buildBallot(e.params, keys, choices, { seq: head.seq, hash: head.hash });
  ctx.db.transaction(() => {
    // The voter signed in for it (§10.9.3): one token, counted as casting counts it.
    countSignIn(ctx, e.id, `fixture-${built.ballot.credential.slice(0, 16)}`, ctx.clock());
    const entry = ctx.board.append(e.id, 'ballot', built.ballot);
    ctx.db
      .prepare('INSERT INTO ballots (election, tracker, seq, credential) VALUES (?, ?, ?, ?)')
      .run(e.id, built.tracker, entry.seq, built.ballot.credential);
    const ct = ctx.db.prepare('INSERT INTO ciphertexts (election, ciphertext) VALUES (?, ?)');
    for (const k of ballotCiphertextKeys(built.ballot)) ct.run(e.id, k);
  })();
  return built;
}
