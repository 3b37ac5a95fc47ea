import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { bytesToHex, randomBytes } from '../src/bytes.ts';
import { encodeScalarBytes, G, mod, ORDER, randomScalar } from '../src/group.ts';
import { proveSchnorr } from '../src/proofs/schnorr.ts';
import {
  answerComplaint,
  commitmentContext,
  decodeCommitments,
  decodeComplaint,
  decodeComplaintAnswer,
  decodeEncryptedShare,
  decryptShare,
  encodeCommitments,
  encodeComplaint,
  encodeComplaintAnswer,
  encodeEncryptedShare,
  encryptShare,
  judgeAnswer,
  judgeComplaint,
  makeComplaint,
  reusedEphemeralKeys,
  shareFor,
  shareNonce,
  verifyCommitments,
  type DealerCommitments,
  type EncryptedShare,
} from '../src/threshold/index.ts';
import { fingerprintA, fingerprintB, runDkg } from './threshold-helpers.ts';
import { codeOf } from './helpers.ts';
import { SCALAR_L, SCALAR_L_BYTES, b64ToHex, hexToB64, withUnusedBits } from './helpers.ts';

/** A dishonest dealer's box: arbitrary 32-byte plaintext, correctly derived nonce. */
function boxOf(dealer: number, recipient: number, plaintext: Uint8Array, recipientPk: Uint8Array) {
  const eph = nacl.box.keyPair.fromSecretKey(randomBytes(32));
  const nonce = shareNonce(fingerprintA, dealer, recipient, eph.publicKey);
  const es: EncryptedShare = {
    dealer,
    recipient,
    ephemeralPublicKey: eph.publicKey,
    nonce,
    box: nacl.box(plaintext, nonce, recipientPk, eph.secretKey),
  };
  return { es, esk: eph.secretKey };
}

describe('§6.2 commitments and their Schnorr proofs', () => {
  const run = runDkg(3, 5);
  const params = run.params;
  const c = run.dealings[1]!.commitments; // dealer 2

  it('verify as published and after a JSON round trip', () => {
    expect(verifyCommitments(fingerprintA, params, c)).toBe(true);
    const back = decodeCommitments(JSON.parse(JSON.stringify(encodeCommitments(c))), 'c', params);
    expect(verifyCommitments(fingerprintA, params, back)).toBe(true);
    expect(encodeCommitments(back)).toEqual(encodeCommitments(c));
  });

  it('are rejected when a commitment, the context or a response is altered', () => {
    const altered = (
      k: number,
      f: (x: DealerCommitments['coefficients'][number]) => object,
    ): DealerCommitments => ({
      dealer: c.dealer,
      coefficients: c.coefficients.map((cc, i) => (i === k ? { ...cc, ...f(cc) } : cc)),
    });
    for (let k = 0; k < 3; k++) {
      expect(
        verifyCommitments(
          fingerprintA,
          params,
          altered(k, (cc) => ({ point: cc.point.add(G) })),
        ),
      ).toBe(false);
      expect(
        verifyCommitments(
          fingerprintA,
          params,
          altered(k, (cc) => ({ proof: { ...cc.proof, response: mod(cc.proof.response + 1n) } })),
        ),
      ).toBe(false);
      expect(
        verifyCommitments(
          fingerprintA,
          params,
          altered(k, (cc) => ({ proof: { ...cc.proof, commitment: cc.proof.commitment.add(G) } })),
        ),
      ).toBe(false);
    }
    // Another election, another dealer index, swapped coefficient positions.
    expect(verifyCommitments(fingerprintB, params, c)).toBe(false);
    expect(verifyCommitments(fingerprintA, params, { ...c, dealer: 3 })).toBe(false);
    const swapped = [c.coefficients[1]!, c.coefficients[0]!, c.coefficients[2]!];
    expect(verifyCommitments(fingerprintA, params, { ...c, coefficients: swapped })).toBe(false);
    // Wrong count, out-of-range dealer.
    expect(verifyCommitments(fingerprintA, params, { ...c, coefficients: c.coefficients.slice(0, 2) })).toBe(
      false,
    );
    expect(verifyCommitments(fingerprintA, params, { ...c, dealer: 6 })).toBe(false);
    // A proof made for another context does not transfer, even with the right secret.
    const a = run.dealings[1]!.polynomial[0]!;
    const wrongCtx = proveSchnorr(commitmentContext(fingerprintA, 2, 1), a, c.coefficients[0]!.point);
    expect(
      verifyCommitments(
        fingerprintA,
        params,
        altered(0, () => ({ proof: wrongCtx })),
      ),
    ).toBe(false);
    const rightCtx = proveSchnorr(commitmentContext(fingerprintA, 2, 0), a, c.coefficients[0]!.point);
    expect(
      verifyCommitments(
        fingerprintA,
        params,
        altered(0, () => ({ proof: rightCtx })),
      ),
    ).toBe(true);
  });

  it('context bytes are "dkg-commitment" ‖ u64be(i) ‖ u64be(k)', () => {
    const ctx = commitmentContext(fingerprintA, 2, 1);
    expect(bytesToHex(ctx.context)).toBe(
      bytesToHex(new TextEncoder().encode('dkg-commitment')) + '0000000000000002' + '0000000000000001',
    );
  });

  it('JSON decoding is strict', () => {
    const json = encodeCommitments(c);
    const withPoint = (hex: string) => ({
      ...json,
      coefficients: json.coefficients.map((e, k) => (k === 1 ? { ...e, point: hex } : e)),
    });
    expect(codeOf(() => decodeCommitments(withPoint(hexToB64('ff'.repeat(32))), 'c', params))).toEqual([
      'NON_CANONICAL',
      'c.coefficients[1].point',
    ]);
    // Encoding of a negative field element: canonical ristretto requires the LSB of s clear.
    expect(codeOf(() => decodeCommitments(withPoint(hexToB64('01' + '00'.repeat(31))), 'c', params))).toEqual(
      ['NON_CANONICAL', 'c.coefficients[1].point'],
    );
    expect(codeOf(() => decodeCommitments(withPoint(hexToB64('00'.repeat(32))), 'c', params))).toEqual([
      'IDENTITY',
      'c.coefficients[1].point',
    ]);
    expect(
      codeOf(() => decodeCommitments(withPoint(withUnusedBits(json.coefficients[1]!.point)), 'c', params)),
    ).toEqual(['BAD_BASE64', 'c.coefficients[1].point']);
    const bigResponse = hexToB64(bytesToHex(encodeScalarBytes(ORDER - 1n)).slice(0, 62) + 'ff');
    const withResp = {
      ...json,
      coefficients: json.coefficients.map((e, k) =>
        k === 2 ? { ...e, proof: { ...e.proof, response: bigResponse } } : e,
      ),
    };
    expect(codeOf(() => decodeCommitments(withResp, 'c', params))).toEqual([
      'SCALAR_RANGE',
      'c.coefficients[2].proof.response',
    ]);
    // ℓ itself is refused too.
    const ell = { ...withResp };
    ell.coefficients = json.coefficients.map((e, k) =>
      k === 0 ? { ...e, proof: { ...e.proof, response: SCALAR_L } } : e,
    );
    expect(codeOf(() => decodeCommitments(ell, 'c', params))).toEqual([
      'SCALAR_RANGE',
      'c.coefficients[0].proof.response',
    ]);
    expect(codeOf(() => decodeCommitments({ ...json, extra: true }, 'c', params))).toEqual(['BAD_TYPE', 'c']);
    expect(
      codeOf(() => decodeCommitments({ ...json, coefficients: json.coefficients.slice(1) }, 'c', params)),
    ).toEqual(['BAD_LENGTH', 'c.coefficients']);
    expect(codeOf(() => decodeCommitments({ ...json, dealer: 0 }, 'c', params))).toEqual([
      'BAD_PARAMS',
      'c.dealer',
    ]);
    expect(codeOf(() => decodeCommitments({ ...json, dealer: '2' }, 'c', params))).toEqual([
      'BAD_TYPE',
      'c.dealer',
    ]);
  });
});

describe('§6.3–§6.5 encrypted shares and complaints', () => {
  const run = runDkg(3, 5);
  const d1 = run.dealings[0]!; // dealer 1
  const pk = (j: number) => run.boxKeys[j - 1]!.publicKey;
  const sk = (j: number) => run.boxKeys[j - 1]!.secretKey;
  const honestBox = run.boxes.find((b) => b.dealer === 1 && b.recipient === 3)!;
  const honestEsk = run.ephemeral.get('1->3')!;

  it('a box opens only for its recipient and holds the Feldman-valid share', () => {
    const r = decryptShare(fingerprintA, honestBox, sk(3), d1.commitments);
    expect(r).toEqual({ ok: true, share: shareFor(d1, 3) });
    expect(decryptShare(fingerprintA, honestBox, sk(4), d1.commitments)).toEqual({
      ok: false,
      fault: 'does-not-open',
    });
    // Same box presented in another election: the derived nonce no longer matches.
    expect(decryptShare(fingerprintB, honestBox, sk(3), d1.commitments)).toEqual({
      ok: false,
      fault: 'bad-nonce',
    });
    expect(honestBox.box.length).toBe(48);
    expect(bytesToHex(honestBox.nonce)).toBe(
      bytesToHex(shareNonce(fingerprintA, 1, 3, honestBox.ephemeralPublicKey)),
    );
  });

  it('a recipient proves a bad share by revealing the box key (dealer at fault)', () => {
    // Dealer 1 sends trustee 3 a share that fails the Feldman check.
    const bad = boxOf(1, 3, encodeScalarBytes(mod(shareFor(d1, 3) + 1n)), pk(3));
    expect(decryptShare(fingerprintA, bad.es, sk(3), d1.commitments)).toEqual({
      ok: false,
      fault: 'feldman',
    });
    const complaint = decodeComplaint(
      JSON.parse(JSON.stringify(encodeComplaint(makeComplaint(bad.es, sk(3))))),
      'c',
      5,
    );
    expect(judgeComplaint(fingerprintA, complaint, bad.es, d1.commitments)).toEqual({
      verdict: 'dealer-at-fault',
      reason: 'feldman',
    });
    // A plaintext ≥ ℓ is a fault too.
    const big = boxOf(1, 3, SCALAR_L_BYTES, pk(3));
    expect(judgeComplaint(fingerprintA, makeComplaint(big.es, sk(3)), big.es, d1.commitments)).toEqual({
      verdict: 'dealer-at-fault',
      reason: 'non-canonical-scalar',
    });
    // A wrong nonce is visible to anyone.
    const wrongNonce = { ...honestBox, nonce: new Uint8Array(24) };
    expect(
      judgeComplaint(fingerprintA, makeComplaint(wrongNonce, sk(3)), wrongNonce, d1.commitments).verdict,
    ).toBe('dealer-at-fault');
  });

  it('a false complaint with the true key is rejected outright', () => {
    expect(judgeComplaint(fingerprintA, makeComplaint(honestBox, sk(3)), honestBox, d1.commitments)).toEqual({
      verdict: 'complaint-rejected',
      reason: 'valid-share',
    });
  });

  it('a false complaint with a made-up key is unproven, then rejected by the ephemeral-secret reveal', () => {
    const complaint = { dealer: 1, recipient: 3, sharedKey: randomBytes(32) };
    expect(judgeComplaint(fingerprintA, complaint, honestBox, d1.commitments)).toEqual({
      verdict: 'unproven',
      reason: 'does-not-open',
    });
    const answer = decodeComplaintAnswer(
      JSON.parse(JSON.stringify(encodeComplaintAnswer(answerComplaint(honestBox, honestEsk)))),
      'a',
      5,
    );
    expect(judgeAnswer(fingerprintA, answer, honestBox, pk(3), d1.commitments)).toEqual({
      verdict: 'complaint-rejected',
      reason: 'valid-share',
    });
  });

  it('a wrong revealed ephemeral secret, or none, disqualifies the dealer', () => {
    const other = run.ephemeral.get('1->4')!;
    expect(
      judgeAnswer(fingerprintA, answerComplaint(honestBox, other), honestBox, pk(3), d1.commitments),
    ).toEqual({
      verdict: 'dealer-at-fault',
      reason: 'wrong-ephemeral-secret',
    });
    expect(
      judgeAnswer(
        fingerprintA,
        answerComplaint(honestBox, randomBytes(32)),
        honestBox,
        pk(3),
        d1.commitments,
      ),
    ).toEqual({ verdict: 'dealer-at-fault', reason: 'wrong-ephemeral-secret' });
    expect(judgeAnswer(fingerprintA, undefined, honestBox, pk(3), d1.commitments)).toEqual({
      verdict: 'dealer-at-fault',
      reason: 'no-answer',
    });
  });

  it('a box that does not open for the recipient: unproven complaint, the reveal convicts the dealer', () => {
    // Encrypted to trustee 4's key but addressed to trustee 3.
    const wrong = boxOf(1, 3, encodeScalarBytes(shareFor(d1, 3)), pk(4));
    expect(decryptShare(fingerprintA, wrong.es, sk(3), d1.commitments)).toEqual({
      ok: false,
      fault: 'does-not-open',
    });
    expect(
      judgeComplaint(fingerprintA, makeComplaint(wrong.es, sk(3)), wrong.es, d1.commitments).verdict,
    ).toBe('unproven');
    expect(
      judgeAnswer(fingerprintA, answerComplaint(wrong.es, wrong.esk), wrong.es, pk(3), d1.commitments),
    ).toEqual({
      verdict: 'dealer-at-fault',
      reason: 'does-not-open',
    });
    // A bad share revealed by the dealer's own answer convicts it as well.
    const bad = boxOf(1, 3, encodeScalarBytes(randomScalar()), pk(3));
    expect(
      judgeAnswer(fingerprintA, answerComplaint(bad.es, bad.esk), bad.es, pk(3), d1.commitments),
    ).toEqual({
      verdict: 'dealer-at-fault',
      reason: 'feldman',
    });
  });

  it('judging refuses a complaint about another box or commitments of another dealer', () => {
    const c = makeComplaint(honestBox, sk(3));
    expect(
      codeOf(() => judgeComplaint(fingerprintA, { ...c, recipient: 4 }, honestBox, d1.commitments)),
    ).toEqual(['BAD_PARAMS', 'complaint']);
    expect(codeOf(() => judgeComplaint(fingerprintA, c, honestBox, run.dealings[1]!.commitments))).toEqual([
      'BAD_PARAMS',
      'commitments.dealer',
    ]);
  });

  it('a copied ephemeral key is flagged against the later box', () => {
    const copy = encryptShare(fingerprintA, 2, 3, shareFor(run.dealings[1]!, 3), pk(3)).encrypted;
    const copied = { ...copy, ephemeralPublicKey: honestBox.ephemeralPublicKey };
    expect(reusedEphemeralKeys([...run.boxes, copied])).toEqual([copied]);
    expect(reusedEphemeralKeys(run.boxes)).toEqual([]);
  });

  it('encrypted-share JSON round-trips and decodes strictly', () => {
    const json = encodeEncryptedShare(honestBox);
    expect(Object.keys(json)).toEqual(['dealer', 'recipient', 'ephemeralPublicKey', 'nonce', 'box']);
    const back = decodeEncryptedShare(JSON.parse(JSON.stringify(json)), 'e', 5);
    expect(decryptShare(fingerprintA, back, sk(3), d1.commitments).ok).toBe(true);
    expect(codeOf(() => decodeEncryptedShare({ ...json, box: json.box.slice(2) }, 'e', 5))).toEqual([
      'BAD_LENGTH',
      'e.box',
    ]);
    // 24 and 48 bytes leave no unused bits: padding and the standard alphabet are what can differ.
    expect(
      codeOf(() => decodeEncryptedShare({ ...json, nonce: `${json.nonce.slice(0, 30)}==` }, 'e', 5)),
    ).toEqual(['BAD_BASE64', 'e.nonce']);
    expect(codeOf(() => decodeEncryptedShare({ ...json, box: `/${json.box.slice(1)}` }, 'e', 5))).toEqual([
      'BAD_BASE64',
      'e.box',
    ]);
    expect(
      codeOf(() =>
        decodeEncryptedShare(
          { ...json, ephemeralPublicKey: withUnusedBits(json.ephemeralPublicKey) },
          'e',
          5,
        ),
      ),
    ).toEqual(['BAD_BASE64', 'e.ephemeralPublicKey']);
    expect(codeOf(() => decodeEncryptedShare({ ...json, nonce: b64ToHex(json.nonce) }, 'e', 5))).toEqual([
      'BAD_LENGTH',
      'e.nonce',
    ]);
    expect(codeOf(() => decodeEncryptedShare({ ...json, recipient: 1 }, 'e', 5))).toEqual([
      'BAD_PARAMS',
      'e.recipient',
    ]);
    expect(codeOf(() => decodeEncryptedShare({ ...json, recipient: 6 }, 'e', 5))).toEqual([
      'BAD_PARAMS',
      'e.recipient',
    ]);
    expect(codeOf(() => decodeEncryptedShare({ ...json, more: 1 }, 'e', 5))).toEqual(['BAD_TYPE', 'e']);
    const missing: Partial<typeof json> = { ...json };
    delete missing.nonce;
    expect(codeOf(() => decodeEncryptedShare(missing, 'e', 5))).toEqual(['BAD_TYPE', 'e.nonce']);
    expect(codeOf(() => encryptShare(fingerprintA, 1, 1, 5n, pk(1)))).toEqual(['BAD_PARAMS', 'recipient']);
  });
});
