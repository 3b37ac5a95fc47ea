/**
 * The endpoint table (SPEC §10): every route the server answers under `/api`, with its method, its
 * path, who may call it, its request body and query, and its answer. The server's routes use the
 * same schemas, `server/test/endpoints.test.ts` holds the app's routes and this table to each other,
 * and `call` (client.ts) sends a request by a row and parses the answer with the row's schema.
 */
import type { z } from 'zod';
import {
  AnswerMessage,
  ComplaintMessage,
  DealingMessage,
  DecryptionMessage,
  InitiativeJson,
  TrusteeJson,
} from './payloads.ts';
import {
  AkimInput,
  BoardQuery,
  CastBody,
  CloseBody,
  ComplaintAnswerBody,
  ComplaintBody,
  CreateElection,
  CredentialUpload,
  EmptyBody,
  ExtendInput,
  FinishCeremony,
  GrantBody,
  InitiativeInput,
  IssueQuery,
  LoginBody,
  LoginCodeBody,
  LoginQuery,
  NominationInput,
  ProtocolQuery,
  RefuseInput,
  RegisterTrustee,
  ResetCeremony,
  SignaturesInput,
  StartCeremony,
  type GrantedRole,
  type Role,
} from './requests.ts';
import {
  AkimJson,
  AkimStateJson,
  BallotFixedAnswer,
  BallotStatusJson,
  BoothCandidatesJson,
  BoardEntryJson,
  BoothJson,
  CandidateJson,
  CeremonyJson,
  CeremonyResetJson,
  CeremonyViewJson,
  CloseAnswerJson,
  ComplaintAnsweredJson,
  ComplaintFiledJson,
  ComplaintListJson,
  CredentialVotersJson,
  DecryptionAnswerJson,
  ElectionListJson,
  EntryRef,
  ExtendedJson,
  GrantJson,
  GrantListJson,
  ImportListJson,
  ImportReportJson,
  InitiativeRecordJson,
  JointKeyJson,
  LoginCodeJson,
  MyRecordJson,
  LoginCodesJson,
  NominationJson,
  NominationListJson,
  PublicElectionJson,
  PublishedCredentialsJson,
  RefusalJson,
  ResultViewJson,
  RollInfoJson,
  RollRecordJson,
  SessionInfoJson,
  SessionJson,
  SignatureReportJson,
  SignedCheckpointJson,
  SignedReceiptJson,
  TallyViewJson,
  VerdictJson,
  VerifierJson,
  VoterTokenJson,
} from './responses.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Who may call an endpoint (SPEC §10.13): anyone; a session of one of the roles (any role when the
 * list is empty); a session of one of the roles holding a grant on the path's election; a voter
 * token (§10.9.1).
 */
export type Caller =
  | { readonly kind: 'public' }
  | { readonly kind: 'session'; readonly roles: readonly Role[] }
  | { readonly kind: 'grant'; readonly roles: readonly GrantedRole[] }
  | { readonly kind: 'voter' };

/** A raw body, sent as it is: a CSV or text file (a string or a Blob). */
export type RawBody = 'csv' | 'text';
/** An answer that is not JSON: the board's JSON Lines, a CSV file, an HTML page. */
export type RawAnswer = 'jsonl' | 'csv' | 'html';

export interface Endpoint {
  readonly method: Method;
  /** Express-style: `:name` is a path parameter. */
  readonly path: string;
  /** The SPEC section that describes it. */
  readonly section: string;
  /** Any of these may call it. */
  readonly callers: readonly Caller[];
  /** The JSON body's schema, or a raw body kind; none for a GET. */
  readonly body?: z.ZodType | RawBody;
  /** A raw body the endpoint also takes instead of JSON (a signature list as a text file). */
  readonly rawBody?: RawBody;
  readonly query?: z.ZodType;
  /** The JSON answer's schema (of a 2xx answer), or the kind of a raw answer. */
  readonly response: z.ZodType | RawAnswer;
  /** The 2xx status of success. */
  readonly status: 200 | 201;
}

const PUBLIC = { kind: 'public' } as const;
const VOTER = { kind: 'voter' } as const;
const session = <const R extends readonly Role[]>(...roles: R) => ({ kind: 'session', roles }) as const;
const grant = <const R extends readonly GrantedRole[]>(...roles: R) => ({ kind: 'grant', roles }) as const;
const COMMISSION = [grant('commission')] as const;
const TRUSTEE = [grant('trustee')] as const;
const CA = [grant('credential-authority')] as const;

const E = '/api/elections/:id';

/**
 * Every endpoint of the API, by name, in the order of SPEC §10. To add one: a row here, its route in
 * the server (parsing with the row's schemas), and the test that compares them passes again.
 */
export const ENDPOINTS = {
  // §10.13: sessions and grants
  signIn: {
    method: 'POST',
    path: '/api/session',
    section: '10.13',
    callers: [PUBLIC],
    body: LoginBody,
    response: SessionJson,
    status: 200,
  },
  sessionInfo: {
    method: 'GET',
    path: '/api/session',
    section: '10.13',
    callers: [session()],
    response: SessionInfoJson,
    status: 200,
  },
  listGrants: {
    method: 'GET',
    path: `${E}/grants`,
    section: '10.13',
    callers: [session('admin')],
    response: GrantListJson,
    status: 200,
  },
  addGrant: {
    method: 'POST',
    path: `${E}/grants`,
    section: '10.13',
    callers: [session('admin')],
    body: GrantBody,
    response: GrantJson,
    status: 201,
  },
  revokeGrant: {
    method: 'DELETE',
    path: `${E}/grants/:user`,
    section: '10.13',
    callers: [session('admin')],
    body: EmptyBody,
    response: GrantJson,
    status: 200,
  },

  // §10.1, §10.8: elections
  listElections: {
    method: 'GET',
    path: '/api/elections',
    section: '10.1',
    callers: [PUBLIC],
    response: ElectionListJson,
    status: 200,
  },
  createElection: {
    method: 'POST',
    path: '/api/elections',
    section: '10.1',
    callers: [session('admin')],
    body: CreateElection,
    response: PublicElectionJson,
    status: 201,
  },
  election: {
    method: 'GET',
    path: E,
    section: '10.1',
    callers: [PUBLIC],
    response: PublicElectionJson,
    status: 200,
  },

  // §10.3: the voter roll
  importRoll: {
    method: 'POST',
    path: `${E}/roll/imports`,
    section: '10.3.3',
    callers: COMMISSION,
    body: 'csv',
    response: ImportReportJson,
    status: 201,
  },
  listRollImports: {
    method: 'GET',
    path: `${E}/roll/imports`,
    section: '10.3.3',
    callers: COMMISSION,
    response: ImportListJson,
    status: 200,
  },
  rollImport: {
    method: 'GET',
    path: `${E}/roll/imports/:n`,
    section: '10.3.3',
    callers: COMMISSION,
    response: ImportReportJson,
    status: 200,
  },
  rejectedRows: {
    method: 'GET',
    path: `${E}/roll/imports/:n/rejected.csv`,
    section: '10.3.3',
    callers: COMMISSION,
    response: 'csv',
    status: 200,
  },
  acceptRoll: {
    method: 'POST',
    path: `${E}/roll/imports/:n/accept`,
    section: '10.3.3',
    callers: COMMISSION,
    body: EmptyBody,
    response: RollRecordJson,
    status: 200,
  },
  discardRoll: {
    method: 'POST',
    path: `${E}/roll/imports/:n/discard`,
    section: '10.3.3',
    callers: COMMISSION,
    body: EmptyBody,
    response: ImportReportJson,
    status: 200,
  },
  roll: {
    method: 'GET',
    path: `${E}/roll`,
    section: '10.3.3',
    callers: [PUBLIC, ...COMMISSION],
    response: RollInfoJson,
    status: 200,
  },

  // §10.1.2: a referendum's initiative
  recordInitiative: {
    method: 'POST',
    path: `${E}/initiative`,
    section: '10.1.2',
    callers: COMMISSION,
    body: InitiativeInput,
    response: InitiativeRecordJson,
    status: 201,
  },
  initiative: {
    method: 'GET',
    path: `${E}/initiative`,
    section: '10.1.2',
    callers: [PUBLIC],
    response: InitiativeJson,
    status: 200,
  },

  // §10.4, §10.5: nominations and the ballot
  setAkim: {
    method: 'PUT',
    path: `${E}/akim`,
    section: '10.4.2',
    callers: COMMISSION,
    body: AkimInput,
    response: AkimJson,
    status: 200,
  },
  akim: {
    method: 'GET',
    path: `${E}/akim`,
    section: '10.4.2',
    callers: COMMISSION,
    response: AkimStateJson,
    status: 200,
  },
  nominate: {
    method: 'POST',
    path: `${E}/nominations`,
    section: '10.4.1',
    callers: COMMISSION,
    body: NominationInput,
    response: NominationJson,
    status: 201,
  },
  nominations: {
    method: 'GET',
    path: `${E}/nominations`,
    section: '10.4',
    callers: COMMISSION,
    response: NominationListJson,
    status: 200,
  },
  nomination: {
    method: 'GET',
    path: `${E}/nominations/:n`,
    section: '10.4',
    callers: COMMISSION,
    response: NominationJson,
    status: 200,
  },
  extendNomination: {
    method: 'POST',
    path: `${E}/nominations/extend`,
    section: '10.4.6',
    callers: COMMISSION,
    body: ExtendInput,
    response: ExtendedJson,
    status: 200,
  },
  submitSignatures: {
    method: 'POST',
    path: `${E}/nominations/:n/signatures`,
    section: '10.4.4',
    callers: COMMISSION,
    body: SignaturesInput,
    rawBody: 'csv',
    response: SignatureReportJson,
    status: 200,
  },
  registerCandidate: {
    method: 'POST',
    path: `${E}/nominations/:n/register`,
    section: '10.4.5',
    callers: COMMISSION,
    body: EmptyBody,
    response: CandidateJson,
    status: 200,
  },
  refuseNomination: {
    method: 'POST',
    path: `${E}/nominations/:n/refuse`,
    section: '10.4.5',
    callers: COMMISSION,
    body: RefuseInput,
    response: RefusalJson,
    status: 200,
  },
  fixBallot: {
    method: 'POST',
    path: `${E}/ballot/fix`,
    section: '10.5',
    callers: COMMISSION,
    body: EmptyBody,
    response: BallotFixedAnswer,
    status: 200,
  },

  // §10.6: the key ceremony
  registerTrustee: {
    method: 'POST',
    path: `${E}/trustees`,
    section: '10.6.6',
    callers: TRUSTEE,
    body: RegisterTrustee,
    response: TrusteeJson,
    status: 201,
  },
  ceremony: {
    method: 'GET',
    path: `${E}/ceremony`,
    section: '10.6.6',
    callers: [PUBLIC],
    response: CeremonyViewJson,
    status: 200,
  },
  startCeremony: {
    method: 'POST',
    path: `${E}/ceremony/start`,
    section: '10.6.6',
    callers: COMMISSION,
    body: StartCeremony,
    response: CeremonyJson,
    status: 201,
  },
  deal: {
    method: 'POST',
    path: `${E}/ceremony/dealings`,
    section: '10.6.6',
    callers: TRUSTEE,
    body: DealingMessage,
    response: EntryRef,
    status: 201,
  },
  complain: {
    method: 'POST',
    path: `${E}/ceremony/complaints`,
    section: '10.6.6',
    callers: TRUSTEE,
    body: ComplaintMessage,
    response: VerdictJson,
    status: 201,
  },
  answer: {
    method: 'POST',
    path: `${E}/ceremony/answers`,
    section: '10.6.6',
    callers: TRUSTEE,
    body: AnswerMessage,
    response: VerdictJson,
    status: 201,
  },
  finishCeremony: {
    method: 'POST',
    path: `${E}/ceremony/finish`,
    section: '10.6.6',
    callers: COMMISSION,
    body: FinishCeremony,
    response: JointKeyJson,
    status: 201,
  },
  resetCeremony: {
    method: 'POST',
    path: `${E}/ceremony/reset`,
    section: '10.6.7',
    callers: COMMISSION,
    body: ResetCeremony,
    response: CeremonyResetJson,
    status: 201,
  },

  // §10.7: credentials
  credentialVoters: {
    method: 'GET',
    path: `${E}/credentials/voters`,
    section: '10.7',
    callers: CA,
    response: CredentialVotersJson,
    status: 200,
  },
  publishCredentials: {
    method: 'POST',
    path: `${E}/credentials`,
    section: '10.7',
    callers: CA,
    body: CredentialUpload,
    response: PublishedCredentialsJson,
    status: 201,
  },

  // §10.8, §10.9: opening, signing in, casting
  openVoting: {
    method: 'POST',
    path: `${E}/open`,
    section: '10.8',
    callers: COMMISSION,
    body: EmptyBody,
    response: PublicElectionJson,
    status: 200,
  },
  issueLoginCodes: {
    method: 'POST',
    path: `${E}/login-codes`,
    section: '10.9.1',
    callers: COMMISSION,
    body: EmptyBody,
    /** `?format=csv`: the mail-merge file instead (read it with `callText`). */
    query: IssueQuery,
    response: LoginCodesJson,
    status: 201,
  },
  reissueLoginCode: {
    method: 'POST',
    path: `${E}/login-codes/:iin`,
    section: '10.9.1',
    callers: COMMISSION,
    body: EmptyBody,
    response: LoginCodeJson,
    status: 200,
  },
  voterLogin: {
    method: 'POST',
    path: `${E}/login`,
    section: '10.9.1',
    callers: [PUBLIC],
    /** The built-in login-code method's body; another `?method=` takes its own. */
    body: LoginCodeBody,
    query: LoginQuery,
    response: VoterTokenJson,
    status: 200,
  },
  castBallot: {
    method: 'POST',
    path: `${E}/ballots`,
    section: '10.9.2',
    callers: [VOTER],
    body: CastBody,
    response: SignedReceiptJson,
    status: 201,
  },
  myRecord: {
    method: 'GET',
    path: `${E}/my-record`,
    section: '10.9.4',
    callers: [VOTER],
    response: MyRecordJson,
    status: 200,
  },
  fileComplaint: {
    method: 'POST',
    path: `${E}/complaints`,
    section: '10.9.5',
    callers: [VOTER],
    body: ComplaintBody,
    response: ComplaintFiledJson,
    status: 201,
  },
  listComplaints: {
    method: 'GET',
    path: `${E}/complaints`,
    section: '10.9.5',
    callers: COMMISSION,
    response: ComplaintListJson,
    status: 200,
  },
  answerComplaint: {
    method: 'POST',
    path: `${E}/complaints/:k/answer`,
    section: '10.9.5',
    callers: COMMISSION,
    body: ComplaintAnswerBody,
    response: ComplaintAnsweredJson,
    status: 201,
  },
  findBallot: {
    method: 'GET',
    path: `${E}/ballots/:tracker`,
    section: '10.9.2',
    callers: [PUBLIC],
    response: BallotStatusJson,
    status: 200,
  },

  // §9.3, §9.4: the board
  board: {
    method: 'GET',
    path: `${E}/board`,
    section: '9.3',
    callers: [PUBLIC],
    query: BoardQuery,
    response: 'jsonl',
    status: 200,
  },
  boardHead: {
    method: 'GET',
    path: `${E}/board/head`,
    section: '9.4',
    callers: [PUBLIC],
    response: SignedCheckpointJson,
    status: 200,
  },
  boardEntry: {
    method: 'GET',
    path: `${E}/board/entries/:seq`,
    section: '9.3',
    callers: [PUBLIC],
    response: BoardEntryJson,
    status: 200,
  },

  // §10.10–§10.12: close, tally, decryptions, result
  closeVoting: {
    method: 'POST',
    path: `${E}/close`,
    section: '10.10',
    callers: COMMISSION,
    body: CloseBody.optional(),
    response: CloseAnswerJson,
    status: 200,
  },
  tally: {
    method: 'GET',
    path: `${E}/tally`,
    section: '10.10',
    callers: [PUBLIC],
    response: TallyViewJson,
    status: 200,
  },
  decrypt: {
    method: 'POST',
    path: `${E}/decryptions`,
    section: '10.11',
    callers: TRUSTEE,
    body: DecryptionMessage,
    response: DecryptionAnswerJson,
    status: 201,
  },
  result: {
    method: 'GET',
    path: `${E}/result`,
    section: '10.12',
    callers: [PUBLIC],
    response: ResultViewJson,
    status: 200,
  },
  resultProtocol: {
    method: 'GET',
    path: `${E}/result/protocol`,
    section: '10.12',
    callers: [PUBLIC],
    query: ProtocolQuery,
    response: 'html',
    status: 200,
  },

  // §10.14: the booth
  booth: {
    method: 'GET',
    path: '/api/booth',
    section: '10.14',
    callers: [PUBLIC],
    response: BoothJson,
    status: 200,
  },
  boothCandidates: {
    method: 'GET',
    path: '/api/booth/elections/:id/candidates',
    section: '10.14',
    callers: [PUBLIC],
    response: BoothCandidatesJson,
    status: 200,
  },

  // §11.5: the verifier page
  verifier: {
    method: 'GET',
    path: '/api/verifier',
    section: '11.5',
    callers: [PUBLIC],
    response: VerifierJson,
    status: 200,
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;

/** The rows as a list, each with its name. */
export const ENDPOINT_TABLE: readonly (Endpoint & { name: EndpointName })[] = (
  Object.keys(ENDPOINTS) as EndpointName[]
).map((name) => ({ name, ...ENDPOINTS[name] }));
