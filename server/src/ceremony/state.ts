/**
 * The ceremony as the board records it (SPEC §10.6): registered trustees, the `ceremony` entry,
 * dealings, complaints with their public verdicts, answers and the joint key. Every verdict here is
 * recomputed from board data alone, exactly as a verifier would.
 */
import {
  decodeCommitments,
  decodeComplaint,
  decodeComplaintAnswer,
  decodeEncryptedShare,
  b64ToBytesStrict,
  hexToBytesStrict,
  judgeAnswer,
  judgeComplaint,
  type DealerCommitments,
  type EncryptedShare,
  type Judgement,
} from '@saylau/crypto';
import type { ServerContext } from '../context.ts';
import type { AnswerMessage, ComplaintMessage, DealingMessage } from './messages.ts';
import type { CeremonyTrustee, ComplaintStatus, EntryType, JointKeyPayload } from '@saylau/protocol';

export type { JointKeyPayload };

export interface TrusteeRecord extends CeremonyTrustee {
  user: string;
}

export interface CeremonyInfo {
  seq: number;
  t: number;
  n: number;
  trustees: CeremonyTrustee[];
  /** Hex ceremony fingerprint and its bytes. */
  fingerprint: string;
  fp: Uint8Array;
}

export interface DealingRecord {
  seq: number;
  message: DealingMessage;
  commitments: DealerCommitments;
  /** recipient index → box */
  shares: Map<number, EncryptedShare>;
}

export interface AnswerRecord {
  seq: number;
  message: AnswerMessage;
  judgement: Judgement;
}

export type { ComplaintStatus };

export interface ComplaintRecord {
  seq: number;
  message: ComplaintMessage;
  judgement: Judgement;
  answer: AnswerRecord | null;
  status: ComplaintStatus;
}

export interface CeremonyState {
  election: string;
  /** The current round (SPEC §10.6.7): 0 before any `ceremony-reset`, then the last reset's round. */
  round: number;
  /** Hash of the manifest entry (seq 0), bound into the ceremony fingerprint. */
  manifest: string;
  trustees: TrusteeRecord[];
  ceremony: CeremonyInfo | null;
  dealings: Map<number, DealingRecord>;
  complaints: ComplaintRecord[];
  jointKey: JointKeyPayload | null;
}

interface TrusteeRow {
  idx: number;
  user: string;
  name: string;
  signing_key: string;
  box_key: string;
}

/**
 * The current ceremony round (SPEC §10.6.7): the entries after the last `ceremony-reset` (`after`
 * is its seq, −1 in round 0). Everything of an earlier round is void.
 */
export function currentRound(ctx: ServerContext, election: string): { round: number; after: number } {
  const r = ctx.board.latest(election, 'ceremony-reset');
  return r ? { round: r.payload.round, after: r.seq } : { round: 0, after: -1 };
}

/** The latest `type` entry of the round that began after seq `after`, if any. */
export function latestInRound<T extends EntryType>(
  ctx: ServerContext,
  election: string,
  type: T,
  after: number,
) {
  const e = ctx.board.latest(election, type);
  return e && e.seq > after ? e : null;
}

/** The trustees of one round (default: the current one), in index order. */
export function listTrustees(
  ctx: ServerContext,
  election: string,
  round = currentRound(ctx, election).round,
): TrusteeRecord[] {
  const rows = ctx.db
    .prepare(
      'SELECT idx, user, name, signing_key, box_key FROM trustees WHERE election = ? AND round = ? ORDER BY idx',
    )
    .all(election, round) as TrusteeRow[];
  return rows.map((r) => ({
    index: r.idx,
    user: r.user,
    name: r.name,
    signingKey: r.signing_key,
    boxKey: r.box_key,
  }));
}

/** The ceremony of the current round only: an abandoned round's entries count for nothing. */
export function loadCeremony(ctx: ServerContext, election: string): CeremonyState {
  const manifest = ctx.board.ofType(election, 'manifest')[0]?.hash ?? '';
  const { round, after } = currentRound(ctx, election);
  const inRound = <T extends EntryType>(type: T) =>
    ctx.board.ofType(election, type).filter((e) => e.seq > after);
  const trustees = listTrustees(ctx, election, round);
  const c = latestInRound(ctx, election, 'ceremony', after);
  const state: CeremonyState = {
    election,
    round,
    manifest,
    trustees,
    ceremony: null,
    dealings: new Map(),
    complaints: [],
    jointKey: null,
  };
  if (!c) return state;
  const p = c.payload;
  const info: CeremonyInfo = { ...p, seq: c.seq, fp: hexToBytesStrict(p.fingerprint, 'fingerprint', 32) };
  state.ceremony = info;
  const params = { t: info.t, n: info.n };
  for (const e of inRound('dkg-dealing')) {
    const m = e.payload;
    const shares = new Map<number, EncryptedShare>();
    m.shares.forEach((s, k) => {
      const es = decodeEncryptedShare(s, `shares[${k}]`, info.n);
      shares.set(es.recipient, es);
    });
    state.dealings.set(m.dealer, {
      seq: e.seq,
      message: m,
      commitments: decodeCommitments(m.commitments, 'commitments', params),
      shares,
    });
  }
  const answers = new Map<string, { seq: number; message: AnswerMessage }>();
  for (const e of inRound('dkg-answer')) {
    const m = e.payload;
    answers.set(`${m.dealer}>${m.recipient}`, { seq: e.seq, message: m });
  }
  for (const e of inRound('dkg-complaint')) {
    const m = e.payload;
    const a = answers.get(`${m.dealer}>${m.recipient}`);
    state.complaints.push(judgeRecorded(info, state, e.seq, m, a ?? null));
  }
  const jk = latestInRound(ctx, election, 'joint-key', after);
  if (jk) state.jointKey = jk.payload;
  return state;
}

/** The public verdict of a complaint and of its answer, if any (SPEC §6.5). */
export function judgeRecorded(
  info: CeremonyInfo,
  state: Pick<CeremonyState, 'dealings'>,
  seq: number,
  message: ComplaintMessage,
  answer: { seq: number; message: AnswerMessage } | null,
): ComplaintRecord {
  const d = state.dealings.get(message.dealer)!;
  const es = d.shares.get(message.recipient)!;
  const judgement = judgeComplaint(
    info.fp,
    decodeComplaint(unsignedComplaint(message), 'complaint', info.n),
    es,
    d.commitments,
  );
  let answered: AnswerRecord | null = null;
  if (answer) {
    const recipient = info.trustees.find((x) => x.index === message.recipient)!;
    answered = {
      ...answer,
      judgement: judgeAnswer(
        info.fp,
        decodeComplaintAnswer(unsignedAnswer(answer.message), 'answer', info.n),
        es,
        b64ToBytesStrict(recipient.boxKey, 'boxKey', 32),
        d.commitments,
      ),
    };
  }
  const status: ComplaintStatus =
    judgement.verdict !== 'unproven'
      ? judgement.verdict
      : answered
        ? answered.judgement.verdict === 'complaint-rejected'
          ? 'complaint-rejected'
          : 'dealer-at-fault'
        : 'awaiting-answer';
  return { seq, message, judgement, answer: answered, status };
}

/** The §6.5 complaint JSON inside a complaint message. */
export function unsignedComplaint(m: ComplaintMessage) {
  return { dealer: m.dealer, recipient: m.recipient, sharedKey: m.sharedKey };
}

export function unsignedAnswer(m: AnswerMessage) {
  return { dealer: m.dealer, recipient: m.recipient, ephemeralSecretKey: m.ephemeralSecretKey };
}

/**
 * Dealers disqualified by complaints (SPEC §6.6). With `final`, a complaint still awaiting an
 * answer counts as `no-answer`: the joint key is the answer deadline.
 */
export function disqualifiedDealers(state: CeremonyState, final: boolean): number[] {
  const out = new Set<number>();
  for (const c of state.complaints)
    if (c.status === 'dealer-at-fault' || (final && c.status === 'awaiting-answer'))
      out.add(c.message.dealer);
  return [...out].sort((a, b) => a - b);
}
