import nacl from 'tweetnacl';
import { randomBytes } from '../src/bytes.ts';
import type { Point } from '../src/group.ts';
import {
  createDealing,
  dealShares,
  decryptShare,
  finalShare,
  jointPublicKey,
  publicShares,
  qualifiedSet,
  verifyCommitments,
  type Dealing,
  type EncryptedShare,
  type ThresholdParams,
} from '../src/threshold/index.ts';

export const fingerprintA = new Uint8Array(32).fill(0xa1);
export const fingerprintB = new Uint8Array(32).fill(0xb2);

export interface DkgRun {
  params: ThresholdParams;
  boxKeys: nacl.BoxKeyPair[];
  dealings: Dealing[];
  boxes: EncryptedShare[];
  ephemeral: Map<string, Uint8Array>;
  qual: number[];
  K: Point;
  secretShares: bigint[];
  publicShares: Point[];
}

/** An honest t-of-n DKG run, every step checked as a trustee would. */
export function runDkg(t: number, n: number, fingerprint = fingerprintA): DkgRun {
  const params = { t, n };
  const boxKeys = Array.from({ length: n }, () => nacl.box.keyPair.fromSecretKey(randomBytes(32)));
  const dealings = Array.from({ length: n }, (_, i) => createDealing(fingerprint, params, i + 1));
  for (const d of dealings)
    if (!verifyCommitments(fingerprint, params, d.commitments)) throw new Error('commitments');
  const boxes: EncryptedShare[] = [];
  const ephemeral = new Map<string, Uint8Array>();
  const own: bigint[] = [];
  for (const d of dealings) {
    const dealt = dealShares(
      fingerprint,
      d,
      boxKeys.map((k) => k.publicKey),
    );
    boxes.push(...dealt.shares);
    for (const [j, esk] of dealt.ephemeralSecretKeys) ephemeral.set(`${d.dealer}->${j}`, esk);
    own.push(dealt.ownShare);
  }
  const qual = qualifiedSet(
    params,
    dealings.map((d) => d.dealer),
    [],
  );
  const qualCommitments = dealings.filter((d) => qual.includes(d.dealer)).map((d) => d.commitments);
  const secretShares = Array.from({ length: n }, (_, idx) => {
    const j = idx + 1;
    const received = new Map<number, bigint>([[j, own[idx]!]]);
    for (const es of boxes.filter((b) => b.recipient === j)) {
      const r = decryptShare(fingerprint, es, boxKeys[idx]!.secretKey, dealings[es.dealer - 1]!.commitments);
      if (!r.ok) throw new Error(`share ${es.dealer}->${j}: ${r.fault}`);
      received.set(es.dealer, r.share);
    }
    return finalShare(qual, received);
  });
  return {
    params,
    boxKeys,
    dealings,
    boxes,
    ephemeral,
    qual,
    K: jointPublicKey(qualCommitments),
    secretShares,
    publicShares: publicShares(qualCommitments, n),
  };
}

export function subsets<T>(xs: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (xs.length < k) return [];
  const [head, ...rest] = xs;
  return [...subsets(rest, k - 1).map((s) => [head!, ...s]), ...subsets(rest, k)];
}
