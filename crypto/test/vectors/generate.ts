/**
 * Generates the known-answer vectors in core.json ONCE. The committed file is the reference:
 * tests check the code against it forever, so a change that alters any byte fails. Regenerate only
 * for a deliberate protocol change (with --force), and say so in SPEC.md.
 * Run: npx tsx crypto/test/vectors/generate.ts [--force]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildBallot } from '../../src/ballot.ts';
import { bytesToHex, utf8ToBytes } from '../../src/bytes.ts';
import { canonicalJson } from '../../src/canonical-json.ts';
import { deriveCredentialKeys } from '../../src/credential.ts';
import { makeElectionParams } from '../../src/election-params.ts';
import { encrypt, encodeCiphertext } from '../../src/elgamal.ts';
import { G, encodePoint, encodeScalar } from '../../src/group.ts';
import { electionFingerprint, hashToScalar } from '../../src/hash.ts';
import { proofContext } from '../../src/proofs/context.ts';
import { encodeDleq, proveDleq } from '../../src/proofs/dleq.ts';
import { encodeSchnorr, proveSchnorr } from '../../src/proofs/schnorr.ts';
import { encodeZeroOne, proveZeroOne } from '../../src/proofs/zero-one.ts';

const out = fileURLToPath(new URL('./core.json', import.meta.url));
if (existsSync(out) && !process.argv.includes('--force')) {
  console.error(`${out} exists; vectors are generated once (use --force for a deliberate protocol change)`);
  process.exit(1);
}

const x = hashToScalar('vector', [utf8ToBytes('election secret key')]);
const K = G.multiply(x);
const fingerprint = electionFingerprint({ vector: 'fingerprint' });
const context = utf8ToBytes('vector context');
const ctx = proofContext(fingerprint, context);
const r = hashToScalar('vector', [utf8ToBytes('nonce')]);
const ct = encrypt(K, 1, r).ciphertext;
const y = hashToScalar('vector', [utf8ToBytes('dleq secret')]);
const H1 = G.multiply(y);
const H2 = K.multiply(y);
const params = makeElectionParams('vector-election', K, [{ id: 'akim', options: 6 }]);
const code = 'ABCDEFGHJKLMNPQR' + checkChars();
const keys = deriveCredentialKeys('vector-election', code);
const built = buildBallot(params, keys, [3], { seq: 41, hash: encodeScalar(hashToScalar('vector', [utf8ToBytes('anchor')])) });

function checkChars(): string {
  // Check characters of the payload straight from the definition (SPEC §7.1): N mod 3361 in base 58.
  const A = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let n = 0n;
  for (const ch of 'ABCDEFGHJKLMNPQR') n = n * 58n + BigInt(A.indexOf(ch));
  const c = Number(n % 3361n);
  return A[Math.floor(c / 58)]! + A[c % 58]!;
}

const vectors = {
  comment: 'Saylau saylau/v1 known-answer vectors, generated once by generate.ts; see SPEC.md.',
  group: {
    // RFC 9496 Appendix A.1: encodings of multiples of the generator.
    multiples: [0n, 1n, 2n, 3n, 4n].map((k) => ({ k: Number(k), encoding: k === 0n ? '00'.repeat(32) : encodePoint(G.multiply(k)) })),
  },
  canonicalJson: [
    { input: { z: 1, a: { c: [true, null], b: 'Ақсу' } }, output: canonicalJson({ z: 1, a: { c: [true, null], b: 'Ақсу' } }) },
  ],
  hashToScalar: ['', 'saylau', 'Ақсу ауылдық округі'].map((s) => ({
    purpose: 'vector',
    parts: [bytesToHex(utf8ToBytes(s))],
    scalar: encodeScalar(hashToScalar('vector', [utf8ToBytes(s)])),
  })),
  fingerprint: { params: params.json, fingerprint: bytesToHex(params.fingerprint) },
  elgamal: { secretKey: encodeScalar(x), publicKey: encodePoint(K), message: 1, nonce: encodeScalar(r), ciphertext: encodeCiphertext(ct) },
  proofs: {
    fingerprint: bytesToHex(fingerprint),
    context: bytesToHex(context),
    schnorr: { publicKey: encodePoint(K), proof: encodeSchnorr(proveSchnorr(ctx, x, K)) },
    // Statement (G, y·G, K, y·K).
    dleq: { g1: encodePoint(G), h1: encodePoint(H1), g2: encodePoint(K), h2: encodePoint(H2), proof: encodeDleq(proveDleq(ctx, { g1: G, h1: H1, g2: K, h2: H2 }, y)) },
    zeroOne: { publicKey: encodePoint(K), ciphertext: encodeCiphertext(ct), proof: encodeZeroOne(proveZeroOne(ctx, K, ct, 1, r)) },
  },
  ballot: { params: params.json, credentialCode: code, ballot: built.ballot, hash: built.hash, tracker: built.tracker, choice: 3 },
};
writeFileSync(out, JSON.stringify(vectors, null, 2) + '\n');
console.log(`wrote ${out}`);
