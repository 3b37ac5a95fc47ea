/**
 * Check 2.4: signed checkpoints (SPEC §9.4) and cast receipts (§10.9.2) are signed by the manifest's
 * server key and match this board: a board that does not extend a signed head was rewritten.
 */
import { ballotHash, trackerFromHash, verifyDocument } from '@saylau/crypto';
import type { Entry } from './board.ts';
import type { Manifest } from './manifest.ts';
import type { Collector } from './report.ts';
import { hex, int, member, obj, str } from './shape.ts';

export interface SignedCheckpoint {
  checkpoint: { election: string; seq: number; head: string };
  signature: string;
}

export interface SignedReceipt {
  receipt: {
    election: string;
    tracker: string;
    seq: number;
    hash: string;
    checkpoint: { election: string; seq: number; head: string };
  };
  signature: string;
}

function signedBy(
  purpose: 'checkpoint' | 'receipt',
  body: unknown,
  signature: unknown,
  key: string,
  out: Collector,
  what: string,
): boolean {
  try {
    if (verifyDocument(purpose, body, signature, key, { signature: `${what}.signature` })) return true;
    out.fail('2.4', null, 'checkpointSignature', { what });
  } catch (e) {
    out.refuse('2.4', null, e, what);
  }
  return false;
}

/** The signed head `{election, seq, head}` names this election and the entry at seq has that hash. */
function matchHead(
  v: unknown,
  what: string,
  manifest: Manifest,
  bySeq: Map<number, Entry>,
  out: Collector,
): void {
  out.guard('2.4', null, what, () => {
    const c = obj(v, what, ['election', 'seq', 'head']);
    const seq = int(c.seq, `${what}.seq`);
    const head = hex(c.head, `${what}.head`, 32);
    if (str(c.election, `${what}.election`) !== manifest.election)
      out.fail('2.4', null, 'checkpointElection', { what });
    const e = bySeq.get(seq);
    if (!e) out.fail('2.4', null, 'checkpointBeyond', { what, seq });
    else if (e.hash !== head) out.fail('2.4', seq, 'checkpointHead', { what, seq });
  });
}

/**
 * What a voter's receipt says about their vote on this board: `counted` when its ballot is there
 * and is its credential's last, `superseded` when a later ballot of the same credential counts
 * instead (`countedBy`), `missing` when the receipted ballot is not where the receipt says.
 */
export interface ReceiptStatus {
  /** `receipt[i]`, as the failures name it. */
  what: string;
  tracker: string;
  seq: number;
  status: 'counted' | 'superseded' | 'missing';
  countedBy: { seq: number; tracker: string } | null;
}

const trackerOf = (e: Entry): string => trackerFromHash(ballotHash(e.payload));
const credentialOf = (e: Entry): unknown => member(e.payload, 'credential');

/** The receipted ballot is at its seq with its hash and tracker (§8.4); else a failure naming what is there. */
function matchReceipt(
  what: string,
  r: { seq: number; hash: string; tracker: string },
  entries: readonly Entry[],
  bySeq: Map<number, Entry>,
  out: Collector,
): ReceiptStatus {
  const e = bySeq.get(r.seq);
  const status: ReceiptStatus = { what, tracker: r.tracker, seq: r.seq, status: 'missing', countedBy: null };
  if (!e) out.fail('2.4', null, 'receiptNoEntry', { what, seq: r.seq });
  else if (e.type !== 'ballot')
    out.fail('2.4', r.seq, 'receiptNotBallot', { what, seq: r.seq, type: e.type });
  else if (e.hash !== r.hash) {
    const moved = entries.find((x) => x.type === 'ballot' && x.hash !== e.hash && trackerOf(x) === r.tracker);
    const params = { what, seq: r.seq, found: trackerOf(e), tracker: r.tracker };
    if (moved) out.fail('2.4', r.seq, 'receiptMoved', { ...params, where: moved.seq });
    else out.fail('2.4', r.seq, 'receiptOtherBallot', params);
  } else if (trackerOf(e) !== r.tracker) out.fail('2.4', r.seq, 'receiptTracker', { what, seq: r.seq });
  else {
    // On the board as receipted. Does it count, or did a later ballot of its credential replace it?
    let last = e;
    for (const x of entries) if (x.type === 'ballot' && credentialOf(x) === credentialOf(e)) last = x;
    if (last.seq > e.seq) {
      status.status = 'superseded';
      status.countedBy = { seq: last.seq, tracker: trackerOf(last) };
    } else status.status = 'counted';
  }
  return status;
}

export function checkCheckpoints(
  entries: readonly Entry[],
  manifest: Manifest | null,
  checkpoints: readonly unknown[],
  receipts: readonly unknown[],
  out: Collector,
): ReceiptStatus[] {
  const statuses: ReceiptStatus[] = [];
  if (checkpoints.length + receipts.length === 0) {
    out.skip('2.4', 'noteNoCheckpoint');
    return statuses;
  }
  if (!manifest?.serverKey) {
    out.fail('2.4', null, 'checkpointNoKey');
    return statuses;
  }
  const key = manifest.serverKey;
  const bySeq = new Map<number, Entry>();
  for (const e of entries) if (!bySeq.has(e.seq)) bySeq.set(e.seq, e);
  checkpoints.forEach((cp, i) => {
    const what = `checkpoint[${i}]`;
    const o = out.guard('2.4', null, what, () => obj(cp, what, ['checkpoint', 'signature']));
    if (!o) return;
    if (signedBy('checkpoint', o.checkpoint, o.signature, key, out, what))
      matchHead(o.checkpoint, what, manifest, bySeq, out);
  });
  receipts.forEach((rc, i) => {
    const what = `receipt[${i}]`;
    const o = out.guard('2.4', null, what, () => obj(rc, what, ['receipt', 'signature']));
    if (!o || !signedBy('receipt', o.receipt, o.signature, key, out, what)) return;
    out.guard('2.4', null, what, () => {
      const r = obj(o.receipt, `${what}.receipt`, ['election', 'tracker', 'seq', 'hash', 'checkpoint']);
      const seq = int(r.seq, `${what}.seq`);
      const hash = hex(r.hash, `${what}.hash`, 32);
      const tracker = str(r.tracker, `${what}.tracker`);
      if (str(r.election, `${what}.election`) !== manifest.election)
        out.fail('2.4', null, 'checkpointElection', { what });
      statuses.push(matchReceipt(what, { seq, hash, tracker }, entries, bySeq, out));
      matchHead(r.checkpoint, `${what}.checkpoint`, manifest, bySeq, out);
    });
  });
  return statuses;
}
