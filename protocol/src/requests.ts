/**
 * The request bodies and query strings of the HTTP API (SPEC §10), declared once: the server parses
 * with these, the endpoint table (endpoints.ts) names them, clients get their input types. Bodies
 * that are board payloads (a trustee's dealing, complaint, answer, decryption) are in payloads.ts.
 */
import * as z from 'zod';
import {
  COMPLAINT_DECISIONS,
  COMPLAINT_SUBJECTS,
  ComplaintId,
  QUESTION_SUBJECTS,
  BallotShape,
  EDUCATION,
  PartyRoute,
  PublicAssociationRoute,
  PublicCitizenAssemblyRoute,
  SelfRoute,
} from './payloads.ts';
import { B64, BoardTime, ElectionId, Iin, IsoDate, Names, Text } from './schema.ts';

// §10.13: accounts and grants.
export const ROLES = ['admin', 'commission', 'credential-authority', 'trustee', 'observer'] as const;
export type Role = (typeof ROLES)[number];
/** The roles that act on an election only with a grant on it. */
export const GRANTED_ROLES = ['commission', 'credential-authority', 'trustee'] as const;
export type GrantedRole = (typeof GRANTED_ROLES)[number];
export const RoleSchema = z.enum(ROLES);
export const UserName = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'expected 2–32 of a-z 0-9 . _ -');

/** `POST /api/session`. */
export const LoginBody = z.strictObject({ name: z.string().max(64), password: z.string().max(200) });
/** `POST /api/elections/:id/grants`. */
export const GrantBody = z.strictObject({ user: UserName });

/** A POST that takes no parameters: no body or `{}`, nothing else (so a typo is not silently ignored). */
export const EmptyBody = z.strictObject({}).optional();
/** Closing takes no parameters: an empty object or no body. */
export const CloseBody = z.strictObject({});

// §10.1, §10.2: a new election.
export const ELECTION_STATUSES = ['nominations', 'ballot-fixed', 'open', 'closed', 'finished'] as const;
export type ElectionStatus = (typeof ELECTION_STATUSES)[number];
export const CALENDAR_KEYS = [
  'nominationCloses',
  'registrationCloses',
  'votingOpens',
  'votingCloses',
] as const;
/** An RFC 3339 time with an explicit offset that is a real instant (the server moves it to +05:00). */
export const ValidTime = BoardTime.refine((s) => !Number.isNaN(Date.parse(s)), 'not a valid time');

export const ProfileChoice = z.strictObject({
  name: z.enum(['reform', 'law-2021']).default('reform'),
  minimumEducation: z.enum(EDUCATION).nullable().optional(),
  againstAllWins: z.enum(['repeat', 'off']).optional(),
  tie: z.enum(['repeat', 'lot']).optional(),
});

/** `POST /api/elections` (SPEC §10.1). */
export const CreateElection = z
  .strictObject({
    id: ElectionId.optional(),
    kind: z.enum(['akim', 'referendum']).default('akim'),
    district: Names,
    electionDay: IsoDate,
    calendar: z
      .strictObject(
        Object.fromEntries(CALENDAR_KEYS.map((k) => [k, ValidTime.optional()])) as Record<
          (typeof CALENDAR_KEYS)[number],
          z.ZodOptional<typeof ValidTime>
        >,
      )
      .optional(),
    profile: ProfileChoice.optional(),
    questions: z
      .array(z.strictObject({ id: ElectionId, text: Names, subject: z.enum(QUESTION_SUBJECTS) }))
      .min(1)
      .max(16)
      .optional(),
    demo: z.boolean().default(false),
  })
  .superRefine((v, c) => {
    if (v.kind === 'referendum' && !v.questions)
      c.addIssue({ code: 'custom', path: ['questions'], message: 'a referendum needs its questions' });
    if (v.kind === 'akim' && v.questions)
      c.addIssue({ code: 'custom', path: ['questions'], message: 'an akim election has no questions' });
    if (v.questions && new Set(v.questions.map((q) => q.id)).size !== v.questions.length)
      c.addIssue({ code: 'custom', path: ['questions'], message: 'question ids must be distinct' });
  });
export type CreateElectionInput = z.input<typeof CreateElection>;

// §10.4: nominations as the commission enters them.
export const POSITIONS = [
  'candidate',
  'association-head',
  'association-representative',
  'assembly-chair',
  'party-head',
  'party-representative',
  'district-akim',
  'acting-district-akim',
  'other',
] as const;
export type Position = (typeof POSITIONS)[number];

/** A citizen assembly as entered: the chair's IIN is checked against the akim and never published. */
/** The quorum may be left out: the server computes it from the roll (§10.4.3 N5); a different one is refused. */
export const CitizenAssemblyRoute = PublicCitizenAssemblyRoute.extend({
  chairIin: Iin,
  quorum: PublicCitizenAssemblyRoute.shape.quorum.optional(),
});
/** A nomination route as the commission enters it (SPEC §10.4.1). */
export const NominationRoute = z.discriminatedUnion('kind', [
  PublicAssociationRoute,
  CitizenAssemblyRoute,
  PartyRoute,
  SelfRoute,
]);
export type NominationRoute = z.infer<typeof NominationRoute>;

export const NominationCandidate = z.strictObject({
  iin: Iin,
  surname: Names,
  givenNames: Names,
  patronymic: Names.optional(),
  education: z.enum(EDUCATION).optional(),
});
/** Each is the commission's record that the document was presented; all three must be true. */
export const Attestations = z.strictObject({
  citizen: z.boolean(),
  capacity: z.boolean(),
  noUnexpungedConviction: z.boolean(),
});
export const SubmittedBy = z.strictObject({ iin: Iin, fullName: Text(200), position: z.enum(POSITIONS) });

/** `POST …/nominations` (SPEC §10.4.1). */
export const NominationInput = z.strictObject({
  route: NominationRoute,
  candidate: NominationCandidate,
  attestations: Attestations,
  submittedBy: SubmittedBy,
});
export type NominationInput = z.infer<typeof NominationInput>;
/** `PUT …/akim` (SPEC §10.4.2). */
export const AkimInput = z.strictObject({ iin: Iin, fullName: Text(200) });
/** `POST …/nominations/:n/signatures` as JSON (SPEC §10.4.4); a text/csv body is one IIN a line. */
export const SignaturesInput = z.strictObject({ iins: z.array(z.string().max(40)) });
export const RefuseInput = z.strictObject({ reason: Text(500) });

/** A head count of an assembly (SPEC §10.1.2, §10.4.3 N5). */
const HeadCount = z.number().int().min(0).max(1_000_000);
/** `POST …/initiative` (SPEC §10.1.2): the signers' IINs, or a citizens' assembly's minutes. */
export const InitiativeInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('signatures'), iins: z.array(z.string().max(40)) }),
  z.strictObject({
    kind: z.literal('citizen-assembly'),
    date: IsoDate,
    place: Names,
    attendance: HeadCount,
    votesFor: HeadCount,
    chairIin: Iin,
    quorum: HeadCount.optional(),
  }),
]);
export type InitiativeInput = z.infer<typeof InitiativeInput>;
/** `POST …/nominations/extend` (SPEC §10.4.6). */
export const ExtendInput = z.strictObject({ days: z.number().int().min(1).max(5) });

// §10.6: the key ceremony (the trustees' signed messages are payloads).
export const RegisterTrustee = z.strictObject({ name: Text(100), signingKey: B64(32), boxKey: B64(32) });
export const StartCeremony = z.strictObject({ t: z.number().int() });
/**
 * `force`: finish although some trustee has not dealt or some complaint awaits its answer; those
 * dealers are then left out of QUAL (a missing dealing, or `no-answer`, SPEC §6.5 b).
 */
export const FinishCeremony = z.strictObject({ force: z.boolean().default(false) });
export const ResetCeremony = z.strictObject({ reason: Text(500) });

// §10.7, §10.9.1: the opaque voter reference and the credential upload.
export const VoterRef = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'expected a voter reference');
/** The most credentials (and voters) one election takes. */
export const MAX_CREDENTIALS = 100_000;
/** `POST …/credentials`: `owners[i]` is the voter who holds `list[i]`. */
export const CredentialUpload = z.strictObject({
  list: z.array(z.string().max(200)).max(MAX_CREDENTIALS),
  owners: z.array(VoterRef).max(MAX_CREDENTIALS),
});
const VoterField = z.string().max(200);
/** A voter a credential authority makes a letter for (`GET …/credentials/voters`). */
export const CredentialVoter = z.strictObject({
  voter: VoterRef,
  surname: VoterField,
  givenName: VoterField,
  patronymic: VoterField,
  settlement: VoterField,
  address: VoterField,
});
export type CredentialVoter = z.infer<typeof CredentialVoter>;

// §10.9: signing in and casting.
/** `POST …/login` with the built-in login-code method: the IIN and the mailed code. */
export const LoginCodeBody = z.strictObject({ iin: Iin, code: z.string().min(1).max(40) });
/** `?method=` of `POST …/login`: which authenticator (the login code by default). */
export const LoginQuery = z.strictObject({ method: z.string().max(32).optional() });
/** `?format=` of `POST …/login-codes`: JSON, or the mail-merge CSV. */
export const IssueQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });
/**
 * The cast request body (SPEC §10.9.2 step 1): the ballot's shape with bounded sizes. Exact
 * lengths, encodings (SPEC §1.2), canonical points and scalar ranges are left to the strict ballot decoder (§8.3), so
 * that a refusal names the crypto reason and the field.
 */
export const CastBody = z.strictObject({ ballot: BallotShape });
export type CastBody = z.infer<typeof CastBody>;
/** Trackers are 19 characters grouped; allow a typed one with spaces, but nothing unbounded. */
export const TrackerParam = z.string().min(1).max(64);

// §10.9.5: complaints
/** A voter's complaint (SPEC §10.9.5). */
export const ComplaintBody = z.strictObject({ about: z.enum(COMPLAINT_SUBJECTS), text: Text(2000) });
export type ComplaintBody = z.output<typeof ComplaintBody>;
/** The commission's answer to one complaint (SPEC §10.9.5). */
export const ComplaintAnswerBody = z.strictObject({
  decision: z.enum(COMPLAINT_DECISIONS),
  text: Text(2000),
});
export type ComplaintAnswerBody = z.output<typeof ComplaintAnswerBody>;
/** The `:k` of a complaint's path. */
export const ComplaintParam = ComplaintId;
/** The `:seq` of one board entry's path (SPEC §9.3). */
export const SeqParam = z
  .string()
  .regex(/^\d{1,15}$/, 'expected a non-negative integer')
  .transform(Number);

// §9.3, §10.12: query strings of the public reads.
export const BoardQuery = z.strictObject({
  from: z
    .string()
    .regex(/^\d{1,15}$/, 'expected a non-negative integer')
    .transform(Number)
    .optional(),
});
export const ProtocolQuery = z.strictObject({ lang: z.enum(['kk', 'ru', 'en']).default('kk') });
