/** Known-answer vectors (generated once by vectors/generate.ts, checked forever). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { ballotEquations, decodeBallot } from '../src/ballot.ts';
import { contestFromFields, contestFields } from '../src/contest-record.ts';
import { bytesToHex, hexToBytesStrict } from '../src/bytes.ts';
import { canonicalJson } from '../src/canonical-json.ts';
import { deriveCredentialKeys } from '../src/credential.ts';
import { decodeElectionParams } from '../src/election-params.ts';
import { decodeCiphertext, encodeCiphertext, encrypt } from '../src/elgamal.ts';
import { G, ORDER, decodePoint, decodeScalar, encodePoint } from '../src/group.ts';
import { electionFingerprint, hashToScalar } from '../src/hash.ts';
import { checkEquations } from '../src/proofs/equation.ts';
import { signatureMessage, verifySignatureBytes } from '../src/signature.ts';
import { proofContext } from '../src/proofs/context.ts';
import { decodeDleq, verifyDleq } from '../src/proofs/dleq.ts';
import { decodeSchnorr, verifySchnorr } from '../src/proofs/schnorr.ts';
import { decodeZeroOne, verifyZeroOne } from '../src/proofs/zero-one.ts';
import { ballotHash, trackerFromHash } from '../src/tracker.ts';
import { flipByte, hexToB64 } from './helpers.ts';

const V = JSON.parse(readFileSync(new URL('./vectors/core.json', import.meta.url), 'utf8'));

/*
 * The vectors hold bytes in hex, as the generator wrote them before SPEC §1.2 gave non-digest bytes
 * base64url; bytes are bytes, so the tests convert. Digests computed over JSON text that held hex
 * (the fingerprint, the ballot hash) stay known answers of the hash over that text.
 */
const b64Values = (o: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, hexToB64(v)]));
const b64Params = (p: { publicKey: string }) => ({ ...p, publicKey: hexToB64(p.publicKey) });

/** SPEC §3.4 written out independently of src/hash.ts: tagged SHA-256 of one canonical JSON. */
function specTaggedJson(purpose: string, json: unknown): string {
  const tag = new TextEncoder().encode('saylau/v1/' + purpose);
  const body = new TextEncoder().encode(canonicalJson(json));
  const input = new Uint8Array(8 + tag.length + body.length);
  const dv = new DataView(input.buffer);
  dv.setUint32(0, tag.length);
  input.set(tag, 4);
  dv.setUint32(4 + tag.length, body.length);
  input.set(body, 8 + tag.length);
  return bytesToHex(sha256(input));
}

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
      expect(encodePoint(p)).toBe(hexToB64(encoding));
    }
  });

  it('canonical JSON', () => {
    for (const { input, output } of V.canonicalJson) expect(canonicalJson(input)).toBe(output);
  });

  it('hash to scalar, by the code and by the SPEC text', () => {
    for (const { purpose, parts, scalar } of V.hashToScalar) {
      const bytes = parts.map((p: string) => hexToBytesStrict(p, 'part'));
      expect(hashToScalar(purpose, bytes)).toBe(decodeScalar(hexToB64(scalar), 'scalar'));
      expect(specHashToScalar(purpose, bytes)).toBe(decodeScalar(hexToB64(scalar), 'scalar'));
    }
  });

  it('election fingerprint, by the code and by the SPEC text', () => {
    // The recorded digest is of the params with the key in hex: the hash itself, a known answer.
    expect(bytesToHex(electionFingerprint(V.fingerprint.params))).toBe(V.fingerprint.fingerprint);
    expect(specTaggedJson('fingerprint', V.fingerprint.params)).toBe(V.fingerprint.fingerprint);
    // The same params as the board now holds them (key in base64url): the code agrees with the SPEC text.
    const json = b64Params(V.fingerprint.params);
    const params = decodeElectionParams(json);
    expect(bytesToHex(params.fingerprint)).toBe(specTaggedJson('fingerprint', json));
    expect(bytesToHex(params.fingerprint)).not.toBe(V.fingerprint.fingerprint);
  });

  it('ElGamal encryption is deterministic given the nonce', () => {
    const e = V.elgamal;
    const K = decodePoint(hexToB64(e.publicKey), 'K');
    expect(encodePoint(G.multiply(decodeScalar(hexToB64(e.secretKey), 'x')))).toBe(hexToB64(e.publicKey));
    expect(encodeCiphertext(encrypt(K, e.message, decodeScalar(hexToB64(e.nonce), 'r')).ciphertext)).toEqual(
      b64Values(e.ciphertext),
    );
  });

  it('proofs verify, and a flipped byte in any of them does not', () => {
    const P = V.proofs;
    const ctx = proofContext(hexToBytesStrict(P.fingerprint, 'fp', 32), hexToBytesStrict(P.context, 'ctx'));
    const K = decodePoint(hexToB64(P.schnorr.publicKey), 'K');
    const checks: [unknown, (j: unknown) => boolean][] = [
      [b64Values(P.schnorr.proof), (j) => verifySchnorr(ctx, K, decodeSchnorr(j, 'p'))],
      [
        b64Values(P.dleq.proof),
        (j) =>
          verifyDleq(
            ctx,
            {
              g1: decodePoint(hexToB64(P.dleq.g1), 'g1'),
              h1: decodePoint(hexToB64(P.dleq.h1), 'h1'),
              g2: decodePoint(hexToB64(P.dleq.g2), 'g2'),
              h2: decodePoint(hexToB64(P.dleq.h2), 'h2'),
            },
            decodeDleq(j, 'p'),
          ),
      ],
      [
        b64Values(P.zeroOne.proof),
        (j) =>
          verifyZeroOne(
            ctx,
            K,
            decodeCiphertext(b64Values(P.zeroOne.ciphertext), 'c'),
            decodeZeroOne(j, 'p'),
          ),
      ],
    ];
    for (const [proof, verify] of checks) {
      expect(verify(proof)).toBe(true);
      for (const k of Object.keys(proof as object)) {
        const altered = {
          ...(proof as Record<string, string>),
          [k]: flipByte((proof as Record<string, string>)[k]!, 1),
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

  it('ballot: its proofs and signature verify, with the recorded hash, tracker and credential', () => {
    const b = V.ballot;
    // The recorded hash and tracker are of the ballot as written, in the earlier hex form (§8.4).
    expect(ballotHash(b.ballot)).toBe(b.hash);
    const { version, election, credential, contests } = b.ballot;
    expect(specTaggedJson('ballot/tracker', { version, election, credential, contests })).toBe(b.hash);
    expect(trackerFromHash(b.hash)).toBe(b.tracker);
    const keys = deriveCredentialKeys(b.params.election, b.credentialCode);
    expect(keys.publicKeyText).toBe(hexToB64(credential));
    // The signature: the credential's, on that body (§7.4), a known answer of Ed25519 as §7.4 uses it.
    const { signature, ...body } = b.ballot;
    expect(
      verifySignatureBytes(signatureMessage('ballot', body), hexToB64(signature), keys.publicKeyText),
    ).toBe(true);
    // The same bytes as a contest record (§8.2): its fields are the vector's, in the record's order.
    const record = contestFromFields({
      choices: contests[0].choices.map(
        (c: { alpha: string; beta: string; proof: Record<string, string> }) => ({
          alpha: hexToB64(c.alpha),
          beta: hexToB64(c.beta),
          proof: b64Values(c.proof),
        }),
      ),
      sumProof: b64Values(contests[0].sumProof),
    } as Parameters<typeof contestFromFields>[0]);
    expect(record).toHaveLength(384 * 6 + 128);
    expect(contestFields(record).choices[3]!.proof.s1).toBe(hexToB64(contests[0].choices[3].proof.s1));
    const json = {
      version,
      election,
      credential: hexToB64(credential),
      contests: [record],
      anchor: b.ballot.anchor,
    };
    const converted = { ...json, signature: hexToB64(signature) };
    // The proofs are bound to the fingerprint of the params they were made under (the recorded one).
    const params = {
      ...decodeElectionParams(b64Params(b.params)),
      fingerprint: hexToBytesStrict(V.fingerprint.fingerprint, 'fp', 32),
    };
    const decoded = decodeBallot(params, converted);
    expect(decoded.contests[0]!.choices).toHaveLength(6);
    expect(checkEquations(ballotEquations(params, decoded))).toBe(true);
    // One byte of any proof changed: the equations fail.
    const fields = contestFields(record);
    fields.choices[2]!.proof.s0 = flipByte(fields.choices[2]!.proof.s0, 0);
    const altered = decodeBallot(params, { ...converted, contests: [contestFromFields(fields)] });
    expect(checkEquations(ballotEquations(params, altered))).toBe(false);
  });
});
