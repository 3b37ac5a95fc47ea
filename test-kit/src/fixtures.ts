/**
 * A test-only shortcut to an election that is open for voting, for tests of casting and tallying
 * that need not rerun the earlier steps over HTTP. It writes the same rows and board entries those
 * steps write, but with a single-holder key (its secret is returned so a test can decrypt) instead
 * of a key ceremony. Whole-election tests (test/ and the demo) go through every step for real.
 */
import {
  G,
  deriveCredentialKeys,
  encodePoint,
  generateCredentialCode,
  publicCredentialList,
  randomScalar,
  type CredentialKeys,
} from '@saylau/crypto';
import {
  createElection,
  openVoting,
  recordInitiative,
  setContests,
  setStatus,
  AGAINST_ALL,
  type BallotContest,
  syntheticVoters,
  type SyntheticVoter,
  writeSyntheticRoll,
  voterRef,
  type Board,
  type CreateElectionInput,
} from '@saylau/server';
import { createdAt, DISTRICT, ELECTION_DAY, type Harness } from './harness.ts';
import type { EntryType } from '@saylau/protocol';

export interface OpenElection {
  id: string;
  voters: SyntheticVoter[];
  /** credentials[i] is bound to voters[i] (SPEC §10.7), whose voter reference is subjects[i]. */
  credentials: { code: string; keys: CredentialKeys }[];
  subjects: string[];
  contests: BallotContest[];
  /** The election secret key (a fixture has no ceremony). */
  secret: bigint;
}

/** Voting day 08:00 local, inside the default voting hours. */
export const VOTING_DAY_MORNING = new Date(`${ELECTION_DAY}T08:00:00+05:00`);

export function openElectionFixture(
  h: Harness,
  opts: {
    id?: string;
    voters?: number;
    candidates?: number;
    credentials?: number;
    /** E.g. a referendum's kind and questions: its ballot is fixed at creation (SPEC §10.5). */
    election?: Partial<CreateElectionInput>;
  } = {},
): OpenElection {
  const ctx = h.server.ctx;
  const id = opts.id ?? 'open-1';
  const nVoters = opts.voters ?? 20;
  const nCandidates = opts.candidates ?? 3;
  const created = createElection(
    ctx,
    { id, district: DISTRICT, electionDay: ELECTION_DAY, ...opts.election },
    'fixture',
    createdAt(h),
  );
  const voters = syntheticVoters(nVoters, ELECTION_DAY, 11);
  const contests: BallotContest[] = created.contests ?? [
    {
      id: 'akim',
      kind: 'candidates',
      options: [
        ...Array.from({ length: nCandidates }, (_, i) => ({
          id: `c${i + 1}`,
          kind: 'candidate' as const,
          names: { kk: `Кандидат ${i + 1}`, ru: `Кандидат ${i + 1}`, en: `Candidate ${i + 1}` },
        })),
        { id: 'against-all', kind: 'against-all' as const, names: AGAINST_ALL },
      ],
    },
  ];
  const secret = randomScalar();
  const credentials = Array.from({ length: opts.credentials ?? nVoters }, () => {
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
    ctx.board.append(id, 'joint-key', {
      publicKey: encodePoint(G.multiply(secret)),
      qualified: [],
      publicShares: [],
    });
    const cred = ctx.db.prepare('INSERT INTO credentials (election, public_key) VALUES (?, ?)');
    for (const k of list) cred.run(id, k);
    const own = ctx.db.prepare(
      'INSERT INTO credential_owners (election, voter, public_key) VALUES (?, ?, ?)',
    );
    credentials.forEach((c, i) => {
      if (voters[i]) own.run(id, voterRef(ctx, id, voters[i].iin), c.keys.publicKeyText);
    });
    ctx.board.append(id, 'credentials', { count: list.length, list });
  })();
  h.now.value = VOTING_DAY_MORNING;
  openVoting(ctx, id, 'fixture');
  const subjects = voters.map((v) => voterRef(ctx, id, v.iin));
  return { id, voters, credentials, subjects, contests, secret };
}

/** The roll, and for a referendum its initiative (SPEC §10.1.2: it opens only on one), every voter signing. */
export function writeRollFixture(
  ctx: Harness['server']['ctx'],
  e: { id: string; kind: string },
  voters: readonly SyntheticVoter[],
): void {
  writeSyntheticRoll(ctx, e.id, voters, 'f'.repeat(64));
  if (e.kind === 'referendum')
    recordInitiative(ctx, e.id, { kind: 'signatures', iins: voters.map((v) => v.iin) }, 'fixture');
}

/**
 * Tests of the chain itself append entries that the typed board does not take (any type name, any
 * JSON): the chain's hashing, paging and append-only rules do not depend on a payload's shape.
 */
export function appendUntyped(board: Board, election: string, type: string, payload: unknown) {
  return board.append(election, type as EntryType, payload as never);
}
