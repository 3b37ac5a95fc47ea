/**
 * The payload of every board entry type (SPEC §10), as a zod schema and the type it gives. The server
 * appends these, the booth and the tools read them; the verifier decodes the board with its own strict
 * code (SPEC §11) and may use these types only.
 */
import * as z from 'zod';
import { MAX_CONTESTS, MAX_OPTIONS, contestChars } from '@saylau/crypto';
import type { EntryType } from './entries.ts';
import { B64, BoardTime, Count, Hex, Index, IsoDate, Names, Text } from './schema.ts';

const Version = z.literal('saylau/v1');
const Point = B64(32);
const Scalar = B64(32);
const Signature = B64(64);
/** A public roll tag (§10.3.4): 16 bytes. */
const Tag = B64(16);
/** Long enough for any valid field; exact lengths are the strict decoders' (SPEC §8.3). */
const Field = z.string().max(256);

// §10.1, §10.2
export const ROUTE_KINDS = ['public-association', 'citizen-assembly', 'party', 'self'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];
export const EDUCATION = ['secondary', 'vocational', 'higher'] as const;
export type Education = (typeof EDUCATION)[number];

export const ProfileJson = z.strictObject({
  name: z.enum(['reform', 'law-2021']),
  routes: z.array(z.enum(ROUTE_KINDS)),
  signaturesFrom: z.array(z.enum(ROUTE_KINDS)),
  signaturePercent: z.number().int().min(0).max(100),
  oneSignaturePerSigner: z.boolean(),
  onePartyCandidate: z.boolean(),
  minimumAge: z.number().int().min(18).max(100),
  minimumEducation: z.enum(EDUCATION).nullable(),
  againstAllWins: z.enum(['repeat', 'off']),
  tie: z.enum(['repeat', 'lot']),
  /** A referendum question offers "abstain" after "yes" and "no" (SPEC §10.2, §10.5). */
  abstain: z.boolean(),
  /** A referendum is valid only if counted × 100 > turnoutPercent × roll; 0: no such rule (§10.12 R0). */
  turnoutPercent: z.number().int().min(0).max(100),
  /** A citizens' assembly's quorum: ceil(assemblyQuorumPercent × roll count / 100) (§10.2, N5). */
  assemblyQuorumPercent: z.number().int().min(1).max(100),
  /** A referendum's initiative needs ceil(initiativePercent × roll count / 100) signatures (§10.1.2). */
  initiativePercent: z.number().int().min(1).max(100),
});
export type Profile = z.output<typeof ProfileJson>;

export const CalendarJson = z.strictObject({
  nominationCloses: BoardTime,
  registrationCloses: BoardTime,
  votingOpens: BoardTime,
  votingCloses: BoardTime,
});
export type Calendar = z.output<typeof CalendarJson>;

/** The subjects no referendum may decide (SPEC §10.1.1): refused at creation, failed by check 1.4. */
export const EXCLUDED_SUBJECTS = [
  'rights-and-freedoms',
  'state-foundations',
  'territory-and-borders',
  'justice-defence-security',
  'budget-and-taxes',
  'amnesty-and-pardon',
  'appointments',
  'international-obligations',
  'republic-competence',
] as const;
/**
 * What a referendum question is about, chosen when the referendum is created (SPEC §10.1.1): the
 * first three may be put to a local referendum, the rest are the subjects the law excludes.
 */
export const QUESTION_SUBJECTS = [
  'local-amenities',
  'local-development',
  'community-life',
  ...EXCLUDED_SUBJECTS,
] as const;
export type QuestionSubject = (typeof QUESTION_SUBJECTS)[number];
export const isExcludedSubject = (s: QuestionSubject): boolean =>
  (EXCLUDED_SUBJECTS as readonly QuestionSubject[]).includes(s);

export const QuestionJson = z.strictObject({ id: Text(64), text: Names, subject: z.enum(QUESTION_SUBJECTS) });
export type Question = z.output<typeof QuestionJson>;

export const ManifestJson = z.strictObject({
  version: Version,
  election: Text(64),
  kind: z.enum(['akim', 'referendum']),
  demo: z.boolean(),
  district: Names,
  electionDay: IsoDate,
  timeZone: z.literal('Asia/Almaty'),
  calendar: CalendarJson,
  profile: ProfileJson,
  serverKey: Point,
  booth: z.strictObject({ sha256: Hex(32) }),
  questions: z.array(QuestionJson).optional(),
});
export type Manifest = z.output<typeof ManifestJson>;

// §10.3
/** `tags`: every voter's 16-byte public tag, ascending, as one base64url string; `root` their Merkle root (§10.3.4). */
export const RollJson = z.strictObject({
  count: Count,
  commitment: Hex(32),
  tags: z.string(),
  root: Hex(32),
});

// §10.1.2
/** A referendum's initiative: enough voters' signatures (their tags, ascending) or a citizens' assembly. */
export const InitiativeJson = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('signatures'),
    valid: Count,
    threshold: Count,
    signers: z.string(),
    recordedAt: BoardTime,
  }),
  z.strictObject({
    kind: z.literal('citizen-assembly'),
    date: IsoDate,
    place: Names,
    attendance: Count,
    quorum: Count,
    votesFor: Count,
    chair: B64(16),
    recordedAt: BoardTime,
  }),
]);
export type Initiative = z.output<typeof InitiativeJson>;

// §10.4
export const NominationExtendedJson = z.strictObject({
  nominationCloses: BoardTime,
  registrationCloses: BoardTime,
  days: z.number().int().min(1).max(5),
});

/** A citizen assembly's head count (SPEC §10.4.3 N5). */
const Attendance = z.number().int().min(0).max(1_000_000);

// The nomination routes (SPEC §10.4.1): the commission enters them, the board shows them.
export const PublicAssociationRoute = z.strictObject({
  kind: z.literal('public-association'),
  name: Names,
  registrationNumber: Text(50),
  level: z.enum(['national', 'regional', 'local']),
});
/**
 * As published: the chair's IIN, which the commission enters too, stays private (SPEC §10.4.5). The
 * place is the commission's words, so it is given in each language like every name on the ballot.
 */
export const PublicCitizenAssemblyRoute = z.strictObject({
  kind: z.literal('citizen-assembly'),
  date: IsoDate,
  place: Names,
  attendance: Attendance,
  quorum: Attendance,
  votesFor: Attendance,
});
/**
 * A party's attestation that it nominates one of its members (SPEC §10.4.3 N5a): the number and
 * date of the party body's decision to nominate, and that the nominee is a member. Required under
 * law-2021, optional under reform; public with the route.
 */
export const PartyMembership = z.strictObject({ decision: Text(50), date: IsoDate, member: z.boolean() });
export const PartyRoute = z.strictObject({
  kind: z.literal('party'),
  name: Names,
  membership: PartyMembership.optional(),
});
export const SelfRoute = z.strictObject({ kind: z.literal('self') });

/** A nomination route as published on the board. */
export const PublicRouteJson = z.discriminatedUnion('kind', [
  PublicAssociationRoute,
  PublicCitizenAssemblyRoute,
  PartyRoute,
  SelfRoute,
]);
export type PublicRoute = z.output<typeof PublicRouteJson>;

export const CandidateJson = z.strictObject({
  id: Text(64),
  surname: Names,
  givenNames: Names,
  route: PublicRouteJson,
  /** §10.4.7: the public tags of the candidate, of who submitted the nomination and of an assembly's chair. */
  tags: z.strictObject({ candidate: Tag, submitter: Tag, chair: Tag.optional() }),
  /** `signers`: the signers' tags, ascending, as one base64url string (§10.4.7). */
  signatures: z.strictObject({ valid: Count, threshold: Count, signers: z.string() }).nullable(),
  registeredAt: BoardTime,
});
export type CandidateEntry = z.output<typeof CandidateJson>;

// §10.5
export const BallotOptionJson = z.strictObject({
  id: Text(64),
  kind: z.enum(['candidate', 'against-all', 'yes', 'no', 'abstain']),
  names: Names,
});
export type BallotOption = z.output<typeof BallotOptionJson>;
export const BallotContestJson = z.strictObject({
  id: Text(64),
  kind: z.enum(['candidates', 'question']),
  question: Names.optional(),
  options: z.array(BallotOptionJson).min(2).max(MAX_OPTIONS),
});
export type BallotContest = z.output<typeof BallotContestJson>;
export const BallotFixedJson = z.strictObject({
  contests: z.array(BallotContestJson).min(1).max(MAX_CONTESTS),
  /** The sitting district akim's public tag (§10.5, §10.4.7): an akim election's only. */
  akim: Tag.optional(),
});

// §10.6
export const TrusteeJson = z.strictObject({
  index: Index,
  name: Text(200),
  signingKey: Point,
  boxKey: Point,
});
export type CeremonyTrustee = z.output<typeof TrusteeJson>;
export const CeremonyJson = z.strictObject({
  t: Index,
  n: Index,
  trustees: z.array(TrusteeJson).min(2).max(15),
  fingerprint: Hex(32),
});

const SchnorrJson = z.strictObject({ commitment: Point, response: Scalar });
export const CommitmentsJson = z.strictObject({
  dealer: Index,
  coefficients: z
    .array(z.strictObject({ point: Point, proof: SchnorrJson }))
    .min(2)
    .max(15),
});
export const EncryptedShareJson = z.strictObject({
  dealer: Index,
  recipient: Index,
  ephemeralPublicKey: Point,
  nonce: B64(24),
  box: B64(48),
});

/** `dkg-dealing` (SPEC §6.2, §6.3): dealer i's commitments and one box for every other trustee. */
export const DealingMessage = z.strictObject({
  dealer: Index,
  commitments: CommitmentsJson,
  shares: z.array(EncryptedShareJson).max(14),
  signature: Signature,
});
export type DealingMessage = z.output<typeof DealingMessage>;

/** `dkg-complaint` (SPEC §6.5 a), bound to the ceremony by its fingerprint. */
export const ComplaintMessage = z.strictObject({
  ceremony: Hex(32),
  dealer: Index,
  recipient: Index,
  sharedKey: Point,
  signature: Signature,
});
export type ComplaintMessage = z.output<typeof ComplaintMessage>;

/** `dkg-answer` (SPEC §6.5 b). */
export const AnswerMessage = z.strictObject({
  ceremony: Hex(32),
  dealer: Index,
  recipient: Index,
  ephemeralSecretKey: B64(32),
  signature: Signature,
});
export type AnswerMessage = z.output<typeof AnswerMessage>;

export const JointKeyJson = z.strictObject({
  publicKey: Point,
  qualified: z.array(Index).min(2).max(15),
  publicShares: z.array(z.strictObject({ index: Index, key: Point })).max(15),
});
export type JointKeyPayload = z.output<typeof JointKeyJson>;

export const CeremonyResetJson = z.strictObject({
  round: z.number().int().min(1),
  /** Fingerprint of the abandoned ceremony. */
  ceremony: Hex(32),
  reason: Text(500),
  /** The commission account that started the ceremony again: named in public. */
  by: Text(200),
});
export type ResetPayload = z.output<typeof CeremonyResetJson>;

// §10.7
export const CredentialsJson = z.strictObject({ count: Count, list: z.array(Point) });

// §10.8, §8.1
export const ElectionParamsJson = z.strictObject({
  version: Version,
  election: Text(64),
  publicKey: Point,
  contests: z
    .array(z.strictObject({ id: Text(64), options: z.number().int().min(2).max(MAX_OPTIONS) }))
    .min(1)
    .max(MAX_CONTESTS),
});
export const VotingOpenedJson = z.strictObject({ params: ElectionParamsJson });

// §8.2: the shape only; the strict decoder (§8.3) checks lengths, points and scalars.
/** A contest's record (§8.2): base64url of at most 64 options and the sum proof; crypto checks the rest. */
const ContestShape = z.string().max(contestChars(MAX_OPTIONS));
export const BallotShape = z.strictObject({
  version: Field,
  election: Field,
  credential: Field,
  anchor: z.strictObject({ seq: z.number(), hash: Field }),
  contests: z.array(ContestShape).min(1).max(MAX_CONTESTS),
  signature: Field,
});
export const BallotJson = BallotShape.extend({
  version: Version,
  anchor: z.strictObject({ seq: Count, hash: Hex(32) }),
});
export type BallotPayload = z.output<typeof BallotJson>;

// §10.10
/**
 * §10.9.3: the voter tokens issued in one local hour, and the voters who got their first token of
 * the election in it.
 */
export const SignInsJson = z.strictObject({ hour: BoardTime, tokens: Count, voters: Count });

// §10.9.5
export const COMPLAINT_SUBJECTS = ['signature', 'roll', 'credential', 'ballot', 'other'] as const;
export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];
export const COMPLAINT_DECISIONS = ['upheld', 'rejected'] as const;
export type ComplaintDecision = (typeof COMPLAINT_DECISIONS)[number];
/** A complaint's id on the board: `k1`, `k2`, … in board order. */
export const ComplaintId = z.string().regex(/^k[1-9][0-9]{0,8}$/, 'expected k1, k2, …');
/** `complaint`: that a voter complained, about what and when; the text only as its commitment. */
export const VoterComplaintJson = z.strictObject({
  id: ComplaintId,
  about: z.enum(COMPLAINT_SUBJECTS),
  filedAt: BoardTime,
  commitment: Hex(32),
});
export type VoterComplaint = z.output<typeof VoterComplaintJson>;
/** `complaint-answer`: the commission's public answer to one complaint. */
export const ComplaintAnswerJson = z.strictObject({
  complaint: ComplaintId,
  answeredAt: BoardTime,
  decision: z.enum(COMPLAINT_DECISIONS),
  text: Text(2000),
});
export type ComplaintAnswer = z.output<typeof ComplaintAnswerJson>;

export const VotingClosedJson = z.strictObject({ at: BoardTime, ballots: Count });
const CiphertextJson = z.strictObject({ alpha: Point, beta: Point });
export const TallyJson = z.strictObject({
  /** Ballot entries on the board. */
  ballots: Count,
  /** Distinct credentials: the ballots that count, one per credential (its last). */
  counted: Count,
  /** ballots − counted: ballots replaced by a later ballot of the same credential. */
  revotes: Count,
  contests: z.array(z.strictObject({ id: Text(64), ciphertexts: z.array(CiphertextJson).min(2).max(64) })),
});
export type TallyPayload = z.output<typeof TallyJson>;

// §10.11
const FactorJson = z.strictObject({
  trustee: Index,
  factor: Point,
  proof: z.strictObject({ a1: Point, a2: Point, response: Scalar }),
});
/** `decryption` (SPEC §10.11): one factor per tally ciphertext, in tally order, signed. */
export const DecryptionMessage = z.strictObject({
  trustee: Index,
  contests: z
    .array(z.strictObject({ id: z.string().max(64), factors: z.array(FactorJson).min(2).max(64) }))
    .min(1)
    .max(16),
  signature: Signature,
});
export type DecryptionMessage = z.output<typeof DecryptionMessage>;

// §10.12
export const OutcomeJson = z.union([
  z.strictObject({ kind: z.literal('elected'), winner: Text(64) }),
  z.strictObject({
    kind: z.literal('elected'),
    winner: Text(64),
    lot: z.strictObject({ tied: z.array(Text(64)), draw: Hex(32) }),
  }),
  z.strictObject({ kind: z.literal('repeat'), reason: z.enum(['no-votes', 'against-all']) }),
  z.strictObject({ kind: z.literal('repeat'), reason: z.literal('tie'), tied: z.array(Text(64)) }),
  z.strictObject({ kind: z.literal('adopted') }),
  z.strictObject({ kind: z.literal('rejected') }),
  z.strictObject({ kind: z.literal('invalid'), reason: z.literal('turnout') }),
]);
export type Outcome = z.output<typeof OutcomeJson>;
export const ResultJson = z.strictObject({
  roll: Count,
  ballots: Count,
  counted: Count,
  revotes: Count,
  trustees: z.array(Index),
  contests: z.array(z.strictObject({ id: Text(64), counts: z.array(Count), outcome: OutcomeJson })),
});
export type ResultPayload = z.output<typeof ResultJson>;

/** Each entry type's payload schema (SPEC §10 table). */
export const PAYLOADS = {
  manifest: ManifestJson,
  roll: RollJson,
  initiative: InitiativeJson,
  'nomination-extended': NominationExtendedJson,
  candidate: CandidateJson,
  'ballot-fixed': BallotFixedJson,
  trustee: TrusteeJson,
  ceremony: CeremonyJson,
  'dkg-dealing': DealingMessage,
  'dkg-complaint': ComplaintMessage,
  'dkg-answer': AnswerMessage,
  'joint-key': JointKeyJson,
  'ceremony-reset': CeremonyResetJson,
  credentials: CredentialsJson,
  'voting-opened': VotingOpenedJson,
  ballot: BallotJson,
  'sign-ins': SignInsJson,
  complaint: VoterComplaintJson,
  'complaint-answer': ComplaintAnswerJson,
  'voting-closed': VotingClosedJson,
  tally: TallyJson,
  decryption: DecryptionMessage,
  result: ResultJson,
} as const satisfies Record<EntryType, z.ZodType>;

export type EntryPayload<T extends EntryType> = z.output<(typeof PAYLOADS)[T]>;

/** A board entry of one type (SPEC §9.2). */
export interface BoardEntry<T extends EntryType = EntryType> {
  seq: number;
  type: T;
  payload: EntryPayload<T>;
  prev: string;
  hash: string;
}

/** Any entry, narrowed by its `type`. */
export type AnyBoardEntry = { [T in EntryType]: BoardEntry<T> }[EntryType];
