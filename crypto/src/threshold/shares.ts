/**
 * Encrypted shares and publicly checkable complaints (SPEC §6.3–§6.5).
 * Each share travels in its own nacl.box (X25519 + XSalsa20-Poly1305) from a fresh ephemeral key
 * to the recipient's registered box key, so that either side can later open exactly that one box
 * in public: the recipient by revealing the box's shared key, the dealer by revealing the ephemeral
 * secret. Neither reveal exposes any other box.
 */
import nacl from 'tweetnacl';
import { b64ToBytesStrict, bytesEqual, bytesToB64, randomBytes } from '../bytes.ts';
import { fail } from '../errors.ts';
import { bytesToScalarLE, encodeScalarBytes, ORDER } from '../group.ts';
import { taggedHash } from '../hash.ts';
import { asObject, exactKeys } from '../proofs/codec.ts';
import { u64be } from '../proofs/context.ts';
import { shareFor, verifyShare, type DealerCommitments, type Dealing } from './dkg.ts';
import { checkIndex, MAX_TRUSTEES } from './params.ts';

export const BOX_KEY_BYTES = 32;
export const NONCE_BYTES = 24;
/** 16-byte Poly1305 tag + 32-byte share. */
export const BOX_BYTES = 48;

/** Dealer i's share for trustee j, as posted on the board (SPEC §6.3). */
export interface EncryptedShare {
  dealer: number;
  recipient: number;
  ephemeralPublicKey: Uint8Array;
  nonce: Uint8Array;
  box: Uint8Array;
}

export interface EncryptedShareJson {
  dealer: number;
  recipient: number;
  ephemeralPublicKey: string;
  nonce: string;
  box: string;
}

/** Recipient j's complaint: the X25519/HSalsa20 key of that one box (SPEC §6.5 a). */
export interface Complaint {
  dealer: number;
  recipient: number;
  sharedKey: Uint8Array;
}

export interface ComplaintJson {
  dealer: number;
  recipient: number;
  sharedKey: string;
}

/** Dealer i's answer: the ephemeral X25519 secret of that one box (SPEC §6.5 b). */
export interface ComplaintAnswer {
  dealer: number;
  recipient: number;
  ephemeralSecretKey: Uint8Array;
}

export interface ComplaintAnswerJson {
  dealer: number;
  recipient: number;
  ephemeralSecretKey: string;
}

export type ShareFault = 'bad-nonce' | 'does-not-open' | 'bad-length' | 'non-canonical-scalar' | 'feldman';

export type ShareOpening = { ok: true; share: bigint } | { ok: false; fault: ShareFault };

export type ComplaintVerdict = 'dealer-at-fault' | 'complaint-rejected' | 'unproven';

export interface Judgement {
  verdict: ComplaintVerdict;
  /** Why: a ShareFault, 'valid-share', 'wrong-ephemeral-secret' or 'no-answer'. */
  reason: ShareFault | 'valid-share' | 'wrong-ephemeral-secret' | 'no-answer';
}

/**
 * The box nonce is derived, not chosen (SPEC §6.3): the first 24 bytes of
 * H_dkg/share(fingerprint, u64be(i), u64be(j), ephemeralPublicKey). It binds the box to this
 * election and to the pair (i, j).
 */
export function shareNonce(
  fingerprint: Uint8Array,
  dealer: number,
  recipient: number,
  ephemeralPublicKey: Uint8Array,
): Uint8Array {
  if (fingerprint.length !== 32) fail('BAD_LENGTH', 'fingerprint', 'expected 32 bytes');
  return taggedHash('dkg/share', [fingerprint, u64be(dealer), u64be(recipient), ephemeralPublicKey]).slice(
    0,
    NONCE_BYTES,
  );
}

function checkKey(key: Uint8Array, field: string): Uint8Array {
  if (!(key instanceof Uint8Array) || key.length !== BOX_KEY_BYTES)
    fail('BAD_LENGTH', field, `expected a ${BOX_KEY_BYTES}-byte key`);
  return key;
}

/** Encrypt one share under a fresh ephemeral key; the dealer keeps `ephemeralSecretKey` for §6.5 b. */
export function encryptShare(
  fingerprint: Uint8Array,
  dealer: number,
  recipient: number,
  share: bigint,
  recipientBoxPublicKey: Uint8Array,
): { encrypted: EncryptedShare; ephemeralSecretKey: Uint8Array } {
  checkIndex(dealer, 'dealer');
  checkIndex(recipient, 'recipient');
  if (dealer === recipient) fail('BAD_PARAMS', 'recipient', 'a dealer keeps its own share');
  checkKey(recipientBoxPublicKey, 'recipientBoxPublicKey');
  const ephemeral = nacl.box.keyPair.fromSecretKey(randomBytes(BOX_KEY_BYTES));
  const nonce = shareNonce(fingerprint, dealer, recipient, ephemeral.publicKey);
  const box = nacl.box(encodeScalarBytes(share), nonce, recipientBoxPublicKey, ephemeral.secretKey);
  return {
    encrypted: { dealer, recipient, ephemeralPublicKey: ephemeral.publicKey, nonce, box },
    ephemeralSecretKey: ephemeral.secretKey,
  };
}

/**
 * All of dealer i's boxes, one per other trustee j = 1..n (SPEC §6.3). `boxPublicKeys[j−1]` is
 * trustee j's registered box key. `ownShare` = f_i(i) never leaves the dealer.
 */
export function dealShares(
  fingerprint: Uint8Array,
  dealing: Dealing,
  boxPublicKeys: readonly Uint8Array[],
): { shares: EncryptedShare[]; ephemeralSecretKeys: Map<number, Uint8Array>; ownShare: bigint } {
  const shares: EncryptedShare[] = [];
  const ephemeralSecretKeys = new Map<number, Uint8Array>();
  boxPublicKeys.forEach((pk, idx) => {
    const j = idx + 1;
    if (j === dealing.dealer) return;
    const { encrypted, ephemeralSecretKey } = encryptShare(
      fingerprint,
      dealing.dealer,
      j,
      shareFor(dealing, j),
      pk,
    );
    shares.push(encrypted);
    ephemeralSecretKeys.set(j, ephemeralSecretKey);
  });
  return { shares, ephemeralSecretKeys, ownShare: shareFor(dealing, dealing.dealer) };
}

function checkPair(es: EncryptedShare, commitments: DealerCommitments): void {
  if (es.dealer !== commitments.dealer)
    fail(
      'BAD_PARAMS',
      'commitments.dealer',
      `commitments of dealer ${commitments.dealer}, share from ${es.dealer}`,
    );
}

/** Open a box with its shared key and run every check of SPEC §6.4 on the plaintext. */
export function openShareWithKey(
  fingerprint: Uint8Array,
  es: EncryptedShare,
  sharedKey: Uint8Array,
  commitments: DealerCommitments,
): ShareOpening {
  checkPair(es, commitments);
  checkKey(sharedKey, 'sharedKey');
  if (!bytesEqual(es.nonce, shareNonce(fingerprint, es.dealer, es.recipient, es.ephemeralPublicKey)))
    return { ok: false, fault: 'bad-nonce' };
  const plain = nacl.box.open.after(es.box, es.nonce, sharedKey);
  if (plain === null) return { ok: false, fault: 'does-not-open' };
  if (plain.length !== 32) return { ok: false, fault: 'bad-length' };
  const share = bytesToScalarLE(plain);
  if (share >= ORDER) return { ok: false, fault: 'non-canonical-scalar' };
  if (!verifyShare(commitments, es.recipient, share)) return { ok: false, fault: 'feldman' };
  return { ok: true, share };
}

/** X25519 + HSalsa20 key of one box, as nacl.box.before computes it. */
export function boxSharedKey(es: EncryptedShare, recipientBoxSecretKey: Uint8Array): Uint8Array {
  return nacl.box.before(
    checkKey(es.ephemeralPublicKey, 'ephemeralPublicKey'),
    checkKey(recipientBoxSecretKey, 'recipientBoxSecretKey'),
  );
}

/** Recipient j decrypts and Feldman-checks its share (SPEC §6.4); on failure it complains (§6.5). */
export function decryptShare(
  fingerprint: Uint8Array,
  es: EncryptedShare,
  recipientBoxSecretKey: Uint8Array,
  commitments: DealerCommitments,
): ShareOpening {
  return openShareWithKey(fingerprint, es, boxSharedKey(es, recipientBoxSecretKey), commitments);
}

export function makeComplaint(es: EncryptedShare, recipientBoxSecretKey: Uint8Array): Complaint {
  return { dealer: es.dealer, recipient: es.recipient, sharedKey: boxSharedKey(es, recipientBoxSecretKey) };
}

export function answerComplaint(es: EncryptedShare, ephemeralSecretKey: Uint8Array): ComplaintAnswer {
  return {
    dealer: es.dealer,
    recipient: es.recipient,
    ephemeralSecretKey: checkKey(ephemeralSecretKey, 'ephemeralSecretKey'),
  };
}

function checkSameBox(c: { dealer: number; recipient: number }, es: EncryptedShare, field: string): void {
  if (c.dealer !== es.dealer || c.recipient !== es.recipient)
    fail('BAD_PARAMS', field, `concerns ${c.dealer}→${c.recipient}, box is ${es.dealer}→${es.recipient}`);
}

/**
 * Anyone judges a complaint from its revealed shared key (SPEC §6.5 a): a box that opens to a bad
 * share convicts the dealer; a box that opens to a good share refutes the complaint; a box that
 * does not open proves nothing, and the dealer must answer (§6.5 b).
 */
export function judgeComplaint(
  fingerprint: Uint8Array,
  complaint: Complaint,
  es: EncryptedShare,
  commitments: DealerCommitments,
): Judgement {
  checkSameBox(complaint, es, 'complaint');
  const r = openShareWithKey(fingerprint, es, complaint.sharedKey, commitments);
  if (r.ok) return { verdict: 'complaint-rejected', reason: 'valid-share' };
  if (r.fault === 'does-not-open') return { verdict: 'unproven', reason: r.fault };
  return { verdict: 'dealer-at-fault', reason: r.fault };
}

/**
 * Anyone judges the dealer's answer to an unproven complaint (SPEC §6.5 b): the revealed secret
 * must give the box's ephemeral public key, and the box opened with it and the recipient's
 * registered key must hold a valid share. No answer, or any failure, disqualifies the dealer.
 */
export function judgeAnswer(
  fingerprint: Uint8Array,
  answer: ComplaintAnswer | undefined,
  es: EncryptedShare,
  recipientBoxPublicKey: Uint8Array,
  commitments: DealerCommitments,
): Judgement {
  if (answer === undefined) return { verdict: 'dealer-at-fault', reason: 'no-answer' };
  checkSameBox(answer, es, 'answer');
  const esk = checkKey(answer.ephemeralSecretKey, 'answer.ephemeralSecretKey');
  if (!bytesEqual(nacl.scalarMult.base(esk), checkKey(es.ephemeralPublicKey, 'ephemeralPublicKey')))
    return { verdict: 'dealer-at-fault', reason: 'wrong-ephemeral-secret' };
  const sharedKey = nacl.box.before(checkKey(recipientBoxPublicKey, 'recipientBoxPublicKey'), esk);
  const r = openShareWithKey(fingerprint, es, sharedKey, commitments);
  return r.ok
    ? { verdict: 'complaint-rejected', reason: 'valid-share' }
    : { verdict: 'dealer-at-fault', reason: r.fault };
}

/**
 * Boxes whose ephemeral public key already appeared earlier on the board (SPEC §6.3): their
 * dealers are at fault. Otherwise a dealer could copy an honest box's ephemeral key and make the
 * recipient's complaint reveal the key of the honest box too.
 */
export function reusedEphemeralKeys(boardOrder: readonly EncryptedShare[]): EncryptedShare[] {
  const seen = new Set<string>();
  const out: EncryptedShare[] = [];
  for (const es of boardOrder) {
    const k = bytesToB64(es.ephemeralPublicKey);
    if (seen.has(k)) out.push(es);
    else seen.add(k);
  }
  return out;
}

function decodeHeader(json: unknown, field: string, keys: readonly string[], n: number) {
  const o = asObject(json, field);
  exactKeys(o, ['dealer', 'recipient', ...keys], field);
  const dealer = checkIndex(o.dealer, `${field}.dealer`, n);
  const recipient = checkIndex(o.recipient, `${field}.recipient`, n);
  if (dealer === recipient)
    fail('BAD_PARAMS', `${field}.recipient`, 'dealer and recipient are the same trustee');
  return { o, dealer, recipient };
}

export function encodeEncryptedShare(es: EncryptedShare): EncryptedShareJson {
  return {
    dealer: es.dealer,
    recipient: es.recipient,
    ephemeralPublicKey: bytesToB64(es.ephemeralPublicKey),
    nonce: bytesToB64(es.nonce),
    box: bytesToB64(es.box),
  };
}

/** Strict structural decoding (SPEC §6.3); the nonce derivation is checked when the box is opened. */
export function decodeEncryptedShare(json: unknown, field: string, n?: number): EncryptedShare {
  const { o, dealer, recipient } = decodeHeader(
    json,
    field,
    ['ephemeralPublicKey', 'nonce', 'box'],
    n ?? MAX_TRUSTEES,
  );
  return {
    dealer,
    recipient,
    ephemeralPublicKey: b64ToBytesStrict(o.ephemeralPublicKey, `${field}.ephemeralPublicKey`, BOX_KEY_BYTES),
    nonce: b64ToBytesStrict(o.nonce, `${field}.nonce`, NONCE_BYTES),
    box: b64ToBytesStrict(o.box, `${field}.box`, BOX_BYTES),
  };
}

export function encodeComplaint(c: Complaint): ComplaintJson {
  return { dealer: c.dealer, recipient: c.recipient, sharedKey: bytesToB64(c.sharedKey) };
}

export function decodeComplaint(json: unknown, field: string, n?: number): Complaint {
  const { o, dealer, recipient } = decodeHeader(json, field, ['sharedKey'], n ?? MAX_TRUSTEES);
  return { dealer, recipient, sharedKey: b64ToBytesStrict(o.sharedKey, `${field}.sharedKey`, BOX_KEY_BYTES) };
}

export function encodeComplaintAnswer(a: ComplaintAnswer): ComplaintAnswerJson {
  return { dealer: a.dealer, recipient: a.recipient, ephemeralSecretKey: bytesToB64(a.ephemeralSecretKey) };
}

export function decodeComplaintAnswer(json: unknown, field: string, n?: number): ComplaintAnswer {
  const { o, dealer, recipient } = decodeHeader(json, field, ['ephemeralSecretKey'], n ?? MAX_TRUSTEES);
  return {
    dealer,
    recipient,
    ephemeralSecretKey: b64ToBytesStrict(o.ephemeralSecretKey, `${field}.ephemeralSecretKey`, BOX_KEY_BYTES),
  };
}
