/**
 * The trustee's side of the key ceremony (SPEC §6.2–§6.6, §10.6): register, deal, check the shares
 * received and complain, answer complaints, and compute the final share once the joint key is out.
 * Every value from the server is checked before it is used: the ceremony fingerprint is recomputed,
 * commitments are verified, and the joint key and public share are rederived from the commitments.
 */
import nacl from 'tweetnacl';
import {
  G,
  answerComplaint,
  b64ToBytesStrict,
  bytesToB64,
  createDealing,
  dealShares,
  decodeCommitments,
  decodeEncryptedShare,
  decodeScalar,
  decryptShare,
  encodeCommitments,
  encodeComplaint,
  encodeComplaintAnswer,
  encodeEncryptedShare,
  encodePoint,
  encodeScalar,
  finalShare,
  hexToBytesStrict,
  jointPublicKey,
  makeComplaint,
  openShareWithKey,
  publicShare,
  signDocument,
  verifyCommitments,
  type DealerCommitments,
  type EncryptedShare,
} from '@saylau/crypto';
import {
  ceremonyFingerprint,
  type CeremonyTrustee,
  type DealingMessage,
  Code,
  type CeremonyView,
  type ComplaintStatus,
  ENDPOINTS,
  type VerdictJson,
} from '@saylau/protocol';
import { call, ClientError, type Api } from '../http.ts';
import {
  loadState,
  requireCurrentRound,
  requireIndex,
  saveState,
  type StoredDealing,
  type TrusteeState,
} from './state.ts';

/** A trustee's server and the session token of its account (POST /api/session). */
export type TrusteeApi = Api & { token: string };

export interface VerifiedCeremony {
  t: number;
  n: number;
  fingerprint: string;
  fp: Uint8Array;
  trustees: CeremonyTrustee[];
}

export function fetchCeremony(api: TrusteeApi, election: string): Promise<CeremonyView> {
  return call(api, ENDPOINTS.ceremony, { params: { id: election } });
}

/** Recompute the ceremony fingerprint and find our own keys at our index (SPEC §10.6). */
export function checkCeremony(state: TrusteeState, view: CeremonyView): VerifiedCeremony {
  requireCurrentRound(state, view.round);
  const c = view.ceremony;
  if (!c) throw new ClientError('the ceremony has not started', Code.NO_CEREMONY);
  const me = requireIndex(state);
  const fingerprint = ceremonyFingerprint(state.election, view.manifest, c.t, c.n, c.trustees);
  if (fingerprint !== c.fingerprint)
    throw new ClientError('the ceremony fingerprint does not match its contents', Code.BAD_CEREMONY);
  if (c.trustees.length !== c.n || c.trustees.some((x, k) => x.index !== k + 1))
    throw new ClientError('the ceremony does not list trustees 1..n', Code.BAD_CEREMONY);
  const mine = c.trustees[me - 1];
  if (!mine || mine.signingKey !== state.signingKey || mine.boxKey !== state.boxKey)
    throw new ClientError(`the ceremony does not list our keys at index ${me}`, Code.BAD_CEREMONY);
  return {
    t: c.t,
    n: c.n,
    fingerprint,
    fp: hexToBytesStrict(fingerprint, 'fingerprint', 32),
    trustees: c.trustees,
  };
}

/** Sign a trustee message body (SPEC §7.4, purpose `trustee-message`) and attach the signature. */
export function signMessage<T extends object>(state: TrusteeState, body: T): T & { signature: string } {
  const sk = b64ToBytesStrict(state.signingSecretKey, 'signingSecretKey', 32);
  return { ...body, signature: signDocument('trustee-message', body, sk) };
}

/** Register with the server (POST …/trustees) and store the assigned index. Idempotent. */
export async function registerTrustee(api: TrusteeApi, file: string): Promise<{ index: number }> {
  const state = loadState(file);
  const round = (await fetchCeremony(api, state.election)).round;
  requireCurrentRound(state, round);
  if (state.index !== null) return { index: state.index };
  state.round = round;
  try {
    const r = await call(api, ENDPOINTS.registerTrustee, {
      params: { id: state.election },
      body: { name: state.name, signingKey: state.signingKey, boxKey: state.boxKey },
    });
    state.index = r.index;
  } catch (e) {
    // Registered before the state was saved (a crash in between): find our keys on the server.
    if (!(e instanceof ClientError) || e.code !== Code.ALREADY_REGISTERED) throw e;
    const view = await fetchCeremony(api, state.election);
    const mine = view.trustees.find((x) => x.signingKey === state.signingKey && x.boxKey === state.boxKey);
    if (!mine) throw e;
    state.index = mine.index;
  }
  saveState(file, state);
  return { index: state.index };
}

/** A fresh polynomial, its commitments and one box per other trustee, signed (SPEC §6.2–§6.3). */
export function prepareDealing(state: TrusteeState, c: VerifiedCeremony): StoredDealing {
  const me = requireIndex(state);
  const dealing = createDealing(c.fp, { t: c.t, n: c.n }, me);
  const boxKeys = c.trustees.map((x, k) => b64ToBytesStrict(x.boxKey, `trustees[${k}].boxKey`, 32));
  const { shares, ephemeralSecretKeys, ownShare } = dealShares(c.fp, dealing, boxKeys);
  const message: DealingMessage = signMessage(state, {
    dealer: me,
    commitments: encodeCommitments(dealing.commitments),
    shares: shares.map(encodeEncryptedShare),
  });
  return {
    ceremony: c.fingerprint,
    message,
    polynomial: dealing.polynomial.map(encodeScalar),
    ownShare: encodeScalar(ownShare),
    ephemeralSecretKeys: Object.fromEntries(
      [...ephemeralSecretKeys].map(([j, k]) => [String(j), bytesToB64(k)]),
    ),
  };
}

/**
 * Deal (POST …/ceremony/dealings). The secrets are saved before the dealing is sent, so a crash
 * after sending never loses what an answer to a complaint needs; a resend posts the same dealing.
 */
export async function deal(api: TrusteeApi, file: string): Promise<{ dealer: number; posted: boolean }> {
  const state = loadState(file);
  const view = await fetchCeremony(api, state.election);
  const c = checkCeremony(state, view);
  const me = requireIndex(state);
  if (view.trustees.find((x) => x.index === me)?.dealt) return { dealer: me, posted: false };
  if (state.dealing?.ceremony !== c.fingerprint) {
    state.dealing = prepareDealing(state, c);
    saveState(file, state);
  }
  await call(api, ENDPOINTS.deal, { params: { id: state.election }, body: state.dealing.message });
  return { dealer: me, posted: true };
}

function dealingsOf(
  view: CeremonyView,
  c: VerifiedCeremony,
): Map<number, { commitments: DealerCommitments; shares: EncryptedShare[] }> {
  const out = new Map<number, { commitments: DealerCommitments; shares: EncryptedShare[] }>();
  for (const d of view.dealings) {
    const commitments = decodeCommitments(d.commitments, 'commitments', { t: c.t, n: c.n });
    if (commitments.dealer !== d.dealer || !verifyCommitments(c.fp, { t: c.t, n: c.n }, commitments))
      throw new ClientError(
        `dealer ${d.dealer}'s commitments do not verify; the server accepted them`,
        Code.BAD_BOARD,
      );
    out.set(d.dealer, {
      commitments,
      shares: d.shares.map((s, k) => decodeEncryptedShare(s, `shares[${k}]`, c.n)),
    });
  }
  return out;
}

export interface CheckReport {
  /** Dealers whose share to us opened and passed the Feldman check. */
  received: number[];
  /** Our complaints, old and new, with the public verdict. */
  complaints: { dealer: number; status: ComplaintStatus; reason: string }[];
  /** Trustees that have not dealt yet: run again after they have. */
  waiting: number[];
}

/**
 * Open and check every share addressed to us (SPEC §6.4); for a bad one, post a complaint
 * revealing that box's key (§6.5 a). Safe to run again: checked dealers are skipped.
 */
export async function checkDealings(api: TrusteeApi, file: string): Promise<CheckReport> {
  const state = loadState(file);
  const view = await fetchCeremony(api, state.election);
  const c = checkCeremony(state, view);
  const me = requireIndex(state);
  const boxSecret = b64ToBytesStrict(state.boxSecretKey, 'boxSecretKey', 32);
  const report: CheckReport = { received: [], complaints: [], waiting: view.missing.filter((i) => i !== me) };
  for (const [dealer, d] of dealingsOf(view, c)) {
    if (dealer === me) continue;
    const existing = view.complaints.find((x) => x.dealer === dealer && x.recipient === me);
    if (existing) {
      report.complaints.push({ dealer, status: existing.status, reason: existing.verdict.reason });
      continue;
    }
    const es = d.shares.find((s) => s.recipient === me);
    if (!es)
      throw new ClientError(`dealer ${dealer} has no box for us; the server accepted it`, Code.BAD_BOARD);
    const opened = decryptShare(c.fp, es, boxSecret, d.commitments);
    if (opened.ok) {
      state.received[String(dealer)] = encodeScalar(opened.share);
      report.received.push(dealer);
      continue;
    }
    if (view.phase !== 'dealing') continue; // too late to complain; the share is simply missing
    const complaint = signMessage(state, {
      ceremony: c.fingerprint,
      ...encodeComplaint(makeComplaint(es, boxSecret)),
    });
    const verdict = await call(api, ENDPOINTS.complain, { params: { id: state.election }, body: complaint });
    report.complaints.push({ dealer, status: verdict.status, reason: verdict.reason });
  }
  saveState(file, state);
  return report;
}

/** Answer every unproven complaint against our dealing by revealing that box's ephemeral secret (§6.5 b). */
export async function answerComplaints(api: TrusteeApi, file: string): Promise<VerdictJson[]> {
  const state = loadState(file);
  const view = await fetchCeremony(api, state.election);
  const c = checkCeremony(state, view);
  const me = requireIndex(state);
  const out: VerdictJson[] = [];
  for (const x of view.complaints) {
    if (x.dealer !== me || x.status !== 'awaiting-answer' || x.answer !== null) continue;
    const d = state.dealing;
    const esk = d?.ceremony === c.fingerprint ? d.ephemeralSecretKeys[String(x.recipient)] : undefined;
    const box = d?.message.shares.find((s) => s.recipient === x.recipient);
    if (!esk || !box)
      throw new ClientError(
        `the secrets of our box for trustee ${x.recipient} are not in the state file`,
        Code.NO_SECRETS,
      );
    const es = decodeEncryptedShare(box, 'box', c.n);
    const answer = signMessage(state, {
      ceremony: c.fingerprint,
      ...encodeComplaintAnswer(answerComplaint(es, b64ToBytesStrict(esk, 'ephemeralSecretKey', 32))),
    });
    const verdict = await call(api, ENDPOINTS.answer, { params: { id: state.election }, body: answer });
    out.push(verdict);
  }
  return out;
}

/**
 * After the joint key: x_j = Σ_{i∈QUAL} s_{i→j} (SPEC §6.6), checked against X_j rederived from the
 * commitments; then the dealing secrets are erased (§6.3) and only x_j stays in the file.
 */
export async function computeShare(
  api: TrusteeApi,
  file: string,
): Promise<{ index: number; publicKey: string; publicShare: string; qualified: number[] }> {
  const state = loadState(file);
  const view = await fetchCeremony(api, state.election);
  const c = checkCeremony(state, view);
  const me = requireIndex(state);
  const jk = view.jointKey;
  if (!jk) throw new ClientError('the joint key is not published yet', Code.NO_JOINT_KEY);
  const dealings = dealingsOf(view, c);
  const qual = jk.qualified;
  const qualCommitments = qual.map((i) => {
    const d = dealings.get(i);
    if (!d) throw new ClientError(`qualified dealer ${i} has no dealing`, Code.BAD_BOARD);
    return d.commitments;
  });
  const K = encodePoint(jointPublicKey(qualCommitments));
  const X = encodePoint(publicShare(qualCommitments, me));
  if (K !== jk.publicKey || X !== jk.publicShares.find((p) => p.index === me)?.key)
    throw new ClientError(
      'the published joint key or public share does not match the commitments',
      Code.BAD_BOARD,
    );
  const received = new Map<number, bigint>();
  for (const i of qual) {
    if (i === me) {
      if (state.dealing?.ceremony !== c.fingerprint)
        throw new ClientError('our own dealing is not in the state file', Code.NO_SECRETS);
      received.set(i, decodeScalar(state.dealing.ownShare, 'ownShare'));
    } else {
      const kept = state.received[String(i)];
      received.set(
        i,
        kept ? decodeScalar(kept, 'received') : recoverShare(state, view, c, i, dealings.get(i)!),
      );
    }
  }
  const x = finalShare(qual, received);
  if (encodePoint(G.multiply(x)) !== X)
    throw new ClientError('our final share does not match the public share X_j', Code.SHARE_MISMATCH);
  state.share = { ceremony: c.fingerprint, secret: encodeScalar(x), publicShare: X, publicKey: K };
  state.dealing = null;
  state.received = {};
  saveState(file, state);
  return { index: me, publicKey: K, publicShare: X, qualified: qual };
}

/** A share from a qualified dealer we did not keep: from the dealer's public answer, or our box again. */
function recoverShare(
  state: TrusteeState,
  view: CeremonyView,
  c: VerifiedCeremony,
  dealer: number,
  d: { commitments: DealerCommitments; shares: EncryptedShare[] },
): bigint {
  const me = requireIndex(state);
  const es = d.shares.find((s) => s.recipient === me)!;
  const answer = view.complaints.find((x) => x.dealer === dealer && x.recipient === me)?.answer;
  if (answer) {
    const key = nacl.box.before(
      b64ToBytesStrict(state.boxKey, 'boxKey', 32),
      b64ToBytesStrict(answer.ephemeralSecretKey, 'ephemeralSecretKey', 32),
    );
    const r = openShareWithKey(c.fp, es, key, d.commitments);
    if (r.ok) return r.share;
  }
  const r = decryptShare(c.fp, es, b64ToBytesStrict(state.boxSecretKey, 'boxSecretKey', 32), d.commitments);
  if (r.ok) return r.share;
  throw new ClientError(`no valid share from qualified dealer ${dealer}`, Code.MISSING_SHARE);
}
