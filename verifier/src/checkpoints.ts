/**
 * Check 2.4: signed checkpoints (SPEC §9.4) and cast receipts (§10.9.2) are signed by the manifest's
 * server key and match this board: a board that does not extend a signed head was rewritten.
 */
import { ballotHash, trackerFromHash, verifyDocument } from '@saylau/crypto';
import type { Entry } from './board.ts';
import type { Manifest } from './manifest.ts';
import type { Collector } from './report.ts';
import { hex, int, obj, str } from './shape.ts';

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

export function checkCheckpoints(
  entries: readonly Entry[],
  manifest: Manifest | null,
  checkpoints: readonly unknown[],
  receipts: readonly unknown[],
  out: Collector,
): void {
  if (checkpoints.length + receipts.length === 0) {
    out.note('2.4', 'noteNoCheckpoint');
    return;
  }
  if (!manifest?.serverKey) {
    out.fail('2.4', null, 'checkpointNoKey');
    return;
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
      if (str(r.election, `${what}.election`) !== manifest.election)
        out.fail('2.4', null, 'checkpointElection', { what });
      const e = bySeq.get(seq);
      // The receipted ballot is on the board at its seq, with its hash and tracker (§8.4).
      if (!e || e.type !== 'ballot' || e.hash !== r.hash)
        out.fail('2.4', seq, 'receiptBallot', { what, seq });
      else if (trackerFromHash(ballotHash(e.payload)) !== r.tracker)
        out.fail('2.4', seq, 'receiptTracker', { what, seq });
      matchHead(r.checkpoint, `${what}.checkpoint`, manifest, bySeq, out);
    });
  });
}
