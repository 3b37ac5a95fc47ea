/** Known-answer vectors (generated once by vectors/generate.ts, checked forever). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { decodeBallot, verifyBallot } from '../src/ballot.ts';
import { bytesToHex, hexToBytesStrict } from '../src/bytes.ts';
import { canonicalJson } from '../src/canonical-json.ts';
import { deriveCredentialKeys } from '../src/credential.ts';
import { decodeElectionParams } from '../src/election-params.ts';
import { decodeCiphertext, encodeCiphertext, encrypt } from '../src/elgamal.ts';
import { G, ORDER, decodePoint, decodeScalar, encodePoint } from '../src/group.ts';
import { hashToScalar } from '../src/hash.ts';
import { proofContext } from '../src/proofs/context.ts';
import { decodeDleq, verifyDleq } from '../src/proofs/dleq.ts';
import { decodeSchnorr, verifySchnorr } from '../src/proofs/schnorr.ts';
import { decodeZeroOne, verifyZeroOne } from '../src/proofs/zero-one.ts';
import { ballotHash, trackerFromHash } from '../src/tracker.ts';
import { flipHex } from './helpers.ts';

const V = JSON.parse(readFileSync(new URL('./vectors/core.json', import.meta.url), 'utf8'));

/** SPEC §3.2–§3.3 written out independently of src/hash.ts. */
function specHashToScalar(purpose: string, parts: Uint8Array[]): bigint {
  const enc = (b: Uint8Array) => {
    const out = new Uint8Array(4 + b.length);
    new DataView(out.buffer).setUint32(0, b.length);
    out.set(b, 4);
    return out;
  };
  const chunks = [enc(new TextEncoder().encode('saylau/v1/' + purpose)), ...parts.map(enc)];
  const digest = sha512(Uint8Array.from(chunks.flatMap((c) => [...c])));
  return BigInt('0x' + bytesToHex(digest.reverse())) % ORDER;
}

describe('known-answer vectors', () => {
  it('group: RFC 9496 multiples of the generator', () => {
    for (const { k, encoding } of V.group.multiples) {
      const p = k === 0 ? G.subtract(G) : G.multiply(BigInt(k));
      expect(encodePoint(p)).toBe(encoding);
    }
  });

  it('canonical JSON', () => {
    for (const { input, output } of V.canonicalJson) expect(canonicalJson(input)).toBe(output);
  });

  it('hash to scalar, by the code and by the SPEC text', () => {
    for (const { purpose, parts, scalar } of V.hashToScalar) {
      const bytes = parts.map((p: string) => hexToBytesStrict(p, 'part'));
      expect(hashToScalar(purpose, bytes)).toBe(decodeScalar(scalar, 'scalar'));
      expect(specHashToScalar(purpose, bytes)).toBe(decodeScalar(scalar, 'scalar'));
    }
  });

  it('election fingerprint, by the code and by the SPEC text', () => {
    const params = decodeElectionParams(V.fingerprint.params);
    expect(bytesToHex(params.fingerprint)).toBe(V.fingerprint.fingerprint);
    const tag = new TextEncoder().encode('saylau/v1/fingerprint');
    const body = new TextEncoder().encode(canonicalJson(V.fingerprint.params));
    const input = new Uint8Array(8 + tag.length + body.length);
    const dv = new DataView(input.buffer);
    dv.setUint32(0, tag.length);
    input.set(tag, 4);
    dv.setUint32(4 + tag.length, body.length);
    input.set(body, 8 + tag.length);
    expect(bytesToHex(sha256(input))).toBe(V.fingerprint.fingerprint);
  });

  it('ElGamal encryption is deterministic given the nonce', () => {
    const e = V.elgamal;
    const K = decodePoint(e.publicKey, 'K');
    expect(encodePoint(G.multiply(decodeScalar(e.secretKey, 'x')))).toBe(e.publicKey);
    expect(encodeCiphertext(encrypt(K, e.message, decodeScalar(e.nonce, 'r')).ciphertext)).toEqual(
      e.ciphertext,
    );
  });

  it('proofs verify, and a flipped byte in any of them does not', () => {
    const P = V.proofs;
    const ctx = proofContext(hexToBytesStrict(P.fingerprint, 'fp', 32), hexToBytesStrict(P.context, 'ctx'));
    const K = decodePoint(P.schnorr.publicKey, 'K');
    const checks: [unknown, (j: unknown) => boolean][] = [
      [P.schnorr.proof, (j) => verifySchnorr(ctx, K, decodeSchnorr(j, 'p'))],
      [
        P.dleq.proof,
        (j) =>
          verifyDleq(
            ctx,
            {
              g1: decodePoint(P.dleq.g1, 'g1'),
              h1: decodePoint(P.dleq.h1, 'h1'),
              g2: decodePoint(P.dleq.g2, 'g2'),
              h2: decodePoint(P.dleq.h2, 'h2'),
            },
            decodeDleq(j, 'p'),
          ),
      ],
      [
        P.zeroOne.proof,
        (j) => verifyZeroOne(ctx, K, decodeCiphertext(P.zeroOne.ciphertext, 'c'), decodeZeroOne(j, 'p')),
      ],
    ];
    for (const [proof, verify] of checks) {
      expect(verify(proof)).toBe(true);
      for (const k of Object.keys(proof as object)) {
        const altered = {
          ...(proof as Record<string, string>),
          [k]: flipHex((proof as Record<string, string>)[k]!, 2),
        };
        let ok: boolean;
        try {
          ok = verify(altered);
        } catch {
          ok = false; // the flip made the encoding invalid: refused at decoding
        }
        expect(ok, `flipped ${k}`).toBe(false);
      }
    }
  });

  it('ballot: verifies, with the recorded hash, tracker and credential', () => {
    const b = V.ballot;
    const params = decodeElectionParams(b.params);
    expect(verifyBallot(params, b.ballot).ok).toBe(true);
    expect(ballotHash(b.ballot)).toBe(b.hash);
    // §8.4 by the SPEC text: the tagged SHA-256 of the encrypted part, without anchor and signature.
    const { version, election, credential, contests } = b.ballot;
    const encrypted = { version, election, credential, contests };
    const tag = new TextEncoder().encode('saylau/v1/ballot/tracker');
    const body = new TextEncoder().encode(canonicalJson(encrypted));
    const input = new Uint8Array(8 + tag.length + body.length);
    new DataView(input.buffer).setUint32(0, tag.length);
    input.set(tag, 4);
    new DataView(input.buffer).setUint32(4 + tag.length, body.length);
    input.set(body, 8 + tag.length);
    expect(bytesToHex(sha256(input))).toBe(b.hash);
    expect(trackerFromHash(b.hash)).toBe(b.tracker);
    expect(deriveCredentialKeys(params.election, b.credentialCode).publicKeyText).toBe(b.ballot.credential);
    expect(decodeBallot(params, b.ballot).contests[0]!.choices).toHaveLength(6);
  });
});
