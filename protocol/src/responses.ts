/**
 * The JSON answers of the HTTP API (SPEC §10), as the endpoint table (endpoints.ts) names them. A
 * client parses an answer with its schema, so an answer that lacks a field or has one of the wrong
 * type is refused (BAD_RESPONSE) before any code reads it. Objects accept fields they do not name:
 * a server may add a field without breaking the booths already in voters' hands; board payloads are
 * the strict schemas of payloads.ts, since the chain hash covers their exact bytes (SPEC §9.2).
 */
import * as z from 'zod';
import {
  AnswerMessage,
  BallotContestJson,
  CalendarJson,
  CandidateJson,
  CeremonyJson,
  CeremonyResetJson,
  COMPLAINT_DECISIONS,
  COMPLAINT_SUBJECTS,
  ComplaintMessage,
  DealingMessage,
  ElectionParamsJson,
  InitiativeJson,
  JointKeyJson,
  ManifestJson,
  OutcomeJson,
  ResultJson,
  TallyJson,
  TrusteeJson,
} from './payloads.ts';
import { B64, Count, Hex, Index, Names } from './schema.ts';
import { CredentialVoter, ELECTION_STATUSES, RoleSchema } from './requests.ts';

const Seq = Count;
const Hash = Hex(32);
/** A board entry's place: its seq and hash (SPEC §9.2). */
export const EntryRef = z.looseObject({ seq: Seq, hash: Hash });
const Time = z.string();

// §10.13
export const UserJson = z.looseObject({ name: z.string(), role: RoleSchema });
export const SessionJson = z.looseObject({ token: z.string(), user: UserJson });
export const SessionInfoJson = z.looseObject({ user: UserJson, elections: z.array(z.string()) });
export const GrantJson = z.looseObject({
  election: z.string(),
  user: z.string(),
  role: RoleSchema,
  grantedBy: z.string(),
  grantedAt: Time,
});
export const GrantListJson = z.looseObject({ election: z.string(), grants: z.array(GrantJson) });

// §10.1, §10.8
/** The public view of an election: nothing private (no roll, no nomination IINs). */
export const PublicElectionJson = z.looseObject({
  id: z.string(),
  kind: z.enum(['akim', 'referendum']),
  status: z.enum(ELECTION_STATUSES),
  demo: z.boolean(),
  manifest: ManifestJson,
  /** The calendar in force: the manifest's, moved by any extension (§10.4.6). */
  calendar: CalendarJson,
  contests: z.array(BallotContestJson).nullable(),
  /** The §8.1 parameters, once voting has opened. */
  params: ElectionParamsJson.nullable(),
  /** What opening the vote still waits for. */
  missing: z.array(z.string()),
  board: z.looseObject({ seq: Seq, head: Hash }).nullable(),
});
export type PublicElectionJson = z.output<typeof PublicElectionJson>;
export const ElectionListJson = z.looseObject({ elections: z.array(PublicElectionJson) });

// §10.3
const RejectedRowJson = z.looseObject({
  line: z.number().int(),
  iin: z.string(),
  reason: z.string(),
  message: z.string(),
  /** The values the explanation of `reason` names (field, limit, earlier line…). */
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const ImportSummary = {
  import: Count,
  state: z.enum(['pending', 'accepted', 'discarded']),
  createdAt: Time,
  delimiter: z.enum([';', ',', '\t']),
  ignoredColumns: z.array(z.string()),
  valid: Count,
  rejectedCount: Count,
};
export const ImportReportJson = z.looseObject({
  ...ImportSummary,
  rejected: z.array(RejectedRowJson),
  truncated: z.boolean(),
});
export const ImportListJson = z.looseObject({ imports: z.array(z.looseObject(ImportSummary)) });
/** The accepted roll: public count and commitment; with a commission session also its salt. */
export const RollInfoJson = z.looseObject({
  count: Count,
  commitment: Hash,
  acceptedAt: Time,
  import: Count.optional(),
  salt: z.string().optional(),
});
/** The roll as the commission accepted it: with the import and the salt that opens the commitment. */
export const RollRecordJson = RollInfoJson.extend({ import: Count, salt: z.string() });

// §10.1.2
/** The initiative as recorded, with the signature list's refused entries by position (no IIN echoed). */
export const InitiativeRecordJson = z.looseObject({
  initiative: InitiativeJson,
  invalid: z.array(z.looseObject({ index: Count, reason: z.string() })),
});

// §10.4, §10.5
export const AkimJson = z.looseObject({ iin: z.string(), fullName: z.string(), recordedAt: Time });
export const AkimStateJson = z.looseObject({ akim: AkimJson.nullable() });
const SignatureStatusJson = z.looseObject({
  valid: Count,
  threshold: Count,
  enough: z.boolean(),
  required: z.boolean(),
});
/** A nomination as the commission sees it (the documents entered, with the candidate's IIN). */
export const NominationJson = z.looseObject({
  nomination: Count,
  status: z.enum(['pending', 'registered', 'refused', 'withdrawn']),
  reason: z.string().nullable(),
  candidateId: z.string().nullable(),
  registeredAt: Time.nullable(),
  submittedAt: Time,
  route: z.looseObject({ kind: z.string() }),
  candidate: z.looseObject({ iin: z.string(), surname: Names, givenNames: Names }),
  attestations: z.looseObject({}),
  submittedBy: z.looseObject({ iin: z.string(), fullName: z.string(), position: z.string() }),
  signatures: SignatureStatusJson,
});
export const NominationListJson = z.looseObject({ nominations: z.array(NominationJson) });
export const SignatureReportJson = SignatureStatusJson.extend({
  nomination: Count,
  invalid: z.array(z.looseObject({ index: Count, line: Count.optional(), reason: z.string() })),
});
export const RefusalJson = z.looseObject({
  nomination: Count,
  status: z.literal('refused'),
  reason: z.string().nullable(),
});
export const ExtendedJson = z.looseObject({ calendar: CalendarJson });
export const BallotFixedAnswer = z.looseObject({ contests: z.array(BallotContestJson) });

// §10.6
export const CEREMONY_PHASES = ['registration', 'dealing', 'finished'] as const;
export type CeremonyPhase = (typeof CEREMONY_PHASES)[number];
/** `awaiting-answer`: the complaint was unproven (§6.5 a) and the dealer has not answered yet. */
export const COMPLAINT_STATUSES = ['dealer-at-fault', 'complaint-rejected', 'awaiting-answer'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
/**
 * The judgement of a complaint or an answer (SPEC §6.5): `unproven` until the dealer answers. A
 * plain object (extra fields accepted, not kept), so that crypto's `Judgement` interface fits it.
 */
const JudgementJson = z.object({
  verdict: z.enum(['dealer-at-fault', 'complaint-rejected', 'unproven']),
  reason: z.string(),
});
const CeremonyTrusteeView = TrusteeJson.extend({ dealt: z.boolean() });
/** A complaint on the board with its judgement, and the dealer's answer with its own (SPEC §6.5). */
const ComplaintView = z.looseObject({
  seq: Seq,
  ...ComplaintMessage.shape,
  verdict: JudgementJson,
  answer: z.looseObject({ seq: Seq, ...AnswerMessage.shape, verdict: JudgementJson }).nullable(),
  status: z.enum(COMPLAINT_STATUSES),
});
/** `GET …/ceremony`: what a trustee's tool needs for its next step. */
export const CeremonyViewJson = z.looseObject({
  election: z.string(),
  /** The ceremony round (SPEC §10.6.7): 0, then 1, 2, … after each `ceremony-reset`. */
  round: Count,
  phase: z.enum(CEREMONY_PHASES),
  /** Hash of the manifest entry, bound into the ceremony fingerprint (SPEC §10.6.2). */
  manifest: z.string(),
  trustees: z.array(CeremonyTrusteeView),
  ceremony: CeremonyJson.extend({ seq: Seq }).nullable(),
  /** Trustees of the ceremony who have not dealt yet. */
  missing: z.array(Index),
  /** The dealings on the board, whole: a trustee opens its shares from them (SPEC §6.4). */
  dealings: z.array(z.looseObject({ seq: Seq, ...DealingMessage.shape })),
  complaints: z.array(ComplaintView),
  /** Disqualified so far; at the joint key, complaints still awaiting an answer count too. */
  disqualified: z.array(Index),
  jointKey: JointKeyJson.nullable(),
});
export type CeremonyView = z.output<typeof CeremonyViewJson>;
/** A complaint's or an answer's judgement (SPEC §6.5). */
export const VerdictJson = z.looseObject({
  dealer: Index,
  recipient: Index,
  status: z.enum(COMPLAINT_STATUSES),
  reason: z.string(),
});
export type VerdictJson = z.output<typeof VerdictJson>;

// §10.7
export const CredentialVotersJson = z.looseObject({
  election: z.string(),
  count: Count,
  voters: z.array(CredentialVoter),
});
export const PublishedCredentialsJson = z.looseObject({
  election: z.string(),
  count: Count,
  fingerprint: Hash,
  seq: Seq,
  hash: Hash,
});

// §10.9
export const LoginCodesJson = z.looseObject({
  election: z.string(),
  count: Count,
  codes: z.array(z.looseObject({ iin: z.string(), code: z.string() })),
});
export const LoginCodeJson = z.looseObject({ election: z.string(), iin: z.string(), code: z.string() });
/** A voter token: good for one ballot, for minutes (SPEC §10.9.1). */
export const VoterTokenJson = z.looseObject({ token: z.string(), expiresAt: Time });
export type VoterTokenJson = z.output<typeof VoterTokenJson>;

/** The head of the board as signed by the server (SPEC §9.4). */
export const CheckpointJson = z.looseObject({ election: z.string(), seq: Seq, head: Hash });
export const SignedCheckpointJson = z.looseObject({ checkpoint: CheckpointJson, signature: B64(64) });
/** The cast receipt (SPEC §10.9.2): the ballot's place and the head just after, signed. */
export const SignedReceiptJson = z.looseObject({
  receipt: z.looseObject({
    election: z.string(),
    tracker: z.string(),
    seq: Seq,
    hash: Hash,
    checkpoint: CheckpointJson,
  }),
  signature: B64(64),
});
/** One board entry as on the board (SPEC §9.2, §9.3); its payload is checked by whoever reads it. */
export const BoardEntryJson = z.looseObject({
  seq: Seq,
  type: z.string(),
  payload: z.unknown(),
  prev: Hash,
  hash: Hash,
});
export type BoardEntryJson = z.output<typeof BoardEntryJson>;

/** `GET …/my-record` (SPEC §10.9.4): what the server holds about the signed-in voter. */
export const MyRecordJson = z.looseObject({
  roll: z
    .looseObject({ seq: Seq, tag: B64(16), index: Count, size: Count, path: z.array(B64(32)) })
    .nullable(),
  signedFor: z.array(z.string()),
  credential: z.looseObject({ issued: z.boolean(), publicKey: B64(32).nullable() }),
  latest: z.looseObject({ seq: Seq, tracker: z.string() }).nullable(),
});
export type MyRecordJson = z.output<typeof MyRecordJson>;

/** A filed complaint (SPEC §10.9.5): the signed receipt, the entry's place and the nonce of its commitment. */
export const ComplaintFiledJson = z.looseObject({
  receipt: z.looseObject({
    election: z.string(),
    complaint: z.string(),
    seq: Seq,
    hash: Hash,
    checkpoint: CheckpointJson,
  }),
  signature: B64(64),
  id: z.string(),
  seq: Seq,
  hash: Hash,
  nonce: Hex(32),
});
export type ComplaintFiledJson = z.output<typeof ComplaintFiledJson>;

/** The commission's list of complaints with their texts (SPEC §10.9.5). */
export const ComplaintListJson = z.looseObject({
  election: z.string(),
  complaints: z.array(
    z.looseObject({
      id: z.string(),
      about: z.enum(COMPLAINT_SUBJECTS),
      filedAt: Time,
      seq: Seq,
      text: z.string(),
      answer: z
        .looseObject({ decision: z.enum(COMPLAINT_DECISIONS), text: z.string(), answeredAt: Time, seq: Seq })
        .nullable(),
    }),
  ),
});
export type ComplaintListJson = z.output<typeof ComplaintListJson>;
export const ComplaintAnsweredJson = EntryRef.extend({ complaint: z.string() });

/** `GET …/ballots/:tracker` (SPEC §10.9.2, tracker lookup). */
export const BallotStatusJson = z.looseObject({
  tracker: z.string(),
  seq: Seq,
  hash: Hash,
  /** A later ballot of the same credential is on the board and counts instead of this one. */
  superseded: z.boolean(),
  /** That later ballot, when superseded: if the voter did not cast it, someone else used the credential. */
  supersededBy: z.looseObject({ seq: Seq, tracker: z.string() }).nullable(),
});
export type BallotStatusJson = z.output<typeof BallotStatusJson>;
/** Where a ballot is on the board (`GET …/ballots/:tracker`, SPEC §10.9.2). */
export type BallotStatus = BallotStatusJson;

// §10.10–§10.12
export const CloseAnswerJson = z.looseObject({
  election: PublicElectionJson,
  votingClosed: EntryRef.extend({ at: Time, ballots: Count }),
  tally: EntryRef.extend(TallyJson.shape),
});
export const TallyViewJson = z.looseObject({
  election: z.string(),
  tally: TallyJson,
  entry: EntryRef,
  t: Index.nullable(),
  /** The trustees whose decryptions are on the board. */
  decryptions: z.array(Index),
  finished: z.boolean(),
});
export const DecryptionAnswerJson = EntryRef.extend({
  /** The result, when this decryption was the t-th. */
  result: EntryRef.extend({ payload: ResultJson }).nullable(),
});
export const ResultViewJson = z.looseObject({
  election: z.string(),
  kind: z.enum(['akim', 'referendum']),
  demo: z.boolean(),
  district: Names,
  electionDay: z.string(),
  closedAt: Time.nullable(),
  /** §10.12 R0: a referendum's turnout threshold in percent of the roll; 0 when there is none. */
  turnoutPercent: z.number().int().min(0).max(100),
  result: ResultJson,
  entry: EntryRef,
  board: z.looseObject({ seq: Seq, head: Hash }),
  trustees: z.array(z.looseObject({ index: Index, name: z.string() })),
  contests: z.array(
    z.looseObject({
      id: z.string(),
      kind: z.enum(['candidates', 'question']),
      question: Names.optional(),
      options: z.array(z.looseObject({ id: z.string(), kind: z.string(), names: Names, count: Count })),
      outcome: OutcomeJson,
    }),
  ),
});

// §10.14
const BoothAssetJson = z.looseObject({
  url: z.string(),
  sha256: Hash,
  bytes: Count,
  gzipBytes: Count,
});
/** What observers compare with what voters run: the booth's files and their SHA-256. */
export const BoothJson = z.looseObject({
  bundle: BoothAssetJson,
  worker: BoothAssetJson,
  scan: BoothAssetJson,
  css: BoothAssetJson,
});

// §11.5
/**
 * The verifier page at /verify and the one-file command at /saylau-verify.mjs: each SHA-256 is that
 * of the bytes served there and of dist/saylau-verify.html or .mjs built from the same sources (and
 * stated in README), so an observer can compare them.
 */
export const VerifierJson = z.looseObject({ page: BoothAssetJson, command: BoothAssetJson });

/** The board's `candidate` entries, exactly as on the board (SPEC §10.4). */
export const BoothCandidatesJson = z.looseObject({
  election: z.string(),
  entries: z.array(
    z.looseObject({
      seq: Seq,
      type: z.literal('candidate'),
      payload: CandidateJson,
      prev: z.string(),
      hash: Hash,
    }),
  ),
});

export { CandidateJson, CeremonyJson, CeremonyResetJson, JointKeyJson };
