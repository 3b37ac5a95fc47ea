/**
 * Checks 4.1–4.5: the key ceremony (SPEC §10.6) with the threshold cryptography of §6: trustees and
 * the ceremony fingerprint, trustee signatures, dealings (D5–D8), complaints and answers (C1–C5),
 * and the joint key with QUAL and the public shares (J2–J4). Each round (§10.6.7, cut at every
 * `ceremony-reset`) is checked on its own; the resets themselves are 4.6–4.7 (rounds.ts).
 */
import {
  bytesEqual,
  bytesToHex,
  decodeCommitments,
  decodeComplaint,
  decodeComplaintAnswer,
  decodeEncryptedShare,
  decodePoint,
  electionFingerprint,
  encodePoint,
  b64ToBytesStrict,
  hexToBytesStrict,
  judgeAnswer,
  judgeComplaint,
  jointPublicKey,
  parseSigningPublicKey,
  publicShares,
  shareNonce,
  verifyCommitments,
  verifyDocument,
  type DealerCommitments,
  type EncryptedShare,
  type Judgement,
  type Point,
} from '@saylau/crypto';
import type { Entry } from './board.ts';
import type { Manifest } from './manifest.ts';
import type { CheckId, Collector } from './report.ts';
import { arr, asObject, b64, hex, int, type Json, member, obj, sameJson, text } from './shape.ts';

export interface Trustee {
  index: number;
  name: string;
  signingKey: string;
  boxKey: string;
}

export interface Ceremony {
  seq: number;
  t: number;
  n: number;
  trustees: Trustee[];
  /** The published fingerprint: what every proof and nonce of the DKG is bound to. */
  fp: Uint8Array;
  fingerprint: string;
}

export interface JointKey {
  seq: number;
  /** K as published, in base64url (§10.8 composes the parameters from it). */
  publicKey: string;
  /** X_j by index: the published shares if they decode, else the recomputed ones. */
  shares: Map<number, Point>;
}

interface Dealing {
  seq: number;
  commitments: DealerCommitments;
  boxes: Map<number, EncryptedShare>;
}

/** The trustee message body: the object without its signature (§10.6). */
export function unsigned(payload: Json): Json {
  const body: Json = { ...payload };
  delete body.signature;
  return body;
}

/** 4.2 / 9.1: a trustee message is signed by the trustee it names (§10.6, §7.4 `trustee-message`). */
export function checkTrusteeSignature(
  check: CheckId,
  e: Entry,
  signer: unknown,
  trustees: readonly Trustee[],
  out: Collector,
): boolean {
  const t = trustees.find((x) => x.index === signer);
  if (!t) {
    out.fail(check, e.seq, 'signerUnknown', { signer: String(signer) });
    return false;
  }
  // The signer was read from the payload, so it is an object.
  const p = asObject(e.payload) ?? {};
  let ok = false;
  try {
    ok = verifyDocument('trustee-message', unsigned(p), p.signature, t.signingKey, {
      signature: `${e.type}.signature`,
    });
  } catch (err) {
    out.refuse(check, e.seq, err, e.type);
    return false;
  }
  if (!ok) out.fail(check, e.seq, 'trusteeSignature', { trustee: t.index });
  return ok;
}

/** 4.1: trustee entries, the `ceremony` entry and its fingerprint (§10.6.1–§10.6.2). */
function checkTrustees(entries: readonly Entry[], manifest: Manifest, out: Collector): Ceremony | null {
  const trustees: Trustee[] = [];
  for (const e of entries) {
    if (e.type !== 'trustee') continue;
    const t = out.guard('4.1', e.seq, 'trustee', () => {
      const o = obj(e.payload, 'trustee', ['index', 'name', 'signingKey', 'boxKey']);
      const index = int(o.index, 'trustee.index', 1, 15);
      if (index !== trustees.length + 1)
        out.fail('4.1', e.seq, 'trusteeIndex', { index, expected: trustees.length + 1 });
      const name = text(o.name, 'trustee.name', 100);
      parseSigningPublicKey(o.signingKey, 'trustee.signingKey');
      const boxKey = b64(o.boxKey, 'trustee.boxKey', 32);
      if (b64ToBytesStrict(boxKey, 'trustee.boxKey', 32).every((b) => b === 0))
        out.fail('4.1', e.seq, 'boxKeyZero');
      if (trustees.some((x) => x.signingKey === o.signingKey || x.boxKey === boxKey))
        out.fail('4.1', e.seq, 'trusteeKeyReused');
      return { index, name, signingKey: o.signingKey as string, boxKey };
    });
    if (t) trustees.push(t);
  }
  const e = entries.find((x) => x.type === 'ceremony');
  if (!e) return null;
  return (
    out.guard('4.1', e.seq, 'ceremony', () => {
      const o = obj(e.payload, 'ceremony', ['t', 'n', 'trustees', 'fingerprint']);
      const n = int(o.n, 'ceremony.n', 2, 15);
      const t = int(o.t, 'ceremony.t', 2, n);
      const fingerprint = hex(o.fingerprint, 'ceremony.fingerprint', 32);
      const listed = arr(o.trustees, 'ceremony.trustees', n, n).map((x, i): Trustee => {
        const p = `ceremony.trustees[${i}]`;
        const to = obj(x, p, ['index', 'name', 'signingKey', 'boxKey']);
        return {
          index: int(to.index, `${p}.index`, 1, 15),
          name: text(to.name, `${p}.name`, 100),
          signingKey: b64(to.signingKey, `${p}.signingKey`, 32),
          boxKey: b64(to.boxKey, `${p}.boxKey`, 32),
        };
      });
      const registered = entries.filter((y) => y.type === 'trustee' && y.index < e.index);
      if (n !== registered.length)
        out.fail('4.1', e.seq, 'ceremonyCount', { n, registered: registered.length });
      // The registered trustees in index order, exactly as their entries (§10.6.2).
      if (
        !sameJson(
          o.trustees,
          registered.map((y) => y.payload),
        )
      )
        out.fail('4.1', e.seq, 'ceremonyTrustees');
      // §10.6.2: H256_fingerprint(JCS({version, election, purpose, manifest, t, n, trustees})).
      const expected = bytesToHex(
        electionFingerprint({
          version: 'saylau/v1',
          election: manifest.election,
          purpose: 'key-ceremony',
          manifest: manifest.hash,
          t,
          n,
          trustees: o.trustees,
        }),
      );
      if (expected !== fingerprint) out.fail('4.1', e.seq, 'ceremonyFingerprint', { expected });
      return {
        seq: e.seq,
        t,
        n,
        trustees: listed,
        fp: hexToBytesStrict(fingerprint, 'fingerprint', 32),
        fingerprint,
      };
    }) ?? null
  );
}

/** 4.3: one dealing per dealer; D5 strict commitments; D6 proofs; D7 one box per other trustee; D8 fresh E. */
function checkDealing(
  e: Entry,
  c: Ceremony,
  dealings: Map<number, Dealing>,
  ephemeral: Map<string, number>,
  out: Collector,
): void {
  const params = { t: c.t, n: c.n };
  out.guard('4.3', e.seq, 'dkg-dealing', () => {
    const o = obj(e.payload, 'dkg-dealing', ['dealer', 'commitments', 'shares', 'signature']);
    const dealer = int(o.dealer, 'dkg-dealing.dealer', 1, c.n);
    if (dealings.has(dealer)) {
      out.fail('4.3', e.seq, 'dealtTwice', { dealer });
      return;
    }
    const commitments = decodeCommitments(o.commitments, 'dkg-dealing.commitments', params);
    let ok = true;
    if (commitments.dealer !== dealer) {
      out.fail('4.3', e.seq, 'commitmentsDealer', { dealer });
      ok = false;
    }
    if (!verifyCommitments(c.fp, params, commitments)) {
      out.fail('4.3', e.seq, 'commitmentProof', { dealer });
      ok = false;
    }
    const boxes = new Map<number, EncryptedShare>();
    arr(o.shares, 'dkg-dealing.shares').forEach((s, k) => {
      const es = decodeEncryptedShare(s, `dkg-dealing.shares[${k}]`, c.n);
      if (es.dealer !== dealer || boxes.has(es.recipient)) {
        out.fail('4.3', e.seq, 'boxRecipients', { dealer });
        ok = false;
      }
      if (!bytesEqual(es.nonce, shareNonce(c.fp, es.dealer, es.recipient, es.ephemeralPublicKey))) {
        out.fail('4.3', e.seq, 'boxNonce', { recipient: es.recipient });
        ok = false;
      }
      const E = bytesToHex(es.ephemeralPublicKey);
      const earlier = ephemeral.get(E);
      if (earlier !== undefined) {
        out.fail('4.3', e.seq, 'boxEphemeralReused', { recipient: es.recipient, other: earlier });
        ok = false;
      } else ephemeral.set(E, e.seq);
      boxes.set(es.recipient, es);
    });
    for (let j = 1; j <= c.n; j++)
      if (j !== dealer && !boxes.has(j)) {
        out.fail('4.3', e.seq, 'boxMissing', { recipient: j });
        ok = false;
      }
    // A dealing with a public fault is not in QUAL (§6.3); the server refuses such dealings (D5–D8).
    if (ok) dealings.set(dealer, { seq: e.seq, commitments, boxes });
  });
}

interface ComplaintState {
  seq: number;
  dealer: number;
  recipient: number;
  judgement: Judgement | null;
  answered: Judgement | null;
}

/** 4.4: complaints and answers well formed, bound to the ceremony, in turn (C1–C3); verdicts per §6.5. */
function checkComplaint(
  e: Entry,
  c: Ceremony,
  dealings: Map<number, Dealing>,
  complaints: ComplaintState[],
  out: Collector,
) {
  out.guard('4.4', e.seq, e.type, () => {
    const answer = e.type === 'dkg-answer';
    const secret = answer ? 'ephemeralSecretKey' : 'sharedKey';
    const o = obj(e.payload, e.type, ['ceremony', 'dealer', 'recipient', secret, 'signature']);
    if (o.ceremony !== c.fingerprint) out.fail('4.4', e.seq, 'wrongCeremony');
    const body = { dealer: o.dealer, recipient: o.recipient, [secret]: o[secret] };
    const d = answer ? decodeComplaintAnswer(body, e.type, c.n) : decodeComplaint(body, e.type, c.n);
    const dealing = dealings.get(d.dealer);
    const earlier = complaints.find((x) => x.dealer === d.dealer && x.recipient === d.recipient);
    if (!answer) {
      if (!dealing) out.fail('4.4', e.seq, 'complaintNoDealing', { dealer: d.dealer });
      if (earlier) out.fail('4.4', e.seq, 'complaintTwice', { dealer: d.dealer, recipient: d.recipient });
      if (!dealing || earlier) return;
      const judgement = judgeComplaint(
        c.fp,
        decodeComplaint(body, e.type, c.n),
        dealing.boxes.get(d.recipient)!,
        dealing.commitments,
      );
      complaints.push({ seq: e.seq, dealer: d.dealer, recipient: d.recipient, judgement, answered: null });
      return;
    }
    if (!earlier || !dealing || earlier.judgement?.verdict !== 'unproven' || earlier.answered) {
      out.fail('4.4', e.seq, 'answerUnexpected', { dealer: d.dealer, recipient: d.recipient });
      return;
    }
    const boxKey = c.trustees.find((x) => x.index === d.recipient)!.boxKey;
    earlier.answered = judgeAnswer(
      c.fp,
      decodeComplaintAnswer(body, e.type, c.n),
      dealing.boxes.get(d.recipient)!,
      b64ToBytesStrict(boxKey, 'boxKey', 32),
      dealing.commitments,
    );
  });
}

export interface CeremonyResult {
  ceremony: Ceremony | null;
  jointKey: JointKey | null;
}

/** 4.1–4.5 on one round's entries, in board order. */
export function checkRound(entries: readonly Entry[], manifest: Manifest, out: Collector): CeremonyResult {
  const ceremony = checkTrustees(entries, manifest, out);
  if (!ceremony) return { ceremony: null, jointKey: null };
  const dealings = new Map<number, Dealing>();
  const ephemeral = new Map<string, number>();
  const complaints: ComplaintState[] = [];
  let jointKey: JointKey | null = null;
  for (const e of entries) {
    if (e.type === 'dkg-dealing' || e.type === 'dkg-complaint' || e.type === 'dkg-answer') {
      const signer = member(e.payload, e.type === 'dkg-complaint' ? 'recipient' : 'dealer');
      checkTrusteeSignature('4.2', e, signer, ceremony.trustees, out);
      // Entries after the joint key are out of order (2.5) and have no effect on QUAL.
      if (jointKey) continue;
      if (e.type === 'dkg-dealing') checkDealing(e, ceremony, dealings, ephemeral, out);
      else checkComplaint(e, ceremony, dealings, complaints, out);
    } else if (e.type === 'joint-key' && !jointKey) {
      jointKey = checkJointKey(e, ceremony, dealings, complaints, out);
    }
  }
  return { ceremony, jointKey };
}

/** 4.5: QUAL (J2, C4, C5), K and every X_j recomputed from the commitments of QUAL (§6.6). */
function checkJointKey(
  e: Entry,
  c: Ceremony,
  dealings: Map<number, Dealing>,
  complaints: ComplaintState[],
  out: Collector,
): JointKey {
  const disqualified = new Set<number>();
  for (const x of complaints) {
    const verdict =
      x.judgement?.verdict === 'unproven' ? (x.answered?.verdict ?? 'dealer-at-fault') : x.judgement?.verdict;
    if (verdict === 'dealer-at-fault') disqualified.add(x.dealer);
  }
  const qual = [...dealings.keys()].filter((i) => !disqualified.has(i)).sort((a, b) => a - b);
  const result: JointKey = { seq: e.seq, publicKey: '', shares: new Map() };
  let K: string | null = null;
  let X: string[] | null = null;
  if (qual.length < c.t) out.fail('4.5', e.seq, 'qualTooSmall', { qual: qual.join(', ') || '-', t: c.t });
  else {
    const commitments = qual.map((i) => dealings.get(i)!.commitments);
    try {
      K = encodePoint(jointPublicKey(commitments));
      const shares = publicShares(commitments, c.n);
      X = shares.map(encodePoint);
      shares.forEach((p, k) => result.shares.set(k + 1, p));
    } catch (err) {
      out.refuse('4.5', e.seq, err, 'joint-key');
    }
  }
  const expectedKey = K as string | null;
  const expected = X as string[] | null;
  out.guard('4.5', e.seq, 'joint-key', () => {
    const o = obj(e.payload, 'joint-key', ['publicKey', 'qualified', 'publicShares']);
    result.publicKey = b64(o.publicKey, 'joint-key.publicKey', 32);
    decodePoint(o.publicKey, 'joint-key.publicKey');
    const qualified = arr(o.qualified, 'joint-key.qualified').map((i, k) =>
      int(i, `joint-key.qualified[${k}]`, 1, c.n),
    );
    if (!sameJson(qualified, qual))
      out.fail('4.5', e.seq, 'qualMismatch', { published: qualified.join(', '), expected: qual.join(', ') });
    if (expectedKey !== null && expectedKey !== o.publicKey) out.fail('4.5', e.seq, 'jointKeyMismatch');
    const published = arr(o.publicShares, 'joint-key.publicShares', c.n, c.n).map((x, k) => {
      const p = `joint-key.publicShares[${k}]`;
      const so = obj(x, p, ['index', 'key']);
      if (int(so.index, `${p}.index`, 1, c.n) !== k + 1)
        out.fail('4.5', e.seq, 'publicShareIndex', { index: k + 1 });
      return { key: b64(so.key, `${p}.key`, 32), point: decodePoint(so.key, `${p}.key`) };
    });
    published.forEach((s, k) => {
      if (expected !== null && expected[k] !== s.key)
        out.fail('4.5', e.seq, 'publicShareMismatch', { index: k + 1 });
      // Decryptions were checked by the server against the published X_j (§10.11 P6).
      result.shares.set(k + 1, s.point);
    });
  });
  return result;
}
