/**
 * The key-ceremony fingerprint (SPEC §10.6): the election's §3.4 fingerprint needs the joint key,
 * which does not exist yet, so the DKG's proofs and share nonces are bound to this one instead.
 */
import { bytesToHex, electionFingerprint, type Judgement } from '@saylau/crypto';
import type {
  AnswerMessage,
  CeremonyTrustee,
  ComplaintMessage,
  DealingMessage,
  JointKeyPayload,
} from './payloads.ts';

/** The object fingerprinted: everything that defines this ceremony, and the board it belongs to. */
export function ceremonyParams(
  election: string,
  manifest: string,
  t: number,
  n: number,
  trustees: readonly CeremonyTrustee[],
) {
  return {
    version: 'saylau/v1' as const,
    election,
    purpose: 'key-ceremony' as const,
    manifest,
    t,
    n,
    trustees: trustees.map((x) => ({
      index: x.index,
      name: x.name,
      signingKey: x.signingKey,
      boxKey: x.boxKey,
    })),
  };
}

/** Hex H256_fingerprint(JCS(ceremonyParams)) — 32 bytes, as in §3.4. */
export function ceremonyFingerprint(
  election: string,
  manifest: string,
  t: number,
  n: number,
  trustees: readonly CeremonyTrustee[],
): string {
  return bytesToHex(electionFingerprint(ceremonyParams(election, manifest, t, n, trustees)));
}

export type CeremonyPhase = 'registration' | 'dealing' | 'finished';

/** `awaiting-answer`: the complaint was unproven (§6.5 a) and the dealer has not answered yet. */
export type ComplaintStatus = 'dealer-at-fault' | 'complaint-rejected' | 'awaiting-answer';

/** GET …/ceremony (SPEC §10.6): the public state a trustee's tools need for their next step. */
export interface CeremonyView {
  election: string;
  /** The ceremony round (SPEC §10.6.7): 0, then 1, 2, … after each `ceremony-reset`. */
  round: number;
  phase: CeremonyPhase;
  /** Hash of the manifest entry, bound into the ceremony fingerprint. */
  manifest: string;
  trustees: (CeremonyTrustee & { dealt: boolean })[];
  ceremony: { seq: number; t: number; n: number; trustees: CeremonyTrustee[]; fingerprint: string } | null;
  /** Trustees of the ceremony who have not dealt yet. */
  missing: number[];
  dealings: (DealingMessage & { seq: number })[];
  complaints: (ComplaintMessage & {
    seq: number;
    verdict: Judgement;
    answer: (AnswerMessage & { seq: number; verdict: Judgement }) | null;
    status: ComplaintStatus;
  })[];
  /** Disqualified so far; at the joint key, complaints still awaiting an answer count too. */
  disqualified: number[];
  jointKey: JointKeyPayload | null;
}
